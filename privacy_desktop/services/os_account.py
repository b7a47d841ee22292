"""Unlocking without two-step verification: the operating-system account's password.

Issue 3 lets the session unlock with the OS account check where two-step verification is off.
On Linux the check goes through PAM (the ``python-pam`` package), as a screen locker does: the
password of the user running the application is handed to the ``login`` service stack, which
every Linux installation has. Where there is no such check (macOS, Windows, or Linux without
libpam) :func:`os_account_check_available` is False and the caller refuses to unlock with a
translated :class:`UnlockUnavailable` that tells the person to turn on two-step verification.

PAM calls block (``pam_faildelay`` makes a wrong password take seconds), so they run on a
worker, never on the GUI thread. The password is never logged, stored or put in a message.
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Callable

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

log = logging.getLogger(__name__)

#: The PAM service whose stack checks the password. ``login`` exists on every Linux system and
#: runs the usual ``common-auth``/``system-auth`` modules (pam_unix, pam_sss, …).
PAM_SERVICE = "login"

#: Checks the current OS user's password; raises :class:`WrongAccountPassword` to refuse and
#: :class:`UnlockUnavailable` if no check can be made.
PasswordCheck = Callable[[str], None]

_CONTEXT = "OsAccount"


class UnlockUnavailable(PrivacyDesktopError):
    """Neither two-step verification nor an operating-system account check is available."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "OsAccount",
                    "The session cannot be unlocked: two-step verification is off and this "
                    "computer offers no way to check your account password. Restart Privacy "
                    "Desktop, then turn on two-step verification in the security settings so "
                    "that locking can protect your data.",
                ),
            ),
            detail,
        )


class WrongAccountPassword(PrivacyDesktopError):
    """The operating system refused the password."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "OsAccount",
                    "The password is not correct. Enter the password you use to log in to "
                    "this computer.",
                ),
            )
        )


def current_os_user() -> str:
    """The name of the operating-system user running the application ("" if unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def os_account_check_available() -> bool:
    """Whether :func:`check_os_account_password` can check a password on this computer."""
    return _pam_authenticator_class() is not None and bool(current_os_user())


def check_os_account_password(password: str, *, service: str = PAM_SERVICE) -> None:
    """Check ``password`` against the current OS user's account (blocking).

    Args:
        password: what the person typed in the unlock field.
        service: the PAM service (tests keep the default).

    Raises:
        WrongAccountPassword: the operating system refused the password.
        UnlockUnavailable: there is no account check here (no PAM, unknown user).
    """
    authenticator_class = _pam_authenticator_class()
    user = current_os_user()
    if authenticator_class is None or not user:
        raise UnlockUnavailable("no PAM" if authenticator_class is None else "unknown user")
    if not password or "\x00" in password:
        raise WrongAccountPassword()
    authenticator = authenticator_class()
    # resetcreds=False: this only proves who is at the keyboard; refreshing credentials
    # (Kerberos tickets and the like) is the desktop's own screen locker's business.
    accepted = authenticator.authenticate(user, password, service=service, resetcreds=False)
    if not accepted:
        # The PAM code is no secret and tells an administrator why (7: authentication failure,
        # 10: user unknown, 9: authinfo unavailable); the reason text is left out because some
        # modules echo the user name in it.
        log.info("Account check refused (PAM code %s)", getattr(authenticator, "code", "?"))
        raise WrongAccountPassword()


def _pam_authenticator_class() -> type | None:
    """python-pam's authenticator if it imports and libpam loads; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import pam  # the dependency is declared for Linux only
    except ImportError:
        return None
    authenticator: type = pam.PamAuthenticator
    try:
        authenticator()  # loads libpam once; fails where it is not installed
    except (OSError, AttributeError, TypeError):
        return None
    return authenticator
