"""The audit log on disk: appends, checkpoints, queries and locking between processes."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from audit_fakes import (
    SIGNING_KEY,
    SIGNING_KEY_PEM,
    fill,
    lines,
    make_log,
    store_with_key,
)
from security_fakes import FixedClock

from privacy_desktop.security.audit import (
    AuditLog,
    AuditQuery,
    log_file_name,
    verify,
)
from privacy_desktop.security.audit_chain import GENESIS, AuditAction
from privacy_desktop.security.audit_details import AuditDetailRefused


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def log(tmp_path: Path, clock: FixedClock) -> AuditLog:
    return make_log(tmp_path, clock)


def test_entries_are_chained_with_sha256_of_canonical_json(
    log: AuditLog, clock: FixedClock
) -> None:
    first = log.append(AuditAction.PORTAL_ADDED, portal="Офіс", details={"auth_kind": "webhook"})
    clock.advance(1.5)
    second = log.append(AuditAction.UNLOCK)
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    assert first.timestamp == datetime.fromtimestamp(clock.now - 1.5, UTC)
    assert first.actor == "admin"
    stored = [json.loads(line) for line in lines(log.path)]
    assert stored[0]["portal"] == "Офіс"
    for record, entry in zip(stored, (first, second), strict=True):
        content = {key: value for key, value in record.items() if key != "hash"}
        expected = hashlib.sha256(
            json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ).hexdigest()
        assert record["hash"] == expected == entry.hash
    assert list(log.entries()) == [first, second]
    assert stat.S_IMODE(os.stat(log.path).st_mode) == 0o600


def test_checkpoints_follow_every_n_entries_and_on_demand(log: AuditLog, clock: FixedClock) -> None:
    fill(log, clock, 10)
    actions = [entry.action for entry in log.entries()]
    checkpoint_positions = [i + 1 for i, a in enumerate(actions) if a is AuditAction.CHECKPOINT]
    assert checkpoint_positions == [4, 8, 12]
    assert len(actions) == 13
    result = log.verify()
    assert (result.ok, result.entries, result.checkpoints, result.unsigned_tail) == (
        True,
        13,
        3,
        1,
    )
    on_demand = log.checkpoint()
    assert on_demand.seq == 14
    assert on_demand.signature is not None
    assert log.verify().unsigned_tail == 0


def test_an_empty_or_missing_log_verifies(tmp_path: Path) -> None:
    result = verify(tmp_path / "nothing.jsonl", SIGNING_KEY.public_key())
    assert (result.ok, result.entries, result.first_broken, result.reason) == (True, 0, None, None)


def test_details_that_look_sensitive_are_refused_and_nothing_is_written(log: AuditLog) -> None:
    log.append(AuditAction.SCAN)
    before = log.path.read_bytes()
    with pytest.raises(AuditDetailRefused) as refused:
        log.append(AuditAction.REVEAL, details={"subject": "taras@example.com"})
    assert refused.value.key == "subject"
    assert "taras" not in str(refused.value)
    assert log.path.read_bytes() == before


def test_checkpoints_cannot_be_appended_as_ordinary_entries(log: AuditLog) -> None:
    with pytest.raises(ValueError, match="checkpoint"):
        log.append(AuditAction.CHECKPOINT)
    with pytest.raises(ValueError, match="portal"):
        log.append(AuditAction.SCAN, portal="")


def test_query_filters_by_action_portal_and_dates(log: AuditLog, clock: FixedClock) -> None:
    start = datetime.fromtimestamp(clock.now, UTC)
    log.append(AuditAction.PORTAL_ADDED, portal="a")
    clock.advance(3600)
    log.append(AuditAction.SCAN, portal="a")
    clock.advance(3600)
    log.append(AuditAction.SCAN, portal="b")  # seq 3: a checkpoint follows
    clock.advance(3600)
    log.append(AuditAction.EXPORT, portal="b")

    def seqs(query: AuditQuery) -> list[int]:
        return [entry.seq for entry in log.query(query)]

    assert seqs(AuditQuery()) == [1, 2, 3, 5]
    assert seqs(AuditQuery(include_checkpoints=True)) == [1, 2, 3, 4, 5]
    assert seqs(AuditQuery(actions=frozenset({AuditAction.SCAN}))) == [2, 3]
    assert seqs(AuditQuery(portal="b")) == [3, 5]
    hour = timedelta(hours=1)
    assert seqs(AuditQuery(since=start + hour, until=start + 3 * hour)) == [2, 3]
    assert seqs(AuditQuery(actions=frozenset({AuditAction.SCAN}), since=start + 2 * hour)) == [3]


def test_profile_names_become_safe_file_names() -> None:
    assert log_file_name("default") == "audit-default.jsonl"
    unsafe = log_file_name("../Мій профіль")
    assert unsafe.startswith("audit-")
    assert "/" not in unsafe
    assert "Мій" not in unsafe
    assert unsafe != log_file_name("../Мій профіль 2")


_WRITER = """
import sys
from pathlib import Path
from cryptography.hazmat.primitives import serialization
from privacy_desktop.security.audit import AuditLog
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.secret_store import MemorySecretStore, SecuritySecret

store = MemorySecretStore()
store.set_secret(SecuritySecret.AUDIT_SIGNING_KEY, sys.stdin.readline().strip().replace("|", "\\n"))
log = AuditLog(Path(sys.argv[1]), "shared", store, actor=sys.argv[2], checkpoint_every=7)
sys.stdin.readline()  # start together
for index in range(40):
    log.append(AuditAction.SCAN, details={"batch": str(index)})
"""


def test_two_processes_appending_do_not_interleave(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path), name],
            stdin=subprocess.PIPE,
            env=environment,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write(SIGNING_KEY_PEM.replace("\n", "|").encode() + b"\n")
        writer.stdin.flush()
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write(b"go\n")
        writer.stdin.close()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    path = tmp_path / log_file_name("shared")
    result = verify(path, SIGNING_KEY.public_key())
    assert result.ok
    entries = list(AuditLog(tmp_path, "shared", store_with_key()).entries())
    ordinary = [entry for entry in entries if not entry.is_checkpoint]
    assert sorted(entry.actor for entry in ordinary) == ["first"] * 40 + ["second"] * 40
    assert result.entries == len(entries) == 80 + 80 // 7
