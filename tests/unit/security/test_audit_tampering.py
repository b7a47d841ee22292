"""Tampering with the audit log: each kind is reported at the first broken entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from audit_fakes import (
    SIGNING_KEY,
    fill,
    lines,
    make_log,
    rehash,
    rewrite,
)
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from security_fakes import FixedClock

from privacy_desktop.security.audit import (
    AuditLog,
    AuditLogDamaged,
    verify,
)
from privacy_desktop.security.audit_chain import AuditAction, canonical_json


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def log(tmp_path: Path, clock: FixedClock) -> AuditLog:
    return make_log(tmp_path, clock)


@pytest.fixture
def filled(log: AuditLog, clock: FixedClock) -> AuditLog:
    """Thirteen entries: checkpoints at positions 4, 8 and 12."""
    fill(log, clock, 10)
    assert log.verify().ok
    return log


def edit_details(line: bytes) -> bytes:
    record = json.loads(line)
    record["details"]["records"] = "999"
    return canonical_json(record) + b"\n"


def test_an_edited_entry_is_reported_at_its_position(filled: AuditLog) -> None:
    content = lines(filled.path)
    content[4] = edit_details(content[4])
    rewrite(filled.path, content)
    result = filled.verify()
    assert (result.ok, result.first_broken, result.entries) == (False, 5, 4)
    assert result.reason is not None
    assert result.reason.args == ("5",)
    assert "changed" in result.reason.english()


def test_an_edited_and_rehashed_entry_breaks_the_next_link(filled: AuditLog) -> None:
    content = lines(filled.path)
    record = json.loads(content[4])
    record["actor"] = "someone-else"
    content[4] = rehash(record)
    rewrite(filled.path, content)
    result = filled.verify()
    assert result.first_broken == 6
    assert result.reason is not None
    assert "does not link" in result.reason.english()


def test_a_rewritten_chain_is_caught_by_the_next_checkpoint(filled: AuditLog) -> None:
    """A forger re-hashes every entry after the edit but cannot sign for the key."""
    content = lines(filled.path)
    prev = None
    for index, line in enumerate(content):
        record = json.loads(line)
        if index == 4:
            record["details"]["records"] = "0"
        if prev is not None:
            record["prev"] = prev
        if index >= 4:
            content[index] = rehash(record)
        prev = json.loads(content[index])["hash"]
    rewrite(filled.path, content)
    result = filled.verify()
    assert result.first_broken == 8  # the first checkpoint after the edit
    assert result.reason is not None
    assert "signature" in result.reason.english()


def test_a_deleted_entry_is_reported_where_the_gap_is(filled: AuditLog) -> None:
    content = lines(filled.path)
    del content[2]
    rewrite(filled.path, content)
    result = filled.verify()
    assert result.first_broken == 3
    assert result.reason is not None
    assert result.reason.args == ("3", "4", "3")


def test_an_inserted_entry_is_reported_at_its_position(
    filled: AuditLog, tmp_path: Path, clock: FixedClock
) -> None:
    other = make_log(tmp_path / "other", clock)
    fill(other, clock, 6)
    foreign = lines(other.path)[5]  # seq 6, from another log
    content = lines(filled.path)
    content.insert(5, foreign)
    rewrite(filled.path, content)
    assert filled.verify().first_broken == 6


def test_a_duplicated_entry_is_reported(filled: AuditLog) -> None:
    content = lines(filled.path)
    content.insert(3, content[2])
    rewrite(filled.path, content)
    assert filled.verify().first_broken == 4


def test_reordered_entries_are_reported_at_the_first_moved(filled: AuditLog) -> None:
    content = lines(filled.path)
    content[7], content[8] = content[8], content[7]
    rewrite(filled.path, content)
    result = filled.verify()
    assert result.first_broken == 8
    assert result.reason is not None
    assert "sequence" in result.reason.english()


def test_a_truncated_last_line_is_reported(filled: AuditLog) -> None:
    content = lines(filled.path)
    content[-1] = content[-1][: len(content[-1]) // 2]
    rewrite(filled.path, content)
    result = filled.verify()
    assert (result.ok, result.first_broken, result.entries) == (False, 13, 12)
    assert result.reason is not None
    assert "cut off" in result.reason.english()
    # Appending would bury the damage, so it is refused until the log is set aside.
    with pytest.raises(AuditLogDamaged):
        filled.append(AuditAction.SCAN)
    assert lines(filled.path) == content
    aside = filled.set_aside_damaged()
    assert aside.read_bytes() == b"".join(content)
    restarted = list(filled.entries())
    assert [(e.seq, e.action) for e in restarted] == [
        (1, AuditAction.LOG_RESTARTED),
        (2, AuditAction.CHECKPOINT),
    ]
    assert restarted[0].details == {"previous_file": aside.name, "previous_checkpoint": "12"}
    assert filled.verify().ok


def test_a_garbled_line_is_reported(filled: AuditLog) -> None:
    content = lines(filled.path)
    content[1] = b"{not json\n"
    rewrite(filled.path, content)
    result = filled.verify()
    assert result.first_broken == 2
    assert result.reason is not None
    assert "not a valid" in result.reason.english()


def test_a_forged_checkpoint_signature_is_reported(filled: AuditLog) -> None:
    content = lines(filled.path)
    record = json.loads(content[7])
    assert record["action"] == "checkpoint"
    forger = Ed25519PrivateKey.generate()
    record["sig"] = forger.sign(b"anything").hex()
    content[7] = rehash(record)
    # Keep the chain intact after it, so that only the signature is wrong.
    for index in range(8, len(content)):
        record = json.loads(content[index])
        record["prev"] = json.loads(content[index - 1])["hash"]
        content[index] = rehash(record)
    rewrite(filled.path, content)
    result = filled.verify()
    assert (result.first_broken, result.checkpoints) == (8, 1)


def test_verifying_with_another_key_fails_at_the_first_checkpoint(filled: AuditLog) -> None:
    result = verify(filled.path, Ed25519PrivateKey.generate().public_key())
    assert result.first_broken == 4


def test_entries_cut_off_the_end_are_noticed_through_the_anchor(filled: AuditLog) -> None:
    content = lines(filled.path)
    rewrite(filled.path, content[:-2])  # whole lines: checkpoint 12 and entry 13
    assert verify(filled.path, SIGNING_KEY.public_key()).ok  # the file alone cannot tell
    result = filled.verify()
    assert (result.ok, result.first_broken, result.entries) == (False, 12, 11)
    assert result.reason is not None
    assert result.reason.args == ("11", "12")
    assert "removed" in result.reason.english()


def test_an_older_copy_put_back_is_noticed(filled: AuditLog, clock: FixedClock) -> None:
    older = filled.path.read_bytes()
    fill(filled, clock, 3)  # checkpoint 16 is remembered
    filled.path.write_bytes(older)
    result = filled.verify()
    assert (result.ok, result.first_broken) == (False, 14)


def test_a_log_swapped_for_another_signed_one_is_noticed(
    filled: AuditLog, tmp_path: Path, clock: FixedClock
) -> None:
    twin = make_log(tmp_path / "twin", clock, actor="x")
    fill(twin, clock, 10)
    assert twin.verify().ok
    filled.path.write_bytes(twin.path.read_bytes())
    result = filled.verify()
    assert (result.ok, result.first_broken) == (False, 12)
    assert result.reason is not None
    assert "replaced" in result.reason.english()
