"""Builders for the SecurityService tests: a fixed clock, an in-memory secret store, a real
state file and audit log in a temporary directory (imported by name; pytest puts this
directory on the path)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyotp

from privacy_desktop.security.audit import AuditLog
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.secret_store import MemorySecretStore
from privacy_desktop.security.totp import TwoFactor
from privacy_desktop.services.os_account import PasswordCheck
from privacy_desktop.services.security import SecurityService
from privacy_desktop.settings import SettingsStore

FAST_SCRYPT_N = 2**10


@dataclass
class FixedClock:
    """Seconds that move only when a test says so (epoch-like, for TOTP steps)."""

    now: float = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Harness:
    """A SecurityService over real files, with everything it was built from."""

    directory: Path
    clock: FixedClock = field(default_factory=FixedClock)
    secrets: MemorySecretStore = field(default_factory=MemorySecretStore)
    os_check: PasswordCheck | None = None

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.settings = SettingsStore(self.directory / "settings.json")
        self.service = self.build()

    def build(self) -> SecurityService:
        """A service as a fresh start of the application would make it."""
        return SecurityService(
            self.secrets,
            self.directory,
            "default",
            self.settings,
            two_factor=TwoFactor(
                self.secrets,
                self.directory,
                "admin",
                clock=self.clock,
                recovery_scrypt_n=FAST_SCRYPT_N,
            ),
            audit_log=lambda: AuditLog(
                self.directory, "default", self.secrets, clock=self.clock, actor="admin"
            ),
            os_account_check=self.os_check,
            clock=self.clock,
        )

    def enroll(self) -> tuple[str, tuple[str, ...]]:
        """Turn two-step on; returns the secret and the recovery codes (clock one step on)."""
        enrollment = self.service.begin_enrollment()
        codes = self.service.confirm_enrollment(enrollment, self.code(enrollment.secret))
        self.clock.advance(30)
        return enrollment.secret, codes

    def code(self, secret: str, steps: int = 0) -> str:
        return pyotp.TOTP(secret).generate_otp(int(self.clock.now // 30) + steps)

    def actions(self) -> list[AuditAction]:
        """Every non-checkpoint action in the audit log, oldest first."""
        log = AuditLog(self.directory, "default", self.secrets)
        return [entry.action for entry in log.entries() if not entry.is_checkpoint]

    def details(self, action: AuditAction) -> list[dict[str, str]]:
        log = AuditLog(self.directory, "default", self.secrets)
        return [entry.details for entry in log.entries() if entry.action is action]
