"""PARALLEL listing: ID ranges read by several batch requests in flight at once.

1. One batch finds the span: the first page in ascending ID order and one page descending
   (its first row is the largest ID).
2. The rest of the span goes into a :class:`RangePool`; a small pool of threads each takes
   up to 50 ranges, sends them as one ``batch`` of range cursors (``>=lo``, ``<hi``, ID order,
   ``start -1``) and returns what is left of each range to the pool. When fewer than 50 are
   pending the widest is split, so batches stay full.
3. Pages travel to the caller through a bounded queue: memory stays flat however large the
   table, and a slow consumer simply holds the threads back.

The client's limiter paces the threads, so more threads never means more than the limits.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

from privacy_desktop.domain.progress import Cancelled, CancelToken
from privacy_desktop.portal.batching import (
    COMMAND_RETRIES,
    ListingClient,
    batch_with_retries,
    is_transient,
)
from privacy_desktop.portal.envelope import BatchResult
from privacy_desktop.portal.errors import PortalError, bad_response
from privacy_desktop.portal.id_ranges import IdRange, RangePool, Splitter
from privacy_desktop.portal.list_query import PAGE_SIZE, Bounds, ListQuery, rows_of

#: Range cursors per batch request (the portal's maximum number of commands).
CURSORS_PER_BATCH = 50
_POLL_S = 0.05
#: Rows a range is cut to hold: just under a page, as IDs are rarely evenly spread.
TARGET_ROWS = 49

Page = list[dict[str, Any]]


def parallel_pages(
    client: ListingClient,
    method: str,
    query: ListQuery,
    cancel: CancelToken | None,
    *,
    workers: int = 4,
    splitter: Splitter | None = None,
) -> Iterator[Page]:
    """Yield every row within the query's bounds exactly once, page by page.

    ``splitter`` replaces the pool's choice of split points (property tests use it).
    """
    bounds = query.bounds
    if bounds.empty:
        return
    first, last_rows, chained = _discover(client, method, query, cancel)
    for page in (first, *chained):
        if page:
            yield page
    pages_read = [first, *chained]
    if len(pages_read[-1]) < PAGE_SIZE:
        return  # the chain reached the end of the table: nothing is left to read
    read_ids = [query.row_id(row, method) for page in pages_read for row in page]
    highest_read = max(read_ids)
    # The descending page holds the highest IDs of the table: the part above what the chain
    # read is new rows, and everything from its lowest ID up is then read.
    tail = sorted(
        (row for row in last_rows if query.row_id(row, method) > highest_read),
        key=lambda row: query.row_id(row, method),
    )
    if not tail:
        return  # the chain read up to the table's highest ID
    yield tail
    if len(last_rows) < PAGE_SIZE:
        return  # a short descending page is the whole table: nothing lies between
    remaining = Bounds(highest_read + 1, query.row_id(tail[0], method)).clip(None, bounds.hi)
    if remaining.empty or remaining.lo is None or remaining.hi is None:
        return
    first_ids = [query.row_id(row, method) for row in first]
    # The ID width of one page (on the first page's density): ranges are cut in multiples of
    # it and not narrower, so that each read fills a page.
    page_width = max(1, max(first_ids) - min(first_ids) + 1)
    grain = page_width * TARGET_ROWS // PAGE_SIZE
    pool = RangePool(remaining.lo, remaining.hi, min_width=grain, splitter=splitter)
    run = _ParallelRun(client, method, query, pool, cancel, max(1, workers))
    yield from run.pages()


def _discover(
    client: ListingClient, method: str, query: ListQuery, cancel: CancelToken | None
) -> tuple[Page, Page, list[Page]]:
    """The first page, the last (descending) page, and the pages chained after the first.

    The batch that finds the span also reads ahead: commands ``c1``…``cN`` each start after
    the last ID of the page before (``$result[prev][49][ID]``), so the first request brings
    up to 48 pages instead of one (on a small table, all of it). The chain is best effort:
    it stops at the first short, failed or inconsistent page, and whatever it did not read is
    read by the ID ranges afterwards — so a portal that substitutes differently costs only
    speed, never rows.
    """
    bounds = query.bounds
    span_commands = {
        "first": (method, query.range_params(bounds)),
        "last": (method, query.range_params(bounds, descending=True)),
    }
    commands = dict(span_commands)
    chain_keys: list[str] = []
    # The reference path assumes `result` is the row list; a batch reads ahead when its size
    # cannot overrun the method's budget (a known cost, or a method not yet used at all).
    if query.dialect.rows_key is None and client.cost_known(method):
        room = min(CURSORS_PER_BATCH, client.batch_capacity(method)) - len(span_commands)
        previous = "first"
        for index in range(1, max(0, room) + 1):
            key = f"c{index}"
            params = query.range_params(bounds)
            conditions = dict(params[query.dialect.filter_key])
            conditions.pop(">=" + query.dialect.id_field, None)
            id_field = query.dialect.id_field
            conditions[">" + id_field] = f"$result[{previous}][{PAGE_SIZE - 1}][{id_field}]"
            params[query.dialect.filter_key] = conditions
            commands[key] = (method, params)
            chain_keys.append(key)
            previous = key
    answer = client.batch(commands, cancel=cancel)
    if all(key in answer.results for key in span_commands):
        span = {key: answer.results[key] for key in span_commands}
    else:  # resend just the span commands (chained ones cannot be resent on their own)
        span = batch_with_retries(client, span_commands, cancel)
    first = rows_of(span["first"], query.dialect, method)
    last_rows = rows_of(span["last"], query.dialect, method)
    chained: list[Page] = []
    previous_page = first
    for key in chain_keys:
        if len(previous_page) < PAGE_SIZE or key not in answer.results:
            break
        try:
            rows = rows_of(answer.results[key], query.dialect, method)
            ids = [query.row_id(row, method) for row in rows]
        except PortalError:
            break
        after = query.row_id(previous_page[-1], method)
        upper = query.bounds.hi
        if ids != sorted(ids) or any(
            number <= after or (upper is not None and number >= upper) for number in ids
        ):
            break
        if not rows:
            break
        chained.append(rows)
        previous_page = rows
    return first, last_rows, chained


class _ParallelRun:
    """The threads of one parallel listing and the queue their pages travel through."""

    def __init__(
        self,
        client: ListingClient,
        method: str,
        query: ListQuery,
        pool: RangePool,
        cancel: CancelToken | None,
        workers: int,
    ) -> None:
        self._client = client
        self._method = method
        self._query = query
        self._pool = pool
        self._cancel = cancel
        self._workers = workers
        self._lock = threading.Condition()
        self._stop = CancelToken()  # set when the listing ends for any reason
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=workers * PAGE_SIZE)
        self._failures: dict[int, int] = {}  # range start → failed reads
        self._failed_batches = 0  # batches in a row in which every command failed
        self._rows_seen = 0
        self._width_seen = 0

    def pages(self) -> Iterator[Page]:
        with self._lock:
            self._pool.fill(self._workers * CURSORS_PER_BATCH)
        threads = [
            threading.Thread(target=self._work, name=f"listing-{index}", daemon=True)
            for index in range(self._workers)
        ]
        for thread in threads:
            thread.start()
        exited = 0
        try:
            while exited < len(threads):
                if self._cancel is not None and self._cancel.cancelled:
                    raise Cancelled
                try:
                    kind, payload = self._queue.get(timeout=_POLL_S)
                except queue.Empty:
                    continue
                if kind == "rows":
                    yield payload
                elif kind == "error":
                    raise payload
                else:
                    exited += 1
        finally:
            self._shut_down(threads)

    def _shut_down(self, threads: list[threading.Thread]) -> None:
        self._stop.cancel()
        with self._lock:
            self._lock.notify_all()
        for thread in threads:
            while thread.is_alive():
                self._drain()
                thread.join(_POLL_S)
        self._drain()

    def _drain(self) -> None:
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def _put(self, item: tuple[str, Any]) -> None:
        while not self._stop.cancelled:
            try:
                self._queue.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue

    # ---------------------------------------------------------------- worker threads
    def _work(self) -> None:
        try:
            while True:
                ranges = self._take()
                if ranges is None:
                    return
                commands = {
                    str(index): (self._method, self._query.range_params(Bounds(rng.lo, rng.hi)))
                    for index, rng in enumerate(ranges)
                }
                answer = self._client.batch(commands, cancel=self._stop)
                for page in self._absorb(ranges, answer):
                    self._put(("rows", page))
        except Cancelled:
            if not self._stop.cancelled:
                self._put(("error", Cancelled()))
        except BaseException as exc:  # handed to the consumer thread, which raises it
            self._stop_others()
            self._put(("error", exc))
        finally:
            self._put(("exit", None))

    def _stop_others(self) -> None:
        with self._lock:
            self._lock.notify_all()

    def _take(self) -> list[IdRange] | None:
        with self._lock:
            while True:
                if self._stop.cancelled or (self._cancel is not None and self._cancel.cancelled):
                    return None
                if self._pool.done:
                    self._lock.notify_all()
                    return None
                size = min(CURSORS_PER_BATCH, self._client.batch_capacity(self._method))
                ranges = self._pool.take(max(1, size), fill_spare=size >= CURSORS_PER_BATCH)
                if ranges:
                    return ranges
                self._lock.wait(_POLL_S)

    def _absorb(self, ranges: list[IdRange], answer: BatchResult) -> list[Page]:
        """Put what is left of each range back into the pool; the pages read."""
        pages: list[Page] = []
        fatal: PortalError | None = None
        last_error: PortalError | None = None
        with self._lock:
            try:
                for index, rng in enumerate(ranges):
                    key = str(index)
                    if key in answer.results:
                        rows = self._range_rows(rng, answer.results[key])
                        self._rows_seen += len(rows)
                        if len(rows) < PAGE_SIZE:
                            self._pool.finish(rng)
                            self._width_seen += rng.width
                        else:
                            last = self._query.row_id(rows[-1], self._method)
                            self._pool.advance(rng, last)
                            self._width_seen += last + 1 - rng.lo
                        if rows:
                            pages.append(rows)
                        continue
                    error = answer.errors.get(key)
                    failures = self._failures.get(rng.lo, 0) + 1
                    self._failures[rng.lo] = failures
                    self._pool.give_back(rng)
                    if error is not None and (
                        not is_transient(error) or failures > COMMAND_RETRIES
                    ):
                        fatal = fatal or error
                    last_error = error or last_error
                if answer.results:
                    self._failed_batches = 0
                else:
                    # Merged ranges change their starts; this bounds the retries regardless.
                    self._failed_batches += 1
                    if self._failed_batches > COMMAND_RETRIES and fatal is None:
                        fatal = last_error or bad_response(self._method, None, "no results")
            finally:
                if self._rows_seen:
                    # The IDs' real density so far: the width that holds a little less than a
                    # page, so that most reads end short (done) rather than leave a remainder.
                    width = TARGET_ROWS * self._width_seen / self._rows_seen
                    self._pool.grain = round(width)
                self._lock.notify_all()
        if fatal is not None:
            raise fatal
        return pages

    def _range_rows(self, rng: IdRange, result: Any) -> Page:
        rows = rows_of(result, self._query.dialect, self._method)
        ids = [self._query.row_id(row, self._method) for row in rows]
        if any(not rng.lo <= number < rng.hi for number in ids):
            raise bad_response(self._method, None, "a row outside the requested ID range")
        if ids != sorted(ids):
            rows = [row for _, row in sorted(zip(ids, rows, strict=True), key=lambda p: p[0])]
        return rows
