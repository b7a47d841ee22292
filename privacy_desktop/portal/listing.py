"""Listing every row of a list method: offset pages, the ID cursor, or parallel ID ranges.

* OFFSET: plain ``start`` paging; the portal counts ``total`` on every page (slow on big
  tables, but works for every list method).
* CURSOR: the documented fast scan — ``order {ID: ASC}``, ``filter {">=ID": last + 1}``
  (the same as ``">ID": last`` for integer IDs, and the same form the ranges use),
  ``start: -1``, stop on a short page.
* PARALLEL: the ID span is cut into ranges and 50 range cursors go into each ``batch``
  request, several batches in flight; see :mod:`privacy_desktop.portal.parallel_listing`.

A failed batch command is retried (just that command) or raised; rows are never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from enum import StrEnum
from typing import Any

from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.batching import ListingClient
from privacy_desktop.portal.list_query import (
    PAGE_SIZE,
    Bounds,
    ListDialect,
    ListQuery,
    dialect_for,
    rows_of,
)
from privacy_desktop.portal.parallel_listing import parallel_pages

__all__ = ["ListDialect", "ListMode", "ListingClient", "iter_pages"]


class ListMode(StrEnum):
    OFFSET = "offset"
    CURSOR = "cursor"
    PARALLEL = "parallel"


def iter_pages(
    client: ListingClient,
    method: str,
    params: Mapping[str, Any] | None = None,
    *,
    mode: ListMode = ListMode.PARALLEL,
    id_field: str = "ID",
    cancel: CancelToken | None = None,
    dialect: ListDialect | None = None,
    workers: int = 4,
) -> Iterator[list[dict[str, Any]]]:
    """Yield the rows of ``method`` page by page, every row exactly once.

    Args:
        client: the portal client.
        method: a list method (``crm.contact.list``, ``user.get``, …).
        params: the caller's parameters (``filter``, ``select``, …); ``start`` and ``order``
            are the listing's own. Range conditions on the ID column are honoured.
        mode: OFFSET, CURSOR or PARALLEL (row order is not guaranteed with PARALLEL).
        id_field: the numeric ID column.
        cancel: stops the listing (raises ``Cancelled``).
        dialect: the method's parameter casing; by default as documented for ``method``.
        workers: batch requests in flight at once (PARALLEL).

    Raises:
        PortalError: a page could not be read (after retries).
        Cancelled: ``cancel`` was set.
    """
    dialect = dialect or dialect_for(method, id_field)
    if id_field != "ID" and dialect.id_field != id_field:
        dialect = replace(dialect, id_field=id_field)
    query = ListQuery(params, dialect)
    if mode is ListMode.OFFSET:
        yield from _offset_pages(client, method, query, cancel)
    elif mode is ListMode.CURSOR:
        yield from _cursor_pages(client, method, query, query.bounds, cancel)
    else:
        yield from parallel_pages(client, method, query, cancel, workers=workers)


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def _offset_pages(
    client: ListingClient, method: str, query: ListQuery, cancel: CancelToken | None
) -> Iterator[list[dict[str, Any]]]:
    if query.bounds.empty:
        return
    start = 0
    while True:
        _check(cancel)
        response = client.call(method, query.offset_params(start), cancel=cancel)
        rows = rows_of(response.result, query.dialect, method)
        if rows:
            yield rows
        if response.next is None or not rows:
            return
        start = response.next


def _cursor_pages(
    client: ListingClient,
    method: str,
    query: ListQuery,
    bounds: Bounds,
    cancel: CancelToken | None,
) -> Iterator[list[dict[str, Any]]]:
    while not bounds.empty:
        _check(cancel)
        response = client.call(method, query.range_params(bounds), cancel=cancel)
        rows = rows_of(response.result, query.dialect, method)
        if rows:
            yield rows
        if len(rows) < PAGE_SIZE:
            return
        bounds = Bounds(query.row_id(rows[-1], method) + 1, bounds.hi)
