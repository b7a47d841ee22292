"""Progress reporting and cancellation shared by every long-running operation.

Pure Python so that adapters (the portal client's listing) and services can both honour a
cancel request; the GUI adapts these to Qt signals in gui/workers/."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage


@dataclass(frozen=True)
class Progress:
    """One progress report.

    Attributes:
        stage: what is being done (untranslated message).
        done: units finished so far.
        total: units in all, or None when unknown.
        rate: units per second, if known.
        eta_s: estimated seconds left, if known.
    """

    stage: UserMessage
    done: int = 0
    total: int | None = None
    rate: float | None = None
    eta_s: float | None = None


ProgressSink = Callable[[Progress], None]


def ignore_progress(progress: Progress) -> None:
    """A sink that drops every report."""
    del progress


class Cancelled(PrivacyDesktopError):
    """The person cancelled the operation."""

    def __init__(self) -> None:
        super().__init__(UserMessage("Progress", QT_TRANSLATE_NOOP("Progress", "Cancelled.")))


class CancelToken:
    """Set from any thread to ask a running service to stop at its next checkpoint."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile."""
        return self._event.wait(seconds)
