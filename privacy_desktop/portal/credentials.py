"""Credential values. Their repr never shows a secret (they end up in logs and tracebacks)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


def mask(secret: str) -> str:
    """A fixed mask: not even the length of a secret is revealed."""
    return "***" if secret else "''"


@dataclass(frozen=True, repr=False)
class WebhookCredentials:
    """An inbound webhook split into its parts.

    Attributes:
        rest_base: ``https://host/rest/<user_id>/`` — no secret in it.
        user_id: the portal user the webhook acts as.
        secret: the webhook code; never logged, never shown.
    """

    rest_base: str
    user_id: int
    secret: str

    def __repr__(self) -> str:
        return (
            f"WebhookCredentials(rest_base={self.rest_base!r}, user_id={self.user_id}, "
            f"secret={mask(self.secret)})"
        )

    __str__ = __repr__

    def method_url(self, method: str) -> str:
        """The URL of ``method``; it contains the secret, so it must never be logged."""
        return f"{self.rest_base}{self.secret}/{method}"


@dataclass(frozen=True, repr=False)
class OAuthTokens:
    """An OAuth token pair and what the token server said with it.

    Attributes:
        access_token: sent as ``auth`` with every call; lives an hour.
        refresh_token: exchanged for a new pair; rotates on each use.
        expires_at: unix time the access token expires.
        client_endpoint: the portal's REST base, ``https://host/rest/``.
        member_id: the portal's stable identifier.
        scope: the scopes granted.
        user_id: the portal user the tokens act as, when the server said.
    """

    access_token: str
    refresh_token: str
    expires_at: float
    client_endpoint: str
    member_id: str
    scope: tuple[str, ...]
    user_id: int | None

    def __repr__(self) -> str:
        return (
            f"OAuthTokens(access_token={mask(self.access_token)}, "
            f"refresh_token={mask(self.refresh_token)}, expires_at={self.expires_at!r}, "
            f"client_endpoint={self.client_endpoint!r}, member_id={self.member_id!r}, "
            f"scope={self.scope!r}, user_id={self.user_id!r})"
        )

    __str__ = __repr__

    def to_json(self) -> str:
        """Serialise for the keyring."""
        return json.dumps(
            {
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_at": self.expires_at,
                "client_endpoint": self.client_endpoint,
                "member_id": self.member_id,
                "scope": list(self.scope),
                "user_id": self.user_id,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> OAuthTokens:
        """Inverse of :meth:`to_json`.

        Raises:
            ValueError: when the text is not a serialised token pair (message holds no secret).
        """
        tokens: OAuthTokens | None = None
        try:
            data: Any = json.loads(text)
            user_id = data.get("user_id")
            tokens = cls(
                access_token=str(data["access_token"]),
                refresh_token=str(data["refresh_token"]),
                expires_at=float(data["expires_at"]),
                client_endpoint=str(data["client_endpoint"]),
                member_id=str(data.get("member_id", "")),
                scope=tuple(str(item) for item in data.get("scope", ())),
                user_id=None if user_id is None else int(user_id),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # the parser's exception may quote the text: it must not become a context
        if tokens is None:
            raise ValueError("not a serialised OAuth token pair")
        return tokens


@dataclass(frozen=True, repr=False)
class OAuthApp:
    """A local or Marketplace application's keys and its token server."""

    client_id: str
    client_secret: str
    token_url: str = "https://oauth.bitrix.info/oauth/token/"

    def __repr__(self) -> str:
        return (
            f"OAuthApp(client_id={self.client_id!r}, client_secret={mask(self.client_secret)}, "
            f"token_url={self.token_url!r})"
        )

    __str__ = __repr__
