"""Phone numbers as people type them, normalised to E.164.

Phones are on the hot path of every scan and ``phonenumbers.parse`` needs about 45 µs per
number, so the usual forms are recognised here from their digits and checked with the very
patterns ``phonenumbers`` holds for the country (what ``is_valid_number`` checks: the general
description and one number type that allows the length). Ukrainian numbers are looked up in
a table of their first four digits built from those patterns. Only odd forms (a trunk
``(0)``, letters) go through ``phonenumbers.parse``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata

#: What a typed phone may consist of: digits, blanks, + ( ) - . / (nothing else).
_PHONE_SHAPE = re.compile(r"\+?[\d\s().\-/]{5,40}")
_NON_DIGITS = re.compile(r"\D+")
_TYPE_NAMES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


@dataclass(frozen=True)
class _RegionRules:
    """A region's validity rules: the general pattern, and each number type's pattern and
    allowed lengths."""

    general: re.Pattern[str]
    types: tuple[tuple[re.Pattern[str], frozenset[int]], ...]

    def accepts(self, nsn: str) -> bool:
        """Whether ``nsn`` (the national significant number) is a valid number here."""
        if self.general.fullmatch(nsn) is None:
            return False
        return any(
            len(nsn) in lengths and pattern.fullmatch(nsn) for pattern, lengths in self.types
        )


_NOTHING = _RegionRules(re.compile(r"(?!)"), ())


@functools.cache
def _rules(region: str) -> _RegionRules:
    metadata = PhoneMetadata.metadata_for_region(region)
    general = metadata.general_desc if metadata is not None else None
    if metadata is None or general is None or general.national_number_pattern is None:
        return _NOTHING
    types = []
    for name in _TYPE_NAMES:
        desc = getattr(metadata, name)
        if desc is None or desc.national_number_pattern is None:
            continue
        lengths = frozenset(desc.possible_length or general.possible_length or ())
        types.append((re.compile(desc.national_number_pattern), lengths))
    return _RegionRules(re.compile(general.national_number_pattern), tuple(types))


_UA = _rules("UA")
_TAILS = ("00000", "99999", "13579")


def _ua_prefix_table() -> dict[str, bool | None]:
    """Validity of 9-digit UA numbers by their first four digits, where those decide it.

    The UA patterns end in runs of any digits, so four digits decide; a prefix for which
    different tails disagree (should the metadata change) maps to None and is checked whole.
    """
    table: dict[str, bool | None] = {}
    for number in range(10_000):
        prefix = f"{number:04d}"
        verdicts = {_UA.accepts(prefix + tail) for tail in _TAILS}
        table[prefix] = verdicts.pop() if len(verdicts) == 1 else None
    return table


_UA_PREFIXES = _ua_prefix_table()


def _ua_valid(nsn: str) -> bool:
    verdict = _UA_PREFIXES.get(nsn[:4])
    return _UA.accepts(nsn) if verdict is None else verdict


def _international(digits: str) -> str | None:
    """E.164 of country code + national number ``digits`` if a region of that code accepts
    the number; None if none does."""
    if digits[:1] == "0":  # no country code starts with 0
        return None
    for cc_length in (1, 2, 3):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:cc_length]))
        if regions:
            nsn = digits[cc_length:]
            if any(_rules(region).accepts(nsn) for region in regions):
                return "+" + digits
            return None  # country codes are prefix-free: no other length can match
    return None


def _parse_with_library(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164


def normalise_phone(text: str) -> str | None:
    """A typed phone number in E.164, Ukrainian by default; None if it is not a valid number.

    Accepts the forms people type: ``+380 67 123 45 67``, ``067-123-45-67``,
    ``(067) 123-45-67``, ``+38 (067) 123 45 67``, ``380671234567``, ``8 067 123 4567``
    (the old long-distance prefix), ``671234567``, ``00 48 …`` and foreign numbers with ``+``.
    """
    typed = text.strip()
    # The usual separators go with str.replace (the quickest way); other text goes through
    # the shape check.
    digits = typed.replace(" ", "").replace("-", "").replace("(", "").replace(")", "")
    digits = digits[1:] if digits[:1] == "+" else digits
    if not (digits.isascii() and digits.isdigit()):
        if not _PHONE_SHAPE.fullmatch(typed):
            return None
        digits = _NON_DIGITS.sub("", typed)
    count = len(digits)
    if count < 7 or count > 17:  # E.164 has at most 15 digits; "00" adds two
        return None
    if count == 12 and digits.startswith("380"):
        nsn = digits[3:]
    elif typed[0] == "+":
        # Foreign numbers typed plainly are checked here; a trunk "(0)" and the like are
        # left to the library.
        return _international(digits) or _parse_with_library(typed, None)
    elif digits.startswith("00"):  # the international prefix dialled from Ukraine
        return _international(digits[2:]) or _parse_with_library("+" + digits[2:], None)
    elif count == 11 and digits.startswith("80"):
        nsn = digits[2:]
    elif count == 10 and digits[0] == "0":
        nsn = digits[1:]
    elif count == 9:
        nsn = digits
    elif count > 12:
        return None  # no national number is this long: a card or account number
    else:
        return _parse_with_library(typed, "UA")
    return "+380" + nsn if _ua_valid(nsn) else None
