"""Errors of the encrypted store: the ones a person can act on, and bugs.

Following qutebrowser's KnownError/BugError split (STYLE.md rule 9): a full disk, a locked or
damaged file, a key that does not open the file, a database written by a newer version or a
missing SQLCipher library are :class:`StoreUnavailable` — shown to the person with what to
do. Anything else the driver raises (a constraint we violated, SQL we got wrong) is a
:class:`StoreBug`. Neither ever carries the key, the SQL parameters or a personal datum: the
detail is the driver's error *name* only.
"""

from __future__ import annotations

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

_CONTEXT = "Store"


def _message(source: str, *args: str) -> UserMessage:
    return UserMessage(_CONTEXT, source, args)


class StoreError(PrivacyDesktopError):
    """Base class of the store's errors."""


class StoreUnavailable(StoreError):
    """The store cannot be used for a reason outside the program (shown to the person)."""


class EncryptionUnavailable(StoreUnavailable):
    """SQLCipher (the ``sqlcipher3`` package) is missing: nothing is stored in the clear."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The encryption library SQLCipher (Python package sqlcipher3) is not "
                    "available, so the inventory cannot be stored: personal data is never "
                    "written to disk unencrypted. Install sqlcipher3 and start again.",
                )
            ),
            detail,
        )


class StoreKeyRejected(StoreUnavailable):
    """The key from the keyring does not open the file (or the file is not a database)."""

    def __init__(self, path: str, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The inventory database %1 cannot be opened: the key in the system "
                    "keyring does not match it, or the file is damaged. If the keyring entry "
                    "was deleted or replaced, the old inventory cannot be read any more; move "
                    "the file away and scan again.",
                ),
                path,
            ),
            detail,
        )


class StoreTooNew(StoreUnavailable):
    """The file was written by a newer version of the application."""

    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The inventory database %1 was written by a newer version of Privacy "
                    "Desktop. Install that version (or newer) to open it; this version leaves "
                    "the file untouched.",
                ),
                path,
            ),
            f"revision {revision}",
        )


class StoreFull(StoreUnavailable):
    """The disk holding the store is full."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The disk holding the inventory database is full. Free some space and try "
                    "again; the scan resumes where it stopped.",
                )
            ),
            detail,
        )


class StoreBusy(StoreUnavailable):
    """Another program holds the database locked for too long."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The inventory database is locked by another program or another window "
                    "of Privacy Desktop. Close it and try again.",
                )
            ),
            detail,
        )


class StoreIoError(StoreUnavailable):
    """The file cannot be read or written (permissions, a failing disk, a damaged file)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The inventory database cannot be read or written (a damaged file, a "
                    "failing disk or missing permissions). See the log for details.",
                )
            ),
            detail,
        )


class StoreBug(StoreError):
    """An error in the program's use of the database (sent to the crash report)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP("Store", "An internal error occurred in the inventory database.")
            ),
            detail,
        )


# SQLite primary result codes (sqlite3.h); extended codes carry them in the low byte.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_PROTOCOL = 15
_SQLITE_NOTADB = 26


def classify_driver_error(error: BaseException, path: str) -> StoreError:
    """The store error for a driver (DB-API) exception; the detail names the code only."""
    code = getattr(error, "sqlite_errorcode", None)
    name = str(getattr(error, "sqlite_errorname", "") or type(error).__name__)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary is None:
        # Old drivers: no code; the English message of SQLite is stable enough to match.
        primary = _code_from_text(str(error))
    if primary == _SQLITE_NOTADB:
        return StoreKeyRejected(path, name)
    if primary == _SQLITE_FULL:
        return StoreFull(name)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_PROTOCOL):
        return StoreBusy(name)
    if primary in (_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_READONLY):
        return StoreIoError(name)
    if primary == _SQLITE_NOMEM:
        return StoreIoError(name)
    return StoreBug(name)


def _code_from_text(text: str) -> int | None:
    lowered = text.lower()
    table = (
        ("file is not a database", _SQLITE_NOTADB),
        ("disk is full", _SQLITE_FULL),
        ("database is locked", _SQLITE_BUSY),
        ("disk i/o error", _SQLITE_IOERR),
        ("malformed", _SQLITE_CORRUPT),
        ("unable to open", _SQLITE_CANTOPEN),
        ("readonly", _SQLITE_READONLY),
    )
    for needle, code in table:
        if needle in lowered:
            return code
    return None


class StoreKeyMissing(StoreUnavailable):
    """The inventory file exists but its key is gone from the keyring."""

    def __init__(self, path: str) -> None:
        super().__init__(
            _message(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The key of the inventory database %1 is missing from the system keyring, "
                    "so the inventory cannot be read. Restore the keyring entry, or move the "
                    "file away and scan again.",
                ),
                path,
            )
        )
