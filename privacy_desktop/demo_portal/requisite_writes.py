"""Requisites and their bank details: add, update and delete (api-reference/crm/requisites/
universal/crm-requisite-add|update|delete.md, bank-detail/crm-requisite-bank-detail-*.md).

Errors carry the empty code ``""`` with the documented sentences ("ENTITY_TYPE_ID is not
defined or invalid.", "The Requisite with ID '57' is not found" …), HTTP 400. Deleting a
requisite deletes its bank details. NAME is required by the documentation; the sentence for a
missing NAME is not documented and is the emulator's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from privacy_desktop.demo_portal.crm_business import BANK_DETAIL_KEYS, blank_requisite
from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.live_data import Change, RecycledRecord
from privacy_desktop.demo_portal.params import php_int

#: Owner types a requisite may belong to: contact 3, company 4.
_OWNER_TABLES = {3: "contact", 4: "company"}
#: Set by the portal, never by a write.
_SYSTEM_FIELDS = frozenset({"ID", "DATE_CREATE", "DATE_MODIFY", "CREATED_BY_ID", "MODIFY_BY_ID"})
#: Ukraine in crm.requisite.preset.countries (what generated bank details carry).
UKRAINE_COUNTRY_ID = "14"


def _error(description: str) -> RestError:
    return RestError(400, "", description)


def _plain(value: Any) -> Any:
    """A requisite value as stored: strings, ``None`` for empty, ``Y``/``N`` for booleans."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, dict | list):
        return value
    return str(value)


def _upper(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {str(code).upper(): value for code, value in fields.items()}


def _writable(code: str, known: Mapping[str, Any]) -> bool:
    if code in _SYSTEM_FIELDS:
        return False
    return code in known or code.startswith(("RQ_", "UF_CRM_"))


def _apply(row: dict[str, Any], given: Mapping[str, Any]) -> None:
    """Write the given fields the row knows, except the system ones."""
    for code, value in given.items():
        if _writable(code, row):
            row[code] = _plain(value)


def _save(
    change: Change, table: str, record_id: int, row: dict[str, Any], user_id: int, *, created: bool
) -> None:
    """Stamp who changed the row and when (and created it, for a new one), then store it."""
    row["DATE_MODIFY"] = change.now
    row["MODIFY_BY_ID"] = str(user_id)
    if created:
        row["DATE_CREATE"] = change.now
        row["CREATED_BY_ID"] = str(user_id)
    change.put(table, record_id, row)


def _check_name(fields: Mapping[str, Any], required: bool) -> None:
    if (required or "NAME" in fields) and not str(fields.get("NAME") or "").strip():
        raise _error('The field "NAME" is required.')


def _owner(change: Change, fields: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """Check ENTITY_TYPE_ID, ENTITY_ID and PRESET_ID as they will be after the write."""
    merged = {**current, **fields}
    owner_type = php_int(merged.get("ENTITY_TYPE_ID"))
    if owner_type not in _OWNER_TABLES:
        raise _error("ENTITY_TYPE_ID is not defined or invalid.")
    owner_id = php_int(merged.get("ENTITY_ID"))
    if owner_id <= 0:
        raise _error("ENTITY_ID is not defined or invalid.")
    if php_int(merged.get("PRESET_ID")) <= 0:
        raise _error("PRESET_ID is not defined or invalid.")
    if change.get(_OWNER_TABLES[owner_type], owner_id) is None:
        raise _error("Entity not found.")


def add_requisite(change: Change, fields: Mapping[str, Any], user_id: int) -> int:
    given = _upper(fields)
    _owner(change, given, {})
    _check_name(given, required=True)
    row = blank_requisite()
    _apply(row, given)
    for code in ("ENTITY_TYPE_ID", "ENTITY_ID", "PRESET_ID"):
        row[code] = str(php_int(given[code]))
    record_id = change.live.allocate_id("requisite")
    row["ID"] = str(record_id)
    row["ACTIVE"] = row.get("ACTIVE") or "Y"
    row["ADDRESS_ONLY"] = row.get("ADDRESS_ONLY") or "N"
    row["SORT"] = row.get("SORT") or "500"
    _save(change, "requisite", record_id, row, user_id, created=True)
    return record_id


def _requisite(change: Change, record_id: int) -> dict[str, Any]:
    current = change.get("requisite", record_id)
    if current is None:
        raise _error(f"The Requisite with ID '{record_id}' is not found")
    return current


def update_requisite(
    change: Change, record_id: int, fields: Mapping[str, Any], user_id: int
) -> None:
    current = _requisite(change, record_id)
    given = _upper(fields)
    _owner(change, given, current)
    _check_name(given, required=False)
    row = dict(current)
    _apply(row, given)
    for code in ("ENTITY_TYPE_ID", "ENTITY_ID", "PRESET_ID"):
        row[code] = str(php_int(row[code]))
    _save(change, "requisite", record_id, row, user_id, created=False)


def delete_requisite(
    change: Change, record_id: int, user_id: int, *, recycle: bool = True
) -> list[tuple[str, int, dict[str, Any]]]:
    """Delete a requisite and its bank details; returns what was deleted, requisite first."""
    current = _requisite(change, record_id)
    change.remove("requisite", record_id)
    gone: list[tuple[str, int, dict[str, Any]]] = [("requisite", record_id, current)]
    key = str(record_id)
    for bank_id, bank in change.find("bankdetail", ENTITY_ID=key):
        change.remove("bankdetail", bank_id)
        gone.append(("bankdetail", bank_id, bank))
    if recycle:
        change.recycled.append(
            RecycledRecord("requisite", record_id, current, change.now, user_id, tuple(gone[1:]))
        )
    return gone


def _bank_owner(change: Change, fields: Mapping[str, Any], current: Mapping[str, Any]) -> str:
    requisite_id = php_int({**current, **fields}.get("ENTITY_ID"))
    if requisite_id <= 0:
        raise _error("ENTITY_ID is not defined or invalid.")
    _requisite(change, requisite_id)
    return str(requisite_id)


def add_bank_detail(change: Change, fields: Mapping[str, Any], user_id: int) -> int:
    given = _upper(fields)
    owner = _bank_owner(change, given, {})
    _check_name(given, required=True)
    row: dict[str, Any] = dict.fromkeys(BANK_DETAIL_KEYS)
    _apply(row, given)
    record_id = change.live.allocate_id("bankdetail")
    row["ID"] = str(record_id)
    row["ENTITY_ID"] = owner
    row["COUNTRY_ID"] = row.get("COUNTRY_ID") or UKRAINE_COUNTRY_ID
    row["ACTIVE"] = row.get("ACTIVE") or "Y"
    row["SORT"] = row.get("SORT") or "500"
    _save(change, "bankdetail", record_id, row, user_id, created=True)
    return record_id


def _bank_detail(change: Change, record_id: int) -> dict[str, Any]:
    current = change.get("bankdetail", record_id)
    if current is None:
        raise _error(f"The RequisiteBankDetail with ID '{record_id}' is not found")
    return current


def update_bank_detail(
    change: Change, record_id: int, fields: Mapping[str, Any], user_id: int
) -> None:
    current = _bank_detail(change, record_id)
    given = _upper(fields)
    owner = _bank_owner(change, given, current)
    _check_name(given, required=False)
    row = dict(current)
    _apply(row, given)
    row["ENTITY_ID"] = owner
    _save(change, "bankdetail", record_id, row, user_id, created=False)


def delete_bank_detail(change: Change, record_id: int, user_id: int) -> None:
    current = _bank_detail(change, record_id)
    change.remove("bankdetail", record_id)
    change.recycled.append(RecycledRecord("bankdetail", record_id, current, change.now, user_id))
