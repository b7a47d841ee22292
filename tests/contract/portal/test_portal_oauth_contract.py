"""OAuth against the demo portal's token server: exchange, single-flight refresh, dead tokens."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from portal_contract_helpers import QUICK, assert_no_secret

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.portal.auth import (
    OAuthApp,
    OAuthSession,
    OAuthTokens,
    authorize_url,
    exchange_code,
)
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.errors import (
    AuthenticationFailed,
    InsufficientScope,
    InvalidPortalUrl,
    TokenExpired,
)
from privacy_desktop.portal.introspection import read_connection_info


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


@pytest.fixture
def oauth_portal() -> Iterator[DemoPortal]:
    with DemoPortal(QUICK) as running:
        yield running


def app_of(portal: DemoPortal) -> OAuthApp:
    return OAuthApp(portal.oauth_client_id, portal.oauth_client_secret, portal.oauth_token_url)


class Keyring:
    """Records what was persisted, and when, relative to the calls made with it."""

    def __init__(self) -> None:
        self.saved: list[OAuthTokens] = []
        self.lock = threading.Lock()

    def __call__(self, tokens: OAuthTokens) -> None:
        with self.lock:
            self.saved.append(tokens)


class CountingTransport(httpx.HTTPTransport):
    """Real HTTP, counted."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return super().handle_request(request)


def connect(portal: DemoPortal, keyring: Keyring | None = None) -> tuple[OAuthSession, Keyring]:
    keyring = keyring or Keyring()
    tokens = exchange_code(app_of(portal), portal.issue_authorization_code())
    return OAuthSession(app_of(portal), tokens, keyring), keyring


def client_of(session: OAuthSession, portal: DemoPortal, **kwargs: object) -> BitrixClient:
    return BitrixClient(session, portal.config.effective_limits(), backoff_base=0.002, **kwargs)


def test_exchange_and_call(oauth_portal: DemoPortal) -> None:
    session, keyring = connect(oauth_portal)
    tokens = session.tokens
    assert tokens.client_endpoint == oauth_portal.base_url + "/rest/"
    assert tokens.expires_at > time.time() + 3000
    assert set(tokens.scope) == set(oauth_portal.config.oauth_scopes)
    with client_of(session, oauth_portal) as client:
        info = read_connection_info(client)
    assert info.user_id == 1
    assert info.is_admin
    assert info.rest_base == tokens.client_endpoint
    assert keyring.saved == []  # nothing new to persist yet
    assert oauth_portal.stats().token_exchanges == 1


def test_authorize_url(oauth_portal: DemoPortal) -> None:
    url = authorize_url(oauth_portal.base_url + "/", oauth_portal.oauth_client_id, "xyz")
    assert url == oauth_portal.authorize_url("xyz")


def test_expired_token_is_refreshed_once_and_persisted_first(oauth_portal: DemoPortal) -> None:
    session, keyring = connect(oauth_portal)
    old = session.tokens
    oauth_portal.expire_access_tokens()
    with client_of(session, oauth_portal) as client:
        client.call("profile")
        assert client.stats.token_refreshes == 1
    assert oauth_portal.stats().token_refreshes == 1
    assert keyring.saved == [session.tokens]
    assert session.tokens.access_token != old.access_token
    assert session.tokens.refresh_token != old.refresh_token  # rotated


@pytest.mark.parametrize("threads", [2, 8])
def test_concurrent_expiry_refreshes_exactly_once(oauth_portal: DemoPortal, threads: int) -> None:
    session, keyring = connect(oauth_portal)
    with client_of(session, oauth_portal) as client:
        client.call("profile")
        oauth_portal.expire_access_tokens()
        barrier = threading.Barrier(threads)
        errors: list[BaseException] = []

        def work() -> None:
            barrier.wait()
            try:
                for _ in range(3):
                    client.call("profile")
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        workers = [threading.Thread(target=work) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert errors == []
        assert client.stats.token_refreshes == 1
    assert oauth_portal.stats().token_refreshes == 1
    assert len(keyring.saved) == 1


def test_token_known_to_be_expired_is_renewed_before_the_call(oauth_portal: DemoPortal) -> None:
    session, _keyring = connect(oauth_portal)
    stale = replace(session.tokens, expires_at=time.time() - 1)
    session = OAuthSession(app_of(oauth_portal), stale, Keyring())
    with client_of(session, oauth_portal) as client:
        client.call("profile")
        assert client.stats.requests == 1  # no request wasted on a refusal
    assert oauth_portal.stats().token_refreshes == 1


def test_spent_refresh_token_gives_token_expired_without_a_storm(
    oauth_portal: DemoPortal, caplog: pytest.LogCaptureFixture
) -> None:
    session, _ = connect(oauth_portal)
    token_server = CountingTransport()
    copy = OAuthSession(app_of(oauth_portal), session.tokens, Keyring(), transport=token_server)
    oauth_portal.expire_access_tokens()
    with client_of(session, oauth_portal) as client:
        client.call("profile")  # rotates: the copy's refresh token is now spent
    with client_of(copy, oauth_portal) as client:
        for _ in range(3):
            with pytest.raises(TokenExpired) as caught:
                client.call("profile")
    assert oauth_portal.stats().token_refreshes == 1  # the good one
    assert token_server.requests == 1  # the refused one; later callers get its answer
    assert caught.value.code == "invalid_grant"
    secrets = [
        copy.tokens.access_token,
        copy.tokens.refresh_token,
        oauth_portal.oauth_client_secret,
    ]
    assert_no_secret(caught.value, secrets, caplog.records)


def test_uninstalled_app_is_not_refreshed(
    oauth_portal: DemoPortal, caplog: pytest.LogCaptureFixture
) -> None:
    session, keyring = connect(oauth_portal)
    oauth_portal.uninstall_oauth_app()
    with client_of(session, oauth_portal) as client:
        with pytest.raises(AuthenticationFailed) as caught:
            client.call("profile")
        assert client.stats.requests == 1
    assert caught.value.code == "invalid_token"
    assert oauth_portal.stats().token_refreshes == 0
    assert keyring.saved == []
    secrets = [session.tokens.access_token, session.tokens.refresh_token]
    assert_no_secret(caught.value, secrets, caplog.records)


def test_missing_scope_with_401_is_not_refreshed(caplog: pytest.LogCaptureFixture) -> None:
    config = replace(QUICK, insufficient_scope_status=401, oauth_scopes=("user",))
    with DemoPortal(config) as portal:
        session, _ = connect(portal)
        with client_of(session, portal) as client:
            with pytest.raises(InsufficientScope) as caught:
                client.call("crm.contact.list")
            assert client.stats.requests == 1
        assert portal.stats().token_refreshes == 0
    assert caught.value.http_status == 401
    assert_no_secret(caught.value, [session.tokens.access_token], caplog.records)


def test_bad_code_and_bad_client(
    oauth_portal: DemoPortal, caplog: pytest.LogCaptureFixture
) -> None:
    app = app_of(oauth_portal)
    bad_code = "not-a-code-" + "0123456789"  # built, so the traceback's source line lacks it
    with pytest.raises(AuthenticationFailed) as caught:
        exchange_code(app, bad_code)
    assert caught.value.code == "invalid_grant"
    assert_no_secret(caught.value, [app.client_secret, bad_code], caplog.records)
    wrong_secret = "WrongSecret" * 2
    wrong = OAuthApp(app.client_id, wrong_secret, app.token_url)
    code = oauth_portal.issue_authorization_code()
    with pytest.raises(AuthenticationFailed) as caught:
        exchange_code(wrong, code)
    assert caught.value.code == "invalid_client"
    assert_no_secret(caught.value, [wrong_secret, code], caplog.records)


def test_expired_code() -> None:
    with DemoPortal(replace(QUICK, code_lifetime=0.05)) as portal:
        code = portal.issue_authorization_code()
        time.sleep(0.1)
        with pytest.raises(AuthenticationFailed) as caught:
            exchange_code(app_of(portal), code)
    assert caught.value.code == "invalid_grant"


def test_tokens_round_trip_and_repr_masks(oauth_portal: DemoPortal) -> None:
    session, _ = connect(oauth_portal)
    tokens = session.tokens
    assert OAuthTokens.from_json(tokens.to_json()) == tokens
    for text in (repr(tokens), str(tokens), repr(app_of(oauth_portal))):
        assert tokens.access_token not in text
        assert tokens.refresh_token not in text
        assert oauth_portal.oauth_client_secret not in text
    with pytest.raises(ValueError, match="not a serialised") as caught:
        OAuthTokens.from_json(tokens.to_json()[:-5])
    assert caught.value.__context__ is None


def test_plain_http_endpoints_elsewhere_are_refused(oauth_portal: DemoPortal) -> None:
    session, _ = connect(oauth_portal)
    remote = replace(session.tokens, client_endpoint="http://firm.bitrix24.ua/rest/")
    with pytest.raises(InvalidPortalUrl):
        OAuthSession(app_of(oauth_portal), remote, Keyring())
    insecure_app = OAuthApp("id", "secret", "http://oauth.example.com/oauth/token/")
    with pytest.raises(InvalidPortalUrl):
        exchange_code(insecure_app, "code")


def test_no_auth_found_is_a_credential_failure(oauth_portal: DemoPortal) -> None:
    session, _ = connect(oauth_portal)
    blank = OAuthSession(app_of(oauth_portal), replace(session.tokens, access_token=""), Keyring())
    with client_of(blank, oauth_portal) as client:
        with pytest.raises(AuthenticationFailed) as caught:
            client.call("profile")
        assert client.stats.requests == 1
    assert (caught.value.code, caught.value.http_status) == ("NO_AUTH_FOUND", 401)
    assert oauth_portal.stats().token_refreshes == 0
