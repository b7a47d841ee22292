"""Every way a call can fail, produced by a real demo portal, maps to its typed error —
and no secret ever shows in the error, its chain, its traceback, or a log record."""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import replace

import pytest
from portal_contract_helpers import QUICK, assert_no_secret, webhook_client

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import PortalLimits
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.credentials import WebhookCredentials
from privacy_desktop.portal.errors import (
    AccessDenied,
    AuthenticationFailed,
    BadResponse,
    InsufficientScope,
    InvalidPortalUrl,
    MethodError,
    MethodNotFound,
    OperatingLimit,
    PortalError,
    PortalTimeout,
    PortalUnreachable,
    RateLimited,
    ServerError,
)
from privacy_desktop.portal.urls import parse_webhook_url

NO_LIMITS = PortalLimits(rate=None, burst=0, operating_limit=None)


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)


def secret_of(url: str) -> str:
    return parse_webhook_url(url).secret


def fail(client: BitrixClient, method: str, params: dict | None = None) -> PortalError:
    with pytest.raises(PortalError) as caught:
        client.call(method, params)
    return caught.value


@pytest.mark.parametrize(
    ("method", "params", "kind", "code", "status"),
    [
        ("no.such.method", {}, MethodNotFound, "ERROR_METHOD_NOT_FOUND", 404),
        ("app.info", {}, AccessDenied, "ACCESS_DENIED", 400),
        ("event.get", {}, AccessDenied, "WRONG_AUTH_TYPE", 403),
        ("crm.contact.get", {"id": 0}, MethodError, "", 400),
        ("crm.contact.get", {"id": 99_999_999}, MethodError, "", 400),
        ("userconsent.agreement.text", {}, MethodError, "400", 400),
        ("crm.duplicate.findbycomm", {}, MethodError, "Communication type is not defined", 400),
        ("crm.requisite.list", {"filter": "x"}, MethodError, "0", 400),
    ],
)
def test_method_errors(
    portal: DemoPortal,
    caplog: pytest.LogCaptureFixture,
    method: str,
    params: dict,
    kind: type[PortalError],
    code: str,
    status: int,
) -> None:
    with webhook_client(portal) as client:
        error = fail(client, method, params)
        assert client.stats.requests == 1  # never retried
    assert type(error) is kind
    assert (error.code, error.http_status) == (code, status)
    assert error.user_message.context == "PortalError"
    assert_no_secret(error, [secret_of(portal.webhook_url)], caplog.records)


def test_method_named_in_scope_and_not_found_messages(portal: DemoPortal) -> None:
    limited = portal.add_webhook(1, ["user"])
    with webhook_client(portal, url=limited) as client:
        error = fail(client, "crm.contact.list")
    assert isinstance(error, InsufficientScope)
    assert "crm.contact.list" in error.user_message.english()
    assert (error.code, error.http_status) == ("insufficient_scope", 403)


@pytest.mark.parametrize("status", [401, 403])
def test_insufficient_scope_either_status(status: int, caplog: pytest.LogCaptureFixture) -> None:
    with DemoPortal(replace(QUICK, insufficient_scope_status=status)) as portal:
        limited = portal.add_webhook(1, ["crm"])
        with webhook_client(portal, url=limited) as client:
            error = fail(client, "user.get")
            assert client.stats.requests == 1
    assert isinstance(error, InsufficientScope)
    assert error.http_status == status
    assert_no_secret(error, [secret_of(limited)], caplog.records)


@pytest.mark.parametrize("how", ["wrong secret", "removed", "expired", "wrong user"])
def test_dead_webhooks(portal: DemoPortal, caplog: pytest.LogCaptureFixture, how: str) -> None:
    if how == "wrong secret":
        url = portal.base_url + "/rest/1/abcdefgh12345678/"
    elif how == "removed":
        url = portal.add_webhook(1, ["crm"])
        portal.remove_webhook(url)
    elif how == "expired":
        url = portal.add_webhook(1, ["crm"], expires_at=time.time() - 1)
    else:
        url = portal.webhook_url.replace("/rest/1/", "/rest/2/")
    with webhook_client(portal, url=url) as client:
        error = fail(client, "profile")
        assert client.stats.requests == 1
    assert type(error) is AuthenticationFailed
    assert error.code == "INVALID_CREDENTIALS"
    assert_no_secret(error, [secret_of(url)], caplog.records)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("500", ServerError),
        ("503", ServerError),  # an HTML 503 page from the front end
        ("html", BadResponse),
        ("garbage", BadResponse),
        ("reset", PortalUnreachable),
        ("timeout", PortalTimeout),
    ],
)
def test_persistent_faults_raise_after_bounded_retries(
    caplog: pytest.LogCaptureFixture, kind: str, expected: type[PortalError]
) -> None:
    config = replace(QUICK, fault_rate=1.0, fault_kinds=(kind,), fault_hang=1.0)
    with DemoPortal(config) as portal:
        with webhook_client(portal, max_retries=3, timeout=0.3) as client:
            error = fail(client, "crm.contact.list")
            assert (client.stats.requests, client.stats.retries) == (4, 3)
        assert portal.stats().requests == 4
        assert portal.stats().faults == {kind: 4}
        assert_no_secret(error, [secret_of(portal.webhook_url)], caplog.records)
    assert type(error) is expected


@pytest.mark.parametrize("kind", ["timeout", "reset"])
def test_writes_are_not_resent_after_a_timeout_or_reset(
    caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    config = replace(QUICK, fault_rate=1.0, fault_kinds=(kind,), fault_hang=1.0)
    with DemoPortal(config) as portal, webhook_client(portal, timeout=0.3) as client:
        writes = [
            lambda: client.call("crm.contact.add", {"fields": {"NAME": "Ганна"}}),
            lambda: client.batch({"a": ("crm.contact.update", {"id": 1, "fields": {"NAME": "Ю"}})}),
        ]
        for write in writes:
            before = portal.stats().requests
            with pytest.raises((PortalTimeout, PortalUnreachable)) as caught:
                write()
            assert portal.stats().requests == before + 1
            assert_no_secret(caught.value, [secret_of(portal.webhook_url)], caplog.records)
        assert client.stats.retries == 0


def test_connection_refused(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    secret = "abcdefgh12345678"
    credentials = WebhookCredentials(f"http://127.0.0.1:{port}/rest/1/", 1, secret)
    with BitrixClient(credentials, NO_LIMITS, max_retries=2, backoff_base=0.001) as client:
        error = fail(client, "profile")
        assert client.stats.requests == 3
    assert isinstance(error, PortalUnreachable)
    assert "refused" in error.user_message.english()
    assert_no_secret(error, [secret], caplog.records)


def test_rate_limit_refusals_persisting(caplog: pytest.LogCaptureFixture) -> None:
    # The portal's bucket barely drains; the client does not know about the limit at all.
    config = replace(QUICK, rate=0.001, burst=2)
    with DemoPortal(config) as portal:
        with webhook_client(portal, NO_LIMITS, max_retries=2) as client:
            client.call("profile")
            client.call("profile")
            error = fail(client, "profile")
            assert client.stats.refused_rate_limit == 3
            assert client.stats.retries == 2
        assert portal.stats().refused_rate_limit == 3
        assert_no_secret(error, [secret_of(portal.webhook_url)], caplog.records)
    assert type(error) is RateLimited
    assert (error.code, error.http_status) == ("QUERY_LIMIT_EXCEEDED", 503)


def test_operating_limit_persisting(caplog: pytest.LogCaptureFixture) -> None:
    config = replace(QUICK, operating_limit=0.5, time_scale=0.01)  # 5 ms per 6 s
    with DemoPortal(config) as portal:
        with webhook_client(portal, NO_LIMITS, max_retries=0) as client:
            error: PortalError | None = None
            for _ in range(100):
                try:
                    client.call("crm.contact.list", {"select": ["ID"]})
                except OperatingLimit as exc:
                    error = exc
                    break
            assert client.stats.refused_operating == 1
        assert_no_secret(error, [secret_of(portal.webhook_url)], caplog.records)
    assert isinstance(error, OperatingLimit)
    assert (error.code, error.http_status) == ("OPERATION_TIME_LIMIT", 429)
    assert "crm.contact.list" in error.user_message.english()


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(InvalidPortalUrl):
        parse_webhook_url("http://firm.bitrix24.ua/rest/1/abcdefgh12345678/")
    remote = WebhookCredentials("http://firm.bitrix24.ua/rest/1/", 1, "abcdefgh12345678")
    with pytest.raises(InvalidPortalUrl):
        BitrixClient(remote, NO_LIMITS)


def test_batch_size_is_checked(portal: DemoPortal) -> None:
    with webhook_client(portal) as client:
        with pytest.raises(ValueError, match="1 to 50"):
            client.batch({str(i): ("profile", {}) for i in range(51)})
        with pytest.raises(ValueError, match="1 to 50"):
            client.batch({})
        assert client.stats.requests == 0


def test_batch_reports_each_command_error(portal: DemoPortal) -> None:
    with webhook_client(portal) as client:
        answer = client.batch(
            {
                "ok": ("profile", {}),
                "missing": ("no.such.method", {}),
                "odd": ("crm.contact.get", {"id": 0}),
            }
        )
    assert set(answer.results) == {"ok"}
    assert isinstance(answer.errors["missing"], MethodNotFound)
    assert isinstance(answer.errors["odd"], MethodError)
    assert answer.errors["odd"].code == ""
