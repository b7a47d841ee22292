"""Ukrainian identifiers to the check digit: RNOKPP, EDRPOU, IBAN, bank cards, passports."""

from __future__ import annotations

from datetime import date

import pytest
from classify_helpers import birthday_range, iban_complete, luhn_complete, rnokpp_from
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desktop.domain.validators import (
    is_valid_card,
    is_valid_edrpou,
    is_valid_rnokpp,
    normalise_card,
    normalise_iban,
    normalise_passport,
    rnokpp_birth_date,
    rnokpp_is_male,
)


def _other_digit(code: str, index: int) -> list[str]:
    return [code[:index] + d + code[index + 1 :] for d in "0123456789" if d != code[index]]


# ---------------------------------------------------------------- RNOKPP


def test_a_known_rnokpp_and_what_it_encodes() -> None:
    # 318471069: -3 + 5 + 56 + 36 + 28 + 6 + 0 + 30 + 63 = 221; 221 mod 11 = 1.
    assert is_valid_rnokpp("3184710691")
    assert rnokpp_birth_date("3184710691") == date(1987, 3, 12)
    assert rnokpp_is_male("3184710691") is True


@pytest.mark.parametrize(
    "code",
    [
        "3184710692",
        "3184710690",
        "318471069",
        "31847106911",
        "318471069X",
        "",
        "３１８４７１０６９１",
    ],
)
def test_invalid_rnokpp(code: str) -> None:
    assert not is_valid_rnokpp(code)
    assert rnokpp_birth_date(code) is None
    assert rnokpp_is_male(code) is None


def test_every_other_check_digit_is_refused() -> None:
    for wrong in _other_digit("3184710691", 9):
        assert not is_valid_rnokpp(wrong)


def test_a_zero_day_count_encodes_no_date() -> None:
    code = rnokpp_from(date(1899, 12, 31), 123, 4)
    assert is_valid_rnokpp(code)
    assert rnokpp_birth_date(code) is None


@settings(max_examples=500, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2173, 10, 13)),
    st.integers(0, 999),
    st.integers(0, 9),
)
def test_rnokpp_round_trips_birth_date_and_gender(born: date, serial: int, digit: int) -> None:
    code = rnokpp_from(born, serial, digit)
    assert is_valid_rnokpp(code)
    assert rnokpp_birth_date(code) == born
    assert rnokpp_is_male(code) is (digit % 2 == 1)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 8))
def test_any_single_digit_change_is_caught_or_changes_the_code(born: date, index: int) -> None:
    code = rnokpp_from(born, 0, 1)
    # Weights are distinct non-zero residues mod 11, so a one-digit change moves the sum;
    # the only blind spot is mod 11 → 10 → 0, which the test allows for.
    changed = [w for w in _other_digit(code, index) if is_valid_rnokpp(w)]
    assert len(changed) <= 1


def test_birth_dates_across_the_whole_range() -> None:
    for born in birthday_range():
        assert rnokpp_birth_date(rnokpp_from(born, 7, 2)) == born


# ---------------------------------------------------------------- EDRPOU


# 40075815 lies between 30 and 60 million, so weights 7,1,2,3,4,5,6 apply: 28 + 0 + 0 + 21 +
# 20 + 40 + 6 = 115, mod 11 = 5 (the base weights would give 112 mod 11 = 2).
@pytest.mark.parametrize("code", ["14360506", "00032129", "00035323", "32855961", "40075815"])
def test_valid_edrpou(code: str) -> None:
    assert is_valid_edrpou(code)


@pytest.mark.parametrize(
    "code",
    ["14360507", "00032128", "1436050", "143605066", "1436050X", "", "32855962", "40075812"],
)
def test_invalid_edrpou(code: str) -> None:
    assert not is_valid_edrpou(code)


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 9_999_999))
def test_exactly_one_check_digit_completes_an_edrpou(prefix: int) -> None:
    first = f"{prefix:07d}"
    assert sum(is_valid_edrpou(first + d) for d in "0123456789") == 1


def test_the_second_pass_with_weights_plus_two() -> None:
    # 0000200 with weights 1..7: 5·2 = 10, so the second pass (weights + 2): 7·2 = 14 mod 11
    # = 3.
    assert is_valid_edrpou("00002003")
    assert not is_valid_edrpou("00002000")


# ---------------------------------------------------------------- IBAN


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("UA213223130000026007233566001", "UA213223130000026007233566001"),
        ("UA21 3223 1300 0002 6007 2335 6600 1", "UA213223130000026007233566001"),
        ("ua213223130000026007233566001", "UA213223130000026007233566001"),
        ("IBAN UA213223130000026007233566001", "UA213223130000026007233566001"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
        ("PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"),
    ],
)
def test_valid_ibans(typed: str, compact: str) -> None:
    assert normalise_iban(typed) == compact


@pytest.mark.parametrize(
    "typed",
    [
        "UA213223130000026007233566002",  # check failed
        "UA223223130000026007233566001",  # check digits off by one
        "UA21322313000002600723356600",  # 28 characters
        "UA2132231300000260072335660011",  # 30 characters
        "UA21322313000002600723356600A",  # a letter in a Ukrainian account
        "DE89370400440532013001",
        "",
        "UA",
    ],
)
def test_invalid_ibans(typed: str) -> None:
    assert normalise_iban(typed) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=25, max_size=25), st.integers(4, 28))
def test_every_single_digit_change_of_a_ua_iban_is_caught(bban: str, index: int) -> None:
    iban = iban_complete("UA", bban)
    assert normalise_iban(iban) == iban
    for wrong in _other_digit(iban, index):
        assert normalise_iban(wrong) is None


# ---------------------------------------------------------------- cards


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111111",
        "5500005555555559",
        "378282246310005",
        "4222222222222",
        "6011000990139424",
    ],
)
def test_valid_cards(number: str) -> None:
    assert is_valid_card(number)
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    assert normalise_card(spaced) == number
    assert normalise_card(spaced.replace(" ", "-")) == number


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111112",
        "411111111111",  # 12 digits
        luhn_complete("4" * 19),  # 20 digits
        "0000000000000000",  # Luhn-valid, but no card starts with 0
        "4111-1111-1111-111X",
        "",
    ],
)
def test_invalid_cards(number: str) -> None:
    assert not is_valid_card(number)
    assert normalise_card(number) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=11, max_size=17), st.data())
def test_luhn_catches_every_single_digit_change(partial: str, data: st.DataObject) -> None:
    number = luhn_complete("4" + partial)
    assert is_valid_card(number)
    index = data.draw(st.integers(1, len(number) - 1))
    assert not any(is_valid_card(wrong) for wrong in _other_digit(number, index))


# ---------------------------------------------------------------- passports


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("МК123456", "МК123456"),
        ("МК 123456", "МК123456"),
        ("мк123456", "МК123456"),
        ("МК №123456", "МК123456"),
        ("MK123456", "МК123456"),  # Latin look-alikes
        ("ТТ-000001", "ТТ000001"),
        ("АЕ123456", "АЕ123456"),
        ("ЄІ123456", "ЄІ123456"),
        ("123456789", "123456789"),  # ID card
        (" 003456789 ", "003456789"),
    ],
)
def test_valid_passports(typed: str, normal: str) -> None:
    assert normalise_passport(typed) == normal


@pytest.mark.parametrize(
    "typed",
    [
        "МКК123456",
        "М1234567",
        "МК12345",
        "МК1234567",
        "QW123456",  # Latin letters with no Cyrillic twin
        "12345678",
        "1234567890",
        "МK12345A",
        "",
        "ЫЭ123456",  # not Ukrainian letters
    ],
)
def test_invalid_passports(typed: str) -> None:
    assert normalise_passport(typed) is None
