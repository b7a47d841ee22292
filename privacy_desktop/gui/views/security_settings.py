"""The Security section of the settings page: two-step verification, idle lock, audit key.

Everything shown is looked up on the vault pool (the two-step state and the audit key live
behind the keyring). Changing a security setting asks for a code when two-step verification is
on; the code dialog runs the change itself and stays open on a wrong code.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.dialogs.code_dialog import CodeDialog
from privacy_desktop.gui.dialogs.enroll_dialog import EnrollDialog
from privacy_desktop.gui.dialogs.recovery_codes_dialog import RecoveryCodesDialog
from privacy_desktop.gui.views.base_view import ERROR_STYLE, text_label
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.security.totp import TwoFactorStatus
from privacy_desktop.services.security import SecurityService
from privacy_desktop.services.security_errors import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES


class SecuritySettings(QWidget):
    """Two-step verification status and actions, the idle lock, the audit key fingerprint.

    Args:
        security: the security service.
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        statusLoaded(object): a fresh :class:`TwoFactorStatus` is shown.
        changed(): a security setting changed (two-step on/off, codes, idle time-out).
    """

    statusLoaded = Signal(object)
    changed = Signal()

    def __init__(
        self, security: SecurityService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._runner = runner
        self.status: TwoFactorStatus | None = None
        self.fingerprint: str | None = None
        self.enroll_dialog: EnrollDialog | None = None
        self.code_dialog: CodeDialog | None = None
        self.codes_dialog: RecoveryCodesDialog | None = None

        self.state_label = text_label()
        self.recovery_label = text_label()
        self.lockout_label = text_label()
        self.lockout_label.setStyleSheet(ERROR_STYLE)
        self.tamper_label = text_label()
        self.tamper_label.setStyleSheet(ERROR_STYLE)
        self.setup_button = QPushButton()
        self.setup_button.clicked.connect(self.open_enroll_dialog)
        self.disable_button = QPushButton()
        self.disable_button.clicked.connect(self.open_disable_dialog)
        self.regenerate_button = QPushButton()
        self.regenerate_button.clicked.connect(self.open_regenerate_dialog)
        buttons = QHBoxLayout()
        for button in (self.setup_button, self.disable_button, self.regenerate_button):
            button.setEnabled(False)  # until the status is known
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_spin.setValue(max(security.idle_timeout_minutes(), MIN_IDLE_MINUTES))
        self.apply_idle_button = QPushButton()
        self.apply_idle_button.clicked.connect(self.apply_idle_timeout)
        self._idle_label = QLabel()
        self._idle_label.setBuddy(self.idle_spin)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.apply_idle_button)
        idle_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self._idle_label, idle_row)

        self.fingerprint_label = text_label()
        self.message = text_label()
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addWidget(self.recovery_label)
        layout.addWidget(self.lockout_label)
        layout.addWidget(self.tamper_label)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.message)
        self.retranslateUi()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.setup_button.setText(self.tr("&Set up\u2026"))
        self.setup_button.setAccessibleName(self.tr("Set up two-step verification"))
        self.disable_button.setText(self.tr("Turn &off\u2026"))
        self.disable_button.setAccessibleName(self.tr("Turn off two-step verification"))
        self.regenerate_button.setText(self.tr("&New recovery codes\u2026"))
        self.regenerate_button.setAccessibleName(self.tr("Make new recovery codes"))
        self._idle_label.setText(self.tr("&Lock after this many idle minutes:"))
        self.idle_spin.setAccessibleName(self.tr("Minutes without activity before locking"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.apply_idle_button.setText(self.tr("&Apply"))
        self.apply_idle_button.setAccessibleName(self.tr("Apply the idle lock time"))
        self.state_label.setAccessibleName(self.tr("Two-step verification status"))
        self.recovery_label.setAccessibleName(self.tr("Recovery codes left"))
        self.lockout_label.setAccessibleName(self.tr("Lock-out"))
        self.tamper_label.setAccessibleName(self.tr("Tampering warning"))
        self.fingerprint_label.setAccessibleName(self.tr("Audit key fingerprint"))
        self.message.setAccessibleName(self.tr("Result"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _show_status(self) -> None:
        status = self.status
        if status is None:
            self.state_label.setText(self.tr("Two-step verification: looking it up\u2026"))
        elif status.enabled:
            self.state_label.setText(self.tr("Two-step verification: on"))
        else:
            self.state_label.setText(self.tr("Two-step verification: off"))
        enabled = status is not None and status.enabled
        self.recovery_label.setVisible(enabled)
        if status is not None and enabled:
            self.recovery_label.setText(
                self.tr("%n recovery code(s) left.", "", status.recovery_codes_left)
            )
        locked_until = status.locked_until if status is not None else None
        self.lockout_label.setVisible(locked_until is not None)
        if locked_until is not None:
            moment = datetime.fromtimestamp(locked_until).strftime("%H:%M:%S")
            self.lockout_label.setText(
                self.tr("After too many wrong codes, codes are refused until %1.").replace(
                    "%1", moment
                )
            )
        tampered = status is not None and status.tamper_detected
        self.tamper_label.setVisible(tampered)
        self.tamper_label.setText(
            self.tr(
                "The two-step verification record was changed or removed outside Privacy "
                "Desktop. The event is in the audit log."
            )
        )
        self.setup_button.setEnabled(status is not None and not enabled)
        self.disable_button.setEnabled(enabled)
        self.regenerate_button.setEnabled(enabled)
        if self.fingerprint is None:
            self.fingerprint_label.setText(self.tr("Audit signing key: looking it up\u2026"))
        else:
            self.fingerprint_label.setText(
                self.tr("Audit signing key fingerprint: %1").replace("%1", self.fingerprint)
            )

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Look up the two-step status (and the audit key's fingerprint once)."""
        security = self._security
        self._runner.submit(
            lambda _context: security.status(),
            pool=Pool.VAULT,
            on_done=self._on_status,
            on_error=self._show_error,
            name="security.status",
        )
        if self.fingerprint is None:
            self._runner.submit(
                lambda _context: security.audit_public_key_fingerprint(),
                pool=Pool.VAULT,
                on_done=self._on_fingerprint,
                on_error=self._show_error,
                name="security.audit_fingerprint",
            )

    def _on_status(self, status: Any) -> None:
        assert isinstance(status, TwoFactorStatus)
        self.status = status
        self._show_status()
        self.statusLoaded.emit(status)

    def _on_fingerprint(self, fingerprint: Any) -> None:
        self.fingerprint = str(fingerprint)
        self._show_status()

    # ------------------------------------------------------------------ actions

    def open_enroll_dialog(self) -> EnrollDialog:
        dialog = EnrollDialog(self._security, self._runner, self.window())
        dialog.enrolled.connect(self._on_changed)
        dialog.finished.connect(lambda _result: self.refresh())
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def open_disable_dialog(self) -> CodeDialog:
        security = self._security
        dialog = self._open_code_dialog(
            self.tr(
                "Turning two-step verification off needs a code from your authenticator app "
                "(or a recovery code)."
            ),
            security.disable,
        )
        dialog.succeeded.connect(lambda _result: self._show_message(self.tr("Turned off.")))
        return dialog

    def open_regenerate_dialog(self) -> CodeDialog:
        security = self._security
        dialog = self._open_code_dialog(
            self.tr(
                "New recovery codes replace the old ones, which stop working. Enter a code to "
                "confirm."
            ),
            security.regenerate_recovery_codes,
        )
        dialog.succeeded.connect(self._show_new_codes)
        return dialog

    def apply_idle_timeout(self) -> CodeDialog | None:
        """Apply the idle minutes; asks for a code first when two-step verification is on."""
        minutes = self.idle_spin.value()
        security = self._security

        def change(code: str | None) -> int:
            security.set_idle_timeout(minutes, code)
            return minutes

        if self.status is not None and self.status.enabled:
            dialog = self._open_code_dialog(
                self.tr("Changing the idle lock time is a security setting: enter a code."),
                change,
            )
            dialog.succeeded.connect(self._on_idle_applied)
            return dialog
        self._runner.submit(
            lambda _context: change(None),
            pool=Pool.VAULT,
            on_done=self._on_idle_applied,
            on_error=self._show_error,
            name="security.set_idle_timeout",
            cancellable=False,
        )
        return None

    def _open_code_dialog(self, purpose: str, action: Any) -> CodeDialog:
        dialog = CodeDialog(purpose, self._runner, action, self.window())
        dialog.succeeded.connect(lambda _result: self._on_changed())
        self.code_dialog = dialog
        dialog.open()
        return dialog

    def _on_idle_applied(self, minutes: Any) -> None:
        self._show_message(
            self.tr("The session now locks after %n idle minute(s).", "", int(minutes))
        )

    def _show_new_codes(self, codes: Any) -> None:
        dialog = RecoveryCodesDialog(
            tuple(str(code) for code in codes), self._runner, self.window()
        )
        self.codes_dialog = dialog
        dialog.open()

    def _on_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("")
        self.message.setVisible(True)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(True)
