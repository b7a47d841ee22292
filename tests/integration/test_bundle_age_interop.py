"""Our bundles and the standard ``age`` tool (Debian's /usr/bin/age) open each other's files.

Also checks that writing a large bundle streams: the Python heap peak stays far below the data.
"""

from __future__ import annotations

import io
import os
import subprocess
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacy_desktop.exporting.bundle import BundleWriter
from privacy_desktop.exporting.bundle_reader import open_bundle
from privacy_desktop.exporting.keys import PrivateKey
from privacy_desktop.exporting.manifest import ManifestInfo

AGE = "/usr/bin/age"
INFO = ManifestInfo(
    portal="https://demo.bitrix24.ua",
    scope={"kind": "category", "category": "1.2"},
    exporter="tester",
    created=datetime(2026, 11, 25, tzinfo=UTC),
)


@pytest.fixture(scope="module")
def keys() -> tuple[PrivateKey, PrivateKey]:
    return PrivateKey.generate(3072, "signer"), PrivateKey.generate(3072, "reviewer")


def _identity_file(tmp_path: Path, key: PrivateKey) -> Path:
    # age -i needs an unencrypted OpenSSH key; this one is test-owned and private (0600).
    path = tmp_path / "identity"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(key.to_openssh())
    return path


def test_age_decrypts_our_bundle(tmp_path: Path, keys: tuple[PrivateKey, PrivateKey]) -> None:
    signer, reviewer = keys
    bundle = tmp_path / "export.age"
    with BundleWriter(bundle, [reviewer.public_key], signer, INFO) as writer:
        writer.add_file("records.csv", [b"id,name\r\n", "1,Олена\r\n".encode()])
    identity = _identity_file(tmp_path, reviewer)
    plain = subprocess.run(
        [AGE, "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True
    ).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        assert archive.read("records.csv") == "id,name\r\n1,Олена\r\n".encode()
        assert set(archive.namelist()) == {"records.csv", "manifest.json", "manifest.sig"}


def test_we_open_a_bundle_encrypted_by_age(
    tmp_path: Path, keys: tuple[PrivateKey, PrivateKey]
) -> None:
    signer, reviewer = keys
    ours = tmp_path / "ours.age"
    with BundleWriter(ours, [reviewer.public_key], signer, INFO) as writer:
        writer.add_json("person.json", {"name": "Олена"})
    # The same archive, re-encrypted by the age tool itself to the reviewer's ssh-rsa key.
    identity = _identity_file(tmp_path, reviewer)
    plain = subprocess.run(
        [AGE, "-d", "-i", str(identity), str(ours)], capture_output=True, check=True
    ).stdout
    theirs = tmp_path / "theirs.age"
    subprocess.run(
        [AGE, "-r", reviewer.public_key.to_openssh(), "-o", str(theirs)],
        input=plain,
        check=True,
    )
    assert theirs.read_bytes() != ours.read_bytes()
    bundle = open_bundle(theirs, reviewer, trusted_signer=signer.public_key)
    assert bundle.read_bytes("person.json") == open_bundle(ours, reviewer).read_bytes("person.json")


def _rows(total: int) -> Iterator[bytes]:
    row = 0
    produced = 0
    while produced < total:
        chunk = "".join(
            f"{row + i},Користувач {row + i},+38050{(row + i) % 10_000_000:07d}\r\n"
            for i in range(2000)
        ).encode()
        row += 2000
        produced += len(chunk)
        yield chunk


@pytest.mark.slow
def test_large_bundle_streams_with_bounded_memory(
    tmp_path: Path, keys: tuple[PrivateKey, PrivateKey]
) -> None:
    signer, reviewer = keys
    total = 50 * 1024 * 1024
    bundle = tmp_path / "large.age"
    tracemalloc.start()
    try:
        with BundleWriter(bundle, [reviewer.public_key], signer, INFO) as writer:
            entry = writer.add_file("records.csv", _rows(total))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert entry.size >= total
    assert bundle.stat().st_size > entry.size  # stored, not compressed: all the data is there
    assert peak < 4 * 1024 * 1024, peak
    # And the standard tool agrees the whole stream is intact.
    identity = _identity_file(tmp_path, reviewer)
    result = subprocess.run(
        [AGE, "-d", "-i", str(identity), "-o", os.devnull, str(bundle)], capture_output=True
    )
    assert result.returncode == 0, result.stderr
