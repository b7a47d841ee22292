"""Legacy list semantics: filter prefixes, order, pages of 50, ``total`` and ``next``.

A :class:`Table` keeps its IDs sorted so that ``>ID``/``>=ID``/``<ID``/``<=ID``/``=ID``/
``@ID`` narrow the candidates by bisection: the documented fast scan (``order ID ASC``,
``>ID``, ``start=-1``) costs O(page), while ``start >= 0`` really walks every match to count
``total``, as a portal's ``COUNT(*)`` does.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from privacy_desktop.demo_portal.filters import (
    Condition,
    as_list,
    as_number,
    compile_condition,
    is_empty,
)
from privacy_desktop.demo_portal.params import php_int

PAGE_SIZE = 50
T = TypeVar("T")


def parse_order(raw: Any) -> list[tuple[str, bool]] | None:
    """``{"ID": "DESC"}`` → ``[("ID", True)]`` (True = descending); None if not an array."""
    if raw is None or raw == "" or isinstance(raw, list):
        return []  # a list names no field to order by
    if not isinstance(raw, dict):
        return None
    return [
        (str(field).upper(), str(direction).strip().upper() == "DESC")
        for field, direction in raw.items()
    ]


class Table:
    """Rows by integer ID with the IDs kept sorted."""

    def __init__(self, rows: Mapping[int, dict[str, Any]], described: Iterable[str] = ()) -> None:
        self.rows = rows
        self.ids = sorted(rows)
        #: Every field a row may have; filters on other names are ignored, as a portal does.
        fields = set(described)
        for row in rows.values():
            fields.update(row)
        self.fields = frozenset(fields)

    def changed(self, puts: Mapping[int, dict[str, Any]], removed: Iterable[int]) -> Table:
        """A new table with ``puts`` stored (added or replaced) and ``removed`` gone.

        This table is left as it was: a listing that holds it keeps reading a consistent
        state (copy on write). Costs one copy of the row map and of the sorted IDs, which is
        far cheaper than rebuilding (no walk over every row's fields).
        """
        rows = dict(self.rows)
        ids = list(self.ids)
        for identifier in removed:
            if rows.pop(identifier, None) is not None:
                del ids[bisect.bisect_left(ids, identifier)]
        fields = set(self.fields)
        for identifier, row in puts.items():
            if identifier not in rows:
                bisect.insort(ids, identifier)
            rows[identifier] = row
            fields.update(row)
        table = Table.__new__(Table)
        table.rows = rows
        table.ids = ids
        table.fields = frozenset(fields)
        return table

    def known(self, conditions: list[Condition]) -> list[Condition]:
        """The conditions on fields this table has (unknown filter fields are ignored)."""
        return [condition for condition in conditions if condition.field in self.fields]

    def candidates(self, conditions: list[Condition]) -> tuple[Sequence[int], list[Condition]]:
        """IDs the ID conditions allow (by bisection) and the conditions left to check.

        A plain ID range comes back as a view over the sorted IDs (no copy), so taking one
        page of it costs O(page) however large the table is.
        """
        low, high = 0, len(self.ids)
        only: set[int] | None = None
        rest: list[Condition] = []
        for condition in conditions:
            value = condition.value
            if condition.field != "ID" or isinstance(value, dict):
                rest.append(condition)
                continue
            if condition.op == "in" or (condition.op == "=" and isinstance(value, list)):
                wanted = {php_int(item) for item in as_list(value)}
                only = wanted if only is None else only & wanted
            elif isinstance(value, list):
                rest.append(condition)
            elif condition.op == "=":
                wanted = {php_int(value)}
                only = wanted if only is None else only & wanted
            elif condition.op == ">":
                low = max(low, bisect.bisect_right(self.ids, php_int(value)))
            elif condition.op == ">=":
                low = max(low, bisect.bisect_left(self.ids, php_int(value)))
            elif condition.op == "<":
                high = min(high, bisect.bisect_left(self.ids, php_int(value)))
            elif condition.op == "<=":
                high = min(high, bisect.bisect_right(self.ids, php_int(value)))
            else:
                rest.append(condition)
        if only is None:
            return _IdRange(self.ids, low, max(low, high)), rest
        first = self.ids[low] if low < len(self.ids) else None
        last = self.ids[high - 1] if high > 0 else None
        chosen = sorted(
            identifier
            for identifier in only
            if identifier in self.rows
            and first is not None
            and last is not None
            and first <= identifier <= last
        )
        return chosen, rest


class _IdRange(Sequence[int]):
    """``ids[low:high]`` without copying."""

    def __init__(self, ids: list[int], low: int, high: int) -> None:
        self._ids = ids
        self._range = range(low, high)

    def __len__(self) -> int:
        return len(self._range)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self._ids[position] for position in self._range[index]]
        return self._ids[self._range[index]]

    def __iter__(self) -> Iterator[int]:
        ids = self._ids
        return (ids[position] for position in self._range)

    def __reversed__(self) -> Iterator[int]:
        ids = self._ids
        return (ids[position] for position in reversed(self._range))


@dataclass(frozen=True)
class Page:
    """One page of a list method: its rows, ``total`` (None when not counted) and ``next``."""

    rows: list[dict[str, Any]]
    total: int | None
    next: int | None


RowTest = Callable[[dict[str, Any]], bool]


def list_page(
    table: Table,
    conditions: list[Condition],
    order: list[tuple[str, bool]],
    start: int,
    extra_test: RowTest | None = None,
) -> Page:
    """The page at offset ``start`` (``start < 0``: first page, no count)."""
    ids, rest = table.candidates(conditions)
    rows = table.rows

    tests = [compile_condition(condition) for condition in rest]
    if extra_test is not None:
        tests.append(extra_test)

    def matching(candidate_ids: Iterable[int]) -> Iterator[dict[str, Any]]:
        for identifier in candidate_ids:
            row = rows[identifier]
            if all(test(row) for test in tests):
                yield row

    by_id_only = not order or (len(order) == 1 and order[0][0] == "ID")
    if by_id_only:
        descending = bool(order) and order[0][1]
        if not rest and extra_test is None:
            # Nothing to test row by row: the count is the candidate count, the page a slice.
            count, offset = len(ids), max(start, 0)
            if descending:
                positions = range(count - 1 - offset, max(count - 1 - offset - PAGE_SIZE, -1), -1)
            else:
                positions = range(offset, min(offset + PAGE_SIZE, count))
            page = [rows[ids[position]] for position in positions]
            return Page(page, None, None) if start < 0 else _page(page, count, start)
        ordered: Iterable[int] = reversed(ids) if descending else ids
        if start < 0:
            return Page(list(_take(matching(ordered), PAGE_SIZE)), None, None)
        page = []
        total = 0
        for row in matching(ordered):  # a count walks every match, as COUNT(*) does
            if start <= total < start + PAGE_SIZE:
                page.append(row)
            total += 1
        return _page(page, total, start)
    found = list(matching(ids))
    for field, descending in reversed(order):
        found.sort(key=sort_key(field), reverse=descending)
    if start < 0:
        return Page(found[:PAGE_SIZE], None, None)
    return _page(found[start : start + PAGE_SIZE], len(found), start)


def _page(rows: list[dict[str, Any]], total: int, start: int) -> Page:
    following = start + PAGE_SIZE if start + PAGE_SIZE < total else None
    return Page(rows, total, following)


def _take(items: Iterable[T], count: int) -> list[T]:
    return list(itertools.islice(items, count))


def sort_key(field: str) -> Callable[[dict[str, Any]], tuple[int, float, str]]:
    """Sort key for rows by ``field``: empty values first, numbers by value, text folded."""

    def key(row: dict[str, Any]) -> tuple[int, float, str]:
        return _sort_key(row.get(field))

    return key


def _sort_key(value: Any) -> tuple[int, float, str]:
    if is_empty(value):
        return (0, 0.0, "")
    number = as_number(value)
    if number is not None:
        return (1, number, "")
    if isinstance(value, list):
        return (2, 0.0, str(value))
    return (2, 0.0, str(value).casefold())
