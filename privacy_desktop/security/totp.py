"""Two-step verification with TOTP (RFC 6238): enrolment, verification, lock-out, recovery.

Codes of the current 30-second step and one step either side are accepted (clock drift); a
code for a step at or before the last accepted one is a replay and refused. Wrong codes lead
to lock-outs that double from 30 s up to an hour. All of this, with the recovery-code hashes,
is persisted in an HMAC-sealed file (:mod:`totp_state`): deleting or editing that file locks
verification for the longest delay instead of resetting it.
"""

from __future__ import annotations

import hmac
import io
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import pyotp
import segno

from privacy_desktop.security.recovery_codes import (
    DEFAULT_SCRYPT_N,
    generate_recovery_codes,
    hash_recovery_code,
    match_recovery_code,
    normalize_recovery_code,
)
from privacy_desktop.security.secret_store import SecretStore, SecuritySecret
from privacy_desktop.security.totp_errors import (
    AlreadyEnrolled,
    CodeAlreadyUsed,
    InvalidCode,
    NotEnrolled,
    TotpSecretMissing,
    TwoFactorLocked,
)
from privacy_desktop.security.totp_state import StateFile, StateProblem, TwoFactorState

ISSUER = "Privacy Desktop"
STEP_S = 30
#: Accepted steps either side of the current one.
WINDOW = 1
_DIGITS = 6


@dataclass(frozen=True)
class LockoutPolicy:
    """How failed verifications are throttled.

    Attributes:
        threshold: the failure that starts the first lock-out.
        first_delay_s: the first lock-out; each further failure doubles it.
        max_delay_s: the cap; also imposed when the stored state was tampered with.
    """

    threshold: int = 5
    first_delay_s: float = 30.0
    max_delay_s: float = 3600.0

    def delay_after(self, failures: int) -> float:
        """Seconds of lock-out after ``failures`` consecutive failures (0: none)."""
        if failures < self.threshold:
            return 0.0
        doublings = min(failures - self.threshold, 32)  # beyond 2**32 the cap rules anyway
        return min(math.ldexp(self.first_delay_s, doublings), self.max_delay_s)

    def __post_init__(self) -> None:
        if self.threshold < 1 or not 0 < self.first_delay_s <= self.max_delay_s:
            raise ValueError("need threshold >= 1 and 0 < first_delay_s <= max_delay_s")

    def failures_at_cap(self) -> int:
        """The smallest failure count whose lock-out is the maximum delay."""
        return self.threshold + math.ceil(math.log2(self.max_delay_s / self.first_delay_s))


@dataclass(frozen=True)
class Enrollment:
    """A TOTP secret offered to the person, not yet confirmed (nothing is stored yet).

    Attributes:
        account: the label the authenticator shows (the profile name).
        secret: the base32 shared secret (never printed by ``repr``).
    """

    account: str
    secret: str = field(repr=False)

    @property
    def provisioning_uri(self) -> str:
        """The ``otpauth://totp/...`` URI authenticator apps import."""
        return pyotp.TOTP(self.secret).provisioning_uri(name=self.account, issuer_name=ISSUER)

    def qr_png(self, scale: int = 6) -> bytes:
        """The provisioning URI as a QR code in PNG."""
        buffer = io.BytesIO()
        segno.make(self.provisioning_uri, error="m").save(buffer, kind="png", scale=scale)
        return buffer.getvalue()

    def qr_svg(self, scale: int = 6) -> str:
        """The provisioning URI as a QR code, an inline SVG document."""
        svg: str = segno.make(self.provisioning_uri, error="m").svg_inline(scale=scale)
        return svg


class VerificationMethod(StrEnum):
    """What the person proved themselves with."""

    TOTP = "totp"
    RECOVERY_CODE = "recovery_code"


@dataclass(frozen=True)
class TwoFactorStatus:
    """What the settings page shows.

    Attributes:
        enabled: two-step verification is set up.
        failures: consecutive wrong codes.
        locked_until: epoch seconds until which codes are refused, or None.
        recovery_codes_left: unused recovery codes.
        tamper_detected: the stored state was found altered or missing since the last
            successful verification.
    """

    enabled: bool
    failures: int
    locked_until: float | None
    recovery_codes_left: int
    tamper_detected: bool


class TwoFactor:
    """Two-step verification of one application profile.

    Args:
        secrets: holds the TOTP secret and the state file's HMAC key.
        state_dir: the directory of the sealed state file.
        account: the profile name shown in the authenticator app.
        clock: epoch seconds (injected so tests control time).
        lockout: the throttling policy.
        recovery_scrypt_n: scrypt cost for new recovery-code hashes.
    """

    def __init__(
        self,
        secrets: SecretStore,
        state_dir: Path,
        account: str,
        *,
        clock: Callable[[], float] = time.time,
        lockout: LockoutPolicy | None = None,
        recovery_scrypt_n: int = DEFAULT_SCRYPT_N,
    ) -> None:
        self._secrets = secrets
        self._file = StateFile(state_dir, secrets)
        self.account = account
        self._clock = clock
        self.lockout = lockout or LockoutPolicy()
        self._scrypt_n = recovery_scrypt_n
        # One check at a time: two threads must not both read "3 failures" and write 4.
        self._guard = threading.RLock()

    @property
    def state_path(self) -> Path:
        return self._file.path

    def status(self) -> TwoFactorStatus:
        """The current status (a tampered state is detected, persisted and reported here)."""
        with self._guard:
            now = self._clock()
            state = self._current_state(now)
            if state is None or not state.enrolled:
                return TwoFactorStatus(False, 0, None, 0, False)
            locked = state.locked_until if state.locked_until > now else None
            return TwoFactorStatus(
                True, state.failures, locked, len(state.recovery), state.tamper_detected
            )

    @property
    def is_enabled(self) -> bool:
        return self.status().enabled

    def begin_enrollment(self) -> Enrollment:
        """A fresh random secret to show as a QR code.

        Raises:
            AlreadyEnrolled: two-step verification is on.
        """
        if self.is_enabled:
            raise AlreadyEnrolled()
        return Enrollment(account=self.account, secret=pyotp.random_base32())

    def confirm_enrollment(self, enrollment: Enrollment, code: str) -> tuple[str, ...]:
        """Store the secret once the authenticator produced a valid code.

        Returns:
            The ten recovery codes, to show once; only their hashes are kept.

        Raises:
            AlreadyEnrolled: two-step verification is already on.
            InvalidCode: the code does not match the offered secret.
        """
        with self._guard:
            now = self._clock()
            if self.is_enabled:
                raise AlreadyEnrolled()
            step = _matching_step(enrollment.secret, code, now)
            if step is None:
                raise InvalidCode()
            codes = generate_recovery_codes()
            hashes = tuple(hash_recovery_code(each, self._scrypt_n) for each in codes)
            # The secret first: a crash before the state is written reads as tampering (locked),
            # never as "not enrolled".
            self._secrets.set_secret(SecuritySecret.TOTP_SECRET, enrollment.secret)
            self._file.save(TwoFactorState(enrolled=True, last_step=step, recovery=hashes))
            return codes

    def verify(self, code: str) -> VerificationMethod:
        """Check a TOTP code or a recovery code (a used recovery code is removed).

        Returns:
            Which kind of code it was.

        Raises:
            NotEnrolled: two-step verification is off.
            TwoFactorLocked: a lock-out is running (nothing was checked).
            CodeAlreadyUsed: a valid TOTP code of an already accepted step.
            InvalidCode: a wrong code (``retry_after_s`` > 0 if it started a lock-out).
            TotpSecretMissing: a TOTP code was entered but the keyring lost the secret.
        """
        with self._guard:
            now = self._clock()
            state = self._current_state(now)
            if state is None or not state.enrolled:
                raise NotEnrolled()
            if state.locked_until > now:
                raise TwoFactorLocked(math.ceil(state.locked_until - now), state.tamper_detected)
            recovery_code = normalize_recovery_code(code)
            if recovery_code is not None:
                index = match_recovery_code(recovery_code, state.recovery)
                if index is None:
                    self._fail(state, now)
                remaining = state.recovery[:index] + state.recovery[index + 1 :]
                self._succeed(state, recovery=remaining)
                return VerificationMethod.RECOVERY_CODE
            secret = self._secrets.get_secret(SecuritySecret.TOTP_SECRET)
            if secret is None:
                raise TotpSecretMissing()
            step = _matching_step(secret, code, now)
            if step is None:
                self._fail(state, now)
            if step <= state.last_step:
                raise CodeAlreadyUsed()
            self._succeed(state, last_step=step)
            return VerificationMethod.TOTP

    def regenerate_recovery_codes(self, code: str) -> tuple[str, ...]:
        """Replace every recovery code after a valid code; the old ones stop working.

        Raises:
            The errors of :meth:`verify`.
        """
        with self._guard:
            self.verify(code)
            codes = generate_recovery_codes()
            state = self._current_state(self._clock())
            if state is None:  # disabled by another thread of control in between
                raise NotEnrolled()
            hashes = tuple(hash_recovery_code(each, self._scrypt_n) for each in codes)
            self._file.save(state.with_changes(recovery=hashes))
            return codes

    def disable(self, code: str) -> None:
        """Turn two-step verification off after a valid TOTP or recovery code.

        Raises:
            The errors of :meth:`verify`.
        """
        with self._guard:
            self.verify(code)
            state = self._current_state(self._clock())
            if state is None:
                raise NotEnrolled()
            # Recorded as disabled before the secret goes, so an interruption never leaves a
            # secret without a sealed state (which would read as tampering).
            self._file.save(TwoFactorState(enrolled=False, last_step=state.last_step))
            self._secrets.delete_secret(SecuritySecret.TOTP_SECRET)
            self._file.remove()

    def _current_state(self, now: float) -> TwoFactorState | None:
        loaded = self._file.load()
        if loaded.state is not None:
            return loaded.state
        has_secret = self._secrets.get_secret(SecuritySecret.TOTP_SECRET) is not None
        if loaded.problem is StateProblem.MISSING and not has_secret:
            return None  # never enrolled, or cleanly disabled
        if not has_secret:
            # A broken file with no secret behind it guards nothing; clear it away.
            self._file.remove()
            return None
        # Tampered, rolled back, unreadable or deleted while a secret exists: lock for the
        # longest delay, forget recovery codes whose hashes cannot be trusted, and refuse
        # every code of the current window (a code seen before the tampering is no good).
        locked = TwoFactorState(
            enrolled=True,
            failures=self.lockout.failures_at_cap(),
            locked_until=now + self.lockout.max_delay_s,
            last_step=_step(now) + WINDOW,
            tamper_detected=True,
        )
        self._file.save(locked)
        return locked

    def _fail(self, state: TwoFactorState, now: float) -> NoReturn:
        failures = state.failures + 1
        delay = self.lockout.delay_after(failures)
        self._file.save(
            state.with_changes(failures=failures, locked_until=now + delay if delay else 0.0)
        )
        raise InvalidCode(
            retry_after_s=math.ceil(delay), attempts_left=max(self.lockout.threshold - failures, 0)
        )

    def _succeed(self, state: TwoFactorState, **changes: object) -> None:
        self._file.save(
            state.with_changes(failures=0, locked_until=0.0, tamper_detected=False, **changes)
        )


def _step(now: float) -> int:
    return int(now // STEP_S)


def _matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step within ±WINDOW whose code equals ``code``, or None.

    Every candidate is compared in constant time; the newest matching step wins.
    """
    typed = "".join(code.split())
    if len(typed) != _DIGITS or not typed.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=_DIGITS, interval=STEP_S)
    current = _step(now)
    found: int | None = None
    for step in range(current - WINDOW, current + WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), typed):
            found = step
    return found
