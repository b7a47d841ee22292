"""List semantics: pages of 50, ``total``/``next``, ``start=-1``, ID cursors, filters, select."""

from __future__ import annotations

from typing import Any

import pytest
from demo_portal_http import Rest

from privacy_desktop.demo_portal.server import DemoPortal

MULTI = {"PHONE", "EMAIL", "WEB", "IM"}


def contact_ids(portal: DemoPortal) -> list[int]:
    return sorted(portal.dataset.contacts)


@pytest.mark.parametrize("size", [0, 1, 50, 51])
def test_total_and_next_are_exact_at_page_boundaries(
    hook: Rest, portal: DemoPortal, size: int
) -> None:
    ids = contact_ids(portal)
    bound = {"<ID": ids[0]} if size == 0 else {"<=ID": ids[size - 1]}
    first = hook.ok("crm.contact.list", {"filter": bound, "select": ["ID"]})
    assert first["total"] == size
    assert [int(row["ID"]) for row in first["result"]] == ids[: min(size, 50)]
    if size > 50:
        assert first["next"] == 50
        second = hook.ok("crm.contact.list", {"filter": bound, "select": ["ID"], "start": 50})
        assert [int(row["ID"]) for row in second["result"]] == ids[50:size]
        assert second["total"] == size
        assert "next" not in second
    else:
        assert "next" not in first
    if size == 0:
        assert first["result"] == []


def test_offset_paging_walks_the_whole_table(hook: Rest, portal: DemoPortal) -> None:
    seen: list[int] = []
    start: int | None = 0
    while start is not None:
        body = hook.ok("crm.contact.list", {"select": ["ID"], "start": start})
        assert body["total"] == len(portal.dataset.contacts)
        seen += [int(row["ID"]) for row in body["result"]]
        start = body.get("next")
    assert seen == contact_ids(portal)


def test_start_minus_one_skips_the_count(hook: Rest, portal: DemoPortal) -> None:
    body = hook.ok("crm.contact.list", {"start": -1, "select": ["ID"]})
    assert body["total"] == 0
    assert "next" not in body
    assert [int(row["ID"]) for row in body["result"]] == contact_ids(portal)[:50]


def test_id_cursor_equals_offset_listing(hook: Rest, portal: DemoPortal) -> None:
    by_cursor: list[int] = []
    last = 0
    while True:
        page = hook.ok(
            "crm.lead.list",
            {"order": {"ID": "ASC"}, "filter": {">ID": last}, "select": ["ID"], "start": -1},
        )["result"]
        by_cursor += [int(row["ID"]) for row in page]
        if len(page) < 50:
            break
        last = by_cursor[-1]
    by_offset: list[int] = []
    start: int | None = 0
    while start is not None:
        body = hook.ok("crm.lead.list", {"select": ["ID"], "start": start})
        by_offset += [int(row["ID"]) for row in body["result"]]
        start = body.get("next")
    assert by_cursor == by_offset == sorted(portal.dataset.leads)


def test_descending_order_and_other_fields(hook: Rest, portal: DemoPortal) -> None:
    body = hook.ok("crm.contact.list", {"order": {"ID": "DESC"}, "select": ["ID"]})
    assert [int(row["ID"]) for row in body["result"]] == contact_ids(portal)[::-1][:50]
    by_name = hook.ok(
        "crm.contact.list", {"order": {"LAST_NAME": "ASC"}, "select": ["LAST_NAME"], "start": -1}
    )["result"]
    names = [(row["LAST_NAME"] or "").casefold() for row in by_name]
    assert names == sorted(names)


def expected_ids(rows: dict[int, dict[str, Any]], test: Any) -> list[int]:
    return [identifier for identifier in sorted(rows) if test(rows[identifier])]


def test_filter_prefixes(hook: Rest, portal: DemoPortal) -> None:
    contacts = portal.dataset.contacts
    some = contact_ids(portal)[5:8]
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"@ID": some}, lambda row: int(row["ID"]) in some),
        ({"!@ID": some}, lambda row: int(row["ID"]) not in some),
        ({"!ID": some[0]}, lambda row: int(row["ID"]) != some[0]),
        ({"!=ID": some[0]}, lambda row: int(row["ID"]) != some[0]),
        ({">=ID": some[1], "<ID": some[2]}, lambda row: some[1] <= int(row["ID"]) < some[2]),
        ({"HAS_PHONE": "Y"}, lambda row: row.get("HAS_PHONE") == "Y"),
    ]
    name = contacts[some[0]]["NAME"]
    cases.append(
        ({"%NAME": name[1:3]}, lambda row: name[1:3].casefold() in (row["NAME"] or "").casefold())
    )
    cases.append(
        (
            {"=%NAME": name[:2] + "%"},
            lambda row: (row["NAME"] or "").casefold().startswith(name[:2].casefold()),
        )
    )
    cases.append(
        (
            {"!%NAME": name[1:3]},
            lambda row: name[1:3].casefold() not in (row["NAME"] or "").casefold(),
        )
    )
    for wanted, test in cases:
        got: list[int] = []
        start: int | None = 0
        while start is not None:
            body = hook.ok("crm.contact.list", {"filter": wanted, "select": ["ID"], "start": start})
            got += [int(row["ID"]) for row in body["result"]]
            start = body.get("next")
        assert got == expected_ids(contacts, test), wanted


def test_multi_field_filter_is_exact(hook: Rest, portal: DemoPortal) -> None:
    with_email = [row for row in portal.dataset.contacts.values() if row.get("EMAIL")]
    email = with_email[0]["EMAIL"][0]["VALUE"]
    found = hook.ok("crm.contact.list", {"filter": {"EMAIL": email}, "select": ["ID"]})["result"]
    owners = {
        row["ID"]
        for row in portal.dataset.contacts.values()
        if any(item["VALUE"].casefold() == email.casefold() for item in row.get("EMAIL", []))
    }
    assert {row["ID"] for row in found} == owners
    partial = hook.ok("crm.contact.list", {"filter": {"EMAIL": email[:-2]}})
    assert partial["total"] == 0


def test_select_rules_for_crm_lists(hook: Rest, portal: DemoPortal) -> None:
    first_id = contact_ids(portal)[0]
    stored = portal.dataset.contacts[first_id]
    standard = {key for key in stored if not key.startswith("UF_") and key not in MULTI}
    custom = {key for key in stored if key.startswith("UF_")}

    def row_for(select: Any) -> dict[str, Any]:
        params: dict[str, Any] = {"filter": {"ID": first_id}}
        if select is not None:
            params["select"] = select
        rows = hook.ok("crm.contact.list", params)["result"]
        assert len(rows) == 1
        return rows[0]

    assert set(row_for(None)) == standard | custom
    assert set(row_for(["*"])) == standard
    assert set(row_for(["UF_*"])) == custom | {"ID"}
    assert set(row_for(["ID", "NAME"])) == {"ID", "NAME"}
    with_phone = next(row for row in portal.dataset.contacts.values() if row.get("PHONE"))
    params = {"filter": {"ID": with_phone["ID"]}, "select": ["*", "PHONE"]}
    row = hook.ok("crm.contact.list", params)["result"][0]
    assert row["PHONE"] == with_phone["PHONE"]
    assert "EMAIL" not in row
    assert set(row) == {
        key for key in with_phone if key not in MULTI and not key.startswith("UF_")
    } | {"PHONE"}


def test_get_returns_the_whole_record_as_stored(hook: Rest, portal: DemoPortal) -> None:
    with_phone = next(row for row in portal.dataset.contacts.values() if row.get("PHONE"))
    got = hook.ok("crm.contact.get", {"id": with_phone["ID"]})["result"]
    assert got == with_phone
    assert isinstance(got["ID"], str)


def test_activity_communications_only_when_named(hook: Rest, portal: DemoPortal) -> None:
    plain = hook.ok("crm.activity.list", {"start": -1})["result"]
    assert plain
    assert all("COMMUNICATIONS" not in row for row in plain)
    named = hook.ok("crm.activity.list", {"select": ["ID", "COMMUNICATIONS"], "start": -1})
    rows = named["result"]
    stored = portal.dataset.activities
    assert all(row["COMMUNICATIONS"] == stored[int(row["ID"])]["COMMUNICATIONS"] for row in rows)


def test_requisites_bank_details_and_userfields(hook: Rest, portal: DemoPortal) -> None:
    requisites = hook.ok("crm.requisite.list", {"select": ["ID", "ENTITY_TYPE_ID"]})
    assert requisites["total"] == len(portal.dataset.requisites)
    banks = hook.ok("crm.requisite.bankdetail.list")
    assert banks["total"] == len(portal.dataset.bank_details)
    fields = hook.ok("crm.contact.userfield.list")["result"]
    stored = portal.dataset.userfields["contact"]
    assert fields == sorted(stored, key=lambda row: (int(row["SORT"]), int(row["ID"])))
    one = stored[-1]["FIELD_NAME"]
    picked = hook.ok("crm.contact.userfield.list", {"filter": {"FIELD_NAME": one}})["result"]
    assert [row["FIELD_NAME"] for row in picked] == [one]
    described = hook.ok("crm.lead.fields")["result"]
    assert described == portal.dataset.entity_fields["lead"]


def test_user_get_lists_and_pages_users(hook: Rest, portal: DemoPortal) -> None:
    active = sorted(i for i, row in portal.dataset.users.items() if row["ACTIVE"] is True)
    body = hook.ok("user.get")
    assert [int(row["ID"]) for row in body["result"]] == active
    assert body["total"] == len(active)
    everyone = hook.ok("user.get", {"ADMIN_MODE": True})
    assert everyone["total"] >= len(active)
    row = body["result"][0]
    assert isinstance(row["ACTIVE"], bool)
    assert all(isinstance(item, int) for item in row["UF_DEPARTMENT"])
    by_filter = hook.ok("user.get", {"FILTER": {"ID": active[-1]}})["result"]
    assert [r["ID"] for r in by_filter] == [str(active[-1])]
    top_level = hook.ok("user.get", {"ID": active[-1]})["result"]
    assert top_level == by_filter
    picked = hook.ok("user.get", {"select": ["ID", "EMAIL", "NO_SUCH_FIELD"]})["result"][0]
    assert set(picked) == {"ID", "EMAIL"}


def test_user_scopes_filter_fields(portal: DemoPortal, hook: Rest) -> None:
    full = hook.ok("user.get", {"ID": 1})["result"][0]
    basic = Rest(hook.client, portal.add_webhook(1, ["user_basic"]))
    brief = Rest(hook.client, portal.add_webhook(1, ["user_brief"]))
    basic_row = basic.ok("user.get", {"ID": 1})["result"][0]
    brief_row = brief.ok("user.get", {"ID": 1})["result"][0]
    assert "LAST_LOGIN" in full
    assert "LAST_LOGIN" not in basic_row
    assert "EMAIL" in basic_row
    assert "EMAIL" not in brief_row
    assert "PERSONAL_MOBILE" not in brief_row
    assert brief_row["NAME"] == full["NAME"]
    assert "PERSONAL_BIRTHDAY" in brief_row
    # a hidden field cannot be probed through the filter either
    probe = brief.ok("user.get", {"FILTER": {"EMAIL": full["EMAIL"]}})
    assert probe["total"] == brief.ok("user.get")["total"]


def test_department_get(hook: Rest, portal: DemoPortal) -> None:
    body = hook.ok("department.get")
    assert body["total"] == len(portal.dataset.departments)
    assert isinstance(body["result"][0]["SORT"], int)
    root_children = hook.ok("department.get", {"PARENT": 1})["result"]
    expected = [row for row in portal.dataset.departments.values() if row.get("PARENT") == "1"]
    assert sorted(r["ID"] for r in root_children) == sorted(r["ID"] for r in expected)


def test_userconsent_agreements(hook: Rest, portal: DemoPortal) -> None:
    agreements = hook.ok("userconsent.agreement.list")["result"]
    assert agreements == [
        portal.dataset.agreements[key] for key in sorted(portal.dataset.agreements)
    ]
    first = int(agreements[0]["ID"])
    text = hook.ok("userconsent.agreement.text", {"id": first})["result"]
    assert set(text) == {"LABEL", "TEXT"}
    assert text["TEXT"]
    missing = hook.error("userconsent.agreement.text", {"id": 999_999})
    assert missing[:2] == (400, "400")
