"""Write methods over HTTP: envelopes, documented errors, scopes, multi-fields, cascades.

Each test writes records of its own (or picks records nobody else in the module touches), so
the tests share the module's portal without depending on one another.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from demo_portal_http import Rest

from privacy_desktop.demo_portal.crm_business import BANK_DETAIL_KEYS
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.portal.policy import is_write_method

PORTAL_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00\Z")
WRITE_METHODS = [
    f"crm.{entity}.{verb}"
    for entity in ("contact", "lead", "company", "deal", "requisite", "requisite.bankdetail")
    for verb in ("add", "update", "delete")
] + ["crm.activity.delete", "user.update"]


def _add(hook: Rest, entity: str, fields: dict[str, Any]) -> int:
    body = hook.ok(f"crm.{entity}.add", {"fields": fields})
    assert isinstance(body["result"], int)  # an integer, not the string IDs of lists
    return int(body["result"])


def _get(hook: Rest, entity: str, record_id: int) -> dict[str, Any]:
    row: dict[str, Any] = hook.ok(f"crm.{entity}.get", {"id": record_id})["result"]
    return row


def test_every_write_method_exists_and_counts_as_a_write(hook: Rest) -> None:
    for method in WRITE_METHODS:
        assert hook.ok("method.get", {"name": method})["result"] == {
            "isExisting": True,
            "isAvailable": True,
        }, method
        assert is_write_method(method), method


@pytest.mark.parametrize("entity", ["contact", "lead", "company", "deal"])
def test_add_returns_an_integer_id_above_every_existing_one(
    hook: Rest, portal: DemoPortal, entity: str
) -> None:
    highest = max(getattr(portal.dataset, {"company": "companies"}.get(entity, entity + "s")))
    body = hook.ok(f"crm.{entity}.add", {"fields": {"TITLE": "Тест", "NAME": "Ірина"}})
    assert list(body) == ["result", "time"]
    assert body["result"] > highest
    row = _get(hook, entity, body["result"])
    assert row["ID"] == str(body["result"])
    assert row["CREATED_BY_ID"] == row["MODIFY_BY_ID"] == row["ASSIGNED_BY_ID"] == "1"
    assert PORTAL_DATETIME.match(row["DATE_CREATE"])
    assert row["DATE_MODIFY"] == row["DATE_CREATE"]


def test_a_deleted_last_id_is_never_given_again(hook: Rest) -> None:
    first = _add(hook, "lead", {"TITLE": "Один"})
    hook.ok("crm.lead.delete", {"id": first})
    assert _add(hook, "lead", {"TITLE": "Два"}) == first + 1


def test_add_stores_fields_as_the_lists_show_them(hook: Rest) -> None:
    contact_id = _add(
        hook,
        "contact",
        {
            "NAME": "Марʼяна",
            "LAST_NAME": "Коваль",
            "BIRTHDATE": "11.11.2001",
            "OPENED": True,
            "UF_CRM_TAX_NUMBER": 3456789012,
            "PHONE": [{"VALUE": "+380 67 111 22 33", "VALUE_TYPE": "MOBILE"}],
            "EMAIL": {"n0": {"VALUE": "maryana@example.ua"}},  # PHP-style keys
            "NO_SUCH_FIELD": "ignored",
            "DATE_CREATE": "2001-01-01T00:00:00+02:00",  # read-only without IMPORT
        },
    )
    row = _get(hook, "contact", contact_id)
    assert row["BIRTHDATE"] == "2001-11-11T00:00:00+02:00"
    assert row["OPENED"] == "Y"
    assert row["UF_CRM_TAX_NUMBER"] == "3456789012"
    assert row["HAS_PHONE"] == row["HAS_EMAIL"] == "Y"
    assert row["PHONE"][0]["VALUE"] == "+380 67 111 22 33"
    assert row["PHONE"][0]["VALUE_TYPE"] == "MOBILE"
    assert row["PHONE"][0]["TYPE_ID"] == "PHONE"
    assert row["EMAIL"][0]["VALUE_TYPE"] == "WORK"  # the default
    assert "NO_SUCH_FIELD" not in row
    assert not row["DATE_CREATE"].startswith("2001")
    select = ["*", "UF_*", "PHONE"]
    listed = hook.ok("crm.contact.list", {"filter": {"ID": contact_id}, "select": select})
    assert listed["result"][0]["PHONE"] == row["PHONE"]
    assert set(listed["result"][0]) == set(row) - {"EMAIL"}


def test_import_mode_may_backdate_a_record(hook: Rest) -> None:
    body = hook.ok(
        "crm.contact.add",
        {
            "fields": {
                "NAME": "Старий",
                "DATE_CREATE": "2020-03-05T10:00:00+02:00",
                "DATE_MODIFY": "05.03.2020 12:00:00",
                "CREATED_BY_ID": 3,
            },
            "params": {"IMPORT": "Y"},
        },
    )
    row = _get(hook, "contact", body["result"])
    assert row["DATE_CREATE"] == "2020-03-05T10:00:00+02:00"
    assert row["DATE_MODIFY"] == "2020-03-05T12:00:00+02:00"
    assert row["CREATED_BY_ID"] == row["MODIFY_BY_ID"] == "3"


def test_update_changes_only_the_fields_given_and_stamps_the_change(
    portal: DemoPortal, http: httpx.Client, hook: Rest
) -> None:
    contact_id = _add(hook, "contact", {"NAME": "Олег", "LAST_NAME": "Бондар", "POST": "Юрист"})
    before = _get(hook, "contact", contact_id)
    other = Rest(http, portal.add_webhook(4, ["crm"]))
    body = other.ok("crm.contact.update", {"ID": contact_id, "FIELDS": {"POST": "Директор"}})
    assert body["result"] is True
    after = _get(hook, "contact", contact_id)
    assert after["POST"] == "Директор"
    assert after["NAME"] == "Олег"
    assert after["MODIFY_BY_ID"] == "4"
    assert after["CREATED_BY_ID"] == "1"
    assert after["DATE_MODIFY"] >= before["DATE_MODIFY"]
    assert PORTAL_DATETIME.match(after["DATE_MODIFY"])
    changed = {key for key in after if after[key] != before[key]}
    assert changed <= {"POST", "MODIFY_BY_ID", "DATE_MODIFY"}


def test_multi_field_update_semantics(hook: Rest) -> None:
    phones = [{"VALUE": value} for value in ("111111", "222222", "333333", "444444")]
    contact_id = _add(hook, "contact", {"NAME": "Мульти", "PHONE": phones})
    ids = [entry["ID"] for entry in _get(hook, "contact", contact_id)["PHONE"]]
    hook.ok(
        "crm.contact.update",
        {
            "id": contact_id,
            "fields": {
                "PHONE": [
                    {"ID": ids[0], "DELETE": "Y"},
                    {"ID": ids[1], "VALUE": ""},
                    {"ID": ids[2]},
                    {"ID": ids[3], "VALUE": "555555", "VALUE_TYPE": "MOBILE"},
                    {"VALUE": "666666"},
                    {"ID": "999999999", "VALUE": "ignored: not this record's entry"},
                ]
            },
        },
    )
    after = _get(hook, "contact", contact_id)["PHONE"]
    assert [(e["ID"], e["VALUE"], e["VALUE_TYPE"]) for e in after] == [
        (ids[3], "555555", "MOBILE"),
        (after[1]["ID"], "666666", "WORK"),
    ]
    assert int(after[1]["ID"]) > int(ids[3])
    remove_all = [{"ID": entry["ID"]} for entry in after]
    hook.ok("crm.contact.update", {"id": contact_id, "fields": {"PHONE": remove_all}})
    row = _get(hook, "contact", contact_id)
    assert "PHONE" not in row  # a get shows a multi-field only when it has values
    assert row["HAS_PHONE"] == "N"


def test_duplicate_search_follows_adds_updates_and_deletes(hook: Rest) -> None:
    def found(value: str) -> Any:
        return hook.ok(
            "crm.duplicate.findbycomm", {"type": "PHONE", "values": [value], "entity_type": "LEAD"}
        )["result"]

    lead_id = _add(hook, "lead", {"TITLE": "Дзвінок", "PHONE": [{"VALUE": "(093) 777-10-20"}]})
    assert found("+380937771020") == {"LEAD": [lead_id]}
    entry = _get(hook, "lead", lead_id)["PHONE"][0]["ID"]
    changed = [{"ID": entry, "VALUE": "093 777 10 21"}]
    hook.ok("crm.lead.update", {"id": lead_id, "fields": {"PHONE": changed}})
    assert found("0937771020") == []
    assert found("0937771021") == {"LEAD": [lead_id]}
    hook.ok("crm.lead.delete", {"id": lead_id})
    assert found("0937771021") == []


def test_invalid_email_is_refused_and_nothing_is_written(hook: Rest, portal: DemoPortal) -> None:
    count = len(portal.dataset.contacts)
    status, code, text = hook.error(
        "crm.contact.add", {"fields": {"NAME": "Х", "EMAIL": [{"VALUE": "not-an-address"}]}}
    )
    assert (status, code) == (400, "ERROR_CORE")
    assert text == "The field `Work e-mail` contains an invalid address"
    assert "not-an-address" not in text
    assert len(portal.dataset.contacts) == count


@pytest.mark.parametrize(
    ("method", "params", "expected"),
    [
        ("crm.contact.add", {"fields": "x"}, (400, "", "Parameter 'fields' must be array.")),
        ("crm.contact.add", {}, (400, "", "Parameter 'fields' must be array.")),
        (
            "crm.contact.add",
            {"fields": {"NAME": "A"}, "params": "x"},
            (400, "", "Parameter 'params' must be array."),
        ),
        ("crm.contact.update", {"fields": {}}, (400, "", "ID is not defined or invalid.")),
        ("crm.contact.update", {"id": "abc"}, (400, "", "ID is not defined or invalid.")),
        ("crm.contact.update", {"id": 999999, "fields": {}}, (400, "", "Contact is not found")),
        ("crm.lead.update", {"id": 999999, "fields": {}}, (400, "", "Lead is not found")),
        ("crm.deal.update", {"id": 999999, "fields": {}}, (400, "", "Deal is not found")),
        ("crm.company.update", {"id": 999999, "fields": {}}, (400, "", "Company is not found")),
        ("crm.contact.delete", {}, (400, "", "ID is not defined or invalid.")),
        ("crm.contact.delete", {"id": 999999}, (400, "ERROR_CORE", "Element not found")),
        ("crm.company.delete", {"id": 999999}, (400, "ERROR_CORE", "Element not found")),
        (
            "crm.company.add",
            {"fields": {"PHONE": [{"VALUE": "0441234567"}]}},
            (400, "ERROR_CORE", 'The field "Назва компанії" is required.'),
        ),
        (
            "crm.contact.add",
            {"fields": {"BIRTHDATE": "31.02.2001"}},
            (400, "ERROR_CORE", 'The field "Дата народження" contains an invalid date.'),
        ),
    ],
)
def test_documented_errors_of_crm_writes(
    hook: Rest, method: str, params: dict[str, Any], expected: tuple[int, str, str]
) -> None:
    assert hook.error(method, params) == expected


def test_writes_need_the_crm_scope(portal: DemoPortal, http: httpx.Client) -> None:
    no_crm = Rest(http, portal.add_webhook(1, ["user"]))
    for method in WRITE_METHODS[:-1]:
        status, code, _ = no_crm.error(method, {"fields": {"NAME": "A"}})
        assert (status, code) == (403, "insufficient_scope"), method


def test_delete_takes_requisites_bank_details_and_activities_along(
    hook: Rest, portal: DemoPortal
) -> None:
    dataset = portal.dataset
    contact_id = next(
        int(row["ENTITY_ID"])
        for row in dataset.requisites.values()
        if row["ENTITY_TYPE_ID"] == "3"
        and any(bank["ENTITY_ID"] == row["ID"] for bank in dataset.bank_details.values())
        and any(
            act["OWNER_TYPE_ID"] == "3" and act["OWNER_ID"] == row["ENTITY_ID"]
            for act in dataset.activities.values()
        )
    )
    requisites = [
        row["ID"]
        for row in dataset.requisites.values()
        if row["ENTITY_ID"] == str(contact_id) and row["ENTITY_TYPE_ID"] == "3"
    ]
    deals = [d["ID"] for d in dataset.deals.values() if d["CONTACT_ID"] == str(contact_id)]
    assert hook.ok("crm.contact.delete", {"id": contact_id})["result"] is True
    assert hook.error("crm.contact.get", {"id": contact_id}) == (400, "", "Not found")
    for method, field, value in (
        ("crm.contact.list", "ID", contact_id),
        ("crm.requisite.list", "ENTITY_ID", contact_id),
        ("crm.requisite.bankdetail.list", "@ENTITY_ID", requisites),
        ("crm.activity.list", "OWNER_ID", contact_id),
    ):
        filter_ = {field: value}
        if method == "crm.activity.list":
            filter_["OWNER_TYPE_ID"] = 3
        if method == "crm.requisite.list":
            filter_["ENTITY_TYPE_ID"] = 3  # a company may have the same ID
        assert hook.ok(method, {"filter": filter_})["total"] == 0, method
    for deal_id in deals:  # the deal stays, unlinked
        assert _get(hook, "deal", int(deal_id))["CONTACT_ID"] is None
    recycled = portal.recycle_bin()[-1]
    assert (recycled.table, recycled.record_id) == ("contact", contact_id)
    assert {table for table, _, _ in recycled.dependents} == {
        "requisite",
        "bankdetail",
        "activity",
    }


def test_written_rows_have_the_keys_of_generated_rows(hook: Rest, portal: DemoPortal) -> None:
    generated = next(iter(portal.dataset.bank_details.values()))
    assert tuple(generated) == BANK_DETAIL_KEYS
    contact_id = _add(hook, "contact", {"NAME": "Ключі"})
    requisite_id = portal.add_record(
        "requisite", {"ENTITY_TYPE_ID": 3, "ENTITY_ID": contact_id, "PRESET_ID": 3, "NAME": "x"}
    )
    bank_id = portal.add_record("bank_detail", {"ENTITY_ID": requisite_id, "NAME": "y"})
    bank = portal.record("bank_detail", bank_id)
    requisite = portal.record("requisite", requisite_id)
    assert bank is not None
    assert requisite is not None
    assert list(bank) == list(generated)
    assert list(requisite) == list(next(iter(portal.dataset.requisites.values())))


def test_activity_delete(hook: Rest, portal: DemoPortal) -> None:
    activity_id = max(portal.dataset.activities)
    assert hook.ok("crm.activity.delete", {"id": activity_id})["result"] is True
    assert hook.ok("crm.activity.list", {"filter": {"ID": activity_id}})["total"] == 0
    assert hook.error("crm.activity.delete", {"id": activity_id}) == (
        400,
        "",
        "Activity is not found",
    )
    assert hook.error("crm.activity.delete", {}) == (400, "", "ID is not defined or invalid.")


def test_requisite_and_bank_detail_life_cycle(hook: Rest) -> None:
    contact_id = _add(hook, "contact", {"NAME": "Реквізит"})
    requisite_id = hook.ok(
        "crm.requisite.add",
        {
            "fields": {
                "ENTITY_TYPE_ID": 3,
                "ENTITY_ID": contact_id,
                "PRESET_ID": 3,
                "NAME": "Фізична особа",
                "RQ_INN": "3012345678",
                "RQ_LAST_NAME": "Реквізит",
            }
        },
    )["result"]
    assert isinstance(requisite_id, int)
    row = hook.ok("crm.requisite.list", {"filter": {"ID": requisite_id}})["result"][0]
    assert row["ENTITY_ID"] == str(contact_id)
    assert row["RQ_INN"] == "3012345678"
    bank_id = hook.ok(
        "crm.requisite.bankdetail.add",
        {"fields": {"ENTITY_ID": requisite_id, "NAME": "Рахунок", "RQ_IBAN": "UA00 1234"}},
    )["result"]
    assert isinstance(bank_id, int)
    update = {"id": bank_id, "fields": {"RQ_IBAN": "UA213223130000026007233566001"}}
    assert hook.ok("crm.requisite.bankdetail.update", update)["result"] is True
    bank = hook.ok("crm.requisite.bankdetail.list", {"filter": {"ID": bank_id}})["result"][0]
    assert bank["RQ_IBAN"] == "UA213223130000026007233566001"
    assert bank["COUNTRY_ID"] == "14"
    assert (
        hook.ok("crm.requisite.update", {"id": requisite_id, "fields": {"RQ_INN": ""}})["result"]
        is True
    )
    assert (
        hook.ok("crm.requisite.list", {"filter": {"ID": requisite_id}})["result"][0]["RQ_INN"]
        is None
    )
    assert hook.ok("crm.requisite.delete", {"id": requisite_id})["result"] is True
    assert hook.ok("crm.requisite.bankdetail.list", {"filter": {"ID": bank_id}})["total"] == 0


@pytest.mark.parametrize(
    ("method", "params", "text"),
    [
        ("crm.requisite.add", {"fields": {}}, "ENTITY_TYPE_ID is not defined or invalid."),
        (
            "crm.requisite.add",
            {"fields": {"ENTITY_TYPE_ID": 3, "PRESET_ID": 3}},
            "ENTITY_ID is not defined or invalid.",
        ),
        (
            "crm.requisite.add",
            {"fields": {"ENTITY_TYPE_ID": 4, "ENTITY_ID": 1}},
            "PRESET_ID is not defined or invalid.",
        ),
        (
            "crm.requisite.add",
            {"fields": {"ENTITY_TYPE_ID": 4, "ENTITY_ID": 999999, "PRESET_ID": 1, "NAME": "x"}},
            "Entity not found.",
        ),
        (
            "crm.requisite.add",
            {"fields": {"ENTITY_TYPE_ID": 4, "ENTITY_ID": 1, "PRESET_ID": 1}},
            'The field "NAME" is required.',
        ),
        ("crm.requisite.update", {"id": 0, "fields": {}}, "ID is not defined or invalid."),
        (
            "crm.requisite.update",
            {"id": 999999, "fields": {}},
            "The Requisite with ID '999999' is not found",
        ),
        ("crm.requisite.delete", {"id": 999999}, "The Requisite with ID '999999' is not found"),
        (
            "crm.requisite.bankdetail.add",
            {"fields": {"NAME": "x"}},
            "ENTITY_ID is not defined or invalid.",
        ),
        (
            "crm.requisite.bankdetail.add",
            {"fields": {"ENTITY_ID": 999999, "NAME": "x"}},
            "The Requisite with ID '999999' is not found",
        ),
        (
            "crm.requisite.bankdetail.update",
            {"id": 999999, "fields": {}},
            "The RequisiteBankDetail with ID '999999' is not found",
        ),
        (
            "crm.requisite.bankdetail.delete",
            {"id": 999999},
            "The RequisiteBankDetail with ID '999999' is not found",
        ),
    ],
)
def test_documented_errors_of_requisite_writes(
    hook: Rest, method: str, params: dict[str, Any], text: str
) -> None:
    # Unlike crm.requisite.list (error 0), the write methods answer with an empty code.
    assert hook.error(method, params) == (400, "", text)


def test_user_update_dismisses_and_clears_an_employee(portal: DemoPortal, hook: Rest) -> None:
    user_id = max(int(i) for i, row in portal.dataset.users.items() if row["ACTIVE"] is True)
    changes = {"ID": user_id, "ACTIVE": "N", "PERSONAL_MOBILE": "", "UF_DEPARTMENT": [1]}
    body = hook.ok("user.update", changes)
    assert body["result"] is True
    assert hook.ok("user.get", {"FILTER": {"ID": user_id}})["total"] == 0  # only active ones
    row = hook.ok("user.get", {"FILTER": {"ID": user_id}, "ADMIN_MODE": True})["result"][0]
    assert row["ACTIVE"] is False
    assert row["PERSONAL_MOBILE"] == ""
    assert row["UF_DEPARTMENT"] == [1]
    assert PORTAL_DATETIME.match(row["TIMESTAMP_X"])


def test_user_update_is_for_administrators_with_the_user_scope(
    portal: DemoPortal, http: httpx.Client, hook: Rest
) -> None:
    basic = Rest(http, portal.add_webhook(1, ["user_basic"]))
    assert basic.error("user.update", {"ID": 2, "NAME": "x"})[:2] == (403, "insufficient_scope")
    employee = Rest(http, portal.add_webhook(2, ["user"]))
    assert employee.error("user.update", {"ID": 2, "NAME": "x"}) == (
        400,
        "ERROR_CORE",
        "access_denied",
    )
    assert hook.error("user.update", {"ID": 999999, "NAME": "x"}) == (
        400,
        "ERROR_CORE",
        "access_denied",
    )
    assert hook.error("user.update", {"NAME": "x"}) == (400, "ERROR_CORE", "access_denied")
    assert hook.error("user.delete", {"ID": 2})[:2] == (404, "ERROR_METHOD_NOT_FOUND")


def test_a_batch_can_add_then_read_back(hook: Rest) -> None:
    body = hook.ok(
        "batch",
        {
            "halt": 1,
            "cmd": {
                "add": "crm.contact.add?fields[NAME]=%D0%91%D0%B0%D1%82%D1%87",
                "get": "crm.contact.get?id=$result[add]",
                "bad": "crm.contact.update?id=999999&fields[NAME]=x",
                "never": "crm.contact.delete?id=$result[add]",
            },
        },
    )["result"]
    new_id = body["result"]["add"]
    assert body["result"]["get"]["ID"] == str(new_id)
    assert body["result"]["get"]["NAME"] == "Батч"
    refusal = {"error": "", "error_description": "Contact is not found"}
    assert body["result_error"] == {"bad": refusal}
    assert "never" not in body["result"]  # halt stopped the batch before the delete
    assert _get(hook, "contact", new_id)["NAME"] == "Батч"


def test_an_application_writes_as_its_user(app: Rest) -> None:
    contact_id = _add(app, "contact", {"NAME": "Додаток"})
    assert _get(app, "contact", contact_id)["CREATED_BY_ID"] == "1"
