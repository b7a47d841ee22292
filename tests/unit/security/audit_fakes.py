"""Helpers of the audit-log tests: a fixed signing key and raw line surgery on log files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from security_fakes import FixedClock

from privacy_desktop.security.audit import AuditLog
from privacy_desktop.security.audit_chain import AuditAction, canonical_json
from privacy_desktop.security.secret_store import MemorySecretStore, SecuritySecret

SIGNING_KEY = Ed25519PrivateKey.generate()
SIGNING_KEY_PEM = SIGNING_KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
).decode("ascii")


def store_with_key() -> MemorySecretStore:
    """A secret store holding :data:`SIGNING_KEY` (so tests can verify with its public key)."""
    store = MemorySecretStore()
    store.set_secret(SecuritySecret.AUDIT_SIGNING_KEY, SIGNING_KEY_PEM)
    return store


def make_log(directory: Path, clock: FixedClock, actor: str = "admin") -> AuditLog:
    """A log with a checkpoint after every three ordinary entries."""
    return AuditLog(
        directory, "default", store_with_key(), clock=clock, actor=actor, checkpoint_every=3
    )


def fill(log: AuditLog, clock: FixedClock, count: int) -> None:
    for index in range(count):
        log.append(AuditAction.SCAN, portal="portal-a", details={"records": str(index)})
        clock.advance(60)


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def rewrite(path: Path, new_lines: list[bytes]) -> None:
    path.write_bytes(b"".join(new_lines))


def rehash(record: dict[str, object]) -> bytes:
    """A record with its hash recomputed, as a forger who knows the format would."""
    content = {key: value for key, value in record.items() if key != "hash"}
    record["hash"] = hashlib.sha256(canonical_json(content)).hexdigest()
    return canonical_json(record) + b"\n"
