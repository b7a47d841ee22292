"""A completed scan's counts: per (entity, field, kind), per entity, per kind, per category.

Counted from the stored records (not from what the scan read), so that they describe the
inventory as it ends up, whatever was resumed or re-read on the way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.orm import Session

from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.store.tables import (
    FoundValueTable,
    RecordTable,
    ScanCountTable,
    ScanFieldTable,
    ScanTotalTable,
)


@dataclass(frozen=True)
class ScanCounts:
    """A completed scan's counts (see :meth:`ScanRepository.count`)."""

    #: (entity, field, kind, records holding it).
    fields: tuple[tuple[str, str, str, int], ...]
    #: (dimension — "entity", "kind" or "category" —, key, records).
    totals: tuple[tuple[str, str, int], ...]
    #: Records stored for the portal.
    records: int

    @staticmethod
    def merge(parts: Iterable[ScanCounts]) -> ScanCounts:
        """The counts of several disjoint sets of entities, together."""
        fields: list[tuple[str, str, str, int]] = []
        totals: dict[tuple[str, str], int] = {}
        records = 0
        for part in parts:
            fields += part.fields
            for dimension, key, number in part.totals:
                totals[dimension, key] = totals.get((dimension, key), 0) + number
            records += part.records
        return ScanCounts(
            fields=tuple(fields),
            totals=tuple((dimension, key, n) for (dimension, key), n in totals.items()),
            records=records,
        )


def count_records(
    session: Session,
    portal: str,
    scan_id: int,
    entity: Entity | None = None,
    excluding: Collection[Entity] = (),
) -> ScanCounts:
    """Count the stored records: per (entity, field, kind), per entity, and records
    holding any datum of each kind and each category."""
    fv, rt = FoundValueTable, RecordTable
    values_of: list[ColumnElement[bool]] = [fv.portal == portal]
    records_of: list[ColumnElement[bool]] = [rt.portal == portal]
    if entity is not None:
        values_of.append(fv.entity == entity.value)
        records_of.append(rt.entity == entity.value)
    if excluding:
        values_of.append(fv.entity.not_in([item.value for item in excluding]))
        records_of.append(rt.entity.not_in([item.value for item in excluding]))
    fields = session.execute(
        select(fv.entity, fv.field, fv.kind, func.count(func.distinct(fv.record_id)))
        .where(*values_of)
        .group_by(fv.entity, fv.field, fv.kind)
    ).all()
    per_entity = session.execute(
        select(rt.entity, func.count()).where(*records_of).group_by(rt.entity)
    ).all()
    # Records are told apart by (entity, record ID), which the counting index holds, rather
    # than by record_key, which would read every found value from the table itself.
    records_kinds = (
        select(fv.kind, fv.entity, fv.record_id).where(*values_of).distinct()
    ).subquery()
    per_kind = session.execute(
        select(records_kinds.c.kind, func.count()).group_by(records_kinds.c.kind)
    ).all()
    sf = ScanFieldTable
    records_categories = (
        select(sf.category, fv.entity, fv.record_id)
        .join(
            sf,
            (sf.scan_id == scan_id)
            & (sf.entity == fv.entity)
            & (sf.field == fv.field)
            & (sf.kind == fv.kind),
        )
        .where(*values_of)
        .distinct()
    ).subquery()
    per_category = session.execute(
        select(records_categories.c.category, func.count()).group_by(records_categories.c.category)
    ).all()
    return ScanCounts(
        fields=tuple((e, f, k, n) for e, f, k, n in fields),
        totals=(
            *(("entity", e, n) for e, n in per_entity),
            *(("kind", k, n) for k, n in per_kind),
            *(("category", c, n) for c, n in per_category),
        ),
        records=sum(n for _, n in per_entity),
    )


def save_counts(session: Session, scan_id: int, counts: ScanCounts) -> None:
    for table in (ScanCountTable, ScanTotalTable):
        session.execute(delete(table).where(table.scan_id == scan_id))
    if counts.fields:
        session.execute(
            insert(ScanCountTable),
            [
                {"scan_id": scan_id, "entity": e, "field": f, "kind": k, "records": n}
                for e, f, k, n in counts.fields
            ],
        )
    if counts.totals:
        session.execute(
            insert(ScanTotalTable),
            [
                {"scan_id": scan_id, "dimension": d, "key": key, "records": n}
                for d, key, n in counts.totals
            ],
        )
