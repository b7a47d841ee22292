"""Adding, changing and deleting CRM records and users: the one implementation behind the
REST write methods (crm_writes.py) and the DemoPortal helpers tests use.

Behaviour follows the method pages of bitrix24/b24restdocs (api-reference/crm/contacts/
crm-contact-add|update|delete.md and their lead, company and deal twins, user/user-update.md):

- ``add`` returns the new ID (an integer above every ID the table ever had); unknown fields
  and read-only fields are ignored; ``IMPORT`` mode may set DATE_CREATE, DATE_MODIFY,
  CREATED_BY_ID and MODIFY_BY_ID.
- ``update`` changes only the fields given, multi-fields by entry ID (see write_fields), and
  stamps DATE_MODIFY (Kyiv time) and MODIFY_BY_ID (the caller).
- ``crm.activity.delete`` removes one activity (no activity add or update is emulated).
- ``delete`` removes the record "and all associated objects": its requisites with their bank
  details and its activities; links from other records (a deal's CONTACT_ID …) are cleared
  without touching their DATE_MODIFY, as a portal's link tables do. The record goes to the
  Recycle Bin (LiveData.recycle_bin).
- Errors come in the legacy envelope: ``""`` with "<Entity> is not found" for an update,
  ``ERROR_CORE`` "Element not found" for a delete, ``ERROR_CORE`` for invalid field values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.live_data import Change, LiveData, RecycledRecord
from privacy_desktop.demo_portal.params import php_int
from privacy_desktop.demo_portal.requisite_writes import (
    add_bank_detail,
    add_requisite,
    delete_bank_detail,
    delete_requisite,
    update_bank_detail,
    update_requisite,
)
from privacy_desktop.demo_portal.user_writes import update_user
from privacy_desktop.demo_portal.write_fields import (
    MULTI_FIELDS,
    crm_value,
    field_error,
    merge_multifield,
)

#: The CRM entities with legacy add/update/delete methods, and how errors name them.
CRM_ENTITIES = {"contact": "Contact", "lead": "Lead", "company": "Company", "deal": "Deal"}
#: CRM owner type IDs (crm.enum.ownertype): activities and requisites point at owners by them.
OWNER_TYPE_IDS = {"lead": "1", "deal": "2", "contact": "3", "company": "4"}
#: Names the Python helpers accept (Entity values and table names) → table name.
TABLES = {
    **{entity: entity for entity in CRM_ENTITIES},
    "requisite": "requisite",
    "bank_detail": "bankdetail",
    "bankdetail": "bankdetail",
    "activity": "activity",
    "user": "user",
}
#: Fields only the IMPORT mode of ``add`` may set (crm-contact-add.md, "Import").
IMPORT_FIELDS = frozenset({"DATE_CREATE", "DATE_MODIFY", "CREATED_BY_ID", "MODIFY_BY_ID"})
#: What an add without these fields gets (the first item of each list in a Ukrainian portal).
_DEFAULTS: dict[str, dict[str, str]] = {
    "contact": {"TYPE_ID": "CLIENT", "SOURCE_ID": "CALL", "OPENED": "Y", "EXPORT": "Y"},
    "lead": {
        "STATUS_ID": "NEW",
        "SOURCE_ID": "CALL",
        "OPENED": "Y",
        "CURRENCY_ID": "UAH",
        "OPPORTUNITY": "0.00",
        "IS_MANUAL_OPPORTUNITY": "N",
        "IS_RETURN_CUSTOMER": "N",
    },
    "company": {"COMPANY_TYPE": "CUSTOMER", "OPENED": "Y", "IS_MY_COMPANY": "N"},
    "deal": {
        "TYPE_ID": "SALE",
        "CATEGORY_ID": "0",
        "STAGE_ID": "NEW",
        "OPENED": "Y",
        "CURRENCY_ID": "UAH",
        "OPPORTUNITY": "0.00",
        "IS_MANUAL_OPPORTUNITY": "N",
        "IS_RECURRING": "N",
        "COMPANY_ID": "0",
    },
}
#: A title given when none is (the emulator's wording; a portal uses its own).
_DEFAULT_TITLES = {"lead": "Лід #{}", "deal": "Угода #{}"}
_LEAD_SEMANTICS = {"CONVERTED": "S", "JUNK": "F"}
_DEAL_SEMANTICS = {"WON": "S", "LOSE": "F"}


def table_of(entity: str) -> str:
    """The table behind an entity name ("bank_detail" → "bankdetail")."""
    table = TABLES.get(str(entity).lower())
    if table is None:
        raise ValueError(f"the demo portal cannot write {entity!r} records")
    return table


# ---------------------------------------------------------------- entry points
def add_record(
    live: LiveData,
    entity: str,
    fields: Mapping[str, Any],
    *,
    user_id: int,
    import_mode: bool = False,
) -> int:
    """Add a record as ``crm.<entity>.add`` (or requisite/bank-detail add) does; its new ID."""
    table = table_of(entity)
    if table == "requisite":
        return live.write(lambda change: add_requisite(change, fields, user_id))
    if table == "bankdetail":
        return live.write(lambda change: add_bank_detail(change, fields, user_id))
    if table in ("user", "activity"):
        raise ValueError(f"the demo portal cannot add {entity!r} records")
    return live.write(lambda change: _add_crm(change, table, fields, user_id, import_mode))


def update_record(
    live: LiveData, entity: str, record_id: int, fields: Mapping[str, Any], *, user_id: int
) -> None:
    """Change a record as ``<entity>.update`` does (users: as ``user.update``)."""
    table = table_of(entity)
    if table == "activity":
        raise ValueError("the demo portal cannot update activities")
    if table != "user":  # user.update refuses a bad ID as it refuses a missing user
        _check_id(record_id)
    if table == "requisite":
        live.write(lambda change: update_requisite(change, record_id, fields, user_id))
    elif table == "bankdetail":
        live.write(lambda change: update_bank_detail(change, record_id, fields, user_id))
    elif table == "user":
        live.write(lambda change: update_user(change, record_id, fields, user_id))
    else:
        live.write(lambda change: _update_crm(change, table, record_id, fields, user_id))


def delete_record(live: LiveData, entity: str, record_id: int, *, user_id: int) -> None:
    """Delete a record as ``<entity>.delete`` does, with everything that goes with it."""
    table = table_of(entity)
    _check_id(record_id)
    if table == "requisite":
        live.write(lambda change: delete_requisite(change, record_id, user_id))
    elif table == "bankdetail":
        live.write(lambda change: delete_bank_detail(change, record_id, user_id))
    elif table == "user":
        raise RestError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")  # no user.delete
    elif table == "activity":
        live.write(lambda change: _delete_activity(change, record_id, user_id))
    else:
        live.write(lambda change: _delete_crm(change, table, record_id, user_id))


def _check_id(record_id: int) -> None:
    if php_int(record_id) <= 0:
        raise RestError(400, "", "ID is not defined or invalid.")


# ---------------------------------------------------------------- CRM entities
def _template(change: Change, table: str) -> dict[str, Any]:
    """An empty row with the keys generated rows of ``table`` have, in their order."""
    sample = next(iter(change.base.tables[table].rows.values()), None)
    keys = list(sample) if sample is not None else list(_descriptions(change, table))
    return dict.fromkeys(key for key in keys if key not in MULTI_FIELDS)


def _descriptions(change: Change, table: str) -> dict[str, dict[str, Any]]:
    return change.base.dataset.entity_fields.get(table, {})


def _apply_fields(
    change: Change,
    table: str,
    row: dict[str, Any],
    fields: Mapping[str, Any],
    *,
    adding: bool,
    import_mode: bool = False,
) -> None:
    """Write ``fields`` into ``row``: known fields only, read-only ones skipped."""
    described = _descriptions(change, table)
    for raw_code, value in fields.items():
        code = str(raw_code).upper()
        description = described.get(code)
        if description is None:
            continue  # "An incorrect field in fields will be ignored"
        if code in MULTI_FIELDS:
            allocate = change.live.allocate_multifield_id
            entries = merge_multifield(row.get(code), value, code, allocate)
            if entries:
                row[code] = entries
            else:
                row.pop(code, None)
            continue
        writable = not description.get("isReadOnly") or (import_mode and code in IMPORT_FIELDS)
        if not writable or (not adding and description.get("isImmutable")):
            continue
        row[code] = crm_value(description, code, value)


def _derive(change: Change, table: str, row: dict[str, Any], record_id: int) -> None:
    """Fields the portal computes from others."""
    if "HAS_PHONE" in row or table in ("contact", "lead", "company"):
        row["HAS_PHONE"] = "Y" if row.get("PHONE") else "N"
        row["HAS_EMAIL"] = "Y" if row.get("EMAIL") else "N"
        row["HAS_IMOL"] = row.get("HAS_IMOL") or "N"
    if table == "lead":
        semantic = _LEAD_SEMANTICS.get(str(row.get("STATUS_ID")), "P")
        row["STATUS_SEMANTIC_ID"] = semantic
        if semantic == "P":
            row["DATE_CLOSED"] = None
        elif not row.get("DATE_CLOSED"):
            row["DATE_CLOSED"] = change.now
    elif table == "deal":
        semantic = _DEAL_SEMANTICS.get(str(row.get("STAGE_ID")), "P")
        row["STAGE_SEMANTIC_ID"] = semantic
        row["CLOSED"] = "N" if semantic == "P" else "Y"
        row["IS_NEW"] = "Y" if row.get("STAGE_ID") == "NEW" else "N"
    if table in _DEFAULT_TITLES and not row.get("TITLE"):
        row["TITLE"] = _DEFAULT_TITLES[table].format(record_id)
    if table == "company" and not str(row.get("TITLE") or "").strip():
        title = _descriptions(change, table).get("TITLE", {}).get("title", "TITLE")
        raise field_error(f'The field "{title}" is required.')


def _add_crm(
    change: Change,
    table: str,
    fields: Mapping[str, Any],
    user_id: int,
    import_mode: bool,
) -> int:
    row = _template(change, table)
    row.update(_DEFAULTS.get(table, {}))
    _apply_fields(change, table, row, fields, adding=True, import_mode=import_mode)
    record_id = change.live.allocate_id(table)
    row["ID"] = str(record_id)
    caller = str(user_id)
    row["ASSIGNED_BY_ID"] = row.get("ASSIGNED_BY_ID") or caller
    row["CREATED_BY_ID"] = row.get("CREATED_BY_ID") or caller
    row["MODIFY_BY_ID"] = row.get("MODIFY_BY_ID") or row["CREATED_BY_ID"]
    row["DATE_CREATE"] = row.get("DATE_CREATE") or change.now
    row["DATE_MODIFY"] = row.get("DATE_MODIFY") or row["DATE_CREATE"]
    _derive(change, table, row, record_id)
    change.put(table, record_id, row)
    return record_id


def _update_crm(
    change: Change, table: str, record_id: int, fields: Mapping[str, Any], user_id: int
) -> None:
    current = change.get(table, record_id)
    if current is None:
        raise RestError(400, "", f"{CRM_ENTITIES[table]} is not found")
    row = dict(current)
    _apply_fields(change, table, row, fields, adding=False)
    _derive(change, table, row, record_id)
    row["MODIFY_BY_ID"] = str(user_id)
    row["DATE_MODIFY"] = change.now
    change.put(table, record_id, row)


def _delete_crm(change: Change, table: str, record_id: int, user_id: int) -> None:
    current = change.get(table, record_id)
    if current is None:
        raise RestError(400, "ERROR_CORE", "Element not found")
    change.remove(table, record_id)
    key = str(record_id)
    owner_type = OWNER_TYPE_IDS[table]
    dependents: list[tuple[str, int, dict[str, Any]]] = []
    if table in ("contact", "company"):
        for requisite_id, _ in change.find("requisite", ENTITY_TYPE_ID=owner_type, ENTITY_ID=key):
            dependents += delete_requisite(change, requisite_id, user_id, recycle=False)
    for activity_id, activity in change.find("activity", OWNER_TYPE_ID=owner_type, OWNER_ID=key):
        change.remove("activity", activity_id)
        dependents.append(("activity", activity_id, activity))
    links = {
        "contact": (("deal", "CONTACT_ID", None), ("lead", "CONTACT_ID", None)),
        "company": (("deal", "COMPANY_ID", "0"), ("contact", "COMPANY_ID", None)),
    }
    for linked_table, field, cleared in links.get(table, ()):
        for linked_id, linked in change.find(linked_table, **{field: key}):
            change.put(linked_table, linked_id, {**linked, field: cleared})
    change.recycled.append(
        RecycledRecord(table, record_id, current, change.now, user_id, tuple(dependents))
    )


def _delete_activity(change: Change, record_id: int, user_id: int) -> None:
    """crm-activity-delete.md: an activity of any type, refused with "Activity is not found"."""
    current = change.get("activity", record_id)
    if current is None:
        raise RestError(400, "", "Activity is not found")
    change.remove("activity", record_id)
    change.recycled.append(RecycledRecord("activity", record_id, current, change.now, user_id))


def record(live: LiveData, entity: str, record_id: int) -> dict[str, Any] | None:
    """A copy of the record as the portal holds it now (None if it does not exist)."""
    table = table_of(entity)
    data = live.current
    rows = data.dataset.users if table == "user" else data.tables[table].rows
    row = rows.get(record_id)
    return None if row is None else dict(row)
