"""Validators and normalisers of the identifiers personal data is made of.

Every ``normalise_*`` function takes text as a person typed it and returns the canonical form
used for counting, matching and search (E.164 phone, lower-case e-mail, compact IBAN, ISO
date, …), or ``None`` when the text is not a valid value of that kind: a tax number with a
wrong check digit is not a tax number.

Phones live in :mod:`privacy_desktop.domain.phones` (re-exported here).
"""

from __future__ import annotations

import ipaddress
import re
from datetime import date, datetime, timedelta

from privacy_desktop.domain.phones import normalise_phone as normalise_phone

# ---------------------------------------------------------------- e-mail and web

_EMAIL = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
    r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_][\w-]*[^\W_]"
)


def normalise_email(text: str) -> str | None:
    """A lower-cased e-mail address, or None if ``text`` is not one (RFC 5322, simplified)."""
    address = text.strip()
    if address[:7].lower() == "mailto:":
        address = address[7:]
    if len(address) > 254 or not _EMAIL.fullmatch(address):
        return None
    return address.lower()


#: A scheme or "www." is optional; the host needs a dot and a top-level domain of letters.
_URL = re.compile(
    r"(?:https?://)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}\.?(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)


def normalise_url(text: str) -> str | None:
    """A website or profile address, lower-cased without a trailing slash; None if none."""
    url = text.strip()
    if not _URL.fullmatch(url):
        return None
    return url.rstrip("/").lower()


# ---------------------------------------------------------------- Ukrainian identifiers

_RNOKPP_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
#: Day zero of the RNOKPP: its first five digits count days since this date.
RNOKPP_EPOCH = date(1899, 12, 31)


def _is_ascii_digits(text: str, length: int) -> bool:
    return len(text) == length and text.isascii() and text.isdigit()


def is_valid_rnokpp(digits: str) -> bool:
    """Whether ``digits`` is an RNOKPP: ten digits, the last a check digit.

    Check digit = Σ(dᵢ·wᵢ) mod 11 mod 10 over the first nine digits with weights
    (-1, 5, 7, 9, 4, 6, 10, 5, 7).
    """
    if not _is_ascii_digits(digits, 10):
        return False
    total = sum(w * int(d) for w, d in zip(_RNOKPP_WEIGHTS, digits, strict=False))
    return total % 11 % 10 == ord(digits[9]) - 48


def rnokpp_birth_date(digits: str) -> date | None:
    """The birth date a valid RNOKPP encodes (days since 1899-12-31); None if invalid."""
    if not is_valid_rnokpp(digits) or digits[:5] == "00000":
        return None
    return RNOKPP_EPOCH + timedelta(days=int(digits[:5]))


def rnokpp_is_male(digits: str) -> bool | None:
    """The gender a valid RNOKPP encodes: its ninth digit is odd for men; None if invalid."""
    if not is_valid_rnokpp(digits):
        return None
    return int(digits[8]) % 2 == 1


_EDRPOU_BASE = (1, 2, 3, 4, 5, 6, 7)
_EDRPOU_ALT = (7, 1, 2, 3, 4, 5, 6)


def is_valid_edrpou(digits: str) -> bool:
    """Whether ``digits`` is an EDRPOU company code (8 digits, State Statistics algorithm).

    Weights 1…7, or 7,1…6 for codes strictly between 30 000 000 and 60 000 000; a remainder
    mod 11 of 10 is recomputed with every weight + 2, and a second 10 counts as 0.
    """
    if not _is_ascii_digits(digits, 8):
        return False
    code = int(digits)
    weights = _EDRPOU_ALT if 30_000_000 < code < 60_000_000 else _EDRPOU_BASE
    values = [int(d) for d in digits[:7]]
    remainder = sum(w * d for w, d in zip(weights, values, strict=True)) % 11
    if remainder == 10:
        remainder = sum((w + 2) * d for w, d in zip(weights, values, strict=True)) % 11
        if remainder == 10:
            remainder = 0
    return remainder == int(digits[7])


_IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_UA_IBAN_SHAPE = re.compile(r"UA\d{27}")
_IBAN_LETTERS = str.maketrans({chr(65 + i): str(10 + i) for i in range(26)})
_IBAN_SEPARATORS = str.maketrans("", "", " -\u00a0")


def normalise_iban(text: str) -> str | None:
    """A compact upper-case IBAN, or None unless its mod-97 check holds.

    Ukrainian IBANs must have the UA structure (UA, 2 check digits, 6-digit bank MFO, 19-digit
    account); other countries' IBANs are accepted on their generic shape and check.
    """
    compact = text.translate(_IBAN_SEPARATORS).upper()
    compact = compact.removeprefix("IBAN")
    if not _IBAN_SHAPE.fullmatch(compact):
        return None
    if compact.startswith("UA") and not _UA_IBAN_SHAPE.fullmatch(compact):
        return None
    numeric = (compact[4:] + compact[:4]).translate(_IBAN_LETTERS)
    return compact if int(numeric) % 97 == 1 else None


def is_valid_card(digits: str) -> bool:
    """Whether ``digits`` is a bank-card number: 13–19 digits passing the Luhn check.

    A leading 0 is refused: no payment network issues such numbers, and refusing them keeps
    zero-padded account numbers from passing as cards.
    """
    if not (13 <= len(digits) <= 19 and digits.isascii() and digits.isdigit()):
        return False
    if digits[0] == "0":
        return False
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


_CARD_SEPARATORS = str.maketrans("", "", " -\u00a0")


def normalise_card(text: str) -> str | None:
    """The digits of a bank-card number typed with or without blanks/dashes; None if invalid."""
    digits = text.strip().translate(_CARD_SEPARATORS)
    return digits if is_valid_card(digits) else None


#: Latin capitals that look like Cyrillic ones, as typed on the wrong keyboard layout.
_LOOK_ALIKES = str.maketrans("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ")
_PASSPORT_NOISE = str.maketrans("", "", " -№\u00a0")
_UA_CAPITALS = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ"
_BOOKLET = re.compile(f"[{_UA_CAPITALS}]{{2}}\\d{{6}}")
_ID_CARD = re.compile(r"\d{9}")


def normalise_passport(text: str) -> str | None:
    """A Ukrainian passport number: booklet ``МК123456`` or ID card ``123456789``; else None.

    Latin look-alike letters (``MK 123456``) are read as the Cyrillic ones they imitate.
    """
    compact = text.strip().upper().translate(_PASSPORT_NOISE).translate(_LOOK_ALIKES)
    if compact.isascii():
        return compact if _ID_CARD.fullmatch(compact) else None
    return compact if _BOOKLET.fullmatch(compact) else None


# ---------------------------------------------------------------- network, dates, gender


def normalise_ip(text: str) -> str | None:
    """An IPv4 or IPv6 address in its canonical (compressed) form; None if not one."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?"
)
_ISO_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]\d\d:\d\d")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _date_parts(text: str) -> tuple[date, tuple[int, int, int] | None, str] | None:
    """(date, (h, m, s) or None, UTC offset text) of an ISO or dd.mm.yyyy value."""
    typed = text.strip()
    match = _ISO.fullmatch(typed)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        hour, minute, second, zone = match[4], match[5], match[6], match[7] or ""
    else:
        match = _DOTTED.fullmatch(typed)
        if match is None:
            return None
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        hour, minute, second, zone = match[4], match[5], match[6], ""
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    if hour is None:
        return day_value, None, ""
    clock = (int(hour), int(minute), int(second or 0))
    if clock[0] > 23 or clock[1] > 59 or clock[2] > 59:
        return None
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return day_value, clock, "+00:00" if zone == "Z" else zone


def normalise_date(text: str) -> str | None:
    """The calendar date of an ISO (with or without time) or ``dd.mm.yyyy`` value, as ISO.

    The date is taken as written: a date-typed Bitrix24 field comes back as midnight in the
    portal's time zone (``2001-11-11T00:00:00+02:00``) and means 2001-11-11.
    """
    if len(text) == 25 and text[10] == "T" and _ISO_DATE_TIME.fullmatch(text):
        # What every Bitrix24 date field returns; checked whole, the calendar date validated.
        try:
            date.fromisoformat(text[:10])
        except ValueError:
            return None
        return text[:10]
    parts = _date_parts(text)
    return None if parts is None else parts[0].isoformat()


def normalise_datetime(text: str) -> str | None:
    """An ISO 8601 date-time (``YYYY-MM-DDTHH:MM:SS`` plus the offset if given); None if invalid.

    A date without a time is returned as an ISO date.
    """
    parts = _date_parts(text)
    if parts is None:
        return None
    day_value, clock, zone = parts
    if clock is None:
        return day_value.isoformat()
    moment = datetime(day_value.year, day_value.month, day_value.day, *clock)
    return moment.isoformat() + zone


_GENDERS = {
    "m": "M",
    "male": "M",
    "man": "M",
    "ч": "M",
    "чол": "M",
    "чоловіча": "M",
    "чоловік": "M",
    "f": "F",
    "female": "F",
    "woman": "F",
    "ж": "F",
    "жін": "F",
    "жіноча": "F",
    "жінка": "F",
}


def normalise_gender(text: str) -> str | None:
    """``M`` or ``F`` for the ways a gender is stored (Bitrix24's M/F, words); else None."""
    return _GENDERS.get(text.strip().rstrip(".").casefold())


# ---------------------------------------------------------------- free text

#: Apostrophes Ukrainian names are written with, all read as the ASCII one.
_APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "`": "'", "‘": "'"})


_ALNUM = re.compile(r"[^\W_]")


def normalise_text(text: str) -> str | None:
    """Names, addresses, job titles: blanks collapsed, apostrophes unified, case folded.

    None when ``text`` holds no letter or digit at all.
    """
    folded = " ".join(text.split()).casefold()
    # str.translate costs more than these tests on every name that needs none.
    if "ʼ" in folded or "’" in folded or "‘" in folded or "`" in folded:
        folded = folded.translate(_APOSTROPHES)
    return folded if _ALNUM.search(folded) else None
