"""PortalService against a real demo portal (HTTP on 127.0.0.1) and the real Secret Service."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import AuthKind, Plan, PortalLimits
from privacy_desktop.paths import AppPaths
from privacy_desktop.portal.errors import (
    AuthenticationFailed,
    InvalidPortalUrl,
    PortalUnreachable,
)
from privacy_desktop.security.vault import SecretKind, Vault
from privacy_desktop.services.portals import (
    InvalidPortalName,
    PortalNameTaken,
    PortalNotFound,
    PortalSecretMissing,
    PortalService,
)
from privacy_desktop.settings import SettingsStore, SettingsUnwritable

pytestmark = pytest.mark.keyring

SMALL = DemoPortalConfig(users=6, contacts=12, leads=4, companies=3, deals=3, time_scale=0.001)
NAMES = ("Demo", "OAuth demo", "Other")


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoPortal]:
    with DemoPortal(SMALL) as portal:
        yield portal


@pytest.fixture
def fresh_demo() -> Iterator[DemoPortal]:
    """A portal of its own, for tests that expire tokens or uninstall the application."""
    with DemoPortal(SMALL) as portal:
        yield portal


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    paths = AppPaths.from_base(data_dir)
    paths.ensure()
    return paths


@pytest.fixture
def vault(keyring_service: str) -> Iterator[Vault]:
    vault = Vault(keyring_service, profile="service-test")
    yield vault
    for name in NAMES:
        vault.delete_portal(name)


@pytest.fixture
def service(paths: AppPaths, vault: Vault) -> PortalService:
    return PortalService(SettingsStore(paths.settings_file), vault, timeout=10.0)


def files_under(base: Path) -> list[Path]:
    return [path for path in base.rglob("*") if path.is_file()]


def assert_nothing_stored(service: PortalService, vault: Vault, name: str) -> None:
    assert service.list_portals() == []
    for kind in SecretKind:
        assert vault.get_secret(name, kind) is None


def webhook_secret(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_add_by_webhook_checks_stores_and_lists(
    service: PortalService, vault: Vault, demo: DemoPortal, data_dir: Path
) -> None:
    info = service.add_webhook("  Demo ", demo.webhook_url, Plan.ENTERPRISE)

    assert set(info.scopes) >= {"crm", "user"}
    assert info.user_id == 1
    assert info.is_admin
    assert info.user_name
    [profile] = service.list_portals()
    assert profile.name == "Demo"
    assert profile.auth_kind is AuthKind.WEBHOOK
    assert profile.plan is Plan.ENTERPRISE
    assert profile.limits == PortalLimits.for_plan(Plan.ENTERPRISE)
    assert profile.user_id == 1
    assert profile.rest_base == f"{demo.base_url}/rest/1/"
    assert vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) == webhook_secret(demo.webhook_url)
    settings = SettingsStore(AppPaths.from_base(data_dir).settings_file).load()
    assert settings.active_portal == "Demo"  # the first portal becomes the active one


def test_the_webhook_secret_is_in_no_file_under_the_data_dir(
    service: PortalService, demo: DemoPortal, data_dir: Path
) -> None:
    service.add_webhook("Demo", demo.webhook_url)
    service.check("Demo")
    secret = webhook_secret(demo.webhook_url).encode()

    files = files_under(data_dir)

    assert files  # the settings file at least
    for path in files:
        assert secret not in path.read_bytes(), path


def test_check_uses_the_stored_credential(service: PortalService, demo: DemoPortal) -> None:
    service.add_webhook("Demo", demo.webhook_url)

    info = service.check("DEMO")

    assert info.user_id == 1
    assert "crm" in info.scopes
    with service.open_client("demo") as client:
        assert client.rest_base == f"{demo.base_url}/rest/1/"


def test_a_wrong_secret_is_refused_and_nothing_is_stored(
    service: PortalService, vault: Vault, demo: DemoPortal, paths: AppPaths
) -> None:
    wrong = demo.webhook_url.replace(webhook_secret(demo.webhook_url), "wrongsecret123")

    with pytest.raises(AuthenticationFailed) as caught:
        service.add_webhook("Demo", wrong)

    assert "wrongsecret123" not in str(caught.value)
    assert_nothing_stored(service, vault, "Demo")
    assert not paths.settings_file.exists()


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "https://example.bitrix24.ua/",
        "https://example.bitrix24.ua/rest/x/abc/",
        "http://example.bitrix24.ua/rest/1/abcdef123/",
    ],
)
def test_a_malformed_address_is_explained_and_nothing_is_stored(
    service: PortalService, vault: Vault, url: str
) -> None:
    with pytest.raises(InvalidPortalUrl) as caught:
        service.add_webhook("Demo", url)

    assert caught.value.user_message.english()
    assert_nothing_stored(service, vault, "Demo")


def test_an_unreachable_portal_stores_nothing(service: PortalService, vault: Vault) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the request: refused

    with pytest.raises(PortalUnreachable):
        service.add_webhook("Demo", f"http://127.0.0.1:{port}/rest/1/abcdef123456/")

    assert_nothing_stored(service, vault, "Demo")


@pytest.mark.parametrize("name", ["", "   ", "x" * 65, "tab\tname"])
def test_invalid_names_are_refused(service: PortalService, demo: DemoPortal, name: str) -> None:
    with pytest.raises(InvalidPortalName):
        service.add_webhook(name, demo.webhook_url)

    assert service.list_portals() == []


def test_names_are_unique_ignoring_case_unless_replacing(
    service: PortalService, vault: Vault, demo: DemoPortal
) -> None:
    service.add_webhook("Demo", demo.webhook_url)
    other_url = demo.add_webhook(2, ["crm", "user"])

    with pytest.raises(PortalNameTaken):
        service.add_webhook("DEMO", other_url)
    service.add_webhook("DEMO", other_url, replace=True)

    [profile] = service.list_portals()
    assert profile.name == "DEMO"
    assert profile.user_id == 2
    assert vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) == webhook_secret(other_url)


def test_remove_deletes_the_profile_and_every_secret(
    service: PortalService, vault: Vault, demo: DemoPortal
) -> None:
    service.add_webhook("Demo", demo.webhook_url)
    service.add_webhook("Other", demo.webhook_url)

    service.remove("demo")

    assert [p.name for p in service.list_portals()] == ["Other"]
    assert vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) is None
    assert vault.get_secret("Other", SecretKind.WEBHOOK_SECRET) is not None
    with pytest.raises(PortalNotFound):
        service.remove("Demo")
    with pytest.raises(PortalNotFound):
        service.check("Demo")


def test_a_secret_deleted_outside_the_app_is_reported(
    service: PortalService, vault: Vault, demo: DemoPortal
) -> None:
    service.add_webhook("Demo", demo.webhook_url)
    vault.delete_portal("Demo")

    with pytest.raises(PortalSecretMissing):
        service.check("Demo")


def test_add_by_oauth_stores_tokens_and_client_secret(
    service: PortalService, vault: Vault, fresh_demo: DemoPortal
) -> None:
    demo = fresh_demo
    url = service.oauth_authorize_url(demo.base_url, demo.oauth_client_id, "state-1")
    assert url.startswith(f"{demo.base_url}/oauth/authorize/?")
    assert "state=state-1" in url

    info = service.add_oauth(
        "OAuth demo",
        demo.base_url,
        demo.oauth_client_id,
        demo.oauth_client_secret,
        demo.issue_authorization_code(),
        token_url=demo.oauth_token_url,
    )

    assert info.user_id == 1
    assert "crm" in info.scopes
    [profile] = service.list_portals()
    assert profile.auth_kind is AuthKind.OAUTH
    assert profile.client_id == demo.oauth_client_id
    assert profile.oauth_server == demo.oauth_token_url
    assert profile.rest_base == f"{demo.base_url}/rest/"
    assert vault.get_secret("OAuth demo", SecretKind.OAUTH_CLIENT_SECRET) == (
        demo.oauth_client_secret
    )
    stored = json.loads(vault.get_secret("OAuth demo", SecretKind.OAUTH_TOKENS) or "{}")
    assert stored["access_token"]
    assert stored["refresh_token"]


def test_rotated_oauth_tokens_go_straight_back_to_the_keyring(
    service: PortalService, vault: Vault, fresh_demo: DemoPortal
) -> None:
    demo = fresh_demo
    service.add_oauth(
        "OAuth demo",
        demo.base_url,
        demo.oauth_client_id,
        demo.oauth_client_secret,
        demo.issue_authorization_code(),
        token_url=demo.oauth_token_url,
    )
    before = json.loads(vault.get_secret("OAuth demo", SecretKind.OAUTH_TOKENS) or "{}")

    demo.expire_access_tokens()
    service.check("OAuth demo")  # refreshes once, then succeeds

    after = json.loads(vault.get_secret("OAuth demo", SecretKind.OAUTH_TOKENS) or "{}")
    assert after["refresh_token"] != before["refresh_token"]
    assert after["access_token"] != before["access_token"]
    service.check("OAuth demo")  # the stored pair is the live one


def test_a_bad_authorization_code_stores_nothing(
    service: PortalService, vault: Vault, demo: DemoPortal
) -> None:
    with pytest.raises(AuthenticationFailed):
        service.add_oauth(
            "OAuth demo",
            demo.base_url,
            demo.oauth_client_id,
            demo.oauth_client_secret,
            "not-a-code",
            token_url=demo.oauth_token_url,
        )

    assert_nothing_stored(service, vault, "OAuth demo")


def test_replacing_oauth_by_a_webhook_drops_the_oauth_secrets(
    service: PortalService, vault: Vault, fresh_demo: DemoPortal
) -> None:
    demo = fresh_demo
    service.add_oauth(
        "Demo",
        demo.base_url,
        demo.oauth_client_id,
        demo.oauth_client_secret,
        demo.issue_authorization_code(),
        token_url=demo.oauth_token_url,
    )

    service.add_webhook("Demo", demo.webhook_url, replace=True)

    assert vault.get_secret("Demo", SecretKind.OAUTH_TOKENS) is None
    assert vault.get_secret("Demo", SecretKind.OAUTH_CLIENT_SECRET) is None
    assert vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) is not None
    assert service.check("Demo").user_id == 1


def test_a_failed_settings_write_rolls_the_keyring_back(
    service: PortalService, vault: Vault, demo: DemoPortal, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.add_webhook("Demo", demo.webhook_url)
    first_secret = vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET)
    other_url = demo.add_webhook(2, ["crm", "user"])

    def disk_full(self: SettingsStore, payload: bytes) -> None:
        raise SettingsUnwritable(self.path, "OSError")

    monkeypatch.setattr(SettingsStore, "_write_atomically", disk_full)
    with pytest.raises(SettingsUnwritable):
        service.add_webhook("Demo", other_url, replace=True)
    with pytest.raises(SettingsUnwritable):
        service.add_webhook("Other", other_url)
    monkeypatch.undo()

    assert vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) == first_secret
    assert vault.get_secret("Other", SecretKind.WEBHOOK_SECRET) is None
    [profile] = service.list_portals()
    assert profile.user_id == 1
    assert service.check("Demo").user_id == 1
