"""The generator's building blocks: check digits, phone forms, names, Kyiv time, config."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from demo_dataset_checks import (
    edrpou_valid,
    iban_valid,
    luhn_valid,
    phone_e164,
    rnokpp_birthday,
    rnokpp_is_male,
    rnokpp_valid,
)

from privacy_desktop.demo_portal import identifiers as ids
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.kyiv_time import kyiv_iso, kyiv_midnight_iso
from privacy_desktop.demo_portal.names import one_edit_typo, transliterate, with_apostrophe
from privacy_desktop.demo_portal.planted import planted_count
from privacy_desktop.domain.portals import Plan


def test_generated_codes_pass_the_independent_validators() -> None:
    rng = random.Random(11)
    for _ in range(3_000):
        birthday = date(1946, 11, 2) + (date(2008, 11, 1) - date(1946, 11, 2)) * rng.random()
        male = rng.random() < 0.5
        code = ids.make_rnokpp(rng, birthday, male)
        assert rnokpp_valid(code)
        assert rnokpp_birthday(code) == birthday
        assert rnokpp_is_male(code) is male
        assert edrpou_valid(ids.make_edrpou(rng))
        assert iban_valid(ids.make_ua_iban(rng, "305299", personal=male))
        assert luhn_valid(ids.make_card_number(rng))


def test_edrpou_check_digit_takes_the_second_pass_when_the_first_gives_ten() -> None:
    rng = random.Random(5)
    second_pass = 0
    for _ in range(20_000):
        first_seven = f"{rng.randrange(10**7):07d}"
        if first_seven == "3000000":
            continue
        digits = [int(c) for c in first_seven]
        weights = (7, 1, 2, 3, 4, 5, 6) if 3_000_000 <= int(first_seven) < 6_000_000 else (
            1, 2, 3, 4, 5, 6, 7)  # fmt: skip
        second_pass += sum(w * d for w, d in zip(weights, digits, strict=True)) % 11 == 10
        assert edrpou_valid(first_seven + str(ids.edrpou_check_digit(first_seven)))
    assert second_pass > 100


@pytest.mark.parametrize(
    ("style", "typed"),
    [
        ("intl_spaced", "+380 67 123 45 67"),
        ("e164", "+380671234567"),
        ("national", "0671234567"),
        ("dashed", "067-123-45-67"),
        ("parens", "(067) 123-45-67"),
        ("plus38_parens", "+38 (067) 123 45 67"),
        ("digits380", "380671234567"),
        ("eight", "8 067 123 4567"),
    ],
)
def test_phone_styles_type_numbers_as_people_do(style: str, typed: str) -> None:
    assert ids.format_ua_phone("671234567", style) == typed
    assert phone_e164(typed) == "+380671234567"


def test_generated_numbers_are_valid_for_phonenumbers() -> None:
    rng = random.Random(2)
    for _ in range(500):
        assert phone_e164("+380" + ids.make_mobile_nsn(rng)).startswith("+380")
        assert phone_e164("+380" + ids.make_landline_nsn(rng)).startswith("+380")
        assert phone_e164(ids.make_foreign_e164(rng))[:3] in ("+48", "+49")


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Олександр Шевченко", "Oleksandr Shevchenko"),
        ("Юрій Ковальський", "Yurii Kovalskyi"),
        ("Євген Їжакевич", "Yevhen Yizhakevych"),
        ("Мар'яна Дем'яненко", "Mariana Demianenko"),
        ("Вʼячеслав", "Viacheslav"),
        ("Згорани", "Zghorany"),
        ("Соломія Щербак", "Solomiia Shcherbak"),
        ("Яків Хоменко", "Yakiv Khomenko"),
        ("Ганна Ґудзь", "Hanna Gudz"),
    ],
)
def test_transliteration_follows_the_kmu_2010_table(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_apostrophes_are_rewritten_in_any_form() -> None:
    assert with_apostrophe("Мар'яна", "ʼ") == "Марʼяна"
    assert with_apostrophe("Марʼяна", "’") == "Мар’яна"
    assert with_apostrophe("Олена", "ʼ") == "Олена"


def test_typos_are_exactly_one_edit_away() -> None:
    rng = random.Random(9)
    for word in ("Шевченко", "Ковальська", "Дем'яненко", "Бойко", "Гнатюк") * 40:
        typo = one_edit_typo(rng, word)
        assert typo != word
        assert typo[0] == word[0]
        len_diff = abs(len(typo) - len(word))
        if len_diff == 1:
            shorter, longer = sorted((typo, word), key=len)
            assert any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
        else:
            mismatches = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
            swapped = (
                len(mismatches) == 2
                and mismatches[1] == mismatches[0] + 1
                and typo[mismatches[0]] == word[mismatches[1]]
                and typo[mismatches[1]] == word[mismatches[0]]
            )
            assert len(mismatches) == 1 or swapped, (word, typo)


def test_kyiv_time_matches_the_time_zone_database_across_transitions() -> None:
    kyiv = ZoneInfo("Europe/Kyiv")
    moments = [
        datetime(2024, 3, 31, 0, 59, 59, tzinfo=UTC),
        datetime(2024, 3, 31, 1, 0, 0, tzinfo=UTC),
        datetime(2024, 10, 27, 0, 59, 59, tzinfo=UTC),
        datetime(2024, 10, 27, 1, 0, 0, tzinfo=UTC),
        datetime(2025, 3, 30, 1, 0, 0, tzinfo=UTC),
        datetime(2025, 12, 31, 22, 30, 0, tzinfo=UTC),
    ]
    rng = random.Random(4)
    start = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp())
    stamps = [int(m.timestamp()) for m in moments]
    stamps += [start + rng.randrange(4 * 365 * 86_400) for _ in range(20_000)]
    for stamp in stamps:
        assert kyiv_iso(stamp) == datetime.fromtimestamp(stamp, kyiv).isoformat()
    assert kyiv_midnight_iso(date(2024, 7, 1)) == "2024-07-01T00:00:00+03:00"
    assert kyiv_midnight_iso(date(1990, 1, 15)) == "1990-01-15T00:00:00+02:00"


def test_planted_count_grows_mildly_with_size() -> None:
    assert planted_count(0) == 0
    assert planted_count(30) == 3
    assert planted_count(50) >= 5
    assert planted_count(500) == 8
    assert planted_count(100_000) == 20


def test_effective_limits_follow_plan_overrides_and_time_scale() -> None:
    standard = DemoPortalConfig().effective_limits()
    assert (standard.rate, standard.burst) == (2.0, 50)
    assert (standard.operating_limit, standard.operating_window) == (480.0, 600.0)
    scaled = DemoPortalConfig(plan=Plan.ENTERPRISE, time_scale=0.01, burst=7).effective_limits()
    assert (scaled.rate, scaled.burst) == (5.0, 7)
    assert scaled.operating_limit == pytest.approx(4.8)
    assert scaled.operating_window == pytest.approx(6.0)
    unlimited = DemoPortalConfig(plan=Plan.UNLIMITED).effective_limits()
    assert unlimited.rate is None
    assert unlimited.operating_limit is None
    assert DemoPortalConfig(rate=0.5).effective_limits().rate == 0.5
