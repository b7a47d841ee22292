"""Phones: every typed form normalised to E.164, and agreement with ``phonenumbers``."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desktop.demo_portal.identifiers import PHONE_STYLES, format_ua_phone
from privacy_desktop.domain.validators import normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "+380 67 123 45 67",
        "+380671234567",
        "0671234567",
        "067-123-45-67",
        "(067) 123-45-67",
        "(067) 1234567",
        "+38 (067) 123 45 67",
        "380671234567",
        "80671234567",
        "8 067 123 4567",
        "671234567",
        "067.123.45.67",
        "  +380 67 123 45 67  ",
        "00380671234567",
    ],
)
def test_every_typed_form_of_a_ukrainian_mobile_is_one_number(typed: str) -> None:
    assert normalise_phone(typed) == "+380671234567"


def test_every_style_of_the_demo_portal_round_trips() -> None:
    for nsn in ("501234567", "979876543", "442345678", "322345678", "935550000"):
        for style in PHONE_STYLES:
            assert normalise_phone(format_ua_phone(nsn, style)) == "+380" + nsn, style


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("+48 501 234 567", "+48501234567"),
        ("+48501234567", "+48501234567"),
        ("+49 151 12345678", "+4915112345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+44 (0) 20 7946 0958", "+442079460958"),  # the trunk (0): left to the library
        ("0048 501 234 567", "+48501234567"),
        ("+380 44 234 56 78", "+380442345678"),  # a Kyiv landline
    ],
)
def test_international_and_landline_numbers(typed: str, e164: str) -> None:
    assert normalise_phone(typed) == e164


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "067",
        "067-123-45",  # too short
        "067-123-45-678",  # too long
        "+380 12 345 67 89",  # no Ukrainian number starts with 12
        "+380 67 123 45 6x",
        "тел. 067 123 45 67",  # words: free text, not a phone value
        "4149 6200 0000 0009",  # a card number
        "12.03.1985",
        "+3+80671234567",
        "+999 123 456 789",  # no such country code
        "1234567890123456789",
        "0004312000",  # "00" then a 0: no country code starts with 0
    ],
)
def test_invalid_numbers_are_none(typed: str) -> None:
    assert normalise_phone(typed) is None


def _library(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, "UA")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_ukrainian_validity_is_exactly_the_librarys(nsn: str) -> None:
    assert normalise_phone("+380" + nsn) == _library("+380" + nsn)
    assert normalise_phone("0" + nsn) == _library("0" + nsn)


_CODES = ["1", "7", "33", "39", "44", "48", "49", "90", "373", "375", "380", "420", "972"]


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(_CODES), st.text(alphabet="0123456789", min_size=6, max_size=12))
def test_international_validity_is_exactly_the_librarys(code: str, rest: str) -> None:
    assert normalise_phone(f"+{code} {rest}") == _library(f"+{code}{rest}")
