"""Personal data: the inventory tree of the active portal and the records behind each field.

The tree (category → entity → field → kind) comes from the latest completed scan in the
encrypted store; selecting a field or kind lists the records holding it, masked, in the
:class:`RecordsPanel` below (with Reveal). Every store read runs on the task runner; the
view reloads when a scan ends, never reading the network itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTreeView, QVBoxLayout, QWidget

from privacy_desktop.domain.inventory import InventorySummary
from privacy_desktop.gui.inventory_access import InventoryAccess
from privacy_desktop.gui.inventory_texts import last_scan_text
from privacy_desktop.gui.item_models.inventory_tree_model import DrillDown, InventoryTreeModel
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.scan_controller import ScanController
from privacy_desktop.gui.views.base_view import (
    ERROR_STYLE,
    RetranslatingView,
    heading_label,
    text_label,
)
from privacy_desktop.gui.views.records_panel import RecordsPanel
from privacy_desktop.services.security import SecurityService


class PersonalDataView(RetranslatingView):
    """The inventory of the active portal.

    Args:
        directory: the shared portal directory (which portal is active).
        inventory: the inventory service on the task runner (store reads, reveal).
        security: the security service (second factor for bulk reveal).
        scans: the scan controller (the view reloads when a scan ends).
        parent: the Qt parent.

    Signals:
        summaryLoaded(): the tree shows the store's latest summary (or the load failed).
    """

    summaryLoaded = Signal()

    def __init__(
        self,
        directory: PortalDirectory,
        inventory: InventoryAccess,
        security: SecurityService,
        scans: ScanController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._inventory = inventory
        self._portal: str | None = None
        self._summary: InventorySummary | None = None
        self._loading = False

        self.title = heading_label(1)
        self.intro = text_label()
        self.status = text_label()
        self.error = text_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.tree_model = InventoryTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.panel = RecordsPanel(inventory, security)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

        directory.activeChanged.connect(self._on_active_changed)
        scans.scanEnded.connect(self._on_scan_ended)
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Personal data"))
        self.intro.setText(
            self.tr(
                "What the active portal holds, sorted by the categories of the Bitrix24 "
                "privacy terms (1.1 given at registration and in forms, 1.2 collected "
                "automatically, 1.3 uploaded into the portal, 1.4 other) with the purposes of "
                "section 2. The Law of Ukraine No. 2297-VI \u201cOn Personal Data\u201d asks "
                "the owner of personal data to know what is processed and why. Select a field "
                "to list the records holding it; values stay masked until you reveal them, "
                "and every reveal is written to the audit log."
            )
        )
        self.tree.setAccessibleName(self.tr("Personal data by category"))
        self.tree_model.retranslate()
        self._show_status()

    def _show_status(self) -> None:
        if self._portal is None:
            text = (
                self.tr("No portal is connected.")
                if self._directory.loaded()
                else self.tr("Loading portals\u2026")
            )
        elif self._loading and self._summary is None:
            text = self.tr("Loading the inventory\u2026")
        elif self._summary is None or self._summary.last_scan is None:
            text = self.tr("This portal has not been scanned yet: start a scan on the Dashboard.")
        else:
            text = last_scan_text(self._summary.last_scan)
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload the inventory of the active portal from the store."""
        self._portal = self._directory.active()
        if self._portal is None:
            self._summary = None
            self.tree_model.set_summary(None)
            self.show_records(None)
            self._show_status()
            return
        portal = self._portal
        self._loading = True
        self._show_status()
        self._inventory.read(
            lambda service: service.summary(portal),
            on_done=self._on_summary,
            on_error=self._on_summary_failed,
            name="inventory.summary",
        )

    def summary(self) -> InventorySummary | None:
        """The summary the tree shows (None before the first load)."""
        return self._summary

    def _on_summary(self, result: Any) -> None:
        if not isinstance(result, InventorySummary) or result.portal != self._portal:
            return  # the active portal changed meanwhile; its own load is under way
        self._loading = False
        self._summary = result
        previous = self.panel.drill_down()
        self.tree_model.set_summary(result)
        self.tree.expandToDepth(0)
        self.tree.resizeColumnToContents(0)
        self.show_records(None)
        self._show_status()
        self._show_error("")
        if previous is not None:
            self.select_drill_down(previous)
        self.summaryLoaded.emit()

    def _on_summary_failed(self, text: str) -> None:
        self._loading = False
        self._show_status()
        self._show_error(text)
        self.summaryLoaded.emit()

    def _on_active_changed(self, _name: str) -> None:
        if self._directory.active() != self._portal:
            self.refresh()

    def _on_scan_ended(self, portal: str) -> None:
        if portal == self._portal:
            self.refresh()

    # ------------------------------------------------------------------ drill-down

    def select_drill_down(self, drill: DrillDown) -> bool:
        """Select the tree node of ``drill`` (field or kind); False if the tree lacks it."""
        model = self.tree_model
        for category_row in range(model.rowCount()):
            category = model.index(category_row, 0)
            for entity_row in range(model.rowCount(category)):
                entity = model.index(entity_row, 0, category)
                for field_row in range(model.rowCount(entity)):
                    field = model.index(field_row, 0, entity)
                    for kind_row in range(model.rowCount(field)):
                        kind = model.index(kind_row, 0, field)
                        found = model.drill_down(kind)
                        if found is not None and (found.entity, found.field, found.kind) == (
                            drill.entity,
                            drill.field,
                            drill.kind,
                        ):
                            self.tree.setCurrentIndex(kind)
                            self.tree.scrollTo(kind)
                            return True
        return False

    def _on_tree_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.show_records(self.tree_model.drill_down(indexes[0]) if indexes else None)

    def drill_down(self) -> DrillDown | None:
        return self.panel.drill_down()

    def show_records(self, drill: DrillDown | None) -> None:
        """List the records of ``drill`` below the tree (None: none); the tree selects it."""
        self.panel.show_records(self._portal, drill)
