"""Writing and opening bundles: round trip, recipients, signer trust, atomic writing."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from bundle_helpers import FILES, INFO, WriteBundle

from privacy_desktop.exporting.bundle import BundleWriter
from privacy_desktop.exporting.bundle_reader import open_bundle
from privacy_desktop.exporting.errors import NotARecipient, UntrustedSigner
from privacy_desktop.exporting.keys import PrivateKey


def test_round_trip(write_bundle: WriteBundle, reviewer: PrivateKey, signer: PrivateKey) -> None:
    path = write_bundle()
    assert path.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert path.stat().st_mode & 0o777 == 0o600
    bundle = open_bundle(path, reviewer, trusted_signer=signer.public_key)
    assert bundle.names() == list(FILES)
    for name, content in FILES.items():
        assert bundle.read_bytes(name) == content
    entry = bundle.manifest.files[0]
    assert entry.sha256 == hashlib.sha256(FILES[entry.name]).hexdigest()
    assert entry.size == len(FILES[entry.name])
    assert bundle.manifest.info == INFO
    assert bundle.signer.fingerprint == signer.public_key.fingerprint
    with pytest.raises(KeyError):
        bundle.open("manifest.json")


def test_add_json_and_empty_file(tmp_path: Path, signer: PrivateKey, reviewer: PrivateKey) -> None:
    path = tmp_path / "b.age"
    with BundleWriter(path, [reviewer.public_key], signer, INFO) as writer:
        writer.add_json("data/person.json", {"ім'я": "Олена", "n": 1})
        writer.add_file("empty.csv", [])
    bundle = open_bundle(path, reviewer)
    assert json.loads(bundle.read_bytes("data/person.json")) == {"ім'я": "Олена", "n": 1}
    assert bundle.read_bytes("empty.csv") == b""


def test_every_recipient_can_open(
    write_bundle: WriteBundle, reviewer: PrivateKey, second_reviewer: PrivateKey
) -> None:
    path = write_bundle(recipients=[reviewer.public_key, second_reviewer.public_key])
    for key in (reviewer, second_reviewer):
        assert open_bundle(path, key).read_bytes("records.json") == FILES["records.json"]


def test_non_recipient_is_refused(write_bundle: WriteBundle, stranger: PrivateKey) -> None:
    with pytest.raises(NotARecipient) as caught:
        open_bundle(write_bundle(), stranger)
    assert caught.value.user_message.context == "Bundle"


def test_untrusted_signer_is_reported(
    write_bundle: WriteBundle, reviewer: PrivateKey, stranger: PrivateKey, signer: PrivateKey
) -> None:
    with pytest.raises(UntrustedSigner) as caught:
        open_bundle(write_bundle(), reviewer, trusted_signer=stranger.public_key)
    assert caught.value.fingerprint == signer.public_key.fingerprint
    assert signer.public_key.fingerprint in str(caught.value)


@pytest.mark.parametrize("name", ["../evil", "/abs", "a//b", "manifest.json", "a\\b", "./x", ""])
def test_writer_refuses_bad_names(
    tmp_path: Path, signer: PrivateKey, reviewer: PrivateKey, name: str
) -> None:
    writer = BundleWriter(tmp_path / "b.age", [reviewer.public_key], signer, INFO)
    try:
        with pytest.raises(ValueError, match="name"):
            writer.add_file(name, [b"x"])
        writer.add_file("ok.txt", [b"x"])
        with pytest.raises(ValueError, match="duplicate"):
            writer.add_file("ok.txt", [b"y"])
    finally:
        writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_nothing_and_keeps_the_old_file(
    tmp_path: Path, signer: PrivateKey, reviewer: PrivateKey
) -> None:
    path = tmp_path / "b.age"
    path.write_bytes(b"previous export")

    def rows() -> list[bytes]:
        raise RuntimeError("the store went away")

    def export() -> None:
        with BundleWriter(path, [reviewer.public_key], signer, INFO) as writer:
            writer.add_file("a.csv", [b"row\n"] * 10)
            writer.add_file("b.csv", rows())

    with pytest.raises(RuntimeError, match="went away"):
        export()
    assert list(tmp_path.iterdir()) == [path]
    assert path.read_bytes() == b"previous export"


def test_no_recipients_is_a_programming_error(tmp_path: Path, signer: PrivateKey) -> None:
    with pytest.raises(ValueError, match="recipient"):
        BundleWriter(tmp_path / "b.age", [], signer, INFO)


def test_compressed_bundle_round_trip(
    tmp_path: Path, signer: PrivateKey, reviewer: PrivateKey
) -> None:
    path = tmp_path / "b.age"
    with BundleWriter(path, [reviewer.public_key], signer, INFO, compress=True) as writer:
        writer.add_file("rows.csv", [b"same row\r\n"] * 50_000)
    assert path.stat().st_size < 100_000  # deflated: 500 kB of rows shrink a lot
    assert open_bundle(path, reviewer).read_bytes("rows.csv") == b"same row\r\n" * 50_000


def test_signature_verifies_with_openssl(
    write_bundle: WriteBundle, reviewer: PrivateKey, signer: PrivateKey, tmp_path: Path
) -> None:
    # The manifest signature is plain RSA-PSS SHA-256 (salt = digest length): any auditor can
    # check it with standard tools once the bundle is decrypted.
    bundle = open_bundle(write_bundle(), reviewer)
    (tmp_path / "manifest.json").write_bytes(bundle.manifest_bytes)
    (tmp_path / "manifest.sig").write_bytes(bundle.signature)
    (tmp_path / "signer.pem").write_bytes(signer.public_key.to_pem())
    result = subprocess.run(
        [
            "openssl", "dgst", "-sha256",
            "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
            "-verify", str(tmp_path / "signer.pem"),
            "-signature", str(tmp_path / "manifest.sig"),
            str(tmp_path / "manifest.json"),
        ],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Verified OK" in result.stdout
