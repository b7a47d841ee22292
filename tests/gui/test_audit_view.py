"""The Audit view: entries from the real log, filters, Verify on a tampered file, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from security_helpers import WAIT_MS

from PySide6.QtCore import QDate, QModelIndex, Qt

from privacy_desktop.gui.item_models.audit_table_model import (
    ACTION_NAMES,
    FETCH_BATCH,
    AuditTableModel,
    Column,
    action_name,
)
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import ViewKey
from privacy_desktop.gui.views.audit_view import AuditView
from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.context import AppContext


@pytest.fixture
def recorded(context: AppContext) -> AppContext:
    """A log with a few entries of different actions and portals."""
    security = context.security
    security.record(AuditAction.PORTAL_ADDED, portal="Main", details={"auth": "webhook"})
    security.record(AuditAction.PORTAL_CHECKED, portal="Main", details={"outcome": "ok"})
    security.record(AuditAction.PORTAL_ADDED, portal="Branch", details={"auth": "oauth"})
    security.record(AuditAction.SETTINGS_CHANGED, details={"setting": "language"})
    security.checkpoint()
    security.record(AuditAction.PORTAL_REMOVED, portal="Branch")
    return context


def shown_view(qtbot: QtBot, window: MainWindow) -> AuditView:
    view = window.audit_view
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        window.show_view(ViewKey.AUDIT)
    return view


def column(view: AuditView, col: Column) -> list[str]:
    model = view.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def test_lists_the_entries_newest_first(
    qtbot: QtBot, window: MainWindow, recorded: AppContext
) -> None:
    view = shown_view(qtbot, window)
    assert view.model.rowCount() == 5  # the checkpoint is not listed unless asked for
    assert column(view, Column.SEQ) == ["6", "4", "3", "2", "1"]
    assert column(view, Column.ACTION)[-1] == "Portal added"
    assert column(view, Column.PORTAL) == ["Branch", "", "Branch", "Main", "Main"]
    assert column(view, Column.DETAILS)[-1] == "auth=webhook"
    assert all(column(view, Column.ACTOR))
    assert view.count_label.text().startswith("5 entr")
    assert view.portal_combo.findData("Branch") > 0  # a removed portal stays filterable


def test_filters_by_action_portal_and_date(
    qtbot: QtBot, window: MainWindow, recorded: AppContext
) -> None:
    view = shown_view(qtbot, window)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.action_combo.setCurrentIndex(view.action_combo.findData("portal_added"))
    assert column(view, Column.ACTION) == ["Portal added", "Portal added"]

    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.portal_combo.setCurrentIndex(view.portal_combo.findData("Main"))
    assert column(view, Column.PORTAL) == ["Main"]

    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.action_combo.setCurrentIndex(0)
    assert column(view, Column.PORTAL) == ["Main", "Main"]

    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.portal_combo.setCurrentIndex(0)
    view.date_from.setDate(QDate.currentDate().addDays(1))
    view.date_to.setDate(QDate.currentDate().addDays(2))
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.date_filter.setChecked(True)
    assert view.model.rowCount() == 0  # nothing was recorded tomorrow

    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.date_from.setDate(QDate.currentDate())
    assert view.model.rowCount() == 5

    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.action_combo.setCurrentIndex(view.action_combo.findData("checkpoint"))
    assert column(view, Column.ACTION) == ["Signed checkpoint"]


def test_verify_reports_intact_then_the_first_broken_link(
    qtbot: QtBot, window: MainWindow, recorded: AppContext
) -> None:
    view = shown_view(qtbot, window)
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as verified:
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].ok
    text = view.verify_result.text()
    # English plurals come from the source text ("entry(ies)") until an English catalogue.
    assert text.startswith("The audit log is intact: 6 entr")
    assert text.endswith("verified. The last signed checkpoint is entry 5.")

    # Someone edits entry 3 in the file (a portal renamed after the fact).
    log_file = next(recorded.paths.data_dir.glob("audit-*.jsonl"))
    lines = log_file.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[2])
    assert record["seq"] == 3
    record["portal"] = "Elsewhere"
    lines[2] = json.dumps(record, separators=(",", ":"), sort_keys=True) + "\n"
    log_file.write_text("".join(lines), encoding="utf-8")

    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as verified:
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    result = verified.args[0]
    assert not result.ok
    assert result.first_broken == 3
    assert view.verify_result.isVisible()
    assert view.verify_result.text().startswith("The audit log is broken at entry 3: Entry 3 ")
    assert "changed after it was written" in view.verify_result.text()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_the_chain_and_is_audited(
    qtbot: QtBot, window: MainWindow, recorded: AppContext, tmp_path: Path, fmt: str
) -> None:
    view = shown_view(qtbot, window)
    button = view.export_csv_button if fmt == "csv" else view.export_json_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.file_dialog
    assert dialog is not None
    assert dialog.isVisible()
    target = tmp_path / f"audit.{fmt}"
    with qtbot.waitSignal(view.exported, timeout=WAIT_MS) as exported:
        dialog.selectFile(str(target))
        dialog.accept()
    assert exported.args[0] >= 6
    assert target.is_file()
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8"))
    assert "exported" in view.status.text()
    security = recorded.security
    done = security.audit_entries(AuditQuery(actions=frozenset({AuditAction.AUDIT_EXPORTED})))
    assert [entry.details["format"] for entry in done] == [fmt]


def test_every_action_has_a_translated_name() -> None:
    assert set(ACTION_NAMES) == set(AuditAction)
    assert len(set(ACTION_NAMES.values())) == len(AuditAction)
    assert all(action_name(action) for action in AuditAction)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, recorded: AppContext) -> None:
    model = AuditTableModel()
    qtmodeltester.check(model)
    model.set_entries(recorded.security.audit_entries(AuditQuery(include_checkpoints=True)))
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert model.data(model.index(0, Column.SEQ), Qt.ItemDataRole.TextAlignmentRole)
    assert model.headerData(Column.ACTION, Qt.Orientation.Horizontal) == "Action"


def test_a_long_log_is_fetched_in_slices(recorded: AppContext) -> None:
    base = recorded.security.audit_entries(AuditQuery())
    many = [base[0]] * (FETCH_BATCH + 7)
    model = AuditTableModel()
    model.set_entries(many)
    assert model.rowCount() == FETCH_BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == FETCH_BATCH + 7
    assert not model.canFetchMore(QModelIndex())
