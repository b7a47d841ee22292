"""What can go wrong with two-step verification, as translatable messages.

No message ever contains the TOTP secret, a code the person typed or a recovery code.

The ``%n`` texts carry their count in ``UserMessage.count``. They are marked with
``QT_TRANSLATE_NOOP``, not ``QT_TRANSLATE_N_NOOP``: pyside6-lupdate (6.x) does not extract the
latter from Python, and a text that is not extracted is never translated.
"""

from __future__ import annotations

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

_CONTEXT = "TwoFactor"


class TwoFactorError(PrivacyDesktopError):
    """Base of the two-step verification errors."""


class NotEnrolled(TwoFactorError):
    """Two-step verification is not set up."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT, QT_TRANSLATE_NOOP("TwoFactor", "Two-step verification is not set up.")
            )
        )


class AlreadyEnrolled(TwoFactorError):
    """Two-step verification is already set up; disable it first to enrol again."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "TwoFactor",
                    "Two-step verification is already set up. Turn it off first to set it up "
                    "with a new authenticator.",
                ),
            )
        )


class InvalidCode(TwoFactorError):
    """The code was wrong.

    Attributes:
        retry_after_s: seconds of lock-out this failure started (0: none).
        attempts_left: wrong codes still allowed before a lock-out (0 once locked).
    """

    def __init__(self, retry_after_s: int = 0, attempts_left: int = 0) -> None:
        self.retry_after_s = retry_after_s
        self.attempts_left = attempts_left
        if retry_after_s > 0:
            message = UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "TwoFactor",
                    "The code is not valid. After too many wrong codes, verification is "
                    "locked: try again in %n second(s).",
                ),
                count=retry_after_s,
            )
        else:
            message = UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "TwoFactor",
                    "The code is not valid. Check that the authenticator shows the code for "
                    "Privacy Desktop and that the computer's clock is right.",
                ),
            )
        super().__init__(message)


class CodeAlreadyUsed(TwoFactorError):
    """The code was right but was already accepted once (a replay)."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "TwoFactor",
                    "This code has already been used. Wait for the authenticator to show the "
                    "next code.",
                ),
            )
        )


class TwoFactorLocked(TwoFactorError):
    """No code is checked until the lock-out ends.

    Attributes:
        retry_after_s: whole seconds until codes are checked again.
        tampered: the lock-out was imposed because the stored state was altered or removed.
    """

    def __init__(self, retry_after_s: int, tampered: bool) -> None:
        self.retry_after_s = retry_after_s
        self.tampered = tampered
        if tampered:
            source = QT_TRANSLATE_NOOP(
                "TwoFactor",
                "The two-step verification record was changed or removed outside Privacy "
                "Desktop. As a precaution verification is locked: try again in %n second(s).",
            )
        else:
            source = QT_TRANSLATE_NOOP(
                "TwoFactor", "Too many wrong codes. Try again in %n second(s)."
            )
        super().__init__(UserMessage(_CONTEXT, source, count=retry_after_s))


class TotpSecretMissing(TwoFactorError):
    """The TOTP secret is gone from the keyring; only a recovery code can verify."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "TwoFactor",
                    "The two-step verification secret is missing from the keyring. Enter one "
                    "of your recovery codes instead, then set up two-step verification again.",
                ),
            )
        )
