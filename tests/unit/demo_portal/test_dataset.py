"""The generated dataset: determinism, sizes, IDs, REST shapes and cross-references."""

from __future__ import annotations

import dataclasses
import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from demo_dataset_checks import KYIV_DATETIME, tables

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate

SMALL = DemoPortalConfig(seed=3, users=8, contacts=120, leads=40, companies=15, deals=30)
CRM_TABLES = ("contacts", "leads", "companies", "deals")


def test_same_seed_and_sizes_give_an_equal_dataset() -> None:
    assert generate(SMALL) == generate(SMALL)


def test_another_seed_gives_other_people() -> None:
    first = generate(SMALL)
    other = generate(dataclasses.replace(SMALL, seed=4))
    names = {(r["NAME"], r["LAST_NAME"]) for r in first.contacts.values()}
    other_names = {(r["NAME"], r["LAST_NAME"]) for r in other.contacts.values()}
    assert first.contacts != other.contacts
    assert len(names & other_names) < len(names) // 2


def test_sizes_follow_the_config(dataset: Dataset, medium_config: DemoPortalConfig) -> None:
    assert len(dataset.users) == medium_config.users
    assert len(dataset.contacts) == medium_config.contacts
    assert len(dataset.leads) == medium_config.leads
    assert len(dataset.companies) == medium_config.companies
    assert len(dataset.deals) == medium_config.deals
    person_requisites = sum(1 for r in dataset.requisites.values() if r["ENTITY_TYPE_ID"] == "3")
    assert 0.25 < person_requisites / len(dataset.contacts) < 0.35
    assert 1.8 < len(dataset.activities) / len(dataset.contacts) < 2.9
    assert len(dataset.agreements) == 3
    assert len(dataset.agreement_texts) == 3


@pytest.mark.parametrize("table", [*CRM_TABLES, "requisites", "bank_details", "activities"])
def test_crm_ids_run_from_one_with_about_two_percent_gaps(dataset: Dataset, table: str) -> None:
    rows = getattr(dataset, table)
    ids = list(rows)
    assert ids == sorted(ids)
    assert ids[0] >= 1
    missing = ids[-1] - len(ids)
    assert missing >= 1
    assert missing / ids[-1] < 0.05


def test_users_and_departments_have_no_gaps(dataset: Dataset) -> None:
    assert list(dataset.users) == list(range(1, len(dataset.users) + 1))
    assert list(dataset.departments) == list(range(1, len(dataset.departments) + 1))


def test_every_row_carries_its_id_as_a_string(dataset: Dataset) -> None:
    for entity, rows in tables(dataset):
        for key, row in rows.items():
            assert row["ID"] == str(key), entity
    for key, row in dataset.departments.items():
        assert row["ID"] == str(key)
    for key, row in dataset.agreements.items():
        assert row["ID"] == str(key)


def test_users_have_the_user_get_shape(dataset: Dataset) -> None:
    departments = set(dataset.departments)
    for row in dataset.users.values():
        assert isinstance(row["ACTIVE"], bool)
        assert isinstance(row["UF_DEPARTMENT"], list)
        assert row["UF_DEPARTMENT"]
        assert all(type(d) is int and d in departments for d in row["UF_DEPARTMENT"])
        assert row["USER_TYPE"] == "employee"
        assert row["PERSONAL_GENDER"] in ("M", "F", "")
        for key, value in row.items():
            if key not in ("ACTIVE", "UF_DEPARTMENT"):
                assert isinstance(value, str), key  # missing user values are "" never None
        for key in ("LAST_LOGIN", "DATE_REGISTER", "TIMESTAMP_X"):
            assert KYIV_DATETIME.fullmatch(row[key]), key
        if row["PERSONAL_BIRTHDAY"]:
            assert KYIV_DATETIME.fullmatch(row["PERSONAL_BIRTHDAY"])
    assert dataset.users[1]["ACTIVE"] is True
    assert any(row["ACTIVE"] is False for row in dataset.users.values())  # dismissed people


def test_departments_form_a_tree_with_heads(dataset: Dataset) -> None:
    for row in dataset.departments.values():
        assert isinstance(row["SORT"], int)
        assert row["NAME"]
        if row["ID"] != "1":
            assert int(row["PARENT"]) in dataset.departments
        if "UF_HEAD" in row:
            assert int(row["UF_HEAD"]) in dataset.users
    assert "PARENT" not in dataset.departments[1]


def test_datetimes_carry_the_kyiv_offset_of_their_moment(dataset: Dataset) -> None:
    kyiv = ZoneInfo("Europe/Kyiv")
    keys = ("DATE_CREATE", "DATE_MODIFY", "CREATED", "LAST_UPDATED", "START_TIME", "END_TIME")
    checked = 0
    offsets = set()
    for _, rows in tables(dataset):
        for row in rows.values():
            for key in keys:
                value = row.get(key)
                if value is None:
                    continue
                assert KYIV_DATETIME.fullmatch(value), (key, value)
                moment = datetime.fromisoformat(value)
                assert moment.utcoffset() == moment.astimezone(kyiv).utcoffset(), value
                offsets.add(value[-6:])
                checked += 1
    assert checked > 10_000
    assert offsets == {"+02:00", "+03:00"}


def test_records_spread_over_three_years_and_modify_after_create(dataset: Dataset) -> None:
    created = []
    for table in CRM_TABLES:
        for row in getattr(dataset, table).values():
            create = datetime.fromisoformat(row["DATE_CREATE"])
            assert datetime.fromisoformat(row["DATE_MODIFY"]) >= create
            created.append(create)
    span = max(created) - min(created)
    assert 2.5 * 365 < span.days <= 3 * 365


def test_crm_values_are_strings_flags_or_null(dataset: Dataset) -> None:
    flags = ("OPENED", "HAS_PHONE", "HAS_EMAIL", "HAS_IMOL", "EXPORT", "IS_MY_COMPANY", "CLOSED")
    for table in (*CRM_TABLES, "requisites", "bank_details"):
        for row in getattr(dataset, table).values():
            for key, value in row.items():
                if key in ("PHONE", "EMAIL", "WEB", "IM"):
                    continue
                assert value is None or isinstance(value, str), (table, key, value)
                if key in flags and value is not None:
                    assert value in ("Y", "N"), (key, value)


def test_multifields_have_the_legacy_shape_and_are_absent_when_empty(dataset: Dataset) -> None:
    seen_ids = set()
    kinds = {"PHONE", "EMAIL", "WEB", "IM"}
    present = dict.fromkeys(kinds, 0)
    for table in ("contacts", "leads", "companies"):
        for row in getattr(dataset, table).values():
            for kind in kinds & row.keys():
                entries = row[kind]
                assert entries, (table, row["ID"], kind)  # key absent rather than empty
                present[kind] += 1
                for entry in entries:
                    assert set(entry) == {"ID", "VALUE_TYPE", "VALUE", "TYPE_ID"}
                    assert entry["TYPE_ID"] == kind
                    assert all(isinstance(v, str) and v for v in entry.values())
                    assert entry["ID"] not in seen_ids
                    seen_ids.add(entry["ID"])
            if table != "companies":
                assert row["HAS_PHONE"] == ("Y" if "PHONE" in row else "N")
                assert row["HAS_EMAIL"] == ("Y" if "EMAIL" in row else "N")
    assert all(count > 0 for count in present.values()), present
    contacts = list(dataset.contacts.values())
    assert any("PHONE" not in row for row in contacts)
    assert any("EMAIL" not in row for row in contacts)


def test_messengers_and_websites_look_real(dataset: Dataset) -> None:
    im_types = set()
    for row in dataset.contacts.values():
        for entry in row.get("IM", []):
            im_types.add(entry["VALUE_TYPE"])
            if entry["VALUE_TYPE"] == "TELEGRAM":
                assert re.fullmatch(r"@[a-z0-9_]{5,}", entry["VALUE"])
            if entry["VALUE_TYPE"] == "VIBER":
                assert re.fullmatch(r"\+380\d{9}", entry["VALUE"])
        for entry in row.get("WEB", []):
            assert entry["VALUE"].startswith("https://")
    assert im_types == {"TELEGRAM", "VIBER", "SKYPE"}


def test_references_point_at_existing_records(dataset: Dataset) -> None:
    users = set(dataset.users)
    for table in (*CRM_TABLES, "requisites", "bank_details"):
        for row in getattr(dataset, table).values():
            for key in ("ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID"):
                if key in row:
                    assert int(row[key]) in users, (table, key)
    for row in dataset.contacts.values():
        if row["COMPANY_ID"] is not None:
            assert int(row["COMPANY_ID"]) in dataset.companies
    for row in dataset.deals.values():
        if row["CONTACT_ID"] is not None:
            assert int(row["CONTACT_ID"]) in dataset.contacts
        if row["COMPANY_ID"] != "0":
            assert int(row["COMPANY_ID"]) in dataset.companies
    owners = {"3": dataset.contacts, "4": dataset.companies}
    for row in dataset.requisites.values():
        assert int(row["ENTITY_ID"]) in owners[row["ENTITY_TYPE_ID"]]
    for row in dataset.bank_details.values():
        assert int(row["ENTITY_ID"]) in dataset.requisites
    activity_owners = {"1": dataset.leads, "3": dataset.contacts, "4": dataset.companies}
    for row in dataset.activities.values():
        assert int(row["OWNER_ID"]) in activity_owners[row["OWNER_TYPE_ID"]]
        assert int(row["RESPONSIBLE_ID"]) in users
        assert int(row["AUTHOR_ID"]) in users


def test_activities_are_string_valued_with_owner_communications(dataset: Dataset) -> None:
    kinds = {"1": "CRM_MEETING", "2": "VOXIMPLANT_CALL", "4": "CRM_EMAIL"}
    seen = set()
    for row in dataset.activities.values():
        seen.add(row["TYPE_ID"])
        assert row["COMPLETED"] in ("Y", "N")
        assert row["OWNER_TYPE_ID"] in ("1", "3", "4")
        if row["ORIGINATOR_ID"] is None:
            assert row["PROVIDER_ID"] == kinds[row["TYPE_ID"]]
        for key, value in row.items():
            if key not in ("COMMUNICATIONS", "SETTINGS"):
                assert value is None or isinstance(value, str), key
        owner_rows = {"1": dataset.leads, "3": dataset.contacts, "4": dataset.companies}
        owner = owner_rows[row["OWNER_TYPE_ID"]][int(row["OWNER_ID"])]
        for comm in row["COMMUNICATIONS"]:
            assert comm["ENTITY_ID"] == row["OWNER_ID"]
            assert comm["ENTITY_TYPE_ID"] == row["OWNER_TYPE_ID"]
            assert comm["VALUE"] in {e["VALUE"] for e in owner.get(comm["TYPE"], [])}
            if row["OWNER_TYPE_ID"] != "4":
                assert comm["ENTITY_SETTINGS"]["LAST_NAME"] == (owner["LAST_NAME"] or "")
        if row["TYPE_ID"] == "4":
            assert row["DESCRIPTION"]
            assert row["COMMUNICATIONS"][0]["TYPE"] == "EMAIL"
    assert seen == {"1", "2", "4"}


def test_userfields_match_the_uf_values_in_records(dataset: Dataset) -> None:
    for entity, table in (("contact", "contacts"), ("lead", "leads"), ("company", "companies"),
                          ("deal", "deals")):  # fmt: skip
        declared = {row["FIELD_NAME"]: row for row in dataset.userfields[entity]}
        used = {k for row in getattr(dataset, table).values() for k in row if k.startswith("UF_")}
        assert used == set(declared), entity
        described = dataset.entity_fields[entity]
        for name, row in declared.items():
            assert row["ENTITY_ID"] == "CRM_" + entity.upper()
            assert row["MULTIPLE"] in ("Y", "N")
            assert row["MANDATORY"] in ("Y", "N")
            assert described[name]["isDynamic"] is True
            assert re.search("[а-яіїєґ]", described[name]["title"], re.IGNORECASE)
        for field in ("ID", "DATE_CREATE", "ASSIGNED_BY_ID"):
            assert field in described
    contact_ufs = {row["FIELD_NAME"] for row in dataset.userfields["contact"]}
    assert {"UF_CRM_TAX_NUMBER", "UF_CRM_PASSPORT", "UF_CRM_NOTES"} <= contact_ufs
    loyalty = next(r for r in dataset.userfields["contact"] if r["USER_TYPE_ID"] == "enumeration")
    ids = {item["ID"] for item in loyalty["LIST"]}
    assert {r["UF_CRM_LOYALTY_LEVEL"] for r in dataset.contacts.values()} - {None} <= ids


def test_entity_fields_describe_every_column(dataset: Dataset) -> None:
    keys = {"type", "isRequired", "isReadOnly", "isImmutable", "isMultiple", "isDynamic", "title"}
    for entity, table in (("contact", "contacts"), ("lead", "leads"), ("company", "companies"),
                          ("deal", "deals"), ("user", "users")):  # fmt: skip
        described = dataset.entity_fields[entity]
        columns = {k for row in getattr(dataset, table).values() for k in row}
        assert columns <= set(described), (entity, columns - set(described))
        for description in described.values():
            assert keys <= set(description)
    assert dataset.entity_fields["contact"]["PHONE"]["type"] == "crm_multifield"
    assert dataset.entity_fields["contact"]["PHONE"]["isMultiple"] is True


def test_agreements_and_recorded_consents(dataset: Dataset) -> None:
    names = [row["NAME"] for row in dataset.agreements.values()]
    assert "Згода на обробку персональних даних для розсилки" in names
    for agreement_id, text in dataset.agreement_texts.items():
        assert agreement_id in dataset.agreements
        assert "з метою" in text
        assert "ТОВ «" in text
    assert dataset.consents
    for consent in dataset.consents:
        assert int(consent["AGREEMENT_ID"]) in dataset.agreements
        assert re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", consent["IP"])
        assert consent["URL"].startswith("https://")
        if consent["CONTACT_ID"] is not None:
            assert int(consent["CONTACT_ID"]) in dataset.contacts


@pytest.mark.parametrize(
    "config",
    [
        DemoPortalConfig(users=1, contacts=0, leads=0, companies=0, deals=0),
        DemoPortalConfig(users=3, contacts=5, leads=1, companies=1, deals=2),
        DemoPortalConfig(users=5, contacts=49, leads=0, companies=3, deals=0),
    ],
)
def test_tiny_portals_generate_consistently(config: DemoPortalConfig) -> None:
    dataset = generate(config)
    assert len(dataset.users) == config.users
    assert len(dataset.contacts) == config.contacts
    assert len(dataset.leads) == config.leads
    assert dataset.users[1]["ACTIVE"] is True
    for person in dataset.planted_people:
        assert person.records


@pytest.mark.slow
def test_one_hundred_thousand_contacts_generate() -> None:
    config = DemoPortalConfig(contacts=100_000)
    started = time.process_time()
    dataset = generate(config)
    elapsed = time.process_time() - started
    print(f"100 000 contacts: {elapsed:.1f} s CPU, {len(dataset.activities)} activities")
    assert len(dataset.contacts) == 100_000
    assert len(dataset.planted_people) == 20
    phones = [e["VALUE"] for r in dataset.contacts.values() for e in r.get("PHONE", [])]
    assert len(phones) > 100_000


def test_names_are_ukrainian_with_latin_leads_and_all_apostrophes(dataset: Dataset) -> None:
    contact_names = [f"{r['NAME']} {r['LAST_NAME']}" for r in dataset.contacts.values()]
    assert all(re.fullmatch(r"[А-ЯІЇЄҐа-яіїєґʼ'’ -]+", n) for n in contact_names)
    for mark in ("ʼ", "'", "’"):
        assert any(mark in n for n in contact_names), mark
    second_names = [r["SECOND_NAME"] for r in dataset.contacts.values() if r["SECOND_NAME"]]
    assert any(n.endswith(("ович", "івна", "ївна")) for n in second_names)
    latin = [r for r in dataset.leads.values() if re.fullmatch(r"[A-Za-z]+", r["NAME"])]
    assert 0.03 < len(latin) / len(dataset.leads) < 0.15
    female_surnames = {r["LAST_NAME"] for r in dataset.contacts.values() if r["HONORIFIC"]
                       == "HNR_UA_2"}  # fmt: skip
    assert any(s.endswith(("ська", "цька", "ова")) for s in female_surnames)
    assert not any(s.endswith(("ський", "цький")) for s in female_surnames)


def test_employees_are_of_working_age(dataset: Dataset) -> None:
    for row in dataset.users.values():
        if row["PERSONAL_BIRTHDAY"]:
            born = datetime.fromisoformat(row["PERSONAL_BIRTHDAY"]).year
            assert 2026 - 81 < born <= 2026 - 18
    planted_users = {k for p in dataset.planted_people for e, k in p.records if e == "user"}
    ages = [
        2026 - datetime.fromisoformat(r["PERSONAL_BIRTHDAY"]).year
        for k, r in dataset.users.items()
        if r["PERSONAL_BIRTHDAY"] and k not in planted_users
    ]
    assert ages
    assert max(ages) <= 66


def test_companies_look_ukrainian(dataset: Dataset) -> None:
    for row in dataset.companies.values():
        assert re.fullmatch(r"(ТОВ|ПП|АТ|ПрАТ|ФГ) «[А-ЯІЇЄҐ][а-яіїєґ']+»", row["TITLE"])
        assert row["WEB"][0]["VALUE"].endswith((".ua", ".com"))
        assert "SOURCE_ID" not in row  # the company table has no source
