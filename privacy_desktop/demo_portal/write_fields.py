"""How written values become stored values: CRM field types, dates, multi-fields, e-mails.

Stored values keep the shapes the generator uses, so a written record lists exactly like a
generated one: strings for CRM scalars, ``None`` for empty CRM fields, Kyiv ISO 8601 for
dates and date-times, multi-field entries ``{"ID", "VALUE_TYPE", "VALUE", "TYPE_ID"}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.kyiv_time import (
    kyiv_iso,
    kyiv_midnight_iso,
    kyiv_wall_clock_to_utc,
)
from privacy_desktop.demo_portal.params import php_bool

#: Multi-field codes (crm-contact-add.md).
MULTI_FIELDS = ("PHONE", "EMAIL", "WEB", "IM", "LINK")
#: VALUE_TYPE of an entry written without one. Not documented; the portal's UI preselects
#: these (WORK for phones, e-mails and sites), OTHER for messengers is the emulator's choice.
_DEFAULT_VALUE_TYPES = {
    "PHONE": "WORK",
    "EMAIL": "WORK",
    "WEB": "WORK",
    "IM": "OTHER",
    "LINK": "USER",
}
#: How an invalid e-mail is named in ERROR_CORE (crm-contact-add.md: "Work e-mail").
_EMAIL_LABELS = {
    "WORK": "Work e-mail",
    "HOME": "Personal e-mail",
    "MAILING": "E-mail for newsletters",
    "OTHER": "Other e-mail",
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+\Z")
_PORTAL_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?\Z")


def field_error(description: str) -> RestError:
    """A field that fails the portal's checks (crm-contact-add.md: ``ERROR_CORE``, HTTP 400)."""
    return RestError(400, "ERROR_CORE", description)


def parse_moment(value: Any) -> datetime | None:
    """A date or date-time as the portal accepts it: ISO 8601 or ``DD.MM.YYYY[ HH:MM[:SS]]``.

    The result is naive (Kyiv wall-clock time) unless the text carried an offset.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    found = _PORTAL_DATE.match(text)
    try:
        if found:
            day, month, year, hour, minute, second = found.groups()
            return datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _date_text(value: Any, title: str) -> str:
    moment = parse_moment(value)
    if moment is None:
        raise field_error(f'The field "{title}" contains an invalid date.')
    return kyiv_midnight_iso(date(moment.year, moment.month, moment.day))


def datetime_text(value: Any, title: str) -> str:
    """``value`` as the portal serialises a date-time: Kyiv ISO 8601 with the offset."""
    moment = parse_moment(value)
    if moment is None:
        raise field_error(f'The field "{title}" contains an invalid date.')
    if moment.tzinfo is None:
        return kyiv_iso(kyiv_wall_clock_to_utc(moment))
    return kyiv_iso(int(moment.timestamp()))


def crm_value(description: Mapping[str, Any] | None, code: str, value: Any) -> Any:
    """A written CRM field value in its stored shape (``None`` for an empty value).

    Args:
        description: the field's entry in ``crm.<entity>.fields`` (None: a plain string).
        code: the field code (names the field in errors).
        value: what the client sent.

    Raises:
        RestError: ERROR_CORE for a date the portal cannot read.
    """
    if value is None or value == "" or value == [] or value == {}:
        return None
    kind = str(description.get("type", "string")) if description else "string"
    title = str(description.get("title") or code) if description else code
    if kind == "date":
        return _date_text(value, title)
    if kind == "datetime":
        return datetime_text(value, title)
    if kind in ("char", "boolean"):
        if isinstance(value, bool):
            return "Y" if value else "N"
        return "Y" if php_bool(value) else "N"
    if kind == "file":
        return None  # uploads (fileData) are not emulated; the field stays empty
    if isinstance(value, dict | list):
        return value
    if isinstance(value, bool):
        return "Y" if value else "N"
    if kind == "double":
        try:
            return f"{float(value):.2f}"
        except ValueError:
            return str(value)
    return str(value)


def _items(given: Any) -> list[dict[str, Any]]:
    """The entries of a multi-field parameter: a JSON list or a PHP array (``n0``, ``0`` …)."""
    if isinstance(given, dict):
        values: list[Any] = list(given.values())
    elif isinstance(given, list):
        values = given
    else:
        return []
    return [item for item in values if isinstance(item, dict)]


def _entry_id(item: Mapping[str, Any]) -> str | None:
    raw = item.get("ID", item.get("id"))
    if raw is None or str(raw).strip() == "":
        return None
    return str(raw).strip()


def _checked(type_id: str, value_type: str, value: str) -> str:
    if type_id == "EMAIL" and not _EMAIL.match(value.strip()):
        label = _EMAIL_LABELS.get(value_type, "E-mail")
        raise field_error(f"The field `{label}` contains an invalid address")
    return value


def merge_multifield(
    current: list[dict[str, Any]] | None,
    given: Any,
    type_id: str,
    allocate: Callable[[], int],
) -> list[dict[str, Any]]:
    """The entries of a multi-field after a write (crm-contact-update.md semantics).

    An entry without ``ID`` is added; one with the ID of an existing entry changes it, or
    removes it when it has ``DELETE: "Y"``, an empty ``VALUE`` or no ``VALUE`` at all;
    entries not mentioned stay. IDs of other records' entries are ignored.

    Raises:
        RestError: ERROR_CORE for an invalid e-mail address.
    """
    entries = [dict(entry) for entry in current or []]
    by_id = {entry["ID"]: entry for entry in entries}
    removed: set[str] = set()
    for item in _items(given):
        raw_value = item.get("VALUE", item.get("value"))
        value = "" if raw_value is None else str(raw_value)
        value_type = str(item.get("VALUE_TYPE") or item.get("valueType") or "").upper()
        entry_id = _entry_id(item)
        if entry_id is not None:
            entry = by_id.get(entry_id)
            if entry is None:
                continue
            if php_bool(item.get("DELETE", "N")) or not value.strip():
                removed.add(entry_id)
                continue
            entry["VALUE_TYPE"] = value_type or entry["VALUE_TYPE"]
            entry["VALUE"] = _checked(type_id, entry["VALUE_TYPE"], value)
            continue
        if not value.strip():
            continue
        value_type = value_type or _DEFAULT_VALUE_TYPES.get(type_id, "OTHER")
        entry = {
            "ID": "",
            "VALUE_TYPE": value_type,
            "VALUE": _checked(type_id, value_type, value),
            "TYPE_ID": type_id,
        }
        entry["ID"] = str(allocate())
        entries.append(entry)
    return [entry for entry in entries if entry["ID"] not in removed]
