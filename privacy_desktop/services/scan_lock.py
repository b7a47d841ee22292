"""One scan of a portal at a time, across threads and processes (the GUI and the CLI).

A non-blocking exclusive lock on a file beside the store: a second scan of the same portal
is refused at once instead of waiting. The operating system drops the lock when the process
dies, so a scan killed mid-way never leaves the portal locked.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class ScanAlreadyRunning(PrivacyDesktopError):
    """Another scan of the same portal is running (in this or another window or process)."""

    def __init__(self, portal: str) -> None:
        super().__init__(
            UserMessage(
                "Scanning",
                QT_TRANSLATE_NOOP(
                    "Scanning",
                    "The portal “%1” is already being scanned, in this window or another "
                    "program. Wait for that scan to finish.",
                ),
                (portal,),
            )
        )


@contextmanager
def scan_lock(directory: Path, portal: str) -> Iterator[None]:
    """Hold the scan lock of ``portal`` for the ``with`` body.

    Raises:
        ScanAlreadyRunning: another holder has it.
    """
    digest = hashlib.sha256(portal.casefold().encode("utf-8")).hexdigest()[:16]
    path = directory / f"scan-{digest}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(descriptor):
            raise ScanAlreadyRunning(portal)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
