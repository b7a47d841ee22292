"""The records holding one field's personal data, fetched lazily page by page.

A portal may have a million contacts, so the table never holds them all: ``rowCount`` grows
as pages arrive through ``canFetchMore``/``fetchMore`` (the view asks when it is scrolled
to the end), pages are read on the runner's interactive pool — never on the GUI thread —
and only ``max_cached_pages`` of them stay in memory (least recently shown first out). A row
whose page was dropped shows "…" and its page is read again, at most a few at a time: when
the person scrolls faster than pages arrive, the oldest requests are cancelled and re-asked
only if their rows are still on the screen.

Every value and every record title is masked (see gui/masking.py) until :meth:`reveal` is
called for the row with the values the inventory service returned (and audit-logged). The
masked texts are made on the worker that read the page: ``data()`` runs for every role of
every visible cell on each paint, so it only looks texts up.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from privacy_desktop.domain.inventory import RecordRow
from privacy_desktop.gui.masking import mask_name, mask_value
from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext

AnyIndex = QModelIndex | QPersistentModelIndex

#: Reads ``limit`` records from ``offset`` (ordered by record id); blocking, runs on a worker.
PageFetcher = Callable[[int, int], Sequence[RecordRow]]

#: What a row whose page is being read shows.
LOADING_TEXT = "\u2026"

ID_COLUMN, TITLE_COLUMN, VALUES_COLUMN = range(3)

#: The record of a row (when its page is in memory).
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1

#: Re-reads of dropped pages in flight at most; older ones are cancelled first.
MAX_PENDING_PAGES = 4


class _Row(NamedTuple):
    """A record with its cells' texts, masked once on the worker that read the page
    (painting asks for them many times; masking on every paint would cost the GUI thread)."""

    record: RecordRow
    texts: tuple[str, str, str]


def _masked(record: RecordRow) -> _Row:
    values = "; ".join(mask_value(v.display or v.value, v.kind) for v in record.values)
    # The title is personal data too; revealing concerns the drilled-down values.
    return _Row(record, (str(record.record_id), mask_name(record.title), values))


#: Flags of every cell, built once (the enum's ``|`` is Python code, and Qt asks per paint).
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _PageRequest:
    """One page read in flight.

    Its callbacks hold the model weakly and check that its C++ side still lives: a late
    answer to a model that was deleted meanwhile is dropped. (A QObject per request, deleted
    with ``deleteLater`` in its own slot, crashes PySide 6.12: "shared QObject was deleted
    directly".)
    """

    def __init__(self, model: RecordsTableModel, generation: int, page: int, tail: bool) -> None:
        self._model = weakref.ref(model)
        self.generation = generation
        self.page = page
        self.tail = tail
        self.handle: TaskHandle | None = None

    def _live_model(self) -> RecordsTableModel | None:
        model = self._model()
        return model if model is not None and shiboken6.isValid(model) else None

    def on_done(self, rows: Any) -> None:
        model = self._live_model()
        if model is not None:
            model._page_arrived(self, rows)

    def on_error(self, text: str) -> None:
        model = self._live_model()
        if model is not None:
            model._page_failed(self, text)

    def on_cancelled(self) -> None:
        model = self._live_model()
        if model is not None:
            model._page_cancelled(self)


class RecordsTableModel(QAbstractTableModel):
    """A lazily filled, masked table of records (ID, record, values).

    Args:
        runner: the task runner (pages are read on its interactive pool).
        page_size: rows per page read.
        max_cached_pages: pages kept in memory at most.
        parent: the Qt parent.

    Signals:
        rowsLoaded(): more rows arrived at the end (the loaded count changed).
        loadFailed(str): a page could not be read; the translated reason.
    """

    rowsLoaded = Signal()
    loadFailed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        page_size: int = 200,
        max_cached_pages: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if page_size < 1 or max_cached_pages < 2:
            raise ValueError("page_size >= 1 and max_cached_pages >= 2 are required")
        self._runner = runner
        self.page_size = page_size
        self.max_cached_pages = max_cached_pages
        self._fetch: PageFetcher | None = None
        self._generation = 0
        self._rows = 0
        self._total: int | None = None
        self._exhausted = False
        self._pages: OrderedDict[int, tuple[_Row, ...]] = OrderedDict()
        self._tail: _PageRequest | None = None
        self._refetching: OrderedDict[int, _PageRequest] = OrderedDict()
        self._wanted: list[int] = []
        self._revealed: dict[int, tuple[str, ...]] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush_wanted)

    # ------------------------------------------------------------------ source

    def set_source(self, fetch: PageFetcher | None, total: int | None = None) -> None:
        """List the records ``fetch`` reads (None: nothing); ``total`` if known.

        Pages in flight for the previous source are cancelled and their answers dropped.
        """
        self.beginResetModel()
        self._generation += 1
        for request in [self._tail, *self._refetching.values()]:
            if request is not None and request.handle is not None:
                request.handle.cancel()
        self._fetch = fetch
        self._rows = 0
        self._total = total
        self._exhausted = fetch is None or total == 0
        self._pages.clear()
        self._tail = None
        self._refetching.clear()
        self._wanted.clear()
        self._revealed.clear()
        self.endResetModel()

    def total(self) -> int | None:
        """How many records the source holds, if known (exact once every page arrived)."""
        return self._total

    def loaded_rows(self) -> int:
        return self._rows

    def loading(self) -> bool:
        """Whether a page is being read."""
        return self._tail is not None or bool(self._refetching)

    def cached_pages(self) -> int:
        return len(self._pages)

    def record(self, row: int) -> RecordRow | None:
        """The record of ``row`` if its page is in memory (does not start a read)."""
        page = self._pages.get(row // self.page_size)
        offset = row % self.page_size
        return page[offset].record if page is not None and offset < len(page) else None

    # ------------------------------------------------------------------ reveal

    def reveal(self, row: int, values: Sequence[str]) -> None:
        """Show ``values`` unmasked in ``row`` (values the service returned and logged)."""
        record = self.record(row)
        if record is None:
            return
        self._revealed[record.record_id] = tuple(values)
        self.dataChanged.emit(self.index(row, 0), self.index(row, VALUES_COLUMN))

    def is_revealed(self, row: int) -> bool:
        record = self.record(row)
        return record is not None and record.record_id in self._revealed

    # ------------------------------------------------------------------ lazy growth

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetch is None or self._exhausted:
            return False
        return self._total is None or self._rows < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._tail is not None or not self.canFetchMore(parent):
            return
        # Rows arrive a page at a time, so the loaded count is a whole number of pages.
        self._tail = self._request(self._rows // self.page_size, tail=True)

    def _request(self, page: int, *, tail: bool) -> _PageRequest:
        fetch = self._fetch
        assert fetch is not None
        request = _PageRequest(self, self._generation, page, tail)
        offset, limit = page * self.page_size, self.page_size

        def read(context: TaskContext) -> tuple[_Row, ...]:
            context.cancel.raise_if_cancelled()
            return tuple(_masked(record) for record in fetch(offset, limit))

        request.handle = self._runner.submit(
            read,
            pool=Pool.INTERACTIVE,
            on_done=request.on_done,
            on_error=request.on_error,
            on_cancelled=request.on_cancelled,
            name="records.page",
        )
        return request

    def _page_arrived(self, request: _PageRequest, rows: tuple[_Row, ...]) -> None:
        if request.generation != self._generation:
            return
        if request.tail:
            if self._tail is not request or request.page * self.page_size != self._rows:
                return  # not the end any more (cannot happen while one tail read runs)
            if len(rows) < self.page_size:
                self._exhausted = True
            if rows:
                self._store_page(request.page, rows)
                # The tail stays "in flight" until the rows are in: a view or model tester
                # reacting to the insertion must not ask for the same page again.
                self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(rows) - 1)
                self._rows += len(rows)
                self.endInsertRows()
            self._tail = None
            if self._exhausted or (self._total is not None and self._rows > self._total):
                self._total = self._rows
            self.rowsLoaded.emit()
            return
        if self._refetching.get(request.page) is request:
            del self._refetching[request.page]
        self._store_page(request.page, rows)
        first = request.page * self.page_size
        last = min(self._rows, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, VALUES_COLUMN))

    def _page_failed(self, request: _PageRequest, text: str) -> None:
        if request.generation != self._generation:
            return
        if request.tail:
            self._tail = None
            # Stop growing: the view would otherwise ask again at once, and again.
            self._exhausted = True
        elif self._refetching.get(request.page) is request:
            del self._refetching[request.page]
        self.loadFailed.emit(text)

    def _page_cancelled(self, request: _PageRequest) -> None:
        if request.generation != self._generation:
            return
        if request.tail:
            self._tail = None
            return
        if self._refetching.get(request.page) is request:
            del self._refetching[request.page]
        # Repaint its rows: if they are still on the screen, data() asks for the page again.
        first = request.page * self.page_size
        last = min(self._rows, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, VALUES_COLUMN))

    def _store_page(self, page: int, rows: tuple[_Row, ...]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.max_cached_pages:
            self._pages.popitem(last=False)

    def _want(self, page: int) -> None:
        if page in self._refetching or page in self._wanted:
            return
        self._wanted.append(page)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush_wanted(self) -> None:
        # Called once after a paint that missed pages: ask for them, newest last, and drop
        # the oldest requests beyond MAX_PENDING_PAGES (they are for rows scrolled past).
        wanted, self._wanted = self._wanted, []
        if self._fetch is None:
            return
        for page in wanted:
            if page in self._pages or page in self._refetching:
                continue
            self._refetching[page] = self._request(page, tail=False)
        while len(self._refetching) > MAX_PENDING_PAGES:
            _page, oldest = self._refetching.popitem(last=False)
            if oldest.handle is not None:
                oldest.handle.cancel()

    # ------------------------------------------------------------------ QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("ID"), self.tr("Record"), self.tr("Values"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: the roles not shown
        # leave first, and a shown cell is a dictionary and a tuple lookup.
        if role == _DISPLAY:
            row = self._row(index)
            if row is None:
                return LOADING_TEXT if index.isValid() and index.row() < self._rows else None
            column = index.column()
            if column == VALUES_COLUMN:
                revealed = self._revealed.get(row.record.record_id)
                if revealed is not None:
                    return "; ".join(revealed)
            return row.texts[column]
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == ID_COLUMN else None
        if role == RECORD_ROLE:
            row = self._row(index)
            return row.record if row is not None else None
        return None

    def _row(self, index: AnyIndex) -> _Row | None:
        """The row of ``index`` if its page is in memory; else asks for the page."""
        number = index.row()
        if not index.isValid() or not 0 <= number < self._rows:
            return None
        page_number = number // self.page_size
        page = self._pages.get(page_number)
        if page is None:
            self._want(page_number)
            return None
        self._pages.move_to_end(page_number)
        offset = number % self.page_size
        return page[offset] if offset < len(page) else None
