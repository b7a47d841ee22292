"""A full scan of the demo portal over HTTP into the real encrypted store, with the real
keyring: exact counts, progress, an encrypted file, drill-down, audited reveal, diffs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from scanning_helpers import PORTAL, Connected, assert_matches_truth, connected

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.inventory import ScanKind, ScanStatus
from privacy_desktop.domain.personal_data import Entity, PiiKind
from privacy_desktop.domain.portals import Plan
from privacy_desktop.domain.progress import Progress
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.audit_reading import AuditQuery
from privacy_desktop.services.scan_lock import ScanAlreadyRunning
from privacy_desktop.store.database import STORE_FILE_NAME

pytestmark = pytest.mark.keyring

CONFIG = DemoPortalConfig(
    seed=11,
    users=15,
    contacts=700,
    leads=150,
    companies=40,
    deals=60,
    time_scale=0.001,
    plan=Plan.UNLIMITED,
)


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoPortal]:
    with DemoPortal(CONFIG) as portal:
        yield portal


@pytest.fixture
def connection(demo: DemoPortal, data_dir: Path, keyring_service: str) -> Iterator[Connected]:
    with connected(demo, data_dir, keyring_service) as made:
        yield made


def test_a_full_scan_finds_exactly_the_portals_personal_data(connection: Connected) -> None:
    reports: list[Progress] = []

    info = connection.scan(progress=reports.append)

    assert (info.kind, info.status) == (ScanKind.FULL, ScanStatus.COMPLETED)
    assert_matches_truth(connection)
    assert info.records == sum(connection.entity_counts().values())
    stages = {report.stage.source for report in reports}
    assert {"Reading users", "Reading contacts", "Reading activities"} <= stages
    contacts = [r for r in reports if r.stage.source == "Reading contacts"]
    assert contacts[0].total == CONFIG.contacts
    assert contacts[-1].done == CONFIG.contacts
    assert any(r.rate and r.eta_s is not None for r in contacts)


def test_the_store_file_holds_no_personal_datum_in_the_clear(
    connection: Connected, demo: DemoPortal
) -> None:
    connection.scan()
    connection.context.store.close()  # nothing left in memory buffers or the WAL only

    dataset = demo.dataset
    values: set[str] = set()
    for row in list(dataset.contacts.values())[:200]:
        values |= {item["VALUE"] for item in row.get("PHONE") or []}
        values |= {item["VALUE"] for item in row.get("EMAIL") or []}
        values |= {row[name] for name in ("LAST_NAME", "UF_CRM_TAX_NUMBER") if row.get(name)}
    values |= {row["RQ_IBAN"] for row in dataset.bank_details.values() if row.get("RQ_IBAN")}
    values |= {row["RQ_INN"] for row in dataset.requisites.values() if row.get("RQ_INN")}
    assert len(values) > 300
    store_files = [path for path in connection.context.paths.data_dir.iterdir() if path.is_file()]
    assert any(path.name == STORE_FILE_NAME for path in store_files)
    contents = b"".join(path.read_bytes() for path in store_files)

    assert [value for value in values if value.encode("utf-8") in contents] == []
    # And the values really are in the store, readable with the key:
    found = connection.context.inventory.records(
        PORTAL, Entity.BANK_DETAIL, "RQ_IBAN", PiiKind.IBAN, 0, 5
    )
    assert len(found) == 5
    assert all(row.values[0].display in values for row in found)


def test_drill_down_pages_through_the_records_of_one_field(connection: Connected) -> None:
    connection.scan()
    inventory = connection.context.inventory
    total = inventory.record_count(PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE)

    rows = []
    for offset in range(0, total + 100, 100):
        rows += inventory.records(PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE, offset, 100)

    dataset = connection.demo.dataset
    holders = sorted(n for n, row in dataset.contacts.items() if row.get("PHONE"))
    assert [row.record_id for row in rows] == holders
    first = dataset.contacts[rows[0].record_id]
    assert rows[0].title == " ".join(
        part for part in (first["NAME"], first.get("SECOND_NAME"), first["LAST_NAME"]) if part
    )
    assert [value.display for value in rows[0].values] == [item["VALUE"] for item in first["PHONE"]]
    assert all(value.value.startswith("+") for row in rows for value in row.values)


def test_revealing_a_value_is_written_to_the_audit_log_first(connection: Connected) -> None:
    connection.scan()
    inventory = connection.context.inventory
    row = inventory.records(PORTAL, Entity.CONTACT, "EMAIL", PiiKind.EMAIL, 0, 1)[0]

    shown = inventory.reveal(PORTAL, Entity.CONTACT, row.record_id, "EMAIL")

    expected = [item["VALUE"] for item in connection.demo.dataset.contacts[row.record_id]["EMAIL"]]
    assert shown == expected
    entries = connection.context.security.audit.entries(
        AuditQuery(actions=frozenset({AuditAction.REVEAL}))
    )
    assert len(entries) == 1
    assert entries[0].portal == PORTAL
    assert entries[0].details == {
        "entity": "contact",
        "record_id": str(row.record_id),
        "field": "EMAIL",
    }
    log_text = connection.context.security.audit.log().path.read_text(encoding="utf-8")
    assert all(value not in log_text for value in shown)
    scans = connection.context.security.audit.entries(
        AuditQuery(actions=frozenset({AuditAction.SCAN}))
    )
    assert [entry.details["status"] for entry in scans] == ["completed"]


def test_a_second_scan_of_the_same_portal_is_refused_while_one_runs(
    connection: Connected,
) -> None:
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def slow(report: Progress) -> None:
        if report.stage.source == "Reading contacts":
            started.set()
            release.wait(30)

    def first() -> None:
        try:
            connection.scan(progress=slow)
        except BaseException as error:  # reported below
            errors.append(error)

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert started.wait(60)
        with pytest.raises(ScanAlreadyRunning):
            connection.scan()
    finally:
        release.set()
        thread.join(120)
    assert errors == []
    assert_matches_truth(connection)


def test_history_and_diff_between_two_scans(data_dir: Path, keyring_service: str) -> None:
    with DemoPortal(CONFIG) as own, connected(own, data_dir, keyring_service) as connection:
        first = connection.scan()
        phone_holder = next(n for n, row in own.dataset.contacts.items() if row.get("PHONE"))
        own.delete_record("contact", phone_holder)

        second = connection.scan()

        inventory = connection.context.inventory
        assert [scan.id for scan in inventory.scans(PORTAL)] == [second.id, first.id]
        assert second.kind is ScanKind.INCREMENTAL
        diff = inventory.diff(PORTAL, first.id, second.id)
        changes = {(c.entity, c.field, c.kind): (c.before, c.after) for c in diff.count_changes}
        before, after = changes[(Entity.CONTACT, "PHONE", PiiKind.PHONE)]
        assert after == before - 1
        assert all(c.after <= c.before for c in diff.count_changes)
        assert diff.new_kinds == ()
        assert diff.new_pii_fields == ()
        assert second.records < first.records
        assert second.records == sum(connection.entity_counts().values())
        assert_matches_truth(connection)
