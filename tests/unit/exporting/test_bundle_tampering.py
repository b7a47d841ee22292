"""Altered, cut, extended, re-signed and crafted bundles are refused with the precise reason."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from bundle_helpers import WriteBundle

from privacy_desktop.exporting import errors
from privacy_desktop.exporting.bundle_reader import ReadLimits, open_bundle
from privacy_desktop.exporting.keys import PrivateKey

HEADER_END = b"\n--- "


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def _payload_start(data: bytes) -> int:
    return data.index(b"\n", data.index(HEADER_END) + 1) + 1


def test_flipped_byte_in_header_mac(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    path = write_bundle()
    data = path.read_bytes()
    path.write_bytes(_flip(data, data.index(HEADER_END) + 6))
    with pytest.raises(errors.BundleTampered):
        open_bundle(path, reviewer)


@pytest.mark.parametrize("offset", [0, 20, 70_000])
def test_flipped_byte_in_payload(
    write_bundle: WriteBundle, reviewer: PrivateKey, offset: int
) -> None:
    path = write_bundle()
    data = path.read_bytes()
    path.write_bytes(_flip(data, _payload_start(data) + offset))
    with pytest.raises(errors.BundleTampered):
        open_bundle(path, reviewer)


@pytest.mark.parametrize("cut", [1, 100, 65_552, 150_000])
def test_truncated(write_bundle: WriteBundle, reviewer: PrivateKey, cut: int) -> None:
    path = write_bundle()
    data = path.read_bytes()
    path.write_bytes(data[:-cut])
    with pytest.raises(errors.BundleTruncated):
        open_bundle(path, reviewer)


def test_truncated_inside_the_header(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    path = write_bundle()
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(errors.BundleTruncated):
        open_bundle(path, reviewer)


@pytest.mark.parametrize("extra", [b"x", b"\0" * 1000])
def test_appended(write_bundle: WriteBundle, reviewer: PrivateKey, extra: bytes) -> None:
    path = write_bundle()
    path.write_bytes(path.read_bytes() + extra)
    with pytest.raises(errors.BundleTruncated):
        open_bundle(path, reviewer)


def test_appended_beyond_a_block(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    # More than one block appended moves the failure before the last block: age cannot tell
    # this from an altered inner block, so either reason is right, and it is refused.
    path = write_bundle()
    path.write_bytes(path.read_bytes() + b"\0" * 70_000)
    with pytest.raises((errors.BundleTruncated, errors.BundleTampered)):
        open_bundle(path, reviewer)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 plain zip", b"hello world\n" * 100])
def test_not_a_bundle(tmp_path: Path, reviewer: PrivateKey, content: bytes) -> None:
    path = tmp_path / "plain.zip"
    path.write_bytes(content)
    with pytest.raises(errors.NotABundle):
        open_bundle(path, reviewer)


# -- crafted plaintext, re-encrypted for the reviewer (what an insider with the key could do) --

Edit = Callable[[dict[str, bytes]], dict[str, bytes]]


def _reencrypted(path: Path, reviewer: PrivateKey, edit: Edit) -> Path:
    """Decrypt ``path``, let ``edit`` change the archive members, re-encrypt to ``reviewer``."""
    plain = pyrage.decrypt(path.read_bytes(), [reviewer.age_identity()])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in edit(members).items():
            archive.writestr(name, content)
    path.write_bytes(pyrage.encrypt(buffer.getvalue(), [reviewer.public_key.age_recipient()]))
    return path


def _manifest(members: dict[str, bytes]) -> dict[str, object]:
    document = json.loads(members["manifest.json"])
    assert isinstance(document, dict)
    return document


def _canonical(document: dict[str, object]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_untouched_reencryption_still_opens(
    write_bundle: WriteBundle, reviewer: PrivateKey
) -> None:
    path = _reencrypted(write_bundle(), reviewer, lambda members: members)
    assert open_bundle(path, reviewer).names()


def test_manifest_resigned_with_another_key(
    write_bundle: WriteBundle, reviewer: PrivateKey, stranger: PrivateKey
) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        document = _manifest(members)
        document["portal"] = "https://elsewhere.example"
        data = _canonical(document)
        return {**members, "manifest.json": data, "manifest.sig": stranger.sign(data)}

    with pytest.raises(errors.BadSignature) as caught:
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
    assert type(caught.value) is errors.BadSignature


def test_swapped_file_names_the_file(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        return {**members, "records.csv": b"\xef\xbb\xbfname\r\nsomeone else\r\n"}

    with pytest.raises(errors.HashMismatch) as caught:
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
    assert caught.value.name == "records.csv"
    assert "records.csv" in str(caught.value)


def test_manifest_reused_with_other_files(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        kept = {k: v for k, v in members.items() if k != "records.json"}
        return {**kept, "other.json": b"[]"}

    with pytest.raises(errors.UnexpectedFile) as caught:
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
    assert caught.value.name == "other.json"


def test_missing_file(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in members.items() if k != "records.json"}

    with pytest.raises(errors.MissingFile) as caught:
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
    assert caught.value.name == "records.json"


def test_missing_signature(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in members.items() if k != "manifest.sig"}

    with pytest.raises(errors.MissingFile):
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)


def test_unknown_format_version(
    write_bundle: WriteBundle, reviewer: PrivateKey, signer: PrivateKey
) -> None:
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        document = _manifest(members)
        document["format_version"] = 99
        data = _canonical(document)
        return {**members, "manifest.json": data, "manifest.sig": signer.sign(data)}

    with pytest.raises(errors.UnsupportedFormat) as caught:
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
    assert "99" in str(caught.value)


@pytest.mark.parametrize("name", ["../../etc/evil", "/etc/evil", "C:/evil", "dir/", "a\\..\\b"])
def test_unsafe_entries(write_bundle: WriteBundle, reviewer: PrivateKey, name: str) -> None:
    path = _reencrypted(write_bundle(), reviewer, lambda members: {**members, name: b"x"})
    with pytest.raises(errors.UnsafeEntry):
        open_bundle(path, reviewer)


def test_symlink_entry(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    path = write_bundle()
    plain = pyrage.decrypt(path.read_bytes(), [reviewer.age_identity()])
    buffer = io.BytesIO(plain)
    with zipfile.ZipFile(buffer, "a") as archive:
        link = zipfile.ZipInfo("link")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    path.write_bytes(pyrage.encrypt(buffer.getvalue(), [reviewer.public_key.age_recipient()]))
    with pytest.raises(errors.UnsafeEntry):
        open_bundle(path, reviewer)


def test_not_a_zip_inside(tmp_path: Path, reviewer: PrivateKey) -> None:
    path = tmp_path / "b.age"
    path.write_bytes(pyrage.encrypt(b"not an archive", [reviewer.public_key.age_recipient()]))
    with pytest.raises(errors.MalformedBundle):
        open_bundle(path, reviewer)


def test_size_limit(write_bundle: WriteBundle, reviewer: PrivateKey) -> None:
    with pytest.raises(errors.BundleTooLarge):
        open_bundle(write_bundle(), reviewer, limits=ReadLimits(max_archive_bytes=100_000))


@pytest.mark.parametrize("listed", ["manifest.sig", "../x", "records.json"])
def test_manifest_listing_bad_names_is_malformed(
    write_bundle: WriteBundle, reviewer: PrivateKey, signer: PrivateKey, listed: str
) -> None:
    # A signed manifest that lists a reserved, unsafe or duplicate name is refused outright.
    def edit(members: dict[str, bytes]) -> dict[str, bytes]:
        document = _manifest(members)
        files = document["files"]
        assert isinstance(files, list)
        document["files"] = [*files, {"name": listed, "size": 1, "sha256": "00"}]
        data = _canonical(document)
        return {**members, "manifest.json": data, "manifest.sig": signer.sign(data)}

    with pytest.raises(errors.MalformedBundle):
        open_bundle(_reencrypted(write_bundle(), reviewer, edit), reviewer)
