"""Single-use recovery codes for two-step verification, kept only as salted scrypt hashes.

Ten codes ``XXXX-XXXX`` are shown once at enrolment. The alphabet leaves out look-alikes
(0/O, 1/I/L) so a code copied from paper is typed right; 8 symbols of 31 give about 40 bits,
and scrypt makes each guess against a stolen state file expensive.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_COUNT = 10
_HALF = 4

#: scrypt cost (N); r=8, p=1 as RFC 7914 recommends for interactive use (~50 ms, 16 MiB).
DEFAULT_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16


@dataclass(frozen=True)
class RecoveryCodeHash:
    """One stored recovery code: its salt, its scrypt digest and the cost it was made with."""

    salt: str
    digest: str
    scrypt_n: int

    def to_json(self) -> dict[str, Any]:
        return {"salt": self.salt, "digest": self.digest, "n": self.scrypt_n}

    @classmethod
    def from_json(cls, data: Any) -> RecoveryCodeHash:
        """Parse a stored entry.

        Raises:
            ValueError: the entry does not have the expected shape.
        """
        if not isinstance(data, dict):
            raise ValueError("recovery code entry is not an object")
        salt, digest, cost = data.get("salt"), data.get("digest"), data.get("n")
        if not isinstance(salt, str) or not isinstance(digest, str):
            raise ValueError("recovery code salt/digest missing")
        if not isinstance(cost, int) or isinstance(cost, bool) or cost < 2:
            raise ValueError("recovery code cost invalid")
        bytes.fromhex(salt)
        bytes.fromhex(digest)
        return cls(salt=salt, digest=digest, scrypt_n=cost)


def generate_recovery_codes(count: int = CODE_COUNT) -> tuple[str, ...]:
    """``count`` fresh random codes ``XXXX-XXXX`` from the operating system's CSPRNG."""
    codes: set[str] = set()
    while len(codes) < count:
        symbols = "".join(secrets.choice(ALPHABET) for _ in range(2 * _HALF))
        codes.add(f"{symbols[:_HALF]}-{symbols[_HALF:]}")
    return tuple(sorted(codes))


def normalize_recovery_code(text: str) -> str | None:
    """The canonical ``XXXX-XXXX`` form of what the person typed, or None if it is not one.

    Case, spaces and the hyphen are forgiven; anything else is not a recovery code.
    """
    symbols = "".join(text.split()).replace("-", "").upper()
    if len(symbols) != 2 * _HALF or any(symbol not in ALPHABET for symbol in symbols):
        return None
    return f"{symbols[:_HALF]}-{symbols[_HALF:]}"


def hash_recovery_code(code: str, scrypt_n: int = DEFAULT_SCRYPT_N) -> RecoveryCodeHash:
    """Salt and hash a canonical code for storage."""
    salt = secrets.token_bytes(_SALT_BYTES)
    return RecoveryCodeHash(
        salt=salt.hex(), digest=_digest(code, salt, scrypt_n).hex(), scrypt_n=scrypt_n
    )


def match_recovery_code(code: str, stored: tuple[RecoveryCodeHash, ...]) -> int | None:
    """The index of the stored hash ``code`` matches, or None.

    Every stored hash is computed and compared in constant time, so the time taken does not
    tell which (or whether a) code matched.
    """
    found: int | None = None
    for index, entry in enumerate(stored):
        candidate = _digest(code, bytes.fromhex(entry.salt), entry.scrypt_n)
        if hmac.compare_digest(candidate, bytes.fromhex(entry.digest)) and found is None:
            found = index
    return found


def _digest(code: str, salt: bytes, scrypt_n: int) -> bytes:
    return hashlib.scrypt(
        code.encode("ascii"),
        salt=salt,
        n=scrypt_n,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
        maxmem=256 * 1024 * 1024,
        dklen=32,
    )
