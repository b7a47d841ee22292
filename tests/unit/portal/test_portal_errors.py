"""Error codes → typed errors (branching on the code, not the status), envelope helpers."""

from __future__ import annotations

import logging

import httpx
import pytest

from privacy_desktop.domain.portals import PortalLimits
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.credentials import WebhookCredentials
from privacy_desktop.portal.envelope import batch_command, batch_result, php_query
from privacy_desktop.portal.errors import (
    AccessDenied,
    AuthenticationFailed,
    BadResponse,
    InsufficientScope,
    MethodError,
    MethodNotFound,
    OperatingLimit,
    PortalError,
    RateLimited,
    ServerError,
    TokenExpired,
    code_text,
    error_for,
    redact,
)
from privacy_desktop.portal.policy import is_retriable, is_write_method
from privacy_desktop.portal.transport import RedactingFilter

SECRET = "s3cr3tw3bh00k123"


@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [
        ("NO_AUTH_FOUND", 401, AuthenticationFailed),
        ("INVALID_CREDENTIALS", 403, AuthenticationFailed),
        ("invalid_token", 401, AuthenticationFailed),
        ("invalid_grant", 400, AuthenticationFailed),
        ("invalid_client", 401, AuthenticationFailed),
        ("authorization_error", 401, AuthenticationFailed),
        ("APPLICATION_NOT_FOUND", 401, AuthenticationFailed),
        ("expired_token", 401, TokenExpired),
        ("insufficient_scope", 401, InsufficientScope),
        ("insufficient_scope", 403, InsufficientScope),
        ("ERROR_METHOD_NOT_FOUND", 404, MethodNotFound),
        ("ACCESS_DENIED", 400, AccessDenied),
        ("ACCESS_DENIED", 403, AccessDenied),
        ("WRONG_AUTH_TYPE", 403, AccessDenied),
        ("user_access_error", 403, AccessDenied),
        ("PORTAL_DELETED", 410, AccessDenied),
        ("OVERLOAD_LIMIT", 503, AccessDenied),  # blocked by the vendor: not to be hammered
        ("PAYMENT_REQUIRED", 401, AccessDenied),
        ("QUERY_LIMIT_EXCEEDED", 503, RateLimited),
        ("OPERATION_TIME_LIMIT", 429, OperatingLimit),
        ("INTERNAL_SERVER_ERROR", 500, ServerError),
        ("ERROR_UNEXPECTED_ANSWER", 500, ServerError),
        ("SOMETHING_NEW", 502, ServerError),
        ("SOMETHING_NEW", 401, AuthenticationFailed),
        ("", 400, MethodError),
        ("0", 400, MethodError),
        ("400", 400, MethodError),
        ("Communication type is not defined", 400, MethodError),
        ("NOT_FOUND", 400, MethodError),
        ("INVALID_ARG_VALUE", None, MethodError),
        ("INVALID_REQUEST", 400, MethodError),  # "Bad request body": not about HTTPS
    ],
)
def test_codes_map_to_classes(code: str, status: int | None, kind: type[PortalError]) -> None:
    error = error_for(code, "desc", method="crm.contact.list", http_status=status)
    assert type(error) is kind
    assert error.code == code
    assert error.http_status == status
    assert error.user_message.context == "PortalError"
    assert error.user_message.english()
    assert "%" not in error.user_message.english()


def test_code_text_keeps_codes_as_sent() -> None:
    assert code_text(0) == "0"
    assert code_text("") == ""
    assert code_text(None) == ""
    assert code_text("400") == "400"


def test_description_is_scrubbed_of_secrets() -> None:
    error = error_for(
        "", f"bad /rest/1/{SECRET}/x auth=tok", method="m", http_status=400, secrets=["tok"]
    )
    assert SECRET not in str(error)
    assert "tok" not in error.detail
    assert "***" in error.detail


def test_redact() -> None:
    text = f"GET https://h/rest/12/{SECRET}/profile?auth=abc&refresh_token=def&client_secret=g"
    clean = redact(text)
    for secret in (SECRET, "abc", "def", "=g"):
        assert secret not in clean
    assert "/rest/12/***/profile" in clean


def test_log_filter_scrubs_args() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "HTTP Request: %s %s",
        ("POST", f"https://h/rest/1/{SECRET}/profile"),
        None,
    )
    assert RedactingFilter().filter(record)
    assert SECRET not in record.getMessage()


def test_php_query_and_batch_command() -> None:
    query = php_query(
        {
            "filter": {">=ID": 5, "NAME": "Ірина Ш"},
            "select": ["ID", "NAME"],
            "start": -1,
            "flag": True,
            "none": None,
        }
    )
    assert query == (
        "filter[%3E%3DID]=5&filter[NAME]=%D0%86%D1%80%D0%B8%D0%BD%D0%B0%20%D0%A8"
        "&select[0]=ID&select[1]=NAME&start=-1&flag=1"
    )
    assert batch_command("profile", {}) == "profile"


def test_batch_result_reads_php_empty_arrays_and_lists() -> None:
    data = {
        "result": {
            "result": [[{"ID": "1"}], {"ID": "2"}],
            "result_error": [],
            "result_total": [7, 0],
            "result_next": [],
            "result_time": [{"processing": 0.1}, {"processing": 0.2}],
        }
    }
    answer = batch_result(data, {"0": "crm.contact.list", "1": "profile"}, 200, [])
    assert answer.results == {"0": [{"ID": "1"}], "1": {"ID": "2"}}
    assert answer.errors == {}
    assert answer.totals == {"0": 7, "1": 0}
    assert answer.nexts == {}
    with pytest.raises(BadResponse):
        batch_result({"result": []}, {}, 200, [])


# ---- situations the demo portal does not produce, against httpx.MockTransport


def mock_client(handler: object, **kwargs: object) -> BitrixClient:
    credentials = WebhookCredentials("https://firm.bitrix24.ua/rest/1/", 1, SECRET)
    return BitrixClient(
        credentials,
        PortalLimits(rate=None, burst=0, operating_limit=None),
        transport=httpx.MockTransport(handler),
        backoff_base=0.001,
        **kwargs,
    )


def test_a_domain_change_redirect_is_not_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "https://new.bitrix24.ua/"})

    with mock_client(handler) as client, pytest.raises(BadResponse) as caught:
        client.call("profile")
    assert client.stats.requests == 1  # not retried
    assert caught.value.http_status == 302
    assert "redirected" in caught.value.user_message.english()
    assert SECRET not in str(caught.value)


def test_expired_token_through_a_webhook_is_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401, json={"error": "expired_token", "error_description": "x"})

    with mock_client(handler) as client, pytest.raises(TokenExpired):
        client.call("profile")
    assert len(calls) == 1


def test_error_with_status_200_is_still_an_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"error": "ACCESS_DENIED", "error_description": "no"})

    with mock_client(handler) as client, pytest.raises(AccessDenied):
        client.call("profile")


def test_answer_without_result_is_a_bad_response() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"time": {}})

    with mock_client(handler, max_retries=1) as client, pytest.raises(BadResponse):
        client.call("profile")
    assert client.stats.requests == 2


def test_writes_are_not_resent_after_a_server_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"error": "INTERNAL_SERVER_ERROR"})

    with mock_client(handler) as client, pytest.raises(ServerError):
        client.call("crm.contact.update", {"id": 1, "fields": {"NAME": "X"}})
    assert client.stats.requests == 1


def test_body_is_json_and_secret_only_in_the_path() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"result": [], "time": {}})

    with mock_client(handler) as client:
        client.call("crm.contact.list", {"filter": {">ID": 1}})
    assert seen[0].url.path == f"/rest/1/{SECRET}/crm.contact.list"
    assert seen[0].headers["content-type"] == "application/json"
    assert SECRET not in seen[0].content.decode()


@pytest.mark.parametrize("method", ["", "../profile", "profile?x=1", "crm.contact.list/x", "a b"])
def test_method_names_are_checked_before_they_enter_the_path(method: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent")

    with mock_client(handler) as client:
        with pytest.raises(ValueError, match="not a REST method name"):
            client.call(method)
        with pytest.raises(ValueError, match="not a REST method name"):
            client.batch({"a": (method, {})})


def test_https_required_is_a_credential_refusal() -> None:
    error = error_for("INVALID_REQUEST", "Https required.", method="profile", http_status=400)
    assert type(error) is AuthenticationFailed
    assert "HTTPS" in error.user_message.english()


@pytest.mark.parametrize(
    ("code", "status", "read", "write"),
    [
        ("QUERY_LIMIT_EXCEEDED", 503, True, True),  # refused before running: always safe
        ("OPERATION_TIME_LIMIT", 429, True, True),
        ("INTERNAL_SERVER_ERROR", 500, True, False),  # may have run: reads only
        ("ACCESS_DENIED", 403, False, False),
        ("insufficient_scope", 401, False, False),
        ("expired_token", 401, False, False),  # refreshed separately, never by retrying
        ("", 400, False, False),
    ],
)
def test_retry_policy(code: str, status: int, read: bool, write: bool) -> None:
    error = error_for(code, "", method="m", http_status=status)
    assert is_retriable(error, writes=False) is read
    assert is_retriable(error, writes=True) is write
    assert is_write_method("crm.contact.ADD")
    assert not is_write_method("crm.contact.list")
