"""A non-blocking "save as" file dialog (``open()``, never ``exec()``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def open_save_dialog(
    parent: QWidget,
    title: str,
    name_filter: str,
    default_name: str,
    on_selected: Callable[[str], object],
) -> QFileDialog:
    """Open a "save as" dialog over ``parent``; ``on_selected(path)`` runs once one is chosen.

    Args:
        parent: the widget the dialog belongs to (closed with the others on a lock).
        title: the translated window title.
        name_filter: the translated filter, e.g. ``"CSV files (*.csv)"``.
        default_name: the file name offered; its suffix is added when the person omits it.
        on_selected: receives the chosen path.

    Returns:
        The open dialog (deleted when closed).
    """
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(default_name.rsplit(".", 1)[-1])
    dialog.selectFile(default_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_selected)
    dialog.open()
    return dialog
