"""What a credential can do: its scopes and the user it acts as, in one request."""

from __future__ import annotations

from typing import Any

from privacy_desktop.domain.portals import ConnectionInfo
from privacy_desktop.portal.batching import batch_with_retries
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.errors import bad_response


def read_connection_info(client: BitrixClient) -> ConnectionInfo:
    """Ask the portal for ``scope`` and ``profile`` in one batch.

    Raises:
        PortalError: the credential is refused, lacks ``basic``, or the answer is malformed.
    """
    answers = batch_with_retries(client, {"scope": ("scope", {}), "profile": ("profile", {})}, None)
    scopes = answers["scope"]
    profile: Any = answers["profile"]
    if not isinstance(scopes, list) or not isinstance(profile, dict):
        raise bad_response("profile", None, "unexpected shape of scope/profile")
    try:
        user_id = int(profile["ID"])
    except (KeyError, TypeError, ValueError):
        raise bad_response("profile", None, "profile lacks a numeric ID") from None
    name = " ".join(str(profile.get(key) or "").strip() for key in ("NAME", "LAST_NAME")).strip()
    admin = profile.get("ADMIN")
    return ConnectionInfo(
        scopes=tuple(str(scope) for scope in scopes),
        user_id=user_id,
        user_name=name,
        is_admin=admin is True or admin in ("Y", "1", 1),
        rest_base=client.rest_base,
    )
