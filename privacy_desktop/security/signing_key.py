"""The profile's Ed25519 key that signs audit-log checkpoints.

The private key lives in the secret store (the OS keyring) as PKCS#8 PEM and is made on first
use. The public key is what an auditor needs to re-verify an exported log.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.security.secret_store import SecretStore, SecuritySecret


class SigningKeyUnreadable(PrivacyDesktopError):
    """The stored signing key is not a usable Ed25519 key (it is never silently replaced:
    a new key would make every earlier checkpoint unverifiable)."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "AuditLog",
                QT_TRANSLATE_NOOP(
                    "AuditLog",
                    "The key that signs the audit log cannot be read from the keyring. The "
                    "audit log cannot be extended until the key is restored.",
                ),
            )
        )


def load_or_create_signing_key(secrets: SecretStore) -> Ed25519PrivateKey:
    """The profile's signing key; generated and stored if there is none yet.

    Raises:
        SigningKeyUnreadable: a stored key exists but is not an Ed25519 private key.
    """
    stored = secrets.get_secret(SecuritySecret.AUDIT_SIGNING_KEY)
    if stored is None:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        secrets.set_secret(SecuritySecret.AUDIT_SIGNING_KEY, pem.decode("ascii"))
        return key
    try:
        loaded = serialization.load_pem_private_key(stored.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError) as error:
        raise SigningKeyUnreadable() from error
    if not isinstance(loaded, Ed25519PrivateKey):
        raise SigningKeyUnreadable()
    return loaded


def public_key_pem(key: Ed25519PublicKey) -> str:
    """The public key as SubjectPublicKeyInfo PEM text (for exports and auditors)."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_key(pem: str) -> Ed25519PublicKey:
    """Parse a public key PEM.

    Raises:
        ValueError: not an Ed25519 public key.
    """
    loaded = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(loaded, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return loaded


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """A short SHA-256 fingerprint of the raw public key, to compare keys by eye."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return ":".join(digest[index : index + 4] for index in range(0, 32, 4))
