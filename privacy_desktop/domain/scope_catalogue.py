"""Every Bitrix24 REST scope and the personal data it reaches.

The codes are those of the official scope table (``api-reference/scopes/permissions.md``), the
scopes named on method pages (``basic``, ``humanresources``, ``imconnector``, ``intranet``,
``main``, ``mail``, ``note``, ``contact_center``, …) and the ones a portal answers to
``scope?full=true`` (the official Python SDK's integration test lists them: ``forum``,
``landing_cloud``, ``iblock``, ``rating``, ``baas``, …). What each reaches is summarised in
``shared/bitrix24/REST-REFERENCE.md`` §4 and §5.4.

A scope is mapped to the inventory's entities it can read (so that the inventory of this
portal can say how many records it reaches), to the kinds and categories of personal data it
can reach anywhere, and to whether it reaches free-form content (files, messages, list items)
that may hold any personal datum.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP
from privacy_desktop.domain.personal_data import SENSITIVITY, Category, Entity, PiiKind

_K = PiiKind
_REG, _AUTO, _USER = Category.REGISTRATION, Category.AUTOMATIC, Category.USER_DATA
_CRM_ENTITIES = (
    Entity.CONTACT,
    Entity.LEAD,
    Entity.COMPANY,
    Entity.DEAL,
    Entity.REQUISITE,
    Entity.BANK_DETAIL,
    Entity.ACTIVITY,
)
_USER_KINDS = (
    _K.PERSON_NAME,
    _K.PHONE,
    _K.EMAIL,
    _K.POSTAL_ADDRESS,
    _K.BIRTHDAY,
    _K.GENDER,
    _K.PHOTO,
    _K.MESSENGER,
    _K.WEBSITE,
    _K.JOB_TITLE,
)
#: Kinds ``user_brief`` leaves out of user records (no contact data, REST-REFERENCE §4.1).
_BRIEF_HIDDEN = frozenset(
    {_K.PHONE, _K.EMAIL, _K.POSTAL_ADDRESS, _K.MESSENGER, _K.WEBSITE, _K.LOGIN_TIME}
)
#: Sensitivity assumed for free-form content: it may hold anything, so not the lowest.
ARBITRARY_SENSITIVITY = 2


@dataclass(frozen=True)
class ScopeInfo:
    """What one REST scope gives access to.

    Attributes:
        code: the scope's code as the portal spells it (``crm``, ``user_brief``).
        description: a short description, ``QT_TRANSLATE_NOOP("Scopes", …)``.
        kinds: the kinds of personal data it can reach, in the inventory or elsewhere.
        categories: the section-1 categories of the privacy terms those data belong to.
        entities: the inventory's entities it can read.
        entity_kinds: the kinds it sees in those entities (None: every kind the inventory
            finds there; ``user_brief`` sees no contact data).
        arbitrary: it reaches free-form content (files, messages, list items, documents)
            that may hold any personal datum.
        beyond_inventory: it reaches personal data the inventory does not count.
        alias_of: the scope it duplicates (legacy or alternative code), if any.
        deprecated: the documentation says not to use it.
    """

    code: str
    description: str
    kinds: frozenset[PiiKind]
    categories: frozenset[Category]
    entities: tuple[Entity, ...]
    entity_kinds: frozenset[PiiKind] | None
    arbitrary: bool
    beyond_inventory: bool
    alias_of: str | None
    deprecated: bool

    @property
    def reaches_personal_data(self) -> bool:
        """Whether the scope reaches any personal datum at all."""
        return bool(self.kinds) or self.arbitrary

    @property
    def weight(self) -> int:
        """The highest sensitivity it reaches (0 when it reaches no personal data)."""
        top = max((SENSITIVITY[kind] for kind in self.kinds), default=0)
        return max(top, ARBITRARY_SENSITIVITY) if self.arbitrary else top


def _scope(
    code: str,
    description: str,
    kinds: tuple[PiiKind, ...] = (),
    categories: tuple[Category, ...] = (),
    entities: tuple[Entity, ...] = (),
    *,
    entity_kinds: frozenset[PiiKind] | None = None,
    arbitrary: bool = False,
    beyond: bool | None = None,
    alias_of: str | None = None,
    deprecated: bool = False,
) -> ScopeInfo:
    # By default a scope reaching personal data beyond any inventory entity is "beyond".
    reaches = bool(kinds) or arbitrary
    return ScopeInfo(
        code=code,
        description=description,
        kinds=frozenset(kinds),
        categories=frozenset(categories),
        entities=entities,
        entity_kinds=entity_kinds,
        arbitrary=arbitrary,
        beyond_inventory=(reaches and not entities) if beyond is None else beyond,
        alias_of=alias_of,
        deprecated=deprecated,
    )


def _talk(code: str, description: str) -> ScopeInfo:
    """Chats, comments and feeds: who said what to whom, in free-form text."""
    return _scope(
        code, description, (_K.PERSON_NAME, _K.COMMUNICATION), (_AUTO, _USER), arbitrary=True
    )


def _none(code: str, description: str, *, deprecated: bool = False) -> ScopeInfo:
    """Interface, configuration and plumbing scopes that hold no personal data themselves."""
    return _scope(code, description, deprecated=deprecated)


_TASK_TEXT = QT_TRANSLATE_NOOP(
    "Scopes", "Tasks: descriptions, comments, checklists, participants, time spent, files"
)
_SONET_TEXT = QT_TRANSLATE_NOOP("Scopes", "Workgroups and projects and their members")
_DOCGEN_TEXT = QT_TRANSLATE_NOOP(
    "Scopes", "Document generator: documents filled with clients' details and requisites"
)
_CHANNEL_TEXT = QT_TRANSLATE_NOOP(
    "Scopes", "Open Channels: dialogs with customers, their messenger identities, transcripts"
)
_SALE_KINDS = (_K.PERSON_NAME, _K.PHONE, _K.EMAIL, _K.POSTAL_ADDRESS)

_TABLE: tuple[ScopeInfo, ...] = (
    _scope(
        "basic",
        QT_TRANSLATE_NOOP(
            "Scopes", "Always granted: the current user's name, gender and photo; batch calls"
        ),
        (_K.PERSON_NAME, _K.GENDER, _K.PHOTO),
        (_REG,),
    ),
    # Users: three variants, widest first (REST-REFERENCE §4.1).
    _scope(
        "user",
        QT_TRANSLATE_NOOP(
            "Scopes", "Employees' full profiles, contact details and sign-in times; editing"
        ),
        (*_USER_KINDS, _K.LOGIN_TIME),
        (_REG, _AUTO, _USER),
        (Entity.USER,),
    ),
    _scope(
        "user_basic",
        QT_TRANSLATE_NOOP("Scopes", "Employees' names and contact details, read only"),
        _USER_KINDS,
        (_REG, _USER),
        (Entity.USER,),
        entity_kinds=frozenset(PiiKind) - {_K.LOGIN_TIME},
    ),
    _scope(
        "user_brief",
        QT_TRANSLATE_NOOP(
            "Scopes", "Employees' names, photos, birthdays and positions, without contact data"
        ),
        (_K.PERSON_NAME, _K.BIRTHDAY, _K.GENDER, _K.PHOTO, _K.JOB_TITLE),
        (_REG, _USER),
        (Entity.USER,),
        entity_kinds=frozenset(PiiKind) - _BRIEF_HIDDEN,
    ),
    _none(
        "user.userfield",
        QT_TRANSLATE_NOOP("Scopes", "Definitions of employees' custom fields (not their values)"),
    ),
    _scope(
        "department",
        QT_TRANSLATE_NOOP("Scopes", "Company structure: departments and their heads"),
        (_K.JOB_TITLE,),
        (_USER,),
        (Entity.DEPARTMENT,),
    ),
    _scope(
        "humanresources",
        QT_TRANSLATE_NOOP("Scopes", "Company structure: departments, teams, members and roles"),
        (_K.PERSON_NAME, _K.JOB_TITLE),
        (_USER,),
        (Entity.DEPARTMENT,),
    ),
    _scope(
        "humanresources.hcmlink",
        QT_TRANSLATE_NOOP("Scopes", "Mapping of employees to an external HR system"),
        (_K.PERSON_NAME, _K.JOB_TITLE),
        (_USER,),
    ),
    _scope(
        "crm",
        QT_TRANSLATE_NOOP(
            "Scopes",
            "CRM: contacts, leads, companies, deals, requisites, bank details, activities, "
            "quotes, invoices and timeline; reading, changing and deleting",
        ),
        tuple(kind for kind in PiiKind if kind is not _K.LOGIN_TIME),
        (_REG, _AUTO, _USER),
        _CRM_ENTITIES,
        arbitrary=True,
        beyond=True,  # quotes, invoices, smart processes and timeline comments are not scanned
    ),
    _scope(
        "userconsent",
        QT_TRANSLATE_NOOP("Scopes", "Consent agreements; recording a person's consent"),
        (_K.CONSENT, _K.IP_ADDRESS),
        (_REG,),
        (Entity.CONSENT,),
    ),
    _scope("task", _TASK_TEXT, (_K.PERSON_NAME, _K.COMMUNICATION), (_USER,), arbitrary=True),
    _scope(
        "tasks",
        _TASK_TEXT,
        (_K.PERSON_NAME, _K.COMMUNICATION),
        (_USER,),
        arbitrary=True,
        alias_of="task",
        deprecated=True,
    ),
    _scope(
        "tasks_extended",
        _TASK_TEXT,
        (_K.PERSON_NAME, _K.COMMUNICATION),
        (_USER,),
        arbitrary=True,
        alias_of="task",
        deprecated=True,
    ),
    _none(
        "tasksmobile",
        QT_TRANSLATE_NOOP("Scopes", "Tasks in the mobile app (interface only)"),
        deprecated=True,
    ),
    _talk("im", QT_TRANSLATE_NOOP("Scopes", "Chats, messages, notifications, user statuses")),
    _talk("im.import", QT_TRANSLATE_NOOP("Scopes", "Importing chat history from other systems")),
    _talk("imbot", QT_TRANSLATE_NOOP("Scopes", "Chat bots and the chats and messages they see")),
    _scope(
        "imopenlines",
        _CHANNEL_TEXT,
        (_K.PERSON_NAME, _K.PHONE, _K.EMAIL, _K.MESSENGER, _K.COMMUNICATION),
        (_AUTO, _USER),
        arbitrary=True,
    ),
    _scope(
        "imconnector",
        QT_TRANSLATE_NOOP("Scopes", "Open Channel connectors: messages to and from customers"),
        (_K.PERSON_NAME, _K.PHONE, _K.EMAIL, _K.MESSENGER, _K.COMMUNICATION),
        (_AUTO, _USER),
        arbitrary=True,
    ),
    _talk("notifications", QT_TRANSLATE_NOOP("Scopes", "Sending notifications to users")),
    _talk("forum", QT_TRANSLATE_NOOP("Scopes", "Comments (forum) under records and posts")),
    _talk("log", QT_TRANSLATE_NOOP("Scopes", "News feed posts, comments and their recipients")),
    _scope("sonet_group", _SONET_TEXT, (_K.PERSON_NAME,), (_USER,)),
    _scope("socialnetwork", _SONET_TEXT, (_K.PERSON_NAME,), (_USER,), alias_of="sonet_group"),
    _scope(
        "rating",
        QT_TRANSLATE_NOOP("Scopes", "Likes and ratings: who liked what"),
        (_K.PERSON_NAME,),
        (_AUTO,),
    ),
    _scope(
        "vote",
        QT_TRANSLATE_NOOP("Scopes", "Polls and votes, and who voted"),
        (_K.PERSON_NAME,),
        (_USER,),
    ),
    _scope(
        "telephony",
        QT_TRANSLATE_NOOP(
            "Scopes", "Telephony: call records with numbers, durations, recordings, transcripts"
        ),
        (_K.PERSON_NAME, _K.PHONE, _K.COMMUNICATION),
        (_AUTO,),
        arbitrary=True,
    ),
    _scope(
        "call",
        QT_TRANSLATE_NOOP("Scopes", "Automated information calls to phone numbers"),
        (_K.PHONE,),
        (_AUTO,),
    ),
    _scope(
        "calendar",
        QT_TRANSLATE_NOOP("Scopes", "Calendars: events, attendees, availability"),
        (_K.PERSON_NAME, _K.COMMUNICATION),
        (_USER,),
    ),
    _none("calendarmobile", QT_TRANSLATE_NOOP("Scopes", "Calendar in the mobile app")),
    _scope(
        "disk",
        QT_TRANSLATE_NOOP("Scopes", "Drive: personal, company and group files and folders"),
        (_K.PHOTO,),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "timeman",
        QT_TRANSLATE_NOOP("Scopes", "Time tracking: work days with IP addresses and locations"),
        (_K.IP_ADDRESS, _K.LOGIN_TIME),
        (_AUTO,),
    ),
    _scope(
        "main",
        QT_TRANSLATE_NOOP("Scopes", "Event log: sign-ins, IP addresses, browsers, requests"),
        (_K.IP_ADDRESS, _K.LOGIN_TIME),
        (_AUTO,),
    ),
    _scope(
        "mail",
        QT_TRANSLATE_NOOP("Scopes", "Mailboxes and messages the user can access"),
        (_K.PERSON_NAME, _K.EMAIL, _K.COMMUNICATION),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "mailservice",
        QT_TRANSLATE_NOOP("Scopes", "Mail service (SMTP/IMAP) settings"),
        (_K.EMAIL,),
        (_USER,),
    ),
    _scope(
        "messageservice",
        QT_TRANSLATE_NOOP("Scopes", "SMS and message providers: recipients' numbers and texts"),
        (_K.PHONE, _K.COMMUNICATION),
        (_AUTO,),
    ),
    _scope(
        "sale",
        QT_TRANSLATE_NOOP("Scopes", "Online store: orders, buyers' details, payments, shipments"),
        _SALE_KINDS,
        (_REG, _USER),
    ),
    _scope(
        "delivery",
        QT_TRANSLATE_NOOP("Scopes", "Deliveries: recipients and addresses"),
        _SALE_KINDS,
        (_USER,),
    ),
    _scope(
        "pay_system",
        QT_TRANSLATE_NOOP("Scopes", "Payment systems and the payments passed to them"),
        (_K.PERSON_NAME, _K.EMAIL),
        (_USER,),
    ),
    _scope(
        "cashbox",
        QT_TRANSLATE_NOOP("Scopes", "Cash registers and receipts sent to buyers"),
        (_K.PHONE, _K.EMAIL),
        (_USER,),
    ),
    _scope(
        "salescenter",
        QT_TRANSLATE_NOOP("Scopes", "Sales in chats: payment links for clients"),
        (_K.PERSON_NAME, _K.PHONE),
        (_USER,),
    ),
    _none("catalog", QT_TRANSLATE_NOOP("Scopes", "Product catalogue, prices and stock")),
    _none("catalogmobile", QT_TRANSLATE_NOOP("Scopes", "Product catalogue in the mobile app")),
    _scope(
        "booking",
        QT_TRANSLATE_NOOP("Scopes", "Online booking: bookings, resources and clients"),
        (_K.PERSON_NAME, _K.PHONE),
        (_USER,),
    ),
    _scope(
        "lists",
        QT_TRANSLATE_NOOP("Scopes", "Universal lists and their items"),
        arbitrary=True,
        categories=(_USER,),
    ),
    _scope(
        "iblock",
        QT_TRANSLATE_NOOP("Scopes", "Information blocks and their elements"),
        arbitrary=True,
        categories=(_USER,),
    ),
    _scope(
        "entity",
        QT_TRANSLATE_NOOP("Scopes", "The application's own data storage"),
        arbitrary=True,
        categories=(_USER,),
    ),
    _scope(
        "bizproc",
        QT_TRANSLATE_NOOP("Scopes", "Workflows and automation rules with their documents"),
        (_K.PERSON_NAME,),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "rpa",
        QT_TRANSLATE_NOOP("Scopes", "Business automation processes and their items"),
        (_K.PERSON_NAME,),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "documentgenerator",
        _DOCGEN_TEXT,
        (_K.PERSON_NAME, _K.POSTAL_ADDRESS, _K.RNOKPP, _K.EDRPOU, _K.PASSPORT, _K.IBAN),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "crm.documentgenerator",
        _DOCGEN_TEXT,
        (_K.PERSON_NAME, _K.POSTAL_ADDRESS, _K.RNOKPP, _K.EDRPOU, _K.PASSPORT, _K.IBAN),
        (_USER,),
        arbitrary=True,
        alias_of="documentgenerator",
    ),
    _scope(
        "sign.b2e",
        QT_TRANSLATE_NOOP("Scopes", "E-signature of HR documents: documents and signers"),
        (_K.PERSON_NAME, _K.PHONE, _K.JOB_TITLE),
        (_USER,),
        arbitrary=True,
    ),
    _scope(
        "biconnector",
        QT_TRANSLATE_NOOP("Scopes", "BI analytics connector: data sources and datasets"),
        arbitrary=True,
        categories=(_USER,),
    ),
    _scope(
        "note",
        QT_TRANSLATE_NOOP("Scopes", "Knowledge base documents"),
        arbitrary=True,
        categories=(_USER,),
    ),
    _talk(
        "ai_admin",
        QT_TRANSLATE_NOOP("Scopes", "Registering an AI service that receives users' requests"),
    ),
    _none("landing", QT_TRANSLATE_NOOP("Scopes", "Sites and their pages")),
    _none("landing_cloud", QT_TRANSLATE_NOOP("Scopes", "Site templates repository")),
    _none("placement", QT_TRANSLATE_NOOP("Scopes", "Embedding widgets into the portal's pages")),
    _none("intranet", QT_TRANSLATE_NOOP("Scopes", "Menu items in the portal's interface")),
    _none("contact_center", QT_TRANSLATE_NOOP("Scopes", "An item in the contact centre")),
    _none("mobile", QT_TRANSLATE_NOOP("Scopes", "Mobile app interface")),
    _none("pull", QT_TRANSLATE_NOOP("Scopes", "Push and pull messages to the application")),
    _none("pull_channel", QT_TRANSLATE_NOOP("Scopes", "System push channel of updates")),
    _none("userfieldconfig", QT_TRANSLATE_NOOP("Scopes", "Custom field settings")),
    _none("smile", QT_TRANSLATE_NOOP("Scopes", "Emoji sets")),
    _none("appform", QT_TRANSLATE_NOOP("Scopes", "Application forms in the interface")),
    _none("baas", QT_TRANSLATE_NOOP("Scopes", "Hosting of the application's back end")),
    _none(
        "configuration.import",
        QT_TRANSLATE_NOOP("Scopes", "Importing industry solutions (portal configuration)"),
    ),
    _none("rest", QT_TRANSLATE_NOOP("Scopes", "REST service methods")),
)

#: Every known scope by its code.
SCOPES: dict[str, ScopeInfo] = {info.code: info for info in _TABLE}
