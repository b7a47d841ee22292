"""The signed table of contents of a bundle: ``manifest.json`` and ``manifest.sig``.

``manifest.json`` is stored as its canonical bytes (sorted keys, no spaces, UTF-8), and
``manifest.sig`` is the raw RSA-PSS SHA-256 signature of exactly those bytes. The manifest
names its signer's public key, so a reader can report who signed even without a trusted key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

FORMAT_NAME = "privacy-desktop-bundle"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})
SIGNATURE_ALGORITHM = "RSA-PSS-SHA256"

#: Relative names of ASCII letters, digits, ``._-`` in ``/``-separated segments: no absolute
#: path, no drive letter, no backslash, no empty, ``.`` or ``..`` segment.
_SEGMENT = r"(?!\.{1,2}(?:/|$))[A-Za-z0-9._-]{1,100}"
_NAME = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT}){{0,7}}")


def is_safe_name(name: str) -> bool:
    """Whether ``name`` is acceptable as a file name inside a bundle."""
    return len(name) <= 255 and _NAME.fullmatch(name) is not None


@dataclass(frozen=True)
class ManifestInfo:
    """What the exporter says about the export (written into the manifest).

    Attributes:
        portal: the portal's address or profile name.
        scope: what was exported, e.g. ``{"kind": "person", "query": "…"}`` or
            ``{"kind": "category", "category": "1.2"}`` (strings only).
        exporter: who exported it (the profile's user or the program and version).
        created: when; timezone-aware.
    """

    portal: str
    scope: Mapping[str, str]
    exporter: str
    created: datetime


@dataclass(frozen=True)
class FileEntry:
    """One data file of a bundle, as listed in the manifest."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest.

    Attributes:
        format_version: the bundle format version.
        info: portal, scope, exporter and time.
        signer_public_key: the OpenSSH form of the key that signed it.
        files: the data files, in the order they were written.
    """

    format_version: int
    info: ManifestInfo
    signer_public_key: str
    files: tuple[FileEntry, ...]


def canonical_bytes(info: ManifestInfo, signer_public_key: str, files: list[FileEntry]) -> bytes:
    """The manifest's bytes exactly as stored and signed."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "portal": info.portal,
        "scope": dict(info.scope),
        "exporter": info.exporter,
        "created": info.created.isoformat(),
        "signer": {"algorithm": SIGNATURE_ALGORITHM, "public_key": signer_public_key},
        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in files],
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def declared_version(data: bytes) -> str:
    """The ``format_version`` a manifest declares, as text ("" when unreadable)."""
    try:
        document = json.loads(data)
    except ValueError:
        return ""
    if isinstance(document, dict):
        version = document.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool):
            return str(version)
    return ""


def parse(data: bytes) -> Manifest:
    """Parse a version-1 manifest.

    Raises:
        ValueError: anything missing or of the wrong type (the caller maps it to a refusal).
    """
    document = json.loads(data)
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValueError("not a bundle manifest")
    scope = document["scope"]
    signer = document["signer"]
    if not isinstance(scope, dict) or not all(isinstance(v, str) for v in scope.values()):
        raise ValueError("scope")
    if not isinstance(signer, dict) or signer.get("algorithm") != SIGNATURE_ALGORITHM:
        raise ValueError("signer")
    files: list[FileEntry] = []
    for item in document["files"]:
        name, size, digest = item["name"], item["size"], item["sha256"]
        if not (isinstance(name, str) and isinstance(size, int) and isinstance(digest, str)):
            raise ValueError("file entry")
        if not is_safe_name(name) or name in RESERVED_NAMES or any(f.name == name for f in files):
            raise ValueError("file name")
        files.append(FileEntry(name, size, digest))
    info = ManifestInfo(
        portal=str(document["portal"]),
        scope={str(k): v for k, v in scope.items()},
        exporter=str(document["exporter"]),
        created=datetime.fromisoformat(str(document["created"])),
    )
    return Manifest(document["format_version"], info, str(signer["public_key"]), tuple(files))
