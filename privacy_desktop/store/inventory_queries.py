"""Reading the inventory: scan history, counts, drill-down pages of records, revealed values.

Drill-down pages are read in record-ID order from the (portal, entity, field, kind,
record_id) index. A view scrolls forwards, asking for offset 0, then 200, then 400 …: the
last ID of each page is remembered, so the next page starts there (keyset paging) and costs
the same at row 900,000 as at row 0; any other offset falls back to an index-only OFFSET.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from privacy_desktop.domain.inventory import RecordRow, ScanInfo
from privacy_desktop.domain.personal_data import (
    Entity,
    FieldClassification,
    FoundValue,
    PiiKind,
)
from privacy_desktop.store.database import Database
from privacy_desktop.store.repositories import field_classification, scan_info
from privacy_desktop.store.tables import (
    FoundValueTable,
    RecordTable,
    ScanCountTable,
    ScanFieldTable,
    ScanTable,
    ScanTotalTable,
)

#: Remembered page ends (keyset positions), least recently used dropped first.
_KEYSET_MEMORY = 64


@dataclass(frozen=True)
class CountRow:
    """Records holding ``kind`` in ``field`` of ``entity`` in one scan."""

    entity: Entity
    field: str
    kind: PiiKind
    records: int


@dataclass(frozen=True)
class ScanTotals:
    """A scan's totals: records per entity, and records holding each kind and category."""

    entities: dict[str, int]
    kinds: dict[str, int]
    categories: dict[str, int]


class InventoryRepository:
    """Read-only queries over the inventory.

    Args:
        database: the open store.
    """

    def __init__(self, database: Database) -> None:
        self._db = database
        self._lock = threading.Lock()
        self._keysets: OrderedDict[tuple[object, ...], int] = OrderedDict()

    def scans(self, portal: str) -> list[ScanInfo]:
        """Every scan of ``portal``, newest first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(ScanTable).where(ScanTable.portal == portal).order_by(ScanTable.id.desc())
            ).all()
            return [scan_info(row) for row in rows]

    def scan(self, portal: str, scan_id: int) -> ScanInfo | None:
        with self._db.session() as session:
            row = session.get(ScanTable, scan_id)
            return None if row is None or row.portal != portal else scan_info(row)

    def counts(self, scan_id: int) -> list[CountRow]:
        with self._db.session() as session:
            rows = session.scalars(
                select(ScanCountTable)
                .where(ScanCountTable.scan_id == scan_id)
                .order_by(ScanCountTable.entity, ScanCountTable.field, ScanCountTable.kind)
            ).all()
            return [
                CountRow(Entity(row.entity), row.field, PiiKind(row.kind), row.records)
                for row in rows
            ]

    def totals(self, scan_id: int) -> ScanTotals:
        with self._db.session() as session:
            rows = session.scalars(
                select(ScanTotalTable).where(ScanTotalTable.scan_id == scan_id)
            ).all()
            parts: dict[str, dict[str, int]] = {"entity": {}, "kind": {}, "category": {}}
            for row in rows:
                parts.setdefault(row.dimension, {})[row.key] = row.records
            return ScanTotals(parts["entity"], parts["kind"], parts["category"])

    def fields(self, scan_id: int) -> list[FieldClassification]:
        """Every field classified as personal data in the scan."""
        with self._db.session() as session:
            rows = session.scalars(
                select(ScanFieldTable)
                .where(ScanFieldTable.scan_id == scan_id)
                .order_by(ScanFieldTable.entity, ScanFieldTable.field)
            ).all()
            return [field_classification(row) for row in rows]

    def record_count(self, portal: str, entity: Entity, field: str, kind: PiiKind) -> int:
        """Records currently holding ``kind`` in ``field`` of ``entity``."""
        fv = FoundValueTable
        with self._db.session() as session:
            return int(
                session.scalar(
                    select(func.count(func.distinct(fv.record_id))).where(
                        fv.portal == portal,
                        fv.entity == entity.value,
                        fv.field == field,
                        fv.kind == kind.value,
                    )
                )
                or 0
            )

    def records(
        self,
        portal: str,
        entity: Entity,
        field: str,
        kind: PiiKind,
        offset: int,
        limit: int,
    ) -> list[RecordRow]:
        """Records holding ``kind`` in ``field``, ordered by record ID, from ``offset``."""
        if limit <= 0 or offset < 0:
            return []
        fv = FoundValueTable
        where = and_(
            fv.portal == portal,
            fv.entity == entity.value,
            fv.field == field,
            fv.kind == kind.value,
        )
        ids_query: Select[int] = (
            select(fv.record_id).where(where).group_by(fv.record_id).order_by(fv.record_id)
        )
        with self._db.session() as session:
            # Remembered positions hold only while the records do not change.
            base = (*self._version(session), portal, entity.value, field, kind.value)
            with self._lock:
                after = self._keysets.get((*base, offset)) if offset else None
            if after is not None:
                ids_query = ids_query.where(fv.record_id > after).limit(limit)
            else:
                ids_query = ids_query.limit(limit).offset(offset)
            ids = list(session.scalars(ids_query))
            if not ids:
                return []
            values = session.execute(
                select(fv.record_id, fv.value, fv.display)
                .where(where, fv.record_id.in_(ids))
                .order_by(fv.record_id, fv.id)
            ).all()
            titles: dict[int, str] = {
                number: title
                for number, title in session.execute(
                    select(RecordTable.record_id, RecordTable.title).where(
                        RecordTable.portal == portal,
                        RecordTable.entity == entity.value,
                        RecordTable.record_id.in_(ids),
                    )
                )
            }
        found: dict[int, list[FoundValue]] = {number: [] for number in ids}
        for record_id, value, display in values:
            found[record_id].append(FoundValue(field, kind, value, display))
        with self._lock:
            self._keysets[(*base, offset + len(ids))] = ids[-1]
            while len(self._keysets) > _KEYSET_MEMORY:
                self._keysets.popitem(last=False)
        return [
            RecordRow(entity, number, titles.get(number, ""), tuple(found[number]))
            for number in ids
        ]

    @staticmethod
    def _version(session: Session) -> tuple[int, str, int]:
        """Changes whenever records are added (new row IDs) or deleted (only at a scan's
        end, which changes the latest scan's status)."""
        latest = session.execute(
            select(ScanTable.id, ScanTable.status).order_by(ScanTable.id.desc()).limit(1)
        ).first()
        top = session.scalar(select(func.max(RecordTable.id))) or 0
        return (latest.id, latest.status, int(top)) if latest else (0, "", int(top))

    def values_of(self, portal: str, entity: Entity, record_id: int, field: str) -> list[str]:
        """The values of ``field`` in one record, as the portal holds them."""
        fv = FoundValueTable
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(fv.display)
                    .where(
                        fv.portal == portal,
                        fv.entity == entity.value,
                        fv.record_id == record_id,
                        fv.field == field,
                    )
                    .order_by(fv.id)
                )
            )

    def has_records(self, portal: str, entities: Sequence[Entity] = ()) -> bool:
        with self._db.session() as session:
            query = select(RecordTable.id).where(RecordTable.portal == portal)
            if entities:
                query = query.where(RecordTable.entity.in_([e.value for e in entities]))
            return session.scalar(query.limit(1)) is not None
