"""Locking the main window: Ctrl+L, idle, suspend, screen lock; unlocking with a real code."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from security_helpers import WAIT_MS, enroll, entries, wrong_code

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from privacy_desktop.gui.i18n import Language
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.workers.runner import TaskRunner
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.session import LockReason, SessionPolicy
from privacy_desktop.services.context import AppContext
from privacy_desktop.services.security import UnlockMethod


def assert_content_hidden(window: MainWindow) -> None:
    assert window.locker.is_showing_lock()
    assert window.locker.lock_screen.isVisible()
    for view in window.views.values():
        assert not view.isVisible()
    assert not window.navigation.isVisible()
    assert not window.toolbar.isVisible()
    assert not window.add_portal_action.isEnabled()
    assert not any(action.isEnabled() for action in window.view_actions.values())


def assert_content_shown(window: MainWindow) -> None:
    assert not window.locker.is_showing_lock()
    assert not window.locker.lock_screen.isVisible()
    assert window.stack.currentWidget().isVisible()
    assert window.toolbar.isVisible()
    assert window.add_portal_action.isEnabled()
    assert all(action.isEnabled() for action in window.view_actions.values())


def lock_with_ctrl_l(qtbot: QtBot, window: MainWindow, target: QWidget | None = None) -> None:
    """Press Ctrl+L in ``target`` (default: the window itself)."""
    if target is None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.locker.guard.lockRecorded, timeout=WAIT_MS):
        qtbot.keyClick(target or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_content_hidden(window)


def closed(widget: QWidget) -> bool:
    """Closed: hidden, or deleted on close."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def wait_for_method(qtbot: QtBot, window: MainWindow, method: UnlockMethod) -> None:
    qtbot.waitUntil(lambda: window.locker.lock_screen.method is method, timeout=WAIT_MS)


def test_ctrl_l_hides_content_and_other_windows_and_is_audited(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    assert window.locker.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.locker.lock_action in window.file_menu.actions()
    assert_content_shown(window)
    about = window.show_about()
    dialog = window.open_add_portal_dialog()  # window-modal: the window's shortcut is shadowed
    assert dialog.isVisible()
    assert about.isVisible()

    lock_with_ctrl_l(qtbot, window, dialog.webhook_name)

    assert closed(dialog)
    assert closed(about)
    assert window.add_portal_dialog is None
    assert window.locker.lock_screen.reason is LockReason.MANUAL
    assert context.security.session.is_locked
    locks = entries(context, AuditAction.LOCK)
    assert [entry.details["reason"] for entry in locks] == ["manual"]


def test_unlock_with_a_valid_code_shows_the_content_again(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    lock_with_ctrl_l(qtbot, window)
    screen = window.locker.lock_screen
    wait_for_method(qtbot, window, UnlockMethod.TWO_FACTOR)
    assert screen.field.echoMode() is QLineEdit.EchoMode.Normal
    assert "recovery code" in screen.hint.text()

    qtbot.keyClicks(screen.field, enrolled.next_code())
    with qtbot.waitSignal(window.locker.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)

    assert_content_shown(window)
    assert screen.field.text() == ""
    assert not context.security.session.is_locked
    assert [e.details["method"] for e in entries(context, AuditAction.UNLOCK)] == ["totp"]


def test_a_recovery_code_unlocks_once(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    lock_with_ctrl_l(qtbot, window)
    screen = window.locker.lock_screen
    wait_for_method(qtbot, window, UnlockMethod.TWO_FACTOR)
    qtbot.keyClicks(screen.field, enrolled.recovery_codes[0])
    with qtbot.waitSignal(window.locker.unlocked, timeout=WAIT_MS):
        qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert entries(context, AuditAction.RECOVERY_CODE_USED)

    lock_with_ctrl_l(qtbot, window)
    qtbot.keyClicks(screen.field, enrolled.recovery_codes[0])
    with qtbot.waitSignal(window.locker.unlockFailed, timeout=WAIT_MS):
        qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert window.locker.is_showing_lock()


def test_a_wrong_code_is_shown_and_audited_and_the_lock_stays(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    lock_with_ctrl_l(qtbot, window)
    screen = window.locker.lock_screen
    wait_for_method(qtbot, window, UnlockMethod.TWO_FACTOR)

    qtbot.keyClicks(screen.field, wrong_code(enrolled.secret))
    with qtbot.waitSignal(window.locker.unlockFailed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)

    assert "The code is not valid" in failed.args[0]
    assert screen.error.isVisible()
    assert screen.error.text() == failed.args[0]
    assert screen.field.text() == ""  # the typed code does not stay in the field
    assert_content_hidden(window)
    failures = entries(context, AuditAction.UNLOCK_FAILED)
    assert [entry.details["reason"] for entry in failures] == ["invalid_code"]


def test_a_lock_out_disables_unlock_and_says_when_it_ends(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    lock_with_ctrl_l(qtbot, window)
    screen = window.locker.lock_screen
    wait_for_method(qtbot, window, UnlockMethod.TWO_FACTOR)
    threshold = 5  # LockoutPolicy's default
    for _attempt in range(threshold):
        screen.field.setText(wrong_code(enrolled.secret))
        with qtbot.waitSignal(window.locker.unlockFailed, timeout=WAIT_MS):
            screen.request_unlock()

    qtbot.waitUntil(screen.is_locked_out, timeout=WAIT_MS)
    assert screen.lockout.isVisible()
    assert "You can try again at" in screen.lockout.text()
    screen.field.setText(enrolled.next_code())
    assert not screen.unlock_button.isEnabled()
    assert context.security.status().locked_until is not None


def test_idle_lock_fires_after_the_time_out(
    qtbot: QtBot, english: None, context: AppContext, runner: TaskRunner
) -> None:
    window = MainWindow(context, runner, language=Language.ENGLISH, lock_check_interval_ms=20)
    qtbot.addWidget(window)
    window.show()
    # A short time-out instead of ten minutes; the guard's timer does the rest.
    context.security.session.policy = SessionPolicy(idle_timeout_s=0.2)
    with qtbot.waitSignal(window.locker.guard.lockRecorded, timeout=WAIT_MS) as recorded:
        pass
    assert recorded.args == [LockReason.IDLE]
    assert_content_hidden(window)
    assert window.locker.lock_screen.reason is LockReason.IDLE
    assert [e.details["reason"] for e in entries(context, AuditAction.LOCK)] == ["idle"]
    window.close()


def test_input_events_count_as_activity(
    qtbot: QtBot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    touches: list[None] = []
    monkeypatch.setattr(context.security, "touch", lambda: touches.append(None))
    window.navigation.update()  # a paint is no activity
    qtbot.wait(0)
    assert touches == []
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert touches
    count = len(touches)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton)
    assert len(touches) > count


def test_suspend_and_screen_lock_lock_the_session(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, context: AppContext
) -> None:
    with qtbot.waitSignal(window.locker.guard.lockRecorded, timeout=WAIT_MS) as recorded:
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert recorded.args == [LockReason.SUSPEND]
    assert_content_hidden(window)

    # Unlock by the back door of the service's session (this test is not about unlocking).
    context.security.session.unlock(lambda: None)
    window.locker._on_unlocked(None)
    assert_content_shown(window)

    assert window.locker.guard.screen_saver_watched
    signal = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    signal.setArguments([True])
    with qtbot.waitSignal(window.locker.guard.lockRecorded, timeout=WAIT_MS) as recorded:
        assert QDBusConnection.sessionBus().send(signal)
    assert recorded.args == [LockReason.SCREEN_LOCKED]
    assert_content_hidden(window)


def test_without_two_step_the_account_password_is_asked_and_checked(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    lock_with_ctrl_l(qtbot, window)
    screen = window.locker.lock_screen
    expected = context.security.unlock_method()
    wait_for_method(qtbot, window, expected)
    if expected is UnlockMethod.UNAVAILABLE:
        assert not screen.field.isEnabled()
        return
    assert expected is UnlockMethod.OS_ACCOUNT
    assert screen.field.echoMode() is QLineEdit.EchoMode.Password
    assert "password" in screen.prompt.text()
    # Real PAM refuses a password nobody has; the right one is unknown to a test.
    qtbot.keyClicks(screen.field, "not-the-password-of-anyone")
    with qtbot.waitSignal(window.locker.unlockFailed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert "password is not correct" in failed.args[0]
    assert window.locker.is_showing_lock()


def test_the_window_opens_locked_when_two_step_is_on(
    qtbot: QtBot,
    english: None,
    data_dir: Path,
    keyring_service: str,
    context: AppContext,
    runner: TaskRunner,
) -> None:
    enroll(context)
    # A new start: the context is built again over the same data dir and keyring service.
    again = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    assert again.security.starts_locked()
    window = MainWindow(again, runner, language=Language.ENGLISH)
    qtbot.addWidget(window)
    window.show()
    assert_content_hidden(window)
    assert window.locker.lock_screen.reason is None
    wait_for_method(qtbot, window, UnlockMethod.TWO_FACTOR)
    window.close()
