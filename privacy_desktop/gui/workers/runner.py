"""The task runner: three thread pools and the bookkeeping of running tasks.

Pools follow Picard's split (STYLE.md rule 6): a general pool for scans and exports; a
one-thread interactive pool so a quick lookup never queues behind a scan; and a one-thread
vault pool that owns every keyring call, keeping D-Bus/Secret Service access on one thread
(Vorta needed a lock and then dropped its library over exactly this, #190/#195). Every
PortalService call touches the keyring, so every one goes through the vault pool.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QThreadPool

from privacy_desktop.domain.progress import Progress
from privacy_desktop.gui.workers.prompts import PromptBridge
from privacy_desktop.gui.workers.task import Task, TaskContext, TaskSignals


class Pool(Enum):
    """Which pool a task runs in."""

    GENERAL = "general"
    INTERACTIVE = "interactive"
    VAULT = "vault"


class TaskHandle:
    """The caller's grip on a submitted task.

    Attributes:
        signals: the task's signals (for ``qtbot.waitSignal`` and extra connections).
    """

    def __init__(self, task: Task) -> None:
        self._task = task
        self.signals: TaskSignals = task.signals
        self.done = False

    @property
    def name(self) -> str:
        return self._task.name

    @property
    def cancel_requested(self) -> bool:
        return self._task.cancel_token.cancelled

    def cancel(self) -> None:
        """Ask the task to stop; it ends with ``cancelled`` and its result, if any, is dropped."""
        self._task.cancel_token.cancel()


class TaskRunner(QObject):
    """Submits blocking calls to the right pool and delivers their outcome on the GUI thread.

    Args:
        general_threads: threads of the general pool (None: Qt's ideal thread count).
        parent: the Qt parent.
    """

    def __init__(self, general_threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {pool: QThreadPool(self) for pool in Pool}
        if general_threads is not None:
            self._pools[Pool.GENERAL].setMaxThreadCount(general_threads)
        self._pools[Pool.INTERACTIVE].setMaxThreadCount(1)
        self._pools[Pool.VAULT].setMaxThreadCount(1)
        # Keyring backends keep per-thread D-Bus connections; keep the vault thread alive.
        self._pools[Pool.VAULT].setExpiryTimeout(-1)
        self._running: set[TaskHandle] = set()
        self._closed = False
        #: Where tasks' questions arrive; the main window connects the dialogs to it.
        self.prompts = PromptBridge(self)

    def submit(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        pool: Pool = Pool.GENERAL,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        name: str | None = None,
        cancellable: bool = True,
    ) -> TaskHandle:
        """Run ``fn`` in ``pool``; the callbacks run on the GUI thread.

        Bound methods of QObjects are good callbacks: Qt drops the delivery when their
        object has been deleted meanwhile.

        Args:
            fn: the blocking call; receives a :class:`TaskContext` (cancel token, progress).
            pool: where to run it (every keyring-touching call: ``Pool.VAULT``).
            on_done: receives the return value.
            on_error: receives the translated error text.
            on_progress: receives each :class:`Progress`.
            on_cancelled: called when the task ends because of a cancel.
            name: a label for the log (defaults to the function's name).
            cancellable: False for a short write that must not be dropped at shutdown.

        Returns:
            The handle to cancel the task or connect to its signals.

        Raises:
            RuntimeError: the runner was shut down (a programming error).
        """
        if self._closed:
            raise RuntimeError("TaskRunner.submit after shutdown")
        task = Task(
            fn,
            name or str(getattr(fn, "__qualname__", "task")),
            cancellable=cancellable,
            prompts=self.prompts,
        )
        handle = TaskHandle(task)
        signals = task.signals
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_done is not None:
            signals.finished.connect(on_done)
        if on_error is not None:
            signals.failed.connect(on_error)
        if on_cancelled is not None:
            signals.cancelled.connect(on_cancelled)
        for terminal in (signals.finished, signals.failed, signals.cancelled):
            terminal.connect(lambda *_args, h=handle: self._forget(h))
        self._running.add(handle)
        self._pools[pool].start(task)
        return handle

    @property
    def active_tasks(self) -> int:
        """Tasks submitted whose outcome has not been delivered yet."""
        return len(self._running)

    def cancel_all(self) -> None:
        """Ask every running or queued task to stop."""
        for handle in list(self._running):
            handle.cancel()

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel everything, refuse new tasks and wait for the pools to drain.

        Queued tasks still start, see their token set and end at once (except the
        non-cancellable ones, which run).

        Args:
            timeout: seconds to wait, shared by all pools.

        Returns:
            True when every pool finished within ``timeout``.
        """
        self._closed = True
        self.cancel_all()
        deadline = QDeadlineTimer(int(timeout * 1000))
        drained = True
        for pool in self._pools.values():
            drained = pool.waitForDone(deadline) and drained
        return drained

    def _forget(self, handle: TaskHandle) -> None:
        handle.done = True
        self._running.discard(handle)
        # The connections above hold the handle, the handle the task, the task its signals
        # (a cycle through C++ that Python's collector cannot see), and the pool keeps every
        # task it ran. Emptying the task and deleting its signals object (once this emission
        # has reached every slot) keeps a long session from holding every closure it ran.
        handle._task.release()
        handle.signals.deleteLater()
