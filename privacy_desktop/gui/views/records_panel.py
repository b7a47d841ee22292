"""The records holding one field's personal data: a lazy, masked table with Reveal.

"Reveal" shows the selected row's values (the inventory service writes a REVEAL audit entry
first); "Reveal all visible" asks for the second factor when it guards
GuardedAction.REVEAL_BULK, then reveals the rows on the screen, one audit entry each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.domain.inventory import RecordRow
from privacy_desktop.domain.security import GuardedAction
from privacy_desktop.gui.dialogs.code_dialog import CodeDialog
from privacy_desktop.gui.inventory_access import InventoryAccess
from privacy_desktop.gui.inventory_texts import entity_name, field_text, fill, kind_name
from privacy_desktop.gui.item_models.inventory_tree_model import DrillDown
from privacy_desktop.gui.item_models.records_table_model import RecordsTableModel
from privacy_desktop.gui.views.base_view import ERROR_STYLE, heading_label, text_label
from privacy_desktop.gui.workers.runner import Pool
from privacy_desktop.gui.workers.task import TaskContext
from privacy_desktop.services.inventory import InventoryService
from privacy_desktop.services.security import SecurityService
from privacy_desktop.services.security_errors import SecondFactorRequired

#: "Reveal all visible" reveals at most this many rows (one audit entry each).
MAX_BULK_REVEAL = 100


class RecordsPanel(QWidget):
    """The drill-down below the inventory tree.

    Args:
        inventory: the inventory service on the task runner.
        security: the security service (second factor for bulk reveal).
        parent: the Qt parent.

    Signals:
        revealed(int): values of this many rows were revealed.
    """

    revealed = Signal(int)

    def __init__(
        self,
        inventory: InventoryAccess,
        security: SecurityService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._inventory = inventory
        self._security = security
        self._portal: str | None = None
        self._drill: DrillDown | None = None
        #: Bumped whenever the drill-down changes, so late answers for an old one are dropped.
        self._generation = 0
        self.code_dialog: CodeDialog | None = None

        self.heading = heading_label(2)
        self.records = RecordsTableModel(inventory.runner, parent=self)
        self.table = QTableView()
        self.table.setModel(self.records)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        # One line per cell and no grid: wrapped text is laid out on every paint, which
        # doubled the time a frame took (benchmarks/gui_stall.py).
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        # Fixed row heights: with a million rows, nothing may measure them one by one.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        vertical.setVisible(False)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.resizeSection(0, 90)
        horizontal.resizeSection(1, 240)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.reveal_visible_button = QPushButton()
        self.reveal_visible_button.clicked.connect(self.reveal_visible)
        self.loaded = text_label()
        self.error = text_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for signal in (self.records.rowsLoaded, self.records.modelReset):
            signal.connect(self._show_loaded)
            signal.connect(self._update_buttons)
        self.records.loadFailed.connect(self.show_error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.reveal_visible_button)
        buttons.addStretch(1)
        buttons.addWidget(self.loaded)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.retranslateUi()
        self._update_buttons()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.reveal_button.setText(self.tr("&Reveal"))
        self.reveal_button.setToolTip(self.tr("Show the values of the selected record"))
        self.reveal_visible_button.setText(self.tr("Reveal all &visible\u2026"))
        self.reveal_visible_button.setToolTip(
            self.tr("Show the values of every record on the screen (may ask for a code)")
        )
        self.table.setAccessibleName(self.tr("Records holding the selected data"))
        self._show_heading()
        self._show_loaded()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _show_heading(self) -> None:
        drill = self._drill
        if drill is None:
            self.heading.setText(self.tr("Select a field or a kind of data above"))
            return
        self.heading.setText(
            fill(
                self.tr("%1 in %2 \u2014 %3"),
                kind_name(drill.kind),
                entity_name(drill.entity),
                field_text(drill.field, drill.label),
            )
        )

    def _show_loaded(self) -> None:
        total = self.records.total()
        if self._drill is None:
            self.loaded.clear()
        elif total is None:
            self.loaded.setText(self.tr("Counting\u2026"))
        else:
            self.loaded.setText(
                fill(
                    self.tr("%1 of %2 records loaded"),
                    str(self.records.loaded_rows()),
                    str(total),
                )
            )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------------ records

    def drill_down(self) -> DrillDown | None:
        return self._drill

    def show_records(self, portal: str | None, drill: DrillDown | None) -> None:
        """List the records of ``portal`` holding ``drill`` (None: none)."""
        if portal == self._portal and drill == self._drill and drill is not None:
            return
        self._portal = portal
        self._drill = drill
        self._generation += 1
        self.records.set_source(None)
        self._show_heading()
        self.show_error("")
        self._update_buttons()
        self._show_loaded()
        if drill is None or portal is None:
            return
        generation = self._generation
        self._inventory.read(
            lambda service: (
                generation,
                service.record_count(portal, drill.entity, drill.field, drill.kind),
            ),
            on_done=self._on_count,
            on_error=self.show_error,
            name="inventory.record_count",
        )

    def forget_records(self) -> None:
        """Drop every loaded row, revealed values included (the session locked)."""
        self._generation += 1
        self.records.set_source(None)
        self._show_loaded()

    def reload_records(self) -> None:
        """Read the current drill-down again (after an unlock)."""
        portal, drill = self._portal, self._drill
        self._portal = self._drill = None
        self.show_records(portal, drill)

    def _on_count(self, result: Any) -> None:
        generation, total = result
        drill, portal = self._drill, self._portal
        if generation != self._generation or drill is None or portal is None:
            return
        service = self._inventory.service

        def fetch(offset: int, limit: int) -> list[RecordRow]:
            return service.records(portal, drill.entity, drill.field, drill.kind, offset, limit)

        self.records.set_source(fetch, int(total))
        # The first page is read now rather than when the view happens to ask for it.
        self.records.fetchMore()

    # ------------------------------------------------------------------ reveal

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def visible_rows(self) -> list[int]:
        """The rows on the screen whose records are in memory (at most MAX_BULK_REVEAL)."""
        count = self.records.rowCount()
        if count == 0:
            return []
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = count - 1 if last < 0 else last
        rows = [row for row in range(first, last + 1) if self.records.record(row) is not None]
        return rows[:MAX_BULK_REVEAL]

    def _update_buttons(self, *_args: object) -> None:
        self.reveal_button.setEnabled(len(self.selected_rows()) == 1)
        self.reveal_visible_button.setEnabled(self.records.rowCount() > 0)

    def reveal_selected(self) -> None:
        """Reveal the values of the one selected row (audit-logged by the service)."""
        rows = self.selected_rows()
        if len(rows) == 1:
            self._reveal(rows)

    def reveal_visible(self) -> None:
        """Reveal every row on the screen, after the second factor if it guards this."""
        rows = self.visible_rows()
        if not rows:
            return
        security = self._security

        def try_without_code(_context: TaskContext) -> bool:
            try:
                security.authorize(GuardedAction.REVEAL_BULK, None)
            except SecondFactorRequired:
                return False
            return True

        # Checking the second factor may read its secret from the keyring: the vault pool.
        self._inventory.runner.submit(
            try_without_code,
            pool=Pool.VAULT,
            on_done=lambda allowed: self._after_authorize_attempt(bool(allowed), rows),
            on_error=self.show_error,
            name="security.authorize_reveal",
        )

    def _after_authorize_attempt(self, allowed: bool, rows: list[int]) -> None:
        if allowed:
            self._reveal(rows)
            return
        security = self._security
        dialog = CodeDialog(
            self.tr("Enter a code to reveal the values of %n record(s).", "", len(rows)),
            self._inventory.runner,
            lambda code: security.authorize(GuardedAction.REVEAL_BULK, code),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.succeeded.connect(lambda _result: self._reveal(rows))
        dialog.destroyed.connect(self._forget_code_dialog)
        self.code_dialog = dialog
        dialog.open()

    def _forget_code_dialog(self) -> None:
        self.code_dialog = None

    def _reveal(self, rows: list[int]) -> None:
        drill, portal = self._drill, self._portal
        if drill is None or portal is None:
            return
        targets = [
            (row, record.record_id)
            for row in rows
            if (record := self.records.record(row)) is not None
        ]
        if not targets:
            return
        generation = self._generation

        def reveal(service: InventoryService) -> tuple[int, list[tuple[int, int, list[str]]]]:
            found = [
                (row, record_id, service.reveal(portal, drill.entity, record_id, drill.field))
                for row, record_id in targets
            ]
            return generation, found

        self._inventory.reveal(reveal, on_done=self._on_revealed, on_error=self.show_error)

    def _on_revealed(self, result: Any) -> None:
        generation, found = result
        if generation != self._generation:
            return
        shown = 0
        for row, record_id, values in found:
            record = self.records.record(row)
            if record is not None and record.record_id == record_id:
                self.records.reveal(row, values)
                shown += 1
        self.revealed.emit(shown)
