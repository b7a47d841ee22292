"""Credentials: inbound webhooks, the installed local application and its OAuth tokens.

The token server mimics ``oauth.bitrix.info/oauth/token/`` (REST-REFERENCE.md §1.3, §7.7):
authorization-code and refresh-token grants, refresh-token rotation, codes that live
``code_lifetime`` seconds and access tokens that live ``token_lifetime`` seconds.
"""

from __future__ import annotations

import hashlib
import html
import secrets
import string
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError

REFRESH_LIFETIME_S = 180 * 24 * 3600.0
_WEBHOOK_ALPHABET = string.ascii_lowercase + string.digits


@dataclass(frozen=True)
class Caller:
    """Who is calling: the credential (for budgets), its user and its scopes."""

    kind: str  # "webhook" or "oauth"
    credential: str
    user_id: int
    scopes: frozenset[str]

    @property
    def is_app(self) -> bool:
        return self.kind == "oauth"


class OAuthError(Exception):
    """An answer of the token server: ``{"error", "error_description"}``."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.description = description


@dataclass
class _Webhook:
    user_id: int
    scopes: frozenset[str]
    expires_at: float | None


@dataclass
class _AccessToken:
    user_id: int
    expires_at: float
    revoked: bool = False


@dataclass
class _Grant:
    """A refresh token; ``used`` once it has been exchanged (rotation)."""

    user_id: int
    expires_at: float
    used: bool = False


class Credentials:
    """Every credential the demo portal accepts, thread-safe."""

    def __init__(
        self,
        seed: int,
        oauth_scopes: Iterable[str],
        token_lifetime: float,
        code_lifetime: float,
    ) -> None:
        self._lock = threading.Lock()
        self._webhooks: dict[str, _Webhook] = {}
        self._codes: dict[str, tuple[int, float]] = {}  # code -> (user, expires_at)
        self._tokens: dict[str, _AccessToken] = {}
        self._grants: dict[str, _Grant] = {}
        self._token_lifetime = token_lifetime
        self._code_lifetime = code_lifetime
        self.oauth_scopes = tuple(oauth_scopes)
        self.installed = True
        self.client_id = f"local.{secrets.token_hex(7)[:13]}.{secrets.randbelow(10**8):08d}"
        self.client_secret = "".join(
            secrets.choice(string.ascii_letters + string.digits) for _ in range(50)
        )
        self.app_id = 1 + seed % 97
        self.member_id = hashlib.md5(
            f"demo-portal-{seed}".encode(), usedforsecurity=False
        ).hexdigest()

    # ---------------------------------------------------------------- webhooks
    def add_webhook(self, user_id: int, scopes: Iterable[str], expires_at: float | None) -> str:
        secret = "".join(secrets.choice(_WEBHOOK_ALPHABET) for _ in range(16))
        with self._lock:
            self._webhooks[secret] = _Webhook(user_id, frozenset(scopes), expires_at)
        return secret

    def remove_webhook(self, secret: str) -> None:
        with self._lock:
            self._webhooks.pop(secret, None)

    def webhook_caller(self, user_segment: str, secret: str) -> Caller:
        """The caller of ``/rest/<user>/<secret>/``; INVALID_CREDENTIALS if there is none."""
        with self._lock:
            hook = self._webhooks.get(secret)
        alive = hook is not None and (hook.expires_at is None or time.time() < hook.expires_at)
        if hook is None or not alive or user_segment != str(hook.user_id):
            raise RestError(401, "INVALID_CREDENTIALS", "Invalid request credentials")
        return Caller("webhook", "webhook:" + secret, hook.user_id, hook.scopes)

    # ---------------------------------------------------------------- tokens on /rest
    def token_caller(self, access_token: str) -> Caller:
        with self._lock:
            token = self._tokens.get(access_token)
        if token is None or token.revoked or not self.installed:
            raise RestError(401, "invalid_token", "Unable to get application by token")
        if time.time() >= token.expires_at:
            raise RestError(401, "expired_token", "The access token provided has expired.")
        return Caller("oauth", "app:" + self.client_id, token.user_id, frozenset(self.oauth_scopes))

    def expire_access_tokens(self) -> None:
        with self._lock:
            now = time.time()
            for token in self._tokens.values():
                token.expires_at = min(token.expires_at, now)

    def uninstall(self) -> None:
        with self._lock:
            self.installed = False
            for token in self._tokens.values():
                token.revoked = True
            for grant in self._grants.values():
                grant.used = True
            self._codes.clear()

    # ---------------------------------------------------------------- token server
    def issue_code(self, user_id: int) -> str:
        code = secrets.token_hex(35)
        with self._lock:
            self._codes[code] = (user_id, time.time() + self._code_lifetime)
        return code

    def token_response(self, params: Mapping[str, Any], rest_endpoint: str) -> dict[str, Any]:
        """Answer ``/oauth/token/``; raises :class:`OAuthError`."""
        grant_type = str(params.get("grant_type", ""))
        if grant_type not in ("authorization_code", "refresh_token"):
            raise OAuthError(400, "invalid_request", "Unsupported or missing grant_type")
        if not self.installed or params.get("client_id") != self.client_id:
            raise OAuthError(401, "invalid_client", "Invalid client")
        if params.get("client_secret") != self.client_secret:
            raise OAuthError(401, "invalid_client", "Invalid client secret")
        now = time.time()
        with self._lock:
            if grant_type == "authorization_code":
                entry = self._codes.pop(str(params.get("code", "")), None)
                if entry is None or now >= entry[1]:
                    raise OAuthError(400, "invalid_grant", "Invalid authorization code")
                user_id = entry[0]
            else:
                grant = self._grants.get(str(params.get("refresh_token", "")))
                if grant is None or grant.used or now >= grant.expires_at:
                    raise OAuthError(400, "invalid_grant", "Invalid refresh token")
                grant.used = True
                user_id = grant.user_id
            access = secrets.token_hex(35)
            refresh = secrets.token_hex(35)
            expires_at = now + self._token_lifetime
            self._tokens[access] = _AccessToken(user_id, expires_at)
            self._grants[refresh] = _Grant(user_id, now + REFRESH_LIFETIME_S)
        return {
            "access_token": access,
            "expires": int(expires_at),
            "expires_in": int(self._token_lifetime),
            "scope": ",".join(self.oauth_scopes),
            "domain": rest_endpoint.split("://", 1)[-1].split("/", 1)[0],
            "server_endpoint": rest_endpoint.removesuffix("/rest/") + "/oauth/rest/",
            "status": "L",
            "client_endpoint": rest_endpoint,
            "member_id": self.member_id,
            "user_id": user_id,
            "refresh_token": refresh,
        }

    def authorize_page(self, params: Mapping[str, Any], admin_user_id: int) -> tuple[int, str]:
        """The browser step: for the installed app, a page that shows a fresh code."""
        if not self.installed or params.get("client_id") != self.client_id:
            return 400, _page("Error", '<p class="error">The application was not found.</p>')
        code = self.issue_code(admin_user_id)
        state = html.escape(str(params.get("state", "")))
        body = (
            "<p>Copy this authorization code into Privacy Desktop. It is valid for "
            f"{int(self._code_lifetime)} seconds.</p>\n"
            f'<p><code id="code">{code}</code></p>\n'
            f'<p>state: <span id="state">{state}</span> member_id: '
            f'<span id="member_id">{self.member_id}</span></p>'
        )
        return 200, _page("Authorization code", body)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1>\n{body}\n</body></html>\n"
    )
