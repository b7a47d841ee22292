"""Open a bundle for offline review: decrypt in memory, check the archive, signature and hashes.

Nothing is written to disk in the clear: the decrypted archive lives in memory (bounded by
:attr:`ReadLimits.max_archive_bytes`) and files are read from it on demand. Every refusal is a
:class:`~privacy_desktop.exporting.errors.BundleError` naming the precise reason.
"""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from privacy_desktop.exporting import errors, manifest
from privacy_desktop.exporting.keys import PrivateKey, PublicKey
from privacy_desktop.exporting.manifest import Manifest

_AGE_MAGIC = b"age-encryption.org/v1\n"
_PLAIN_CHUNK = 64 * 1024
_SEALED_CHUNK = _PLAIN_CHUNK + 16
_NONCE = 16
_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a crafted bundle from exhausting memory."""

    max_archive_bytes: int = 2 * 1024**3
    max_files: int = 10_000
    max_manifest_bytes: int = 16 * 1024**2


class _BoundedBuffer(io.RawIOBase):
    """The decrypted archive in memory; refuses to grow beyond the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.buffer = io.BytesIO()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.buffer.tell() + len(data) > self.limit:
            raise errors.BundleTooLarge(str(self.limit))
        return self.buffer.write(data)


class OpenedBundle:
    """A verified bundle, read-only.

    Attributes:
        manifest: the signed manifest.
        signer: the public key that signed it (``signer.fingerprint`` to show).
        manifest_bytes: ``manifest.json`` exactly as stored and signed.
        signature: the raw RSA-PSS SHA-256 signature (``manifest.sig``).
    """

    def __init__(
        self,
        archive: zipfile.ZipFile,
        parsed: Manifest,
        signer: PublicKey,
        manifest_bytes: bytes,
        signature: bytes,
    ) -> None:
        self._archive = archive
        self.manifest = parsed
        self.signer = signer
        self.manifest_bytes = manifest_bytes
        self.signature = signature

    def names(self) -> list[str]:
        """The data files, in manifest order."""
        return [entry.name for entry in self.manifest.files]

    def open(self, name: str) -> BinaryIO:
        """A stream of one data file's content (already verified).

        Raises:
            KeyError: no such data file.
        """
        if name not in self.names():
            raise KeyError(name)
        return self._archive.open(name)  # type: ignore[return-value]

    def read_bytes(self, name: str) -> bytes:
        """One data file's whole content (for small files such as JSON summaries)."""
        with self.open(name) as stream:
            return stream.read()


def open_bundle(
    path: Path,
    identity: PrivateKey,
    *,
    trusted_signer: PublicKey | None = None,
    limits: ReadLimits | None = None,
) -> OpenedBundle:
    """Decrypt and fully verify a bundle.

    Args:
        path: the bundle file.
        identity: the reviewer's private key (a recipient of the bundle).
        trusted_signer: if given, the manifest must be signed by this key; otherwise any valid
            signature is accepted and the caller shows ``OpenedBundle.signer.fingerprint``.
        limits: size bounds (defaults: :class:`ReadLimits`).

    Raises:
        errors.BundleError: a subclass naming why the bundle was refused.
        OSError: the file could not be read.
    """
    limits = limits or ReadLimits()
    try:
        archive = zipfile.ZipFile(_decrypt(path, identity, limits).buffer)
    except zipfile.BadZipFile as error:
        raise errors.MalformedBundle(str(error)) from None
    entries = _checked_entries(archive, limits)
    manifest_bytes = _member(archive, entries, manifest.MANIFEST_NAME, limits)
    signature = _member(archive, entries, manifest.SIGNATURE_NAME, limits)
    version = manifest.declared_version(manifest_bytes)
    if version != str(manifest.FORMAT_VERSION):
        if version:
            raise errors.UnsupportedFormat(version)
        raise errors.MalformedBundle("manifest without a format version")
    try:
        parsed = manifest.parse(manifest_bytes)
        signer = PublicKey.parse(parsed.signer_public_key)
    except (ValueError, KeyError, TypeError, errors.InvalidKey) as error:
        raise errors.MalformedBundle(f"manifest: {type(error).__name__}") from None
    if not signer.verify(signature, manifest_bytes):
        raise errors.BadSignature()
    if trusted_signer is not None and not signer.same_key(trusted_signer):
        raise errors.UntrustedSigner(signer.fingerprint)
    _check_files(archive, entries, parsed)
    return OpenedBundle(archive, parsed, signer, manifest_bytes, signature)


def _decrypt(path: Path, identity: PrivateKey, limits: ReadLimits) -> _BoundedBuffer:
    plaintext = _BoundedBuffer(limits.max_archive_bytes)
    with path.open("rb") as source:
        head = source.read(len(_AGE_MAGIC))
        if head != _AGE_MAGIC:
            raise errors.NotABundle("no age header")
        source.seek(0)
        try:
            pyrage.decrypt_io(source, plaintext, [identity.age_identity()])
        except errors.BundleTooLarge:
            raise
        except pyrage.DecryptError as error:
            raise _header_failure(str(error)) from None
        except OSError as error:
            # age gives one answer for every failing block; where it failed tells cut-short
            # (or extended) files from altered ones.
            if _failed_in_last_block(path, plaintext.buffer.tell()):
                raise errors.BundleTruncated(str(error)) from None
            raise errors.BundleTampered(str(error)) from None
    plaintext.buffer.seek(0)
    return plaintext


def _header_failure(reason: str) -> errors.BundleError:
    if reason == "No matching keys found":
        return errors.NotARecipient()
    if reason in {"Incomplete header", "failed to fill whole buffer"}:
        return errors.BundleTruncated(reason)
    if reason == "Header is invalid":
        return errors.NotABundle(reason)
    return errors.BundleTampered(reason)


def _failed_in_last_block(path: Path, plaintext_written: int) -> bool:
    """Whether the block age rejected is the file's last (or missing) one."""
    with path.open("rb") as source:
        header_end = _header_length(source)
    if header_end is None:
        return False
    payload = path.stat().st_size - header_end - _NONCE
    blocks = max(1, -(-payload // _SEALED_CHUNK))
    return plaintext_written // _PLAIN_CHUNK >= blocks - 1


def _header_length(source: BinaryIO) -> int | None:
    # The header ends with the line "--- <MAC>"; it is small (one stanza per recipient).
    head = source.read(64 * 1024)
    marker = head.find(b"\n--- ")
    end = head.find(b"\n", marker + 1) if marker >= 0 else -1
    return end + 1 if end >= 0 else None


def _checked_entries(archive: zipfile.ZipFile, limits: ReadLimits) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_files:
        raise errors.BundleTooLarge(str(limits.max_files), "too many files")
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        mode = info.external_attr >> 16
        is_link = stat.S_ISLNK(mode)
        if info.is_dir() or is_link or not manifest.is_safe_name(info.filename):
            raise errors.UnsafeEntry(info.filename)
        if info.filename in entries:
            raise errors.UnsafeEntry(info.filename, "duplicate")
        if info.file_size > limits.max_archive_bytes:
            raise errors.BundleTooLarge(str(limits.max_archive_bytes), "declared size")
        entries[info.filename] = info
    return entries


def _member(
    archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], name: str, limits: ReadLimits
) -> bytes:
    info = entries.get(name)
    if info is None:
        raise errors.MissingFile(name)
    try:
        with archive.open(info) as stream:
            data = stream.read(limits.max_manifest_bytes + 1)
    except (zipfile.BadZipFile, OSError) as error:
        raise errors.MalformedBundle(f"{name}: {type(error).__name__}") from None
    if len(data) > limits.max_manifest_bytes:
        raise errors.BundleTooLarge(str(limits.max_manifest_bytes), name)
    return data


def _check_files(
    archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], parsed: Manifest
) -> None:
    listed = {entry.name for entry in parsed.files}
    for name in entries:
        if name not in listed and name not in manifest.RESERVED_NAMES:
            raise errors.UnexpectedFile(name)
    for entry in parsed.files:
        info = entries.get(entry.name)
        if info is None:
            raise errors.MissingFile(entry.name)
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_READ_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if size > entry.size:
                        break  # a swapped-in larger file: no need to read it all
        except (zipfile.BadZipFile, OSError) as error:
            raise errors.HashMismatch(entry.name, type(error).__name__) from None
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise errors.HashMismatch(entry.name)
