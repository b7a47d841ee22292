"""The vocabulary of the inventory: entities, kinds of personal data, categories and purposes.

Categories and purposes are those of the Bitrix24 privacy terms (Ukrainian edition):
section 1 says *what* is held (1.1–1.4), section 2 *why* (2.1–2.4). Every display name here
is a ``QT_TRANSLATE_NOOP`` in the "PersonalData" context, so the GUI, the CLI and the PDF
report translate them from one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP


class Entity(StrEnum):
    """A kind of record in a Bitrix24 portal that the inventory scans."""

    USER = "user"
    DEPARTMENT = "department"
    CONTACT = "contact"
    LEAD = "lead"
    COMPANY = "company"
    DEAL = "deal"
    REQUISITE = "requisite"
    BANK_DETAIL = "bank_detail"
    ACTIVITY = "activity"
    CONSENT = "consent"


class PiiKind(StrEnum):
    """A kind of personal datum a field can carry."""

    PERSON_NAME = "person_name"
    PHONE = "phone"
    EMAIL = "email"
    POSTAL_ADDRESS = "postal_address"
    BIRTHDAY = "birthday"
    GENDER = "gender"
    PHOTO = "photo"
    MESSENGER = "messenger"
    WEBSITE = "website"
    RNOKPP = "rnokpp"
    EDRPOU = "edrpou"
    PASSPORT = "passport"
    IBAN = "iban"
    BANK_CARD = "bank_card"
    IP_ADDRESS = "ip_address"
    JOB_TITLE = "job_title"
    #: When a person last signed in or was active (collected automatically, 1.2).
    LOGIN_TIME = "login_time"
    #: Metadata of a call, e-mail or meeting: its subject, direction, the other party.
    COMMUNICATION = "communication"
    #: A person's consent to the processing of their data (what, when, from where).
    CONSENT = "consent"


class Category(StrEnum):
    """Section 1 of the privacy terms: which personal information."""

    #: Given by the person at registration or in forms.
    REGISTRATION = "1.1"
    #: Collected automatically while the products are used (cookies, communications).
    AUTOMATIC = "1.2"
    #: User data: anything uploaded or entered into the portal (CRM, files, tasks).
    USER_DATA = "1.3"
    #: Other information, received only for the purposes of section 2.
    OTHER = "1.4"


class Purpose(StrEnum):
    """Section 2 of the privacy terms: why it is processed."""

    IDENTIFICATION = "2.1"
    PERSONALISATION = "2.2"
    CONTRACT = "2.3"
    STATISTICS = "2.4"


class ClassificationSource(StrEnum):
    """How a field came to carry a kind."""

    #: A standard field whose meaning is documented (NAME, PHONE, RQ_INN, …).
    CATALOGUE = "catalogue"
    #: A custom (``UF_*``) field, classified from a sample of its values.
    SAMPLED = "sampled"
    #: Set by the administrator.
    MANUAL = "manual"


#: How sensitive each kind is, 1 (low) to 3 (high); the risk score of a grant weighs by it.
SENSITIVITY: dict[PiiKind, int] = {
    PiiKind.PERSON_NAME: 1,
    PiiKind.PHONE: 2,
    PiiKind.EMAIL: 2,
    PiiKind.POSTAL_ADDRESS: 2,
    PiiKind.BIRTHDAY: 2,
    PiiKind.GENDER: 1,
    PiiKind.PHOTO: 2,
    PiiKind.MESSENGER: 2,
    PiiKind.WEBSITE: 1,
    PiiKind.RNOKPP: 3,
    PiiKind.EDRPOU: 1,
    PiiKind.PASSPORT: 3,
    PiiKind.IBAN: 3,
    PiiKind.BANK_CARD: 3,
    PiiKind.IP_ADDRESS: 2,
    PiiKind.JOB_TITLE: 1,
    PiiKind.LOGIN_TIME: 1,
    PiiKind.COMMUNICATION: 2,
    PiiKind.CONSENT: 1,
}

ENTITY_NAMES: dict[Entity, str] = {
    Entity.USER: QT_TRANSLATE_NOOP("PersonalData", "Users"),
    Entity.DEPARTMENT: QT_TRANSLATE_NOOP("PersonalData", "Departments"),
    Entity.CONTACT: QT_TRANSLATE_NOOP("PersonalData", "Contacts"),
    Entity.LEAD: QT_TRANSLATE_NOOP("PersonalData", "Leads"),
    Entity.COMPANY: QT_TRANSLATE_NOOP("PersonalData", "Companies"),
    Entity.DEAL: QT_TRANSLATE_NOOP("PersonalData", "Deals"),
    Entity.REQUISITE: QT_TRANSLATE_NOOP("PersonalData", "Requisites"),
    Entity.BANK_DETAIL: QT_TRANSLATE_NOOP("PersonalData", "Bank details"),
    Entity.ACTIVITY: QT_TRANSLATE_NOOP("PersonalData", "Activities"),
    Entity.CONSENT: QT_TRANSLATE_NOOP("PersonalData", "Consents"),
}

KIND_NAMES: dict[PiiKind, str] = {
    PiiKind.PERSON_NAME: QT_TRANSLATE_NOOP("PersonalData", "Name"),
    PiiKind.PHONE: QT_TRANSLATE_NOOP("PersonalData", "Phone number"),
    PiiKind.EMAIL: QT_TRANSLATE_NOOP("PersonalData", "E-mail address"),
    PiiKind.POSTAL_ADDRESS: QT_TRANSLATE_NOOP("PersonalData", "Postal address"),
    PiiKind.BIRTHDAY: QT_TRANSLATE_NOOP("PersonalData", "Date of birth"),
    PiiKind.GENDER: QT_TRANSLATE_NOOP("PersonalData", "Gender"),
    PiiKind.PHOTO: QT_TRANSLATE_NOOP("PersonalData", "Photo"),
    PiiKind.MESSENGER: QT_TRANSLATE_NOOP("PersonalData", "Messenger account"),
    PiiKind.WEBSITE: QT_TRANSLATE_NOOP("PersonalData", "Website or social profile"),
    PiiKind.RNOKPP: QT_TRANSLATE_NOOP("PersonalData", "Individual tax number (RNOKPP)"),
    PiiKind.EDRPOU: QT_TRANSLATE_NOOP("PersonalData", "Company code (EDRPOU)"),
    PiiKind.PASSPORT: QT_TRANSLATE_NOOP("PersonalData", "Passport number"),
    PiiKind.IBAN: QT_TRANSLATE_NOOP("PersonalData", "Bank account (IBAN)"),
    PiiKind.BANK_CARD: QT_TRANSLATE_NOOP("PersonalData", "Bank card number"),
    PiiKind.IP_ADDRESS: QT_TRANSLATE_NOOP("PersonalData", "IP address"),
    PiiKind.JOB_TITLE: QT_TRANSLATE_NOOP("PersonalData", "Job title"),
    PiiKind.LOGIN_TIME: QT_TRANSLATE_NOOP("PersonalData", "Sign-in time"),
    PiiKind.COMMUNICATION: QT_TRANSLATE_NOOP("PersonalData", "Communication"),
    PiiKind.CONSENT: QT_TRANSLATE_NOOP("PersonalData", "Consent"),
}

CATEGORY_NAMES: dict[Category, str] = {
    Category.REGISTRATION: QT_TRANSLATE_NOOP(
        "PersonalData", "1.1 Given at registration and in forms"
    ),
    Category.AUTOMATIC: QT_TRANSLATE_NOOP("PersonalData", "1.2 Collected automatically"),
    Category.USER_DATA: QT_TRANSLATE_NOOP("PersonalData", "1.3 Uploaded into the portal"),
    Category.OTHER: QT_TRANSLATE_NOOP("PersonalData", "1.4 Other information"),
}

PURPOSE_NAMES: dict[Purpose, str] = {
    Purpose.IDENTIFICATION: QT_TRANSLATE_NOOP(
        "PersonalData", "2.1 Identifying the user of the products"
    ),
    Purpose.PERSONALISATION: QT_TRANSLATE_NOOP(
        "PersonalData", "2.2 Personalised records of visits and actions (cookies)"
    ),
    Purpose.CONTRACT: QT_TRANSLATE_NOOP(
        "PersonalData", "2.3 Dealing with the person under a contract or agreement"
    ),
    Purpose.STATISTICS: QT_TRANSLATE_NOOP(
        "PersonalData", "2.4 Statistics and research on depersonalised data"
    ),
}

#: The purpose each category is processed for (section 2), shown beside the category.
CATEGORY_PURPOSES: dict[Category, tuple[Purpose, ...]] = {
    Category.REGISTRATION: (Purpose.IDENTIFICATION, Purpose.CONTRACT),
    Category.AUTOMATIC: (Purpose.PERSONALISATION, Purpose.STATISTICS),
    Category.USER_DATA: (Purpose.CONTRACT,),
    Category.OTHER: (Purpose.IDENTIFICATION, Purpose.PERSONALISATION, Purpose.CONTRACT),
}


@dataclass(frozen=True)
class FieldDescriptor:
    """A field of an entity as the portal describes it (``*.fields``, ``userfield.list``).

    Attributes:
        entity: the entity it belongs to.
        name: the API name (``PHONE``, ``UF_CRM_1700000000``).
        label: the portal's own label (may be Ukrainian; shown as is).
        type: the portal's type (``string``, ``crm_multifield``, ``date``, ``file``, …).
        is_custom: a user field (``UF_*``).
        is_multiple: holds a list of values.
    """

    entity: Entity
    name: str
    label: str
    type: str
    is_custom: bool = False
    is_multiple: bool = False


@dataclass(frozen=True)
class FieldClassification:
    """One field that carries personal data, with its kind and category.

    A field carries one kind (a ``UF_*`` field holding both phones and e-mails is classified
    by its majority).

    Attributes:
        entity: the entity.
        field: the API field name.
        kind: what it carries.
        category: the section-1 category of the privacy terms.
        source: how it was classified.
        label: the portal's label, if any.
        confidence: 1.0 for the catalogue; the share of sampled values that matched.
    """

    entity: Entity
    field: str
    kind: PiiKind
    category: Category
    source: ClassificationSource
    label: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class FoundValue:
    """A personal datum found in one record.

    Attributes:
        field: the field it was found in (for multi-fields, the field, not the row).
        kind: its kind.
        value: the normalised value (E.164 phone, lower-case e-mail, digits of a tax number,
            compact IBAN, ISO date, …): used for counting, matching and search.
        display: the value as the portal holds it (shown masked by default).
    """

    field: str
    kind: PiiKind
    value: str
    display: str
