"""Parameters of list methods: casing per method, ID bounds, and the rows of an answer.

Bitrix24 is inconsistent: ``crm.*.list`` takes ``filter``/``order {ID: ASC}``, ``user.get``
takes ``FILTER`` and ``sort``/``order`` strings, ``crm.item.list`` uses a lower-case ``id``
and wraps rows in ``{"items": […]}``. A :class:`ListDialect` says which form a method uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from privacy_desktop.portal.envelope import ApiResponse
from privacy_desktop.portal.errors import bad_response

#: Legacy list methods return fixed pages of this many rows.
PAGE_SIZE = 50


@dataclass(frozen=True)
class ListDialect:
    """How one list method spells its paging parameters.

    Attributes:
        id_field: the numeric ID column (``ID``, ``id``).
        filter_key: ``filter`` or ``FILTER``.
        order_style: ``map`` → ``order: {ID: "ASC"}``; ``sort`` → ``sort: "ID", order: "ASC"``.
        start_key: ``start`` or ``START``.
        rows_key: where the rows sit inside ``result`` (``items`` for crm.item.list), or
            None when ``result`` is the list itself.
    """

    id_field: str = "ID"
    filter_key: str = "filter"
    order_style: Literal["map", "sort"] = "map"
    start_key: str = "start"
    rows_key: str | None = None


_SORT_STYLE = {"user.get", "user.search"}
_ROWS_KEYS = {"crm.item.list": "items", "tasks.task.list": "tasks"}


def dialect_for(method: str, id_field: str = "ID") -> ListDialect:
    """The dialect of ``method`` as documented (user.get: ``FILTER`` and ``sort``)."""
    name = method.lower()
    if name in _SORT_STYLE:
        return ListDialect(id_field=id_field, filter_key="FILTER", order_style="sort")
    return ListDialect(id_field=id_field, rows_key=_ROWS_KEYS.get(name))


@dataclass(frozen=True)
class Bounds:
    """The caller's own limits on the ID column, as ``lo <= id < hi`` (None: open)."""

    lo: int | None
    hi: int | None

    def clip(self, lo: int | None, hi: int | None) -> Bounds:
        new_lo = lo if self.lo is None else (self.lo if lo is None else max(lo, self.lo))
        new_hi = hi if self.hi is None else (self.hi if hi is None else min(hi, self.hi))
        return Bounds(new_lo, new_hi)

    @property
    def empty(self) -> bool:
        return self.lo is not None and self.hi is not None and self.lo >= self.hi


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


class ListQuery:
    """The caller's parameters split into the parts the listing owns and the rest.

    The caller's filter keeps every condition except the range conditions on the ID column
    (``>``, ``>=``, ``<``, ``<=``), which become :attr:`bounds` so that the listing can
    combine them with its own ranges instead of overwriting them.
    """

    def __init__(self, params: Mapping[str, Any] | None, dialect: ListDialect) -> None:
        self.dialect = dialect
        self.base: dict[str, Any] = {}
        self.filter: dict[str, Any] = {}
        self.order: dict[str, Any] = {}  # the caller's order: kept by offset paging only
        lo: int | None = None
        hi: int | None = None
        for key, value in (params or {}).items():
            lowered = key.lower()
            if lowered == "filter" and isinstance(value, Mapping):
                self.filter.update(value)
            elif lowered in ("order", "sort"):
                self.order[key] = value  # cursors need ID order; offset paging keeps this
            elif lowered == "start":
                continue  # the listing decides paging
            else:
                self.base[key] = value
        field = dialect.id_field.lower()
        for key in list(self.filter):
            op = key[: len(key) - len(field)]
            if key[len(op) :].lower() != field or op not in (">", ">=", "<", "<="):
                continue
            number = _as_int(self.filter[key])
            if number is None:
                continue  # not a plain number: leave it for the portal to apply
            del self.filter[key]
            if op == ">":
                lo = number + 1 if lo is None else max(lo, number + 1)
            elif op == ">=":
                lo = number if lo is None else max(lo, number)
            elif op == "<":
                hi = number if hi is None else min(hi, number)
            else:
                hi = number + 1 if hi is None else min(hi, number + 1)
        self.bounds = Bounds(lo, hi)
        select = self.base.get("select", self.base.get("SELECT"))
        if isinstance(select, list | tuple) and select:
            names = {str(item).upper() for item in select}
            if dialect.id_field.upper() not in names and "*" not in names:
                key = "select" if "select" in self.base else "SELECT"
                self.base[key] = [*select, dialect.id_field]  # rows must carry their ID

    def offset_params(self, start: int) -> dict[str, Any]:
        params = dict(self.base)
        params.update(self.order)
        if self.filter or self.bounds != Bounds(None, None):
            params[self.dialect.filter_key] = self._filter(self.bounds)
        params[self.dialect.start_key] = start
        return params

    def range_params(self, bounds: Bounds, descending: bool = False) -> dict[str, Any]:
        """Parameters for one page of ``bounds`` in ID order without counting (start -1)."""
        params = dict(self.base)
        params[self.dialect.filter_key] = self._filter(bounds)
        direction = "DESC" if descending else "ASC"
        if self.dialect.order_style == "sort":
            params["sort"] = self.dialect.id_field
            params["order"] = direction
        else:
            params["order"] = {self.dialect.id_field: direction}
        params[self.dialect.start_key] = -1
        return params

    def _filter(self, bounds: Bounds) -> dict[str, Any]:
        conditions = dict(self.filter)
        if bounds.lo is not None:
            conditions[">=" + self.dialect.id_field] = bounds.lo
        if bounds.hi is not None:
            conditions["<" + self.dialect.id_field] = bounds.hi
        return conditions

    def row_id(self, row: Mapping[str, Any], method: str) -> int:
        number = _as_int(row.get(self.dialect.id_field))
        if number is None:
            raise bad_response(method, None, f"a row lacks a numeric {self.dialect.id_field}")
        return number


def rows_of(result: Any, dialect: ListDialect, method: str) -> list[dict[str, Any]]:
    """The rows of a list method's ``result``."""
    if dialect.rows_key is not None and isinstance(result, dict):
        result = result.get(dialect.rows_key, [])
    if isinstance(result, dict):
        # PHP turns a list with gaps into an object; a single wrapped list is also common.
        lists = [value for value in result.values() if isinstance(value, list)]
        if len(result) == 1 and len(lists) == 1:
            result = lists[0]
        elif all(isinstance(value, dict) for value in result.values()):
            result = list(result.values())
    if not isinstance(result, list) or not all(isinstance(row, dict) for row in result):
        raise bad_response(method, None, "list result is not a list of rows")
    return result


def response_rows(response: ApiResponse, dialect: ListDialect, method: str) -> list[dict[str, Any]]:
    return rows_of(response.result, dialect, method)
