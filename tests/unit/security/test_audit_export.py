"""Audit exports carry the chain, and an auditor can re-verify them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from security_fakes import FixedClock

from privacy_desktop.security.audit import AuditLog
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.audit_export import (
    CSV_COLUMNS,
    export_csv,
    export_json,
    read_csv_export,
    read_json_export,
    verify_export,
)
from privacy_desktop.security.secret_store import MemorySecretStore, SecuritySecret
from privacy_desktop.security.signing_key import (
    SigningKeyUnreadable,
    key_fingerprint,
    load_or_create_signing_key,
    load_public_key,
    public_key_pem,
)


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    clock = FixedClock()
    audit = AuditLog(
        tmp_path / "log",
        "default",
        MemorySecretStore(),
        clock=clock,
        actor="адмін",
        checkpoint_every=4,
    )
    for index in range(9):
        audit.append(
            AuditAction.EXPORT if index % 2 else AuditAction.SCAN,
            portal="Київ" if index % 3 else None,
            details={"records": str(index), "note": "перевірка"},
        )
        clock.advance(10)
    audit.checkpoint()
    return audit


def test_json_export_round_trips_and_verifies(log: AuditLog, tmp_path: Path) -> None:
    destination = tmp_path / "audit.json"
    count = export_json(log.path, destination, log.public_key)
    stored = [json.loads(line) for line in log.path.read_bytes().splitlines()]
    assert count == len(stored) == 12
    public_key, records = read_json_export(destination)
    assert records == stored
    assert key_fingerprint(public_key) == key_fingerprint(log.public_key)
    result = verify_export(destination)
    assert (result.ok, result.entries, result.checkpoints) == (True, 12, 3)


def test_csv_export_round_trips_and_verifies(log: AuditLog, tmp_path: Path) -> None:
    destination = tmp_path / "audit.csv"
    assert export_csv(log.path, destination) == 12
    with destination.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[2][CSV_COLUMNS.index("portal")] == "Київ"
    stored = [json.loads(line) for line in log.path.read_bytes().splitlines()]
    assert list(read_csv_export(destination)) == stored
    assert verify_export(destination, log.public_key).ok
    with pytest.raises(ValueError, match="public key"):
        verify_export(destination)


def test_an_edited_export_is_caught_at_the_edited_row(log: AuditLog, tmp_path: Path) -> None:
    destination = tmp_path / "audit.csv"
    export_csv(log.path, destination)
    with destination.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    rows[6][CSV_COLUMNS.index("actor")] = "хтось інший"  # the sixth entry
    with destination.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)
    result = verify_export(destination, log.public_key)
    assert (result.ok, result.first_broken) == (False, 6)


def test_a_json_export_checked_against_the_real_key(log: AuditLog, tmp_path: Path) -> None:
    """Swapping the embedded key for a forger's does not help when the auditor has the key."""
    destination = tmp_path / "audit.json"
    export_json(log.path, destination, log.public_key)
    document = json.loads(destination.read_text(encoding="utf-8"))
    document["public_key"] = public_key_pem(Ed25519PrivateKey.generate().public_key())
    destination.write_text(json.dumps(document), encoding="utf-8")
    assert not verify_export(destination).ok  # the checkpoints were not signed by that key
    assert verify_export(destination, log.public_key).ok


def test_a_truncated_log_exports_its_damage(log: AuditLog, tmp_path: Path) -> None:
    data = log.path.read_bytes()
    log.path.write_bytes(data[:-20])
    for destination in (tmp_path / "cut.json", tmp_path / "cut.csv"):
        if destination.suffix == ".json":
            export_json(log.path, destination, log.public_key)
        else:
            export_csv(log.path, destination)
        result = verify_export(destination, log.public_key)
        assert (result.ok, result.first_broken) == (False, 12)


def test_the_signing_key_is_created_once_and_kept() -> None:
    store = MemorySecretStore()
    first = load_or_create_signing_key(store)
    pem = store.get_secret(SecuritySecret.AUDIT_SIGNING_KEY)
    assert pem is not None
    assert pem.startswith("-----BEGIN PRIVATE KEY-----")
    again = load_or_create_signing_key(store)
    assert key_fingerprint(again.public_key()) == key_fingerprint(first.public_key())
    assert key_fingerprint(load_public_key(public_key_pem(first.public_key()))) == (
        key_fingerprint(first.public_key())
    )


def test_an_unreadable_signing_key_is_never_replaced() -> None:
    store = MemorySecretStore()
    store.set_secret(SecuritySecret.AUDIT_SIGNING_KEY, "-----BEGIN PRIVATE KEY-----\ngarbage")
    with pytest.raises(SigningKeyUnreadable):
        load_or_create_signing_key(store)
    assert store.get_secret(SecuritySecret.AUDIT_SIGNING_KEY) == (
        "-----BEGIN PRIVATE KEY-----\ngarbage"
    )
