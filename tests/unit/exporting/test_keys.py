"""Key pairs: generation, encrypted storage, OpenSSH/PEM import and export, fingerprints."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from privacy_desktop.exporting.errors import InvalidKey, WrongPassphrase
from privacy_desktop.exporting.keys import PrivateKey, PublicKey


def test_generate_sizes(signer: PrivateKey) -> None:
    assert signer.bits == 3072
    assert PrivateKey.generate(4096).bits == 4096
    with pytest.raises(ValueError, match="key size"):
        PrivateKey.generate(1024)


def test_encrypted_private_key_round_trip(signer: PrivateKey) -> None:
    stored = signer.to_encrypted_pem("correct horse")
    assert stored.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    loaded = PrivateKey.load(stored, "correct horse")
    assert loaded.public_key.same_key(signer.public_key)
    with pytest.raises(WrongPassphrase):
        PrivateKey.load(stored, "wrong")
    with pytest.raises(WrongPassphrase):
        PrivateKey.load(stored)
    with pytest.raises(ValueError, match="empty passphrase"):
        signer.to_encrypted_pem("")


def test_unencrypted_openssh_private_key_loads(signer: PrivateKey) -> None:
    loaded = PrivateKey.load(signer.to_openssh())
    assert loaded.public_key.same_key(signer.public_key)


def test_public_key_openssh_and_pem_round_trip(signer: PrivateKey) -> None:
    public = signer.public_key
    line = public.to_openssh()
    assert line.startswith("ssh-rsa AAAA")
    assert line.endswith(" profile")
    from_line = PublicKey.parse(line)
    assert from_line.same_key(public)
    assert from_line.comment == "profile"
    from_pem = PublicKey.parse(public.to_pem())
    assert from_pem.same_key(public)
    assert from_pem.fingerprint == public.fingerprint


def test_fingerprint_matches_ssh_keygen(signer: PrivateKey, tmp_path: Path) -> None:
    key_file = tmp_path / "key.pub"
    key_file.write_text(signer.public_key.to_openssh() + "\n")
    output = subprocess.run(
        ["ssh-keygen", "-l", "-E", "sha256", "-f", str(key_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert output.split()[1] == signer.public_key.fingerprint


def test_signature_verifies_only_unchanged_data(signer: PrivateKey, stranger: PrivateKey) -> None:
    signature = signer.sign(b"manifest")
    assert signer.public_key.verify(signature, b"manifest")
    assert not signer.public_key.verify(signature, b"manifesT")
    assert not stranger.public_key.verify(signature, b"manifest")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ssh-rsa not-base64",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
        "-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----",
    ],
)
def test_bad_public_keys_are_refused(text: str) -> None:
    with pytest.raises(InvalidKey):
        PublicKey.parse(text)


def test_private_key_repr_shows_no_material(signer: PrivateKey) -> None:
    assert "BEGIN" not in repr(signer)
    assert signer.public_key.fingerprint in repr(signer)
    with pytest.raises(InvalidKey):
        PrivateKey.load(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
