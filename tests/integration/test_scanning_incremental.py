"""Incremental re-scans after the demo portal changes, adds and deletes records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scanning_helpers import PORTAL, Connected, assert_matches_truth, connected

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.inventory import ScanKind, ScanStatus
from privacy_desktop.domain.personal_data import Entity, PiiKind
from privacy_desktop.domain.portals import Plan

pytestmark = pytest.mark.keyring

CONFIG = DemoPortalConfig(
    seed=23,
    users=12,
    contacts=400,
    leads=100,
    companies=30,
    deals=40,
    time_scale=0.001,
    plan=Plan.UNLIMITED,
)
_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)


def rnokpp(first_nine: str) -> str:
    """A valid RNOKPP from nine digits (its check digit computed here, not by the app)."""
    return first_nine + str(
        sum(int(d) * w for d, w in zip(first_nine, _WEIGHTS, strict=True)) % 11 % 10
    )


@pytest.fixture
def connection(data_dir: Path, keyring_service: str) -> Iterator[Connected]:
    with DemoPortal(CONFIG) as demo, connected(demo, data_dir, keyring_service) as made:
        yield made


def test_a_rescan_reads_what_changed_and_drops_what_was_deleted(connection: Connected) -> None:
    demo = connection.demo
    first = connection.scan()
    assert first.kind is ScanKind.FULL
    dataset = demo.dataset
    contacts = sorted(dataset.contacts)
    with_tax = next(n for n in contacts[1:] if dataset.contacts[n].get("UF_CRM_TAX_NUMBER"))
    deleted = next(n for n in reversed(contacts) if dataset.contacts[n].get("PHONE"))
    changed_user = max(dataset.users)

    new_contact = demo.add_record(
        "contact",
        {
            "NAME": "Ярина",
            "LAST_NAME": "Тестова",
            "PHONE": [{"VALUE": "+380 67 555 12 34", "VALUE_TYPE": "MOBILE"}],
            "EMAIL": [{"VALUE": "yaryna.test@example.ua", "VALUE_TYPE": "WORK"}],
            "UF_CRM_TAX_NUMBER": rnokpp("312345678"),
        },
    )
    demo.update_record("contact", with_tax, {"UF_CRM_TAX_NUMBER": ""})
    demo.update_record(
        "contact",
        contacts[0],
        {"EMAIL": [{"VALUE": "second.address@example.ua", "VALUE_TYPE": "HOME"}]},
    )
    demo.update_record("user", changed_user, {"PERSONAL_MOBILE": "+380 50 765 43 21"})
    demo.delete_record("contact", deleted)
    requisite = demo.add_record(
        "requisite",
        {
            "ENTITY_TYPE_ID": 3,
            "ENTITY_ID": new_contact,
            "PRESET_ID": 3,
            "NAME": "Фізична особа",
            "RQ_NAME": "Тестова Ярина",
            "RQ_FIRST_NAME": "Ярина",
            "RQ_LAST_NAME": "Тестова",
            "RQ_INN": rnokpp("298765432"),
        },
    )
    # A record whose modification date predates the first scan (imported with its old
    # dates): no ">DATE_MODIFY" filter finds it; the ID listing must.
    imported = demo.add_record(
        "contact",
        {
            "NAME": "Стара",
            "LAST_NAME": "Картка",
            "PHONE": [{"VALUE": "0441234567", "VALUE_TYPE": "WORK"}],
            "DATE_CREATE": "2021-03-01T10:00:00+02:00",
            "DATE_MODIFY": "2021-03-01T10:00:00+02:00",
        },
        import_mode=True,
    )

    second = connection.scan()

    assert (second.kind, second.status) == (ScanKind.INCREMENTAL, ScanStatus.COMPLETED)
    assert_matches_truth(connection)
    inventory = connection.context.inventory
    states = {item.entity: item for item in inventory.scan_entities(PORTAL, second.id)}
    # Only the changed contacts were read in full (the new, the two updated ones).
    assert states[Entity.CONTACT].total == 3
    assert states[Entity.CONTACT].records == len(demo.dataset.contacts)
    phones = {
        row.record_id
        for offset in range(0, 1000, 200)
        for row in inventory.records(PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE, offset, 200)
    }
    assert {new_contact, imported} <= phones
    assert deleted not in phones
    assert inventory.reveal(PORTAL, Entity.REQUISITE, requisite, "RQ_INN") == [rnokpp("298765432")]
    taxes = inventory.records(
        PORTAL, Entity.CONTACT, "UF_CRM_TAX_NUMBER", PiiKind.RNOKPP, 0, 10_000
    )
    assert with_tax not in {row.record_id for row in taxes}


def test_a_rescan_without_changes_changes_nothing(connection: Connected) -> None:
    first = connection.scan()
    counts = connection.field_counts()

    second = connection.scan()

    assert second.kind is ScanKind.INCREMENTAL
    assert second.records == first.records
    assert connection.field_counts() == counts
    diff = connection.context.inventory.diff(PORTAL, first.id, second.id)
    assert (diff.count_changes, diff.new_kinds, diff.new_pii_fields) == ((), (), ())


def test_full_forces_a_complete_read(connection: Connected) -> None:
    connection.scan()
    connection.demo.delete_record("lead", min(connection.demo.dataset.leads))

    again = connection.scan(full=True)

    assert again.kind is ScanKind.FULL
    states = {
        item.entity: item for item in connection.context.inventory.scan_entities(PORTAL, again.id)
    }
    assert states[Entity.LEAD].total == len(connection.demo.dataset.leads)
    assert_matches_truth(connection)
