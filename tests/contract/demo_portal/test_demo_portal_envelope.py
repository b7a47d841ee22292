"""Envelopes, ``time``, routing, encodings and every documented error path."""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest
from demo_portal_http import Rest, error_of

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal

PORTAL_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00\Z")


def test_success_envelope_carries_time_with_portal_offset(hook: Rest) -> None:
    before = time.time()
    body = hook.ok("server.time")
    after = time.time()
    assert list(body) == ["result", "time"]
    assert PORTAL_DATETIME.match(body["result"])
    block = body["time"]
    for key in ("start", "finish", "duration", "processing", "operating"):
        assert isinstance(block[key], float), key
    assert before <= block["start"] <= block["finish"] <= after
    assert block["duration"] == pytest.approx(block["finish"] - block["start"])
    assert PORTAL_DATETIME.match(block["date_start"])
    assert PORTAL_DATETIME.match(block["date_finish"])
    assert isinstance(block["operating_reset_at"], float | int)
    assert block["operating_reset_at"] > before


def test_processing_is_the_simulated_cost(hook: Rest, portal: DemoPortal) -> None:
    config = portal.config
    block = hook.ok("crm.contact.list", {"start": -1})["time"]
    expected = (config.cost_per_call + 50 * config.cost_per_record) * config.time_scale
    assert block["processing"] == pytest.approx(expected)
    assert block["duration"] >= expected


def test_operating_grows_with_each_call_of_a_method(portal: DemoPortal, http: httpx.Client) -> None:
    fresh = Rest(http, portal.add_webhook(1, ["crm"]))
    first = fresh.ok("crm.deal.fields")["time"]["operating"]
    second = fresh.ok("crm.deal.fields")["time"]["operating"]
    assert second == pytest.approx(2 * first)
    assert first > 0


def test_json_is_escaped_like_php(portal: DemoPortal, http: httpx.Client) -> None:
    response = http.get(portal.webhook_url + "user.get", params={"ID": 1})
    text = response.text
    assert response.headers["content-type"].startswith("application/json")
    assert text.isascii()  # Cyrillic names come as \u escapes
    assert "\\u" in text
    assert "/" not in text.replace("\\/", "")  # PHP escapes every "/" (photo URLs …)
    assert response.json()["result"][0]["ID"] == "1"


def test_get_form_and_json_bodies_are_equivalent(portal: DemoPortal, http: httpx.Client) -> None:
    url = portal.webhook_url + "crm.contact.list"
    by_query = http.get(url, params={"filter[>ID]": "10", "select[]": "ID", "order[ID]": "DESC"})
    by_form = http.post(url, data={"filter[>ID]": "10", "select[]": "ID", "order[ID]": "DESC"})
    by_json = http.post(
        url, json={"filter": {">ID": 10}, "select": ["ID"], "order": {"ID": "DESC"}}
    )
    upper = http.post(url, json={"FILTER": {">ID": 10}, "SELECT": ["ID"], "ORDER": {"ID": "DESC"}})
    rows = [response.json()["result"] for response in (by_query, by_form, by_json, upper)]
    assert rows[0] == rows[1] == rows[2] == rows[3]
    assert rows[0][0] == {"ID": str(max(portal.dataset.contacts))}


def test_method_names_are_case_insensitive_and_json_suffix_is_accepted(
    portal: DemoPortal, http: httpx.Client
) -> None:
    response = http.post(portal.webhook_url + "CRM.Contact.Fields.json", json={})
    assert response.status_code == 200
    assert "NAME" in response.json()["result"]


def test_keep_alive_reuses_one_connection(portal: DemoPortal) -> None:
    with httpx.Client(limits=httpx.Limits(max_connections=1)) as client:
        for _ in range(3):
            response = client.get(portal.webhook_url + "profile")
            assert response.status_code == 200
            assert response.headers["content-length"] == str(len(response.content))
            assert response.headers.get("connection", "").lower() != "close"


@pytest.mark.parametrize(
    ("method", "params", "status", "code", "description"),
    [
        ("crm.contact.get", {"id": 99_999_999}, 400, "", "Not found"),
        ("crm.contact.get", {}, 400, "", "ID is not defined or invalid."),
        ("crm.contact.list", {"filter": "ID"}, 400, "", "Parameter 'filter' must be array."),
        ("crm.requisite.list", {"order": "x"}, 400, 0, "Parameter 'order' must be array."),
        ("userconsent.agreement.text", {}, 400, "400", "Parameter `Agreement ID` required."),
        ("app.info", {}, 400, "ACCESS_DENIED", "Access denied! Application context required"),
        ("event.get", {}, 403, "WRONG_AUTH_TYPE", None),
        ("placement.get", {}, 403, "WRONG_AUTH_TYPE", None),
        ("user.delete", {"ID": 2}, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
        ("app.list", {}, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
        ("userconsent.consent.list", {}, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
        (
            "crm.duplicate.findbycomm",
            {"values": ["a@b.c"]},
            400,
            "Communication type is not defined",
            None,
        ),
        (
            "crm.duplicate.findbycomm",
            {"type": "FAX", "values": ["1"]},
            400,
            "Communication type 'FAX' is not supported in current context",
            None,
        ),
        (
            "crm.duplicate.findbycomm",
            {"type": "EMAIL"},
            400,
            "Communication values is not defined",
            None,
        ),
    ],
)
def test_method_errors_keep_their_documented_codes(
    hook: Rest,
    method: str,
    params: dict[str, object],
    status: int,
    code: object,
    description: str | None,
) -> None:
    got_status, got_code, got_description = hook.error(method, params)
    assert (got_status, got_code) == (status, code)
    assert type(got_code) is type(code)
    if description is not None:
        assert got_description == description


def test_authentication_failures(portal: DemoPortal, http: httpx.Client) -> None:
    base = portal.base_url
    secret = portal.webhook_url.rstrip("/").rsplit("/", 1)[1]
    no_auth = http.post(base + "/rest/profile", json={})
    assert error_of(no_auth)[:2] == (401, "NO_AUTH_FOUND")
    unknown_token = http.post(base + "/rest/profile", json={"auth": "0" * 70})
    assert error_of(unknown_token)[:2] == (401, "invalid_token")
    wrong_secret = http.post(base + "/rest/1/aaaaaaaaaaaaaaaa/profile", json={})
    assert error_of(wrong_secret)[:2] == (401, "INVALID_CREDENTIALS")
    wrong_user = http.post(f"{base}/rest/2/{secret}/profile", json={})
    assert error_of(wrong_user)[:2] == (401, "INVALID_CREDENTIALS")


def test_removed_and_expired_webhooks_are_invalid_credentials(
    portal: DemoPortal, http: httpx.Client
) -> None:
    url = portal.add_webhook(3, ["crm"])
    assert http.post(url + "profile", json={}).status_code == 200
    portal.remove_webhook(url)
    assert error_of(http.post(url + "profile", json={}))[:2] == (401, "INVALID_CREDENTIALS")
    expired = portal.add_webhook(1, ["crm"], expires_at=time.time() - 1)
    assert error_of(http.post(expired + "profile", json={}))[:2] == (401, "INVALID_CREDENTIALS")


def test_missing_scope_is_insufficient_scope(portal: DemoPortal, http: httpx.Client) -> None:
    crm_only = Rest(http, portal.add_webhook(1, ["crm"]))
    status, code, description = crm_only.error("user.get")
    assert (status, code) == (403, "insufficient_scope")
    assert "webhook" in description
    assert crm_only.ok("scope")["result"] == ["crm"]
    assert crm_only.ok("method.get", {"name": "user.get"})["result"] == {
        "isExisting": True,
        "isAvailable": False,
    }
    assert crm_only.ok("method.get", {"name": "app.list"})["result"] == {
        "isExisting": False,
        "isAvailable": False,
    }
    names = crm_only.ok("methods")["result"]
    assert "crm.contact.list" in names
    assert "user.get" not in names
    assert "app.info" not in names  # refused for webhooks


def test_insufficient_scope_status_is_configurable(http: httpx.Client) -> None:
    config = DemoPortalConfig(users=6, contacts=5, leads=5, companies=5, deals=5,
                              insufficient_scope_status=401, webhook_scopes=("crm",))  # fmt: skip
    with DemoPortal(config) as small:
        status, code, _ = Rest(http, small.webhook_url).error("department.get")
    assert (status, code) == (401, "insufficient_scope")


def test_scope_full_lists_every_portal_scope(hook: Rest) -> None:
    own = hook.ok("scope")["result"]
    everything = hook.ok("scope", {"full": True})["result"]
    assert set(own) == {"crm", "user", "department", "userconsent"}
    assert set(own) < set(everything)
    assert {"task", "disk", "im", "telephony"} <= set(everything)


def test_profile_and_user_admin_describe_the_caller(portal: DemoPortal, http: httpx.Client) -> None:
    admin = Rest(http, portal.webhook_url)
    profile = admin.ok("profile")["result"]
    assert profile["ID"] == "1"
    assert profile["ADMIN"] is True
    assert profile["NAME"] == portal.dataset.users[1]["NAME"]
    assert admin.ok("user.admin")["result"] is True
    employee = Rest(http, portal.add_webhook(2, ["user"]))
    assert employee.ok("user.admin")["result"] is False
    assert employee.ok("user.current")["result"]["ID"] == "2"


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[1, 2",
        b"\xff\xfe",
        b'"just a string"',
    ],
)
def test_malformed_json_gets_an_error_envelope(
    portal: DemoPortal, http: httpx.Client, raw: bytes
) -> None:
    response = http.post(
        portal.webhook_url + "profile",
        content=raw,
        headers={"Content-Type": "application/json"},
    )
    status, code, _ = error_of(response)
    assert (status, code) == (400, "INVALID_REQUEST")


@pytest.mark.parametrize(
    "query",
    [
        "filter[>ID=5",
        "filter]]]=1&select[[[]=2",
        "start=999999999999999999999999999999999",
        "start=-99999999999999999999",
        "filter[ID][][][]=1",
        "order[ID]=SIDEWAYS&unknown_param=1",
        "filter[%3EDATE_CREATE]=not-a-date",
        "=&&==&[]=1",
    ],
)
def test_odd_parameters_never_break_the_server(
    portal: DemoPortal, http: httpx.Client, query: str
) -> None:
    response = http.get(portal.webhook_url + "crm.contact.list?" + query)
    assert response.status_code in (200, 400)
    body = response.json()
    assert "result" in body or "error" in body


def test_unknown_paths_answer_json(portal: DemoPortal, http: httpx.Client) -> None:
    response = http.get(portal.base_url + "/nowhere")
    assert response.status_code == 404
    assert response.json()["error"]
    bare_webhook = http.get(portal.webhook_url)
    assert error_of(bare_webhook)[:2] == (404, "ERROR_METHOD_NOT_FOUND")


def test_unknown_filter_fields_are_ignored(hook: Rest, portal: DemoPortal) -> None:
    body = hook.ok("crm.contact.list", {"filter": {"NO_SUCH_FIELD": "x"}, "select": ["ID"]})
    assert body["total"] == len(portal.dataset.contacts)


def test_a_server_bug_becomes_a_json_500_without_personal_data(
    http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    from privacy_desktop.demo_portal.registry import CallContext, CallResult, MethodSpec

    def broken(context: CallContext) -> CallResult:
        raise ValueError("Шевченко +380501234567")  # a message that carries personal data

    config = DemoPortalConfig(users=6, contacts=5, leads=5, companies=5, deals=5)
    with DemoPortal(config) as small:
        small._service.executor.registry.add([MethodSpec("crm.contact.list", broken)])
        with caplog.at_level("DEBUG", logger="privacy_desktop.demo_portal"):
            response = http.post(small.webhook_url + "crm.contact.list", json={})
        secret = small.webhook_url.rstrip("/").rsplit("/", 1)[1]
    assert error_of(response) == (500, "INTERNAL_SERVER_ERROR", "Internal server error")
    assert "ValueError" in caplog.text
    assert "380501234567" not in caplog.text
    assert "Шевченко" not in caplog.text
    assert secret not in caplog.text


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET /rest/profile HTTP/9.9\r\n\r\n",
        b"POST /rest/profile HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"POST /rest/profile HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
        b"DELETE /rest/profile HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_malformed_http_gets_a_json_answer(portal: DemoPortal, request_bytes: bytes) -> None:
    import socket

    with socket.create_connection(("127.0.0.1", portal.port), timeout=10) as raw:
        raw.sendall(request_bytes)
        raw.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert 400 <= status < 600
    assert b"Traceback" not in answer
    assert "error" in json.loads(body)
