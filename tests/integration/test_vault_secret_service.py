"""The vault against a real Secret Service (gnome-keyring under dbus-run-session).

Each test uses its own keyring service name (the ``keyring_service`` fixture, which fails
when no Secret Service is reachable) and deletes what it stored.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from privacy_desktop.security.vault import KeyringUnavailable, SecretKind, Vault

pytestmark = pytest.mark.keyring

PORTALS = ("Main", "Резервний портал", "other")


@pytest.fixture
def vault(keyring_service: str) -> Iterator[Vault]:
    vault = Vault(keyring_service, profile="itest")
    yield vault
    for portal in PORTALS:
        vault.delete_portal(portal)


def test_the_secret_service_is_accepted(vault: Vault) -> None:
    vault.ensure_available()

    assert "SecretService" in vault.backend_name


def test_secrets_round_trip_and_are_deleted(vault: Vault) -> None:
    tokens = '{"access_token": "тест-токен", "refresh_token": "r"}'
    vault.set_secret("Резервний портал", SecretKind.OAUTH_TOKENS, tokens)
    vault.set_secret("Резервний портал", SecretKind.OAUTH_CLIENT_SECRET, "client-secret-1")
    vault.set_secret("other", SecretKind.WEBHOOK_SECRET, "webhook-secret-1")

    assert vault.get_secret("резервний портал", SecretKind.OAUTH_TOKENS) == tokens
    assert vault.get_secret("Резервний портал", SecretKind.WEBHOOK_SECRET) is None

    vault.set_secret("Резервний портал", SecretKind.OAUTH_TOKENS, "rotated")
    assert vault.get_secret("Резервний портал", SecretKind.OAUTH_TOKENS) == "rotated"

    vault.delete_portal("Резервний портал")

    for kind in SecretKind:
        assert vault.get_secret("Резервний портал", kind) is None
    assert vault.get_secret("other", SecretKind.WEBHOOK_SECRET) == "webhook-secret-1"


def test_entries_use_the_service_and_namespaced_usernames(vault: Vault) -> None:
    vault.set_secret("Main", SecretKind.WEBHOOK_SECRET, "abc123")

    stored = keyring.get_password(vault.service, "itest/main/webhook-secret")

    assert stored == "abc123"
    assert (
        Vault(vault.service, profile="another").get_secret("Main", SecretKind.WEBHOOK_SECRET)
        is None
    )


def test_the_fail_backend_is_refused_and_nothing_falls_back(vault: Vault) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        with pytest.raises(KeyringUnavailable):
            vault.ensure_available()
        with pytest.raises(KeyringUnavailable):
            vault.set_secret("Main", SecretKind.WEBHOOK_SECRET, "never-stored")
    finally:
        keyring.set_keyring(previous)

    assert vault.get_secret("Main", SecretKind.WEBHOOK_SECRET) is None
