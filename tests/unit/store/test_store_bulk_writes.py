"""Pages stored a few statements at a time, and counts taken entity by entity, on a real
SQLCipher file."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from store_helpers import EMAIL, PHONE, PORTAL, contact, start_scan

from privacy_desktop.domain.inventory import ScannedRecord, ScanStatus
from privacy_desktop.domain.personal_data import (
    Category,
    ClassificationSource,
    Entity,
    FieldClassification,
    FoundValue,
    PiiKind,
)
from privacy_desktop.store.database import STORE_FILE_NAME, Database, open_database
from privacy_desktop.store.record_writes import RecordWriter, merge_ranges
from privacy_desktop.store.repositories import ScanRepository
from privacy_desktop.store.scan_counts import ScanCounts

IBAN = FieldClassification(
    Entity.BANK_DETAIL, "RQ_IBAN", PiiKind.IBAN, Category.USER_DATA, ClassificationSource.CATALOGUE
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / STORE_FILE_NAME, secrets.token_hex(32)) as opened:
        yield opened


def rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.session() as session:
        return [tuple(row) for row in session.execute(text(sql))]


def test_ranges_are_merged_where_they_touch_or_overlap() -> None:
    assert merge_ranges([(10, 20), (0, 5), (5, 7), (15, 30), (40, 40), (31, 35)]) == [
        (0, 7),
        (10, 30),
        (31, 35),
    ]
    assert merge_ranges([]) == []


def test_a_record_in_two_pages_of_one_transaction_is_stored_as_the_last_has_it(
    database: Database,
) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    renamed = ScannedRecord(2, None, "Нова назва", contact(2, phones=3).values)

    writer.store_pages(
        PORTAL,
        scan.id,
        Entity.CONTACT,
        [([contact(1), contact(2)], [(0, 3)]), ([renamed, contact(3)], [(3, 4), (10, 12)])],
        phase="records",
    )

    assert rows(database, "SELECT record_id, title FROM records ORDER BY 1") == [
        (1, "Особа 1"),
        (2, "Нова назва"),
        (3, "Особа 3"),
    ]
    assert rows(
        database, "SELECT count(*) FROM found_values WHERE record_id = 2 AND field = 'PHONE'"
    ) == [(3,)]
    assert writer.coverage(scan.id, Entity.CONTACT, "records") == [(0, 4), (10, 12)]


def test_values_are_kept_with_their_records_and_in_order_across_statements(
    database: Database,
) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    page = [contact(n, phones=3) for n in range(1, 51)]
    writer._parameters = 23  # a few rows per statement: many statements for one page

    writer.store_page(PORTAL, scan.id, Entity.CONTACT, page, phase="records")

    stored = rows(
        database,
        "SELECT r.record_id, v.field, v.value, v.display FROM found_values v "
        "JOIN records r ON r.id = v.record_key ORDER BY v.id",
    )
    assert stored == [
        (record.record_id, found.field, found.value, found.display)
        for record in page
        for found in record.values
    ]
    mismatched = (
        "SELECT count(*) FROM found_values v JOIN records r ON r.id = v.record_key "
        "WHERE r.record_id != v.record_id OR r.entity != v.entity OR r.portal != v.portal"
    )
    assert rows(database, mismatched) == [(0,)]


def test_counts_taken_entity_by_entity_add_up_to_the_whole(database: Database) -> None:
    scans, writer = ScanRepository(database), RecordWriter(database)
    scan = start_scan(scans)
    scans.save_fields(scan.id, Entity.CONTACT, [PHONE, EMAIL], phase="records")
    scans.save_fields(scan.id, Entity.BANK_DETAIL, [IBAN], phase="records")
    contacts = [contact(n, phones=n % 3, email=n % 2 == 0) for n in range(1, 21)]
    writer.store_page(PORTAL, scan.id, Entity.CONTACT, contacts, phase="records")
    # The same record IDs in another entity are other records.
    details = [
        ScannedRecord(n, None, "", (FoundValue("RQ_IBAN", PiiKind.IBAN, f"UA{n}", f"UA{n}"),))
        for n in range(1, 8)
    ]
    writer.store_page(PORTAL, scan.id, Entity.BANK_DETAIL, details, phase="records")

    whole = scans.count(scan.id)
    parts = ScanCounts.merge(
        [
            scans.count(scan.id, entity=Entity.CONTACT),
            scans.count(scan.id, excluding=[Entity.CONTACT]),
        ]
    )

    assert whole.records == parts.records == 27
    assert sorted(whole.fields) == sorted(parts.fields)
    assert sorted(whole.totals) == sorted(parts.totals)
    totals = {(dimension, key): n for dimension, key, n in whole.totals}
    assert totals["kind", "phone"] == len([n for n in range(1, 21) if n % 3])
    assert totals["kind", "iban"] == 7
    assert totals["category", Category.USER_DATA.value] == 7 + len(
        [n for n in range(1, 21) if n % 3 or n % 2 == 0]
    )
    info = scans.finish(scan.id, ScanStatus.COMPLETED, datetime.now(UTC), counts=parts)
    assert info.records == 27
