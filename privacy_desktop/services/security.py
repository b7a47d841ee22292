"""The security use cases of one profile: two-step verification, the session lock, the audit log.

:class:`SecurityService` composes the Qt-free security core (``security.totp``,
``security.session``, ``security.audit``) into what the GUI and the CLI do: enrol, verify a
code before a guarded action, lock and unlock, change the idle time-out, and read, verify and
export the audit log; every security-relevant step is recorded in the audit log.

Threading: the methods marked *fast* touch memory only and are safe on the GUI thread; every
other method may block on the keyring, the disk or PAM and belongs on a worker (the keyring
ones on the vault executor). The service is thread-safe: the core objects hold their own
locks, and the audit log is opened once under a lock of its own.

Audit failures do not fail the action they describe (see :mod:`audit_trail`); they are kept
in :attr:`SecurityService.audit_problem`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.security import (
    GuardedAction,
    SecondFactorPolicy,
    requires_second_factor,
)
from privacy_desktop.security.audit import AuditLog
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.recovery_codes import normalize_recovery_code
from privacy_desktop.security.secret_store import SecretStore
from privacy_desktop.security.session import LockReason, Session, SessionPolicy
from privacy_desktop.security.totp import Enrollment, TwoFactor, TwoFactorStatus, VerificationMethod
from privacy_desktop.security.totp_errors import TwoFactorError, TwoFactorLocked
from privacy_desktop.services.audit_trail import DEFAULT_AUDIT_LIMIT, AuditFacade, AuditTrail
from privacy_desktop.services.os_account import (
    PasswordCheck,
    UnlockUnavailable,
    check_os_account_password,
    os_account_check_available,
)
from privacy_desktop.services.security_errors import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    AuditExportFailed,
    InvalidIdleTimeout,
    SecondFactorRequired,
    failure_reason,
)
from privacy_desktop.settings import Settings, SettingsError, SettingsStore

__all__ = [
    "DEFAULT_AUDIT_LIMIT",
    "AuditExportFailed",
    "InvalidIdleTimeout",
    "SecondFactorRequired",
    "SecurityService",
    "UnlockMethod",
    "UnlockUnavailable",
]


class UnlockMethod(StrEnum):
    """What the unlock field asks for."""

    TWO_FACTOR = "two_factor"  # a TOTP or recovery code
    OS_ACCOUNT = "os_account"  # the operating-system account's password
    UNAVAILABLE = "unavailable"  # nothing: unlocking is impossible (UnlockUnavailable)


class SecurityService(AuditFacade):
    """Two-step verification, the session lock and the audit log of one profile.

    Args:
        secrets: the profile's secret store (the keyring adapter in the application).
        data_dir: where the two-step state file and the audit log live.
        profile: the profile's name (names the audit log file).
        settings: holds the idle time-out (``auto_lock_minutes``).
        account: the label the authenticator app shows.
        two_factor: injected by tests (fixed clock, cheap scrypt); built from the above if None.
        audit_log: makes the audit log on first use (its constructor reads the keyring).
        os_account_check: checks the OS account password; None uses PAM where available. A
            test may inject one only to reach the success path, which no test can reach with
            real PAM without knowing a real password.
        clock: monotonic seconds, for the session and the verification grace period.
    """

    def __init__(
        self,
        secrets: SecretStore,
        data_dir: Path,
        profile: str,
        settings: SettingsStore,
        *,
        account: str = "",
        two_factor: TwoFactor | None = None,
        audit_log: Callable[[], AuditLog] | None = None,
        os_account_check: PasswordCheck | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._two_factor = two_factor or TwoFactor(secrets, data_dir, account or profile)
        #: The profile's audit log (opened on first use; the keyring holds its signing key).
        self.audit = AuditTrail(audit_log or (lambda: AuditLog(data_dir, profile, secrets)))
        self._os_check = os_account_check
        self._clock = clock
        self._last_verified: float | None = None
        self._tamper_reported = False
        self._startup_checked = False
        # The state file exists exactly while two-step verification is (or was, until a
        # tampering) enrolled: a stat, not a keyring call, so the context can be built on the
        # GUI thread and still open locked. starts_locked() settles the remaining cases.
        self.session = Session(
            clock,
            SessionPolicy(idle_timeout_s=_idle_minutes(settings) * 60.0),
            locked=self._two_factor.state_path.exists(),
        )

    # ------------------------------------------------------------------ two-step verification

    def status(self) -> TwoFactorStatus:
        """The two-step status; a newly detected tampering is audited once per run."""
        status = self._two_factor.status()
        if status.tamper_detected:
            self._report_tamper()
        return status

    def policy(self) -> SecondFactorPolicy:
        """What the second factor guards now (every guarded action, when enrolled)."""
        return SecondFactorPolicy(enabled=self.status().enabled)

    def begin_enrollment(self) -> Enrollment:
        """A fresh secret to show as a QR code (nothing is stored yet).

        Raises:
            AlreadyEnrolled, VaultError.
        """
        return self._two_factor.begin_enrollment()

    def confirm_enrollment(self, enrollment: Enrollment, code: str) -> tuple[str, ...]:
        """Turn two-step verification on once the authenticator's first code matches.

        Returns:
            The ten recovery codes, to show once.

        Raises:
            InvalidCode, AlreadyEnrolled, VaultError.
        """
        codes = self._two_factor.confirm_enrollment(enrollment, code)
        self._last_verified = self._clock()
        self._tamper_reported = False
        self.audit.record_safely(AuditAction.TWOFACTOR_ENROLLED)
        return codes

    def disable(self, code: str) -> None:
        """Turn two-step verification off after a valid TOTP or recovery code.

        Raises:
            The errors of :meth:`TwoFactor.verify`.
        """
        self._guarded(lambda: self._two_factor.disable(code), code, "twofactor_disable")
        self.audit.record_safely(AuditAction.TWOFACTOR_DISABLED)

    def regenerate_recovery_codes(self, code: str) -> tuple[str, ...]:
        """Replace every recovery code after a valid code.

        Raises:
            The errors of :meth:`TwoFactor.verify`.
        """
        codes: list[tuple[str, ...]] = []
        self._guarded(
            lambda: codes.append(self._two_factor.regenerate_recovery_codes(code)),
            code,
            "recovery_codes_regenerate",
        )
        self.audit.record_safely(AuditAction.RECOVERY_CODES_REGENERATED)
        return codes[0]

    def needs_code(self, action: GuardedAction) -> bool:
        """Whether ``action`` must ask for a code now.

        Unlocking always asks for something: the TOTP code, or the account password where
        two-step verification is off.
        """
        if action is GuardedAction.UNLOCK:
            return True
        since = None if self._last_verified is None else self._clock() - self._last_verified
        return requires_second_factor(action, self.policy(), since)

    def authorize(self, action: GuardedAction, code: str | None) -> None:
        """Let ``action`` proceed, checking ``code`` if the second factor guards it.

        With two-step verification off every action passes, except UNLOCK, which checks
        the account password (``code``) like :meth:`unlock`.

        Raises:
            SecondFactorRequired: a code is needed and ``code`` is None.
            InvalidCode, CodeAlreadyUsed, TwoFactorLocked, TotpSecretMissing: the code was
                refused (audited as TWOFACTOR_FAILED).
            WrongAccountPassword, UnlockUnavailable: UNLOCK without two-step verification.
        """
        if action is GuardedAction.UNLOCK:
            if code is None:
                raise SecondFactorRequired(action)
            try:
                self._check_unlock_secret(code)
            except UnlockUnavailable:
                raise
            except PrivacyDesktopError as refusal:
                self.audit.record_safely(
                    AuditAction.TWOFACTOR_FAILED,
                    details={"action": action.value, "reason": failure_reason(refusal)},
                )
                raise
            return
        if not self.needs_code(action):
            return
        if code is None:
            raise SecondFactorRequired(action)
        self._guarded(lambda: self._two_factor.verify(code), code, action.value)

    # ------------------------------------------------------------------ session

    def touch(self) -> None:
        """Record activity. Fast."""
        self.session.touch()

    def lock_if_idle(self) -> bool:
        """Lock if the idle time-out has passed; whether it locked now. Fast."""
        return self.session.lock_if_idle()

    def lock(self, reason: LockReason) -> None:
        """Lock now: caches cleared, ``on_lock`` callbacks run. Fast; writes no audit entry
        (call :meth:`record_lock` on a worker afterwards).

        Raises:
            ExceptionGroup: a cache or callback failed (the session is locked regardless).
        """
        self.session.lock(reason)

    def record_lock(self, reason: LockReason) -> None:
        """Audit a lock and sign the log's head (blocking; errors are kept, not raised)."""
        if self.audit.record_safely(AuditAction.LOCK, details={"reason": reason.value}):
            self.audit.checkpoint_safely()

    def unlock_method(self) -> UnlockMethod:
        """What :meth:`unlock` checks (blocking: reads the two-step state)."""
        if self.status().enabled:
            return UnlockMethod.TWO_FACTOR
        if self._os_check is not None or os_account_check_available():
            return UnlockMethod.OS_ACCOUNT
        return UnlockMethod.UNAVAILABLE

    def unlock(self, code: str) -> None:
        """Unlock with a TOTP or recovery code, or the account password without two-step.

        Does nothing if the session is not locked. The check runs before the session's own
        lock is taken, so :meth:`touch` and :meth:`lock` never wait behind a slow PAM check.

        Raises:
            InvalidCode, CodeAlreadyUsed, TwoFactorLocked, TotpSecretMissing,
            WrongAccountPassword: refused (audited as UNLOCK_FAILED).
            UnlockUnavailable: two-step is off and no account check exists here.
        """
        if not self.session.is_locked:
            return
        outcome: str | PrivacyDesktopError
        try:
            outcome = self._check_unlock_secret(code)
        except UnlockUnavailable:
            raise
        except PrivacyDesktopError as refusal:
            outcome = refusal

        def verdict() -> None:
            if isinstance(outcome, PrivacyDesktopError):
                raise outcome

        try:
            # The session counts the refusal and tells its subscribers.
            self.session.unlock(verdict)
        except PrivacyDesktopError as refusal:
            self.audit.record_safely(
                AuditAction.UNLOCK_FAILED,
                details={
                    "reason": failure_reason(refusal),
                    "attempt": str(self.session.failed_attempts),
                },
            )
            raise
        if isinstance(outcome, str):
            self.audit.record_safely(AuditAction.UNLOCK, details={"method": outcome})

    def starts_locked(self) -> bool:
        """Whether the application opens on the unlock screen (blocking).

        True when two-step verification is enabled. The first call also locks the session if
        the state file was removed while the secret remains (a tampering the constructor's
        quick look could not see); that lock runs the ``on_lock`` callbacks on the calling
        thread. A session that opened locked stays locked even if the state then turns out
        not to be enrolled: the account check unlocks it (failing safe).
        """
        enabled = self.status().enabled
        if not self._startup_checked:
            self._startup_checked = True
            if enabled and not self.session.is_locked:
                self.session.lock(LockReason.MANUAL)
            return self.session.is_locked
        return enabled

    def idle_timeout_minutes(self) -> int:
        """The idle time-out now in force, in whole minutes (0: never). Fast."""
        return round(self.session.policy.idle_timeout_s / 60)

    def set_idle_timeout(self, minutes: int, code: str | None) -> None:
        """Change the idle time-out (a security setting: needs the second factor if on).

        Raises:
            InvalidIdleTimeout: outside 1..240 minutes.
            SecondFactorRequired and the errors of :meth:`authorize`.
            SettingsError: the settings could not be saved.
        """
        if isinstance(minutes, bool) or not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
            raise InvalidIdleTimeout()
        self.authorize(GuardedAction.CHANGE_SECURITY_SETTINGS, code)
        previous = self.idle_timeout_minutes()

        self._settings.update(lambda settings: replace(settings, auto_lock_minutes=minutes))
        self.session.policy = SessionPolicy(idle_timeout_s=minutes * 60.0)
        self.audit.record_safely(
            AuditAction.SETTINGS_CHANGED,
            details={"setting": "auto_lock_minutes", "old": str(previous), "new": str(minutes)},
        )

    def apply_settings(self, settings: Settings) -> None:
        """Take the idle time-out from settings loaded (or reset) elsewhere. Fast."""
        self.session.policy = SessionPolicy(idle_timeout_s=settings.auto_lock_minutes * 60.0)

    # ------------------------------------------------------------------ internals

    def _check_unlock_secret(self, code: str) -> str:
        """Check an unlock secret (not audited here); returns the method, for the entry.

        Raises:
            TwoFactorError, WrongAccountPassword, UnlockUnavailable, VaultError.
        """
        if self.status().enabled:
            verify = self._two_factor.verify
            return self._guarded(lambda: verify(code), code, "unlock", audit=False)
        check = self._os_check
        if check is None:
            if not os_account_check_available():
                raise UnlockUnavailable("no account check")
            check = check_os_account_password
        check(code)
        return UnlockMethod.OS_ACCOUNT.value

    def _guarded(
        self, check: Callable[[], object], code: str, purpose: str, *, audit: bool = True
    ) -> str:
        """Run a code check; audit its failure, a recovery code's use and a tampering.

        Returns:
            The verification method (``totp`` or ``recovery_code``).
        """
        try:
            outcome = check()
        except TwoFactorError as refusal:
            if isinstance(refusal, TwoFactorLocked) and refusal.tampered:
                self._report_tamper()
            if audit:
                self.audit.record_safely(
                    AuditAction.TWOFACTOR_FAILED,
                    details={"action": purpose, "reason": failure_reason(refusal)},
                )
            raise
        self._last_verified = self._clock()
        # A success clears the state's tamper flag, so a later tampering is news again.
        self._tamper_reported = False
        if isinstance(outcome, VerificationMethod):
            method = outcome
        elif normalize_recovery_code(code) is not None:
            method = VerificationMethod.RECOVERY_CODE
        else:
            method = VerificationMethod.TOTP
        if method is VerificationMethod.RECOVERY_CODE:
            self.audit.record_safely(AuditAction.RECOVERY_CODE_USED, details={"action": purpose})
        return method.value

    def _report_tamper(self) -> None:
        if not self._tamper_reported:
            self._tamper_reported = True
            self.audit.record_safely(AuditAction.TWOFACTOR_TAMPERED)


def _idle_minutes(settings: SettingsStore) -> int:
    """The stored idle time-out; the default if the file cannot be read (the application
    reports a damaged settings file itself)."""
    try:
        return settings.load().auto_lock_minutes
    except SettingsError:
        return Settings().auto_lock_minutes
