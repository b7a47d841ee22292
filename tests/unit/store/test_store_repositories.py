"""Scans, pages, checkpoints, deletions, counts and drill-down on a real SQLCipher file."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from store_helpers import EMAIL, PHONE, PORTAL, TAX, contact, start_scan

from privacy_desktop.domain.inventory import ScanKind, ScannedRecord, ScanStatus
from privacy_desktop.domain.personal_data import Category, Entity, FoundValue, PiiKind
from privacy_desktop.store.database import STORE_FILE_NAME, Database, open_database
from privacy_desktop.store.inventory_queries import InventoryRepository
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / STORE_FILE_NAME, secrets.token_hex(32)) as opened:
        yield opened


def rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.session() as session:
        return [tuple(row) for row in session.execute(text(sql))]


def test_storing_a_page_twice_changes_nothing(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    page = [contact(n, phones=2) for n in range(1, 51)]

    writer.store_page(PORTAL, scan.id, Entity.CONTACT, page, phase="records")
    first = rows(database, "SELECT record_id, field, value FROM found_values ORDER BY 1, 2, 3")
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, page, phase="records")

    assert rows(database, "SELECT count(*) FROM records") == [(50,)]
    assert rows(database, "SELECT record_id, field, value FROM found_values ORDER BY 1, 2, 3") == (
        first
    )
    assert len(first) == 150


def test_a_record_read_again_replaces_its_values(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, [contact(7, phones=3)], phase="records")

    changed = ScannedRecord(7, "2026-02-01T10:00:00+02:00", "Інша назва", ())
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, [changed], phase="records")

    assert rows(database, "SELECT count(*) FROM found_values") == [(0,)]
    assert rows(database, "SELECT title, modified_at FROM records") == [
        ("Інша назва", "2026-02-01T10:00:00+02:00")
    ]


def test_covered_ranges_merge_whatever_order_they_arrive_in(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    for lo, hi in [(100, 150), (0, 50), (200, 250), (50, 100), (300, 400), (240, 260)]:
        writer.cover(scan.id, Entity.CONTACT, "records", lo, hi)

    assert writer.coverage(scan.id, Entity.CONTACT, "records") == [(0, 150), (200, 260), (300, 400)]
    assert writer.coverage(scan.id, Entity.CONTACT, "ids") == []


def test_records_not_seen_are_deleted_with_their_values(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    old = start_scan(scans)
    writer.store_page(
        PORTAL, old.id, Entity.CONTACT, [contact(n) for n in (1, 2, 3)], phase="records"
    )
    new = start_scan(scans)
    writer.store_page(PORTAL, new.id, Entity.CONTACT, [contact(n) for n in (1, 3)], phase="records")
    missing = writer.mark_seen(PORTAL, new.id, Entity.CONTACT, [1, 3, 9], phase="ids")

    deleted = writer.delete_unseen(PORTAL, new.id, Entity.CONTACT)

    assert missing == [9]
    assert deleted == 1
    assert rows(database, "SELECT record_id FROM records ORDER BY 1") == [(1,), (3,)]
    assert rows(database, "SELECT DISTINCT record_id FROM found_values ORDER BY 1") == [(1,), (3,)]
    state = {item.entity: item for item in scans.state(new.id).entities}
    assert (state[Entity.CONTACT].phase, state[Entity.CONTACT].records) == ("done", 2)


def test_ranges_of_a_page_with_missing_records_are_not_covered(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, [contact(1)], phase="records")

    writer.mark_seen(PORTAL, scan.id, Entity.CONTACT, [1, 2], phase="ids", covered=[(0, 10)])
    assert writer.coverage(scan.id, Entity.CONTACT, "ids") == []
    writer.mark_seen(PORTAL, scan.id, Entity.CONTACT, [1], phase="ids", covered=[(0, 10)])
    assert writer.coverage(scan.id, Entity.CONTACT, "ids") == [(0, 10)]


def test_a_completed_scan_counts_records_per_field_kind_and_category(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    scans.save_fields(scan.id, Entity.CONTACT, [PHONE, EMAIL, TAX], phase="records", total=4)
    page = [
        contact(1, phones=2),  # two phones: still one record
        contact(2, phones=0),
        contact(3, phones=1, email=False),
        ScannedRecord(4, None, "", (FoundValue("UF_CRM_TAX", PiiKind.RNOKPP, "1", "1"),)),
    ]
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, page, phase="records")
    writer.delete_unseen(PORTAL, scan.id, Entity.CONTACT)

    info = scans.finish(scan.id, ScanStatus.COMPLETED, datetime.now(UTC))

    assert info.records == 4
    queries = InventoryRepository(database)
    counts = {(c.field, c.kind): c.records for c in queries.counts(scan.id)}
    assert counts == {
        ("PHONE", PiiKind.PHONE): 2,
        ("EMAIL", PiiKind.EMAIL): 2,
        ("UF_CRM_TAX", PiiKind.RNOKPP): 1,
    }
    totals = queries.totals(scan.id)
    assert totals.entities == {"contact": 4}
    assert totals.kinds == {"phone": 2, "email": 2, "rnokpp": 1}
    assert totals.categories == {Category.USER_DATA.value: 4}
    assert scans.fields(scan.id, Entity.CONTACT) == sorted(
        [PHONE, EMAIL, TAX], key=lambda f: f.field
    )
    assert writer.coverage(scan.id, Entity.CONTACT, "records") == []  # served its purpose


def test_a_cancelled_scan_keeps_its_checkpoints_and_resumes(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    writer.store_page(
        PORTAL, scan.id, Entity.CONTACT, [contact(1)], phase="records", covered=[(0, 5)]
    )

    scans.finish(scan.id, ScanStatus.CANCELLED, datetime.now(UTC))
    unfinished = scans.unfinished(PORTAL)
    assert unfinished is not None
    assert unfinished.info.status is ScanStatus.CANCELLED
    resumed = scans.mark_resumed(scan.id)

    assert resumed.info.status is ScanStatus.RUNNING
    assert resumed.resumes == 1
    assert writer.coverage(scan.id, Entity.CONTACT, "records") == [(0, 5)]
    assert scans.latest_completed(PORTAL) is None


def test_fields_are_unknown_until_classified(database: Database) -> None:
    scans = ScanRepository(database)
    scan = start_scan(scans)
    assert scans.fields(scan.id, Entity.CONTACT) is None

    scans.save_fields(scan.id, Entity.CONTACT, [], phase="records")

    assert scans.fields(scan.id, Entity.CONTACT) == []
    state = {item.entity: item.phase for item in scans.state(scan.id).entities}
    assert state == {Entity.CONTACT: "records"}


def test_drill_down_pages_are_the_same_by_keyset_and_by_offset(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    for start in range(0, 1000, 50):
        page = [contact(n, phones=n % 3) for n in range(start + 1, start + 51)]
        writer.store_page(PORTAL, scan.id, Entity.CONTACT, page, phase="records")
    scrolling = InventoryRepository(database)

    forwards = [
        row
        for offset in range(0, 700, 70)
        for row in scrolling.records(PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE, offset, 70)
    ]
    jumping = InventoryRepository(database).records(
        PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE, 630, 40
    )

    holders = [n for n in range(1, 1001) if n % 3]
    assert [row.record_id for row in forwards] == holders[:700]
    assert [row.record_id for row in jumping] == holders[630:670]
    assert scrolling.record_count(PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE) == len(holders)
    second = forwards[1]
    assert second.title == "Особа 2"
    assert [value.value for value in second.values] == ["+3805000000020", "+3805000000021"]


def test_a_remembered_position_is_not_used_after_the_records_change(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    writer.store_page(
        PORTAL, scan.id, Entity.CONTACT, [contact(n) for n in range(10, 20)], phase="records"
    )
    queries = InventoryRepository(database)
    first = queries.records(PORTAL, Entity.CONTACT, "EMAIL", PiiKind.EMAIL, 0, 5)
    assert [row.record_id for row in first] == [10, 11, 12, 13, 14]

    writer.store_page(
        PORTAL, scan.id, Entity.CONTACT, [contact(n) for n in range(1, 4)], phase="records"
    )
    second = queries.records(PORTAL, Entity.CONTACT, "EMAIL", PiiKind.EMAIL, 5, 5)

    assert [row.record_id for row in second] == [12, 13, 14, 15, 16]


def test_values_of_one_field_of_one_record(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans, ScanKind.FULL)
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, [contact(5, phones=2)], phase="records")

    values = InventoryRepository(database).values_of(PORTAL, Entity.CONTACT, 5, "PHONE")

    assert values == ["050 5 0", "050 5 1"]


def test_forgetting_a_portal_removes_its_records_and_history(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, [contact(1)], phase="records")

    writer.forget_portal(PORTAL)

    for table in ("records", "found_values", "scans", "scan_entities"):
        assert rows(database, f"SELECT count(*) FROM {table}") == [(0,)], table
