"""The profile's audit log as the services use it: opened lazily, recorded into safely.

:class:`AuditTrail` wraps ``security.audit.AuditLog``. The log's constructor reads the signing
key from the keyring, so it is made on first use (on a worker), never while the application
context is built. Reading, verifying and exporting stream the file.

Failed writes: when an entry records something that has already happened (a code was
checked, a portal added), undoing the action would be worse than a gap in the log, so
:meth:`AuditTrail.record_safely` keeps the failure in :attr:`AuditTrail.problem` for the GUI to
show and logs it (class name and redacted detail only) instead of raising. :meth:`record`,
called directly, raises.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.security.audit import AuditLog, AuditQuery
from privacy_desktop.security.audit_chain import AuditAction, AuditEntry
from privacy_desktop.security.audit_export import export_csv, export_json
from privacy_desktop.security.audit_verify import AuditVerification
from privacy_desktop.security.signing_key import key_fingerprint
from privacy_desktop.services.security_errors import AuditExportFailed

log = logging.getLogger(__name__)

DEFAULT_AUDIT_LIMIT = 5000
EXPORT_FORMATS = ("csv", "json")


class AuditTrail:
    """The audit log of one profile, opened on first use.

    Args:
        open_log: makes the :class:`AuditLog` (reads the signing key from the keyring).
    """

    def __init__(self, open_log: Callable[[], AuditLog]) -> None:
        self._open_log = open_log
        self._log: AuditLog | None = None
        self._guard = threading.Lock()
        self._since_checkpoint = 0
        #: The last failed write of :meth:`record_safely` (None after a successful one).
        self.problem: PrivacyDesktopError | None = None

    def record(
        self,
        action: AuditAction,
        *,
        portal: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> None:
        """Append an entry (blocking).

        Raises:
            AuditDetailRefused, AuditLogDamaged, AuditLogError, SigningKeyUnreadable,
            VaultError.
        """
        self.log().append(action, portal=portal, details=details)
        with self._guard:
            self._since_checkpoint += 1
        self.problem = None

    def record_safely(
        self,
        action: AuditAction,
        portal: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> bool:
        """Append an entry; a failure is kept in :attr:`problem` and logged, not raised.

        Returns:
            Whether the entry was written.
        """
        try:
            self.record(action, portal=portal, details=details)
        except PrivacyDesktopError as error:
            self._failed(action, error)
            return False
        return True

    def checkpoint(self) -> None:
        """Sign the log's head now.

        Raises:
            AuditLogDamaged, AuditLogError, VaultError.
        """
        self.log().checkpoint()
        with self._guard:
            self._since_checkpoint = 0

    def checkpoint_safely(self) -> None:
        """:meth:`checkpoint`, keeping a failure in :attr:`problem` instead of raising."""
        try:
            self.checkpoint()
        except PrivacyDesktopError as error:
            self._failed(AuditAction.CHECKPOINT, error)

    def entries(self, query: AuditQuery, limit: int = DEFAULT_AUDIT_LIMIT) -> list[AuditEntry]:
        """The newest ``limit`` entries ``query`` matches, newest first (streams the file).

        Raises:
            AuditLogError, SigningKeyUnreadable, VaultError.
        """
        newest: collections.deque[AuditEntry] = collections.deque(maxlen=max(limit, 0))
        newest.extend(self.log().query(query))
        return list(reversed(newest))

    def verify(self) -> AuditVerification:
        """Verify the chain, the checkpoint signatures and the keyring anchor.

        Raises:
            AuditLogError, SigningKeyUnreadable, VaultError.
        """
        return self.log().verify()

    def export(self, path: Path, fmt: str) -> int:
        """Export the log, signed up to its head, as ``csv`` or ``json`` (written atomically).

        The export is recorded (AUDIT_EXPORTED, with the format and the number of entries;
        not the file name, which may hold a person's name) after it is written, so it is not
        part of the file it describes.

        Returns:
            The number of entries written.

        Raises:
            ValueError: an unknown format.
            AuditExportFailed: the file could not be written.
            AuditLogDamaged, AuditLogError, SigningKeyUnreadable, VaultError.
        """
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown audit export format {fmt!r}")
        audit = self.log()
        self.checkpoint()  # so the exported tail is signed, not only hash-chained
        try:
            if fmt == "csv":
                count = export_csv(audit.path, path)
            else:
                count = export_json(audit.path, path, audit.public_key)
        except OSError as error:
            raise AuditExportFailed(f"{type(error).__name__} {error.errno}") from error
        self.record_safely(AuditAction.AUDIT_EXPORTED, None, {"format": fmt, "entries": str(count)})
        return count

    def public_key_fingerprint(self) -> str:
        """The fingerprint of the key that signs checkpoints.

        Raises:
            SigningKeyUnreadable, VaultError.
        """
        return key_fingerprint(self.log().public_key)

    def close(self) -> None:
        """Sign what this run appended since the last checkpoint; never raises."""
        with self._guard:
            pending = self._log is not None and self._since_checkpoint > 0
        if pending:
            self.checkpoint_safely()

    @property
    def is_open(self) -> bool:
        """Whether the log is open: until it is, using it reads the keyring (its key)."""
        with self._guard:
            return self._log is not None

    def log(self) -> AuditLog:
        """The audit log, opened on first use.

        Raises:
            SigningKeyUnreadable, VaultError.
        """
        with self._guard:
            if self._log is None:
                self._log = self._open_log()
            return self._log

    def _failed(self, action: AuditAction, error: PrivacyDesktopError) -> None:
        self.problem = error
        # Class and detail only: these details are redacted by construction (class names,
        # errno, a detail key), and the message could name a portal.
        log.warning(
            "Audit entry %s not written: %s %s", action.value, type(error).__name__, error.detail
        )


class AuditFacade:
    """The audit methods of a service that owns an :class:`AuditTrail` as ``audit``.

    SecurityService offers these to the GUI and the CLI; they live here to keep each file
    to one concern.
    """

    audit: AuditTrail

    @property
    def audit_problem(self) -> PrivacyDesktopError | None:
        """The last audit write that failed without failing its action (None once one works)."""
        return self.audit.problem

    def record(
        self,
        action: AuditAction,
        *,
        portal: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> None:
        """Append an audit entry (blocking).

        Raises:
            AuditDetailRefused, AuditLogDamaged, AuditLogError, SigningKeyUnreadable,
            VaultError.
        """
        self.audit.record(action, portal=portal, details=details)

    def checkpoint(self) -> None:
        """Sign the audit log's head now.

        Raises:
            AuditLogDamaged, AuditLogError, VaultError.
        """
        self.audit.checkpoint()

    def audit_entries(
        self, query: AuditQuery, limit: int = DEFAULT_AUDIT_LIMIT
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries ``query`` matches, newest first."""
        return self.audit.entries(query, limit)

    def verify_audit(self) -> AuditVerification:
        """Verify the chain, the checkpoint signatures and the keyring anchor."""
        return self.audit.verify()

    def export_audit(self, path: Path, fmt: str) -> int:
        """Export the audit log as ``csv`` or ``json``; see :meth:`AuditTrail.export`."""
        return self.audit.export(path, fmt)

    def audit_public_key_fingerprint(self) -> str:
        """The fingerprint of the key that signs the audit log's checkpoints."""
        return self.audit.public_key_fingerprint()

    def close(self) -> None:
        """Sign what this run appended to the audit log (on exit); never raises."""
        self.audit.close()
