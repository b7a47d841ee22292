"""Where each entity comes from in the Bitrix24 REST API, and how its fields are described.

One :class:`EntitySource` per entity the inventory scans: the list method and its ``select``,
the modification-date field an incremental scan filters on (``>DATE_MODIFY``; users:
``TIMESTAMP_X``; activities: ``LAST_UPDATED``), the methods that describe its fields, and
how a record's display name is made.

Stored consents cannot be read through the REST API (only the agreement texts can,
``userconsent.agreement.list``, and they hold no one's data), so no scan lists consents: the
entity stays in the vocabulary for portals and versions of the API that expose them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from privacy_desktop.domain.personal_data import Entity, FieldDescriptor

Row = Mapping[str, Any]


def _text(row: Row, *names: str) -> str:
    parts = [str(row.get(name) or "").strip() for name in names]
    return " ".join(part for part in parts if part)


def _person_title(row: Row) -> str:
    return _text(row, "NAME", "SECOND_NAME", "LAST_NAME") or _text(row, "TITLE")


def _titled(row: Row) -> str:
    return _text(row, "TITLE")


def _requisite_title(row: Row) -> str:
    return _text(row, "RQ_NAME") or _text(row, "RQ_COMPANY_NAME") or _text(row, "NAME")


def _bank_title(row: Row) -> str:
    return _text(row, "RQ_BANK_NAME") or _text(row, "NAME")


def _named(row: Row) -> str:
    return _text(row, "NAME")


def _subject(row: Row) -> str:
    return _text(row, "SUBJECT")


@dataclass(frozen=True)
class EntitySource:
    """How one entity is read.

    Attributes:
        entity: the entity.
        method: its list method.
        params: parameters of every listing (``select``, administrator mode, …).
        modified_field: the modification date an incremental scan filters on, or None
            (the entity is listed completely every time).
        fields_method: describes standard and custom fields (``crm.*.fields``: code →
            description; ``user.fields``: code → label), or None.
        userfields_method: lists custom fields (``crm.*.userfield.list``), or None.
        id_params: parameters an ID-only listing (the deletion check) needs besides
            ``select`` (users: administrator mode).
        title: the display name of a row.
    """

    entity: Entity
    method: str
    params: Mapping[str, Any] = field(default_factory=dict)
    modified_field: str | None = None
    fields_method: str | None = None
    userfields_method: str | None = None
    id_params: Mapping[str, Any] = field(default_factory=dict)
    title: Callable[[Row], str] = _named

    @property
    def filter_key(self) -> str:
        return "FILTER" if self.method == "user.get" else "filter"


def _crm(
    entity: Entity, name: str, title: Callable[[Row], str], multi: Sequence[str] = ()
) -> EntitySource:
    return EntitySource(
        entity=entity,
        method=f"crm.{name}.list",
        params={"select": ["*", "UF_*", *multi]},
        modified_field="DATE_MODIFY",
        fields_method=f"crm.{name}.fields",
        userfields_method=f"crm.{name}.userfield.list",
        title=title,
    )


_MULTI = ("PHONE", "EMAIL", "WEB", "IM")

#: Every source, in the order a scan reads them (people first: they are what matters most).
#: Consents are absent: see the module docstring.
SOURCES: tuple[EntitySource, ...] = (
    EntitySource(
        entity=Entity.USER,
        method="user.get",
        # Administrator mode lists dismissed employees too: their data is still held.
        params={"ADMIN_MODE": True},
        modified_field="TIMESTAMP_X",
        fields_method="user.fields",
        id_params={"ADMIN_MODE": True},
        title=_person_title,
    ),
    EntitySource(entity=Entity.DEPARTMENT, method="department.get", title=_named),
    _crm(Entity.CONTACT, "contact", _person_title, _MULTI),
    _crm(Entity.LEAD, "lead", _person_title, _MULTI),
    _crm(Entity.COMPANY, "company", _titled, _MULTI),
    _crm(Entity.DEAL, "deal", _titled),
    EntitySource(
        entity=Entity.REQUISITE,
        method="crm.requisite.list",
        modified_field="DATE_MODIFY",
        title=_requisite_title,
    ),
    EntitySource(
        entity=Entity.BANK_DETAIL,
        method="crm.requisite.bankdetail.list",
        modified_field="DATE_MODIFY",
        title=_bank_title,
    ),
    EntitySource(
        entity=Entity.ACTIVITY,
        method="crm.activity.list",
        # The other party of a call or an e-mail is listed only when asked for by name.
        params={"select": ["*", "COMMUNICATIONS"]},
        modified_field="LAST_UPDATED",
        title=_subject,
    ),
)

SOURCE_BY_ENTITY: dict[Entity, EntitySource] = {source.entity: source for source in SOURCES}


def descriptors_from_fields(entity: Entity, result: Any) -> list[FieldDescriptor]:
    """Field descriptors from ``crm.*.fields`` (code → description) or ``user.fields``
    (code → label)."""
    if not isinstance(result, Mapping):
        return []
    found: list[FieldDescriptor] = []
    for code, description in result.items():
        name = str(code)
        if isinstance(description, Mapping):
            label = str(
                description.get("formLabel")
                or description.get("listLabel")
                or description.get("title")
                or ""
            )
            kind = str(description.get("type") or "")
            multiple = bool(description.get("isMultiple"))
        else:
            label, kind, multiple = str(description or ""), "", False
        found.append(
            FieldDescriptor(
                entity=entity,
                name=name,
                label=label if label != name else "",
                type=kind,
                is_custom=name.startswith("UF_"),
                is_multiple=multiple,
            )
        )
    return found


def descriptors_from_userfields(entity: Entity, result: Any) -> list[FieldDescriptor]:
    """Descriptors of custom fields from ``crm.*.userfield.list``."""
    rows = result if isinstance(result, list) else []
    found: list[FieldDescriptor] = []
    for row in rows:
        if not isinstance(row, Mapping) or not row.get("FIELD_NAME"):
            continue
        label = row.get("EDIT_FORM_LABEL") or row.get("LIST_COLUMN_LABEL") or ""
        if isinstance(label, Mapping):  # per language: {"ua": "…", "en": "…"}
            label = next(iter(label.values()), "")
        found.append(
            FieldDescriptor(
                entity=entity,
                name=str(row["FIELD_NAME"]),
                label=str(label or ""),
                type=str(row.get("USER_TYPE_ID") or ""),
                is_custom=True,
                is_multiple=str(row.get("MULTIPLE") or "N").upper() == "Y",
            )
        )
    return found


def descriptors_from_rows(
    entity: Entity, rows: Sequence[Row], known: set[str]
) -> list[FieldDescriptor]:
    """Fields present in the rows but described nowhere (``user.fields`` leaves out users'
    ``UF_*`` fields; some entities have no field description at all): the catalogue knows
    the standard ones, and sampling classifies the custom ones."""
    seen: dict[str, FieldDescriptor] = {}
    for row in rows:
        for name in row:
            if name not in known and name not in seen:
                seen[name] = FieldDescriptor(
                    entity=entity, name=name, label="", type="", is_custom=name.startswith("UF_")
                )
    return list(seen.values())
