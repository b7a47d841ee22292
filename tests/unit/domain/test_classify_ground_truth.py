"""Classification against the demo portal's generated dataset, counted straight from its rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest
from classify_helpers import classify_dataset, rows_of

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate
from privacy_desktop.demo_portal.portal_data import normalise_phone as demo_phone_digits
from privacy_desktop.domain.classify import RecordClassifier
from privacy_desktop.domain.personal_data import Entity, FoundValue, PiiKind
from privacy_desktop.domain.validators import (
    is_valid_edrpou,
    is_valid_rnokpp,
    normalise_iban,
    rnokpp_birth_date,
    rnokpp_is_male,
)

CONFIG = DemoPortalConfig(seed=11, users=25, contacts=600, leads=250, companies=60, deals=200)
Key = tuple[str, PiiKind]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return generate(CONFIG)


@pytest.fixture(scope="module")
def found(dataset: Dataset) -> dict[Entity, dict[str, list[FoundValue]]]:
    """Entity → record ID → what extraction finds in it."""
    out: dict[Entity, dict[str, list[FoundValue]]] = {}
    for entity in Entity:
        classifier = RecordClassifier(classify_dataset(dataset, entity))
        out[entity] = {str(row["ID"]): classifier.extract(row) for row in rows_of(dataset, entity)}
    return out


def _holding(values: dict[str, list[FoundValue]], field: str, kind: PiiKind) -> set[str]:
    return {rid for rid, found in values.items() if any(
        v.field == field and v.kind is kind for v in found)}  # fmt: skip


def _non_empty(dataset: Dataset, entity: Entity, field: str) -> set[str]:
    return {str(row["ID"]) for row in rows_of(dataset, entity) if row.get(field)}


@pytest.mark.parametrize(
    ("entity", "field", "kind"),
    [
        (Entity.CONTACT, "PHONE", PiiKind.PHONE),
        (Entity.CONTACT, "EMAIL", PiiKind.EMAIL),
        (Entity.CONTACT, "NAME", PiiKind.PERSON_NAME),
        (Entity.CONTACT, "LAST_NAME", PiiKind.PERSON_NAME),
        (Entity.CONTACT, "BIRTHDATE", PiiKind.BIRTHDAY),
        (Entity.CONTACT, "ADDRESS", PiiKind.POSTAL_ADDRESS),
        (Entity.CONTACT, "WEB", PiiKind.WEBSITE),
        (Entity.CONTACT, "IM", PiiKind.MESSENGER),
        (Entity.CONTACT, "UF_CRM_TAX_NUMBER", PiiKind.RNOKPP),
        (Entity.CONTACT, "UF_CRM_PASSPORT", PiiKind.PASSPORT),
        (Entity.LEAD, "PHONE", PiiKind.PHONE),
        (Entity.LEAD, "EMAIL", PiiKind.EMAIL),
        (Entity.LEAD, "UF_CRM_TAX_NUMBER", PiiKind.RNOKPP),
        (Entity.COMPANY, "PHONE", PiiKind.PHONE),
        (Entity.COMPANY, "EMAIL", PiiKind.EMAIL),
        (Entity.DEAL, "UF_CRM_DELIVERY_ADDRESS", PiiKind.POSTAL_ADDRESS),
        (Entity.REQUISITE, "RQ_INN", PiiKind.RNOKPP),
        (Entity.REQUISITE, "RQ_EDRPOU", PiiKind.EDRPOU),
        (Entity.REQUISITE, "RQ_IDENT_DOC_NUM", PiiKind.PASSPORT),
        (Entity.REQUISITE, "RQ_DIRECTOR", PiiKind.PERSON_NAME),
        (Entity.BANK_DETAIL, "RQ_IBAN", PiiKind.IBAN),
        (Entity.ACTIVITY, "COMMUNICATIONS", PiiKind.COMMUNICATION),
        (Entity.CONSENT, "IP", PiiKind.IP_ADDRESS),
        (Entity.CONSENT, "DATE_INSERT", PiiKind.CONSENT),
        (Entity.USER, "EMAIL", PiiKind.EMAIL),
        (Entity.USER, "PERSONAL_MOBILE", PiiKind.PHONE),
        (Entity.USER, "WORK_PHONE", PiiKind.PHONE),
        (Entity.USER, "PERSONAL_BIRTHDAY", PiiKind.BIRTHDAY),
        (Entity.USER, "PERSONAL_GENDER", PiiKind.GENDER),
        (Entity.USER, "PERSONAL_PHOTO", PiiKind.PHOTO),
        (Entity.USER, "LAST_LOGIN", PiiKind.LOGIN_TIME),
        (Entity.USER, "UF_SKYPE", PiiKind.MESSENGER),
    ],
)
def test_records_holding_a_field_are_exactly_those_with_a_value(
    dataset: Dataset,
    found: dict[Entity, dict[str, list[FoundValue]]],
    entity: Entity,
    field: str,
    kind: PiiKind,
) -> None:
    expected = _non_empty(dataset, entity, field)
    assert expected, "the dataset should exercise this field"
    assert _holding(found[entity], field, kind) == expected


def test_every_phone_value_is_found_and_matches_the_portals_own_digits(
    dataset: Dataset, found: dict[Entity, dict[str, list[FoundValue]]]
) -> None:
    for entity in (Entity.CONTACT, Entity.LEAD, Entity.COMPANY):
        for row in rows_of(dataset, entity):
            typed = [item["VALUE"] for item in row.get("PHONE", [])]
            got = [v for v in found[entity][row["ID"]] if v.field == "PHONE"]
            assert [v.display for v in got] == typed
            assert [v.value for v in got] == ["+" + demo_phone_digits(t) for t in typed]


def test_planted_people_are_found_in_every_record_that_shows_them(
    dataset: Dataset, found: dict[Entity, dict[str, list[FoundValue]]]
) -> None:
    assert dataset.planted_people
    for person in dataset.planted_people:
        values_seen: set[str] = set()
        for entity_name, record_id in person.records:
            values = {v.value for v in found[Entity(entity_name)][str(record_id)]}
            assert values, (person.key, entity_name)
            values_seen |= values
        assert set(person.phones_e164) <= values_seen
        assert set(person.emails) <= values_seen
        if person.rnokpp:
            assert person.rnokpp in values_seen


def test_every_generated_identifier_validates(dataset: Dataset) -> None:
    birthdays = {
        row["ID"]: date.fromisoformat(row["BIRTHDATE"][:10])
        for row in dataset.contacts.values()
        if row["BIRTHDATE"]
    }
    checked_birthdays = 0
    for row in dataset.requisites.values():
        if row["RQ_INN"]:
            assert is_valid_rnokpp(row["RQ_INN"])
            assert rnokpp_is_male(row["RQ_INN"]) is not None
            if row["ENTITY_ID"] in birthdays:
                assert rnokpp_birth_date(row["RQ_INN"]) == birthdays[row["ENTITY_ID"]]
                checked_birthdays += 1
        if row["RQ_EDRPOU"]:
            assert is_valid_edrpou(row["RQ_EDRPOU"])
    assert checked_birthdays > 10
    for row in dataset.bank_details.values():
        assert normalise_iban(row["RQ_IBAN"]) == row["RQ_IBAN"]
    for row in (*dataset.contacts.values(), *dataset.leads.values()):
        if row["UF_CRM_TAX_NUMBER"]:
            assert is_valid_rnokpp(row["UF_CRM_TAX_NUMBER"])


def test_rq_name_counts_for_people_only(
    dataset: Dataset, found: dict[Entity, dict[str, list[FoundValue]]]
) -> None:
    people = {row["ID"] for row in dataset.requisites.values() if row["ENTITY_TYPE_ID"] == "3"}
    assert people
    assert people != set(found[Entity.REQUISITE])
    assert _holding(found[Entity.REQUISITE], "RQ_NAME", PiiKind.PERSON_NAME) == people


def _free_text_truth(rows: list[dict[str, Any]], field: str) -> dict[PiiKind, set[str]]:
    """What the generator wrote into free text, recognised by its fixed wording."""
    truth: dict[PiiKind, set[str]] = defaultdict(set)
    for row in rows:
        text = row.get(field) or ""
        if "картк" in text:
            truth[PiiKind.BANK_CARD].add(str(row["ID"]))
        if "передзвонити після 18:00 на" in text or "дзвінок" in text:
            truth[PiiKind.PHONE].add(str(row["ID"]))
    return truth


@pytest.mark.parametrize(
    ("entity", "field"),
    [
        (Entity.CONTACT, "COMMENTS"),
        (Entity.CONTACT, "UF_CRM_NOTES"),
        (Entity.LEAD, "UF_CRM_NOTES"),
        (Entity.DEAL, "COMMENTS"),
        (Entity.ACTIVITY, "SUBJECT"),
    ],
)
def test_identifiers_in_free_text_are_found_and_nothing_else(
    dataset: Dataset,
    found: dict[Entity, dict[str, list[FoundValue]]],
    entity: Entity,
    field: str,
) -> None:
    truth = _free_text_truth(rows_of(dataset, entity), field)
    assert truth, "the dataset should exercise this field"
    kinds_found: Counter[PiiKind] = Counter()
    for values in found[entity].values():
        kinds_found.update({v.kind for v in values if v.field == field})
    assert set(kinds_found) == set(truth)
    for kind, ids in truth.items():
        assert _holding(found[entity], field, kind) == ids, kind


def test_nothing_is_found_where_the_generator_wrote_no_personal_data(
    found: dict[Entity, dict[str, list[FoundValue]]],
) -> None:
    assert all(not values for values in found[Entity.DEPARTMENT].values())
    activity_fields = {v.field for values in found[Entity.ACTIVITY].values() for v in values}
    assert activity_fields == {"COMMUNICATIONS", "SUBJECT"}
    deal_kinds = {(v.field, v.kind) for values in found[Entity.DEAL].values() for v in values}
    assert deal_kinds == {
        ("COMMENTS", PiiKind.BANK_CARD),
        ("UF_CRM_DELIVERY_ADDRESS", PiiKind.POSTAL_ADDRESS),
    }
