"""The root of the error hierarchy every layer raises.

An error's ``str()`` is its English user message plus, optionally, a technical detail; neither
ever contains a secret (tokens, webhook secrets, client secrets) or a personal datum. The GUI
shows :attr:`PrivacyDesktopError.user_message` translated.
"""

from __future__ import annotations

from privacy_desktop.domain.i18n import UserMessage


class PrivacyDesktopError(Exception):
    """Base class of every expected (known) error.

    Args:
        message: what to tell the person, untranslated.
        detail: a technical detail for logs (already redacted), may be empty.
    """

    def __init__(self, message: UserMessage, detail: str = "") -> None:
        self.user_message = message
        self.detail = detail
        super().__init__(message.english() + (f" ({detail})" if detail else ""))
