"""Generated people: names, birthday, contact details and documents, unique across a dataset."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from privacy_desktop.demo_portal import identifiers as ids
from privacy_desktop.demo_portal.names import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    PATRONYMICS,
    SURNAME_COUNT,
    surname_for,
    transliterate,
)
from privacy_desktop.demo_portal.places import CITIES, EMAIL_DOMAINS, STREETS, City

#: Birthdays fall between these dates: ages 18 to 80 on the dataset's "now" (2026-11-01).
_OLDEST = date(1946, 11, 2)
_YOUNGEST = date(2008, 11, 1)
_BIRTHDAY_SPAN = (_YOUNGEST - _OLDEST).days
#: Employees are 20 to 65.
_OLDEST_WORKER = date(1961, 11, 2)
_WORKER_SPAN = (date(2006, 11, 1) - _OLDEST_WORKER).days


class UniqueValues:
    """Every phone, e-mail and document number handed out in one dataset, so none repeats.

    Planted people take theirs first; nobody else can then match them by accident.
    """

    def __init__(self) -> None:
        self.phones: set[str] = set()  # E.164
        self.emails: set[str] = set()
        self.documents: set[str] = set()  # RNOKPP, passports, EDRPOU, IBAN, cards

    def mobile(self, rng: random.Random) -> str:
        codes = ids.MOBILE_CODES
        while True:
            # Inline of identifiers.make_mobile_nsn: this runs for every generated person.
            e164 = f"+380{codes[int(rng.random() * 12)]}{2_000_000 + int(rng.random() * 8e6)}"
            if e164 not in self.phones:
                self.phones.add(e164)
                return e164

    def landline(self, rng: random.Random) -> str:
        while True:
            e164 = "+380" + ids.make_landline_nsn(rng)
            if e164 not in self.phones:
                self.phones.add(e164)
                return e164

    def foreign(self, rng: random.Random) -> str:
        while True:
            e164 = ids.make_foreign_e164(rng)
            if e164 not in self.phones:
                self.phones.add(e164)
                return e164

    def email(self, rng: random.Random, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        while address in self.emails:
            address = f"{local}{rng.randrange(1, 1000)}@{domain}"
        self.emails.add(address)
        return address

    def document(self, make: str) -> bool:
        """Claim a document number; False if it was already taken (the caller redraws)."""
        if make in self.documents:
            return False
        self.documents.add(make)
        return True

    def rnokpp(self, rng: random.Random, birthday: date, male: bool) -> str:
        while True:
            code = ids.make_rnokpp(rng, birthday, male)
            if self.document(code):
                return code

    def edrpou(self, rng: random.Random) -> str:
        while True:
            code = ids.make_edrpou(rng)
            if self.document(code):
                return code

    def iban(self, rng: random.Random, mfo: str, personal: bool) -> str:
        while True:
            code = ids.make_ua_iban(rng, mfo, personal)
            if self.document(code):
                return code

    def card(self, rng: random.Random) -> str:
        while True:
            code = ids.make_card_number(rng)
            if self.document(code):
                return code

    def passport(self, rng: random.Random) -> tuple[str, str]:
        """(series, number): series "" for an ID card."""
        while True:
            if rng.random() < 0.55:
                series, number = ids.make_booklet_passport(rng)
            else:
                series, number = "", ids.make_id_card_number(rng)
            if self.document(series + number):
                return series, number


def phone_display(e164: str, style: str, rng: random.Random) -> str:
    """A phone as a person typed it: Ukrainian numbers in ``style``, foreign ones loosely."""
    if e164.startswith("+380"):
        return ids.format_ua_phone(e164[4:], style)
    return ids.format_foreign_phone(e164, rng)


@dataclass(slots=True)
class Person:
    """One generated human. Names keep the ASCII apostrophe; records choose how to write it."""

    male: bool
    first: str
    last: str
    second: str
    birthday: date
    city: City
    street: str
    house: int
    flat: int | None
    phones: list[str] = field(default_factory=list)  # E.164
    emails: list[str] = field(default_factory=list)
    rnokpp: str = ""  # drawn on first use: PersonFactory.rnokpp

    @property
    def postal_code(self) -> str:
        span = self.city.postal_high - self.city.postal_low
        return f"{self.city.postal_low + (self.house * 7 + len(self.street)) % span:05d}"

    @property
    def address_line(self) -> str:
        line = f"{self.street}, {self.house}"
        return line + (f", кв. {self.flat}" if self.flat is not None else "")


def latin_email_local(rng: random.Random, first: str, last: str, birthday: date) -> str:
    """A mailbox name people derive from their transliterated name."""
    first_l = transliterate(first).lower().replace(" ", "")
    last_l = transliterate(last).lower().replace(" ", "")
    pattern = int(rng.random() * 5)
    if pattern == 0:
        return f"{first_l}.{last_l}"
    if pattern == 1:
        return f"{first_l[0]}{last_l}"
    if pattern == 2:
        return f"{last_l}{birthday.year % 100:02d}"
    if pattern == 3:
        return f"{first_l}_{last_l}{1 + int(rng.random() * 99)}"
    return f"{first_l}{birthday.year}"


class PersonFactory:
    """Draws people from the name and place pools, taking unique contact details."""

    def __init__(self, unique: UniqueValues) -> None:
        self.unique = unique

    def person(
        self,
        rng: random.Random,
        *,
        phones: int | None = None,
        emails: int | None = None,
        male: bool | None = None,
        first: str | None = None,
        working_age: bool = False,
    ) -> Person:
        """A new person; ``phones``/``emails`` default to a realistic random count.

        ``working_age`` narrows the age from 18–80 to 20–65 (employees).
        """
        r = rng.random
        if male is None:
            male = r() < 0.5
        if first is None:
            pool = MALE_FIRST_NAMES if male else FEMALE_FIRST_NAMES
            first = pool[int(r() * len(pool))]
        pair = PATRONYMICS[int(r() * len(PATRONYMICS))]
        person = Person(
            male=male,
            first=first,
            last=surname_for(int(r() * SURNAME_COUNT), male),
            second=pair[0] if male else pair[1],
            birthday=(
                _OLDEST_WORKER + timedelta(days=int(r() * _WORKER_SPAN))
                if working_age
                else _OLDEST + timedelta(days=int(r() * _BIRTHDAY_SPAN))
            ),
            city=CITIES[int(r() * len(CITIES))],
            street=STREETS[int(r() * len(STREETS))],
            house=1 + int(r() * 179),
            flat=1 + int(r() * 239) if r() < 0.7 else None,
        )
        if phones is None:
            roll = r()
            phones = 0 if roll < 0.1 else 1 if roll < 0.8 else 2
        unique = self.unique
        for index in range(phones):
            roll = r()
            if index == 0 or roll < 0.75:
                person.phones.append(unique.mobile(rng) if roll > 0.03 else unique.foreign(rng))
            else:
                person.phones.append(unique.landline(rng))
        if emails is None:
            roll = r()
            emails = 0 if roll < 0.2 else 1 if roll < 0.9 else 2
        for _ in range(emails):
            local = latin_email_local(rng, person.first, person.last, person.birthday)
            domain = EMAIL_DOMAINS[int(r() * len(EMAIL_DOMAINS))]
            person.emails.append(unique.email(rng, local, domain))
        return person

    def rnokpp(self, rng: random.Random, person: Person) -> str:
        """The person's RNOKPP, drawn on first use (most records never show one)."""
        if not person.rnokpp:
            person.rnokpp = self.unique.rnokpp(rng, person.birthday, person.male)
        return person.rnokpp
