"""Replace a file atomically: the old content or the new, never half of either.

Imports nothing from the project, so that every layer that writes a small file of its own
(settings, the two-step verification state, audit exports) can share it.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

#: Files holding the person's configuration or security state: readable by the owner only.
PRIVATE_FILE_MODE = 0o600

T = TypeVar("T")


def write_atomically(
    path: Path,
    write: Callable[[BinaryIO], T],
    *,
    mode: int = PRIVATE_FILE_MODE,
    before_replace: Callable[[], None] | None = None,
) -> T:
    """Write a temporary file beside ``path`` with ``write``, fsync it, then rename it over.

    Args:
        path: the file to replace (its directory must exist).
        write: writes the new content to the binary stream it is given; its result is returned.
        mode: permissions of the new file (POSIX).
        before_replace: runs after the content is durable and before the rename (e.g. to store
            a key that must exist before the file that needs it).

    Raises:
        OSError: the file could not be written; ``path`` is unchanged and no temporary is left.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if os.name == "posix":
                os.fchmod(stream.fileno(), mode)
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)
    return result


def write_text_atomically(
    path: Path,
    write: Callable[[TextIO], T],
    *,
    mode: int = PRIVATE_FILE_MODE,
    before_replace: Callable[[], None] | None = None,
) -> T:
    """:func:`write_atomically` for UTF-8 text written without newline translation."""

    def write_text(stream: BinaryIO) -> T:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            return write(text)
        finally:
            text.flush()
            text.detach()  # the binary stream stays open for the fsync

    return write_atomically(path, write_text, mode=mode, before_replace=before_replace)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX only; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
