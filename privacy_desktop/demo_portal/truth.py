"""Ground truth for the inventory: what a perfect scan of the demo portal finds.

Computed straight from the rows with the generator's knowledge of which field carries which
kind of personal data (:data:`FIELD_KINDS`), and checked with validators of its own, so it is
independent of ``privacy_desktop.domain.classify`` (which it must never import).

Keys are ``(entity, field, kind)`` with the string values of ``Entity`` and ``PiiKind``;
values count the records holding at least one non-empty, valid value of that kind in that
field (the counting rule of the inventory). Only keys with a count above zero are present.

What counts, and why (the generator's intent):

- Every identifier the generator writes is valid: RNOKPP and EDRPOU check digits, UA IBAN
  mod-97, card Luhn digits, passports in the old (two Cyrillic letters + six digits) or the
  ID-card (nine digits) form. None is planted invalid on purpose. Records written later
  through the write methods are checked the same way, so an invalid RNOKPP typed into
  UF_CRM_TAX_NUMBER is not counted.
- Phones typed the old way, ``8 067 123 4567``, are valid Ukrainian numbers (the ``8`` is
  the former long-distance prefix); ``phonenumbers`` alone rejects them with region UA.
- A company's requisite's RQ_NAME is the company's name, not a person's: only requisites of
  contacts (ENTITY_TYPE_ID 3, which the generator gives the person preset) count for
  RQ_NAME. RQ_DIRECTOR is a person's name.
- Integrations' technical users count like anyone: no field tells them from people, so a
  scan reports their names, e-mails and sign-in times too (the classifier decides the same).
  :func:`technical_user_ids` names them for a test that wants people only.
- Users are counted with the full ``user`` scope and ADMIN_MODE (dismissed users included).
- A passport in requisites is RQ_IDENT_DOC_SER + RQ_IDENT_DOC_NUM, counted under
  RQ_IDENT_DOC_NUM.
- Stored consents cannot be read through the REST API (REST-REFERENCE.md §4.10), so a scan
  finds no consent records even though the dataset holds some: ``consent`` counts 0.
- Identifiers inside free text (COMMENTS, UF_CRM_NOTES, call subjects) are reported apart,
  by :func:`free_text_truth`, because whether a scan should look inside free text is the
  classifier's design decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from privacy_desktop.demo_portal.dataset import Dataset
from privacy_desktop.demo_portal.identifiers import (
    edrpou_check_digit,
    luhn_check_digit,
    rnokpp_check_digit,
)
from privacy_desktop.demo_portal.portal_data import normalise_phone, user_listed
from privacy_desktop.demo_portal.staff import TECHNICAL_POSITION
from privacy_desktop.domain.personal_data import Entity, PiiKind

Key = tuple[str, str, str]

_PERSON = {
    "NAME": PiiKind.PERSON_NAME,
    "SECOND_NAME": PiiKind.PERSON_NAME,
    "LAST_NAME": PiiKind.PERSON_NAME,
}
_CRM_ADDRESS = dict.fromkeys(
    (
        "ADDRESS",
        "ADDRESS_2",
        "ADDRESS_CITY",
        "ADDRESS_POSTAL_CODE",
        "ADDRESS_REGION",
        "ADDRESS_PROVINCE",
        "ADDRESS_COUNTRY",
    ),
    PiiKind.POSTAL_ADDRESS,
)
_CRM_PERSON = {
    **_PERSON,
    "BIRTHDATE": PiiKind.BIRTHDAY,
    "POST": PiiKind.JOB_TITLE,
    **_CRM_ADDRESS,
    "PHONE": PiiKind.PHONE,
    "EMAIL": PiiKind.EMAIL,
    "WEB": PiiKind.WEBSITE,
    "IM": PiiKind.MESSENGER,
    "UF_CRM_TAX_NUMBER": PiiKind.RNOKPP,
    "UF_CRM_PASSPORT": PiiKind.PASSPORT,
}
#: Which generated field carries which kind of personal data, per entity.
FIELD_KINDS: dict[Entity, dict[str, PiiKind]] = {
    Entity.USER: {
        **_PERSON,
        "EMAIL": PiiKind.EMAIL,
        "PERSONAL_MOBILE": PiiKind.PHONE,
        "PERSONAL_PHONE": PiiKind.PHONE,
        "WORK_PHONE": PiiKind.PHONE,
        "PERSONAL_BIRTHDAY": PiiKind.BIRTHDAY,
        "PERSONAL_GENDER": PiiKind.GENDER,
        "PERSONAL_PHOTO": PiiKind.PHOTO,
        "PERSONAL_STREET": PiiKind.POSTAL_ADDRESS,
        "PERSONAL_CITY": PiiKind.POSTAL_ADDRESS,
        "PERSONAL_STATE": PiiKind.POSTAL_ADDRESS,
        "PERSONAL_ZIP": PiiKind.POSTAL_ADDRESS,
        "PERSONAL_COUNTRY": PiiKind.POSTAL_ADDRESS,
        "PERSONAL_WWW": PiiKind.WEBSITE,
        "WORK_POSITION": PiiKind.JOB_TITLE,
        "LAST_LOGIN": PiiKind.LOGIN_TIME,
        "LAST_ACTIVITY_DATE": PiiKind.LOGIN_TIME,
        "UF_SKYPE": PiiKind.MESSENGER,
    },
    Entity.DEPARTMENT: {},
    Entity.CONTACT: dict(_CRM_PERSON),
    Entity.LEAD: dict(_CRM_PERSON),
    Entity.COMPANY: {
        **_CRM_ADDRESS,
        "PHONE": PiiKind.PHONE,
        "EMAIL": PiiKind.EMAIL,
        "WEB": PiiKind.WEBSITE,
        "IM": PiiKind.MESSENGER,
    },
    Entity.DEAL: {"UF_CRM_DELIVERY_ADDRESS": PiiKind.POSTAL_ADDRESS},
    Entity.REQUISITE: {
        "RQ_NAME": PiiKind.PERSON_NAME,
        "RQ_FIRST_NAME": PiiKind.PERSON_NAME,
        "RQ_LAST_NAME": PiiKind.PERSON_NAME,
        "RQ_SECOND_NAME": PiiKind.PERSON_NAME,
        "RQ_DIRECTOR": PiiKind.PERSON_NAME,
        "RQ_INN": PiiKind.RNOKPP,
        "RQ_IDENT_DOC_NUM": PiiKind.PASSPORT,
        "RQ_EDRPOU": PiiKind.EDRPOU,
        "RQ_EMAIL": PiiKind.EMAIL,
        "RQ_PHONE": PiiKind.PHONE,
    },
    Entity.BANK_DETAIL: {"RQ_IBAN": PiiKind.IBAN},
    Entity.ACTIVITY: {"COMMUNICATIONS": PiiKind.COMMUNICATION},
    Entity.CONSENT: {},
}

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+\Z")
_PASSPORT = re.compile(r"(?:[А-ЯЄІЇҐ]{2}\d{6}|\d{9})\Z")
_CARD_TEXT = re.compile(r"(?<!\d)\d{4}(?: ?\d{4}){3}(?!\d)")
_PHONE_TEXT = re.compile(r"\+?[\d(][\d ()\-]{7,}\d")
_IBAN_LETTERS = str.maketrans({chr(65 + i): str(10 + i) for i in range(26)})


def _phone_ok(text: str) -> bool:
    """A phone as people type it: international with ``+`` (8–15 digits), or Ukrainian."""
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+"):
        if digits.startswith("380"):
            return len(digits) == 12
        return 8 <= len(digits) <= 15
    national = normalise_phone(text)
    return national.startswith("380") and len(national) == 12


def _rnokpp_ok(text: str) -> bool:
    return len(text) == 10 and text.isdigit() and rnokpp_check_digit(text[:9]) == int(text[9])


def _edrpou_ok(text: str) -> bool:
    return len(text) == 8 and text.isdigit() and edrpou_check_digit(text[:7]) == int(text[7])


def _iban_ok(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    if not re.fullmatch(r"UA\d{27}", compact):
        return False
    return int((compact[4:] + compact[:4]).translate(_IBAN_LETTERS)) % 97 == 1


def _card_ok(text: str) -> bool:
    digits = text.replace(" ", "")
    if not (13 <= len(digits) <= 19 and digits.isdigit()):
        return False
    return luhn_check_digit(digits[:-1]) == int(digits[-1])


def _date_ok(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


_VALID: dict[PiiKind, Callable[[str], bool]] = {
    PiiKind.PHONE: _phone_ok,
    PiiKind.EMAIL: lambda text: _EMAIL.match(text.strip()) is not None,
    PiiKind.RNOKPP: _rnokpp_ok,
    PiiKind.EDRPOU: _edrpou_ok,
    PiiKind.IBAN: _iban_ok,
    PiiKind.BANK_CARD: _card_ok,
    PiiKind.PASSPORT: lambda text: _PASSPORT.match(text.replace(" ", "").upper()) is not None,
    PiiKind.BIRTHDAY: _date_ok,
    PiiKind.LOGIN_TIME: _date_ok,
}


def _values(row: Mapping[str, Any], field: str) -> list[str]:
    """The texts a field holds: one for a scalar, one per entry for a multi-field."""
    value = row.get(field)
    if field == "RQ_IDENT_DOC_NUM" and value:
        value = f"{row.get('RQ_IDENT_DOC_SER') or ''}{value}"
    if isinstance(value, list):
        texts = []
        for item in value:
            text = item.get("VALUE") if isinstance(item, dict) else item
            if text is not None and str(text).strip():
                texts.append(str(text))
        return texts
    if value is None or isinstance(value, bool | dict) or not str(value).strip():
        return []
    return [str(value)]


def _counts_field(entity: Entity, row: Mapping[str, Any], field: str) -> bool:
    """Exceptions to "the field's kind" that the generator's intent makes (module doc)."""
    if entity is Entity.REQUISITE and field == "RQ_NAME":
        return row.get("ENTITY_TYPE_ID") == "3"
    return True


def _holds(entity: Entity, row: Mapping[str, Any], field: str, kind: PiiKind) -> bool:
    if not _counts_field(entity, row, field):
        return False
    if kind is PiiKind.COMMUNICATION:
        return any(isinstance(item, dict) and item.get("VALUE") for item in row.get(field) or [])
    valid = _VALID.get(kind)
    return any(valid is None or valid(text) for text in _values(row, field))


def _rows(dataset: Dataset) -> dict[Entity, Iterable[Mapping[str, Any]]]:
    return {
        Entity.USER: [row for row in dataset.users.values() if user_listed(row)],
        Entity.DEPARTMENT: dataset.departments.values(),
        Entity.CONTACT: dataset.contacts.values(),
        Entity.LEAD: dataset.leads.values(),
        Entity.COMPANY: dataset.companies.values(),
        Entity.DEAL: dataset.deals.values(),
        Entity.REQUISITE: dataset.requisites.values(),
        Entity.BANK_DETAIL: dataset.bank_details.values(),
        Entity.ACTIVITY: dataset.activities.values(),
        Entity.CONSENT: (),  # not readable through the API
    }


def technical_user_ids(dataset: Dataset) -> frozenset[int]:
    """The users that are integrations' technical accounts, not people."""
    return frozenset(
        key for key, row in dataset.users.items() if row.get("WORK_POSITION") == TECHNICAL_POSITION
    )


def record_counts(dataset: Dataset) -> dict[str, int]:
    """How many records of each entity a complete scan sees, by ``Entity`` value."""
    return {
        Entity.USER.value: sum(1 for row in dataset.users.values() if user_listed(row)),
        Entity.DEPARTMENT.value: len(dataset.departments),
        Entity.CONTACT.value: len(dataset.contacts),
        Entity.LEAD.value: len(dataset.leads),
        Entity.COMPANY.value: len(dataset.companies),
        Entity.DEAL.value: len(dataset.deals),
        Entity.REQUISITE.value: len(dataset.requisites),
        Entity.BANK_DETAIL.value: len(dataset.bank_details),
        Entity.ACTIVITY.value: len(dataset.activities),
        Entity.CONSENT.value: 0,
    }


def inventory_truth(dataset: Dataset) -> dict[Key, int]:
    """Records holding a valid value of each (entity, field, kind) of :data:`FIELD_KINDS`."""
    counts: Counter[Key] = Counter()
    for entity, rows in _rows(dataset).items():
        table = FIELD_KINDS[entity]
        for row in rows:
            for field, kind in table.items():
                if _holds(entity, row, field, kind):
                    counts[(entity.value, field, kind.value)] += 1
    return dict(counts)


#: Free-text fields where the generator writes identifiers into notes and subjects.
FREE_TEXT_FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.CONTACT: ("COMMENTS", "UF_CRM_NOTES"),
    Entity.LEAD: ("COMMENTS", "UF_CRM_NOTES"),
    Entity.COMPANY: ("COMMENTS", "UF_CRM_NOTES"),
    Entity.DEAL: ("COMMENTS",),
    Entity.ACTIVITY: ("SUBJECT",),
}


def _free_text_kinds(text: str) -> set[PiiKind]:
    kinds: set[PiiKind] = set()
    for match in _CARD_TEXT.finditer(text):
        if _card_ok(match.group()):
            kinds.add(PiiKind.BANK_CARD)
    without_cards = _CARD_TEXT.sub(" ", text)
    if any(_phone_ok(match.group()) for match in _PHONE_TEXT.finditer(without_cards)):
        kinds.add(PiiKind.PHONE)
    return kinds


def free_text_truth(dataset: Dataset) -> dict[Key, int]:
    """Records whose free-text fields hold a valid phone or bank-card number."""
    counts: Counter[Key] = Counter()
    rows = _rows(dataset)
    for entity, fields in FREE_TEXT_FIELDS.items():
        for row in rows[entity]:
            for field in fields:
                value = row.get(field)
                if isinstance(value, str) and value:
                    for kind in _free_text_kinds(value):
                        counts[(entity.value, field, kind.value)] += 1
    return dict(counts)
