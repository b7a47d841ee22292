"""The check every audit detail passes: no secrets, no personal data.

Keeping the details clean is the caller's duty (record counts, categories, file names, never
values); this check is the safety net. It refuses, rather than redacts, so that a leak is a
visible bug and the log itself never needs scrubbing. Only the key name of a refused detail
is reported, never its value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.security.redaction import redact

MAX_DETAILS = 32
MAX_VALUE_LENGTH = 1000
_KEY = re.compile(r"[a-z][a-z0-9_]{0,47}")
#: Key words that name a secret; matched against the ``_``-separated parts of a key.
_SECRET_KEY_PARTS = frozenset(
    {"password", "passwd", "secret", "token", "credential", "credentials", "cookie", "otp"}
    | {"totp", "apikey", "recovery", "pin", "private"}
)
#: Random-looking runs: letters and digits mixed over 16+ characters (webhook secrets are 16,
#: OAuth tokens longer), and JSON Web Tokens.
_ALNUM_RUN = re.compile(r"[A-Za-z0-9]{16,}")
_LETTERS = re.compile(r"[A-Za-z]")
_DIGITS = re.compile(r"\d")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
#: A file digest is evidence an auditor needs, not a secret, when the key says it is one.
_DIGEST_KEY = re.compile(r"(?:.*_)?sha256")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class AuditDetailRefused(PrivacyDesktopError):
    """An audit detail looked like a secret or a personal datum; nothing was written.

    Attributes:
        key: the detail's key (safe to show; the value never is).
    """

    def __init__(self, key: str) -> None:
        self.key = key if _KEY.fullmatch(key) else "?"
        super().__init__(
            UserMessage(
                "AuditLog",
                QT_TRANSLATE_NOOP(
                    "AuditLog",
                    "The audit entry was not written: its detail “%1” looks like a secret or "
                    "personal data.",
                ),
                (self.key,),
            )
        )


def check_details(details: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``details`` after checking every key and value.

    Raises:
        AuditDetailRefused: a key is malformed or names a secret, a value is not text, too
            long, or looks like a secret, a token, an e-mail address, a phone number or
            another personal number; or there are too many details.
    """
    if len(details) > MAX_DETAILS:
        raise AuditDetailRefused("?")
    checked: dict[str, str] = {}
    for key, value in details.items():
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise AuditDetailRefused("?")
        if _SECRET_KEY_PARTS.intersection(key.split("_")):
            raise AuditDetailRefused(key)
        if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
            raise AuditDetailRefused(key)
        if _looks_sensitive(key, value):
            raise AuditDetailRefused(key)
        checked[key] = value
    return checked


def _looks_sensitive(key: str, value: str) -> bool:
    if _DIGEST_KEY.fullmatch(key) and _SHA256.fullmatch(value):
        return False
    # The log redaction rules know e-mail addresses, phone numbers, IBANs, RNOKPP and other
    # long numbers, webhook secrets in REST paths, and key=value / bearer secrets.
    if redact(value) != value:
        return True
    if _JWT.search(value):
        return True
    # At least three of each: a compact timestamp (20260921T141320Z) is not a token.
    return any(
        len(_LETTERS.findall(run)) >= 3 and len(_DIGITS.findall(run)) >= 3
        for run in _ALNUM_RUN.findall(value)
    )
