"""The real task runner: outcomes arrive on the GUI thread, pools are what they claim to be."""

from __future__ import annotations

import gc
import logging
import threading
import weakref

import pytest
from pytestqt.qtbot import QtBot

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import UserMessage
from privacy_desktop.domain.progress import Progress
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext, unexpected_error_text


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    seen: list[tuple[object, bool]] = []
    handle = runner.submit(
        lambda _context: threading.get_ident(),
        on_done=lambda value: seen.append((value, threading.get_ident() == gui_thread)),
    )
    with qtbot.waitSignal(handle.signals.finished):
        pass
    assert len(seen) == 1
    worker_thread, delivered_on_gui_thread = seen[0]
    assert worker_thread != gui_thread
    assert delivered_on_gui_thread
    assert runner.active_tasks == 0


def test_expected_error_becomes_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail(_context: TaskContext) -> None:
        raise PrivacyDesktopError(UserMessage("Test", "The portal said no to %1.", ("bob",)))

    errors: list[str] = []
    handle = runner.submit(fail, on_error=errors.append)
    with qtbot.waitSignal(handle.signals.failed):
        pass
    assert errors == ["The portal said no to bob."]


def test_unexpected_error_is_logged_and_reported_generically(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def crash(_context: TaskContext) -> None:
        raise KeyError("secret-value-123")

    errors: list[str] = []
    with caplog.at_level(logging.ERROR):
        handle = runner.submit(crash, on_error=errors.append, name="crash")
        with qtbot.waitSignal(handle.signals.failed):
            pass
    assert errors == [unexpected_error_text()]
    assert "secret-value-123" not in errors[0]
    assert any("KeyError" in record.getMessage() for record in caplog.records)


def test_progress_reports_arrive_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    stage = UserMessage("Test", "Counting")

    def count(context: TaskContext) -> int:
        for done in range(1, 4):
            context.report(Progress(stage, done, 3))
        return 3

    reports: list[int] = []
    handle = runner.submit(count, on_progress=lambda p: reports.append(p.done))
    with qtbot.waitSignal(handle.signals.finished):
        pass
    assert reports == [1, 2, 3]


def test_cancel_ends_a_task_with_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def wait_for_cancel(context: TaskContext) -> str:
        started.set()
        while not context.cancel.wait(0.01):
            pass
        context.cancel.raise_if_cancelled()
        return "not reached"

    results: list[object] = []
    handle = runner.submit(wait_for_cancel, on_done=results.append)
    assert started.wait(30)
    with qtbot.waitSignal(handle.signals.cancelled):
        handle.cancel()
    assert results == []
    assert handle.done


def test_vault_pool_runs_everything_on_one_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    threads: list[int] = []
    handles = [
        runner.submit(lambda _c: threads.append(threading.get_ident()), pool=Pool.VAULT)
        for _ in range(5)
    ]
    with qtbot.waitSignals([h.signals.finished for h in handles]):
        pass
    assert len(threads) == 5
    assert len(set(threads)) == 1


def test_interactive_pool_is_not_queued_behind_general_work(
    qtbot: QtBot,
) -> None:
    runner = TaskRunner(general_threads=1)
    release = threading.Event()
    try:
        blocker = runner.submit(lambda _c: release.wait(30))
        quick = runner.submit(lambda _c: "answer", pool=Pool.INTERACTIVE)
        with qtbot.waitSignal(quick.signals.finished) as blocker_signal:
            pass
        assert blocker_signal.args == ["answer"]
        assert not blocker.done
    finally:
        release.set()
        assert runner.shutdown(30)


def test_shutdown_cancels_queued_tasks_and_refuses_new_ones(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    ran: list[str] = []
    runner.submit(lambda _c: release.wait(30), pool=Pool.VAULT)
    queued = runner.submit(lambda _c: ran.append("queued"), pool=Pool.VAULT)
    release.set()
    assert runner.shutdown(30)
    assert ran == []
    assert queued.cancel_requested
    with pytest.raises(RuntimeError):
        runner.submit(lambda _c: None)


def test_non_cancellable_writes_still_run_at_shutdown(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    ran: list[str] = []
    runner.submit(lambda _c: release.wait(30), pool=Pool.INTERACTIVE)
    runner.submit(lambda _c: ran.append("saved"), pool=Pool.INTERACTIVE, cancellable=False)
    release.set()
    assert runner.shutdown(30)
    assert ran == ["saved"]


def test_finished_tasks_release_what_they_held(qtbot: QtBot, runner: TaskRunner) -> None:
    """Paging a million rows submits thousands of tasks: none may keep its closure alive."""

    class Page:
        """Stands for what a task's closure holds (a service, a page of records)."""

    results: list[int] = []
    held: list[weakref.ref[Page]] = []
    for number in range(30):
        page = Page()
        held.append(weakref.ref(page))
        runner.submit(lambda _context, n=number, p=page: n, on_done=results.append)
        del page
    qtbot.waitUntil(lambda: len(results) == 30 and runner.active_tasks == 0)
    qtbot.wait(50)  # let the deferred deletions run
    gc.collect()
    assert sorted(results) == list(range(30))
    assert [ref for ref in held if ref() is not None] == []
