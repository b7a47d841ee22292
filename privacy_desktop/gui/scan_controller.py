"""Runs inventory scans off the GUI thread and tells the views how they go.

One scan at a time: the dashboard starts it, the progress panel shows it, and every view that
shows the inventory listens to :attr:`ScanController.scanEnded` to reload from the store
(never from the network).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from privacy_desktop.domain.i18n import UserMessage
from privacy_desktop.domain.inventory import ScanInfo
from privacy_desktop.domain.progress import CancelToken, Progress, ProgressSink
from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext

#: At most this many progress reports per second reach the GUI thread: a scan may report per
#: page hundreds of times a second, and every report repaints the panel.
MAX_REPORTS_PER_S = 20.0


class Scanner(Protocol):
    """What the controller needs of ``services.scanning.ScanService``."""

    def scan(
        self,
        portal: str,
        *,
        full: bool = False,
        progress: ProgressSink | None = None,
        cancel: CancelToken | None = None,
    ) -> ScanInfo: ...


class ThrottledSink:
    """Forwards a report when its stage changed or ``interval_s`` passed since the last one.

    Called on the worker thread; the clock is monotonic. The first report always passes, and
    so does the first of every stage, so the panel never shows a finished step as current.
    """

    def __init__(self, sink: ProgressSink, interval_s: float = 1.0 / MAX_REPORTS_PER_S) -> None:
        self._sink = sink
        self._interval = interval_s
        self._last = -float("inf")
        self._stage: UserMessage | None = None
        self._lock = threading.Lock()

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        with self._lock:
            if progress.stage == self._stage and now - self._last < self._interval:
                return
            self._last = now
            self._stage = progress.stage
        self._sink(progress)


class ScanController(QObject):
    """Starts and cancels scans on the runner's general pool.

    Args:
        scanner: the scanning service.
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        scanStarted(str): a scan of the named portal started.
        progressed(Progress): a (throttled) progress report of the running scan.
        scanFinished(object): the scan completed; its :class:`ScanInfo`.
        scanFailed(str): the scan stopped on an error; the translated reason.
        scanCancelled(): the scan stopped because it was cancelled.
        scanEnded(str): the scan of the named portal ended, whichever way (views reload:
            even a cancelled or failed scan may have stored pages).
    """

    scanStarted = Signal(str)
    progressed = Signal(object)
    scanFinished = Signal(object)
    scanFailed = Signal(str)
    scanCancelled = Signal()
    scanEnded = Signal(str)

    def __init__(self, scanner: Scanner, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scanner = scanner
        self._runner = runner
        self._handle: TaskHandle | None = None
        self._portal: str | None = None

    def running(self) -> bool:
        """Whether a scan is under way."""
        return self._handle is not None

    def portal(self) -> str | None:
        """The portal being scanned, if any."""
        return self._portal

    def start(self, portal: str, *, full: bool = False) -> TaskHandle:
        """Start scanning ``portal`` (incrementally unless ``full``).

        Raises:
            RuntimeError: a scan is already running (the GUI disables Scan meanwhile).
        """
        if self._handle is not None:
            raise RuntimeError("a scan is already running")
        scanner = self._scanner

        def run(context: TaskContext) -> ScanInfo:
            return scanner.scan(
                portal,
                full=full,
                progress=ThrottledSink(context.report),
                cancel=context.cancel,
            )

        self._portal = portal
        self._handle = self._runner.submit(
            run,
            pool=Pool.GENERAL,
            on_done=self._on_done,
            on_error=self._on_error,
            on_progress=self.progressed.emit,
            on_cancelled=self._on_cancelled,
            name="scan",
        )
        self.scanStarted.emit(portal)
        return self._handle

    def cancel(self) -> None:
        """Ask the running scan to stop at its next checkpoint (nothing if none runs)."""
        if self._handle is not None:
            self._handle.cancel()

    def _end(self) -> str:
        portal = self._portal or ""
        self._handle = None
        self._portal = None
        return portal

    def _on_done(self, result: Any) -> None:
        portal = self._end()
        if isinstance(result, ScanInfo):
            self.scanFinished.emit(result)
        self.scanEnded.emit(portal)

    def _on_error(self, text: str) -> None:
        portal = self._end()
        self.scanFailed.emit(text)
        self.scanEnded.emit(portal)

    def _on_cancelled(self) -> None:
        portal = self._end()
        self.scanCancelled.emit()
        self.scanEnded.emit(portal)
