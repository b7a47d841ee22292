"""Ground truth for the inventory, spot-checked against hand-written loops over the rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from demo_portal_http import FAST

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.demo_portal.truth import (
    FIELD_KINDS,
    free_text_truth,
    inventory_truth,
    record_counts,
    technical_user_ids,
)
from privacy_desktop.domain.personal_data import Entity, PiiKind

_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)


def _rnokpp_valid(text: str) -> bool:
    """The RNOKPP check digit, written out again here so the truth is checked, not echoed."""
    if len(text) != 10 or not text.isdigit():
        return False
    total = sum(weight * int(digit) for weight, digit in zip(_WEIGHTS, text, strict=False))
    return total % 11 % 10 == int(text[9])


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return generate(DemoPortalConfig(users=30, contacts=400, leads=150, companies=60, deals=90))


@pytest.fixture
def fresh() -> Iterator[DemoPortal]:
    with DemoPortal(FAST) as running:
        yield running


def test_record_counts_cover_every_entity(dataset: Dataset) -> None:
    counts = record_counts(dataset)
    assert set(counts) == {entity.value for entity in Entity}
    assert counts["contact"] == 400
    assert counts["lead"] == 150
    assert counts["user"] == 30  # dismissed users included: a scan uses ADMIN_MODE
    assert counts["requisite"] == len(dataset.requisites) > 0
    assert counts["bank_detail"] == len(dataset.bank_details) > 0
    assert counts["activity"] == len(dataset.activities) > 0
    assert counts["consent"] == 0  # stored consents cannot be read through the API
    assert len(dataset.consents) > 0


def test_phone_and_email_counts_by_hand(dataset: Dataset) -> None:
    truth = inventory_truth(dataset)
    for entity, rows in (("contact", dataset.contacts), ("lead", dataset.leads)):
        with_phone = 0
        with_email = 0
        for row in rows.values():
            if row.get("PHONE"):
                with_phone += 1
            if row.get("EMAIL"):
                with_email += 1
        assert truth[(entity, "PHONE", "phone")] == with_phone
        assert truth[(entity, "EMAIL", "email")] == with_email
        assert 0 < with_phone < len(rows)


def test_identifier_counts_by_hand(dataset: Dataset) -> None:
    truth = inventory_truth(dataset)
    person_requisites = 0
    company_requisites = 0
    for row in dataset.requisites.values():
        if row["PRESET_ID"] == "3":
            person_requisites += 1
            assert _rnokpp_valid(row["RQ_INN"]), "the generator plants no invalid RNOKPP"
        else:
            company_requisites += 1
    assert truth[("requisite", "RQ_INN", "rnokpp")] == person_requisites
    assert truth[("requisite", "RQ_NAME", "person_name")] == person_requisites
    assert truth[("requisite", "RQ_EDRPOU", "edrpou")] == company_requisites
    assert truth[("requisite", "RQ_DIRECTOR", "person_name")] == company_requisites
    assert truth[("bank_detail", "RQ_IBAN", "iban")] == len(dataset.bank_details)
    tax_numbers = [row["UF_CRM_TAX_NUMBER"] for row in dataset.contacts.values()]
    filled = [number for number in tax_numbers if number]
    assert all(_rnokpp_valid(number) for number in filled)
    assert truth[("contact", "UF_CRM_TAX_NUMBER", "rnokpp")] == len(filled)


def test_users_by_hand(dataset: Dataset) -> None:
    truth = inventory_truth(dataset)
    technical = {
        integration.created_by_user_id
        for integration in dataset.integrations
        if integration.created_by_user_id is not None
    }
    assert technical, "this dataset has integration users"
    assert technical <= technical_user_ids(dataset)
    users = list(dataset.users.values())
    # Technical accounts count like people: no field tells them apart.
    assert truth[("user", "NAME", "person_name")] == len(users)
    assert truth[("user", "LAST_LOGIN", "login_time")] == len(users)
    mobiles = sum(1 for row in users if row["PERSONAL_MOBILE"])
    assert truth[("user", "PERSONAL_MOBILE", "phone")] == mobiles < len(users)
    genders = sum(1 for row in users if row["PERSONAL_GENDER"])
    assert truth[("user", "PERSONAL_GENDER", "gender")] == genders
    assert genders == len(users) - len(technical_user_ids(dataset))


def test_activities_and_free_text_by_hand(dataset: Dataset) -> None:
    truth = inventory_truth(dataset)
    with_communications = sum(1 for row in dataset.activities.values() if row["COMMUNICATIONS"])
    assert truth[("activity", "COMMUNICATIONS", "communication")] == with_communications
    free = free_text_truth(dataset)
    card_deals = sum(
        1 for row in dataset.deals.values() if "карткою" in str(row.get("COMMENTS") or "")
    )
    assert free.get(("deal", "COMMENTS", "bank_card"), 0) == card_deals
    calls = sum(
        1 for row in dataset.activities.values() if "дзвінок" in str(row.get("SUBJECT") or "")
    )
    assert free[("activity", "SUBJECT", "phone")] == calls
    assert not set(free) & set(truth)  # structured and free-text truth never overlap


def test_every_key_uses_the_field_table(dataset: Dataset) -> None:
    for entity, field, kind in inventory_truth(dataset):
        assert FIELD_KINDS[Entity(entity)][field] is PiiKind(kind)


def test_truth_follows_writes_and_counts_only_valid_values(fresh: DemoPortal) -> None:
    key = ("contact", "UF_CRM_TAX_NUMBER", "rnokpp")
    before = inventory_truth(fresh.dataset)
    counts = record_counts(fresh.dataset)
    valid = "3012345670"
    assert _rnokpp_valid(valid)
    invalid = valid[:9] + str((int(valid[9]) + 1) % 10)
    fresh.add_record("contact", {"NAME": "Хибний", "UF_CRM_TAX_NUMBER": invalid})
    assert inventory_truth(fresh.dataset)[key] == before[key]
    good = fresh.add_record(
        "contact",
        {"NAME": "Справжній", "UF_CRM_TAX_NUMBER": valid, "PHONE": [{"VALUE": "8 067 123 4567"}]},
    )
    after = inventory_truth(fresh.dataset)
    assert after[key] == before[key] + 1
    assert after[("contact", "PHONE", "phone")] == before[("contact", "PHONE", "phone")] + 1
    fresh.delete_record("contact", good)
    assert inventory_truth(fresh.dataset)[key] == before[key]
    assert record_counts(fresh.dataset)["contact"] == counts["contact"] + 1
