"""The About box: version, application id, keyring backend (non-blocking).

Its texts keep the ``MainWindow`` translation context they had when the window built the box
itself, so the existing catalogue entries still apply.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from privacy_desktop import APP_ID, __version__


def open_about_box(parent: QWidget, backend: str | None) -> QMessageBox:
    """Open the About box over ``parent`` and return it (deleted when closed).

    Args:
        parent: the main window (its icon is shown).
        backend: the keyring backend's name, or None while it is being looked up.
    """
    shown_backend = backend or QCoreApplication.translate("MainWindow", "not known yet")
    text = (
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Privacy Desktop %1</h3><p>See which personal data a Bitrix24 portal holds, "
            "who can reach it, and answer the requests of the people it belongs to.</p>"
            "<p>Application ID: %2<br>Keyring in use: %3</p>",
        )
        .replace("%1", __version__)
        .replace("%2", APP_ID)
        .replace("%3", shown_backend.replace("<", "&lt;"))
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("MainWindow", "About Privacy Desktop"),
        text,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIconPixmap(parent.windowIcon().pixmap(64))
    box.open()
    return box
