"""Identifiers written inside free text: comments, notes, e-mail subjects and bodies.

A manager writes "call back after 18:00 on 067-123-45-67" or "card for the refund:
4149 6212 3456 7890" into a comment; the inventory must find those too. The search runs the
most specific patterns first (e-mail, IBAN, card, booklet passport) and hides what they took
before looking for phones and tax numbers, so a card number is never also read as a phone.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from privacy_desktop.domain.personal_data import PiiKind
from privacy_desktop.domain.validators import (
    is_valid_rnokpp,
    normalise_card,
    normalise_email,
    normalise_iban,
    normalise_passport,
    normalise_phone,
    rnokpp_birth_date,
)

#: The kinds the free-text search finds.
EMBEDDED_KINDS: tuple[PiiKind, ...] = (
    PiiKind.PHONE,
    PiiKind.EMAIL,
    PiiKind.IBAN,
    PiiKind.BANK_CARD,
    PiiKind.RNOKPP,
    PiiKind.PASSPORT,
)

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
#: IBANs are written in capitals, compact or in groups of four.
_IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}(?!\w)")
#: Card numbers: compact, in groups of four (16–19 digits), or 4-6-5 (15 digits).
_CARD = re.compile(
    r"(?<![\w+-])(?:\d{13,19}|\d{4}(?:[ \u00a0-]\d{4}){3}(?:[ \u00a0-]?\d{1,3})?"
    r"|\d{4}[ \u00a0-]\d{6}[ \u00a0-]\d{5})(?![\w-])"
)
#: Booklet passports: two capitals (Cyrillic, or Latin look-alikes) and six digits.
_BOOKLET = re.compile(r"(?<!\w)[А-ЯЄІЇҐA-Z]{2}[ \u00a0]?(?:№[ \u00a0]?)?\d{6}(?!\w)")
#: A phone starts with + or a digit or "(" and holds 9–15 digits among blanks and - ( ) .
_PHONE = re.compile(r"(?<![\w+])(?:\+|\()?\d[\d \u00a0().-]{6,22}\d(?![\d\w])")
_TEN_DIGITS = re.compile(r"(?<![\d\w])\d{10}(?![\d\w])")
_DIGIT = re.compile(r"\d")
_SIX_DIGITS = re.compile(r"\d(?:\D*\d){5}")
#: Birth dates an RNOKPP in prose may encode (older or future dates are taken as noise).
_EARLIEST_BIRTH = date(1900, 1, 1)


class _Spans:
    """Character ranges already claimed by a more specific match."""

    __slots__ = ("_taken",)

    def __init__(self) -> None:
        self._taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= low or high <= start for low, high in self._taken)

    def claim(self, start: int, end: int) -> bool:
        if not self.free(start, end):
            return False
        self._taken.append((start, end))
        return True


def find_embedded(
    text: str, kinds: Collection[PiiKind] = EMBEDDED_KINDS, *, today: date | None = None
) -> list[tuple[PiiKind, str, str]]:
    """Every identifier of ``kinds`` found in ``text``, as (kind, normalised value, as written).

    Args:
        text: free text.
        kinds: the kinds wanted (the others are still searched when they could hide a wanted
            one, e.g. cards before phones).
        today: the latest birth date an RNOKPP may encode (default: the current date).

    Returns:
        The matches in the order of the search (kind by kind), duplicates kept.
    """
    found: list[tuple[PiiKind, str, str]] = []
    # Every kind but e-mail needs six digits or more: most prose is dismissed here.
    if "@" not in text and _SIX_DIGITS.search(text) is None:
        return found
    spans = _Spans()
    if "@" in text:
        for match in _EMAIL.finditer(text):
            value = normalise_email(match[0].rstrip("."))
            if value and spans.claim(*match.span()) and PiiKind.EMAIL in kinds:
                found.append((PiiKind.EMAIL, value, match[0]))
    for match in _IBAN.finditer(text):
        value = normalise_iban(match[0]) or _ua_iban_prefix(match[0])
        if value and spans.claim(*match.span()) and PiiKind.IBAN in kinds:
            found.append((PiiKind.IBAN, value, match[0]))
    for match in _CARD.finditer(text):
        value = normalise_card(match[0])
        if value and spans.claim(*match.span()) and PiiKind.BANK_CARD in kinds:
            found.append((PiiKind.BANK_CARD, value, match[0]))
    for match in _BOOKLET.finditer(text):
        value = normalise_passport(match[0])
        claimed = value and not value.isdigit() and spans.claim(*match.span())
        if claimed and value and PiiKind.PASSPORT in kinds:
            found.append((PiiKind.PASSPORT, value, match[0]))
    if PiiKind.PHONE in kinds or PiiKind.RNOKPP in kinds:
        _find_phones_and_tax_numbers(text, kinds, spans, found, today)
    return found


def _ua_iban_prefix(written: str) -> str | None:
    """A UA IBAN followed by more capitals or digits ("UA21 … 001 AB"): its first 29."""
    if not written.startswith("UA"):
        return None
    compact = "".join(written.split())
    return normalise_iban(compact[:29]) if len(compact) > 29 else None


def _find_phones_and_tax_numbers(
    text: str,
    kinds: Collection[PiiKind],
    spans: _Spans,
    found: list[tuple[PiiKind, str, str]],
    today: date | None,
) -> None:
    # Tax numbers first: a ten-digit run whose check digit holds and whose birth date is
    # plausible. A Ukrainian phone in ten digits starts with 0 — a birth before 1927 — so
    # the two never compete.
    for match in _TEN_DIGITS.finditer(text):
        code = match[0]
        if code[0] == "0" or not is_valid_rnokpp(code):
            continue
        born = rnokpp_birth_date(code)
        if born is None or not _EARLIEST_BIRTH <= born <= (today or date.today()):
            continue
        if spans.claim(*match.span()) and PiiKind.RNOKPP in kinds:
            found.append((PiiKind.RNOKPP, code, code))
    if PiiKind.PHONE not in kinds:
        return
    for match in _PHONE.finditer(text):
        written = match[0]
        if len(_DIGIT.findall(written)) < 9 or not spans.free(*match.span()):
            continue
        value = normalise_phone(written)
        if value and spans.claim(*match.span()):
            found.append((PiiKind.PHONE, value, written))
