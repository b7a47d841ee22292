"""CRM methods (scope ``crm``): legacy lists, gets, field descriptions and duplicate search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.filters import parse_filter
from privacy_desktop.demo_portal.params import php_int
from privacy_desktop.demo_portal.portal_data import (
    DUPLICATE_ENTITIES,
    normalise_email,
    normalise_phone,
)
from privacy_desktop.demo_portal.query import list_page, parse_order, sort_key
from privacy_desktop.demo_portal.registry import (
    CallContext,
    CallResult,
    Handler,
    MethodSpec,
    list_result,
)

CRM = frozenset({"crm"})
#: Multi-fields: returned by lists only when named in ``select``.
MULTI_FIELDS = frozenset({"PHONE", "EMAIL", "WEB", "IM", "LINK"})
#: crm.activity.list returns these only when named (crm-activity-list.md).
ACTIVITY_NAMED_ONLY = frozenset({"COMMUNICATIONS", "FILES"})
#: Duplicate search answers at most this many values, and stops after a type with this many hits.
DUPLICATE_LIMIT = 20

Projection = Callable[[dict[str, Any]], dict[str, Any]]


def parse_select(raw: Any, named_only: frozenset[str]) -> Projection | None:
    """The projection a legacy ``select`` asks for; None if ``select`` is not an array.

    ``*`` = standard fields except multi-fields, ``UF_*`` = custom fields, other names as
    given (multi-fields only this way); no select = ``*`` + ``UF_*``. ID always comes back.
    """
    if raw is None or raw == "" or raw == []:
        names = ["*", "UF_*"]
    elif isinstance(raw, str):
        names = [raw]
    elif isinstance(raw, list):
        names = [str(item) for item in raw]
    elif isinstance(raw, dict):
        names = [str(item) for item in raw.values()]
    else:
        return None
    wanted = {name.strip().upper() for name in names}
    star = "*" in wanted
    custom = "UF_*" in wanted

    def project(row: dict[str, Any]) -> dict[str, Any]:
        chosen: dict[str, Any] = {}
        for key, value in row.items():
            is_custom = key.startswith("UF_")
            if (
                key == "ID"
                or key in wanted
                or (custom and is_custom)
                or (star and not is_custom and key not in named_only)
            ):
                chosen[key] = value
        return chosen

    return project


def list_handler(
    table: str,
    error_code: str | int,
    named_only: frozenset[str] = MULTI_FIELDS,
    default_order: tuple[tuple[str, bool], ...] = (("ID", False),),
) -> Handler:
    """A legacy ``*.list`` method over ``table``; errors carry the method's own odd code."""

    def handle(context: CallContext) -> CallResult:
        params = context.params
        conditions = parse_filter(params.get("filter"))
        if conditions is None:
            raise RestError(400, error_code, "Parameter 'filter' must be array.")
        order = parse_order(params.get("order"))
        if order is None:
            raise RestError(400, error_code, "Parameter 'order' must be array.")
        project = parse_select(params.get("select"), named_only)
        if project is None:
            raise RestError(400, error_code, "Parameter 'select' must be array.")
        start = php_int(params.get("start", 0))
        rows = context.data.tables[table]
        page = list_page(rows, rows.known(conditions), order or list(default_order), start)
        return list_result([project(row) for row in page.rows], page.total, page.next)

    return handle


def get_handler(table: str) -> Handler:
    """Legacy ``crm.<entity>.get``: the whole record, multi-fields included."""

    def handle(context: CallContext) -> CallResult:
        identifier = php_int(context.params.get("id", 0))
        if identifier <= 0:
            raise RestError(400, "", "ID is not defined or invalid.")
        row = context.data.tables[table].rows.get(identifier)
        if row is None:
            raise RestError(400, "", "Not found")
        return CallResult(result=dict(row), records=1)

    return handle


def fields_handler(entity: str) -> Handler:
    def handle(context: CallContext) -> CallResult:
        return CallResult(result=context.data.dataset.entity_fields.get(entity, {}))

    return handle


def userfield_list_handler(entity: str) -> Handler:
    """``crm.<entity>.userfield.list``: exact-match filter, default order SORT, ID."""

    def handle(context: CallContext) -> CallResult:
        raw_filter = context.params.get("filter")
        wanted = raw_filter if isinstance(raw_filter, dict) else {}
        rows = [
            row
            for row in context.data.dataset.userfields.get(entity, [])
            if all(
                str(row.get(str(key).upper(), "")).casefold() == str(value).casefold()
                for key, value in wanted.items()
                if str(key).upper() != "LANG"
            )
        ]
        order = parse_order(context.params.get("order")) or [("SORT", False), ("ID", False)]
        for field, descending in reversed(order):
            rows.sort(key=sort_key(field), reverse=descending)
        return CallResult(result=rows, records=len(rows))

    return handle


def find_by_communication(context: CallContext) -> CallResult:
    """``crm.duplicate.findbycomm``: IDs per entity type holding any of the values."""
    params = context.params
    kind = str(params.get("type", "")).strip().upper()
    if not kind:
        raise RestError(400, "Communication type is not defined", "Parameter 'type' is required.")
    if kind not in ("EMAIL", "PHONE"):
        sentence = f"Communication type '{kind}' is not supported in current context"
        raise RestError(400, sentence, sentence)
    raw_values = params.get("values")
    values = (
        [raw_values]
        if isinstance(raw_values, str)
        else list(raw_values.values())
        if isinstance(raw_values, dict)
        else raw_values
    )
    if not values or not isinstance(values, list):
        raise RestError(
            400, "Communication values is not defined", "Parameter 'values' is required."
        )
    if len(values) > DUPLICATE_LIMIT:
        # The documentation caps values at 20 without naming the refusal; refusing keeps a
        # client from silently losing matches.
        raise RestError(400, "Too many communication values", "Maximum number of values is 20.")
    entity_type = str(params.get("entity_type", "")).strip().upper()
    if entity_type and entity_type not in DUPLICATE_ENTITIES:
        sentence = f"Entity type '{entity_type}' is not supported in current context"
        raise RestError(400, sentence, sentence)
    index = context.data.phone_index if kind == "PHONE" else context.data.email_index
    normalise = normalise_phone if kind == "PHONE" else normalise_email
    keys = [normalise(str(value)) for value in values if str(value).strip()]
    found: dict[str, list[int]] = {}
    for entity in (entity_type,) if entity_type else DUPLICATE_ENTITIES:
        hits: list[int] = []
        for key in keys:
            for identifier in index[entity].get(key, []) if key else []:
                if identifier not in hits:
                    hits.append(identifier)
        if hits:
            found[entity] = hits[:DUPLICATE_LIMIT]
        if len(hits) >= DUPLICATE_LIMIT:
            break  # documented: after 20 or more hits for one type the rest are not searched
    return CallResult(result=found, records=sum(len(ids) for ids in found.values()))


def crm_methods() -> list[MethodSpec]:
    specs: list[MethodSpec] = []
    for entity in ("contact", "lead", "company", "deal"):
        prefix = f"crm.{entity}"
        specs += [
            MethodSpec(f"{prefix}.list", list_handler(entity, ""), CRM),
            MethodSpec(f"{prefix}.get", get_handler(entity), CRM),
            MethodSpec(f"{prefix}.fields", fields_handler(entity), CRM),
            MethodSpec(f"{prefix}.userfield.list", userfield_list_handler(entity), CRM),
        ]
    specs += [
        MethodSpec("crm.requisite.list", list_handler("requisite", 0, frozenset()), CRM),
        MethodSpec(
            "crm.requisite.bankdetail.list", list_handler("bankdetail", "", frozenset()), CRM
        ),
        MethodSpec(
            "crm.activity.list",
            list_handler(
                "activity", "", ACTIVITY_NAMED_ONLY, (("START_TIME", False), ("ID", False))
            ),
            CRM,
        ),
        MethodSpec("crm.duplicate.findbycomm", find_by_communication, CRM),
    ]
    return specs
