"""Reading the audit log: streaming its records, filtering entries, and its errors.

Reading never loads the whole file: records are parsed line by line, so the Audit view and
the verifier handle a log of any length.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.security.audit_chain import AuditAction, AuditEntry
from privacy_desktop.security.audit_verify import LineDefect


class AuditLogError(PrivacyDesktopError):
    """The audit log could not be written or read."""


class AuditLogDamaged(AuditLogError):
    """The log's last line is incomplete or unreadable; appending would bury the damage."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "AuditLog",
                QT_TRANSLATE_NOOP(
                    "AuditLog",
                    "The audit log is damaged: its last entry is incomplete or unreadable, so "
                    "nothing more can be recorded in it. Verify and export it, then set it "
                    "aside to start a new log.",
                ),
            )
        )


def io_failed(error: OSError) -> AuditLogError:
    # Only the error's class and errno: the path may contain the person's user name.
    message = QT_TRANSLATE_NOOP(
        "AuditLog", "The audit log could not be written or read. Check the disk and retry."
    )
    return AuditLogError(UserMessage("AuditLog", message), f"{type(error).__name__} {error.errno}")


@dataclass(frozen=True)
class AuditQuery:
    """A filter for the Audit view.

    Attributes:
        actions: only these actions (None: all).
        portal: only entries about this portal (None: any).
        since: entries at or after this moment (aware datetime; None: from the start).
        until: entries before this moment (None: to the end).
        include_checkpoints: also yield the log's own checkpoint entries.
    """

    actions: frozenset[AuditAction] | None = None
    portal: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    include_checkpoints: bool = False

    def matches(self, entry: AuditEntry) -> bool:
        if entry.is_checkpoint and not self.include_checkpoints:
            return False
        if self.actions is not None and entry.action not in self.actions:
            return False
        if self.portal is not None and entry.portal != self.portal:
            return False
        if self.since is not None and entry.timestamp < self.since:
            return False
        return self.until is None or entry.timestamp < self.until


def read_records(path: Path) -> Iterator[Any]:
    """Stream the parsed records of a log file, a :class:`LineDefect` for a bad line.

    Raises:
        AuditLogError: the file cannot be read (a missing file is an empty log).
    """
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return
    except OSError as error:
        raise io_failed(error) from error
    with file:
        yield from _parse_lines(file)


def _parse_lines(file: BinaryIO) -> Iterator[Any]:
    for line in file:
        if not line.endswith(b"\n"):
            yield LineDefect.TRUNCATED
            return
        try:
            yield json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            yield LineDefect.NOT_JSON
