"""The tamper-evident, append-only audit log of one application profile.

One JSON-lines file per profile: every line an entry of the hash chain (:mod:`audit_chain`).
Appends hold an exclusive lock across processes, write the whole line at once and fsync it;
every ``checkpoint_every`` entries (and on demand) a checkpoint signs the chain head with the
profile's Ed25519 key. Reading streams the file, so a long log never loads at once.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from privacy_desktop.security.audit_anchor import clear_anchor, load_anchor, save_anchor
from privacy_desktop.security.audit_chain import (
    GENESIS,
    AuditAction,
    AuditEntry,
    canonical_json,
    entry_from_record,
    make_entry,
)
from privacy_desktop.security.audit_details import check_details
from privacy_desktop.security.audit_reading import (
    AuditLogDamaged,
    AuditLogError,
    AuditQuery,
    io_failed,
    read_records,
)
from privacy_desktop.security.audit_verify import AuditAnchor, AuditVerification, verify_records
from privacy_desktop.security.file_lock import exclusive_lock
from privacy_desktop.security.secret_store import SecretStore
from privacy_desktop.security.signing_key import load_or_create_signing_key

__all__ = [
    "DEFAULT_CHECKPOINT_EVERY",
    "AuditLog",
    "AuditLogDamaged",
    "AuditLogError",
    "AuditQuery",
    "log_file_name",
    "verify",
]

DEFAULT_CHECKPOINT_EVERY = 100
_SAFE_PROFILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_TAIL_CHUNK = 4096


def log_file_name(profile: str) -> str:
    """``audit-<profile>.jsonl``; a profile name unfit for a file name is hashed instead."""
    if _SAFE_PROFILE.fullmatch(profile):
        return f"audit-{profile}.jsonl"
    return f"audit-{hashlib.sha256(profile.encode('utf-8')).hexdigest()[:16]}.jsonl"


def verify(
    path: Path, public_key: Ed25519PublicKey, anchor: AuditAnchor | None = None
) -> AuditVerification:
    """Verify the log at ``path`` and report its first broken link.

    Args:
        path: the JSON-lines log.
        public_key: the profile's checkpoint-signing public key.
        anchor: the last checkpoint the keyring remembers; without it, entries cut off after
            the last line cannot be noticed.

    Raises:
        AuditLogError: the file cannot be read.
    """
    return verify_records(read_records(path), public_key, anchor)


class AuditLog:
    """The audit log of one profile.

    Args:
        directory: where the log file lives (created with owner-only access).
        profile: the application profile the log belongs to.
        secrets: holds the checkpoint-signing key (made on first use) and the anchor.
        clock: epoch seconds (injected so tests control time).
        actor: the operating-system user recorded on every entry (default: the current one).
        checkpoint_every: ordinary entries between automatic checkpoints.

    Raises:
        SigningKeyUnreadable: the stored signing key is damaged.
    """

    def __init__(
        self,
        directory: Path,
        profile: str,
        secrets: SecretStore,
        *,
        clock: Callable[[], float] = time.time,
        actor: str | None = None,
        checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY,
    ) -> None:
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be positive")
        self.path = directory / log_file_name(profile)
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._secrets = secrets
        self._key = load_or_create_signing_key(secrets)
        self._clock = clock
        self.actor = actor if actor is not None else _current_user()
        self.checkpoint_every = checkpoint_every

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._key.public_key()

    def append(
        self,
        action: AuditAction,
        *,
        portal: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> AuditEntry:
        """Record ``action``; a checkpoint follows every ``checkpoint_every`` entries.

        Raises:
            AuditDetailRefused: a detail looks like a secret or personal data.
            AuditLogDamaged: the last line of the log is incomplete or unreadable.
            AuditLogError: the file cannot be written.
            ValueError: ``action`` is CHECKPOINT (use :meth:`checkpoint`) or portal is "".
        """
        if action is AuditAction.CHECKPOINT:
            raise ValueError("checkpoints are written by checkpoint()")
        checked = check_details(details or {})
        with self._exclusive() as descriptor:
            entry = self._write(descriptor, _read_head(descriptor), action, portal, checked)
            # Checkpoints land on every (N+1)-th position: N ordinary entries between them.
            if (entry.seq + 1) % (self.checkpoint_every + 1) == 0:
                self._write_checkpoint(descriptor, (entry.seq, entry.hash))
        return entry

    def checkpoint(self) -> AuditEntry:
        """Sign the current chain head now (before an export, when locking, on exit).

        Raises:
            AuditLogDamaged, AuditLogError.
        """
        with self._exclusive() as descriptor:
            return self._write_checkpoint(descriptor, _read_head(descriptor))

    def entries(self) -> Iterator[AuditEntry]:
        """Stream the entries; stops quietly before an unreadable line (see :meth:`verify`)."""
        for record in read_records(self.path):
            try:
                yield entry_from_record(record)
            except ValueError:
                return

    def query(self, query: AuditQuery) -> Iterator[AuditEntry]:
        """Stream the entries ``query`` matches, oldest first."""
        return (entry for entry in self.entries() if query.matches(entry))

    def verify(self) -> AuditVerification:
        """Verify this log with this profile's public key and remembered anchor."""
        return verify(self.path, self.public_key, load_anchor(self._secrets))

    def set_aside_damaged(self) -> Path:
        """Rename the log (damaged) and start a new one whose first entry names it.

        Returns:
            The new path of the old log (kept for the auditor, never deleted).

        Raises:
            AuditLogError: the file cannot be renamed or the new log not written.
        """
        with exclusive_lock(self._lock_path):
            stamp = time.strftime("%Y-%m-%dT%H-%M-%SZ", time.gmtime(self._clock()))
            aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}.jsonl")
            anchor = load_anchor(self._secrets)
            try:
                os.replace(self.path, aside)
            except OSError as error:
                raise io_failed(error) from error
            clear_anchor(self._secrets)
        details = {"previous_file": aside.name}
        if anchor is not None:
            details["previous_checkpoint"] = str(anchor.seq)
        self.append(AuditAction.LOG_RESTARTED, details=details)
        self.checkpoint()
        return aside

    @contextmanager
    def _exclusive(self) -> Iterator[int]:
        """Hold the inter-process lock and yield an O_APPEND descriptor of the log."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with exclusive_lock(self._lock_path):
                flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
                descriptor = os.open(self.path, flags, 0o600)
                try:
                    yield descriptor
                finally:
                    os.close(descriptor)
        except OSError as error:
            raise io_failed(error) from error

    def _write_checkpoint(self, descriptor: int, head: tuple[int, str]) -> AuditEntry:
        checkpoint = self._write(descriptor, head, AuditAction.CHECKPOINT, None, {})
        # After the line is durable: a crash in between leaves an older, still valid anchor.
        save_anchor(self._secrets, checkpoint)
        return checkpoint

    def _write(
        self,
        descriptor: int,
        head: tuple[int, str],
        action: AuditAction,
        portal: str | None,
        details: dict[str, str],
    ) -> AuditEntry:
        seq, prev_hash = head
        entry = make_entry(
            seq=seq + 1,
            when=self._clock(),
            action=action,
            portal=portal,
            actor=self.actor,
            details=details,
            prev_hash=prev_hash,
            signing_key=self._key,
        )
        line = canonical_json(entry.to_record()) + b"\n"
        try:
            # One write of the whole line to an O_APPEND file, then fsync: a crash leaves at
            # worst a torn last line, which verify() reports and append() refuses to bury.
            view = memoryview(line)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        except OSError as error:
            raise io_failed(error) from error
        return entry


def _read_head(descriptor: int) -> tuple[int, str]:
    """The last entry's sequence number and hash, read from the end of the file.

    Raises:
        AuditLogDamaged: the last line is incomplete or not a record.
    """
    size = os.lseek(descriptor, 0, os.SEEK_END)
    if size == 0:
        return 0, GENESIS
    tail = b""
    position = size
    while True:
        start = max(position - _TAIL_CHUNK, 0)
        os.lseek(descriptor, start, os.SEEK_SET)
        tail = _read_exactly(descriptor, position - start) + tail
        position = start
        if not tail.endswith(b"\n"):
            raise AuditLogDamaged()
        line_start = tail.rfind(b"\n", 0, len(tail) - 1)
        if line_start >= 0 or position == 0:
            break
    try:
        entry = entry_from_record(json.loads(tail[line_start + 1 :].decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as error:
        raise AuditLogDamaged() from error
    return entry.seq, entry.hash


def _read_exactly(descriptor: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.read(descriptor, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
