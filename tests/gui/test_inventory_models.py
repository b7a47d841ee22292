"""The inventory's Qt models: the category tree and the lazily paged records table."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt

from privacy_desktop.domain.inventory import (
    InventorySummary,
    KindCount,
    RecordRow,
    ScanInfo,
    ScanKind,
    ScanStatus,
)
from privacy_desktop.domain.personal_data import Category, Entity, FoundValue, PiiKind
from privacy_desktop.gui.item_models.inventory_tree_model import (
    DRILL_DOWN_ROLE,
    DrillDown,
    InventoryTreeModel,
)
from privacy_desktop.gui.item_models.records_table_model import (
    LOADING_TEXT,
    RECORD_ROLE,
    VALUES_COLUMN,
    RecordsTableModel,
)
from privacy_desktop.gui.workers.runner import TaskRunner

WAIT_MS = 30_000

SCAN = ScanInfo(
    1, "Demo", ScanKind.FULL, ScanStatus.COMPLETED, datetime(2025, 1, 2, tzinfo=UTC), None, 40
)
COUNTS = (
    KindCount(Category.USER_DATA, Entity.CONTACT, "PHONE", PiiKind.PHONE, "Phone", 17),
    KindCount(Category.USER_DATA, Entity.CONTACT, "NAME", PiiKind.PERSON_NAME, "", 20),
    KindCount(Category.REGISTRATION, Entity.USER, "EMAIL", PiiKind.EMAIL, "E-mail", 5),
    KindCount(Category.USER_DATA, Entity.CONTACT, "UF_CRM_1", PiiKind.PHONE, "Other", 3),
    KindCount(Category.USER_DATA, Entity.CONTACT, "UF_CRM_1", PiiKind.EMAIL, "Other", 2),
    KindCount(Category.AUTOMATIC, Entity.ACTIVITY, "SUBJECT", PiiKind.COMMUNICATION, "", 9),
)
SUMMARY = InventorySummary(
    portal="Demo",
    last_scan=SCAN,
    entity_records={Entity.CONTACT: 20, Entity.USER: 5, Entity.ACTIVITY: 15},
    by_category={Category.USER_DATA: 20, Category.REGISTRATION: 5, Category.AUTOMATIC: 9},
    by_kind={PiiKind.PHONE: 18, PiiKind.PERSON_NAME: 20, PiiKind.EMAIL: 7},
    fields=COUNTS,
)


def texts(model: InventoryTreeModel, parent: QModelIndex, column: int = 0) -> list[str]:
    return [model.index(row, column, parent).data() for row in range(model.rowCount(parent))]


def test_tree_nests_category_entity_field_kind(
    qtbot: QtBot, qtmodeltester: ModelTester, english: None
) -> None:
    model = InventoryTreeModel()
    qtmodeltester.check(model)
    model.set_summary(SUMMARY)
    qtmodeltester.check(model)
    root = QModelIndex()
    # Categories in the order of the terms, with the records holding any of their data.
    assert [name[:3] for name in texts(model, root)] == ["1.1", "1.2", "1.3"]
    assert texts(model, root, 1) == ["5", "9", "20"]
    assert "2.1" in model.index(0, 2, root).data()  # purposes beside the category
    user_data = model.index(2, 0, root)
    assert texts(model, user_data) == ["Contacts"]
    contacts = model.index(0, 0, user_data)
    assert "20 record(s) scanned" in model.index(0, 0, user_data).data(Qt.ItemDataRole.ToolTipRole)
    assert texts(model, contacts) == ["NAME", "Phone (PHONE)", "Other (UF_CRM_1)"]
    # A field of one kind shows its count; one of several kinds leaves it to its kinds.
    assert texts(model, contacts, 1) == ["20", "17", ""]
    mixed = model.index(2, 0, contacts)
    assert texts(model, mixed) == ["Phone number", "E-mail address"]
    assert texts(model, mixed, 1) == ["3", "2"]
    assert model.drill_down(mixed) is None
    assert model.drill_down(model.index(1, 0, contacts)) == DrillDown(
        Entity.CONTACT, "PHONE", PiiKind.PHONE, "Phone"
    )
    assert model.index(1, 0, mixed).data(DRILL_DOWN_ROLE) == DrillDown(
        Entity.CONTACT, "UF_CRM_1", PiiKind.EMAIL, "Other"
    )
    assert model.drill_down(user_data) is None
    model.retranslate()
    model.set_summary(None)
    assert model.rowCount() == 0


def make_rows(count: int) -> list[RecordRow]:
    return [
        RecordRow(
            Entity.CONTACT,
            record_id=10 + 2 * n,
            title=f"Олена Петренко{n}",
            values=(FoundValue("PHONE", PiiKind.PHONE, f"+3806700{n:05d}", f"+3806700{n:05d}"),),
        )
        for n in range(count)
    ]


class Source:
    """Pages of synthetic records; remembers which thread read what."""

    def __init__(self, count: int) -> None:
        self.rows = make_rows(count)
        self.reads: list[tuple[int, int, bool]] = []
        self._lock = threading.Lock()

    def __call__(self, offset: int, limit: int) -> list[RecordRow]:
        on_main = threading.current_thread() is threading.main_thread()
        with self._lock:
            self.reads.append((offset, limit, on_main))
        return self.rows[offset : offset + limit]


def load_all(qtbot: QtBot, model: RecordsTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.rowsLoaded, timeout=WAIT_MS):
            model.fetchMore(QModelIndex())


def test_records_model_passes_the_model_tester(
    qtbot: QtBot, runner: TaskRunner, qtmodeltester: ModelTester
) -> None:
    source = Source(230)
    model = RecordsTableModel(runner, page_size=50, max_cached_pages=3)
    qtmodeltester.check(model)
    model.set_source(source, total=230)
    qtmodeltester.check(model)
    # The tester stays attached: every insertion, re-read and reset is checked too.
    load_all(qtbot, model)
    qtmodeltester.check(model)
    assert model.rowCount() == 230
    assert model.cached_pages() <= 3
    model.set_source(None)
    assert model.rowCount() == 0


def test_records_arrive_page_by_page_off_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, english: None
) -> None:
    source = Source(230)
    model = RecordsTableModel(runner, page_size=50, max_cached_pages=3)
    model.set_source(source, total=230)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsLoaded, timeout=WAIT_MS):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 50
    load_all(qtbot, model)
    assert model.rowCount() == 230
    assert not model.canFetchMore(QModelIndex())
    assert model.total() == 230
    assert all(not on_main for _offset, _limit, on_main in source.reads)
    assert [offset for offset, _limit, _main in source.reads] == [0, 50, 100, 150, 200]
    # Only the latest pages stay in memory.
    assert model.cached_pages() == 3
    assert model.index(229, 0).data() == str(source.rows[229].record_id)
    assert model.index(100, 0).data() == str(source.rows[100].record_id)
    # Masked by default: the title and the values.
    assert model.index(100, 1).data() == "О***а П***0"
    assert model.index(100, VALUES_COLUMN).data() == "+38067*****00"


def test_dropped_pages_are_read_again_when_shown(
    qtbot: QtBot, runner: TaskRunner, english: None
) -> None:
    source = Source(200)
    model = RecordsTableModel(runner, page_size=50, max_cached_pages=2)
    model.set_source(source, total=200)
    load_all(qtbot, model)
    assert model.record(0) is None  # page 0 was dropped
    assert model.index(0, 0).data() == LOADING_TEXT
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS) as changed:
        pass
    first, _last = changed.args[0], changed.args[1]
    assert first.row() == 0
    assert model.index(0, 0).data() == str(source.rows[0].record_id)
    assert model.index(0, 0).data(RECORD_ROLE) == source.rows[0]
    assert model.cached_pages() == 2
    assert source.reads[-1][0] == 0


def test_a_new_source_drops_late_pages_of_the_old_one(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()
    old = Source(100)

    def slow(offset: int, limit: int) -> list[RecordRow]:
        gate.wait(10)
        return old(offset, limit)

    model = RecordsTableModel(runner, page_size=50)
    model.set_source(slow, total=100)
    model.fetchMore(QModelIndex())
    new = Source(3)
    model.set_source(new, total=3)
    gate.set()
    with qtbot.waitSignal(model.rowsLoaded, timeout=WAIT_MS):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 3
    assert [model.index(row, 0).data() for row in range(3)] == ["10", "12", "14"]
    qtbot.waitUntil(lambda: runner.active_tasks == 0, timeout=WAIT_MS)
    assert model.rowCount() == 3


def test_reveal_shows_one_row_only(qtbot: QtBot, runner: TaskRunner) -> None:
    source = Source(5)
    model = RecordsTableModel(runner, page_size=50)
    model.set_source(source, total=5)
    load_all(qtbot, model)
    with qtbot.waitSignal(model.dataChanged):
        model.reveal(2, ["+380670000002"])
    assert model.index(2, VALUES_COLUMN).data() == "+380670000002"
    assert model.is_revealed(2)
    others = [model.index(row, VALUES_COLUMN).data() for row in (0, 1, 3, 4)]
    assert all("*" in text for text in others)
    assert not model.is_revealed(1)
    model.set_source(source, total=5)
    load_all(qtbot, model)
    assert "*" in model.index(2, VALUES_COLUMN).data()


@pytest.mark.parametrize("total", [None, 120])
def test_a_short_page_ends_the_list(qtbot: QtBot, runner: TaskRunner, total: int | None) -> None:
    source = Source(70)  # the store holds fewer than the count said (records went away)
    model = RecordsTableModel(runner, page_size=50)
    model.set_source(source, total=total)
    load_all(qtbot, model)
    assert model.rowCount() == 70
    assert model.total() == 70
    assert not model.canFetchMore(QModelIndex())


def test_a_failing_page_is_reported_and_stops_growth(qtbot: QtBot, runner: TaskRunner) -> None:
    def broken(offset: int, limit: int) -> list[RecordRow]:
        raise RuntimeError("disk on fire")

    model = RecordsTableModel(runner, page_size=50)
    model.set_source(broken, total=10)
    with qtbot.waitSignal(model.loadFailed, timeout=WAIT_MS) as failed:
        model.fetchMore(QModelIndex())
    assert "unexpected error" in failed.args[0]
    assert "disk" not in failed.args[0]
    assert not model.canFetchMore(QModelIndex())
    assert model.rowCount() == 0
