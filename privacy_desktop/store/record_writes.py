"""Writing a scan's records: pages of records and their values, covered ID ranges, deletions.

A page of records, its found values and the ID ranges it completes are committed together,
so after a crash the store holds whole pages and knows exactly which ID ranges they cover.
Upserts are keyed by (portal, entity, record ID): reading a page twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from privacy_desktop.domain.inventory import ScannedRecord
from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.store.database import Database
from privacy_desktop.store.tables import (
    CoverageTable,
    FoundValueTable,
    RecordTable,
    ScanEntityTable,
    ScanTable,
)

# The hot path of a scan: every record of the portal passes here, on the scan's writer thread
# while the scanning thread classifies. SQLite runs each step of a statement with the
# interpreter lock released, and taking it back waits for the busy scanning thread (up to
# its switch interval), so a page costs a handful of statements of many rows each — never a
# statement per value (executemany), nor a row returned per record (RETURNING). Plain driver
# SQL with positional rows, as SQLAlchemy's per-row parameter processing would cost more
# than SQLite itself.
_UPSERT_SQL = (
    "INSERT INTO records (portal, entity, record_id, modified_at, title, seen_scan) "
    "VALUES {rows} ON CONFLICT (portal, entity, record_id) DO UPDATE SET "
    "modified_at = excluded.modified_at, title = excluded.title, seen_scan = excluded.seen_scan"
)
_UPSERT_ROW = "(?, ?, ?, ?, ?, ?)"
_DELETE_VALUES_SQL = (
    "DELETE FROM found_values WHERE record_key IN (SELECT id FROM records "
    "WHERE portal = ? AND entity = ? AND record_id IN ({ids}))"
)
# The new values name their record by its portal ID; its key is looked up in the same
# statement. CROSS JOIN keeps the listed values as the outer loop (one index look-up each,
# values inserted in the order given).
_INSERT_VALUES_SQL = (
    "INSERT INTO found_values (record_key, portal, entity, record_id, field, kind, value, "
    "display) SELECT r.id, r.portal, r.entity, r.record_id, v.column2, v.column3, v.column4, "
    "v.column5 FROM (VALUES {rows}) AS v CROSS JOIN records AS r "
    "ON r.portal = ? AND r.entity = ? AND r.record_id = v.column1"
)
_VALUE_ROW = "(?, ?, ?, ?, ?)"
_TOUCHING_SQL = (
    "SELECT id, lo, hi FROM scan_coverage WHERE scan_id = ? AND entity = ? AND phase = ? "
    "AND lo <= ? AND hi >= ?"
)
_COVER_SQL = "INSERT INTO scan_coverage (scan_id, entity, phase, lo, hi) VALUES (?, ?, ?, ?, ?)"
_SEARCH_INDEX = next(
    index
    for index in cast(Table, FoundValueTable.__table__).indexes
    if [column.name for column in index.columns] == ["portal", "kind", "value"]
)
#: IDs per ``IN (…)`` list: well under SQLite's limit on bound parameters.
_CHUNK = 500
#: Bound parameters per statement at most: SQLite's limit since 3.32 (SQLCipher 4.4.1) is
#: 32,766; older libraries allow 999 (see :func:`_parameter_limit`).
_MAX_PARAMETERS = 32_000
_OLD_MAX_PARAMETERS = 999


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _parameter_limit(session: Session) -> int:
    """Bound parameters one statement may take with this SQLite library."""
    version = str(session.connection().exec_driver_sql("SELECT sqlite_version()").scalar())
    numbers = tuple(int(part) for part in version.split(".")[:2] if part.isdigit())
    return _MAX_PARAMETERS if numbers >= (3, 32) else _OLD_MAX_PARAMETERS


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` joined where they overlap or touch, in order; empty ones dropped."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(item for item in ranges if item[0] < item[1]):
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


class RecordWriter:
    """The records a scan stores, and the ID ranges it has completed.

    Args:
        database: the open store.
    """

    def __init__(self, database: Database) -> None:
        self._db = database
        self._parameters = 0  # bound parameters per statement, asked of SQLite once

    def store_page(
        self,
        portal: str,
        scan_id: int,
        entity: Entity,
        records: Sequence[ScannedRecord],
        *,
        phase: str,
        covered: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Upsert a page of records with their values, and mark ID ranges as covered."""
        self.store_pages(portal, scan_id, entity, [(records, covered)], phase=phase)

    def store_pages(
        self,
        portal: str,
        scan_id: int,
        entity: Entity,
        pages: Sequence[tuple[Sequence[ScannedRecord], Sequence[tuple[int, int]]]],
        *,
        phase: str,
    ) -> None:
        """Several pages (records, covered ranges) in one transaction: a writer that fell
        behind catches up with fewer commits, and each page still lands whole.

        A record in several of the pages is stored as the last one has it.
        """
        records = [record for page, _ in pages for record in page]
        ranges = merge_ranges(item for _, covered in pages for item in covered)
        with self._db.session() as session:
            if records:
                self._upsert(session, portal, scan_id, entity, records)
            for lo, hi in ranges:
                self._cover(session, scan_id, entity, phase, lo, hi)

    def _upsert(
        self,
        session: Session,
        portal: str,
        scan_id: int,
        entity: Entity,
        records: Sequence[ScannedRecord],
    ) -> None:
        if self._parameters == 0:
            self._parameters = _parameter_limit(session)
        limit = self._parameters
        unique = {record.record_id: record for record in records}  # the last one wins
        connection = session.connection()
        name = entity.value
        rows: list[Any] = []
        for record in unique.values():
            rows += (portal, name, record.record_id, record.modified_at, record.title, scan_id)
        for chunk in _chunks(rows, limit // 6 * 6):
            connection.exec_driver_sql(
                _UPSERT_SQL.format(rows=", ".join([_UPSERT_ROW] * (len(chunk) // 6))),
                tuple(chunk),
            )
        numbers = list(unique)
        for chunk in _chunks(numbers, limit - 2):
            connection.exec_driver_sql(
                _DELETE_VALUES_SQL.format(ids=", ".join(["?"] * len(chunk))),
                (portal, name, *chunk),
            )
        # A kind is a StrEnum, itself the text stored: no per-value attribute look-ups.
        values: list[Any] = []
        for number, record in unique.items():
            for found in record.values:
                values += (number, found.field, found.kind, found.value, found.display)
        for chunk in _chunks(values, (limit - 2) // 5 * 5):
            connection.exec_driver_sql(
                _INSERT_VALUES_SQL.format(rows=", ".join([_VALUE_ROW] * (len(chunk) // 5))),
                (*chunk, portal, name),
            )

    def mark_seen(
        self,
        portal: str,
        scan_id: int,
        entity: Entity,
        record_ids: Sequence[int],
        *,
        phase: str,
        covered: Sequence[tuple[int, int]] = (),
    ) -> list[int]:
        """Mark stored records as seen by this scan; the IDs that are not stored.

        The ``covered`` ranges are recorded only when every ID is stored: otherwise the
        caller first fetches the missing records and stores them with the ranges.
        """
        missing: list[int] = []
        with self._db.session() as session:
            for chunk in _chunks(sorted(set(record_ids))):
                condition = (
                    (RecordTable.portal == portal)
                    & (RecordTable.entity == entity.value)
                    & RecordTable.record_id.in_(chunk)
                )
                stored = set(session.scalars(select(RecordTable.record_id).where(condition)))
                missing += [number for number in chunk if number not in stored]
                session.execute(update(RecordTable).where(condition).values(seen_scan=scan_id))
            for lo, hi in covered if not missing else ():
                self._cover(session, scan_id, entity, phase, lo, hi)
        return missing

    def cover(self, scan_id: int, entity: Entity, phase: str, lo: int, hi: int) -> None:
        """Mark ``lo <= id < hi`` as covered (a range that held no rows)."""
        with self._db.session() as session:
            self._cover(session, scan_id, entity, phase, lo, hi)

    def _cover(
        self, session: Session, scan_id: int, entity: Entity, phase: str, lo: int, hi: int
    ) -> None:
        """Add a covered range, merged with the ranges it overlaps or touches."""
        if hi <= lo:
            return
        # Plain driver SQL: this runs for every page of a scan.
        connection = session.connection()
        touching = connection.exec_driver_sql(
            _TOUCHING_SQL, (scan_id, entity.value, phase, hi, lo)
        ).all()
        if touching:
            lo = min(lo, *(row[1] for row in touching))
            hi = max(hi, *(row[2] for row in touching))
            marks = ", ".join(["?"] * len(touching))
            connection.exec_driver_sql(
                f"DELETE FROM scan_coverage WHERE id IN ({marks})",
                tuple(row[0] for row in touching),
            )
        connection.exec_driver_sql(_COVER_SQL, (scan_id, entity.value, phase, lo, hi))

    def coverage(self, scan_id: int, entity: Entity, phase: str) -> list[tuple[int, int]]:
        """The covered ranges of a phase, in order, merged."""
        with self._db.session() as session:
            rows = session.execute(
                select(CoverageTable.lo, CoverageTable.hi)
                .where(
                    CoverageTable.scan_id == scan_id,
                    CoverageTable.entity == entity.value,
                    CoverageTable.phase == phase,
                )
                .order_by(CoverageTable.lo)
            ).all()
            return [(row.lo, row.hi) for row in rows]

    def stored_between(self, portal: str, entity: Entity, lo: int, hi: int) -> int:
        """Records stored with ``lo <= ID < hi``."""
        with self._db.session() as session:
            return int(
                session.scalar(
                    select(func.count()).where(
                        RecordTable.portal == portal,
                        RecordTable.entity == entity.value,
                        RecordTable.record_id >= lo,
                        RecordTable.record_id < hi,
                    )
                )
                or 0
            )

    def seen_count(self, portal: str, scan_id: int, entity: Entity) -> int:
        """Records of ``entity`` this scan has stored or seen so far."""
        with self._db.session() as session:
            return int(
                session.scalar(
                    select(func.count()).where(
                        RecordTable.portal == portal,
                        RecordTable.entity == entity.value,
                        RecordTable.seen_scan == scan_id,
                    )
                )
                or 0
            )

    def delete_unseen(
        self, portal: str, scan_id: int, entity: Entity, *, final_phase: str = "done"
    ) -> int:
        """Delete the records of ``entity`` this scan did not see (deleted in the portal),
        and put the entity in ``final_phase`` with its record count; the number deleted."""
        with self._db.session() as session:
            result = session.execute(
                delete(RecordTable).where(
                    RecordTable.portal == portal,
                    RecordTable.entity == entity.value,
                    RecordTable.seen_scan != scan_id,
                )
            )
            remaining = session.scalar(
                select(func.count()).where(
                    RecordTable.portal == portal, RecordTable.entity == entity.value
                )
            )
            session.execute(
                update(ScanEntityTable)
                .where(ScanEntityTable.scan_id == scan_id, ScanEntityTable.entity == entity.value)
                .values(phase=final_phase, records=int(remaining or 0))
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def suspend_search_index(self) -> None:
        """Drop the person-search index (portal, kind, value) for a bulk load.

        Every found value lands at a random place of that index, so a large scan that keeps
        it up to date writes (and encrypts) about one index page per value; building it
        afterwards from sorted values costs a fraction of that. Until
        :meth:`restore_search_index`, searches by value still work, only slower.
        """
        with self._db.session() as session:
            _SEARCH_INDEX.drop(session.connection(), checkfirst=True)

    def restore_search_index(self) -> None:
        """Build the person-search index if it is missing (after a bulk load)."""
        with self._db.session() as session:
            _SEARCH_INDEX.create(session.connection(), checkfirst=True)

    def forget_portal(self, portal: str) -> None:
        """Delete everything stored about ``portal`` (its records and scan history)."""
        with self._db.session() as session:
            session.execute(delete(RecordTable).where(RecordTable.portal == portal))
            session.execute(delete(ScanTable).where(ScanTable.portal == portal))
