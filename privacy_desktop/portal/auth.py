"""Credentials: inbound webhooks and OAuth 2.0 with a single-flight token refresh.

The refresh rotates the refresh token: the old one is consumed. So when several threads find
the access token expired at once, exactly one of them may refresh; the others must use the
pair it obtained. Each caller says which access token it used; under the lock a refresh
happens only if that token is still the current one. The new pair is handed to
``on_tokens`` (the keyring) before anybody uses it, so a crash cannot lose the only valid
refresh token.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from privacy_desktop.portal.credentials import OAuthApp, OAuthTokens, WebhookCredentials
from privacy_desktop.portal.errors import (
    AuthenticationFailed,
    PortalError,
    bad_response,
    code_text,
    error_for,
    token_expired,
)
from privacy_desktop.portal.transport import decode_json, install_log_redaction, transport_error
from privacy_desktop.portal.urls import check_transport_security, normalise_portal_url

__all__ = [
    "OAuthApp",
    "OAuthSession",
    "OAuthTokens",
    "WebhookCredentials",
    "authorize_url",
    "exchange_code",
]

_TOKEN_METHOD = "oauth/token"


def authorize_url(portal_url: str, client_id: str, state: str) -> str:
    """The page where the administrator grants the application access (opened in a browser)."""
    base = normalise_portal_url(portal_url)
    check_transport_security(base)
    query = {"client_id": client_id}
    if state:
        query["state"] = state
    return f"{base}/oauth/authorize/?{urlencode(query)}"


def exchange_code(
    app: OAuthApp,
    code: str,
    *,
    timeout: float = 30.0,
    transport: httpx.BaseTransport | None = None,
) -> OAuthTokens:
    """Exchange an authorization code (valid 30 s) for the first token pair.

    Raises:
        AuthenticationFailed: invalid_grant (bad or expired code), invalid_client, ….
        PortalError: the token server could not be reached or answered nonsense.
    """
    params = {
        "grant_type": "authorization_code",
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "code": code.strip(),
    }
    return _token_request(app, params, timeout, transport, secrets=(code,))


def _token_request(
    app: OAuthApp,
    params: Mapping[str, str],
    timeout: float,
    transport: httpx.BaseTransport | None,
    secrets: tuple[str, ...],
) -> OAuthTokens:
    install_log_redaction()
    check_transport_security(app.token_url)
    all_secrets = (app.client_secret, *secrets)
    failure: PortalError | None = None
    try:
        with httpx.Client(timeout=timeout, transport=transport) as http:
            # The documented form is a GET with the parameters in the query string.
            response = http.get(app.token_url, params=dict(params))
    except httpx.TransportError as exc:
        failure = transport_error(exc, _TOKEN_METHOD, timeout)
    if failure is not None:
        # Raised outside the handler: the httpx exception (its text holds the URL with the
        # client secret) must not even be the __context__.
        raise failure
    data = decode_json(response, _TOKEN_METHOD)
    if not isinstance(data, dict):
        raise bad_response(_TOKEN_METHOD, response.status_code, "not an object")
    if "error" in data or response.status_code >= 400:
        raise error_for(
            code_text(data.get("error", "")),
            str(data.get("error_description", "")),
            method=_TOKEN_METHOD,
            http_status=response.status_code,
            secrets=all_secrets,
        )
    return _tokens_from(data, response.status_code)


def _tokens_from(data: Mapping[str, Any], status: int) -> OAuthTokens:
    try:
        access = str(data["access_token"])
        refresh = str(data["refresh_token"])
        endpoint = str(data["client_endpoint"])
        if "expires" in data:
            expires_at = float(data["expires"])
        else:
            expires_at = time.time() + float(data.get("expires_in", 3600))
        user = data.get("user_id")
        scope_raw = data.get("scope", "")
    except (KeyError, TypeError, ValueError):
        access = ""
    if not access:
        raise bad_response(_TOKEN_METHOD, status, "token answer lacks fields")
    if not access or not refresh:
        raise bad_response(_TOKEN_METHOD, status, "empty token")
    check_transport_security(endpoint)
    if isinstance(scope_raw, list | tuple):
        scope = tuple(str(item) for item in scope_raw)
    else:
        scope = tuple(part.strip() for part in str(scope_raw).split(",") if part.strip())
    return OAuthTokens(
        access_token=access,
        refresh_token=refresh,
        expires_at=expires_at,
        client_endpoint=endpoint if endpoint.endswith("/") else endpoint + "/",
        member_id=str(data.get("member_id", "")),
        scope=scope,
        user_id=int(user) if isinstance(user, int | str) and str(user).isdigit() else None,
    )


class OAuthSession:
    """The current OAuth tokens of one connection; refreshes them once, for every thread.

    Args:
        app: the application's keys and token server.
        tokens: the last stored pair.
        on_tokens: persists a new pair; called before the pair is used.
        timeout: seconds for a token-server request.
        transport: an httpx transport for the token server (tests).
    """

    def __init__(
        self,
        app: OAuthApp,
        tokens: OAuthTokens,
        on_tokens: Callable[[OAuthTokens], None],
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        check_transport_security(tokens.client_endpoint)
        self._app = app
        self._tokens = tokens
        self._on_tokens = on_tokens
        self._timeout = timeout
        self._transport = transport
        self._lock = threading.Lock()
        self._dead: AuthenticationFailed | None = None

    @property
    def tokens(self) -> OAuthTokens:
        return self._tokens

    @property
    def rest_base(self) -> str:
        return self._tokens.client_endpoint

    def secrets(self) -> tuple[str, ...]:
        """Every secret this session knows, for scrubbing texts."""
        current = self._tokens
        return (current.access_token, current.refresh_token, self._app.client_secret)

    def refresh(self, used_access_token: str) -> bool:
        """Renew the pair if ``used_access_token`` is still the current access token.

        Returns:
            True if this call refreshed; False if another caller already had.

        Raises:
            TokenExpired: the refresh token was refused (the connection must be made again).
            PortalError: the token server could not be reached.
        """
        with self._lock:
            if self._tokens.access_token != used_access_token:
                return False
            if self._dead is not None:
                dead = self._dead
                raise token_expired(dead.detail, dead.code, dead.http_status)
            old = self._tokens
            params = {
                "grant_type": "refresh_token",
                "client_id": self._app.client_id,
                "client_secret": self._app.client_secret,
                "refresh_token": old.refresh_token,
            }
            try:
                new = _token_request(
                    self._app, params, self._timeout, self._transport, secrets=self.secrets()
                )
            except AuthenticationFailed as exc:
                # The refresh token is spent or revoked: every later caller gets the same answer
                # without another request (no refresh storm on a dead credential).
                self._dead = exc
                raise token_expired(exc.detail, exc.code, exc.http_status) from None
            if new.user_id is None and old.user_id is not None:
                new = OAuthTokens(
                    new.access_token,
                    new.refresh_token,
                    new.expires_at,
                    new.client_endpoint,
                    new.member_id,
                    new.scope,
                    old.user_id,
                )
            self._on_tokens(new)
            self._tokens = new
            return True
