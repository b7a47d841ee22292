"""Set up two-step verification: a paged dialog (never blocking) driven by the task runner.

Pages: what it is → QR code and key → the first code → the recovery codes → done. A paged
``QDialog`` rather than a ``QWizard``: the wizard validates pages synchronously, while the
secret is made and the code checked on the vault pool (keyring calls), so the dialog moves on
only when the worker answers. A wrong code is shown on the code page, which stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.views.base_view import ERROR_STYLE, heading_label, text_label
from privacy_desktop.gui.widgets.qr_code_widget import QrCodeWidget
from privacy_desktop.gui.widgets.recovery_codes_panel import RecoveryCodesPanel
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.security.totp import Enrollment
from privacy_desktop.services.security import SecurityService

INTRO, SCAN, CONFIRM, RECOVERY, DONE = range(5)


def group_key(secret: str, size: int = 4) -> str:
    """``ABCDEFGH…`` → ``ABCD EFGH …``: easier to read and type (apps ignore the spaces)."""
    return " ".join(secret[index : index + size] for index in range(0, len(secret), size))


class EnrollDialog(QDialog):
    """The two-step verification set-up (open it with ``open()``).

    Args:
        security: the security service (begin and confirm run on the vault pool).
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        enrolled(): the first code was accepted; two-step verification is on.
        confirmFailed(str): the code was refused; the translated reason (shown on the page).
    """

    enrolled = Signal()
    confirmFailed = Signal(str)

    def __init__(
        self, security: SecurityService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._runner = runner
        self._enrollment: Enrollment | None = None
        self._busy = False
        self.pages = QStackedWidget()
        self.titles: list[QLabel] = []
        self.texts: list[QLabel] = []
        for _ in range(5):
            page = QWidget()
            title = heading_label(2)
            text = text_label()
            page_layout = QVBoxLayout(page)
            page_layout.addWidget(title)
            page_layout.addWidget(text)
            self.titles.append(title)
            self.texts.append(text)
            self.pages.addWidget(page)

        self.qr = QrCodeWidget()
        self.key_label = QLabel()
        self.key_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._key_caption = QLabel()
        self._key_caption.setBuddy(self.key_label)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.qr)
        key_column = QVBoxLayout()
        key_column.addWidget(self._key_caption)
        key_column.addWidget(self.key_label)
        key_column.addStretch(1)
        scan_row.addLayout(key_column, 1)
        self._page_layout(SCAN).addLayout(scan_row)

        self.code = QLineEdit()
        self.code.setMaxLength(8)  # six digits, a space or two
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._code_label = QLabel()
        self._code_label.setBuddy(self.code)
        self.code_error = text_label()
        self.code_error.setStyleSheet(ERROR_STYLE)
        self.code_error.setVisible(False)
        code_form = QFormLayout()
        code_form.addRow(self._code_label, self.code)
        self._page_layout(CONFIRM).addLayout(code_form)
        self._page_layout(CONFIRM).addWidget(self.code_error)
        self.code.returnPressed.connect(self.next_page)

        self.recovery = RecoveryCodesPanel(runner)
        self.recovery.acknowledgedChanged.connect(lambda _on: self._update_buttons())
        self._page_layout(RECOVERY).addWidget(self.recovery)
        for index in range(self.pages.count()):
            self._page_layout(index).addStretch(1)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.error = text_label()  # failures outside the code page (keyring, already on)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumSize(620, 460)
        self.retranslateUi()
        self._update_buttons()

    def _page_layout(self, index: int) -> QVBoxLayout:
        page = self.pages.widget(index)
        layout = page.layout() if page is not None else None
        assert isinstance(layout, QVBoxLayout)
        return layout

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Set up two-step verification"))
        self.titles[INTRO].setText(self.tr("Two-step verification"))
        self.texts[INTRO].setText(
            self.tr(
                "Privacy Desktop holds the keys to your portal and a copy of its personal data. "
                "With two-step verification, unlocking the application, revoking access, "
                "revealing hidden values in bulk, exporting without encryption and changing "
                "security settings need a code from an authenticator app on your phone "
                "(for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator)."
            )
        )
        self.titles[SCAN].setText(self.tr("Add Privacy Desktop to the authenticator app"))
        self.texts[SCAN].setText(
            self.tr(
                "Scan the QR code with the app. If you cannot scan it, add an account by hand "
                "and type the key (a time-based code)."
            )
        )
        self._key_caption.setText(self.tr("&Key:"))
        self.key_label.setAccessibleName(self.tr("Key for the authenticator app"))
        self.titles[CONFIRM].setText(self.tr("Enter the first code"))
        self.texts[CONFIRM].setText(
            self.tr("Enter the six-digit code the app now shows for Privacy Desktop.")
        )
        self._code_label.setText(self.tr("&Code:"))
        self.code.setAccessibleName(self.tr("Verification code"))
        self.code.setPlaceholderText(self.tr("6 digits"))
        self.code_error.setAccessibleName(self.tr("Error"))
        self.titles[RECOVERY].setText(self.tr("Recovery codes"))
        self.texts[RECOVERY].setText("")
        self.texts[RECOVERY].setVisible(False)
        self.titles[DONE].setText(self.tr("Two-step verification is on"))
        self.texts[DONE].setText(
            self.tr(
                "From now on Privacy Desktop asks for a code when it starts, when it unlocks "
                "and before guarded actions. Lock it at any time with Ctrl+L."
            )
        )
        self.error.setAccessibleName(self.tr("Error"))
        self.busy.setAccessibleName(self.tr("Working"))
        self.back_button.setText(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ navigation

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def next_page(self) -> None:
        """Move on; on the intro and code pages only once the worker has answered."""
        if self._busy:
            return
        page = self.current_page()
        if page == INTRO:
            self._begin()
        elif page == SCAN:
            self._show_page(CONFIRM)
            self.code.setFocus()
        elif page == CONFIRM:
            self._confirm()
        elif page == RECOVERY and self.recovery.acknowledged.isChecked():
            self.recovery.clear_codes()
            self._show_page(DONE)
        elif page == DONE:
            self.accept()

    def previous_page(self) -> None:
        if not self._busy and self.current_page() in (SCAN, CONFIRM):
            self._show_page(self.current_page() - 1)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.error.setVisible(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.current_page()
        self.back_button.setVisible(page in (SCAN, CONFIRM))
        self.back_button.setEnabled(not self._busy)
        # Once confirmed, there is nothing to cancel: two-step verification is on.
        self.cancel_button.setVisible(page < RECOVERY)
        self.cancel_button.setEnabled(not self._busy)
        texts = {
            INTRO: self.tr("&Start"),
            SCAN: self.tr("&Next >"),
            CONFIRM: self.tr("&Confirm"),
            RECOVERY: self.tr("&Next >"),
            DONE: self.tr("&Finish"),
        }
        self.next_button.setText(texts[page])
        self.next_button.setAccessibleName(texts[page].replace("&", "").strip(" <>"))
        enabled = not self._busy
        if page == RECOVERY:
            enabled = enabled and self.recovery.acknowledged.isChecked()
        self.next_button.setEnabled(enabled)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.code.setEnabled(not busy)
        self._update_buttons()

    # ------------------------------------------------------------------ work

    def _begin(self) -> None:
        security = self._security
        self._set_busy(True)
        self._runner.submit(
            lambda _context: security.begin_enrollment(),
            pool=Pool.VAULT,
            on_done=self._on_begun,
            on_error=self._on_begin_failed,
            name="security.begin_enrollment",
        )

    def _on_begun(self, enrollment: Any) -> None:
        self._set_busy(False)
        assert isinstance(enrollment, Enrollment)
        self._enrollment = enrollment
        self.qr.set_png(enrollment.qr_png(scale=5))
        self.key_label.setText(group_key(enrollment.secret))
        self._show_page(SCAN)

    def _on_begin_failed(self, text: str) -> None:
        self._set_busy(False)
        self.error.setText(text)
        self.error.setVisible(True)

    def _confirm(self) -> None:
        enrollment = self._enrollment
        code = self.code.text().strip()
        if enrollment is None or not code:
            return
        security = self._security
        self.code.clear()
        self.code_error.setVisible(False)
        self._set_busy(True)
        # Not cancellable: once the service stored the secret, its codes must reach the page.
        self._runner.submit(
            lambda _context: security.confirm_enrollment(enrollment, code),
            pool=Pool.VAULT,
            on_done=self._on_confirmed,
            on_error=self._on_confirm_failed,
            name="security.confirm_enrollment",
            cancellable=False,
        )

    def _on_confirmed(self, codes: Any) -> None:
        self._set_busy(False)
        self._forget_secret()
        self.recovery.set_codes(tuple(str(code) for code in codes))
        self._show_page(RECOVERY)
        self.enrolled.emit()

    def _on_confirm_failed(self, text: str) -> None:
        self._set_busy(False)
        self.code_error.setText(text)
        self.code_error.setVisible(True)
        self.code.setFocus()
        self.confirmFailed.emit(text)

    def _forget_secret(self) -> None:
        self._enrollment = None
        self.qr.clear_code()
        self.key_label.clear()

    def reject(self) -> None:
        if self._busy:
            return  # a running confirmation must finish (see _confirm)
        self._forget_secret()
        self.recovery.clear_codes()
        super().reject()

    def done(self, result: int) -> None:
        self._forget_secret()
        self.recovery.clear_codes()
        super().done(result)
