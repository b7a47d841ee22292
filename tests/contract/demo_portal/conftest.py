"""A running demo portal and raw HTTP clients: these tests pin down the wire format."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from demo_portal_http import FAST, Rest

from privacy_desktop.demo_portal.server import DemoPortal


@pytest.fixture(scope="module")
def portal() -> Iterator[DemoPortal]:
    with DemoPortal(FAST) as running:
        yield running


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10.0) as client:
        yield client


@pytest.fixture
def hook(portal: DemoPortal, http: httpx.Client) -> Rest:
    """The default webhook (user 1, an administrator)."""
    return Rest(http, portal.webhook_url)


@pytest.fixture
def app(portal: DemoPortal, http: httpx.Client) -> Rest:
    """The installed local application, with a fresh access token."""
    code = portal.issue_authorization_code()
    answer = http.post(
        portal.oauth_token_url,
        data={
            "grant_type": "authorization_code",
            "client_id": portal.oauth_client_id,
            "client_secret": portal.oauth_client_secret,
            "code": code,
        },
    ).json()
    return Rest(http, answer["client_endpoint"], auth=answer["access_token"])
