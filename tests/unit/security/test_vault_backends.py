"""Vault: which keyring backends are refused, namespacing, and error mapping.

These tests install their own backends with ``keyring.set_keyring`` and restore the previous
one afterwards; the real Secret Service is exercised in tests/integration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from privacy_desktop.security.vault import (
    KeyringLocked,
    KeyringUnavailable,
    SecretKind,
    Vault,
    VaultError,
)

SECRET = "s3cr3t-webhook-code-4711"


class MemoryKeyring(KeyringBackend):
    """A process-local keyring that keeps what it is given in a dict."""

    # keyring registers every backend subclass and picks the best at start-up; a priority
    # below the fail backend's 0 keeps these doubles from ever being chosen automatically.
    priority = -1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class RaisingKeyring(MemoryKeyring):
    """Fails every operation with the given exception."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


class PlaintextKeyring(MemoryKeyring):
    """Stands for keyrings.alt's file backend (that package is not installed here)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EmptyChainer(chainer.ChainerBackend):
    priority = -1
    backends: ClassVar[tuple[KeyringBackend, ...]] = ()


class ChainerWithFileFallback(chainer.ChainerBackend):
    """A secure backend first, then a file one the chainer would fall back to."""

    priority = -1
    backends: ClassVar[tuple[KeyringBackend, ...]] = (MemoryKeyring(), PlaintextKeyring())


Install = Callable[[KeyringBackend], Any]


@pytest.fixture
def use_backend() -> Iterator[Install]:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.mark.parametrize(
    "backend",
    [
        fail.Keyring(),  # type: ignore[no-untyped-call]
        null.Keyring(),  # type: ignore[no-untyped-call]
        PlaintextKeyring(),
        EmptyChainer(),  # type: ignore[no-untyped-call]
        ChainerWithFileFallback(),  # type: ignore[no-untyped-call]
    ],
    ids=["fail", "null", "keyrings.alt-file", "empty-chainer", "chainer-with-file"],
)
def test_insecure_backends_are_refused_for_every_operation(
    use_backend: Install, backend: KeyringBackend
) -> None:
    use_backend(backend)
    vault = Vault("privacy-desktop-unit")

    with pytest.raises(KeyringUnavailable):
        vault.ensure_available()
    with pytest.raises(KeyringUnavailable):
        vault.set_secret("Main", SecretKind.WEBHOOK_SECRET, SECRET)
    with pytest.raises(KeyringUnavailable):
        vault.get_secret("Main", SecretKind.WEBHOOK_SECRET)
    with pytest.raises(KeyringUnavailable):
        vault.delete_portal("Main")
    if isinstance(backend, MemoryKeyring):
        assert backend.entries == {}  # nothing was written as a fallback


def test_the_explanation_says_how_to_get_a_keyring(use_backend: Install) -> None:
    use_backend(fail.Keyring())  # type: ignore[no-untyped-call]

    with pytest.raises(KeyringUnavailable) as caught:
        Vault().ensure_available()

    text = caught.value.user_message.english()
    assert caught.value.user_message.context == "Vault"
    for hint in (
        "gnome-keyring",
        "KWallet",
        "dbus-run-session",
        "Keychain",
        "Credential Manager",
        "PYTHON_KEYRING_BACKEND",
    ):
        assert hint in text


def test_secrets_are_namespaced_by_profile_portal_and_kind(use_backend: Install) -> None:
    memory = use_backend(MemoryKeyring())
    vault = Vault("svc", profile="work")

    vault.set_secret("Main", SecretKind.WEBHOOK_SECRET, SECRET)
    vault.set_secret("Main", SecretKind.OAUTH_TOKENS, "{}")

    assert memory.entries == {
        ("svc", "work/main/webhook-secret"): SECRET,
        ("svc", "work/main/oauth-tokens"): "{}",
    }
    assert vault.get_secret("MAIN", SecretKind.WEBHOOK_SECRET) == SECRET
    assert Vault("svc", profile="home").get_secret("Main", SecretKind.WEBHOOK_SECRET) is None
    assert vault.backend_name


def test_delete_portal_removes_every_kind_and_tolerates_missing_ones(
    use_backend: Install,
) -> None:
    memory = use_backend(MemoryKeyring())
    vault = Vault("svc")
    vault.set_secret("Main", SecretKind.OAUTH_TOKENS, "{}")
    vault.set_secret("Main", SecretKind.OAUTH_CLIENT_SECRET, SECRET)
    vault.set_secret("Other", SecretKind.WEBHOOK_SECRET, SECRET)

    vault.delete_portal("Main")
    vault.delete_portal("Main")

    assert memory.entries == {("svc", "default/other/webhook-secret"): SECRET}


def test_a_locked_keyring_is_reported_as_locked(use_backend: Install) -> None:
    use_backend(RaisingKeyring(keyring.errors.KeyringLocked("locked")))

    with pytest.raises(KeyringLocked):
        Vault("svc").get_secret("Main", SecretKind.WEBHOOK_SECRET)


def test_backend_failures_never_carry_the_secret(use_backend: Install) -> None:
    use_backend(RaisingKeyring(RuntimeError(f"D-Bus said no to storing {SECRET}")))

    with pytest.raises(VaultError) as caught:
        Vault("svc").set_secret("Main", SecretKind.WEBHOOK_SECRET, SECRET)

    assert not isinstance(caught.value, KeyringUnavailable)
    assert SECRET not in str(caught.value)
    assert SECRET not in caught.value.detail
    assert "could not store" in caught.value.user_message.english()


def test_init_errors_mean_no_keyring(use_backend: Install) -> None:
    use_backend(RaisingKeyring(keyring.errors.InitError("no D-Bus")))

    with pytest.raises(KeyringUnavailable):
        Vault("svc").get_secret("Main", SecretKind.OAUTH_TOKENS)
