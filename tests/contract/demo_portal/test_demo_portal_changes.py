"""Live changes: "changed since" filters, the Python helpers, and writes racing listings."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from demo_portal_http import FAST, Rest

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.kyiv_time import DATA_NOW, kyiv_iso
from privacy_desktop.demo_portal.query import Table
from privacy_desktop.demo_portal.server import DemoPortal

#: A moment after all generated data: what a write stamps when the tests fix the clock.
LATER = DATA_NOW + 40 * 86_400


@pytest.fixture
def fresh() -> Iterator[DemoPortal]:
    """A portal of the test's own: its data and clock may be changed freely."""
    with DemoPortal(FAST) as running:
        yield running


@pytest.fixture
def rest(fresh: DemoPortal, http: httpx.Client) -> Rest:
    return Rest(http, fresh.webhook_url)


def _ids(rest: Rest, method: str, params: dict[str, Any]) -> tuple[set[int], int]:
    """Every ID a list method returns for ``params``, page by page, and its ``total``."""
    ids: set[int] = set()
    start = 0
    while True:
        body = rest.ok(method, {**params, "start": start})
        ids |= {int(row["ID"]) for row in body["result"]}
        if "next" not in body:
            return ids, body["total"]
        start = body["next"]


def _instant(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def _modified_after(rows: dict[int, dict[str, Any]], moment: float, field: str) -> set[int]:
    return {key for key, row in rows.items() if row[field] and _instant(row[field]) > moment}


# ---------------------------------------------------------------- "changed since" filters
def test_greater_than_date_modify_compares_instants_across_offsets(
    portal: DemoPortal, hook: Rest
) -> None:
    contacts = portal.dataset.contacts
    middle = sorted(contacts.values(), key=lambda row: _instant(row["DATE_MODIFY"]))[60]
    threshold = middle["DATE_MODIFY"]  # as the portal wrote it, +02:00 or +03:00
    moment = _instant(threshold)
    expected = _modified_after(contacts, moment, "DATE_MODIFY")
    in_utc = datetime.fromtimestamp(moment, UTC).isoformat()
    select = {"select": ["ID"]}
    for text in (threshold, in_utc, in_utc.replace("+00:00", "Z"), threshold.replace("T", " ")):
        ids, total = _ids(hook, "crm.contact.list", {**select, "filter": {">DATE_MODIFY": text}})
        assert ids == expected, text
        assert total == len(expected)
    at_least, _ = _ids(hook, "crm.contact.list", {**select, "filter": {">=DATE_MODIFY": threshold}})
    assert at_least == expected | {int(middle["ID"])}
    assert len(expected) < len(contacts)  # the filter really narrows


def test_dates_without_an_offset_are_kyiv_time(portal: DemoPortal, hook: Rest) -> None:
    contacts = portal.dataset.contacts
    summer_midnight = _instant("2025-06-01T00:00:00+03:00")
    expected = _modified_after(contacts, summer_midnight, "DATE_MODIFY")
    for text in ("2025-06-01", "2025-06-01T00:00:00", "01.06.2025 00:00:00", "01.06.2025"):
        params = {"select": ["ID"], "filter": {">DATE_MODIFY": text}}
        assert _ids(hook, "crm.contact.list", params)[0] == expected, text


def test_an_unreadable_date_finds_nothing(hook: Rest) -> None:
    body = hook.ok("crm.contact.list", {"filter": {">DATE_MODIFY": "yesterday"}})
    assert (body["result"], body["total"]) == ([], 0)


def test_user_get_filters_on_timestamp_x(portal: DemoPortal, hook: Rest) -> None:
    users = portal.dataset.users
    middle = sorted(users.values(), key=lambda row: _instant(row["TIMESTAMP_X"]))[len(users) // 2]
    moment = _instant(middle["TIMESTAMP_X"])
    expected = _modified_after(users, moment, "TIMESTAMP_X")
    params = {"FILTER": {">TIMESTAMP_X": middle["TIMESTAMP_X"]}, "ADMIN_MODE": True}
    assert _ids(hook, "user.get", params)[0] == expected
    params["FILTER"] = {">=TIMESTAMP_X": middle["TIMESTAMP_X"]}
    assert _ids(hook, "user.get", params)[0] == expected | {int(middle["ID"])}


def test_changes_since_a_moment_are_exactly_the_writes(fresh: DemoPortal, rest: Rest) -> None:
    fresh.set_clock(lambda: float(LATER))
    since = {">DATE_MODIFY": kyiv_iso(LATER - 1)}
    assert _ids(rest, "crm.contact.list", {"filter": since})[0] == set()
    first, second, gone = sorted(fresh.dataset.contacts)[:3]
    rest.ok("crm.contact.update", {"id": first, "fields": {"POST": "Бухгалтер"}})
    fresh.update_record("contact", second, {"NAME": "Змінене"})
    added = fresh.add_record("contact", {"NAME": "Новий"})
    rest.ok("crm.contact.delete", {"id": gone})
    changed, total = _ids(rest, "crm.contact.list", {"filter": since})
    assert changed == {first, second, added}
    assert total == 3
    all_ids, _ = _ids(rest, "crm.contact.list", {"select": ["ID"]})
    assert gone not in all_ids  # deletions show only as missing IDs
    stamped = fresh.record("contact", first)
    assert stamped is not None
    assert stamped["DATE_MODIFY"] == kyiv_iso(LATER)
    assert stamped["MODIFY_BY_ID"] == "1"

    requisite_id = min(fresh.dataset.requisites)
    rest.ok("crm.requisite.update", {"id": requisite_id, "fields": {"RQ_INN": "1234567899"}})
    assert _ids(rest, "crm.requisite.list", {"filter": since})[0] == {requisite_id}
    bank_id = min(fresh.dataset.bank_details)
    fresh.update_record("bank_detail", bank_id, {"COMMENTS": "перевірено"})
    assert _ids(rest, "crm.requisite.bankdetail.list", {"filter": since})[0] == {bank_id}

    user_since = {"FILTER": {">TIMESTAMP_X": kyiv_iso(LATER - 1)}, "ADMIN_MODE": True}
    assert _ids(rest, "user.get", user_since)[0] == set()
    rest.ok("user.update", {"ID": 3, "WORK_POSITION": "Аналітик"})
    assert _ids(rest, "user.get", user_since)[0] == {3}


# ---------------------------------------------------------------- Python helpers
def test_python_helpers_go_through_the_rest_code(fresh: DemoPortal, rest: Rest) -> None:
    new_id = fresh.add_record(
        "contact", {"NAME": "Пайтон", "PHONE": [{"VALUE": "0671234500"}]}, user_id=5
    )
    row = rest.ok("crm.contact.get", {"id": new_id})["result"]
    assert row["CREATED_BY_ID"] == "5"
    assert row == fresh.record("contact", new_id)
    copied = fresh.record("contact", new_id)
    assert copied is not None
    copied["NAME"] = "changed in the copy only"
    assert row == fresh.record("contact", new_id)
    with pytest.raises(RestError) as refused:
        fresh.update_record("contact", 999_999, {"NAME": "x"})
    assert (refused.value.status, refused.value.code) == (400, "")
    assert refused.value.description == "Contact is not found"
    with pytest.raises(RestError) as invalid:
        fresh.add_record("lead", {"EMAIL": [{"VALUE": "broken@"}]})
    assert invalid.value.code == "ERROR_CORE"
    with pytest.raises(ValueError, match="cannot write"):
        fresh.add_record("consent", {})
    with pytest.raises(RestError):
        fresh.delete_record("user", 2)  # users are dismissed, never deleted
    requisite = fresh.add_record(
        "requisite",
        {"ENTITY_TYPE_ID": 3, "ENTITY_ID": new_id, "PRESET_ID": 3, "NAME": "Особа"},
    )
    bank = fresh.add_record("bank_detail", {"ENTITY_ID": requisite, "NAME": "Рахунок"})
    fresh.delete_record("contact", new_id)
    assert fresh.record("requisite", requisite) is None
    assert fresh.record("bank_detail", bank) is None
    recycled = fresh.recycle_bin()[-1]
    assert recycled.record_id == new_id
    assert [(table, key) for table, key, _ in recycled.dependents] == [
        ("requisite", requisite),
        ("bankdetail", bank),
    ]


def test_a_snapshot_never_changes_under_its_reader(fresh: DemoPortal) -> None:
    snapshot = fresh.dataset
    first, second = sorted(snapshot.contacts)[:2]
    before = copy.deepcopy(snapshot.contacts[first])
    phones = [dict(entry) for entry in snapshot.contacts[first].get("PHONE", [])]
    changes: dict[str, Any] = {"NAME": "Інше", "PHONE": [{"VALUE": "0931112233"}]}
    if phones:
        changes["PHONE"].append({"ID": phones[0]["ID"], "DELETE": "Y"})
    fresh.update_record("contact", first, changes)
    fresh.delete_record("contact", second)
    added = fresh.add_record("contact", {"NAME": "Пізніший"})
    assert snapshot.contacts[first] == before
    assert snapshot.contacts[first].get("PHONE", []) == phones
    assert second in snapshot.contacts
    assert added not in snapshot.contacts
    now = fresh.dataset
    assert now.contacts[first]["NAME"] == "Інше"
    assert second not in now.contacts
    assert now.contacts[added]["NAME"] == "Пізніший"


def test_table_changed_leaves_the_old_table_alone() -> None:
    rows = {1: {"ID": "1", "A": "x"}, 3: {"ID": "3"}, 5: {"ID": "5"}}
    table = Table(rows)
    changed = table.changed({4: {"ID": "4", "B": "y"}, 1: {"ID": "1", "A": "z"}}, [3, 99])
    assert (table.ids, table.rows is rows, rows[1]["A"]) == ([1, 3, 5], True, "x")
    assert table.fields == {"ID", "A"}
    assert changed.ids == [1, 4, 5]
    assert changed.rows[1]["A"] == "z"
    assert changed.fields == {"ID", "A", "B"}


# ---------------------------------------------------------------- writes racing reads
def test_concurrent_writers_get_distinct_ids(fresh: DemoPortal) -> None:
    before = len(fresh.dataset.contacts)
    results: list[list[int]] = [[] for _ in range(8)]

    def write(slot: int) -> None:
        with httpx.Client(timeout=10.0) as client:
            writer = Rest(client, fresh.webhook_url)
            for index in range(15):
                fields = {"NAME": f"Паралельний {slot}-{index}"}
                results[slot].append(writer.ok("crm.contact.add", {"fields": fields})["result"])

    threads = [threading.Thread(target=write, args=(slot,)) for slot in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    made = [identifier for slot in results for identifier in slot]
    assert len(made) == len(set(made)) == 120
    assert len(fresh.dataset.contacts) == before + 120
    assert set(made) <= set(fresh.dataset.contacts)


def test_a_listing_in_flight_never_sees_half_a_change(fresh: DemoPortal, rest: Rest) -> None:
    target = min(fresh.dataset.contacts)
    original = fresh.dataset.contacts[target]
    done = threading.Event()
    failures: list[str] = []

    def write() -> None:
        try:
            with httpx.Client(timeout=10.0) as client:
                writer = Rest(client, fresh.webhook_url)
                for index in range(80):
                    same = f"Пара{index}"
                    fields = {"NAME": same, "LAST_NAME": same, "SECOND_NAME": same}
                    writer.ok("crm.contact.update", {"id": target, "fields": fields})
                    fields = {"NAME": f"Тимчасовий{index}", "LAST_NAME": f"Тимчасовий{index}"}
                    added = writer.ok("crm.contact.add", {"fields": fields})["result"]
                    writer.ok("crm.contact.delete", {"id": added})
        except AssertionError as error:  # reported by the main thread
            failures.append(str(error))
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    listings = 0
    select = ["ID", "NAME", "LAST_NAME", "SECOND_NAME"]
    while not done.is_set() or listings == 0:
        start = 0
        while True:
            body = rest.ok("crm.contact.list", {"select": select, "start": start})
            page = body["result"]
            # Rows and total come from one state of the table.
            assert len(page) == min(50, body["total"] - start)
            for row in page:
                if str(row["NAME"]).startswith("Пара"):
                    assert row["NAME"] == row["LAST_NAME"] == row["SECOND_NAME"], row
                elif str(row["NAME"]).startswith("Тимчасовий"):
                    assert row["NAME"] == row["LAST_NAME"], row
            if "next" not in body:
                break
            start = body["next"]
        single = rest.ok("crm.contact.get", {"id": target})["result"]
        names = (single["NAME"], single["LAST_NAME"], single["SECOND_NAME"])
        unchanged = (original["NAME"], original["LAST_NAME"], original["SECOND_NAME"])
        assert names == unchanged or len(set(names)) == 1, names
        listings += 1
    thread.join()
    assert failures == []
    assert fresh.dataset.contacts[target]["NAME"] == "Пара79"
