"""One service call on a worker thread, reporting back through queued signals.

A :class:`Task` is a ``QRunnable`` holding a small signals ``QObject`` created on the GUI
thread: whatever the worker emits is delivered to the GUI thread as a queued signal (typed and
``qtbot.waitSignal``-testable, unlike Picard's custom events). Expected errors
(:class:`PrivacyDesktopError`) become their translated message; anything else is logged through
the redacting log handlers and reported with a generic translated text, so a traceback never
reaches the screen.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.progress import Cancelled, CancelToken, Progress
from privacy_desktop.gui.i18n import render
from privacy_desktop.gui.workers.prompts import PromptBridge, PromptRequest

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """What a task reports; lives on the GUI thread so every emission is queued there.

    Signals:
        progress(Progress): an intermediate report from the service.
        finished(object): the call returned this value.
        failed(str): the call raised; the translated text to show.
        cancelled(): the call stopped (or its result was dropped) because of a cancel.
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    # The worker emits these; each is queued to this object's (the GUI) thread and re-emitted
    # there as the public signal. Connections made on the GUI thread right after submit()
    # therefore never miss an outcome the worker produced in the meantime.
    _worker_progress = Signal(object)
    _worker_finished = Signal(object)
    _worker_failed = Signal(str)
    _worker_cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._worker_progress.connect(self.progress)
        self._worker_finished.connect(self.finished)
        self._worker_failed.connect(self.failed)
        self._worker_cancelled.connect(self.cancelled)


@dataclass
class TaskContext:
    """Handed to the function a task runs: its cancel token, progress sink and prompt.

    Attributes:
        cancel: set when the person (or shutdown) cancels; pass it to the service.
        report: a progress sink that forwards to the GUI thread.
        prompts: asks the person through the GUI (see :meth:`ask`).
    """

    cancel: CancelToken
    report: Callable[[Progress], None] = field(repr=False)
    prompts: PromptBridge | None = field(default=None, repr=False)

    def ask(self, request: PromptRequest, timeout: float = 300.0) -> str | None:
        """Ask the person and wait; None when declined or when no GUI can ask.

        Raises:
            Cancelled: the task was cancelled while waiting.
            PromptTimedOut: nobody answered in time.
        """
        if self.prompts is None:
            return None
        return self.prompts.ask(request, self.cancel, timeout)


def unexpected_error_text() -> str:
    """The message shown for a bug: nothing from the exception itself reaches the screen."""
    return QCoreApplication.translate(
        "Task",
        "An unexpected error occurred. The details were written to the log file; "
        "please report the problem.",
    )


class Task(QRunnable):
    """Runs ``fn(context)`` once on a pool thread.

    Args:
        fn: the blocking call (a service method); it receives a :class:`TaskContext`.
        name: a short label for the log (never a secret or personal datum).
        cancellable: False for short writes that must happen even at shutdown (a settings
            save): they run and report ``finished`` whatever the token says.
        prompts: the bridge through which ``fn`` may ask the person questions.
    """

    def __init__(
        self,
        fn: Callable[[TaskContext], Any],
        name: str,
        *,
        cancellable: bool = True,
        prompts: PromptBridge | None = None,
    ) -> None:
        super().__init__()
        # The runner keeps the Python object alive until a terminal signal arrives; Qt must
        # not delete the C++ side underneath the Python wrapper.
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.cancel_token = CancelToken()
        self.name = name
        self.cancellable = cancellable
        self._prompts = prompts
        self._fn = fn

    def release(self) -> None:
        """Drop the call and what it holds once its outcome was delivered.

        PySide6's ``QThreadPool.start`` keeps a Python reference to every runnable it was
        given, for the pool's lifetime; an emptied task costs a few bytes instead of keeping
        its closure (services, pages of records) alive.
        """
        self._fn = _released
        self._prompts = None

    def cancel_requested(self) -> bool:
        # A method, not the property inline: the token changes under us from other threads.
        return self.cancellable and self.cancel_token.cancelled

    def run(self) -> None:
        if self.cancel_requested():
            self.signals._worker_cancelled.emit()
            return
        context = TaskContext(
            cancel=self.cancel_token,
            report=self.signals._worker_progress.emit,
            prompts=self._prompts,
        )
        try:
            result = self._fn(context)
        except Cancelled:
            self.signals._worker_cancelled.emit()
        except PrivacyDesktopError as error:
            if self.cancel_requested():
                self.signals._worker_cancelled.emit()
            else:
                log.info("Task %s failed: %s", self.name, error)
                self.signals._worker_failed.emit(render(error.user_message))
        except Exception:
            # The traceback goes in as an argument so the redaction filter scrubs it too.
            log.error("Task %s raised unexpectedly:\n%s", self.name, traceback.format_exc())
            self.signals._worker_failed.emit(unexpected_error_text())
        else:
            if self.cancel_requested():
                self.signals._worker_cancelled.emit()
            else:
                self.signals._worker_finished.emit(result)


def _released(_context: TaskContext) -> None:
    raise RuntimeError("a released task ran again")
