"""The store's tables as SQLAlchemy 2 typed mapped classes (private to ``store/``).

Repositories turn rows into domain dataclasses; nothing above ``store/`` sees these classes.
The schema is created and changed only by the Alembic scripts in ``migrations/``; a test
checks that the scripts and these classes describe the same schema.

* ``scans`` — one row per scan; ``scan_entities`` its per-entity phase (the resume state),
  ``scan_coverage`` the ID ranges already stored per phase, ``scan_fields`` the field
  classification it used, ``scan_counts``/``scan_totals`` the counts it ended with (history
  and diffs).
* ``records`` — the portal's records as of the latest scan (title and modification date);
  ``found_values`` — every personal datum found in them, normalised, indexed for counting
  and drill-down (portal, entity, field, kind, record) and for person search (portal, kind,
  value).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

#: Constraint names are fixed so that migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant, stored as ISO 8601 text (sortable, unambiguous)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        del dialect
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        del dialect
        if value is None:
            return None
        return datetime.fromisoformat(str(value)).astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ScanTable(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    #: The portal's clock when the scan started (as the portal writes dates): the next
    #: incremental scan lists what changed after it, minus a safety margin.
    portal_started: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: Incremental scans: list what changed after this portal time.
    since: Mapped[str | None] = mapped_column(String(40), nullable=True)
    records: Mapped[int] = mapped_column(Integer, default=0)
    #: How often the scan was resumed after an interruption.
    resumes: Mapped[int] = mapped_column(Integer, default=0)
    #: Why it failed (the English message and the error's detail; never personal data).
    error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "portal", "id"),)


class ScanEntityTable(Base):
    """Where one entity of one scan stands (the resume state)."""

    __tablename__ = "scan_entities"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: pending → records (full) or changes → ids (incremental) → done; or skipped.
    phase: Mapped[str] = mapped_column(String(16))
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    records: Mapped[int] = mapped_column(Integer, default=0)
    #: The portal's error code when the entity was skipped (a scope the portal refused).
    skipped_code: Mapped[str] = mapped_column(String(64), default="")


class CoverageTable(Base):
    """An ID range ``lo <= id < hi`` of one phase whose rows are all stored."""

    __tablename__ = "scan_coverage"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(32))
    phase: Mapped[str] = mapped_column(String(16))
    lo: Mapped[int] = mapped_column(Integer)
    hi: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index(None, "scan_id", "entity", "phase", "lo"),)


class ScanFieldTable(Base):
    """A (field, kind) classified as personal data in one scan."""

    __tablename__ = "scan_fields"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(128), primary_key=True)
    #: A free-text field is searched for several kinds: one row per (field, kind).
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    category: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class ScanCountTable(Base):
    """Records holding ``kind`` in ``field`` of ``entity`` at the end of a scan."""

    __tablename__ = "scan_counts"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    records: Mapped[int] = mapped_column(Integer)


class ScanTotalTable(Base):
    """Records per entity, and records holding any datum of a kind or category."""

    __tablename__ = "scan_totals"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    #: "entity", "kind" or "category".
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    records: Mapped[int] = mapped_column(Integer)


class RecordTable(Base):
    """A record of a portal as of the latest scan that saw it."""

    __tablename__ = "records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Integer)
    #: The portal's modification date as it sent it (DATE_MODIFY, TIMESTAMP_X, …).
    modified_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: The display name (personal data: the file is encrypted, the GUI masks it).
    title: Mapped[str] = mapped_column(Text, default="")
    #: The latest scan that listed it: a full scan deletes the records it did not see.
    seen_scan: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("portal", "entity", "record_id"),)


class FoundValueTable(Base):
    """One personal datum of one record."""

    __tablename__ = "found_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_key: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    portal: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    display: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index(None, "record_key"),
        Index(None, "portal", "kind", "value"),
        Index(None, "portal", "entity", "field", "kind", "record_id"),
    )
