"""Shows a worker's question (see gui/workers/prompts.py) without blocking the GUI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from privacy_desktop.gui.i18n import render
from privacy_desktop.gui.workers.prompts import PromptKind, PromptRequest


def open_prompt(request: PromptRequest, parent: QWidget | None) -> QDialog:
    """Open the dialog for ``request``; its result answers or declines the request.

    Returns:
        The open dialog (deleted when closed).
    """
    text = render(request.message)
    title = QCoreApplication.translate("PromptDialog", "Privacy Desktop asks")
    dialog: QDialog
    if request.kind is PromptKind.CONFIRM:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: (
                request.answer("yes")
                if result == QMessageBox.StandardButton.Yes.value
                else request.decline()
            )
        )
        dialog = box
    else:
        entry = QInputDialog(parent)
        entry.setWindowTitle(title)
        entry.setLabelText(text)
        entry.setInputMode(QInputDialog.InputMode.TextInput)
        if request.kind is PromptKind.SECRET:
            entry.setTextEchoMode(QLineEdit.EchoMode.Password)
        entry.textValueSelected.connect(request.answer)
        entry.rejected.connect(request.decline)
        dialog = entry
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
