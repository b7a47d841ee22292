"""Worker → GUI questions: a task asks the person something and waits for the answer.

Workers never open dialogs (STYLE.md rule 7, after Dangerzone's ``PromptRequest``). A task
calls :meth:`PromptBridge.ask` on its own thread; the request travels to the GUI thread as a
queued signal, whatever is connected there (a TOTP dialog, an unlock dialog, a "confirm
revoke" box) shows it without blocking and calls :meth:`PromptRequest.answer` or
:meth:`PromptRequest.decline`. The worker waits with a timeout and gives up at once when its
task is cancelled.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QMetaMethod, QObject, Signal

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.progress import Cancelled, CancelToken

#: How often a waiting worker looks at its cancel token, seconds.
_POLL_S = 0.05


class PromptKind(StrEnum):
    """What is asked; the GUI picks the dialog by it."""

    CONFIRM = "confirm"  # yes/no; the answer is "yes" or None
    TEXT = "text"  # a line of text
    SECRET = "secret"  # a line of text shown masked (a TOTP code, a password)


class PromptTimedOut(PrivacyDesktopError):
    """Nobody answered in time; the task stops as if the person had declined."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "Prompts",
                QT_TRANSLATE_NOOP("Prompts", "The question was not answered in time."),
            )
        )


@dataclass(eq=False)
class PromptRequest:
    """One question from a worker.

    Attributes:
        kind: what sort of answer is wanted.
        message: the question, untranslated (the GUI renders it).
    """

    kind: PromptKind
    message: UserMessage
    _answered: threading.Event = field(default_factory=threading.Event, repr=False)
    _value: str | None = field(default=None, repr=False)

    def answer(self, value: str) -> None:
        """Give the answer (GUI thread); the waiting worker resumes."""
        if not self._answered.is_set():
            self._value = value
            self._answered.set()

    def decline(self) -> None:
        """Refuse to answer (Cancel, closing the dialog); the worker gets None."""
        self._answered.set()

    @property
    def answered(self) -> bool:
        return self._answered.is_set()


class PromptBridge(QObject):
    """Carries questions from workers to the GUI thread.

    Create it on the GUI thread. Connect :attr:`requested` to whatever shows questions; a
    question nobody is connected to is declined at once rather than left to time out.

    Signals:
        requested(PromptRequest): a worker is waiting for this question to be answered.
    """

    requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # QObject.receivers() is not safe to call from a worker thread while the GUI thread
        # (dis)connects (an intermittent crash in tests): count the connections ourselves.
        self._listeners = 0
        self._listeners_lock = threading.Lock()

    def connectNotify(self, signal: QMetaMethod) -> None:
        if _is_requested(signal):
            with self._listeners_lock:
                self._listeners += 1
        super().connectNotify(signal)

    def disconnectNotify(self, signal: QMetaMethod) -> None:
        if _is_requested(signal):
            with self._listeners_lock:
                self._listeners = max(0, self._listeners - 1)
        super().disconnectNotify(signal)

    def ask(
        self, request: PromptRequest, cancel: CancelToken | None = None, timeout: float = 300.0
    ) -> str | None:
        """Ask from a worker thread and wait for the answer.

        Args:
            request: the question.
            cancel: the task's token; a cancel ends the wait at once.
            timeout: seconds to wait for an answer.

        Returns:
            The answer, or None when the person declined.

        Raises:
            Cancelled: the task was cancelled while waiting.
            PromptTimedOut: nobody answered within ``timeout``.
        """
        with self._listeners_lock:
            listening = self._listeners > 0
        if not listening:
            return None
        self.requested.emit(request)
        deadline = time.monotonic() + timeout
        while not request._answered.wait(_POLL_S):
            if cancel is not None and cancel.cancelled:
                request.decline()  # the dialog, if still open, learns the question is void
                raise Cancelled
            if time.monotonic() >= deadline:
                request.decline()
                raise PromptTimedOut
        return request._value


def _is_requested(signal: QMetaMethod) -> bool:
    return bytes(signal.name().data()) == b"requested"
