"""Write a bundle: a ZIP archive streamed through age encryption into a file, atomically.

Layout of the decrypted archive: the data files, then ``manifest.json`` (name, size and SHA-256
of every data file) and ``manifest.sig``. The archive is written as a stream (ZIP data
descriptors, ZIP64 always on), piped into ``pyrage.encrypt_io`` running on a helper thread, so
only a pipe's buffer of plaintext is ever in memory and none reaches the disk. The ciphertext
goes to a temporary file beside the destination that is renamed over it by :meth:`close`; on any
failure (or :meth:`abort`) the temporary file is removed and the destination is untouched.

The result is a standard age file (``ssh-rsa`` recipients) that ``age -d -i KEY`` decrypts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

import pyrage

from privacy_desktop.exporting import manifest
from privacy_desktop.exporting.keys import PrivateKey, PublicKey
from privacy_desktop.exporting.manifest import FileEntry, ManifestInfo

_BUNDLE_MODE = 0o600
#: Fixed timestamp of archive entries: the manifest carries the real time, and equal inputs
#: then give equal archives.
_ENTRY_TIME = (1980, 1, 1, 0, 0, 0)


class BundleWriter:
    """Stream files into a new encrypted, signed bundle at ``path``.

    Use as a context manager (an exception inside aborts), or call :meth:`close` /
    :meth:`abort` yourself. Not thread-safe: one thread adds files.

    Args:
        path: the bundle to create or replace; its directory must exist.
        recipients: who can open it (at least one).
        signing_key: the profile's key that signs the manifest.
        info: what the manifest says about the export.
        compress: deflate the files (smaller, slower); off by default because exports are
            large and age throughput is the goal.

    Raises:
        ValueError: no recipients (a programming error).
        OSError: the temporary file could not be created.
    """

    def __init__(
        self,
        path: Path,
        recipients: Sequence[PublicKey],
        signing_key: PrivateKey,
        info: ManifestInfo,
        *,
        compress: bool = False,
    ) -> None:
        if not recipients:
            raise ValueError("a bundle needs at least one recipient")
        self._path = path
        self._signing_key = signing_key
        self._info = info
        self._files: list[FileEntry] = []
        self._finished = False
        age_recipients = [key.age_recipient() for key in recipients]
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        self._temporary = Path(temporary)
        self._output = os.fdopen(handle, "wb")
        try:
            if os.name == "posix":
                os.fchmod(self._output.fileno(), _BUNDLE_MODE)
            read_end, write_end = os.pipe()
        except BaseException:
            self._output.close()
            self._temporary.unlink()
            raise
        self._pipe_in: BinaryIO = os.fdopen(read_end, "rb")
        self._pipe_out: BinaryIO = os.fdopen(write_end, "wb", buffering=0)
        self._encrypt_error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._encrypt, args=(age_recipients,), name="bundle-encrypt", daemon=True
        )
        self._thread.start()
        # Writing to a pipe (not seekable) makes zipfile use data descriptors: each entry's
        # size and CRC follow its data, so nothing needs to be buffered or rewritten.
        self._zip = zipfile.ZipFile(
            self._pipe_out,
            "w",
            compression=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED,
            compresslevel=1 if compress else None,
        )

    def _encrypt(self, recipients: list[pyrage.ssh.Recipient]) -> None:
        try:
            pyrage.encrypt_io(self._pipe_in, self._output, recipients)
        except BaseException as error:  # handed to the writing thread in close()
            self._encrypt_error = error
        finally:
            # Unblocks a writer still pushing into the pipe (it gets BrokenPipeError).
            self._pipe_in.close()

    @property
    def files(self) -> tuple[FileEntry, ...]:
        """The data files added so far."""
        return tuple(self._files)

    def add_file(self, name: str, chunks: Iterable[bytes]) -> FileEntry:
        """Add a data file from its content in chunks (never gathered in memory).

        Args:
            name: relative name inside the bundle (``[A-Za-z0-9._-]`` segments joined by ``/``).
            chunks: the content.

        Raises:
            ValueError: bad, reserved or duplicate name, or the writer is closed.
            OSError: writing or encrypting failed (the caller should :meth:`abort`).
        """
        self._check_name(name)
        digest = hashlib.sha256()
        size = 0
        with self._entry(name) as entry:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                entry.write(chunk)
        file_entry = FileEntry(name, size, digest.hexdigest())
        self._files.append(file_entry)
        return file_entry

    def add_json(self, name: str, value: Any) -> FileEntry:
        """Add a small JSON document (UTF-8, indented); stream big data with :meth:`add_file`."""
        text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
        return self.add_file(name, [text.encode("utf-8")])

    def close(self) -> None:
        """Sign and write the manifest, finish encryption and move the bundle into place.

        Raises:
            OSError: writing failed; nothing is left at (or changed in) the destination.
        """
        if self._finished:
            return
        try:
            signer = self._signing_key.public_key.to_openssh()
            data = manifest.canonical_bytes(self._info, signer, self._files)
            self._write_raw(manifest.MANIFEST_NAME, data)
            self._write_raw(manifest.SIGNATURE_NAME, self._signing_key.sign(data))
            self._zip.close()
            self._finish_encryption()
            self._output.flush()
            os.fsync(self._output.fileno())
            self._output.close()
            os.replace(self._temporary, self._path)
        except BaseException:
            self.abort()
            raise
        self._finished = True
        _sync_directory(self._path.parent)

    def abort(self) -> None:
        """Stop and remove the partial bundle; safe to call more than once."""
        if self._finished:
            return
        self._finished = True
        with contextlib.suppress(Exception):
            self._zip.close()
        with contextlib.suppress(Exception):
            self._finish_encryption()
        with contextlib.suppress(Exception):
            self._output.close()
        with contextlib.suppress(FileNotFoundError):
            self._temporary.unlink()

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def _finish_encryption(self) -> None:
        if not self._pipe_out.closed:
            self._pipe_out.close()  # end of plaintext: age writes the final block
        self._thread.join()
        if self._encrypt_error is not None:
            error, self._encrypt_error = self._encrypt_error, None
            raise OSError(f"encryption failed: {type(error).__name__}") from error

    def _check_name(self, name: str) -> None:
        if self._finished:
            raise ValueError("the bundle writer is closed")
        if not manifest.is_safe_name(name) or name in manifest.RESERVED_NAMES:
            raise ValueError(f"not an acceptable bundle file name: {name!r}")
        if any(entry.name == name for entry in self._files):
            raise ValueError(f"duplicate bundle file name: {name!r}")

    def _entry(self, name: str) -> IO[bytes]:
        info = zipfile.ZipInfo(name, date_time=_ENTRY_TIME)
        info.compress_type = self._zip.compression
        info.external_attr = (0o100600 & 0xFFFF) << 16  # a regular file, never a link
        # ZIP64 from the start: the size is unknown until the last chunk.
        return self._zip.open(info, "w", force_zip64=True)

    def _write_raw(self, name: str, data: bytes) -> None:
        with self._entry(name) as entry:
            entry.write(data)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
