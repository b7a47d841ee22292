"""The settings file format: portal profiles field by field, and the upgrade steps.

Kept apart from settings.py (which owns loading, saving and locking) so that each file has
one responsibility. Imports only the domain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_desktop.domain.portals import AuthKind, Plan, PortalLimits, PortalProfile

#: The file format this version writes. Bump it and add an upgrade step for every change.
CURRENT_SETTINGS_VERSION = 1

SUPPORTED_LANGUAGES = ("uk", "en")


class InvalidSettingsValue(ValueError):
    """A value in the file has the wrong shape (settings.py turns it into SettingsCorrupt)."""


# ------------------------------------------------------------------ upgrade steps


def _upgrade_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the pre-release draft, no ``version`` key) to version 1.

    Version 0 spelt the language as a locale (``"lang": "uk_UA"``), stored each portal's
    ``kind`` and ``url`` and no limits (they followed the plan), and the auto-lock delay in
    seconds (``auto_lock_seconds``); the active portal was ``active``.
    """
    lang = str(data.get("lang", "uk_UA")).split("_", 1)[0].lower()
    portals = []
    for old in data.get("portals", []):
        plan = Plan(old.get("plan", Plan.STANDARD.value))
        portals.append(
            {
                "name": old["name"],
                "auth_kind": old["kind"],
                "rest_base": old["url"],
                "plan": plan.value,
                "limits": _limits_to_json(PortalLimits.for_plan(plan)),
                "user_id": old.get("user_id"),
                "client_id": old.get("client_id"),
                "oauth_server": old.get("oauth_server"),
            }
        )
    seconds = data.get("auto_lock_seconds", 600)
    if type(seconds) is not int:
        raise InvalidSettingsValue("auto_lock_seconds is not an integer")
    return {
        "version": 1,
        "language": lang if lang in SUPPORTED_LANGUAGES else "uk",
        "portals": portals,
        "active_portal": data.get("active"),
        "auto_lock_minutes": (seconds + 59) // 60,
        "last_view": data.get("last_view", "dashboard"),
    }


#: ``UPGRADE_STEPS[n]`` turns a version-n mapping into a version n+1 mapping.
UPGRADE_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _upgrade_0_to_1}


# ------------------------------------------------------------------ portal profiles


def _limits_to_json(limits: PortalLimits) -> dict[str, Any]:
    return {
        "rate": limits.rate,
        "burst": limits.burst,
        "operating_limit": limits.operating_limit,
        "operating_window": limits.operating_window,
    }


def _limits_from_json(data: Any) -> PortalLimits:
    if not isinstance(data, dict):
        raise InvalidSettingsValue("limits is not an object")
    rate = _optional_number(data.get("rate"), "rate")
    operating_limit = _optional_number(data.get("operating_limit"), "operating_limit")
    window = _optional_number(data.get("operating_window"), "operating_window")
    burst = data.get("burst")
    if type(burst) is not int or burst < 0 or window is None or window <= 0:
        raise InvalidSettingsValue("bad limits")
    return PortalLimits(
        rate=rate, burst=burst, operating_limit=operating_limit, operating_window=window
    )


def _optional_number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if type(value) not in (int, float) or value < 0:
        raise InvalidSettingsValue(f"{name} is not a non-negative number")
    return float(value)


def _optional(value: Any, kind: type, name: str) -> Any:
    if value is not None and type(value) is not kind:
        raise InvalidSettingsValue(f"{name} has the wrong type")
    return value


def profile_to_json(profile: PortalProfile) -> dict[str, Any]:
    """A portal profile, field by field (it holds no secret by construction)."""
    return {
        "name": profile.name,
        "auth_kind": profile.auth_kind.value,
        "rest_base": profile.rest_base,
        "plan": profile.plan.value,
        "limits": _limits_to_json(profile.limits),
        "user_id": profile.user_id,
        "client_id": profile.client_id,
        "oauth_server": profile.oauth_server,
    }


def profile_from_json(data: Any) -> PortalProfile:
    """Parse one stored portal profile.

    Raises:
        ValueError: a field is missing or has the wrong type.
    """
    if not isinstance(data, dict):
        raise InvalidSettingsValue("portal is not an object")
    name = data["name"]
    rest_base = data["rest_base"]
    if not isinstance(name, str) or not name or not isinstance(rest_base, str):
        raise InvalidSettingsValue("bad portal name or rest_base")
    return PortalProfile(
        name=name,
        auth_kind=AuthKind(data["auth_kind"]),
        rest_base=rest_base,
        plan=Plan(data.get("plan", Plan.STANDARD.value)),
        limits=_limits_from_json(data["limits"]),
        user_id=_optional(data.get("user_id"), int, "user_id"),
        client_id=_optional(data.get("client_id"), str, "client_id"),
        oauth_server=_optional(data.get("oauth_server"), str, "oauth_server"),
    )
