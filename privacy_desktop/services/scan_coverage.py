"""Which ID ranges a listing has read completely: the checkpoint that makes scans resumable.

The parallel listing reads ID ranges out of order through batches of range cursors
(``>=lo``, ``<hi``, ID order). :class:`CoverageRecorder` sits between the listing and the
client and reads every answered command: a page of fewer than 50 rows means its whole range
``[lo, hi)`` has been read; a full page covers ``[lo, last ID]``; the descending page that
finds the span covers everything from its lowest ID up. When the scanning service
stores a page it asks for the range that page covers and commits the two together, so the
store always knows exactly which ranges hold all their rows. An interrupted scan then lists
only the gaps (:func:`gaps`), and nothing is read twice but the pages in flight.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.envelope import ApiResponse, BatchResult
from privacy_desktop.portal.errors import PortalError
from privacy_desktop.portal.list_query import PAGE_SIZE, ListDialect, rows_of
from privacy_desktop.portal.listing import ListingClient

#: The open ends of the ID space (IDs are positive 64-bit integers).
ID_MIN = 0
ID_MAX = 2**62

_REFERENCE = re.compile(r"\$result\[([^\]]+)\]\[(\d+)\]\[([^\]]+)\]\Z")

Range = tuple[int, int]


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


class CoverageRecorder:
    """A :class:`ListingClient` that notes the ID range each answered list command covers.

    Args:
        client: the real client.
        method: the list method whose commands are watched.
        dialect: its parameter casing.
    """

    def __init__(self, client: ListingClient, method: str, dialect: ListDialect) -> None:
        self._client = client
        self._method = method.lower()
        self._dialect = dialect
        self._lock = threading.Lock()
        self._pending: dict[Range, Range] = {}  # (first ID, last ID) of a page → its range
        self._top: dict[int, int] = {}  # highest ID of a descending page → its upper bound
        self._empty: list[Range] = []

    # ---------------------------------------------------------------- ListingClient

    def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        cancel: CancelToken | None = None,
    ) -> ApiResponse:
        response = self._client.call(method, params, cancel=cancel)
        if method.lower() == self._method:
            self._note(params or {}, response.result, {})
        return response

    def batch(
        self,
        commands: Mapping[str, tuple[str, Mapping[str, Any]]],
        *,
        halt: bool = False,
        cancel: CancelToken | None = None,
    ) -> BatchResult:
        answer = self._client.batch(commands, halt=halt, cancel=cancel)
        # A chained command is trusted only when the command it chains on is: after a short
        # page the portal cannot substitute ``$result[…][49][ID]`` and answers rows from the
        # start of the table, and everything chained on those is as wrong.
        trusted: dict[str, Any] = {}
        for key, (method, params) in commands.items():
            if (
                method.lower() == self._method
                and key in answer.results
                and self._note(params, answer.results[key], trusted)
            ):
                trusted[key] = answer.results[key]
        return answer

    def batch_capacity(self, method: str) -> int:
        return self._client.batch_capacity(method)

    def cost_known(self, method: str) -> bool:
        return self._client.cost_known(method)

    # ---------------------------------------------------------------- coverage

    def page_range(self, page: Sequence[Mapping[str, Any]]) -> Range | None:
        """The ID range a page yielded by the listing covers (None: unknown)."""
        ids = [_number(row.get(self._dialect.id_field)) for row in page]
        numbers = [number for number in ids if number is not None]
        if not numbers or len(numbers) != len(page):
            return None
        low, high = min(numbers), max(numbers)
        with self._lock:
            found = self._pending.pop((low, high), None)
            if found is None and high in self._top:
                # The highest rows of the table, from the descending span page (the listing
                # yields those above what it read ascending): all rows from the lowest of
                # them up to the bound are in the page.
                found = (low, self._top.pop(high))
            return found

    def take_empty(self) -> list[Range]:
        """Ranges answered with no rows since the last call (nothing to store for them)."""
        with self._lock:
            empty, self._empty = self._empty, []
            return empty

    def _note(self, params: Mapping[str, Any], result: Any, siblings: Mapping[str, Any]) -> bool:
        """Register what one answered command covers; whether it was a trusted cursor."""
        bounds = self._bounds(params, siblings)
        if bounds is None:
            return False
        lo, hi, descending = bounds
        try:
            rows = rows_of(result, self._dialect, self._method)
        except PortalError:
            return False
        ids = [_number(row.get(self._dialect.id_field)) for row in rows]
        numbers = [number for number in ids if number is not None]
        if len(numbers) != len(rows) or any(not lo <= number < hi for number in numbers):
            return False  # not what a range cursor answers: claim nothing
        with self._lock:
            if not rows:
                self._empty.append((lo, hi))
            elif descending:
                self._top[max(numbers)] = hi
            elif len(rows) < PAGE_SIZE:
                self._pending[(min(numbers), max(numbers))] = (lo, hi)
            else:
                if numbers != sorted(numbers):
                    return False
                self._pending[(numbers[0], numbers[-1])] = (lo, numbers[-1] + 1)
        return True

    def _bounds(
        self, params: Mapping[str, Any], siblings: Mapping[str, Any]
    ) -> tuple[int, int, bool] | None:
        """``[lo, hi)`` and the direction of an ID-ordered cursor command; None otherwise."""
        dialect = self._dialect
        id_field = dialect.id_field
        if _number(params.get(dialect.start_key)) != -1:
            return None  # offset paging: its pages cover no range
        if dialect.order_style == "sort":
            descending = str(params.get("order", "ASC")).upper() == "DESC"
        else:
            order = params.get("order")
            descending = (
                isinstance(order, Mapping) and str(order.get(id_field, "ASC")).upper() == "DESC"
            )
        conditions = params.get(dialect.filter_key)
        conditions = conditions if isinstance(conditions, Mapping) else {}
        lo, hi = ID_MIN, ID_MAX
        if (">=" + id_field) in conditions:
            found = _number(conditions[">=" + id_field])
            if found is None:
                return None
            lo = found
        elif (">" + id_field) in conditions:
            after = self._after(conditions[">" + id_field], siblings)
            if after is None:
                return None
            lo = after + 1
        if ("<" + id_field) in conditions:
            found = _number(conditions["<" + id_field])
            if found is None:
                return None
            hi = found
        return (lo, hi, descending) if lo < hi else None

    def _after(self, value: Any, siblings: Mapping[str, Any]) -> int | None:
        """The ID a chained command starts after: a number, or ``$result[key][49][ID]`` of a
        trusted command of the same batch."""
        number = _number(value)
        if number is not None:
            return number
        match = _REFERENCE.match(str(value))
        if match is None or match.group(1) not in siblings:
            return None
        try:
            rows = rows_of(siblings[match.group(1)], self._dialect, self._method)
        except PortalError:
            return None
        index = int(match.group(2))
        if len(rows) != PAGE_SIZE or index >= len(rows):
            return None  # a short page: the portal had nothing to chain on
        return _number(rows[index].get(match.group(3)))


def gaps(covered: Sequence[Range], lo: int = ID_MIN, hi: int = ID_MAX) -> list[Range]:
    """The parts of ``[lo, hi)`` no covered range holds, in order."""
    result: list[Range] = []
    position = lo
    for start, end in sorted(covered):
        if start > position:
            result.append((position, min(start, hi)))
        position = max(position, end)
        if position >= hi:
            break
    if position < hi:
        result.append((position, hi))
    return [(start, end) for start, end in result if start < end]


def merge_gaps(
    gaps_: Sequence[Range], stored_between: Sequence[int], limit: int, join_below: int = 0
) -> list[Range]:
    """Join neighbouring gaps: every pair with fewer than ``join_below`` stored records
    between them, then more until at most ``limit`` remain — cheapest joins first.

    Each gap costs a listing of its own, whose first batch request alone can read 48 pages;
    joining two re-reads the records stored between them (``stored_between[i]`` lies between
    gap i and gap i + 1), which is harmless — upserts are idempotent — but costs reads. A
    few hundred records re-read are cheaper than one request more.
    """
    merged = list(gaps_)
    between = list(stored_between)
    while between:
        index = min(range(len(between)), key=between.__getitem__)
        if between[index] >= join_below and len(merged) <= max(1, limit):
            break
        merged[index : index + 2] = [(merged[index][0], merged[index + 1][1])]
        between.pop(index)
    return merged
