"""The recovery codes, shown once: list, Copy, Save to file…, and a warning to keep them safe.

Used by the enrolment wizard and after "New recovery codes…". Only the codes' hashes are kept
by the application, so this is the one moment the person can write them down; the panel
forgets them when :meth:`clear_codes` is called (the dialogs do so when they close).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.atomic_file import write_text_atomically
from privacy_desktop.gui.dialogs.save_file_dialog import open_save_dialog
from privacy_desktop.gui.views.base_view import ERROR_STYLE, text_label
from privacy_desktop.gui.workers.runner import Pool, TaskRunner

DEFAULT_FILE_NAME = "privacy-desktop-recovery-codes.txt"


class RecoveryCodesPanel(QWidget):
    """Shows recovery codes with Copy and Save to file….

    Args:
        runner: writes the file off the GUI thread.
        parent: the Qt parent.

    Signals:
        acknowledgedChanged(bool): the "I have stored them" box was ticked or cleared.
        saved(str): the codes were written to this file.
    """

    acknowledgedChanged = Signal(bool)
    saved = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._codes: tuple[str, ...] = ()
        self._saving = ""
        self.file_dialog: QFileDialog | None = None
        self.warning = text_label()
        self.warning.setStyleSheet("font-weight: bold;")
        self.codes_view = QPlainTextEdit()
        self.codes_view.setReadOnly(True)
        self.codes_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.codes_view.setMaximumHeight(220)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.open_save_dialog)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.acknowledged = QCheckBox()
        self.acknowledged.toggled.connect(self.acknowledgedChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.codes_view)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.acknowledged)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.warning.setText(
            self.tr(
                "These recovery codes are shown only now. Each one works once, in place of a "
                "code from the authenticator app, for example if the phone is lost. Keep them "
                "somewhere safe and away from this computer: anyone who has them can unlock "
                "Privacy Desktop."
            )
        )
        self.codes_view.setAccessibleName(self.tr("Recovery codes"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery codes"))
        self.save_button.setText(self.tr("&Save to file\u2026"))
        self.save_button.setAccessibleName(self.tr("Save the recovery codes to a file"))
        self.acknowledged.setText(self.tr("I have stored the recovery codes safely"))
        self.acknowledged.setAccessibleName(self.tr("I have stored the recovery codes safely"))
        self.status.setAccessibleName(self.tr("Status"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def codes(self) -> tuple[str, ...]:
        return self._codes

    def set_codes(self, codes: Sequence[str]) -> None:
        """Show ``codes`` (and require the acknowledgement again)."""
        self._codes = tuple(codes)
        self.codes_view.setPlainText("\n".join(self._codes))
        self.acknowledged.setChecked(False)
        self.status.clear()

    def clear_codes(self) -> None:
        """Forget the codes (the widget may outlive the moment they were needed)."""
        self._codes = ()
        self.codes_view.clear()

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self._codes))
        self._show_status(self.tr("The recovery codes were copied to the clipboard."))

    def open_save_dialog(self) -> QFileDialog:
        """A non-blocking "save as" dialog; the file is written once a name is chosen."""
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the recovery codes"),
            self.tr("Text files (*.txt)"),
            DEFAULT_FILE_NAME,
            self.save_to,
        )
        return self.file_dialog

    def save_to(self, path: str) -> None:
        """Write the codes to ``path`` (owner-only permissions) on a worker."""
        if not path or not self._codes:
            return
        target = Path(path)
        header = self.tr("Privacy Desktop recovery codes, created %1. Each code works once.")
        header = header.replace("%1", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"))
        content = "\n".join((header, "", *self._codes, ""))

        def write(out: TextIO) -> None:
            out.write(content)

        self._saving = str(target)
        self._runner.submit(
            lambda _context: write_text_atomically(target, write),
            pool=Pool.GENERAL,
            on_done=self._on_saved,
            on_error=self._on_save_failed,
            name="recovery_codes.save",
            cancellable=False,
        )

    def _on_saved(self, _result: object) -> None:
        path = self._saving
        self._show_status(self.tr("Saved to %1.").replace("%1", path))
        self.saved.emit(path)

    def _on_save_failed(self, text: str) -> None:
        self._show_status(self.tr("The file could not be written: %1").replace("%1", text), True)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
