"""The dashboard's inventory section: last scan, Scan with progress, charts, what changed.

Everything shown comes from the encrypted store through the inventory service, read on the
task runner; a scan runs through the :class:`ScanController` on the general pool, and when it
ends the section (like the personal data view) reloads from the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from privacy_desktop.domain.inventory import InventorySummary, ScanDiff, ScanInfo, ScanStatus
from privacy_desktop.domain.personal_data import Category
from privacy_desktop.domain.progress import Progress
from privacy_desktop.gui.inventory_access import InventoryAccess
from privacy_desktop.gui.inventory_texts import (
    category_name,
    diff_lines,
    fill,
    kind_name,
    last_scan_text,
)
from privacy_desktop.gui.item_models.inventory_tree_model import purposes_text
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.scan_controller import ScanController
from privacy_desktop.gui.views.base_view import ERROR_STYLE, heading_label, text_label
from privacy_desktop.gui.widgets.bar_chart_widget import Bar, BarChartWidget
from privacy_desktop.gui.widgets.progress_panel import ProgressPanel
from privacy_desktop.services.inventory import InventoryService


@dataclass(frozen=True)
class Overview:
    """What the section shows of one portal: its summary and the latest change."""

    summary: InventorySummary
    diff: ScanDiff | None


def load_overview(inventory: InventoryService, portal: str) -> Overview:
    """The summary and the diff between the two latest completed scans (blocking)."""
    summary = inventory.summary(portal)
    completed = sorted(
        (scan for scan in inventory.scans(portal) if scan.status is ScanStatus.COMPLETED),
        key=lambda scan: scan.id,
    )
    diff = None
    if len(completed) >= 2:
        diff = inventory.diff(portal, completed[-2].id, completed[-1].id)
    return Overview(summary, diff)


class InventoryOverview(QWidget):
    """Last scan, Scan / Full scan, progress, charts by category and kind, changes.

    Args:
        directory: the shared portal directory (the active portal is the one shown).
        inventory: the inventory service on the task runner.
        scans: the scan controller.
        parent: the Qt parent.

    Signals:
        loaded(): the section shows what the store holds (after a load or a failed one).
    """

    loaded = Signal()

    def __init__(
        self,
        directory: PortalDirectory,
        inventory: InventoryAccess,
        scans: ScanController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._inventory = inventory
        self._scans = scans
        self._portal: str | None = None
        self._overview: Overview | None = None
        self._loading = False
        self._outcome = ""

        self.heading = heading_label(2)
        self.last_scan = text_label()
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(self.start_scan)
        self.full_scan = QCheckBox()
        self.progress = ProgressPanel()
        self.progress.cancelRequested.connect(scans.cancel)
        self.outcome = text_label()
        self.error = text_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.category_heading = heading_label(2)
        self.category_chart = BarChartWidget()
        self.kind_heading = heading_label(2)
        self.kind_chart = BarChartWidget()
        self.changes_heading = heading_label(2)
        self.changes = text_label()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.last_scan)
        controls = QHBoxLayout()
        controls.addWidget(self.scan_button)
        controls.addWidget(self.full_scan)
        controls.addStretch(1)
        layout.addLayout(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(self.category_heading)
        layout.addWidget(self.category_chart)
        layout.addWidget(self.kind_heading)
        layout.addWidget(self.kind_chart)
        layout.addWidget(self.changes_heading)
        layout.addWidget(self.changes)

        directory.activeChanged.connect(self._on_active_changed)
        scans.scanStarted.connect(self._on_scan_started)
        scans.progressed.connect(self._on_progress)
        scans.scanFinished.connect(self._on_scan_finished)
        scans.scanFailed.connect(self._on_scan_failed)
        scans.scanCancelled.connect(self._on_scan_cancelled)
        scans.scanEnded.connect(self._on_scan_ended)
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Personal data in the active portal"))
        self.scan_button.setText(self.tr("&Scan now"))
        self.scan_button.setToolTip(
            self.tr("Read what changed in the portal since the last scan (read-only)")
        )
        self.full_scan.setText(self.tr("&Full scan"))
        self.full_scan.setToolTip(self.tr("Read every record again instead of the changes only"))
        self.category_heading.setText(self.tr("Records by category of the privacy terms"))
        self.category_chart.setAccessibleName(self.tr("Records by category"))
        self.category_chart.set_empty_text(self.tr("No data yet"))
        self.kind_heading.setText(self.tr("Records by kind of personal data"))
        self.kind_chart.setAccessibleName(self.tr("Records by kind of data"))
        self.kind_chart.set_empty_text(self.tr("No data yet"))
        self.changes_heading.setText(self.tr("Changed since the previous scan"))
        self.progress.retranslateUi()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _show(self) -> None:
        overview = self._overview
        if self._portal is None:
            self.last_scan.setText(self.tr("Connect a portal to scan it."))
        elif overview is None:
            self.last_scan.setText(self.tr("Loading the inventory\u2026") if self._loading else "")
        else:
            self.last_scan.setText(last_scan_text(overview.summary.last_scan))
        self.outcome.setText(self._outcome)
        self.outcome.setVisible(bool(self._outcome))
        self._show_charts()
        self._show_changes()
        self._update_controls()

    def _show_charts(self) -> None:
        summary = self._overview.summary if self._overview is not None else None
        if summary is None or summary.last_scan is None:
            self.category_chart.set_bars([])
            self.kind_chart.set_bars([])
            return
        bars = []
        for category in Category:
            count = summary.by_category.get(category, 0)
            tooltip = fill(
                self.tr("%1: %2\n%3"),
                category_name(category),
                self.tr("%n record(s)", "", count),
                purposes_text(category),
            )
            bars.append(Bar(category_name(category), count, tooltip))
        self.category_chart.set_bars(bars)
        kinds = sorted(summary.by_kind.items(), key=lambda item: (-item[1], item[0].value))
        self.kind_chart.set_bars([Bar(kind_name(kind), count) for kind, count in kinds])

    def _show_changes(self) -> None:
        overview = self._overview
        if overview is None or overview.diff is None:
            self.changes.setText(self.tr("Two completed scans are needed to compare."))
            return
        lines = diff_lines(overview.diff)
        self.changes.setText(
            "\n".join(lines) if lines else self.tr("Nothing changed between the last two scans.")
        )

    def _update_controls(self) -> None:
        running = self._scans.running()
        self.scan_button.setEnabled(self._portal is not None and not running)
        self.full_scan.setEnabled(not running)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload the section for the active portal from the store."""
        self._portal = self._directory.active()
        self._overview = None
        if self._portal is None:
            self._loading = False
            self._show()
            return
        portal = self._portal
        self._loading = True
        self._show()
        self._inventory.read(
            lambda service: load_overview(service, portal),
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
            name="inventory.overview",
        )

    def overview(self) -> Overview | None:
        return self._overview

    def _on_loaded(self, result: Any) -> None:
        if not isinstance(result, Overview) or result.summary.portal != self._portal:
            return
        self._loading = False
        self._overview = result
        self._show_error("")
        self._show()
        self.loaded.emit()

    def _on_load_failed(self, text: str) -> None:
        self._loading = False
        self._show_error(text)
        self._show()
        self.loaded.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _on_active_changed(self, _name: str) -> None:
        if self._directory.active() != self._portal:
            self._outcome = ""
            self.refresh()

    # ------------------------------------------------------------------ scanning

    def start_scan(self) -> None:
        """Scan the active portal (fully if "Full scan" is ticked)."""
        if self._portal is None or self._scans.running():
            return
        self._scans.start(self._portal, full=self.full_scan.isChecked())

    def _on_scan_started(self, portal: str) -> None:
        self._outcome = ""
        self._show_error("")
        self.progress.start(fill(self.tr("Scanning %1\u2026"), portal))
        self._show()

    def _on_progress(self, progress: Any) -> None:
        if isinstance(progress, Progress):
            self.progress.show_progress(progress)

    def _on_scan_finished(self, scan: Any) -> None:
        if isinstance(scan, ScanInfo):
            self._outcome = fill(
                self.tr("The scan is complete: %1."),
                self.tr("%n record(s)", "", scan.records),
            )

    def _on_scan_failed(self, text: str) -> None:
        self._outcome = ""
        self._show_error(fill(self.tr("The scan stopped: %1"), text))

    def _on_scan_cancelled(self) -> None:
        self._outcome = self.tr(
            "The scan was cancelled. What it read is kept; the next scan continues from there."
        )

    def _on_scan_ended(self, portal: str) -> None:
        self.progress.finish()
        if portal == self._portal:
            self.refresh()
        else:
            self._show()
