"""The inventory from the window: scan with progress and Cancel, dashboard, tree, drill-down.

Real demo portal over HTTP, real Secret Service, real SQLCipher store; the window drives the
services through the task runner exactly as a person would.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from security_helpers import enroll, entries

from PySide6.QtCore import QModelIndex

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.inventory import InventorySummary, ScanInfo, ScanStatus
from privacy_desktop.domain.personal_data import Category, Entity, PiiKind
from privacy_desktop.gui.item_models.inventory_tree_model import NODE_KIND_ROLE, DrillDown
from privacy_desktop.gui.item_models.records_table_model import VALUES_COLUMN
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import ViewKey
from privacy_desktop.gui.views.personal_data_view import PersonalDataView
from privacy_desktop.gui.views.records_panel import RecordsPanel
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.context import AppContext

pytestmark = pytest.mark.keyring

WAIT_MS = 120_000
PHONES = DrillDown(Entity.CONTACT, "PHONE", PiiKind.PHONE)


@pytest.fixture
def connected(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> MainWindow:
    """The window with the demo portal added and active, its inventory section loaded."""
    context.portals.add_webhook("Demo", demo_portal.webhook_url)
    with (
        qtbot.waitSignal(window.dashboard.inventory.loaded, timeout=WAIT_MS),
        qtbot.waitSignal(window.personal_data.summaryLoaded, timeout=WAIT_MS),
    ):
        window.directory.refresh()
    assert window.directory.active() == "Demo"
    return window


def scan(qtbot: QtBot, window: MainWindow, *, full: bool = False) -> ScanInfo:
    """Scan from the dashboard; return once both views show that scan."""
    overview = window.dashboard.inventory
    overview.full_scan.setChecked(full)
    with qtbot.waitSignal(window.scans.scanFinished, timeout=WAIT_MS) as finished:
        overview.scan_button.click()
    info = finished.args[0]
    assert isinstance(info, ScanInfo)

    def shown(summary: InventorySummary | None) -> bool:
        return (
            summary is not None
            and summary.last_scan is not None
            and (summary.last_scan.id == info.id)
        )

    overview_summary = lambda: o.summary if (o := overview.overview()) else None  # noqa: E731
    qtbot.waitUntil(lambda: shown(overview_summary()), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown(window.personal_data.summary()), timeout=WAIT_MS)
    return info


def kind_counts(view: PersonalDataView) -> dict[tuple[Entity, str, PiiKind], int]:
    """Every kind node of the tree with the count it shows."""
    model = view.tree_model
    found: dict[tuple[Entity, str, PiiKind], int] = {}

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(NODE_KIND_ROLE) == "kind":
                drill = model.drill_down(index)
                assert drill is not None
                count = model.index(row, 1, parent).data()
                found[(drill.entity, drill.field, drill.kind)] = int(count.replace(",", ""))
            walk(index)

    walk(QModelIndex())
    return found


def test_never_scanned_portal_says_so(connected: MainWindow) -> None:
    overview = connected.dashboard.inventory
    assert overview.last_scan.text() == "This portal has not been scanned yet."
    assert overview.scan_button.isEnabled()
    assert overview.category_chart.bars() == ()
    assert not overview.progress.isVisible()


def test_scan_shows_progress_and_fills_dashboard_and_tree(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    overview = connected.dashboard.inventory
    seen: list[tuple[bool, str, bool]] = []
    # Recorded after the panel's own slot ran: what the person saw at each report.
    connected.scans.progressed.connect(
        lambda _p: seen.append(
            (
                overview.progress.isVisible(),
                overview.progress.stage.text(),
                overview.scan_button.isEnabled(),
            )
        )
    )
    scan(qtbot, connected)
    assert seen, "no progress was shown"
    assert all(visible for visible, _stage, _enabled in seen)
    assert all(stage for _visible, stage, _enabled in seen)
    assert not any(enabled for _visible, _stage, enabled in seen), "Scan stays off meanwhile"
    assert not overview.progress.isVisible()
    assert overview.scan_button.isEnabled()
    assert overview.outcome.text().startswith("The scan is complete:")

    summary = context.inventory.summary("Demo")
    assert isinstance(summary, InventorySummary)
    assert summary.last_scan is not None
    assert overview.last_scan.text().startswith("Last scan:")
    assert {bar.label[:3]: bar.value for bar in overview.category_chart.bars()} == {
        category.value: summary.by_category.get(category, 0) for category in Category
    }
    assert sorted(bar.value for bar in overview.kind_chart.bars()) == sorted(
        summary.by_kind.values()
    )
    assert overview.changes.text() == "Two completed scans are needed to compare."

    # The tree shows exactly the service's counts, kind by kind.
    view = connected.personal_data
    expected = {(c.entity, c.field, c.kind): c.records for c in summary.fields}
    assert expected
    assert kind_counts(view) == expected
    assert view.status.text().startswith("Last scan:")


def test_second_scan_lists_what_changed(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    scan(qtbot, connected)
    scan(qtbot, connected, full=True)
    scans = context.inventory.scans("Demo")
    assert [s.status for s in scans[:2]] == [ScanStatus.COMPLETED, ScanStatus.COMPLETED]
    # The demo portal did not change between the scans.
    text = connected.dashboard.inventory.changes.text()
    assert text == "Nothing changed between the last two scans."


def test_cancel_stops_the_scan_and_the_next_one_completes(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    overview = connected.dashboard.inventory
    with qtbot.waitSignal(connected.scans.scanCancelled, timeout=WAIT_MS):
        overview.scan_button.click()
        # Cancel in the same turn of the event loop: the task sees its token whatever the
        # scan got to, so the outcome is "cancelled" without any race.
        assert overview.progress.cancel_button.isEnabled()
        overview.progress.cancel_button.click()
        assert overview.progress.stage.text() == "Cancelling\u2026"
    assert not connected.scans.running()
    assert not overview.progress.isVisible()
    assert overview.outcome.text().startswith("The scan was cancelled.")
    assert overview.scan_button.isEnabled()
    assert context.inventory.last_completed("Demo") is None
    scan(qtbot, connected)
    assert context.inventory.last_completed("Demo") is not None


def open_phones(qtbot: QtBot, window: MainWindow) -> RecordsPanel:
    """Select the contacts' phones in the tree; the panel below, every page loaded."""
    view = window.personal_data
    window.show_view(ViewKey.PERSONAL_DATA)
    with qtbot.waitSignal(view.panel.records.rowsLoaded, timeout=WAIT_MS):
        assert view.select_drill_down(PHONES)
    shown = view.drill_down()
    assert shown is not None
    assert (shown.entity, shown.field, shown.kind) == (PHONES.entity, PHONES.field, PHONES.kind)
    qtbot.waitUntil(lambda: not view.panel.records.canFetchMore(QModelIndex()), timeout=WAIT_MS)
    return view.panel


def test_drill_down_lists_the_records_masked(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    scan(qtbot, connected)
    view = open_phones(qtbot, connected)
    expected = context.inventory.records("Demo", Entity.CONTACT, "PHONE", PiiKind.PHONE, 0, 1000)
    assert view.records.rowCount() == len(expected) > 0
    assert view.records.total() == context.inventory.record_count(
        "Demo", Entity.CONTACT, "PHONE", PiiKind.PHONE
    )
    assert "Phone number in Contacts" in view.heading.text()
    for row, record in enumerate(expected):
        assert view.records.index(row, 0).data() == str(record.record_id)
        title = view.records.index(row, 1).data()
        values = view.records.index(row, VALUES_COLUMN).data()
        assert "*" in values
        for value in record.values:
            assert value.display not in values
            assert value.value not in values
        if record.title:
            assert title != record.title


def test_reveal_shows_one_row_and_is_audited(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    scan(qtbot, connected)
    view = open_phones(qtbot, connected)
    assert not view.reveal_button.isEnabled()
    view.table.selectRow(1)
    assert view.reveal_button.isEnabled()
    record = view.records.record(1)
    assert record is not None
    before = len(entries(context, AuditAction.REVEAL))
    with qtbot.waitSignal(view.revealed, timeout=WAIT_MS) as revealed:
        view.reveal_button.click()
    assert revealed.args == [1]
    shown = view.records.index(1, VALUES_COLUMN).data()
    assert shown == "; ".join(v.display for v in record.values)
    assert view.records.is_revealed(1)
    for row in range(view.records.rowCount()):
        if row != 1:
            assert "*" in view.records.index(row, VALUES_COLUMN).data()
    audited = entries(context, AuditAction.REVEAL)
    assert len(audited) == before + 1
    assert audited[0].details["record_id"] == str(record.record_id)
    assert record.values[0].display not in str(audited[0].details)


def test_locking_drops_loaded_and_revealed_records(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    scan(qtbot, connected)
    view = open_phones(qtbot, connected)
    view.table.selectRow(0)
    with qtbot.waitSignal(view.revealed, timeout=WAIT_MS):
        view.reveal_button.click()
    assert view.records.is_revealed(0)

    with qtbot.waitSignal(connected.locker.lockShown, timeout=WAIT_MS):
        connected.locker.lock_action.trigger()

    assert view.records.rowCount() == 0
    assert view.records.record(0) is None
    assert not view.records.is_revealed(0)
    # What an unlock does: the same drill-down is read again, masked.
    with qtbot.waitSignal(view.records.rowsLoaded, timeout=WAIT_MS):
        view.reload_records()
    assert view.records.rowCount() > 0
    assert not view.records.is_revealed(0)
    assert "*" in view.records.index(0, VALUES_COLUMN).data()


def test_reveal_all_visible_asks_for_a_code_when_two_step_is_on(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    scan(qtbot, connected)
    view = open_phones(qtbot, connected)
    visible = view.visible_rows()
    assert len(visible) > 1
    enrolled = enroll(context)
    assert view.reveal_visible_button.isEnabled()
    view.reveal_visible_button.click()
    qtbot.waitUntil(
        lambda: view.code_dialog is not None and view.code_dialog.isVisible(), timeout=WAIT_MS
    )
    dialog = view.code_dialog
    assert dialog is not None
    assert not any(view.records.is_revealed(row) for row in visible)
    with qtbot.waitSignal(view.revealed, timeout=WAIT_MS) as revealed:
        qtbot.keyClicks(dialog.code, enrolled.next_code())
        dialog.ok_button.click()
    assert revealed.args == [len(visible)]
    assert all(view.records.is_revealed(row) for row in visible)
    assert len(entries(context, AuditAction.REVEAL)) == len(visible)


def test_reveal_all_visible_without_two_step_reveals_at_once(
    qtbot: QtBot, connected: MainWindow
) -> None:
    scan(qtbot, connected)
    view = open_phones(qtbot, connected)
    visible = view.visible_rows()
    assert len(visible) > 1
    assert view.reveal_visible_button.isEnabled()
    with qtbot.waitSignal(view.revealed, timeout=WAIT_MS):
        view.reveal_visible_button.click()
    assert view.code_dialog is None
    assert all(view.records.is_revealed(row) for row in visible)
