"""RSA key pairs for signing manifests and for age ``ssh-rsa`` recipients.

The private key is kept as an encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2-SHA256 via
``cryptography``'s best available encryption). An encrypted OpenSSH key would need the
``bcrypt`` package, which we do not ship; age cannot prompt for a PKCS#8 passphrase either, so a
person who wants to use the standard ``age -i`` exports an unencrypted OpenSSH copy
(:meth:`PrivateKey.to_openssh`) to a file only they can read.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from privacy_desktop.exporting.errors import InvalidKey, WrongPassphrase

#: Sizes offered when generating a key pair.
KEY_SIZES = (3072, 4096)
#: Smallest key accepted on import (age's own lower bound for ssh-rsa).
MIN_IMPORT_BITS = 2048
_PUBLIC_EXPONENT = 65537
#: RSA-PSS with SHA-256, MGF1-SHA-256 and a salt as long as the digest (OpenSSL's
#: ``rsa_pss_saltlen:digest``), so the signature can be checked with standard tools.
_PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


@dataclass(frozen=True, eq=False)
class PublicKey:
    """An RSA public key, as a recipient of bundles or as a trusted signer.

    Attributes:
        key: the ``cryptography`` key object.
        comment: the free text after the key in OpenSSH form (may be empty).
    """

    key: rsa.RSAPublicKey
    comment: str = ""

    @classmethod
    def parse(cls, text: str | bytes) -> PublicKey:
        """Read a public key in OpenSSH (``ssh-rsa AAAA… comment``) or PEM form.

        Raises:
            InvalidKey: not an RSA public key of at least 2048 bits in either form.
        """
        data = text.encode("ascii", "replace") if isinstance(text, str) else text
        data = data.strip()
        comment = ""
        try:
            if data.startswith(b"-----BEGIN"):
                loaded = serialization.load_pem_public_key(data)
            else:
                parts = data.split(None, 2)
                if len(parts) == 3:
                    comment = parts[2].decode("utf-8", "replace")
                loaded = serialization.load_ssh_public_key(b" ".join(parts[:2]))
        except (ValueError, TypeError, IndexError) as error:
            raise InvalidKey(type(error).__name__) from None
        if not isinstance(loaded, rsa.RSAPublicKey):
            raise InvalidKey("not an RSA key")
        if loaded.key_size < MIN_IMPORT_BITS:
            raise InvalidKey(f"{loaded.key_size} bits")
        return cls(loaded, comment)

    @property
    def bits(self) -> int:
        """The modulus size in bits."""
        return self.key.key_size

    def to_openssh(self) -> str:
        """The one-line OpenSSH form, with the comment if there is one."""
        line = self.key.public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        ).decode("ascii")
        return f"{line} {self.comment}" if self.comment else line

    def to_pem(self) -> bytes:
        """The ``-----BEGIN PUBLIC KEY-----`` (SubjectPublicKeyInfo) form."""
        return self.key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    @property
    def fingerprint(self) -> str:
        """``SHA256:…`` exactly as ``ssh-keygen -l`` prints it."""
        blob = base64.b64decode(self.to_openssh().split()[1])
        digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii")
        return "SHA256:" + digest.rstrip("=")

    def same_key(self, other: PublicKey) -> bool:
        """True when both are the same RSA key (comments aside)."""
        return self.key.public_numbers() == other.key.public_numbers()

    def verify(self, signature: bytes, data: bytes) -> bool:
        """Whether ``signature`` is this key's RSA-PSS SHA-256 signature of ``data``."""
        try:
            self.key.verify(signature, data, _PSS, hashes.SHA256())
        except InvalidSignature:
            return False
        return True

    def age_recipient(self) -> pyrage.ssh.Recipient:
        """This key as an age ``ssh-rsa`` recipient."""
        # The comment is left out: age only needs the key type and blob.
        line = self.key.public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        ).decode("ascii")
        return pyrage.ssh.Recipient.from_str(line)


class PrivateKey:
    """An RSA private key held in memory: signs manifests and opens bundles.

    Args:
        key: the ``cryptography`` key object.
        comment: carried over to the public key's OpenSSH form.
    """

    def __init__(self, key: rsa.RSAPrivateKey, comment: str = "") -> None:
        self._key = key
        self.comment = comment

    @classmethod
    def generate(cls, bits: int = 3072, comment: str = "") -> PrivateKey:
        """A new key pair of ``bits`` (one of :data:`KEY_SIZES`); slow: run it off the GUI thread.

        Raises:
            ValueError: ``bits`` is not one of :data:`KEY_SIZES` (a programming error).
        """
        if bits not in KEY_SIZES:
            raise ValueError(f"key size must be one of {KEY_SIZES}")
        return cls(rsa.generate_private_key(_PUBLIC_EXPONENT, bits), comment)

    @classmethod
    def load(cls, data: bytes, passphrase: str | None = None, comment: str = "") -> PrivateKey:
        """Read a private key: encrypted or plain PKCS#8/PKCS#1 PEM, or an unencrypted OpenSSH key.

        Raises:
            WrongPassphrase: the key is encrypted and the passphrase is wrong or missing.
            InvalidKey: not an RSA private key of at least 2048 bits.
        """
        password = passphrase.encode("utf-8") if passphrase is not None else None
        data = data.strip()
        loaded: object
        try:
            if data.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----"):
                loaded = serialization.load_ssh_private_key(data, password)
            else:
                loaded = serialization.load_pem_private_key(data, password)
        except TypeError:
            # cryptography says TypeError when a password is missing or given needlessly.
            if password is None:
                raise WrongPassphrase("passphrase required") from None
            raise InvalidKey("key is not encrypted") from None
        except ValueError as error:
            if b"ENCRYPTED" in data[:64]:
                raise WrongPassphrase() from None
            raise InvalidKey(type(error).__name__) from None
        except Exception as error:  # e.g. UnsupportedAlgorithm for exotic encodings
            raise InvalidKey(type(error).__name__) from None
        if not isinstance(loaded, rsa.RSAPrivateKey):
            raise InvalidKey("not an RSA key")
        if loaded.key_size < MIN_IMPORT_BITS:
            raise InvalidKey(f"{loaded.key_size} bits")
        return cls(loaded, comment)

    @property
    def bits(self) -> int:
        """The modulus size in bits."""
        return self._key.key_size

    @property
    def public_key(self) -> PublicKey:
        """The matching public key."""
        return PublicKey(self._key.public_key(), self.comment)

    def to_encrypted_pem(self, passphrase: str) -> bytes:
        """The key as an encrypted PKCS#8 PEM, safe to store on disk.

        Raises:
            ValueError: the passphrase is empty (a programming error: the GUI requires one).
        """
        if not passphrase:
            raise ValueError("an empty passphrase would leave the key unprotected")
        return self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
        )

    def to_openssh(self) -> bytes:
        """The key *unencrypted* in OpenSSH form, for ``age -i``; the caller must protect it."""
        return self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )

    def sign(self, data: bytes) -> bytes:
        """An RSA-PSS SHA-256 signature of ``data``."""
        return self._key.sign(data, _PSS, hashes.SHA256())

    def age_identity(self) -> pyrage.ssh.Identity:
        """This key as an age ``ssh-rsa`` identity (built in memory, never written)."""
        return pyrage.ssh.Identity.from_buffer(self.to_openssh())

    def __repr__(self) -> str:
        # Never show key material, even in a debugger or a log line.
        return f"PrivateKey({self.bits} bits, {self.public_key.fingerprint})"
