"""The Security section of the settings page: changes need a code while two-step is on."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from security_helpers import WAIT_MS, Enrolled, enroll, entries, wrong_code

from PySide6.QtCore import Qt

from privacy_desktop.gui.dialogs.code_dialog import CodeDialog
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import ViewKey
from privacy_desktop.gui.views.security_settings import SecuritySettings
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.context import AppContext


def stored_minutes(context: AppContext) -> int:
    """What the settings file says (its default while it was never written)."""
    return context.settings.load().auto_lock_minutes


def shown_section(qtbot: QtBot, window: MainWindow, *, enabled: bool) -> SecuritySettings:
    window.show_view(ViewKey.SETTINGS)
    section = window.settings_view.security
    qtbot.waitUntil(
        lambda: section.status is not None and section.status.enabled is enabled,
        timeout=WAIT_MS,
    )
    return section


def submit_code(qtbot: QtBot, dialog: CodeDialog, code: str) -> None:
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_changing_the_idle_time_needs_a_code_when_two_step_is_on(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    section = shown_section(qtbot, window, enabled=True)
    assert section.idle_spin.value() == 10
    section.idle_spin.setValue(15)
    qtbot.mouseClick(section.apply_idle_button, Qt.MouseButton.LeftButton)
    dialog = section.code_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert "security setting" in dialog.purpose.text()

    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        submit_code(qtbot, dialog, wrong_code(enrolled.secret))
    assert dialog.isVisible()  # stays open for another try
    assert dialog.error.isVisible()
    assert dialog.error.text() == failed.args[0]
    assert stored_minutes(context) == 10
    assert context.security.idle_timeout_minutes() == 10

    with qtbot.waitSignal(dialog.succeeded, timeout=WAIT_MS):
        submit_code(qtbot, dialog, enrolled.next_code())
    assert not dialog.isVisible()
    assert stored_minutes(context) == 15
    assert context.security.session.policy.idle_timeout_s == 15 * 60
    assert section.message.text().startswith("The session now locks after 15 idle minute")
    changes = entries(context, AuditAction.SETTINGS_CHANGED)
    assert [(e.details["old"], e.details["new"]) for e in changes] == [("10", "15")]
    assert entries(context, AuditAction.TWOFACTOR_FAILED)


def test_without_two_step_the_idle_time_applies_at_once(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    section = shown_section(qtbot, window, enabled=False)
    assert section.fingerprint_label.text().startswith("Audit signing key")
    section.idle_spin.setValue(3)
    section.apply_idle_button.click()
    qtbot.waitUntil(lambda: stored_minutes(context) == 3, timeout=WAIT_MS)
    assert section.code_dialog is None
    assert context.security.idle_timeout_minutes() == 3


def test_turning_two_step_off_needs_a_code(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled = enroll(context)
    section = shown_section(qtbot, window, enabled=True)
    assert section.recovery_label.text().startswith("10 recovery code")
    section.disable_button.click()
    dialog = section.code_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.succeeded, timeout=WAIT_MS):
        submit_code(qtbot, dialog, enrolled.next_code())
    qtbot.waitUntil(lambda: section.setup_button.isEnabled(), timeout=WAIT_MS)
    assert section.state_label.text() == "Two-step verification: off"
    assert not section.disable_button.isEnabled()
    assert not context.security.status().enabled
    assert len(entries(context, AuditAction.TWOFACTOR_DISABLED)) == 1


def test_new_recovery_codes_are_shown_once_and_replace_the_old(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    enrolled: Enrolled = enroll(context)
    section = shown_section(qtbot, window, enabled=True)
    section.regenerate_button.click()
    dialog = section.code_dialog
    assert dialog is not None
    # A recovery code is a code too; this one is used up by the change.
    with qtbot.waitSignal(dialog.succeeded, timeout=WAIT_MS):
        submit_code(qtbot, dialog, enrolled.recovery_codes[0])
    codes_dialog = section.codes_dialog
    assert codes_dialog is not None
    assert codes_dialog.isVisible()
    new_codes = codes_dialog.panel.codes()
    assert len(new_codes) == 10
    assert not set(new_codes) & set(enrolled.recovery_codes)
    assert not codes_dialog.close_button.isEnabled()
    codes_dialog.panel.acknowledged.setChecked(True)
    codes_dialog.close_button.click()
    assert not codes_dialog.isVisible()
    assert codes_dialog.panel.codes() == ()
    assert len(entries(context, AuditAction.RECOVERY_CODES_REGENERATED)) == 1


def test_code_dialog_without_an_action_only_collects_the_code(qtbot: QtBot) -> None:
    dialog = CodeDialog("Enter a code to reveal the values.")
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.ok_button.isEnabled()
    assert dialog.code.accessibleName() == "Verification code"
    with qtbot.waitSignal(dialog.codeAccepted) as accepted:
        submit_code(qtbot, dialog, "123456")
    assert accepted.args == ["123456"]
    assert not dialog.isVisible()
    assert dialog.code.text() == ""
