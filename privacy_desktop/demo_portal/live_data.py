"""The portal's data while it serves, changed copy-on-write so that no reader sees half a change.

The HTTP server runs one thread per connection. Reads never lock: a call takes the snapshot
that is current when it starts (:attr:`LiveData.current`) and works on it to the end, even if
a write lands meanwhile. A write runs under one lock, builds the next snapshot beside the
current one (new row dicts, new tables, new duplicate-search index) and then swaps it in with
one assignment. Rows are never changed in place, so a listing in flight cannot observe a
record with some fields old and some new, nor a table whose size changes under its feet.
"""

from __future__ import annotations

import bisect
import dataclasses
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from privacy_desktop.demo_portal.kyiv_time import kyiv_iso
from privacy_desktop.demo_portal.portal_data import (
    PortalData,
    normalise_email,
    normalise_phone,
    user_listed,
)

T = TypeVar("T")

#: Table name (as PortalData.tables names it) → the Dataset attribute holding its rows.
TABLE_ATTRS = {
    "contact": "contacts",
    "lead": "leads",
    "company": "companies",
    "deal": "deals",
    "requisite": "requisites",
    "bankdetail": "bank_details",
    "activity": "activities",
    "user": "users",
    "department": "departments",
}
#: Tables whose phones and e-mails crm.duplicate.findbycomm searches, by its entity name.
_INDEXED = {"lead": "LEAD", "contact": "CONTACT", "company": "COMPANY"}
_MULTI_FIELD_TABLES = ("contact", "lead", "company")


@dataclass(frozen=True)
class RecycledRecord:
    """A deleted CRM record as the portal's Recycle Bin keeps it (30 days on a real portal).

    Attributes:
        table: the table it was deleted from ("contact", "requisite", …).
        record_id: its ID.
        row: the row as it was.
        deleted_at: when, ISO 8601 in Kyiv time.
        deleted_by: the user whose credential deleted it.
        dependents: (table, ID, row) of what went with it (requisites, bank details,
            activities).
    """

    table: str
    record_id: int
    row: dict[str, Any]
    deleted_at: str
    deleted_by: int
    dependents: tuple[tuple[str, int, dict[str, Any]], ...] = ()


class Change:
    """The rows one write puts and removes, seen on top of the snapshot it started from."""

    def __init__(self, base: PortalData, live: LiveData) -> None:
        self.base = base
        self.live = live
        self.now = live.now_text()
        self._puts: dict[str, dict[int, dict[str, Any]]] = {}
        self._removed: dict[str, set[int]] = {}
        #: Deleted records for the Recycle Bin, kept only if the change is published.
        self.recycled: list[RecycledRecord] = []

    def get(self, table: str, record_id: int) -> dict[str, Any] | None:
        """The row as this change leaves it (None: absent or removed)."""
        if record_id in self._removed.get(table, ()):
            return None
        put = self._puts.get(table, {}).get(record_id)
        if put is not None:
            return put
        return self._rows(table).get(record_id)

    def put(self, table: str, record_id: int, row: dict[str, Any]) -> None:
        """Store ``row`` (a new dict: rows of the snapshot are never changed in place)."""
        self._removed.get(table, set()).discard(record_id)
        self._puts.setdefault(table, {})[record_id] = row

    def remove(self, table: str, record_id: int) -> None:
        self._puts.get(table, {}).pop(record_id, None)
        self._removed.setdefault(table, set()).add(record_id)

    def rows(self, table: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every row of ``table`` as this change leaves it, by ID."""
        puts = self._puts.get(table, {})
        removed = self._removed.get(table, set())
        for record_id, row in self._rows(table).items():
            if record_id not in removed and record_id not in puts:
                yield record_id, row
        yield from puts.items()

    def find(self, table: str, **wanted: str) -> list[tuple[int, dict[str, Any]]]:
        """The rows whose fields equal ``wanted`` (one or two fields), by ID.

        Runs over every row of a table (a delete looks for dependents among 250 000
        activities), so the test is one tight comprehension that keeps only the matches:
        a list of every row would also be garbage the cyclic collector walks again.
        """
        (first, one), *rest = wanted.items()
        second, two = rest[0] if rest else (first, one)
        if len(rest) > 1:
            raise ValueError("find() compares one or two fields")
        puts = self._puts.get(table, {})
        removed = self._removed.get(table, set())
        found = [
            (record_id, row)
            for record_id, row in self._rows(table).items()
            if row.get(first) == one and row.get(second) == two
        ]
        found = [item for item in found if item[0] not in removed and item[0] not in puts]
        found += [
            (record_id, row)
            for record_id, row in puts.items()
            if row.get(first) == one and row.get(second) == two
        ]
        return found

    def _rows(self, table: str) -> Mapping[int, dict[str, Any]]:
        if table == "user":
            return self.base.dataset.users  # the table holds only the listed users
        return self.base.tables[table].rows

    def commit(self) -> PortalData:
        """The next snapshot; the base snapshot is left exactly as it was."""
        base = self.base
        tables = dict(base.tables)
        replaced: dict[str, Any] = {}
        phone_index = dict(base.phone_index)
        email_index = dict(base.email_index)
        for table in set(self._puts) | set(self._removed):
            puts = self._puts.get(table, {})
            removed = self._removed.get(table, set())
            if table == "user":
                users = dict(base.dataset.users)
                for record_id in removed:
                    users.pop(record_id, None)
                users.update(puts)
                replaced["users"] = users
                listed = {i: row for i, row in puts.items() if user_listed(row)}
                hidden = removed | {i for i in puts if i not in listed}
                tables["user"] = base.tables["user"].changed(listed, hidden)
                continue
            tables[table] = base.tables[table].changed(puts, removed)
            replaced[TABLE_ATTRS[table]] = tables[table].rows
            entity = _INDEXED.get(table)
            if entity is not None:
                old_rows = base.tables[table].rows
                touched = set(puts) | removed
                phone_index[entity] = _reindex(
                    base.phone_index[entity], touched, old_rows, puts, "PHONE", normalise_phone
                )
                email_index[entity] = _reindex(
                    base.email_index[entity], touched, old_rows, puts, "EMAIL", normalise_email
                )
        return dataclasses.replace(
            base,
            dataset=dataclasses.replace(base.dataset, **replaced),
            tables=tables,
            phone_index=phone_index,
            email_index=email_index,
        )


def _keys(row: dict[str, Any] | None, field: str, normalise: Callable[[str], str]) -> set[str]:
    if row is None:
        return set()
    keys = {normalise(str(item.get("VALUE", ""))) for item in row.get(field) or []}
    keys.discard("")
    return keys


def _reindex(
    index: dict[str, list[int]],
    touched: set[int],
    old_rows: Mapping[int, dict[str, Any]],
    puts: Mapping[int, dict[str, Any]],
    field: str,
    normalise: Callable[[str], str],
) -> dict[str, list[int]]:
    """``index`` (normalised value → ascending IDs) after the touched records changed."""
    updated = dict(index)
    for record_id in touched:
        before = _keys(old_rows.get(record_id), field, normalise)
        after = _keys(puts.get(record_id), field, normalise)
        for key in before - after:
            remaining = [i for i in updated.get(key, []) if i != record_id]
            if remaining:
                updated[key] = remaining
            else:
                updated.pop(key, None)
        for key in after - before:
            ids = list(updated.get(key, []))
            if record_id not in ids:
                bisect.insort(ids, record_id)
            updated[key] = ids
    return updated


class LiveData:
    """The current snapshot of the portal's data and the one door through which it changes.

    Args:
        data: the snapshot to start from.
        clock: UNIX time for DATE_MODIFY, TIMESTAMP_X … (tests may pass a fixed clock).
    """

    def __init__(self, data: PortalData, clock: Callable[[], float] = time.time) -> None:
        self._current = data
        self._lock = threading.Lock()
        self.clock = clock
        # A database never hands out an ID twice, even the ID of a deleted last row.
        self._next_ids = {
            table: (data.tables[table].ids[-1] if data.tables[table].ids else 0) + 1
            for table in TABLE_ATTRS
            if table != "user"
        }
        self._next_multifield_id: int | None = None
        self._recycle_bin: list[RecycledRecord] = []

    @property
    def current(self) -> PortalData:
        """The latest snapshot (a reader keeps the one it took until it is done)."""
        return self._current

    def now_text(self) -> str:
        """Now as the portal writes DATE_MODIFY: ISO 8601 with the Kyiv offset."""
        return kyiv_iso(int(self.clock()))

    def write(self, apply: Callable[[Change], T]) -> T:
        """Run ``apply`` on a fresh :class:`Change` and publish the result atomically.

        If ``apply`` raises, nothing is published (a refused write changes nothing).
        """
        with self._lock:
            change = Change(self._current, self)
            result = apply(change)
            self._current = change.commit()
            self._recycle_bin.extend(change.recycled)
            return result

    # The methods below are called from inside write(), under the lock.
    def allocate_id(self, table: str) -> int:
        """A new record ID above every ID the table has ever had."""
        value = self._next_ids[table]
        self._next_ids[table] = value + 1
        return value

    def allocate_multifield_id(self) -> int:
        """A new PHONE/EMAIL/WEB/IM entry ID (one sequence for all CRM records)."""
        if self._next_multifield_id is None:
            highest = 0
            for table in _MULTI_FIELD_TABLES:
                for row in self._current.tables[table].rows.values():
                    for field in ("PHONE", "EMAIL", "WEB", "IM", "LINK"):
                        for item in row.get(field) or []:
                            highest = max(highest, int(item.get("ID") or 0))
            self._next_multifield_id = highest + 1
        value = self._next_multifield_id
        self._next_multifield_id = value + 1
        return value

    def recycle_bin(self) -> list[RecycledRecord]:
        """Deleted records, oldest deletion first."""
        with self._lock:
            return list(self._recycle_bin)
