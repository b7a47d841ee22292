"""The audit log's entries and the hash chain that links them.

Each entry carries the SHA-256 of the entry before it (``prev``) and its own ``hash`` over the
canonical JSON (sorted keys, no whitespace, UTF-8) of all its other fields. Changing, removing,
inserting or moving an entry therefore breaks the chain at that place. Anyone able to rewrite
the file could recompute every hash after an edit, so checkpoint entries carry an Ed25519
signature over the chain head with the profile's key, which a file editor does not have.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

#: The ``prev`` of the first entry.
GENESIS = "0" * 64
#: Prefixed to what a checkpoint signs, so the key's signatures cannot be replayed elsewhere.
_SIGNING_CONTEXT = b"privacy-desktop/audit-checkpoint/1\n"
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_HASH = re.compile(r"[0-9a-f]{64}")
FIELDS = frozenset({"seq", "ts", "action", "portal", "actor", "details", "prev", "sig", "hash"})


class AuditAction(StrEnum):
    """What an audit entry records."""

    PORTAL_ADDED = "portal_added"
    PORTAL_REMOVED = "portal_removed"
    PORTAL_CHECKED = "portal_checked"
    SCAN = "scan"
    REVEAL = "reveal"
    EXPORT = "export"
    REVOKE = "revoke"
    SETTINGS_CHANGED = "settings_changed"
    LOCK = "lock"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    TWOFACTOR_ENROLLED = "twofactor_enrolled"
    TWOFACTOR_DISABLED = "twofactor_disabled"
    TWOFACTOR_FAILED = "twofactor_failed"
    TWOFACTOR_TAMPERED = "twofactor_tampered"
    RECOVERY_CODE_USED = "recovery_code_used"
    RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated"
    AUDIT_EXPORTED = "audit_exported"
    LOG_RESTARTED = "log_restarted"
    #: A signed chain head; written by the log itself, never by callers.
    CHECKPOINT = "checkpoint"


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log.

    Attributes:
        seq: 1 for the first entry, then consecutive.
        timestamp: when it was written (UTC).
        action: what happened.
        portal: the portal concerned, if any.
        actor: the operating-system user who did it.
        details: short facts (free of secrets and personal data).
        prev_hash: the previous entry's hash (:data:`GENESIS` for the first).
        hash: SHA-256 over this entry's canonical JSON without ``hash``.
        signature: for a checkpoint, the base16 Ed25519 signature over the entry without
            ``sig`` and ``hash``; None otherwise.
    """

    seq: int
    timestamp: datetime
    action: AuditAction
    portal: str | None
    actor: str
    details: dict[str, str] = field(hash=False)
    prev_hash: str
    hash: str
    signature: str | None = None

    @property
    def is_checkpoint(self) -> bool:
        return self.action is AuditAction.CHECKPOINT

    def to_record(self) -> dict[str, Any]:
        """The entry as stored: a JSON object with the short field names."""
        record = _content(
            self.seq,
            format_timestamp(self.timestamp),
            self.action,
            self.portal,
            self.actor,
            self.details,
            self.prev_hash,
        )
        record["sig"] = self.signature
        record["hash"] = self.hash
        return record


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the bytes that are hashed and signed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def record_hash(record: dict[str, Any]) -> str:
    """The SHA-256 hex digest of a record's canonical JSON without its ``hash`` field."""
    content = {name: value for name, value in record.items() if name != "hash"}
    return hashlib.sha256(canonical_json(content)).hexdigest()


def format_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """Parse a stored timestamp; only the exact form :func:`format_timestamp` writes.

    Raises:
        ValueError: any other form.
    """
    moment = datetime.strptime(text, _TIMESTAMP_FORMAT).replace(tzinfo=UTC)
    if format_timestamp(moment) != text:
        raise ValueError("timestamp not in canonical form")
    return moment


def make_entry(
    *,
    seq: int,
    when: float,
    action: AuditAction,
    portal: str | None,
    actor: str,
    details: dict[str, str],
    prev_hash: str,
    signing_key: Ed25519PrivateKey | None = None,
) -> AuditEntry:
    """Build the next entry; a checkpoint is signed with ``signing_key``.

    Raises:
        ValueError: a checkpoint without a key, or an empty portal name.
    """
    if portal == "":
        raise ValueError("portal must be None or a name")
    timestamp = datetime.fromtimestamp(when, UTC)
    record = _content(seq, format_timestamp(timestamp), action, portal, actor, details, prev_hash)
    signature: str | None = None
    if action is AuditAction.CHECKPOINT:
        if signing_key is None:
            raise ValueError("a checkpoint needs the signing key")
        signature = signing_key.sign(_signed_bytes(record)).hex()
    record["sig"] = signature
    return AuditEntry(
        seq=seq,
        timestamp=parse_timestamp(record["ts"]),
        action=action,
        portal=portal,
        actor=actor,
        details=dict(details),
        prev_hash=prev_hash,
        hash=record_hash(record),
        signature=signature,
    )


def entry_from_record(record: Any) -> AuditEntry:
    """Check a stored record's shape and types and build the entry (hashes are not checked).

    Raises:
        ValueError: a field is missing, extra or of the wrong type or form.
    """
    if not isinstance(record, dict) or set(record) != FIELDS:
        raise ValueError("not an audit record")
    seq, ts, action, portal = record["seq"], record["ts"], record["action"], record["portal"]
    actor, details, prev, sig = record["actor"], record["details"], record["prev"], record["sig"]
    digest = record["hash"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise ValueError("bad sequence number")
    if not isinstance(ts, str) or not isinstance(actor, str) or not isinstance(action, str):
        raise ValueError("bad text field")
    if not (portal is None or (isinstance(portal, str) and portal)):
        raise ValueError("bad portal")
    if not isinstance(details, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in details.items()
    ):
        raise ValueError("bad details")
    for value in (prev, digest):
        if not isinstance(value, str) or not _HASH.fullmatch(value):
            raise ValueError("bad hash")
    if not (sig is None or isinstance(sig, str)):
        raise ValueError("bad signature field")
    return AuditEntry(
        seq=seq,
        timestamp=parse_timestamp(ts),
        action=AuditAction(action),
        portal=portal,
        actor=actor,
        details=dict(details),
        prev_hash=prev,
        hash=digest,
        signature=sig,
    )


def checkpoint_signature_valid(entry: AuditEntry, public_key: Ed25519PublicKey) -> bool:
    """Whether a checkpoint's signature was made by the key ``public_key`` belongs to."""
    if entry.signature is None:
        return False
    try:
        signature = bytes.fromhex(entry.signature)
    except ValueError:
        return False
    record = entry.to_record()
    del record["sig"], record["hash"]
    try:
        public_key.verify(signature, _signed_bytes(record))
    except InvalidSignature:
        return False
    return True


def _content(
    seq: int,
    ts: str,
    action: AuditAction,
    portal: str | None,
    actor: str,
    details: dict[str, str],
    prev_hash: str,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "ts": ts,
        "action": action.value,
        "portal": portal,
        "actor": actor,
        "details": dict(details),
        "prev": prev_hash,
    }


def _signed_bytes(content: dict[str, Any]) -> bytes:
    return _SIGNING_CONTEXT + canonical_json(content)
