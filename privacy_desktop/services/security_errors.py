"""The security service's own errors, as translatable messages.

The errors of the security core (wrong code, lock-out, keyring) pass through unchanged; these
are the ones the service adds. None of them carries a code, a password or a path.
"""

from __future__ import annotations

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.security import GuardedAction
from privacy_desktop.security.totp_errors import (
    CodeAlreadyUsed,
    TotpSecretMissing,
    TwoFactorError,
    TwoFactorLocked,
)
from privacy_desktop.services.os_account import WrongAccountPassword

_CONTEXT = "SecurityService"

#: The idle time-out a person may choose (minutes). "Never" is not offered: with nothing to
#: lock the session, a forgotten unlocked desktop would expose the whole portal.
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


class SecondFactorRequired(PrivacyDesktopError):
    """The action needs a code from the authenticator (or a recovery code) and none was given.

    Attributes:
        action: the guarded action that asked for it.
    """

    def __init__(self, action: GuardedAction) -> None:
        self.action = action
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SecurityService",
                    "This action needs two-step verification. Enter the code your "
                    "authenticator app shows, or one of your recovery codes.",
                ),
            ),
            action.value,
        )


class InvalidIdleTimeout(PrivacyDesktopError):
    """The idle time-out is outside the allowed range."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SecurityService",
                    "The automatic lock must come after between %1 and %2 minutes of inactivity.",
                ),
                (str(MIN_IDLE_MINUTES), str(MAX_IDLE_MINUTES)),
            )
        )


class AuditExportFailed(PrivacyDesktopError):
    """The export file could not be written (the audit log itself is untouched)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SecurityService",
                    "The audit log could not be exported to the chosen file. Check that the "
                    "folder exists, that you may write to it and that the disk has room.",
                ),
            ),
            detail,
        )


def failure_reason(refusal: PrivacyDesktopError) -> str:
    """A short, fixed word for a refused code's audit entry (never the message or the code)."""
    if isinstance(refusal, TwoFactorLocked):
        return "locked_out"
    if isinstance(refusal, CodeAlreadyUsed):
        return "code_reused"
    if isinstance(refusal, TotpSecretMissing):
        return "secret_missing"
    if isinstance(refusal, TwoFactorError):
        return "invalid_code"
    if isinstance(refusal, WrongAccountPassword):
        return "wrong_password"
    return "error"
