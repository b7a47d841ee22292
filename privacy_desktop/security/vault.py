"""Secrets in the operating system's keyring, and nowhere else.

Every secret lives under one keyring service name; usernames are namespaced
``<profile>/<portal>/<kind>``. Before any read or write the active backend is checked: the
failing and null backends, a chainer with nothing usable behind it and every ``keyrings.alt``
file backend (plaintext or weakly encrypted) are refused with :class:`KeyringUnavailable`.
There is no plaintext fallback (Vorta's silent fallback and Picard's INI tokens are the
cautionary tales, STYLE.md rule 8).

Keyring calls block (D-Bus, an unlock prompt); the GUI makes them on its vault executor.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.security.secret_store import SecuritySecret

_T = TypeVar("_T")

#: Backend modules that keep secrets in a file under the home directory instead of a
#: keyring the operating system protects.
_FILE_BACKEND_PREFIXES = ("keyrings.alt", "keyrings.cryptfile")


class SecretKind(StrEnum):
    """Which secret of a portal."""

    WEBHOOK_SECRET = "webhook-secret"
    OAUTH_TOKENS = "oauth-tokens"
    OAUTH_CLIENT_SECRET = "oauth-client-secret"


#: The scope of the profile's own secrets (TOTP, audit key, store key). Their kinds
#: (``SecuritySecret`` values) differ from every ``SecretKind``, so even a portal called
#: "/profile" could not collide with them.
PROFILE_SCOPE = "/profile"


class VaultError(PrivacyDesktopError):
    """The keyring refused or failed an operation (no secret is ever part of the message)."""


class KeyringUnavailable(VaultError):
    """There is no secure keyring to keep secrets in; the explanation says how to get one."""

    def __init__(self, backend: str = "") -> None:
        super().__init__(
            UserMessage(
                "Vault",
                QT_TRANSLATE_NOOP(
                    "Vault",
                    "No secure keyring is available, and Privacy Desktop never stores "
                    "secrets in a plain file.\n"
                    "Linux: install and start GNOME Keyring (gnome-keyring) or KWallet and "
                    "unlock it. On a machine without a desktop session, run the program under "
                    "dbus-run-session and unlock gnome-keyring first, for example: "
                    "dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock "
                    "--components=secrets; privacy-desktop'.\n"
                    "macOS: the login Keychain is used; make sure it exists and is unlocked.\n"
                    "Windows: the Windows Credential Manager is used; make sure the "
                    "Credential Manager service is running.\n"
                    "The environment variable PYTHON_KEYRING_BACKEND can select a backend "
                    "explicitly.",
                ),
            ),
            detail=backend,
        )


class KeyringLocked(VaultError):
    """The keyring is locked and was not unlocked."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "Vault",
                QT_TRANSLATE_NOOP(
                    "Vault",
                    "The keyring is locked. Unlock it (log in again or open the "
                    "keyring manager) and retry.",
                ),
            )
        )


#: What failed, per operation (whole sentences, so that each translates as a whole).
_STORE_FAILED = QT_TRANSLATE_NOOP(
    "Vault",
    "The keyring could not store the secret. Retry; if it keeps failing, restart the "
    "keyring service.",
)
_READ_FAILED = QT_TRANSLATE_NOOP(
    "Vault",
    "The keyring could not read the secret. Retry; if it keeps failing, restart the "
    "keyring service.",
)
_DELETE_FAILED = QT_TRANSLATE_NOOP(
    "Vault",
    "The keyring could not delete the secret. Retry; if it keeps failing, restart "
    "the keyring service.",
)


def backend_problem(backend: KeyringBackend) -> str | None:
    """Why ``backend`` may not hold our secrets, or None if it may.

    Returns:
        A short technical reason (for logs), or None for a secure backend.
    """
    if isinstance(backend, fail.Keyring | null.Keyring):
        return f"no usable backend ({type(backend).__module__})"
    module = type(backend).__module__
    if module.startswith(_FILE_BACKEND_PREFIXES):
        return f"file-based backend refused ({module})"
    if isinstance(backend, chainer.ChainerBackend):
        members: list[KeyringBackend] = list(backend.backends)
        if not members:
            return "chainer without backends"
        for member in members:
            # The chainer falls through to the next member when one fails: a file backend
            # anywhere in the chain is a plaintext fallback.
            reason = backend_problem(member)
            if reason is not None:
                return reason
    return None


class Vault:
    """The application's secrets in the OS keyring.

    Args:
        service: the keyring service name every secret is stored under.
        profile: namespaces the usernames, so that test runs or several application
            profiles never see one another's secrets.
    """

    def __init__(self, service: str = "privacy-desktop", profile: str = "default") -> None:
        self.service = service
        self.profile = profile

    @property
    def backend_name(self) -> str:
        """The active keyring backend's display name (for the About/Settings page)."""
        backend = keyring.get_keyring()
        name: Any = getattr(backend, "name", None)
        return name if isinstance(name, str) else type(backend).__qualname__

    def ensure_available(self) -> None:
        """Check that the active backend is a secure keyring.

        Raises:
            KeyringUnavailable: the backend is the failing or null one, an empty chainer, or
                a file-based ``keyrings.alt`` backend.
        """
        backend = keyring.get_keyring()
        reason = backend_problem(backend)
        if reason is not None:
            raise KeyringUnavailable(reason)

    def set_secret(self, portal: str, kind: SecretKind, value: str) -> None:
        """Store (or replace) a secret of ``portal``.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        self._call(
            _STORE_FAILED,
            lambda: keyring.set_password(self.service, self._username(portal, kind), value),
        )

    def get_secret(self, portal: str, kind: SecretKind) -> str | None:
        """The secret of ``portal``, or None if none is stored.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        value: str | None = self._call(
            _READ_FAILED,
            lambda: keyring.get_password(self.service, self._username(portal, kind)),
        )
        return value

    def delete_secret(self, portal: str, kind: SecretKind) -> None:
        """Remove one secret of ``portal``; a missing one is not an error.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        # Backends report "not found" and real failures with the same PasswordDeleteError,
        # so look first and treat an error on an existing entry as a failure.
        if self.get_secret(portal, kind) is None:
            return
        username = self._username(portal, kind)
        self._call(_DELETE_FAILED, partial(keyring.delete_password, self.service, username))

    def delete_portal(self, portal: str) -> None:
        """Remove every secret of ``portal``; missing ones are not an error.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        for kind in SecretKind:
            self.delete_secret(portal, kind)

    def get_profile_secret(self, name: SecuritySecret) -> str | None:
        """A secret of the profile itself (not of a portal), or None.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        username = f"{self.profile}/{PROFILE_SCOPE}/{name.value}"
        value: str | None = self._call(
            _READ_FAILED, lambda: keyring.get_password(self.service, username)
        )
        return value

    def set_profile_secret(self, name: SecuritySecret, value: str) -> None:
        """Store or replace a secret of the profile itself.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        username = f"{self.profile}/{PROFILE_SCOPE}/{name.value}"
        self._call(_STORE_FAILED, lambda: keyring.set_password(self.service, username, value))

    def delete_profile_secret(self, name: SecuritySecret) -> None:
        """Remove a secret of the profile itself; a missing one is not an error.

        Raises:
            KeyringUnavailable, KeyringLocked, VaultError.
        """
        if self.get_profile_secret(name) is None:
            return
        username = f"{self.profile}/{PROFILE_SCOPE}/{name.value}"
        self._call(_DELETE_FAILED, partial(keyring.delete_password, self.service, username))

    def _username(self, portal: str, kind: SecretKind) -> str:
        # Portal names are unique regardless of case, so their secrets are too.
        return f"{self.profile}/{portal.strip().casefold()}/{kind.value}"

    def _call(self, failed: str, operation: Callable[[], _T]) -> _T:
        self.ensure_available()
        try:
            return operation()
        except keyring.errors.KeyringLocked as error:
            raise KeyringLocked() from error
        except keyring.errors.NoKeyringError as error:
            raise KeyringUnavailable(type(error).__name__) from error
        except keyring.errors.InitError as error:
            raise KeyringUnavailable(type(error).__name__) from error
        except VaultError:
            raise
        except Exception as error:
            # D-Bus and Secret Service failures surface as secretstorage/jeepney exceptions
            # that keyring does not wrap; map them all, never let their text through.
            # Only the class name goes into the detail: backends may echo the service,
            # username or even the value they were handed in their messages.
            message = UserMessage("Vault", failed)
            raise VaultError(message, detail=type(error).__name__) from error


class VaultSecretStore:
    """The security core's :class:`SecretStore` over the OS keyring (profile scope).

    Every call blocks on the keyring; the GUI makes them on its vault executor.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get_secret(self, name: SecuritySecret) -> str | None:
        return self._vault.get_profile_secret(name)

    def set_secret(self, name: SecuritySecret, value: str) -> None:
        self._vault.set_profile_secret(name, value)

    def delete_secret(self, name: SecuritySecret) -> None:
        self._vault.delete_profile_secret(name)

    def __repr__(self) -> str:
        return f"VaultSecretStore(service={self._vault.service!r}, profile={self._vault.profile!r})"
