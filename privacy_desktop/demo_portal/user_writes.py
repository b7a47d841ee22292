"""``user.update`` (api-reference/user/user-update.md): an administrator edits an employee.

Users cannot be deleted through the API, only deactivated (``ACTIVE: "N"``), which is what an
erasure does to an employee together with clearing the personal fields. Fields come at the
top level of the call, next to ``ID``. Refusals are ``ERROR_CORE`` "access_denied" with HTTP
400, for a caller who is no administrator and for an ID that names no user alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.kyiv_time import kyiv_midnight_iso
from privacy_desktop.demo_portal.live_data import Change
from privacy_desktop.demo_portal.params import php_bool, php_int
from privacy_desktop.demo_portal.write_fields import parse_moment

#: The fields user-update.md lists (and ACTIVE, which dismisses or reinstates).
_USER_FIELD_NAMES = (
    "ACTIVE", "EMAIL", "NAME", "LAST_NAME", "SECOND_NAME", "PERSONAL_GENDER",
    "PERSONAL_PROFESSION", "PERSONAL_WWW", "PERSONAL_BIRTHDAY", "PERSONAL_PHOTO",
    "PERSONAL_ICQ",
    "PERSONAL_PHONE", "PERSONAL_FAX", "PERSONAL_MOBILE", "PERSONAL_PAGER", "PERSONAL_STREET",
    "PERSONAL_CITY", "PERSONAL_STATE", "PERSONAL_ZIP", "PERSONAL_COUNTRY", "PERSONAL_MAILBOX",
    "PERSONAL_NOTES", "WORK_PHONE", "WORK_COMPANY", "WORK_POSITION", "WORK_DEPARTMENT",
    "WORK_WWW", "WORK_FAX", "WORK_PAGER", "WORK_STREET", "WORK_MAILBOX", "WORK_CITY",
    "WORK_STATE", "WORK_ZIP", "WORK_COUNTRY", "WORK_PROFILE", "WORK_LOGO", "WORK_NOTES",
    "UF_SKYPE_LINK", "UF_ZOOM", "UF_DEPARTMENT", "UF_INTERESTS", "UF_SKILLS", "UF_WEB_SITES",
    "UF_XING", "UF_LINKEDIN", "UF_FACEBOOK", "UF_TWITTER", "UF_SKYPE", "UF_DISTRICT",
    "UF_PHONE_INNER",
)  # fmt: skip
USER_FIELDS = frozenset(_USER_FIELD_NAMES)
ACCESS_DENIED = RestError(400, "ERROR_CORE", "access_denied")


def _departments(value: Any) -> list[int]:
    if isinstance(value, dict):
        value = list(value.values())
    items = value if isinstance(value, list) else [value]
    return [php_int(item) for item in items if php_int(item) > 0]


def _birthday(value: Any) -> str:
    moment = parse_moment(value)
    if moment is None:
        return ""
    return kyiv_midnight_iso(moment.date())


def _stored(code: str, value: Any) -> Any:
    """A user field as user.get shows it: JSON bool ACTIVE, ``[int]`` departments, text."""
    if code == "ACTIVE":
        return php_bool(value)
    if code == "UF_DEPARTMENT":
        return _departments(value)
    if value is None:
        return ""
    if code == "PERSONAL_BIRTHDAY":
        return _birthday(value)
    if isinstance(value, dict | list):
        return ""  # file uploads (PERSONAL_PHOTO fileData) are not emulated
    return str(value)


def update_user(change: Change, target_id: int, fields: Mapping[str, Any], user_id: int) -> None:
    if not change.base.is_admin(user_id):
        raise ACCESS_DENIED
    current = change.get("user", target_id)
    if current is None:
        raise ACCESS_DENIED
    row = dict(current)
    for raw_code, value in fields.items():
        code = str(raw_code).upper()
        if code in USER_FIELDS:
            row[code] = _stored(code, value)
    row["TIMESTAMP_X"] = change.now
    change.put("user", target_id, row)
