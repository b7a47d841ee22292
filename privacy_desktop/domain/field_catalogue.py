"""Which standard Bitrix24 fields carry personal data, of which kind and category.

Categories follow section 1 of the privacy terms:

* **1.1 given at registration and in forms** — user profiles (name, e-mail, phones,
  birthday, gender, photo, position, messengers, home address) and consents a person gave
  in a web form;
* **1.2 collected automatically** — users' sign-in and last-activity times, the IP address a
  consent came from, activities (calls, e-mails, meetings: the other party's phone or
  e-mail, subjects and bodies);
* **1.3 uploaded into the portal** — CRM contacts, leads, companies, deals, requisites and
  bank details;
* **1.4 other** — custom fields of entities with no category of their own (departments).

Each category's purposes are ``CATEGORY_PURPOSES[category]`` (section 2).

Decisions, so that they are made once:

* A bare user ID (a department's ``UF_HEAD``, ``ASSIGNED_BY_ID``, an activity's
  ``RESPONSIBLE_ID``) is a link to a user whose data is counted under users, not a datum of
  its own; departments therefore carry no catalogue field.
* Every part of a person's address counts, the country too; the ``WORK_*`` address of a
  user is the employer's (the portal's own company), not the person's.
* A requisite's ``RQ_NAME`` is a person's name only in a contact's requisite
  (``ENTITY_TYPE_ID`` 3); in a company's it is the company's name.
* Integrations' technical users cannot be told from people by any field, so their profile
  fields count like anyone's.
* ``HONORIFIC`` is an item of a portal-defined list (``HNR_UA_1``), not a gender value.
* ``TIMESTAMP_X`` and ``DATE_REGISTER`` are account bookkeeping, not sign-ins; ``LAST_LOGIN``
  and ``LAST_ACTIVITY_DATE`` are.
* An activity's times are properties of the activity; the person in it is in
  ``COMMUNICATIONS`` (kind COMMUNICATION, values normalised by their TYPE).
* A passport is one datum held in two requisite fields: it is counted in
  ``RQ_IDENT_DOC_NUM``, its series (``RQ_IDENT_DOC_SER``) read from the same record.
* Free-text fields (comments, notes, subjects, bodies, account numbers) are searched for the
  identifiers in :data:`TEXT_KINDS`; each (field, kind) pair is its own classification.
"""

from __future__ import annotations

from types import MappingProxyType

from privacy_desktop.domain.embedded import EMBEDDED_KINDS
from privacy_desktop.domain.personal_data import Category, Entity, PiiKind

#: The kinds a free-text field is searched for.
TEXT_KINDS: tuple[PiiKind, ...] = EMBEDDED_KINDS

K = PiiKind
_REG, _AUTO, _DATA, _OTHER = (
    Category.REGISTRATION,
    Category.AUTOMATIC,
    Category.USER_DATA,
    Category.OTHER,
)

_USER: dict[str, tuple[PiiKind, Category]] = {
    **dict.fromkeys(("NAME", "LAST_NAME", "SECOND_NAME"), (K.PERSON_NAME, _REG)),
    "EMAIL": (K.EMAIL, _REG),
    **dict.fromkeys(
        (
            "PERSONAL_PHONE",
            "PERSONAL_MOBILE",
            "PERSONAL_FAX",
            "PERSONAL_PAGER",
            "WORK_PHONE",
            "WORK_FAX",
            "WORK_PAGER",
        ),
        (K.PHONE, _REG),
    ),
    "PERSONAL_BIRTHDAY": (K.BIRTHDAY, _REG),
    "PERSONAL_GENDER": (K.GENDER, _REG),
    "PERSONAL_PHOTO": (K.PHOTO, _REG),
    "WORK_POSITION": (K.JOB_TITLE, _REG),
    "PERSONAL_PROFESSION": (K.JOB_TITLE, _REG),
    **dict.fromkeys(("PERSONAL_ICQ", "UF_SKYPE", "UF_SKYPE_LINK", "UF_ZOOM"), (K.MESSENGER, _REG)),
    **dict.fromkeys(
        (
            "PERSONAL_WWW",
            "UF_WEB_SITES",
            "UF_FACEBOOK",
            "UF_TWITTER",
            "UF_LINKEDIN",
            "UF_XING",
        ),
        (K.WEBSITE, _REG),
    ),
    **dict.fromkeys(
        (
            "PERSONAL_STREET",
            "PERSONAL_MAILBOX",
            "PERSONAL_CITY",
            "PERSONAL_STATE",
            "PERSONAL_ZIP",
            "PERSONAL_COUNTRY",
            "UF_DISTRICT",
        ),
        (K.POSTAL_ADDRESS, _REG),
    ),
    "LAST_LOGIN": (K.LOGIN_TIME, _AUTO),
    "LAST_ACTIVITY_DATE": (K.LOGIN_TIME, _AUTO),
}

_ADDRESS_PARTS = (
    "ADDRESS",
    "ADDRESS_2",
    "ADDRESS_CITY",
    "ADDRESS_POSTAL_CODE",
    "ADDRESS_REGION",
    "ADDRESS_PROVINCE",
    "ADDRESS_COUNTRY",
)
_CRM_PERSON: dict[str, tuple[PiiKind, Category]] = {
    **dict.fromkeys(("NAME", "SECOND_NAME", "LAST_NAME"), (K.PERSON_NAME, _DATA)),
    "BIRTHDATE": (K.BIRTHDAY, _DATA),
    "POST": (K.JOB_TITLE, _DATA),
    **dict.fromkeys(_ADDRESS_PARTS, (K.POSTAL_ADDRESS, _DATA)),
    "PHONE": (K.PHONE, _DATA),
    "EMAIL": (K.EMAIL, _DATA),
    "WEB": (K.WEBSITE, _DATA),
    "IM": (K.MESSENGER, _DATA),
}
_CONTACT = {**_CRM_PERSON, "PHOTO": (K.PHOTO, _DATA)}
_COMPANY: dict[str, tuple[PiiKind, Category]] = {
    # A company may be a sole trader: its phones, e-mails and addresses may be a person's.
    "PHONE": (K.PHONE, _DATA),
    "EMAIL": (K.EMAIL, _DATA),
    "WEB": (K.WEBSITE, _DATA),
    "IM": (K.MESSENGER, _DATA),
    **dict.fromkeys(
        (
            *_ADDRESS_PARTS,
            "ADDRESS_LEGAL",
            "REG_ADDRESS",
            "REG_ADDRESS_2",
            "REG_ADDRESS_CITY",
            "REG_ADDRESS_POSTAL_CODE",
            "REG_ADDRESS_REGION",
            "REG_ADDRESS_PROVINCE",
            "REG_ADDRESS_COUNTRY",
        ),
        (K.POSTAL_ADDRESS, _DATA),
    ),
}
_REQUISITE: dict[str, tuple[PiiKind, Category]] = {
    **dict.fromkeys(
        (
            "RQ_NAME",
            "RQ_FIRST_NAME",
            "RQ_LAST_NAME",
            "RQ_SECOND_NAME",
            "RQ_CONTACT",
            "RQ_DIRECTOR",
            "RQ_ACCOUNTANT",
            "RQ_CEO_NAME",
        ),
        (K.PERSON_NAME, _DATA),
    ),
    "RQ_INN": (K.RNOKPP, _DATA),
    "RQ_DRFO": (K.RNOKPP, _DATA),
    "RQ_EDRPOU": (K.EDRPOU, _DATA),
    "RQ_IDENT_DOC_NUM": (K.PASSPORT, _DATA),
    "RQ_EMAIL": (K.EMAIL, _DATA),
    "RQ_PHONE": (K.PHONE, _DATA),
    "RQ_FAX": (K.PHONE, _DATA),
}
_BANK_DETAIL: dict[str, tuple[PiiKind, Category]] = {
    "RQ_IBAN": (K.IBAN, _DATA),
    "RQ_ACC_NAME": (K.PERSON_NAME, _DATA),
}
_ACTIVITY: dict[str, tuple[PiiKind, Category]] = {"COMMUNICATIONS": (K.COMMUNICATION, _AUTO)}
_CONSENT: dict[str, tuple[PiiKind, Category]] = {
    "DATE_INSERT": (K.CONSENT, _REG),
    "IP": (K.IP_ADDRESS, _AUTO),
}

_CATALOGUE: dict[Entity, dict[str, tuple[PiiKind, Category]]] = {
    Entity.USER: _USER,
    Entity.DEPARTMENT: {},
    Entity.CONTACT: _CONTACT,
    Entity.LEAD: _CRM_PERSON,
    Entity.COMPANY: _COMPANY,
    Entity.DEAL: {},
    Entity.REQUISITE: _REQUISITE,
    Entity.BANK_DETAIL: _BANK_DETAIL,
    Entity.ACTIVITY: _ACTIVITY,
    Entity.CONSENT: _CONSENT,
}

_TEXT: dict[Entity, dict[str, Category]] = {
    Entity.USER: dict.fromkeys(("PERSONAL_NOTES", "WORK_NOTES"), _REG),
    Entity.DEPARTMENT: {},
    Entity.CONTACT: dict.fromkeys(("COMMENTS", "SOURCE_DESCRIPTION"), _DATA),
    Entity.LEAD: dict.fromkeys(("COMMENTS", "SOURCE_DESCRIPTION", "STATUS_DESCRIPTION"), _DATA),
    Entity.COMPANY: dict.fromkeys(("COMMENTS", "BANKING_DETAILS"), _DATA),
    Entity.DEAL: dict.fromkeys(("COMMENTS", "ADDITIONAL_INFO", "SOURCE_DESCRIPTION"), _DATA),
    Entity.REQUISITE: {},
    Entity.BANK_DETAIL: dict.fromkeys(("RQ_ACC_NUM", "COMMENTS"), _DATA),
    Entity.ACTIVITY: dict.fromkeys(("SUBJECT", "DESCRIPTION"), _AUTO),
    Entity.CONSENT: {},
}

#: The category of a custom field's personal data, by the entity it belongs to.
_DEFAULT_CATEGORY: dict[Entity, Category] = {
    Entity.USER: _REG,
    Entity.DEPARTMENT: _OTHER,
    Entity.CONTACT: _DATA,
    Entity.LEAD: _DATA,
    Entity.COMPANY: _DATA,
    Entity.DEAL: _DATA,
    Entity.REQUISITE: _DATA,
    Entity.BANK_DETAIL: _DATA,
    Entity.ACTIVITY: _AUTO,
    Entity.CONSENT: _REG,
}

#: field → the field of the same record that completes its value (passport series).
COMPANION_PREFIX: MappingProxyType[tuple[Entity, str], str] = MappingProxyType(
    {(Entity.REQUISITE, "RQ_IDENT_DOC_NUM"): "RQ_IDENT_DOC_SER"}
)
#: field → (another field of the record, the value it must have for the field to count).
CONDITIONS: MappingProxyType[tuple[Entity, str], tuple[str, str]] = MappingProxyType(
    {(Entity.REQUISITE, "RQ_NAME"): ("ENTITY_TYPE_ID", "3")}
)


def catalogue(entity: Entity) -> dict[str, tuple[PiiKind, Category]]:
    """The standard fields of ``entity`` that hold one kind of personal datum.

    Returns:
        A new dict: field name → (kind, category). Free-text fields are in
        :func:`text_fields`.
    """
    return dict(_CATALOGUE[entity])


def text_fields(entity: Entity) -> dict[str, Category]:
    """The standard free-text fields of ``entity``, searched for :data:`TEXT_KINDS`.

    Returns:
        A new dict: field name → category.
    """
    return dict(_TEXT[entity])


def default_category(entity: Entity) -> Category:
    """The category of personal data found in a custom (``UF_*``) field of ``entity``."""
    return _DEFAULT_CATEGORY[entity]


def is_catalogued(entity: Entity, field: str) -> bool:
    """Whether ``field`` is a standard field the catalogue (or the free-text list) knows."""
    return field in _CATALOGUE[entity] or field in _TEXT[entity]
