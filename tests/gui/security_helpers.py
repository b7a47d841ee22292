"""Helpers of the security GUI tests: real two-step enrolment and codes computed by pyotp."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyotp

from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction, AuditEntry
from privacy_desktop.services.context import AppContext

#: Bounds a hang of a keyring/PAM round trip; never a timing assertion.
WAIT_MS = 60_000


@dataclass(frozen=True)
class Enrolled:
    """What the authenticator app and the person hold after enrolment."""

    secret: str
    recovery_codes: tuple[str, ...]

    def next_code(self) -> str:
        """A code the service has not accepted yet: the next 30-second step's.

        Enrolment accepted the current step's code, and a code of an accepted step is a
        replay; the next step's is inside the ±1 window and newer, so it is accepted once.
        """
        return pyotp.TOTP(self.secret).at(time.time() + 30)


def enroll(context: AppContext) -> Enrolled:
    """Turn two-step verification on through the service, as the wizard would."""
    enrollment = context.security.begin_enrollment()
    codes = context.security.confirm_enrollment(enrollment, pyotp.TOTP(enrollment.secret).now())
    return Enrolled(enrollment.secret, codes)


def wrong_code(secret: str) -> str:
    """Six digits that match none of the steps the service accepts now."""
    totp = pyotp.TOTP(secret)
    now = time.time()
    valid = {totp.at(now + offset) for offset in (-60, -30, 0, 30, 60)}
    candidate = 0
    while f"{candidate:06d}" in valid:
        candidate += 1
    return f"{candidate:06d}"


def entries(context: AppContext, action: AuditAction) -> list[AuditEntry]:
    """The audit entries of one action, newest first."""
    return context.security.audit_entries(AuditQuery(actions=frozenset({action})))
