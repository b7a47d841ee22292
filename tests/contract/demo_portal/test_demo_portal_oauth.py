"""The OAuth token server, token lifecycle and application-context methods."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from demo_portal_http import Rest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal

TINY = {"users": 6, "contacts": 10, "leads": 5, "companies": 5, "deals": 5}


@pytest.fixture
def own_portal() -> Iterator[DemoPortal]:
    """A portal of its own: these tests expire and uninstall things."""
    with DemoPortal(DemoPortalConfig(**TINY, code_lifetime=0.3, time_scale=0.01)) as running:
        yield running


def grant(portal: DemoPortal, http: httpx.Client, **fields: str) -> httpx.Response:
    return http.post(
        portal.oauth_token_url,
        data={
            "client_id": portal.oauth_client_id,
            "client_secret": portal.oauth_client_secret,
            **fields,
        },
    )


def exchange(portal: DemoPortal, http: httpx.Client) -> dict[str, Any]:
    code = portal.issue_authorization_code()
    response = grant(portal, http, grant_type="authorization_code", code=code)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_code_exchange_answers_every_documented_field(
    own_portal: DemoPortal, http: httpx.Client
) -> None:
    before = time.time()
    answer = exchange(own_portal, http)
    assert answer["client_endpoint"] == own_portal.base_url + "/rest/"
    assert answer["scope"] == "crm,user,department,userconsent"
    assert answer["status"] == "L"
    assert answer["expires_in"] == 3600
    assert before + 3600 - 1 <= answer["expires"] <= time.time() + 3600
    assert answer["user_id"] == 1
    assert re.fullmatch(r"[0-9a-f]{32}", answer["member_id"])
    assert answer["access_token"] != answer["refresh_token"]
    assert {"server_endpoint", "domain"} <= set(answer)
    rest = Rest(http, answer["client_endpoint"], auth=answer["access_token"])
    assert rest.ok("profile")["result"]["ID"] == "1"
    assert own_portal.stats().token_exchanges == 1


def test_codes_are_single_use_and_expire(own_portal: DemoPortal, http: httpx.Client) -> None:
    code = own_portal.issue_authorization_code()
    assert grant(own_portal, http, grant_type="authorization_code", code=code).status_code == 200
    reused = grant(own_portal, http, grant_type="authorization_code", code=code)
    assert reused.json()["error"] == "invalid_grant"
    stale = own_portal.issue_authorization_code()
    time.sleep(0.35)  # code_lifetime is 0.3 s in this portal
    expired = grant(own_portal, http, grant_type="authorization_code", code=stale)
    assert expired.status_code == 400
    assert expired.json()["error"] == "invalid_grant"


def test_refresh_rotates_the_refresh_token(own_portal: DemoPortal, http: httpx.Client) -> None:
    first = exchange(own_portal, http)
    renewed = grant(
        own_portal, http, grant_type="refresh_token", refresh_token=first["refresh_token"]
    )
    assert renewed.status_code == 200
    second = renewed.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    old = grant(own_portal, http, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert old.json()["error"] == "invalid_grant"
    rest = Rest(http, second["client_endpoint"], auth=second["access_token"])
    assert rest.ok("user.admin")["result"] is True
    assert own_portal.stats().token_refreshes == 1


def test_bad_client_and_grant_type(own_portal: DemoPortal, http: httpx.Client) -> None:
    code = own_portal.issue_authorization_code()
    wrong_secret = http.get(
        own_portal.oauth_token_url,
        params={
            "grant_type": "authorization_code",
            "client_id": own_portal.oauth_client_id,
            "client_secret": "nope",
            "code": code,
        },
    )
    assert wrong_secret.json()["error"] == "invalid_client"
    no_grant = grant(own_portal, http, code=code)
    assert no_grant.json()["error"] == "invalid_request"


def test_expired_token_then_refresh(own_portal: DemoPortal, http: httpx.Client) -> None:
    answer = exchange(own_portal, http)
    rest = Rest(http, answer["client_endpoint"], auth=answer["access_token"])
    assert rest.ok("profile")
    own_portal.expire_access_tokens()
    assert rest.error("profile") == (
        401,
        "expired_token",
        "The access token provided has expired.",
    )
    renewed = grant(
        own_portal, http, grant_type="refresh_token", refresh_token=answer["refresh_token"]
    ).json()
    assert Rest(http, answer["client_endpoint"], auth=renewed["access_token"]).ok("profile")


def test_token_lifetime_comes_from_the_config(http: httpx.Client) -> None:
    with DemoPortal(DemoPortalConfig(**TINY, token_lifetime=0.2, time_scale=0.01)) as portal:
        answer = exchange(portal, http)
        assert answer["expires_in"] == 0
        time.sleep(0.25)
        status, code, _ = Rest(http, answer["client_endpoint"], auth=answer["access_token"]).error(
            "profile"
        )
    assert (status, code) == (401, "expired_token")


def test_uninstall_kills_every_token(own_portal: DemoPortal, http: httpx.Client) -> None:
    answer = exchange(own_portal, http)
    own_portal.uninstall_oauth_app()
    rest = Rest(http, answer["client_endpoint"], auth=answer["access_token"])
    assert rest.error("profile")[:2] == (401, "invalid_token")
    refresh = grant(
        own_portal, http, grant_type="refresh_token", refresh_token=answer["refresh_token"]
    )
    assert refresh.json()["error"] == "invalid_client"
    assert own_portal.stats().token_refreshes == 0


def test_app_context_methods_serve_the_app(own_portal: DemoPortal, http: httpx.Client) -> None:
    answer = exchange(own_portal, http)
    rest = Rest(http, answer["client_endpoint"], auth=answer["access_token"])
    info = rest.ok("app.info")["result"]
    assert info["CODE"] == own_portal.oauth_client_id
    assert info["STATUS"] == "L"
    assert isinstance(info["ID"], int)
    assert info["INSTALLED"] is True
    assert rest.ok("event.get")["result"] == []
    assert rest.ok("placement.get")["result"] == []
    assert "app.info" in rest.ok("methods")["result"]
    hook = Rest(http, own_portal.webhook_url)
    assert hook.error("app.info")[:2] == (400, "ACCESS_DENIED")
    assert hook.error("event.get")[:2] == (403, "WRONG_AUTH_TYPE")


def test_authorize_page_shows_a_working_code(own_portal: DemoPortal, http: httpx.Client) -> None:
    page = http.get(own_portal.authorize_url(state="xyz"))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    code = re.search(r'<code id="code">([0-9a-f]+)</code>', page.text)
    assert code is not None
    assert 'id="state">xyz<' in page.text
    answer = grant(own_portal, http, grant_type="authorization_code", code=code.group(1))
    assert answer.status_code == 200
    unknown = http.get(own_portal.base_url + "/oauth/authorize/?client_id=local.nope")
    assert unknown.status_code == 400


def test_auth_in_query_string_and_form(own_portal: DemoPortal, http: httpx.Client) -> None:
    answer = exchange(own_portal, http)
    endpoint = answer["client_endpoint"]
    by_query = http.get(endpoint + "user.admin", params={"auth": answer["access_token"]})
    by_form = http.post(endpoint + "user.admin", data={"auth": answer["access_token"]})
    assert by_query.json()["result"] is True
    assert by_form.json()["result"] is True


def test_app_scopes_are_enforced(http: httpx.Client) -> None:
    with DemoPortal(DemoPortalConfig(**TINY, oauth_scopes=("crm",), time_scale=0.01)) as portal:
        answer = exchange(portal, http)
        assert answer["scope"] == "crm"
        rest = Rest(http, answer["client_endpoint"], auth=answer["access_token"])
        status, code, description = rest.error("user.get")
        assert rest.ok("scope")["result"] == ["crm"]
    assert (status, code) == (403, "insufficient_scope")
    assert "access token" in description
