"""Where the security core keeps its secrets: a small protocol the OS keyring vault satisfies.

TOTP, the session lock and the audit log never talk to ``keyring`` themselves; they receive a
:class:`SecretStore`. The application passes an adapter over ``security.vault.Vault``; tests
(and a session-only mode that persists nothing) pass :class:`MemorySecretStore`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class SecuritySecret(StrEnum):
    """The secrets of the security core; the values double as the vault's ``SecretKind``."""

    #: The base32 TOTP shared secret.
    TOTP_SECRET = "totp-secret"
    #: The HMAC key protecting the two-step verification state file (rotated on every write).
    TOTP_STATE_KEY = "totp-state-hmac-key"
    #: The Ed25519 private key (PKCS#8 PEM) that signs audit-log checkpoints.
    AUDIT_SIGNING_KEY = "audit-signing-key"
    #: The audit log's last checkpoint (sequence number and hash), to detect a cut-off tail.
    AUDIT_ANCHOR = "audit-anchor"
    #: The random 256-bit key of the encrypted inventory store (hex).
    STORE_KEY = "store-key"


class SecretStore(Protocol):
    """Text secrets by name (bytes are stored as hex, base32 or PEM text)."""

    def get_secret(self, name: SecuritySecret) -> str | None:
        """The secret called ``name``, or None if none is stored."""
        ...

    def set_secret(self, name: SecuritySecret, value: str) -> None:
        """Store or replace the secret called ``name``."""
        ...

    def delete_secret(self, name: SecuritySecret) -> None:
        """Remove the secret called ``name``; a missing one is not an error."""
        ...


class MemorySecretStore:
    """Secrets held in this process only: for tests and a session-only mode."""

    def __init__(self) -> None:
        self._values: dict[SecuritySecret, str] = {}

    def get_secret(self, name: SecuritySecret) -> str | None:
        return self._values.get(name)

    def set_secret(self, name: SecuritySecret, value: str) -> None:
        self._values[name] = value

    def delete_secret(self, name: SecuritySecret) -> None:
        self._values.pop(name, None)

    def __repr__(self) -> str:
        # Never the values.
        return f"MemorySecretStore(names={sorted(self._values)})"
