"""Identifiers written inside free text."""

from __future__ import annotations

from datetime import date

import pytest
from classify_helpers import luhn_complete, rnokpp_from

from privacy_desktop.domain.embedded import find_embedded
from privacy_desktop.domain.personal_data import PiiKind

CARD = luhn_complete("414962123456789")
SPACED_CARD = " ".join(CARD[i : i + 4] for i in range(0, 16, 4))
RNOKPP = rnokpp_from(date(1987, 3, 12), 471, 9)


def _kinds(text: str) -> list[tuple[PiiKind, str]]:
    return [(kind, value) for kind, value, _ in find_embedded(text, today=date(2026, 11, 1))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Просив передзвонити після 18:00 на 067-123-45-67", [(PiiKind.PHONE, "+380671234567")]),
        ("Дзвонити: +38 (067) 123 45 67, або (044) 234-56-78", [
            (PiiKind.PHONE, "+380671234567"), (PiiKind.PHONE, "+380442345678")]),
        (f"Номер картки для повернення коштів: {SPACED_CARD}", [(PiiKind.BANK_CARD, CARD)]),
        (f"Клієнт оплатив карткою {CARD}, чек надіслано на пошту", [(PiiKind.BANK_CARD, CARD)]),
        ("Рахунок UA21 3223 1300 0002 6007 2335 6600 1 у ПриватБанку",
         [(PiiKind.IBAN, "UA213223130000026007233566001")]),
        ("пишіть на Ivan.P@ukr.net.", [(PiiKind.EMAIL, "ivan.p@ukr.net")]),
        (f"паспорт МК 123456, РНОКПП {RNOKPP}",
         [(PiiKind.PASSPORT, "МК123456"), (PiiKind.RNOKPP, RNOKPP)]),
        ("Вхідний дзвінок від +380 67 123 45 67", [(PiiKind.PHONE, "+380671234567")]),
    ],
)  # fmt: skip
def test_identifiers_in_prose(text: str, expected: list[tuple[PiiKind, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Постійний клієнт, знижка 5%",
        "Клієнт з 2019 року, працює з нами через партнера",
        "Нагадуємо про зустріч у четвер о 14:00, 12.03.2025",
        "Сума 150 000 000 грн за договором Д-00012/23",
        "Номер картки: 4149 6212 3456 7891",  # Luhn fails: not a card, not a phone either
        "Код 3184710692",  # an RNOKPP with a wrong check digit
        "до 123456 включно",  # two lower-case letters and six digits: not a passport
    ],
)
def test_no_false_finds(text: str) -> None:
    assert _kinds(text) == []


def test_a_card_is_never_also_a_phone() -> None:
    found = _kinds(f"карта {CARD} і телефон 0671234567")
    assert found == [(PiiKind.BANK_CARD, CARD), (PiiKind.PHONE, "+380671234567")]


def test_only_the_wanted_kinds_are_returned() -> None:
    text = f"0671234567, {CARD}, a@b.ua"
    found = find_embedded(text, {PiiKind.PHONE})
    assert [(kind, value) for kind, value, _ in found] == [(PiiKind.PHONE, "+380671234567")]


def test_the_written_form_is_kept() -> None:
    [(kind, value, written)] = find_embedded("на (067) 123-45-67 після обіду")
    assert (kind, value, written) == (PiiKind.PHONE, "+380671234567", "(067) 123-45-67")


def test_a_tax_number_of_someone_not_yet_born_is_noise() -> None:
    future = rnokpp_from(date(2030, 1, 1), 1, 1)
    assert _kinds(f"код {future}") == []


def test_an_international_phone_is_not_read_as_a_card() -> None:
    # "+49 171 …" written compact is 13 digits and passes Luhn by chance: the "+" says phone.
    found = find_embedded("Дзвінок на +4917190608233 щодо замовлення")
    assert found == [(PiiKind.PHONE, "+4917190608233", "+4917190608233")]
