"""The profile's own secrets in the real Secret Service, and the SecretStore adapter over them.

The security core (TOTP, audit signing key, anchor, store key) reaches the keyring only
through ``VaultSecretStore``; these tests check that it round-trips, stays apart from portal
secrets and other profiles, and refuses a non-secure backend like every vault call.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from privacy_desktop.security.secret_store import SecuritySecret
from privacy_desktop.security.vault import (
    PROFILE_SCOPE,
    KeyringUnavailable,
    SecretKind,
    Vault,
    VaultSecretStore,
)

pytestmark = pytest.mark.keyring


@pytest.fixture
def vault(keyring_service: str) -> Iterator[Vault]:
    vault = Vault(keyring_service, profile="itest")
    yield vault
    for name in SecuritySecret:
        vault.delete_profile_secret(name)
    vault.delete_portal(PROFILE_SCOPE)


def test_profile_secrets_round_trip_and_are_deleted(vault: Vault) -> None:
    store = VaultSecretStore(vault)
    for name in SecuritySecret:
        assert store.get_secret(name) is None

    store.set_secret(SecuritySecret.TOTP_SECRET, "JBSWY3DPEHPK3PXP")
    store.set_secret(SecuritySecret.STORE_KEY, "ab" * 32)
    store.set_secret(SecuritySecret.TOTP_SECRET, "KRSXG5CTMVRXEZLU")  # replaced

    assert store.get_secret(SecuritySecret.TOTP_SECRET) == "KRSXG5CTMVRXEZLU"
    assert vault.get_profile_secret(SecuritySecret.STORE_KEY) == "ab" * 32
    store.delete_secret(SecuritySecret.TOTP_SECRET)
    store.delete_secret(SecuritySecret.TOTP_SECRET)  # a missing secret is not an error
    assert store.get_secret(SecuritySecret.TOTP_SECRET) is None
    assert store.get_secret(SecuritySecret.STORE_KEY) == "ab" * 32


def test_profile_secrets_are_namespaced(vault: Vault) -> None:
    vault.set_profile_secret(SecuritySecret.AUDIT_ANCHOR, '{"seq": 3}')

    username = f"itest/{PROFILE_SCOPE}/{SecuritySecret.AUDIT_ANCHOR.value}"
    assert keyring.get_password(vault.service, username) == '{"seq": 3}'
    other_profile = Vault(vault.service, profile="another")
    assert other_profile.get_profile_secret(SecuritySecret.AUDIT_ANCHOR) is None


def test_a_portal_named_like_the_profile_scope_cannot_collide(vault: Vault) -> None:
    vault.set_profile_secret(SecuritySecret.TOTP_SECRET, "profile-value")
    vault.set_secret(PROFILE_SCOPE, SecretKind.WEBHOOK_SECRET, "portal-value")

    vault.delete_portal(PROFILE_SCOPE)

    assert vault.get_profile_secret(SecuritySecret.TOTP_SECRET) == "profile-value"


def test_the_adapter_refuses_a_non_secure_backend(vault: Vault) -> None:
    store = VaultSecretStore(vault)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        with pytest.raises(KeyringUnavailable):
            store.set_secret(SecuritySecret.TOTP_SECRET, "never-stored")
        with pytest.raises(KeyringUnavailable):
            store.get_secret(SecuritySecret.TOTP_SECRET)
    finally:
        keyring.set_keyring(previous)

    assert store.get_secret(SecuritySecret.TOTP_SECRET) is None
    assert "never-stored" not in repr(store)
