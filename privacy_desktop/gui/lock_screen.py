"""The unlock screen: the page that covers the main window while the session is locked.

It only collects the code (or the account password where two-step verification is off) and
shows the outcome; the window runs ``SecurityService.unlock`` on the vault pool. During a
lock-out the Unlock button stays disabled until the moment the lock-out ends, which is shown.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.views.base_view import ERROR_STYLE, heading_label, text_label
from privacy_desktop.security.session import LockReason
from privacy_desktop.services.security import UnlockMethod


class LockScreen(QWidget):
    """The locked page: icon, title, why it locked, the code field, Unlock, errors, a hint.

    Args:
        icon: the application icon.
        parent: the Qt parent.

    Signals:
        unlockRequested(str): the person asks to unlock with this code or password.
    """

    unlockRequested = Signal(str)

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        #: What the field asks for; None until the vault pool has looked it up.
        self.method: UnlockMethod | None = None
        self.reason: LockReason | None = None
        self._locked_until: float | None = None
        self._busy = False
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading_label(1)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = text_label()
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = text_label()
        self.field = QLineEdit()
        self.field.setMaxLength(256)
        self.field.returnPressed.connect(self.request_unlock)
        self.field.textChanged.connect(lambda _text: self._update_button())
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.request_unlock)
        self.prompt.setBuddy(self.field)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.unlock_button)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.error = text_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.lockout = text_label()
        self.lockout.setVisible(False)
        self.hint = text_label()
        self._lockout_end = QTimer(self)
        self._lockout_end.setSingleShot(True)
        self._lockout_end.timeout.connect(self._on_lockout_over)

        column = QWidget()
        column.setMaximumWidth(460)
        inner = QVBoxLayout(column)
        inner.addWidget(self.icon_label)
        inner.addWidget(self.title)
        inner.addWidget(self.reason_label)
        inner.addSpacing(12)
        inner.addWidget(self.prompt)
        inner.addLayout(row)
        inner.addWidget(self.busy)
        inner.addWidget(self.error)
        inner.addWidget(self.lockout)
        inner.addSpacing(12)
        inner.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslateUi()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.icon_label.setPixmap(self._icon.pixmap(96))
        self.icon_label.setAccessibleName(self.tr("Privacy Desktop"))
        self.title.setText(self.tr("Privacy Desktop is locked"))
        self.setAccessibleName(self.tr("Privacy Desktop is locked"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.error.setAccessibleName(self.tr("Error"))
        self.lockout.setAccessibleName(self.tr("Lock-out"))
        self.busy.setAccessibleName(self.tr("Checking"))
        self.reason_label.setText(self._reason_text())
        password = self.method is UnlockMethod.OS_ACCOUNT
        if self.method is UnlockMethod.UNAVAILABLE:
            self.prompt.setText(self.tr("This session cannot be unlocked here."))
            self.field.setAccessibleName(self.tr("Unlock field"))
            self.hint.setText(
                self.tr(
                    "Two-step verification is off and this computer offers no account check. "
                    "Quit Privacy Desktop and start it again; then turn on two-step "
                    "verification in the settings."
                )
            )
        elif password:
            self.prompt.setText(self.tr("Enter the &password of your computer account:"))
            self.field.setAccessibleName(self.tr("Account password"))
            self.field.setPlaceholderText("")
            self.hint.setText(
                self.tr(
                    "Two-step verification is off, so your computer account's password unlocks "
                    "Privacy Desktop. Turn two-step verification on in the settings for "
                    "stronger protection."
                )
            )
        else:
            self.prompt.setText(self.tr("Enter the &code from your authenticator app:"))
            self.field.setAccessibleName(self.tr("Verification code"))
            self.field.setPlaceholderText(self.tr("6 digits"))
            self.hint.setText(
                self.tr(
                    "Lost the phone? Enter one of your recovery codes (XXXX-XXXX) instead. "
                    "Each recovery code works once."
                )
            )
        self.field.setEchoMode(
            QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        )
        self.field.setEnabled(not self._busy and self.method is not UnlockMethod.UNAVAILABLE)
        self._show_lockout()

    def _reason_text(self) -> str:
        texts = {
            LockReason.IDLE: self.tr("It locked itself after a time without activity."),
            LockReason.MANUAL: self.tr("It was locked on request."),
            LockReason.SCREEN_LOCKED: self.tr("It locked together with the screen."),
            LockReason.SUSPEND: self.tr("It locked when the computer went to sleep."),
        }
        return texts.get(self.reason, "") if self.reason is not None else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state

    def reset(self, reason: LockReason | None) -> None:
        """A fresh lock: no error, an empty field, the reason shown."""
        self.reason = reason
        self.field.clear()
        self.error.setVisible(False)
        self.set_busy(False)
        self.retranslateUi()

    def set_method(self, method: UnlockMethod) -> None:
        """Ask for a code, for the account password, or say that nothing can unlock."""
        if method is not self.method:
            self.method = method
            self.field.clear()
            self.retranslateUi()
            self._update_button()

    def set_locked_until(self, epoch_s: float | None) -> None:
        """Refuse to try before ``epoch_s`` (a running lock-out) and say when it ends."""
        now = datetime.now().timestamp()
        self._locked_until = epoch_s if epoch_s is not None and epoch_s > now else None
        self._lockout_end.stop()
        if self._locked_until is not None:
            self._lockout_end.start(int((self._locked_until - now) * 1000) + 250)
        self._show_lockout()
        self._update_button()

    def is_locked_out(self) -> bool:
        return self._locked_until is not None

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.field.setEnabled(not busy and self.method is not UnlockMethod.UNAVAILABLE)
        self._update_button()
        if not busy:
            self.field.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def request_unlock(self) -> None:
        text = self.field.text()
        if self._busy or self.is_locked_out() or not text.strip():
            return
        # The field never keeps a code or password longer than needed.
        self.field.clear()
        self.error.setVisible(False)
        self.set_busy(True)
        password = self.method is UnlockMethod.OS_ACCOUNT
        self.unlockRequested.emit(text if password else text.strip())

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(
            not self._busy and not self.is_locked_out() and bool(self.field.text().strip())
        )

    def _show_lockout(self) -> None:
        if self._locked_until is None:
            self.lockout.setVisible(False)
            return
        moment = datetime.fromtimestamp(self._locked_until).strftime("%H:%M:%S")
        self.lockout.setText(self.tr("You can try again at %1.").replace("%1", moment))
        self.lockout.setVisible(True)

    def _on_lockout_over(self) -> None:
        self._locked_until = None
        self._show_lockout()
        self._update_button()
