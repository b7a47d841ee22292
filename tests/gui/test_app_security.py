"""Start-up and shutdown with security: open locked when two-step is on; sign the log at exit."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from security_helpers import WAIT_MS, enroll

from PySide6.QtWidgets import QApplication

from privacy_desktop.app import Startup, build_parser
from privacy_desktop.gui.workers.runner import TaskRunner
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.context import AppContext


def start(
    qapp: QApplication, data_dir: Path, keyring_service: str
) -> tuple[Startup, AppContext, TaskRunner]:
    args = build_parser().parse_args(
        ["--data-dir", str(data_dir), "--lang", "en", "--keyring-service", keyring_service]
    )
    context = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    runner = TaskRunner()
    startup = Startup(qapp, args, context, runner)
    startup.begin()
    return startup, context, runner


def test_the_app_opens_on_the_unlock_screen_when_two_step_is_on(
    qtbot: QtBot, qapp: QApplication, english: None, data_dir: Path, keyring_service: str
) -> None:
    first = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    enroll(first)

    startup, context, _runner = start(qapp, data_dir, keyring_service)
    try:
        qtbot.waitUntil(lambda: startup.window is not None, timeout=WAIT_MS)
        window = startup.window
        assert window is not None
        assert window.isVisible()
        assert window.locker.is_showing_lock()
        assert not window.stack.isVisible()
        assert context.security.session.is_locked
    finally:
        startup.shutdown()


def test_the_app_opens_unlocked_without_two_step_and_signs_the_log_at_exit(
    qtbot: QtBot, qapp: QApplication, english: None, data_dir: Path, keyring_service: str
) -> None:
    startup, context, _runner = start(qapp, data_dir, keyring_service)
    qtbot.waitUntil(lambda: startup.window is not None, timeout=WAIT_MS)
    window = startup.window
    assert window is not None
    assert not window.locker.is_showing_lock()
    context.security.record(AuditAction.SETTINGS_CHANGED, details={"setting": "language"})

    startup.shutdown()  # waits for the pools, so the closing checkpoint is written

    last = list(context.security.audit_entries(AuditQuery(include_checkpoints=True), limit=1))
    assert [entry.action for entry in last] == [AuditAction.CHECKPOINT]
    assert context.security.verify_audit().ok
