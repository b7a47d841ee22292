"""The portal manager: the list of portals with Add, Check connection and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.portal_texts import kind_text, plan_text, scopes_text, state_text
from privacy_desktop.gui.views.base_view import ERROR_STYLE, RetranslatingView, text_label

COLUMNS = 6  # name, host, kind, plan, scopes, state


class PortalsView(RetranslatingView):
    """Lists the configured portals and manages them.

    Args:
        directory: the shared portal directory.
        parent: the Qt parent.

    Signals:
        addPortalRequested(): the person pressed Add… (the main window opens the dialog).
    """

    addPortalRequested = Signal()

    def __init__(self, directory: PortalDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._confirm: QMessageBox | None = None
        self.table = QTableWidget(0, COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Scopes and state can be long; they share what is left and elide (full text in tooltips).
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.addPortalRequested)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._confirm_remove)
        self.message = text_label()
        self.message.setVisible(False)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.check_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        directory.portalsChanged.connect(self._fill)
        directory.checkChanged.connect(self._update_row)
        directory.loadFailed.connect(self._show_error)
        self._fill()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Host"),
                self.tr("Connection"),
                self.tr("Plan"),
                self.tr("Scopes"),
                self.tr("State"),
            ]
        )
        self.table.setAccessibleName(self.tr("Configured portals"))
        self.add_button.setText(self.tr("&Add\u2026"))
        self.check_button.setText(self.tr("&Check connection"))
        self.remove_button.setText(self.tr("&Remove\u2026"))
        self.add_button.setAccessibleName(self.tr("Add a portal"))
        self.check_button.setAccessibleName(self.tr("Check the selected portal's connection"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected portal"))
        self._fill()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.selectRow(row)
                return

    # ------------------------------------------------------------------ contents

    def _fill(self) -> None:
        selected = self.selected_name()
        portals = self._directory.portals()
        self.table.setRowCount(len(portals))
        for row, profile in enumerate(portals):
            cells = (
                profile.name,
                profile.host,
                kind_text(profile.auth_kind),
                plan_text(profile.plan),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self._set_outcome_cells(row, profile.name)
        if selected is not None:
            self.select(selected)
        elif portals:
            self.table.selectRow(0)
        self._update_buttons()

    def _set_outcome_cells(self, row: int, name: str) -> None:
        outcome = self._directory.outcome(name)
        scopes = QTableWidgetItem(scopes_text(outcome))
        scopes.setToolTip(scopes.text())
        state = QTableWidgetItem(state_text(outcome))
        state.setToolTip(state.text())
        self.table.setItem(row, 4, scopes)
        self.table.setItem(row, 5, state)

    def _update_row(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self._set_outcome_cells(row, name)

    def _update_buttons(self) -> None:
        has_selection = self.selected_name() is not None
        self.check_button.setEnabled(has_selection)
        self.remove_button.setEnabled(has_selection)

    # ------------------------------------------------------------------ actions

    def _check_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.message.setVisible(False)
            self._directory.check(name)

    def _confirm_remove(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove portal"),
            self.tr(
                "Remove the portal \u201c%1\u201d? Its settings and every secret of it are "
                "deleted from this computer; the webhook or application in the portal itself "
                "is not changed."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._remove_if_confirmed(name, result))
        self._confirm = box
        box.open()

    def _remove_if_confirmed(self, name: str, result: int) -> None:
        self._confirm = None
        if result == QMessageBox.StandardButton.Yes.value:
            self.message.setVisible(False)
            self._directory.remove(name, on_error=self._show_error)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(True)
