"""Results of the personal-data inventory: scans, counts, drill-down rows and diffs.

Frozen dataclasses handed from the store (through the services) to the GUI and the CLI; the
store never hands its ORM rows upwards (STYLE.md rule 9).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from privacy_desktop.domain.personal_data import (
    Category,
    Entity,
    FieldClassification,
    FoundValue,
    PiiKind,
)


class ScanKind(StrEnum):
    """Whether a scan read every record or only what changed since the previous scan."""

    FULL = "full"
    INCREMENTAL = "incremental"


class ScanStatus(StrEnum):
    """Where a scan stands; a RUNNING scan found at start-up was interrupted and resumes."""

    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    FAILED = "failed"


@dataclass(frozen=True)
class ScanInfo:
    """One scan of one portal.

    Attributes:
        id: the scan's number in the store.
        portal: the portal's name.
        kind: full or incremental.
        status: where it stands.
        started_at: when it started (UTC, timezone-aware).
        finished_at: when it ended, or None while running / if interrupted.
        records: records of the portal known after the scan (all entities).
    """

    id: int
    portal: str
    kind: ScanKind
    status: ScanStatus
    started_at: datetime
    finished_at: datetime | None
    records: int


@dataclass(frozen=True)
class KindCount:
    """How many records hold one kind of personal datum in one field of one entity.

    Attributes:
        category: the section-1 category of the privacy terms.
        entity: the entity.
        field: the API field name.
        kind: the kind of datum.
        label: the portal's own label of the field (may be empty).
        records: records holding at least one value of ``kind`` in ``field``.
    """

    category: Category
    entity: Entity
    field: str
    kind: PiiKind
    label: str
    records: int


@dataclass(frozen=True)
class InventorySummary:
    """What a portal holds, as of its latest completed scan.

    Attributes:
        portal: the portal's name.
        last_scan: the latest completed scan, or None if it was never scanned.
        entity_records: records of each entity.
        by_category: records holding at least one datum of each category.
        by_kind: records holding at least one datum of each kind.
        fields: counts per (category, entity, field, kind), ordered by those keys.
    """

    portal: str
    last_scan: ScanInfo | None
    entity_records: dict[Entity, int]
    by_category: dict[Category, int]
    by_kind: dict[PiiKind, int]
    fields: tuple[KindCount, ...]


@dataclass(frozen=True)
class CountChange:
    """A count that differs between two scans (``before`` 0 = new, ``after`` 0 = gone).

    Attributes:
        entity: the entity.
        field: the API field name.
        kind: the kind of datum.
        before: records holding it in the older scan.
        after: records holding it in the newer scan.
    """

    entity: Entity
    field: str
    kind: PiiKind
    before: int
    after: int


@dataclass(frozen=True)
class ScanDiff:
    """What changed between two scans of a portal.

    Attributes:
        older: the earlier scan.
        newer: the later scan.
        new_kinds: (entity, kind) pairs held in the newer scan but not in the older one.
        new_pii_fields: fields classified as personal data in the newer scan only.
        count_changes: every (entity, field, kind) whose count differs.
    """

    older: ScanInfo
    newer: ScanInfo
    new_kinds: tuple[tuple[Entity, PiiKind], ...]
    new_pii_fields: tuple[FieldClassification, ...]
    count_changes: tuple[CountChange, ...]


@dataclass(frozen=True)
class RecordRow:
    """One record of a drill-down: which record holds the data and the values it holds.

    Attributes:
        entity: the entity.
        record_id: the record's ID in the portal.
        title: the record's display name (e.g. a contact's full name); personal data too,
            so the GUI masks it.
        values: the personal data of the drilled-down field and kind in this record.
    """

    entity: Entity
    record_id: int
    title: str
    values: tuple[FoundValue, ...]


@dataclass(frozen=True)
class ScannedRecord:
    """One record as a scan stores it: what identifies it and the personal data it holds.

    Attributes:
        record_id: the record's ID in the portal.
        modified_at: the portal's modification date as sent (None if it has none).
        title: the display name (personal data too).
        values: every personal datum found in it.
    """

    record_id: int
    modified_at: str | None
    title: str
    values: tuple[FoundValue, ...]


@dataclass(frozen=True)
class EntityScanState:
    """Where one entity of a scan stands (persisted, so an interrupted scan resumes).

    Attributes:
        entity: the entity.
        phase: the scanning service's phase name (``pending``, ``records``, ``done``, …).
        total: records the portal reported for it, if known.
        records: records of it after the scan (set when it is done).
        skipped_code: the portal's error code when it was skipped (scope refused).
    """

    entity: Entity
    phase: str
    total: int | None
    records: int
    skipped_code: str


@dataclass(frozen=True)
class ScanState:
    """A scan with what the scanning service needs to resume it.

    Attributes:
        info: the scan.
        portal_started: the portal's clock when it started (its own date format).
        since: incremental scans list what changed after this portal time.
        resumes: how often it was resumed.
        entities: each entity's state, in scanning order.
    """

    info: ScanInfo
    portal_started: str | None
    since: str | None
    resumes: int
    entities: tuple[EntityScanState, ...]
