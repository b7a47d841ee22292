"""Webhook and portal addresses: every accepted form, every precise refusal."""

from __future__ import annotations

import pytest

from privacy_desktop.portal.errors import InvalidPortalUrl
from privacy_desktop.portal.urls import (
    check_transport_security,
    is_loopback_host,
    normalise_portal_url,
    parse_webhook_url,
)

SECRET = "k3j5h2g7f8d9s0a1"


@pytest.mark.parametrize(
    "url",
    [
        f"https://firm.bitrix24.ua/rest/7/{SECRET}",
        f"https://firm.bitrix24.ua/rest/7/{SECRET}/",
        f"https://firm.bitrix24.ua/rest/7/{SECRET}/profile",
        f"https://firm.bitrix24.ua/rest/7/{SECRET}/profile.json",
        f"https://firm.bitrix24.ua/rest/7/{SECRET}/crm.contact.list.json?x=1#frag",
        f"  https://FIRM.Bitrix24.ua/rest/7/{SECRET}/  ",
        f"firm.bitrix24.ua/rest/7/{SECRET}/",
    ],
)
def test_webhook_forms_are_accepted(url: str) -> None:
    credentials = parse_webhook_url(url)
    assert credentials.rest_base == "https://firm.bitrix24.ua/rest/7/"
    assert credentials.user_id == 7
    assert credentials.secret == SECRET


def test_loopback_http_webhook_keeps_port() -> None:
    credentials = parse_webhook_url(f"http://127.0.0.1:8123/rest/1/{SECRET}/")
    assert credentials.rest_base == "http://127.0.0.1:8123/rest/1/"
    assert credentials.method_url("profile") == f"http://127.0.0.1:8123/rest/1/{SECRET}/profile"


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (f"ftp://firm.bitrix24.ua/rest/1/{SECRET}/", "https://"),
        ("https://firm.bitrix24.ua/", "not an inbound webhook"),
        ("https://firm.bitrix24.ua/crm/contact/list/", "not an inbound webhook"),
        ("https://firm.bitrix24.ua/rest/1/", "incomplete"),
        (f"https://firm.bitrix24.ua/rest/{SECRET}/", "incomplete"),
        (f"https://firm.bitrix24.ua/rest/abc/{SECRET}/", "user's number"),
        (f"https://firm.bitrix24.ua/rest/0/{SECRET}/", "user's number"),
        ("https://firm.bitrix24.ua/rest/1/bad%20secret!/", "secret"),
        ("https://firm.bitrix24.ua/rest/1/ab/", "secret"),
        (f"https://firm.bitrix24.ua/rest/1/{SECRET}/profile/extra/", "unexpected parts"),
        (f"http://firm.bitrix24.ua/rest/1/{SECRET}/", "http://"),
        (f"https://fi rm.ua/rest/1/{SECRET}/", "spaces"),
        (f"https://user:pw@firm.ua/rest/1/{SECRET}/", "user name"),
        (f"https://firm.ua:99999/rest/1/{SECRET}/", "not a valid web address"),
        (f"https://-bad-.ua/rest/1/{SECRET}/", "host name"),
    ],
)
def test_bad_webhook_addresses_say_what_is_wrong(url: str, fragment: str) -> None:
    with pytest.raises(InvalidPortalUrl) as caught:
        parse_webhook_url(url)
    assert fragment in str(caught.value)
    assert caught.value.user_message.context == "PortalError"


def test_refusal_never_repeats_the_secret() -> None:
    with pytest.raises(InvalidPortalUrl) as caught:
        parse_webhook_url(f"http://firm.bitrix24.ua/rest/1/{SECRET}/")
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.args)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("firm.bitrix24.ua", "https://firm.bitrix24.ua"),
        ("https://Firm.Bitrix24.ua/", "https://firm.bitrix24.ua"),
        ("https://firm.bitrix24.ua/crm/deal/", "https://firm.bitrix24.ua"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("https://[::1]:8443", "https://[::1]:8443"),
    ],
)
def test_normalise_portal_url(given: str, expected: str) -> None:
    assert normalise_portal_url(given) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://firm.ua/",
        "http://127.0.0.1/",
        "http://127.8.9.10:81/",
        "http://[::1]:80/",
        "http://localhost:9/",
    ],
)
def test_transport_security_allows_https_and_loopback(url: str) -> None:
    check_transport_security(url)


@pytest.mark.parametrize(
    "url",
    ["http://firm.ua/", "http://10.0.0.1/", "http://128.0.0.1/", "ws://firm.ua/", "file:///x"],
)
def test_transport_security_refuses_plain_http_elsewhere(url: str) -> None:
    with pytest.raises(InvalidPortalUrl):
        check_transport_security(url)


def test_loopback_hosts() -> None:
    assert is_loopback_host("localhost")
    assert is_loopback_host("127.0.0.2")
    assert is_loopback_host("[::1]")
    assert not is_loopback_host("localhost.evil.com")
    assert not is_loopback_host("192.168.1.1")
