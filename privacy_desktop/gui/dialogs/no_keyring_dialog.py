"""Shown at start-up when there is no secure keyring: how to get one, then the app exits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.views.base_view import heading_label, text_label


class NoKeyringDialog(QDialog):
    """Explains that secrets need the OS keyring and how to provide one (no fallback exists).

    Args:
        explanation: the translated text of ``KeyringUnavailable`` (per-OS instructions).
        backend: the technical name of the refused backend, for a support request.
        parent: the Qt parent.
    """

    def __init__(self, explanation: str, backend: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._backend = backend
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = heading_label(2)
        self.explanation = text_label()
        self.explanation.setText(explanation)
        self.backend = text_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.explanation)
        texts.addWidget(self.backend)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("No secure keyring"))
        self.heading.setText(self.tr("Privacy Desktop cannot keep secrets safely"))
        if self._backend:
            self.backend.setText(self.tr("Keyring backend found: %1").replace("%1", self._backend))
        self.backend.setVisible(bool(self._backend))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
