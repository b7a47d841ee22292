"""New recovery codes, shown once after "New recovery codes…" (non-blocking)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from privacy_desktop.gui.widgets.recovery_codes_panel import RecoveryCodesPanel
from privacy_desktop.gui.workers.runner import TaskRunner


class RecoveryCodesDialog(QDialog):
    """Shows ``codes`` with Copy and Save to file…; Close once they are stored.

    Args:
        codes: the new recovery codes (the old ones no longer work).
        runner: writes the file off the GUI thread.
        parent: the Qt parent.
    """

    def __init__(
        self, codes: Sequence[str], runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.panel = RecoveryCodesPanel(runner)
        self.panel.set_codes(codes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.panel.acknowledgedChanged.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("New recovery codes"))
        self.close_button.setAccessibleName(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.panel.clear_codes()
        super().done(result)
