"""The first inventory schema: scans, their resume state and counts, records and found values.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _scan_child(name: str, *columns: sa.Column[object], primary: tuple[str, ...]) -> None:
    op.create_table(
        name,
        sa.Column("scan_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scans.id"], name=f"fk_{name}_scan_id_scans", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint(*primary, name=f"pk_{name}"),
    )


def upgrade() -> None:
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("portal", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=True),
        sa.Column("portal_started", sa.String(40), nullable=True),
        sa.Column("since", sa.String(40), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("resumes", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scans"),
    )
    op.create_index("ix_scans_portal_id", "scans", ["portal", "id"])
    _scan_child(
        "scan_entities",
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("skipped_code", sa.String(64), nullable=False),
        primary=("scan_id", "entity"),
    )
    op.create_table(
        "scan_coverage",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("lo", sa.Integer(), nullable=False),
        sa.Column("hi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scans.id"], name="fk_scan_coverage_scan_id_scans", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_scan_coverage"),
    )
    op.create_index(
        "ix_scan_coverage_scan_id_entity_phase_lo",
        "scan_coverage",
        ["scan_id", "entity", "phase", "lo"],
    )
    _scan_child(
        "scan_fields",
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("field", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("category", sa.String(8), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        primary=("scan_id", "entity", "field", "kind"),
    )
    _scan_child(
        "scan_counts",
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("field", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        primary=("scan_id", "entity", "field", "kind"),
    )
    _scan_child(
        "scan_totals",
        sa.Column("dimension", sa.String(16), nullable=False),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        primary=("scan_id", "dimension", "key"),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("portal", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("modified_at", sa.String(40), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("seen_scan", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_records"),
        sa.UniqueConstraint(
            "portal", "entity", "record_id", name="uq_records_portal_entity_record_id"
        ),
    )
    op.create_table(
        "found_values",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_key", sa.Integer(), nullable=False),
        sa.Column("portal", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("display", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_key"],
            ["records.id"],
            name="fk_found_values_record_key_records",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_found_values"),
    )
    op.create_index("ix_found_values_record_key", "found_values", ["record_key"])
    op.create_index(
        "ix_found_values_portal_kind_value", "found_values", ["portal", "kind", "value"]
    )
    op.create_index(
        "ix_found_values_portal_entity_field_kind_record_id",
        "found_values",
        ["portal", "entity", "field", "kind", "record_id"],
    )


def downgrade() -> None:
    for table in (
        "found_values",
        "records",
        "scan_totals",
        "scan_counts",
        "scan_fields",
        "scan_coverage",
        "scan_entities",
        "scans",
    ):
        op.drop_table(table)
