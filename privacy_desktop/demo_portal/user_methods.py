"""Users and departments: ``user.get``, ``user.current``, ``user.fields``, ``department.get``.

What a user row shows depends on the credential's scope (api-reference/user/index.md): ``user``
shows everything, ``user_basic`` and ``user_brief`` only their documented field lists (brief:
no contact data at all). Fields outside the scope are dropped silently, from
``select`` and from ``filter`` alike, so they cannot be probed.
"""

from __future__ import annotations

from typing import Any

from privacy_desktop.demo_portal.filters import Condition, parse_filter
from privacy_desktop.demo_portal.params import Params, php_bool, php_int
from privacy_desktop.demo_portal.query import list_page
from privacy_desktop.demo_portal.registry import (
    CallContext,
    CallResult,
    MethodSpec,
    list_result,
)

USER_SCOPES = frozenset({"user", "user_basic", "user_brief"})
DEPARTMENT = frozenset({"department"})

#: The fields ``user_basic`` shows (api-reference/user/index.md, Rest 21.600.0).
BASIC_FIELDS = frozenset(
    [
        "ID",
        "XML_ID",
        "ACTIVE",
        "NAME",
        "LAST_NAME",
        "SECOND_NAME",
        "TITLE",
        "EMAIL",
        "PERSONAL_PHONE",
        "WORK_PHONE",
        "WORK_POSITION",
        "WORK_COMPANY",
        "IS_ONLINE",
        "TIME_ZONE",
        "TIMESTAMP_X",
        "DATE_REGISTER",
        "LAST_ACTIVITY_DATE",
        "PERSONAL_PROFESSION",
        "PERSONAL_GENDER",
        "PERSONAL_BIRTHDAY",
        "PERSONAL_PHOTO",
        "PERSONAL_FAX",
        "PERSONAL_MOBILE",
        "PERSONAL_PAGER",
        "PERSONAL_STREET",
        "PERSONAL_MAILBOX",
        "PERSONAL_CITY",
        "PERSONAL_STATE",
        "PERSONAL_ZIP",
        "PERSONAL_COUNTRY",
        "PERSONAL_NOTES",
        "WORK_DEPARTMENT",
        "WORK_WWW",
        "WORK_FAX",
        "WORK_PAGER",
        "WORK_STREET",
        "WORK_MAILBOX",
        "WORK_CITY",
        "WORK_STATE",
        "WORK_ZIP",
        "WORK_COUNTRY",
        "WORK_PROFILE",
        "WORK_LOGO",
        "WORK_NOTES",
        "UF_DEPARTMENT",
        "UF_DISTRICT",
        "UF_SKYPE",
        "UF_SKYPE_LINK",
        "UF_ZOOM",
        "UF_TWITTER",
        "UF_FACEBOOK",
        "UF_LINKEDIN",
        "UF_XING",
        "UF_WEB_SITES",
        "UF_PHONE_INNER",
        "UF_EMPLOYMENT_DATE",
        "UF_TIMEMAN",
        "UF_SKILLS",
        "UF_INTERESTS",
    ]
)
#: The fields ``user_brief`` shows: no contact data.
BRIEF_FIELDS = frozenset(
    [
        "ID",
        "XML_ID",
        "ACTIVE",
        "NAME",
        "LAST_NAME",
        "SECOND_NAME",
        "TITLE",
        "IS_ONLINE",
        "TIME_ZONE",
        "PERSONAL_PHOTO",
        "TIMESTAMP_X",
        "DATE_REGISTER",
        "PERSONAL_PROFESSION",
        "PERSONAL_GENDER",
        "PERSONAL_BIRTHDAY",
        "PERSONAL_CITY",
        "PERSONAL_STATE",
        "PERSONAL_COUNTRY",
        "WORK_POSITION",
        "WORK_CITY",
        "WORK_STATE",
        "WORK_COUNTRY",
        "LAST_ACTIVITY_DATE",
        "UF_EMPLOYMENT_DATE",
        "UF_TIMEMAN",
        "UF_SKILLS",
        "UF_INTERESTS",
        "UF_DEPARTMENT",
        "UF_PHONE_INNER",
    ]
)
#: Parameters of user.get that are not filter fields (the rest may filter at top level).
_USER_GET_PARAMS = frozenset(
    {"sort", "order", "start", "admin_mode", "select", "filter", "auth", "image_resize"}
)
_DEPARTMENT_FIELDS = frozenset({"ID", "NAME", "SORT", "PARENT", "UF_HEAD"})


def visible_user_fields(scopes: frozenset[str]) -> frozenset[str] | None:
    """The user fields the scopes show; None: every field (the full ``user`` scope)."""
    if "user" in scopes:
        return None
    if "user_basic" in scopes:
        return BASIC_FIELDS
    return BRIEF_FIELDS


def _shown(field: str, visible: frozenset[str] | None) -> bool:
    return visible is None or field in visible


def _visible(row: dict[str, Any], visible: frozenset[str] | None) -> dict[str, Any]:
    if visible is None:
        return row
    return {key: value for key, value in row.items() if key in visible}


def _user_select(raw: Any) -> set[str] | None:
    """Names asked for in user.get's ``select``; None = every visible field."""
    if raw is None or raw == "" or raw == []:
        return None
    if isinstance(raw, str):
        names: list[Any] = [raw]
    elif isinstance(raw, dict):
        names = list(raw.values())
    elif isinstance(raw, list):
        names = raw
    else:
        return None
    wanted = {str(name).strip().upper() for name in names}
    return None if "*" in wanted and "UF_*" in wanted else wanted


def _project_user(row: dict[str, Any], wanted: set[str] | None) -> dict[str, Any]:
    if wanted is None:
        return row
    star, custom = "*" in wanted, "UF_*" in wanted
    return {
        key: value
        for key, value in row.items()
        if key == "ID"
        or key in wanted
        or (custom and key.startswith("UF_"))
        or (star and not key.startswith("UF_"))
    }


def _user_filter(params: Params) -> list[Condition]:
    raw = params.get("filter")
    if isinstance(raw, dict):
        conditions = parse_filter(raw) or []
    else:
        # user.get also takes filter fields as top-level parameters (user-get.md examples).
        loose = {key: value for key, value in params.items() if key.lower() not in _USER_GET_PARAMS}
        conditions = parse_filter(loose) or []
    return conditions


def _name_search(wanted: str) -> Any:
    words = [word.casefold() for word in wanted.split() if word]

    def test(row: dict[str, Any]) -> bool:
        text = " ".join(
            str(row.get(field) or "") for field in ("NAME", "LAST_NAME", "SECOND_NAME", "EMAIL")
        ).casefold()
        return all(word in text for word in words)

    return test


def user_get(context: CallContext) -> CallResult:
    """``user.get``: ``FILTER`` (or top-level fields), ``sort``/``order``, ``select``,
    ``ADMIN_MODE``, ``start``; 50 per page, default order ID ascending.

    Without ``ADMIN_MODE`` from an administrator, dismissed users are not listed unless the
    filter asks about ``ACTIVE`` (administrator mode is what shows every account)."""
    params = context.params
    visible = visible_user_fields(context.caller.scopes)
    conditions = [c for c in _user_filter(params) if _shown(c.field, visible)]
    tests = []
    for condition in [c for c in conditions if c.field == "NAME_SEARCH"]:
        tests.append(_name_search(str(condition.value)))
    conditions = [c for c in conditions if c.field != "NAME_SEARCH"]
    admin_mode = php_bool(params.get("admin_mode", False)) and context.data.is_admin(
        context.caller.user_id
    )
    if not admin_mode and not any(c.field == "ACTIVE" for c in conditions):
        conditions.append(Condition("ACTIVE", "=", True))
    sort_field = str(params.get("sort", "ID") or "ID").upper()
    raw_order = params.get("order", "ASC")
    if isinstance(raw_order, dict):  # some clients send the CRM form {"ID": "ASC"}
        order = [(str(k).upper(), str(v).upper() == "DESC") for k, v in raw_order.items()]
    else:
        order = [(sort_field, str(raw_order).strip().upper() == "DESC")]
    order = [(field, descending) for field, descending in order if _shown(field, visible)]
    start = php_int(params.get("start", 0))
    users = context.data.tables["user"]
    page = list_page(
        users,
        users.known(conditions),
        order,
        start,
        extra_test=(lambda row: all(test(row) for test in tests)) if tests else None,
    )
    wanted = _user_select(params.get("select"))
    rows = [_project_user(_visible(row, visible), wanted) for row in page.rows]
    return list_result(rows, page.total, page.next)


def user_current(context: CallContext) -> CallResult:
    row = context.data.dataset.users.get(context.caller.user_id, {})
    return CallResult(result=_visible(row, visible_user_fields(context.caller.scopes)), records=1)


def user_fields(context: CallContext) -> CallResult:
    """``user.fields``: field code → label, standard fields the scope shows."""
    visible = visible_user_fields(context.caller.scopes)
    described = context.data.dataset.entity_fields.get("user", {})
    labels: dict[str, Any] = {}
    for code, description in described.items():
        if not _shown(code, visible) or (code.startswith("UF_") and code != "UF_DEPARTMENT"):
            continue
        labels[code] = description.get("title") or description.get("formLabel") or code
    return CallResult(result=labels)


def department_get(context: CallContext) -> CallResult:
    """``department.get``: filter fields at top level, ``sort``, ``order``, ``START``."""
    raw = context.params.raw()
    loose: dict[str, Any] = {}
    sort_field, descending = "ID", False
    for key, value in raw.items():
        if key == "sort":  # lower-case "sort" orders; upper-case "SORT" filters
            sort_field = str(value).upper()
        elif key.lower() == "order":
            descending = str(value).strip().upper() == "DESC"
        elif key.lower() in ("filter",) and isinstance(value, dict):
            loose.update(value)
        else:
            loose[key] = value
    conditions = [c for c in (parse_filter(loose) or []) if c.field in _DEPARTMENT_FIELDS]
    start = php_int(context.params.get("start", 0))
    page = list_page(
        context.data.tables["department"], conditions, [(sort_field, descending)], start
    )
    return list_result([dict(row) for row in page.rows], page.total, page.next)


def user_methods() -> list[MethodSpec]:
    return [
        MethodSpec("user.get", user_get, USER_SCOPES),
        MethodSpec("user.current", user_current, USER_SCOPES),
        MethodSpec("user.fields", user_fields, USER_SCOPES),
        MethodSpec("department.get", department_get, DEPARTMENT),
    ]
