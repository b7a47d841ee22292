"""Independent validators for the generated dataset (written from the specifications, not from
the generator's code), and helpers to walk its records."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import phonenumbers

from privacy_desktop.demo_portal.dataset import Dataset


def rnokpp_valid(code: str) -> bool:
    """10 digits; check digit = Σ(d_i × w_i) mod 11 mod 10, w = (-1, 5, 7, 9, 4, 6, 10, 5, 7)."""
    if not re.fullmatch(r"\d{10}", code):
        return False
    weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7]
    total = sum(int(code[i]) * weights[i] for i in range(9))
    return total % 11 % 10 == int(code[9])


def rnokpp_birthday(code: str) -> date:
    return date(1899, 12, 31) + timedelta(days=int(code[:5]))


def rnokpp_is_male(code: str) -> bool:
    return int(code[8]) % 2 == 1


def edrpou_valid(code: str) -> bool:
    """The State Statistics Service algorithm (as python-stdnum's ``ua.edrpou`` applies it)."""
    if not re.fullmatch(r"\d{8}", code):
        return False
    digits = [int(c) for c in code]
    weights = [7, 1, 2, 3, 4, 5, 6] if 30000000 < int(code) < 60000000 else [1, 2, 3, 4, 5, 6, 7]
    check = sum(w * d for w, d in zip(weights, digits, strict=False)) % 11
    if check == 10:
        check = sum((w + 2) * d for w, d in zip(weights, digits, strict=False)) % 11
        if check == 10:
            check = 0
    return check == digits[7]


def iban_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters → 10..35, mod 97 == 1."""
    if not re.fullmatch(r"UA\d{27}", iban):
        return False
    moved = iban[4:] + iban[:4]
    numeric = "".join(str(ord(c) - 55) if c.isalpha() else c for c in moved)
    return int(numeric) % 97 == 1


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number][::-1]
    total = 0
    for index, digit in enumerate(digits):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def phone_e164(typed: str) -> str:
    """A typed phone → E.164 via phonenumbers; the old "8 0XX" long-distance prefix dropped."""
    compact = re.sub(r"[\s()\-]", "", typed)
    if compact.startswith("80") and len(compact) == 11:
        compact = compact[1:]
    if compact.startswith("380"):
        compact = "+" + compact
    parsed = phonenumbers.parse(compact, "UA")
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"not a valid number: {typed!r}")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


KYIV_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00")
CARD_IN_TEXT = re.compile(r"(?<!\d)(\d{4} ?\d{4} ?\d{4} ?\d{4})(?!\d)")

#: Dataset attribute → ground-truth entity name.
ENTITIES = {
    "contacts": "contact",
    "leads": "lead",
    "companies": "company",
    "deals": "deal",
    "users": "user",
    "requisites": "requisite",
    "bank_details": "bank_detail",
    "activities": "activity",
}


def tables(dataset: Dataset) -> Iterator[tuple[str, dict[int, dict[str, Any]]]]:
    for attribute, entity in ENTITIES.items():
        yield entity, getattr(dataset, attribute)


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside a row, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def phones_in_text(text: str) -> set[str]:
    """E.164 forms of every phone-looking sequence in a string (unparseable ones skipped)."""
    found = set()
    for match in re.finditer(r"\+?[\d(][\d\s()\-]{8,}\d", text):
        try:
            found.add(phone_e164(match.group()))
        except (ValueError, phonenumbers.NumberParseException):
            continue
    return found
