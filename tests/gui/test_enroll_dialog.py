"""The two-step verification wizard, opened from the settings page, against the real keyring."""

from __future__ import annotations

import stat
from pathlib import Path

import pyotp
from pytestqt.qtbot import QtBot
from security_helpers import WAIT_MS, entries, wrong_code

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from privacy_desktop.domain.security import GuardedAction
from privacy_desktop.gui.dialogs.enroll_dialog import (
    CONFIRM,
    DONE,
    INTRO,
    RECOVERY,
    SCAN,
    EnrollDialog,
    group_key,
)
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import ViewKey
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.context import AppContext


def open_wizard(qtbot: QtBot, window: MainWindow) -> EnrollDialog:
    window.show_view(ViewKey.SETTINGS)
    security = window.settings_view.security
    qtbot.waitUntil(security.setup_button.isEnabled, timeout=WAIT_MS)
    assert security.state_label.text() == "Two-step verification: off"
    qtbot.mouseClick(security.setup_button, Qt.MouseButton.LeftButton)
    dialog = security.enroll_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.current_page() == INTRO
    return dialog


def go_to_code_page(qtbot: QtBot, dialog: EnrollDialog) -> str:
    """Start, read the key off the QR page, move to the code page; returns the secret."""
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.current_page() == SCAN, timeout=WAIT_MS)
    assert dialog.qr.has_code()
    assert dialog.qr.accessibleName()
    shown = dialog.key_label.text()
    assert all(len(group) == 4 for group in shown.split(" ")[:-1])
    secret = shown.replace(" ", "")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == CONFIRM
    return secret


def test_wizard_end_to_end_with_a_real_code(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path, qapp: QApplication
) -> None:
    dialog = open_wizard(qtbot, window)
    secret = go_to_code_page(qtbot, dialog)

    qtbot.keyClicks(dialog.code, pyotp.TOTP(secret).now())
    with qtbot.waitSignal(dialog.enrolled, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)

    assert dialog.current_page() == RECOVERY
    assert dialog.key_label.text() == ""  # the secret is not kept once confirmed
    assert not dialog.qr.has_code()
    codes = dialog.recovery.codes()
    assert len(codes) == 10
    assert dialog.recovery.codes_view.toPlainText().split("\n") == list(codes)
    assert "shown only now" in dialog.recovery.warning.text()
    assert not dialog.cancel_button.isVisible()
    assert not dialog.next_button.isEnabled()  # not before the codes are stored

    dialog.recovery.copy_button.click()
    assert qapp.clipboard().text().split("\n") == list(codes)
    target = tmp_path / "codes.txt"
    file_dialog = dialog.recovery.open_save_dialog()
    assert file_dialog.isVisible()
    with qtbot.waitSignal(dialog.recovery.saved, timeout=WAIT_MS) as saved:
        file_dialog.selectFile(str(target))
        file_dialog.accept()
    assert saved.args == [str(target)]
    written = target.read_text(encoding="utf-8")
    assert all(code in written for code in codes)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    dialog.recovery.acknowledged.setChecked(True)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == DONE
    assert dialog.recovery.codes() == ()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    status = context.security.status()
    assert status.enabled
    assert status.recovery_codes_left == 10
    assert len(entries(context, AuditAction.TWOFACTOR_ENROLLED)) == 1
    security = window.settings_view.security
    qtbot.waitUntil(lambda: security.state_label.text() == "Two-step verification: on")
    assert security.recovery_label.text().startswith("10 recovery code")
    assert security.disable_button.isEnabled()
    assert not security.setup_button.isEnabled()
    # A shown recovery code really is one: it verifies (once).
    context.security.authorize(GuardedAction.REVEAL_BULK, codes[0])
    assert context.security.status().recovery_codes_left == 9


def test_a_wrong_code_stays_on_the_page_with_the_error(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    dialog = open_wizard(qtbot, window)
    secret = go_to_code_page(qtbot, dialog)

    qtbot.keyClicks(dialog.code, wrong_code(secret))
    with qtbot.waitSignal(dialog.confirmFailed, timeout=WAIT_MS) as failed:
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)

    assert dialog.current_page() == CONFIRM
    assert dialog.code_error.isVisible()
    assert dialog.code_error.text() == failed.args[0]
    assert "The code is not valid" in failed.args[0]
    assert dialog.code.text() == ""
    assert not context.security.status().enabled

    # Back shows the same key again; the right code then goes through.
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == SCAN
    assert dialog.key_label.text().replace(" ", "") == secret
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code, pyotp.TOTP(secret).now())
    with qtbot.waitSignal(dialog.enrolled, timeout=WAIT_MS):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert context.security.status().enabled


def test_cancelling_stores_nothing(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    dialog = open_wizard(qtbot, window)
    go_to_code_page(qtbot, dialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.key_label.text() == ""
    assert not context.security.status().enabled
    assert entries(context, AuditAction.TWOFACTOR_ENROLLED) == []


def test_key_is_grouped_in_fours() -> None:
    assert group_key("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert group_key("") == ""
