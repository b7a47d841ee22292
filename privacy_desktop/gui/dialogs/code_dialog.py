"""Ask for a two-step verification code before a guarded action (non-blocking).

Reused by every action the second factor guards: changing security settings, turning two-step
verification off, new recovery codes, and later revoking a grant, revealing values in bulk and
exporting without encryption. Given an ``action``, the dialog runs it with the code on the
vault pool and stays open with the translated error when the code is refused, so a typo costs
one more try rather than starting over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.views.base_view import ERROR_STYLE, text_label
from privacy_desktop.gui.workers.runner import Pool, TaskRunner

#: A TOTP code has 6 digits; a recovery code is ``XXXX-XXXX`` (spaces and dashes allowed).
MAX_CODE_LENGTH = 16


class CodeDialog(QDialog):
    """Asks for a TOTP or recovery code (open it with ``open()``).

    Args:
        purpose: the translated sentence saying what the code is for.
        runner: runs ``action``; needed only when an action is given.
        action: called with the code on the vault pool; raising refuses the code (the dialog
            shows the error and stays open). None: the dialog only collects the code.
        parent: the Qt parent.

    Signals:
        codeAccepted(str): the code was entered (and, with an action, accepted by it).
        succeeded(object): the action's return value (emitted before the dialog closes).
        failed(str): the action refused the code; the translated reason (also shown inline).
    """

    codeAccepted = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        purpose: str,
        runner: TaskRunner | None = None,
        action: Callable[[str], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if action is not None and runner is None:
            raise ValueError("an action needs a runner")
        self._runner = runner
        self._action = action
        self._busy = False
        self._pending_code = ""
        self.purpose = text_label()
        self.purpose.setText(purpose)
        self.code = QLineEdit()
        self.code.setMaxLength(MAX_CODE_LENGTH)
        self.code.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhSensitiveData
        )
        self._code_label = QLabel()
        self._code_label.setBuddy(self.code)
        form = QFormLayout()
        form.addRow(self._code_label, self.code)
        self.hint = text_label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.error = text_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setEnabled(False)
        self.code.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Verification code"))
        self._code_label.setText(self.tr("&Code:"))
        self.code.setAccessibleName(self.tr("Verification code"))
        self.code.setPlaceholderText(self.tr("6 digits"))
        self.hint.setText(
            self.tr(
                "Enter the code your authenticator app shows for Privacy Desktop, or one of "
                "your recovery codes."
            )
        )
        self.purpose.setAccessibleName(self.tr("What the code is for"))
        self.error.setAccessibleName(self.tr("Error"))
        self.busy.setAccessibleName(self.tr("Checking the code"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def submit(self) -> None:
        """Take the code: emit it, or run the action with it."""
        code = self.code.text().strip()
        if not code or self._busy:
            return
        # The field is emptied at once: a code is a secret for its 30 seconds.
        self.code.clear()
        if self._action is None or self._runner is None:
            self.codeAccepted.emit(code)
            self.accept()
            return
        action = self._action
        self._pending_code = code
        self._set_busy(True)
        self.error.setVisible(False)
        # Not cancellable: an action that changes security state must not be half dropped;
        # Cancel is disabled while it runs instead.
        self._runner.submit(
            lambda _context: action(code),
            pool=Pool.VAULT,
            on_done=self._on_done,
            on_error=self._on_error,
            name="code_dialog.action",
            cancellable=False,
        )

    def _on_done(self, result: Any) -> None:
        code, self._pending_code = self._pending_code, ""
        self._set_busy(False)
        self.succeeded.emit(result)
        self.codeAccepted.emit(code)
        self.accept()

    def _on_error(self, text: str) -> None:
        self._pending_code = ""
        self._set_busy(False)
        self.show_error(text)
        self.failed.emit(text)

    def show_error(self, text: str) -> None:
        """Show ``text`` under the field and put the cursor back into it."""
        self.error.setText(text)
        self.error.setVisible(True)
        self.code.setFocus()

    def reject(self) -> None:
        if self._busy:
            return  # the action finishes first (see submit)
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.code.setEnabled(not busy)
        self.ok_button.setEnabled(not busy and bool(self.code.text().strip()))
        self.cancel_button.setEnabled(not busy)
