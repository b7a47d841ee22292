"""``batch`` and ``crm.duplicate.findbycomm``."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from demo_portal_http import Rest, error_of

from privacy_desktop.demo_portal.server import DemoPortal


def test_batch_runs_commands_and_reports_every_member(hook: Rest, portal: DemoPortal) -> None:
    ids = sorted(portal.dataset.contacts)
    body = hook.ok(
        "batch",
        {
            "halt": 0,
            "cmd": {
                "page": "crm.contact.list?select[]=ID&start=0",
                "fast": f"crm.contact.list?select[]=ID&start=-1&filter[%3EID]={ids[-3]}",
                "one": f"crm.contact.get?id={ids[0]}",
            },
        },
    )
    result = body["result"]
    assert set(result) == {"result", "result_error", "result_total", "result_next", "result_time"}
    assert [int(row["ID"]) for row in result["result"]["page"]] == ids[:50]
    assert [int(row["ID"]) for row in result["result"]["fast"]] == ids[-2:]
    assert result["result"]["one"]["ID"] == str(ids[0])
    assert result["result_error"] == []
    assert result["result_total"] == {"page": len(ids), "fast": 0}
    assert result["result_next"] == {"page": 50}
    assert set(result["result_time"]) == {"page", "fast", "one"}
    for block in result["result_time"].values():
        assert "operating" not in block
        assert "operating_reset_at" not in block
        assert block["processing"] > 0
    assert "operating" in body["time"]


def test_batch_counts_once_and_charges_each_method(portal: DemoPortal, http: httpx.Client) -> None:
    fresh = Rest(http, portal.add_webhook(1, ["crm"]))
    before = portal.stats()
    fresh.ok("batch", {"cmd": ["crm.deal.fields", "crm.deal.fields", "crm.lead.fields"]})
    after = portal.stats()
    assert after.requests - before.requests == 1
    calls = after.method_calls
    assert calls["crm.deal.fields"] - before.method_calls.get("crm.deal.fields", 0) == 2
    deal_operating = fresh.ok("crm.deal.fields")["time"]["operating"]
    lead_operating = fresh.ok("crm.lead.fields")["time"]["operating"]
    assert deal_operating == pytest.approx(3 * lead_operating / 2)


def test_batch_substitutes_earlier_results(hook: Rest, portal: DemoPortal) -> None:
    users = portal.dataset.users
    body = hook.ok(
        "batch",
        {
            "cmd": {
                "me": "user.current",
                "dep": "department.get?ID=$result[me][UF_DEPARTMENT][0]",
                "first": "crm.contact.list?select[]=ID&start=-1",
                "again": "crm.contact.get?id=$result[first][0][ID]",
            }
        },
    )["result"]
    department = users[1]["UF_DEPARTMENT"][0]
    assert [row["ID"] for row in body["result"]["dep"]] == [str(department)]
    assert body["result"]["again"]["ID"] == body["result"]["first"][0]["ID"]


def test_batch_errors_halt_and_list_form(hook: Rest) -> None:
    unhalted = hook.ok(
        "batch", {"cmd": ["crm.contact.get?id=999999999", "server.time", "no.such.method"]}
    )["result"]
    assert unhalted["result_error"] == {
        "0": {"error": "", "error_description": "Not found"},
        "2": {"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"},
    }
    assert list(unhalted["result"]) == ["1"]
    halted = hook.ok(
        "batch",
        {"halt": 1, "cmd": ["server.time", "crm.contact.get?id=999999999", "server.time"]},
    )["result"]
    assert len(halted["result"]) == 1  # only key 0: PHP makes that a JSON list
    assert isinstance(halted["result"], list)
    assert list(halted["result_error"]) == ["1"]
    assert len(halted["result_time"]) == 1
    complete = hook.ok("batch", {"cmd": ["server.time", "server.time"]})["result"]
    assert isinstance(complete["result"], list)
    assert len(complete["result"]) == 2


def test_batch_limits_and_nesting(hook: Rest) -> None:
    too_many = hook.error("batch", {"cmd": ["server.time"] * 51})
    assert too_many[:2] == (400, "ERROR_BATCH_LENGTH_EXCEEDED")
    fifty = hook.ok("batch", {"cmd": ["server.time"] * 50})["result"]
    assert len(fifty["result"]) == 50
    nested = hook.ok("batch", {"cmd": {"inner": "batch?cmd[a]=server.time", "ok": "server.time"}})[
        "result"
    ]
    assert nested["result_error"]["inner"]["error"] == "ERROR_BATCH_METHOD_NOT_ALLOWED"
    assert "ok" in nested["result"]
    empty = hook.ok("batch", {"cmd": []})["result"]
    assert empty == {
        "result": [],
        "result_error": [],
        "result_total": [],
        "result_next": [],
        "result_time": [],
    }


def test_batch_as_form_with_double_encoded_commands(portal: DemoPortal, http: httpx.Client) -> None:
    inner = "crm.contact.list?" + "filter[>ID]=5&select[]=ID&start=-1"
    response = http.post(
        portal.webhook_url + "batch",
        content=f"cmd[c1]={quote(inner, safe='')}&halt=0",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    rows = response.json()["result"]["result"]["c1"]
    assert [int(row["ID"]) for row in rows] == [
        i for i in sorted(portal.dataset.contacts) if i > 5
    ][:50]


def test_batch_refusals_follow_the_sub_call(portal: DemoPortal, http: httpx.Client) -> None:
    crm_only = Rest(http, portal.add_webhook(1, ["crm"]))
    result = crm_only.ok("batch", {"cmd": {"u": "user.get", "a": "app.info"}})["result"]
    assert result["result_error"]["u"]["error"] == "insufficient_scope"
    assert result["result_error"]["a"]["error"] == "ACCESS_DENIED"
    assert error_of(http.post(portal.webhook_url + "batch", json={}))[0] == 400


def test_find_by_communication(hook: Rest, portal: DemoPortal) -> None:
    dataset = portal.dataset
    person = next(p for p in dataset.planted_people if p.phones_e164)
    phone = person.phones_e164[0]
    found = hook.ok("crm.duplicate.findbycomm", {"type": "PHONE", "values": [phone]})["result"]
    for entity, ids in found.items():
        assert entity in ("LEAD", "CONTACT", "COMPANY")
        assert all(isinstance(identifier, int) for identifier in ids)
    planted = {
        (kind.upper(), identifier)
        for kind, identifier in person.records
        if kind in ("contact", "lead", "company")
    }
    reported = {(entity, identifier) for entity, ids in found.items() for identifier in ids}
    assert planted <= reported
    local = "0" + phone.removeprefix("+380")  # a national spelling with an extension
    again = hook.ok("crm.duplicate.findbycomm", {"type": "PHONE", "values": [local + " доб. 12"]})[
        "result"
    ]
    assert again == found
    nothing = hook.ok(
        "crm.duplicate.findbycomm", {"type": "EMAIL", "values": ["nobody@nowhere.example"]}
    )
    assert nothing["result"] == []
    too_many = hook.error("crm.duplicate.findbycomm", {"type": "EMAIL", "values": ["a@b.c"] * 21})
    assert too_many[0] == 400


def _with_phone(identifier: int, phone: str) -> dict[str, object]:
    return {
        "ID": str(identifier),
        "PHONE": [
            {"ID": str(identifier), "VALUE_TYPE": "WORK", "VALUE": phone, "TYPE_ID": "PHONE"}
        ],
    }


def test_find_by_communication_stops_after_twenty_hits_of_one_type() -> None:
    import dataclasses

    from privacy_desktop.demo_portal.config import DemoPortalConfig
    from privacy_desktop.demo_portal.crm_methods import find_by_communication
    from privacy_desktop.demo_portal.dataset import generate
    from privacy_desktop.demo_portal.oauth import Caller, Credentials
    from privacy_desktop.demo_portal.params import Params
    from privacy_desktop.demo_portal.portal_data import PortalData
    from privacy_desktop.demo_portal.registry import CallContext, Registry

    config = DemoPortalConfig(users=6, contacts=5, leads=5, companies=5, deals=5)
    phone = "+380 (44) 123-45-67"

    def found(leads: int) -> object:
        dataset = dataclasses.replace(
            generate(config),
            leads={i: _with_phone(i, phone) for i in range(1, leads + 1)},
            contacts={7: _with_phone(7, "0441234567 ext. 5")},
            companies={9: _with_phone(9, phone)},
        )
        context = CallContext(
            Caller("webhook", "webhook:test", 1, frozenset({"crm"})),
            Params({"type": "PHONE", "values": ["044 123 45 67"]}),
            PortalData.build(config, dataset),
            Registry(),
            Credentials(1, ("crm",), 3600.0, 30.0),
        )
        return find_by_communication(context).result

    assert found(3) == {"LEAD": [1, 2, 3], "CONTACT": [7], "COMPANY": [9]}
    assert found(19) == {"LEAD": list(range(1, 20)), "CONTACT": [7], "COMPANY": [9]}
    assert found(25) == {"LEAD": list(range(1, 21))}
