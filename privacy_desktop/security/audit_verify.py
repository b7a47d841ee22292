"""Checking an audit chain and naming the first place it is broken.

The verifier walks the entries in order and stops at the first one that fails: a line that is
not a complete record (truncated or garbled), a hash that does not match the entry's content
(edited), a sequence number out of order (deleted, inserted or moved entries), a ``prev`` that
is not the previous entry's hash (an entry before it rewritten), or a checkpoint whose signature
does not verify (the chain rewritten and re-hashed, or the checkpoint forged).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.security.audit_chain import (
    GENESIS,
    AuditAction,
    checkpoint_signature_valid,
    entry_from_record,
    record_hash,
)

_CONTEXT = "AuditLog"


class LineDefect(Enum):
    """A line that could not even be parsed."""

    TRUNCATED = "truncated"  # the last line has no line end: a write was cut short
    NOT_JSON = "not-json"


@dataclass(frozen=True)
class AuditVerification:
    """The outcome of verifying a log.

    Attributes:
        ok: the whole chain is intact and every checkpoint signature verifies.
        entries: entries verified intact (those before the first broken one).
        first_broken: the 1-based position of the first broken entry, or None.
        reason: what is wrong there (untranslated), or None.
        checkpoints: signed checkpoints verified.
        unsigned_tail: intact entries after the last checkpoint: the hash chain protects
            them against careless edits, but only the next checkpoint will sign them.
    """

    ok: bool
    entries: int
    first_broken: int | None
    reason: UserMessage | None
    checkpoints: int = 0
    unsigned_tail: int = 0


_TRUNCATED = QT_TRANSLATE_NOOP(
    "AuditLog", "Entry %1 is incomplete: the log was cut off in the middle of a line."
)
_MALFORMED = QT_TRANSLATE_NOOP("AuditLog", "Entry %1 is not a valid audit record.")
_EDITED = QT_TRANSLATE_NOOP(
    "AuditLog", "Entry %1 was changed after it was written: its hash does not match its content."
)
_OUT_OF_ORDER = QT_TRANSLATE_NOOP(
    "AuditLog",
    "Entry %1 is out of sequence (number %2 found where %3 was expected): entries were "
    "deleted, inserted or moved.",
)
_UNLINKED = QT_TRANSLATE_NOOP(
    "AuditLog",
    "Entry %1 does not link to the entry before it: an earlier entry was changed or replaced.",
)
_FORGED = QT_TRANSLATE_NOOP(
    "AuditLog",
    "The signature of checkpoint %1 is not valid: the log was rewritten or the checkpoint forged.",
)
_UNSIGNED = QT_TRANSLATE_NOOP(
    "AuditLog", "Entry %1 carries a signature although it is not a checkpoint."
)


@dataclass(frozen=True)
class AuditAnchor:
    """The last signed checkpoint, remembered outside the log file (in the keyring).

    A log cut short after its last line, or replaced by an older copy, is still a valid
    chain; only a record kept elsewhere of how far it had reached shows what is missing.

    Attributes:
        seq: the checkpoint's sequence number.
        hash: the checkpoint's hash.
    """

    seq: int
    hash: str


_NOT_ANCHORED = QT_TRANSLATE_NOOP(
    "AuditLog",
    "Entry %1 is not the checkpoint that was recorded in the keyring: the log was replaced.",
)
_CUT_SHORT = QT_TRANSLATE_NOOP(
    "AuditLog",
    "The log ends after entry %1, but checkpoint %2 was written: entries at the end were "
    "removed, or an older copy of the log was put back.",
)


def verify_records(
    records: Iterable[Any],
    public_key: Ed25519PublicKey,
    anchor: AuditAnchor | None = None,
) -> AuditVerification:
    """Verify a chain given as parsed records (or :class:`LineDefect` markers), in order.

    Args:
        records: one item per entry: the parsed JSON object, or the defect of its line.
        public_key: the profile's checkpoint-signing public key.
        anchor: the last checkpoint known to have been written; the chain must reach it.
    """
    expected_prev = GENESIS
    checkpoints = 0
    since_checkpoint = 0
    position = 0

    def broken(at: int, problem: UserMessage) -> AuditVerification:
        return AuditVerification(
            ok=False,
            entries=at - 1,
            first_broken=at,
            reason=problem,
            checkpoints=checkpoints,
            unsigned_tail=since_checkpoint,
        )

    for position, record in enumerate(records, start=1):
        problem = _problem(position, record, expected_prev, public_key)
        if problem is None and anchor is not None and _misses(anchor, position, record):
            problem = UserMessage(_CONTEXT, _NOT_ANCHORED, (str(position),))
        if problem is not None:
            return broken(position, problem)
        expected_prev = record["hash"]
        if record["action"] == AuditAction.CHECKPOINT.value:
            checkpoints += 1
            since_checkpoint = 0
        else:
            since_checkpoint += 1
    if anchor is not None and position < anchor.seq:
        cut = UserMessage(_CONTEXT, _CUT_SHORT, (str(position), str(anchor.seq)))
        return broken(position + 1, cut)
    return AuditVerification(
        ok=True,
        entries=position,
        first_broken=None,
        reason=None,
        checkpoints=checkpoints,
        unsigned_tail=since_checkpoint,
    )


def _misses(anchor: AuditAnchor, position: int, record: Any) -> bool:
    return position == anchor.seq and record["hash"] != anchor.hash


def _problem(
    position: int, record: Any, expected_prev: str, public_key: Ed25519PublicKey
) -> UserMessage | None:
    where = str(position)
    if record is LineDefect.TRUNCATED:
        return UserMessage(_CONTEXT, _TRUNCATED, (where,))
    try:
        entry = entry_from_record(record)
    except ValueError:
        return UserMessage(_CONTEXT, _MALFORMED, (where,))
    # Content first, so an edited entry is named as edited rather than as a broken link.
    if record_hash(record) != entry.hash:
        return UserMessage(_CONTEXT, _EDITED, (where,))
    if entry.seq != position:
        return UserMessage(_CONTEXT, _OUT_OF_ORDER, (where, str(entry.seq), where))
    if entry.prev_hash != expected_prev:
        return UserMessage(_CONTEXT, _UNLINKED, (where,))
    if entry.is_checkpoint:
        if not checkpoint_signature_valid(entry, public_key):
            return UserMessage(_CONTEXT, _FORGED, (where,))
    elif entry.signature is not None:
        return UserMessage(_CONTEXT, _UNSIGNED, (where,))
    return None
