"""Audit: the tamper-evident log of what was done with this tool, filtered, verified, exported.

Entries load on the interactive pool whenever the view is shown or a filter changes; verifying
and exporting run on the vault pool (they read the signing key and the anchor from the
keyring, and an export signs the chain head first).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.dialogs.save_file_dialog import open_save_dialog
from privacy_desktop.gui.i18n import render
from privacy_desktop.gui.item_models.audit_table_model import (
    AuditTableModel,
    Column,
    action_name,
)
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.views.base_view import (
    ERROR_STYLE,
    RetranslatingView,
    heading_label,
    text_label,
)
from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.audit_verify import AuditVerification
from privacy_desktop.services.security import SecurityService

OK_STYLE = "color: #1b6e20;"


def day_start(day: QDate, days_later: int = 0) -> datetime:
    """Local midnight at the start of ``day`` (plus ``days_later``), as an aware datetime."""
    moment = date(day.year(), day.month(), day.day()) + timedelta(days=days_later)
    return datetime.combine(moment, time.min).astimezone()


class AuditView(RetranslatingView):
    """The audit log table with its filters, the Verify button and the exports.

    Args:
        security: the security service (reads, verifies and exports the log).
        runner: the task runner.
        directory: the portal directory (names for the portal filter).
        parent: the Qt parent.

    Signals:
        loaded(int): the table was filled with this many entries.
        verified(object): the :class:`AuditVerification` of the last Verify.
        exported(int): an export wrote this many entries.
    """

    loaded = Signal(int)
    verified = Signal(object)
    exported = Signal(int)

    def __init__(
        self,
        security: SecurityService,
        runner: TaskRunner,
        directory: PortalDirectory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._runner = runner
        self._directory = directory
        self._load: TaskHandle | None = None
        self._generation = 0
        self._export_format = ""
        self.file_dialog: QFileDialog | None = None
        self.title = heading_label(1)
        self.intro = text_label()

        self.action_combo = QComboBox()
        self.action_combo.addItem("", None)
        for action in AuditAction:
            self.action_combo.addItem("", action.value)
        self.portal_combo = QComboBox()
        self.portal_combo.addItem("", None)
        self.date_filter = QCheckBox()
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._on_date_changed)
        self.date_filter.toggled.connect(self.date_from.setEnabled)
        self.date_filter.toggled.connect(self.date_to.setEnabled)
        self.date_filter.toggled.connect(self._on_filter_changed)
        self.action_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.portal_combo.currentIndexChanged.connect(self._on_filter_changed)
        self._action_label = QLabel()
        self._action_label.setBuddy(self.action_combo)
        self._portal_label = QLabel()
        self._portal_label.setBuddy(self.portal_combo)
        self._to_label = QLabel()
        self._to_label.setBuddy(self.date_to)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        # Two rows, so the view still fits a narrow window beside the navigation.
        filters = QGridLayout()
        first_row = (self._action_label, self.action_combo, self._portal_label, self.portal_combo)
        for column, widget in enumerate(first_row):
            filters.addWidget(widget, 0, column)
        dates = QHBoxLayout()
        for widget in (self.date_from, self._to_label, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        filters.addWidget(self.date_filter, 1, 0)
        filters.addLayout(dates, 1, 1, 1, 3)
        filters.addWidget(self.refresh_button, 1, 4)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        for combo in (self.action_combo, self.portal_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()

        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.export_csv_button = QPushButton()
        self.export_csv_button.clicked.connect(lambda: self.open_export_dialog("csv"))
        self.export_json_button = QPushButton()
        self.export_json_button.clicked.connect(lambda: self.open_export_dialog("json"))
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button, 1, Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(self.export_csv_button)
        actions.addWidget(self.export_json_button)
        self.verify_result = text_label()
        self.verify_result.setVisible(False)
        self.status = text_label()

        layout = QVBoxLayout(self)
        for widget in (self.title, self.intro):
            layout.addWidget(widget)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(actions)
        for widget in (self.verify_result, self.status):
            layout.addWidget(widget)
        directory.portalsChanged.connect(self._fill_portals)
        self.retranslateUi()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Audit"))
        self.intro.setText(
            self.tr(
                "Every connection added or removed, every check, lock and unlock, every change "
                "of security settings \u2014 who did it, when, and on which portal. Each entry "
                "carries a hash of the one before it and checkpoints are signed, so a changed, "
                "removed or inserted entry is found by Verify. Personal data is never written "
                "to the log."
            )
        )
        self._action_label.setText(self.tr("&Action:"))
        self.action_combo.setAccessibleName(self.tr("Filter by action"))
        self.action_combo.setItemText(0, self.tr("All actions"))
        for index, action in enumerate(AuditAction, start=1):
            self.action_combo.setItemText(index, action_name(action))
        self._portal_label.setText(self.tr("&Portal:"))
        self.portal_combo.setAccessibleName(self.tr("Filter by portal"))
        self.portal_combo.setItemText(0, self.tr("All portals"))
        self.date_filter.setText(self.tr("&From"))
        self.date_filter.setAccessibleName(self.tr("Filter by date"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self._to_label.setText(self.tr("&to"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the audit log"))
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.verify_button.setText(self.tr("&Verify the log"))
        self.verify_button.setAccessibleName(self.tr("Verify the audit log"))
        self.export_csv_button.setText(self.tr("Export &CSV\u2026"))
        self.export_csv_button.setAccessibleName(self.tr("Export the audit log as CSV"))
        self.export_json_button.setText(self.tr("Export &JSON\u2026"))
        self.export_json_button.setAccessibleName(self.tr("Export the audit log as JSON"))
        self.verify_result.setAccessibleName(self.tr("Verification result"))
        self.status.setAccessibleName(self.tr("Status"))
        self.count_label.setAccessibleName(self.tr("Entries shown"))
        self.model.retranslate()
        self._show_count()

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def current_query(self) -> AuditQuery:
        """The filter the controls describe."""
        action_value = self.action_combo.currentData()
        actions = None
        include_checkpoints = False
        if isinstance(action_value, str):
            action = AuditAction(action_value)
            actions = frozenset({action})
            include_checkpoints = action is AuditAction.CHECKPOINT
        portal = self.portal_combo.currentData()
        since = until = None
        if self.date_filter.isChecked():
            since = day_start(self.date_from.date())
            until = day_start(self.date_to.date(), days_later=1)
        return AuditQuery(
            actions=actions,
            portal=portal if isinstance(portal, str) else None,
            since=since,
            until=until,
            include_checkpoints=include_checkpoints,
        )

    def refresh(self) -> TaskHandle:
        """Load the entries the filter matches (a running load is superseded)."""
        if self._load is not None:
            self._load.cancel()
        security = self._security
        query = self.current_query()
        # A result already on its way when a newer load starts is recognised and dropped.
        self._generation += 1
        generation = self._generation
        self._load = self._runner.submit(
            lambda _context: (generation, security.audit_entries(query)),
            # Opening the log reads its signing key: keyring calls stay on the vault thread.
            pool=Pool.INTERACTIVE if security.audit.is_open else Pool.VAULT,
            on_done=self._on_loaded,
            on_error=self._on_load_failed,
            name="security.audit_entries",
        )
        return self._load

    def _on_filter_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    def _on_date_changed(self, *_args: object) -> None:
        if self.date_filter.isChecked():
            self._on_filter_changed()

    def _on_loaded(self, result: Any) -> None:
        generation, entries = result
        if generation != self._generation:
            return
        self._load = None
        self.model.set_entries(list(entries))
        self._fill_portals()
        self._show_count()
        self.loaded.emit(self.model.total())

    def _on_load_failed(self, text: str) -> None:
        self._show_status(text, error=True)

    def _show_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(self.tr("%n entry(ies)", "", total))

    def _fill_portals(self) -> None:
        """Configured portals and those the entries name (removed ones included)."""
        current = self.portal_combo.currentData()
        names = {profile.name for profile in self._directory.portals()}
        names.update(self.model.portals())
        if isinstance(current, str):
            names.add(current)
        self.portal_combo.blockSignals(True)
        while self.portal_combo.count() > 1:
            self.portal_combo.removeItem(1)
        for name in sorted(names):
            self.portal_combo.addItem(name, name)
        index = self.portal_combo.findData(current) if isinstance(current, str) else 0
        self.portal_combo.setCurrentIndex(max(index, 0))
        self.portal_combo.blockSignals(False)

    # ------------------------------------------------------------------ verify

    def verify(self) -> TaskHandle:
        """Verify the chain, the signatures and the anchor; the result shows below."""
        security = self._security
        self.verify_button.setEnabled(False)
        self._show_status(self.tr("Verifying the audit log\u2026"))
        return self._runner.submit(
            lambda _context: security.verify_audit(),
            pool=Pool.VAULT,
            on_done=self._on_verified,
            on_error=self._on_verify_failed,
            name="security.verify_audit",
        )

    def verification_text(self, result: AuditVerification) -> str:
        """The translated outcome: intact with counts, or the first broken link and why."""
        if result.ok:
            text = self.tr("The audit log is intact: %n entry(ies) verified.", "", result.entries)
            if result.checkpoints:
                last = result.entries - result.unsigned_tail
                text += " " + self.tr("The last signed checkpoint is entry %1.").replace(
                    "%1", str(last)
                )
            else:
                text += " " + self.tr("No checkpoint has been signed yet.")
            return text
        reason = render(result.reason) if result.reason is not None else ""
        return (
            self.tr("The audit log is broken at entry %1: %2")
            .replace("%1", str(result.first_broken))
            .replace("%2", reason)
        )

    def _on_verified(self, result: Any) -> None:
        self.verify_button.setEnabled(True)
        self.status.clear()
        assert isinstance(result, AuditVerification)
        self.verify_result.setText(self.verification_text(result))
        self.verify_result.setStyleSheet(OK_STYLE if result.ok else ERROR_STYLE)
        self.verify_result.setVisible(True)
        self.verified.emit(result)

    def _on_verify_failed(self, text: str) -> None:
        self.verify_button.setEnabled(True)
        self._show_status(text, error=True)

    # ------------------------------------------------------------------ export

    def open_export_dialog(self, fmt: str) -> QFileDialog:
        """A non-blocking "save as" dialog; the export runs once a file is chosen."""
        self._export_format = fmt
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Export the audit log"),
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("JSON files (*.json)"),
            f"audit-log.{fmt}",
            self.export_to,
        )
        return self.file_dialog

    def export_to(self, path: str, fmt: str | None = None) -> TaskHandle | None:
        """Export to ``path`` in ``fmt`` (default: the format last asked for)."""
        chosen = fmt or self._export_format
        if not path or chosen not in ("csv", "json"):
            return None
        security = self._security
        target = Path(path)
        self._show_status(self.tr("Exporting the audit log\u2026"))
        return self._runner.submit(
            lambda _context: security.export_audit(target, chosen),
            pool=Pool.VAULT,
            on_done=self._on_exported,
            on_error=self._on_export_failed,
            name="security.export_audit",
            cancellable=False,
        )

    def _on_exported(self, count: Any) -> None:
        written = int(count)
        self._show_status(self.tr("%n entry(ies) exported.", "", written))
        self.exported.emit(written)
        if self.isVisible():
            self.refresh()  # the export itself is an audited action

    def _on_export_failed(self, text: str) -> None:
        self._show_status(text, error=True)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
