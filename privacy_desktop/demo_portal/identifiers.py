"""Ukrainian identifiers with valid check digits, and phone numbers typed the ways people type.

Every generator takes the caller's ``random.Random`` so the dataset stays deterministic.
"""

from __future__ import annotations

import operator
import random
from datetime import date

#: RNOKPP (individual tax number) check-digit weights over its first nine digits.
RNOKPP_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
#: Day zero of the RNOKPP birth-date count: digit group 1 is days since this date.
RNOKPP_EPOCH = date(1899, 12, 31)

_EDRPOU_BASE_WEIGHTS = (1, 2, 3, 4, 5, 6, 7)
_EDRPOU_ALT_WEIGHTS = (7, 1, 2, 3, 4, 5, 6)  # codes between 30 000 000 and 60 000 000

#: Mobile operators' codes (Kyivstar 067 068 096 097 098, Vodafone 050 066 095 099,
#: lifecell 063 073 093).
MOBILE_CODES = ("50", "66", "95", "99", "67", "68", "96", "97", "98", "63", "73", "93")
#: Landline area codes of big cities (two-digit codes take seven-digit subscriber numbers).
LANDLINE_CODES = ("44", "44", "44", "32", "57", "48", "56", "61")

#: The ways a Ukrainian number is typed into a CRM, keyed for the tests' benefit.
PHONE_STYLES = (
    "intl_spaced",  # +380 67 123 45 67
    "e164",  # +380671234567
    "national",  # 0671234567
    "dashed",  # 067-123-45-67
    "parens",  # (067) 123-45-67
    "plus38_parens",  # +38 (067) 123 45 67
    "digits380",  # 380671234567
    "eight",  # 8 067 123 4567 (the old long-distance prefix)
)


def rnokpp_check_digit(first_nine: str) -> int:
    """The tenth digit of an RNOKPP whose first nine digits are given."""
    if len(first_nine) != 9:
        raise ValueError(first_nine)
    total: int = sum(map(operator.mul, RNOKPP_WEIGHTS, map(int, first_nine)))
    return total % 11 % 10


def make_rnokpp(rng: random.Random, birthday: date, male: bool) -> str:
    """An RNOKPP consistent with a birthday and gender (ninth digit odd for men)."""
    days = (birthday - RNOKPP_EPOCH).days
    serial = int(rng.random() * 1000)
    gender_digit = int(rng.random() * 5) * 2 + (1 if male else 0)
    first_nine = f"{days:05d}{serial:03d}{gender_digit}"
    return first_nine + str(rnokpp_check_digit(first_nine))


def edrpou_check_digit(first_seven: str) -> int:
    """The eighth digit of an EDRPOU code (the State Statistics Service's algorithm)."""
    value = int(first_seven) * 10
    weights = _EDRPOU_ALT_WEIGHTS if 30_000_000 <= value < 60_000_000 else _EDRPOU_BASE_WEIGHTS
    digits = [int(d) for d in first_seven]
    remainder = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
    if remainder == 10:
        remainder = sum((w + 2) * d for w, d in zip(weights, digits, strict=True)) % 11
        if remainder == 10:
            remainder = 0
    return remainder


def make_edrpou(rng: random.Random) -> str:
    """An EDRPOU code of a company (ranges used for LLCs and joint-stock companies)."""
    first_seven = f"{rng.randrange(1_900_000, 4_499_999):07d}"
    if first_seven == "3000000":  # the one prefix whose weight set depends on the check digit
        first_seven = "3000001"
    return first_seven + str(edrpou_check_digit(first_seven))


#: ISO 13616 letter values: A=10 … Z=35.
_IBAN_LETTERS = str.maketrans({chr(65 + i): str(10 + i) for i in range(26)})


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 check digits for ``country`` + ``bban`` (mod 97)."""
    numeric = (bban + country + "00").upper().translate(_IBAN_LETTERS)
    return f"{98 - int(numeric) % 97:02d}"


def make_ua_iban(rng: random.Random, mfo: str, personal: bool) -> str:
    """A Ukrainian IBAN: UA, check digits, the bank's 6-digit MFO and a 19-digit account."""
    balance_account = "2620" if personal else "2600"  # individuals' vs companies' current
    account = "00000" + balance_account + f"{rng.randrange(10**10):010d}"
    bban = mfo + account
    return "UA" + iban_check_digits("UA", bban) + bban


def luhn_check_digit(partial: str) -> int:
    """The digit that makes ``partial`` + digit pass the Luhn test."""
    total = 0
    for index, ch in enumerate(reversed(partial)):
        digit = int(ch)
        if index % 2 == 0:  # these get doubled once the check digit is appended
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


#: Bank-card prefixes common in Ukraine (PrivatBank Visa/Mastercard, monobank, Oschadbank).
CARD_PREFIXES = ("414962", "516874", "537541", "444111", "446375", "535145")


def make_card_number(rng: random.Random) -> str:
    """A 16-digit Luhn-valid bank-card number."""
    partial = rng.choice(CARD_PREFIXES) + f"{rng.randrange(10**9):09d}"
    return partial + str(luhn_check_digit(partial))


#: Series letters of old booklet passports (two Cyrillic letters).
_PASSPORT_SERIES_LETTERS = "АВЕКМНОРСТ"


def make_booklet_passport(rng: random.Random) -> tuple[str, str]:
    """(series, number) of an old booklet passport, e.g. ("МК", "123456")."""
    letters = _PASSPORT_SERIES_LETTERS
    series = rng.choice(letters) + rng.choice(letters)
    return series, f"{rng.randrange(10**6):06d}"


def make_id_card_number(rng: random.Random) -> str:
    """The 9-digit number of an ID-card passport (issued since 2016)."""
    return f"{rng.randrange(1, 10):d}{rng.randrange(10**8):08d}"


def make_mobile_nsn(rng: random.Random) -> str:
    """A Ukrainian mobile number without the country code: 9 digits, e.g. 671234567."""
    return rng.choice(MOBILE_CODES) + f"{rng.randrange(2_000_000, 10_000_000):07d}"


def make_landline_nsn(rng: random.Random) -> str:
    """A Ukrainian city landline number without the country code (area code + 7 digits)."""
    return rng.choice(LANDLINE_CODES) + f"{rng.randrange(2_000_000, 6_000_000):07d}"


#: Polish mobile prefixes (two digits, then seven) and German ones (three, then eight).
_POLISH_MOBILE = ("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88")
_GERMAN_MOBILE = ("151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177")


def make_foreign_e164(rng: random.Random) -> str:
    """A Polish or German mobile number in E.164 form."""
    if rng.random() < 0.6:
        return "+48" + rng.choice(_POLISH_MOBILE) + f"{rng.randrange(10**7):07d}"
    return "+49" + rng.choice(_GERMAN_MOBILE) + f"{rng.randrange(10**8):08d}"


_UA_FORMATS = {
    "intl_spaced": "+380 {0} {1} {2} {3}",
    "e164": "+380{0}{1}{2}{3}",
    "national": "0{0}{1}{2}{3}",
    "dashed": "0{0}-{1}-{2}-{3}",
    "parens": "(0{0}) {1}-{2}-{3}",
    "plus38_parens": "+38 (0{0}) {1} {2} {3}",
    "digits380": "380{0}{1}{2}{3}",
    "eight": "8 0{0} {1} {2}{3}",
}


def format_ua_phone(nsn: str, style: str) -> str:
    """Type a Ukrainian national significant number (9 digits) in one of PHONE_STYLES."""
    return _UA_FORMATS[style].format(nsn[:2], nsn[2:5], nsn[5:7], nsn[7:9])


def format_foreign_phone(e164: str, rng: random.Random) -> str:
    """A foreign number as typed: E.164, or with spaces between groups."""
    if rng.random() < 0.5:
        return e164
    return f"{e164[:3]} {e164[3:6]} {e164[6:9]} {e164[9:]}"
