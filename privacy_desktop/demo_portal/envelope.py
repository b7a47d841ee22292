"""What goes on the wire: PHP-flavoured JSON, the portal's clock, and REST errors."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

#: Kyiv standard time; EU summer time adds an hour (computed here, no tz database needed).
_KYIV_STANDARD = timedelta(hours=2)


class RestError(Exception):
    """A method refused: becomes ``{"error": code, "error_description": description}``.

    ``code`` is usually a string, but some legacy methods answer ``0`` or ``""``.
    """

    def __init__(self, status: int, code: str | int, description: str) -> None:
        super().__init__(f"{status} {code!r}")
        self.status = status
        self.code = code
        self.description = description

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "error_description": self.description}


def method_not_found() -> RestError:
    return RestError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")


def internal_error() -> RestError:
    return RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error")


def php_json(value: Any) -> bytes:
    """Encode like PHP's ``json_encode``: ``\\u`` escapes, ``\\/``, empty maps as ``[]``."""
    text = json.dumps(_php_shape(value), ensure_ascii=True, separators=(",", ":"))
    # "/" can only occur inside JSON strings, so escaping it everywhere is safe (PHP does).
    return text.replace("/", "\\/").encode("ascii")


def _php_shape(value: Any) -> Any:
    if isinstance(value, dict):
        if not value:
            return []
        return {str(key): _php_shape(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_php_shape(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month + 1, 1, tzinfo=UTC) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def kyiv_offset(moment: datetime) -> timedelta:
    """UTC offset of Kyiv at ``moment``: +03:00 from the last Sunday of March 01:00 UTC to the
    last Sunday of October 01:00 UTC, otherwise +02:00."""
    utc = moment.astimezone(UTC)
    summer_start = _last_sunday(utc.year, 3).replace(hour=1)
    summer_end = _last_sunday(utc.year, 10).replace(hour=1)
    if summer_start <= utc < summer_end:
        return _KYIV_STANDARD + timedelta(hours=1)
    return _KYIV_STANDARD


def portal_datetime(unix_time: float) -> str:
    """``2024-03-05T14:02:11+02:00``: the portal's local time with its offset, never ``Z``."""
    moment = datetime.fromtimestamp(unix_time, UTC)
    local = moment.astimezone(timezone(kyiv_offset(moment)))
    return local.replace(microsecond=0).isoformat()
