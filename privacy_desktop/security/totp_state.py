"""The persisted state of two-step verification, sealed with an HMAC from the secret store.

The state (failures, lock-out end, last accepted time step, recovery-code hashes) lives in a
small JSON file so that it survives a restart. Anyone who can write the file could reset the
lock-out, so the body is sealed with HMAC-SHA256 under a key kept in the keyring. The key is
replaced on every write: an older copy of the file put back (a rollback to "no failures") no
longer matches the current key and is detected like any other tampering.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeGuard

from privacy_desktop.atomic_file import write_text_atomically
from privacy_desktop.security.recovery_codes import RecoveryCodeHash
from privacy_desktop.security.secret_store import SecretStore, SecuritySecret

STATE_FILE_NAME = "two-factor-state.json"
_FORMAT = 1
_KEY_BYTES = 32


@dataclass(frozen=True)
class TwoFactorState:
    """What two-step verification remembers between runs.

    Attributes:
        enrolled: whether a TOTP secret was confirmed and not disabled since.
        failures: consecutive failed verifications.
        locked_until: epoch seconds before which no code is checked (0: not locked).
        last_step: the last accepted TOTP time step; codes of this or an earlier step are
            refused as replays (-1: none yet).
        recovery: hashes of the unused recovery codes.
        tamper_detected: the previous state was found altered or missing; cleared by the next
            successful verification.
    """

    enrolled: bool
    failures: int = 0
    locked_until: float = 0.0
    last_step: int = -1
    recovery: tuple[RecoveryCodeHash, ...] = field(default=(), repr=False)
    tamper_detected: bool = False

    def with_changes(self, **changes: Any) -> TwoFactorState:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "enrolled": self.enrolled,
            "failures": self.failures,
            "locked_until": self.locked_until,
            "last_step": self.last_step,
            "recovery": [entry.to_json() for entry in self.recovery],
            "tamper_detected": self.tamper_detected,
        }

    @classmethod
    def from_json(cls, data: Any) -> TwoFactorState:
        """Parse a sealed body (already authenticated).

        Raises:
            ValueError: the body does not have the expected shape.
        """
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("unknown state format")
        enrolled, tampered = data.get("enrolled"), data.get("tamper_detected")
        failures, last_step = data.get("failures"), data.get("last_step")
        locked_until, recovery = data.get("locked_until"), data.get("recovery")
        if not isinstance(enrolled, bool) or not isinstance(tampered, bool):
            raise ValueError("flags missing")
        if not _is_int(failures) or not _is_int(last_step):
            raise ValueError("counters missing")
        if not isinstance(locked_until, int | float) or isinstance(locked_until, bool):
            raise ValueError("lock-out end missing")
        if not isinstance(recovery, list):
            raise ValueError("recovery codes missing")
        return cls(
            enrolled=enrolled,
            failures=failures,
            locked_until=float(locked_until),
            last_step=last_step,
            recovery=tuple(RecoveryCodeHash.from_json(entry) for entry in recovery),
            tamper_detected=tampered,
        )


class StateProblem(StrEnum):
    """Why a stored state could not be trusted."""

    MISSING = "missing"  # no file
    KEY_MISSING = "key-missing"  # a file, but no key to check it with
    BAD_SEAL = "bad-seal"  # the HMAC does not match (edited, or an older copy put back)
    UNREADABLE = "unreadable"  # not JSON, wrong shape, or an I/O error


@dataclass(frozen=True)
class LoadedState:
    """The outcome of reading the state file: the state, or why there is none to trust."""

    state: TwoFactorState | None
    problem: StateProblem | None


class StateFile:
    """Reads and writes the sealed state file.

    Args:
        directory: where the file lives (created with owner-only access).
        secrets: holds the current HMAC key.
    """

    def __init__(self, directory: Path, secrets: SecretStore) -> None:
        self.path = directory / STATE_FILE_NAME
        self._secrets = secrets

    def load(self) -> LoadedState:
        """The stored state if its seal is intact, else the problem found."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LoadedState(None, StateProblem.MISSING)
        except OSError:
            return LoadedState(None, StateProblem.UNREADABLE)
        key_text = self._secrets.get_secret(SecuritySecret.TOTP_STATE_KEY)
        if key_text is None:
            return LoadedState(None, StateProblem.KEY_MISSING)
        try:
            envelope = json.loads(raw.decode("utf-8"))
            body, seal = envelope["body"], envelope["hmac"]
            key = bytes.fromhex(key_text)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return LoadedState(None, StateProblem.UNREADABLE)
        if not isinstance(seal, str) or not hmac.compare_digest(_seal(key, body), seal):
            return LoadedState(None, StateProblem.BAD_SEAL)
        try:
            return LoadedState(TwoFactorState.from_json(body), None)
        except ValueError:
            return LoadedState(None, StateProblem.UNREADABLE)

    def save(self, state: TwoFactorState) -> None:
        """Seal ``state`` under a fresh key and replace the file atomically.

        The new file is fully written before the key is replaced, and put in place after: a
        crash in between leaves a file that no longer matches the key, which reads as
        tampering and locks verification (failing safe rather than open).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(_KEY_BYTES)
        body = state.to_json()
        text = json.dumps({"body": body, "hmac": _seal(key, body)}, sort_keys=True)
        write_text_atomically(
            self.path,
            lambda file: file.write(text),
            before_replace=lambda: self._secrets.set_secret(
                SecuritySecret.TOTP_STATE_KEY, key.hex()
            ),
        )

    def remove(self) -> None:
        """Delete the file and its key (two-step verification disabled)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._secrets.delete_secret(SecuritySecret.TOTP_STATE_KEY)


def _seal(key: bytes, body: Any) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
