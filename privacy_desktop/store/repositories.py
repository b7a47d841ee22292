"""Writing scans into the store: scan rows, resume state, pages of records, counts.

Every method is one unit of work (one session, one transaction). A page of records, its
found values and the ID ranges it completes are committed together, so after a crash the
store holds whole pages and knows exactly which ID ranges they cover. Upserts are keyed by
(portal, entity, record ID): reading a page twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from privacy_desktop.domain.inventory import (
    EntityScanState,
    ScanInfo,
    ScanKind,
    ScanState,
    ScanStatus,
)
from privacy_desktop.domain.personal_data import (
    Category,
    ClassificationSource,
    Entity,
    FieldClassification,
    PiiKind,
)
from privacy_desktop.store.database import Database
from privacy_desktop.store.scan_counts import ScanCounts, count_records, save_counts
from privacy_desktop.store.tables import (
    CoverageTable,
    ScanEntityTable,
    ScanFieldTable,
    ScanTable,
)


def scan_info(row: ScanTable) -> ScanInfo:
    return ScanInfo(
        id=row.id,
        portal=row.portal,
        kind=ScanKind(row.kind),
        status=ScanStatus(row.status),
        started_at=row.started_at,
        finished_at=row.finished_at,
        records=row.records,
    )


def field_classification(row: ScanFieldTable) -> FieldClassification:
    return FieldClassification(
        entity=Entity(row.entity),
        field=row.field,
        kind=PiiKind(row.kind),
        category=Category(row.category),
        source=ClassificationSource(row.source),
        label=row.label,
        confidence=row.confidence,
    )


class ScanRepository:
    """Scans of portals and the records they store.

    Args:
        database: the open store.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    # ------------------------------------------------------------------ scans

    def start_scan(
        self,
        portal: str,
        kind: ScanKind,
        started_at: datetime,
        entities: Sequence[Entity],
        *,
        portal_started: str | None,
        since: str | None,
    ) -> ScanInfo:
        """Create a RUNNING scan with every entity pending."""
        with self._db.session() as session:
            row = ScanTable(
                portal=portal,
                kind=kind.value,
                status=ScanStatus.RUNNING.value,
                started_at=started_at,
                finished_at=None,
                portal_started=portal_started,
                since=since,
                records=0,
                resumes=0,
                error="",
            )
            session.add(row)
            session.flush()
            session.add_all(
                ScanEntityTable(
                    scan_id=row.id,
                    entity=entity.value,
                    phase="pending",
                    records=0,
                    skipped_code="",
                )
                for entity in entities
            )
            return scan_info(row)

    def unfinished(self, portal: str) -> ScanState | None:
        """The portal's latest scan unless it completed: one that was interrupted (still
        RUNNING: the program died), cancelled or failed can be resumed."""
        with self._db.session() as session:
            row = session.scalars(
                select(ScanTable).where(ScanTable.portal == portal).order_by(ScanTable.id.desc())
            ).first()
            if row is None or row.status == ScanStatus.COMPLETED.value:
                return None
            return self._state(session, row)

    def state(self, scan_id: int) -> ScanState:
        with self._db.session() as session:
            return self._state(session, session.get_one(ScanTable, scan_id))

    def latest_completed(self, portal: str) -> ScanState | None:
        with self._db.session() as session:
            row = session.scalars(
                select(ScanTable)
                .where(
                    ScanTable.portal == portal,
                    ScanTable.status == ScanStatus.COMPLETED.value,
                )
                .order_by(ScanTable.id.desc())
            ).first()
            return None if row is None else self._state(session, row)

    def _state(self, session: Session, row: ScanTable) -> ScanState:
        entities = session.scalars(
            select(ScanEntityTable).where(ScanEntityTable.scan_id == row.id)
        ).all()
        return ScanState(
            info=scan_info(row),
            portal_started=row.portal_started,
            since=row.since,
            resumes=row.resumes,
            entities=tuple(
                EntityScanState(
                    entity=Entity(item.entity),
                    phase=item.phase,
                    total=item.total,
                    records=item.records,
                    skipped_code=item.skipped_code,
                )
                for item in entities
            ),
        )

    def mark_resumed(self, scan_id: int) -> ScanState:
        """Make an unfinished scan RUNNING again; its state."""
        with self._db.session() as session:
            row = session.get_one(ScanTable, scan_id)
            row.resumes += 1
            row.status = ScanStatus.RUNNING.value
            row.finished_at = None
            row.error = ""
            session.flush()
            return self._state(session, row)

    def set_phase(
        self,
        scan_id: int,
        entity: Entity,
        phase: str,
        *,
        total: int | None = None,
        skipped_code: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"phase": phase}
        if total is not None:
            values["total"] = total
        if skipped_code is not None:
            values["skipped_code"] = skipped_code
        with self._db.session() as session:
            session.execute(
                update(ScanEntityTable)
                .where(ScanEntityTable.scan_id == scan_id, ScanEntityTable.entity == entity.value)
                .values(**values)
            )

    def finish(
        self,
        scan_id: int,
        status: ScanStatus,
        finished_at: datetime,
        error: str = "",
        *,
        counts: ScanCounts | None = None,
    ) -> ScanInfo:
        """End a scan; a COMPLETED one gets its counts (``counts`` if the caller has them
        from :meth:`count`, else counted now), a cancelled or failed one keeps its resume
        state."""
        with self._db.session() as session:
            row = session.get_one(ScanTable, scan_id)
            if status is ScanStatus.COMPLETED:
                if counts is None:
                    counts = count_records(session, row.portal, scan_id)
                save_counts(session, scan_id, counts)
                row.records = counts.records
                # The resume state has served; a cancelled or failed scan keeps it.
                session.execute(delete(CoverageTable).where(CoverageTable.scan_id == scan_id))
            row.status = status.value
            row.finished_at = finished_at
            row.error = error
            return scan_info(row)

    def count(
        self, scan_id: int, *, entity: Entity | None = None, excluding: Collection[Entity] = ()
    ) -> ScanCounts:
        """The scan's counts from the stored records — of one ``entity``, or of every entity
        but those ``excluding``. Records are told apart by (entity, record ID), so the counts
        of different entities add up (:meth:`ScanCounts.merge`).

        Only reads: it may run while another connection writes (stores the pages of another
        entity, builds an index).
        """
        with self._db.session() as session:
            portal = session.get_one(ScanTable, scan_id).portal
            return count_records(session, portal, scan_id, entity, excluding)

    # ------------------------------------------------------------------ fields

    def save_fields(
        self,
        scan_id: int,
        entity: Entity,
        fields: Sequence[FieldClassification],
        *,
        phase: str,
        total: int | None = None,
    ) -> None:
        """Replace the classification of ``entity``'s fields in this scan (one row per
        (field, kind); a repeated pair keeps the last) and move it to ``phase``."""
        with self._db.session() as session:
            session.execute(
                delete(ScanFieldTable).where(
                    ScanFieldTable.scan_id == scan_id, ScanFieldTable.entity == entity.value
                )
            )
            session.add_all(
                ScanFieldTable(
                    scan_id=scan_id,
                    entity=entity.value,
                    field=item.field,
                    kind=item.kind.value,
                    category=item.category.value,
                    source=item.source.value,
                    label=item.label,
                    confidence=item.confidence,
                )
                for item in {(item.field, item.kind): item for item in fields}.values()
            )
            # Classified and in its first listing phase, in one step: a scan interrupted
            # before this point classifies again; after it, it reuses these.
            values: dict[str, Any] = {"phase": phase}
            if total is not None:
                values["total"] = total
            session.execute(
                update(ScanEntityTable)
                .where(ScanEntityTable.scan_id == scan_id, ScanEntityTable.entity == entity.value)
                .values(**values)
            )

    def fields(self, scan_id: int, entity: Entity) -> list[FieldClassification] | None:
        """The fields classified for ``entity`` in this scan; None if not classified yet."""
        with self._db.session() as session:
            phase = session.scalar(
                select(ScanEntityTable.phase).where(
                    ScanEntityTable.scan_id == scan_id, ScanEntityTable.entity == entity.value
                )
            )
            rows = session.scalars(
                select(ScanFieldTable)
                .where(ScanFieldTable.scan_id == scan_id, ScanFieldTable.entity == entity.value)
                .order_by(ScanFieldTable.field)
            ).all()
            if phase in (None, "pending"):
                return None
            return [field_classification(row) for row in rows]
