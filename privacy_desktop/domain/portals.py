"""Portals the administrator connects to: how, and under which limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class AuthKind(StrEnum):
    """How the tool authenticates to a portal."""

    WEBHOOK = "webhook"
    OAUTH = "oauth"


class Plan(StrEnum):
    """The portal's plan, which sets its REST limits (Bitrix24 limits.md)."""

    STANDARD = "standard"
    ENTERPRISE = "enterprise"
    UNLIMITED = "unlimited"  # an on-premise portal with no limits configured
    CUSTOM = "custom"


#: Cloud resource limit: a method's execution time summed over 10 minutes may not exceed 480 s.
CLOUD_OPERATING_LIMIT_S = 480.0
CLOUD_OPERATING_WINDOW_S = 600.0


@dataclass(frozen=True)
class PortalLimits:
    """The portal's REST limits as the client must honour them.

    Attributes:
        rate: requests per second the leaky bucket drains (None: no request-rate limit).
        burst: bucket size; a request beyond it is refused with 503 QUERY_LIMIT_EXCEEDED.
        operating_limit: seconds of execution time one method may consume per window
            (None: no resource limit).
        operating_window: the window of the resource limit, in seconds.
    """

    rate: float | None
    burst: int
    operating_limit: float | None = CLOUD_OPERATING_LIMIT_S
    operating_window: float = CLOUD_OPERATING_WINDOW_S

    @classmethod
    def for_plan(cls, plan: Plan) -> PortalLimits:
        if plan is Plan.ENTERPRISE:
            return cls(rate=5.0, burst=250)
        if plan is Plan.UNLIMITED:
            return cls(rate=None, burst=0, operating_limit=None)
        return cls(rate=2.0, burst=50)  # standard and every other cloud plan


@dataclass(frozen=True)
class PortalProfile:
    """A configured portal connection. Holds no secret: those live in the OS keyring.

    Attributes:
        name: the administrator's name for the connection (unique per profile).
        auth_kind: webhook or OAuth application.
        rest_base: for a webhook ``https://host/rest/<user_id>/`` (the secret is NOT part of
            it); for OAuth the ``client_endpoint`` ``https://host/rest/``.
        user_id: the webhook's user id (webhooks only).
        client_id: the OAuth application's client id (OAuth only).
        oauth_server: the OAuth token server's base URL (OAuth only).
        plan: the portal's plan; ``limits`` follows it unless the plan is CUSTOM.
        limits: the REST limits the client honours.
    """

    name: str
    auth_kind: AuthKind
    rest_base: str
    plan: Plan = Plan.STANDARD
    limits: PortalLimits = field(default_factory=lambda: PortalLimits.for_plan(Plan.STANDARD))
    user_id: int | None = None
    client_id: str | None = None
    oauth_server: str | None = None

    @property
    def host(self) -> str:
        """The portal's host (and port), for display."""
        rest = self.rest_base.split("://", 1)[-1]
        return rest.split("/", 1)[0]


@dataclass(frozen=True)
class ConnectionInfo:
    """What a connection check learnt about a portal (``scope`` and ``profile``).

    Attributes:
        scopes: the scopes the credential grants, as the portal lists them.
        user_id: the portal user the credential acts as.
        user_name: that user's display name.
        is_admin: whether that user is a portal administrator.
        rest_base: the REST base the check used (no secret in it).
    """

    scopes: tuple[str, ...]
    user_id: int
    user_name: str
    is_admin: bool
    rest_base: str
