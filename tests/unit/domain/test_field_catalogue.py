"""The catalogue covers every personal field the demo portal describes, in the right category."""

from __future__ import annotations

import pytest
from classify_helpers import classify_dataset, descriptors, rows_of

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate
from privacy_desktop.domain.field_catalogue import (
    TEXT_KINDS,
    catalogue,
    default_category,
    is_catalogued,
    text_fields,
)
from privacy_desktop.domain.personal_data import (
    CATEGORY_PURPOSES,
    Category,
    ClassificationSource,
    Entity,
    PiiKind,
)

_BOOKKEEPING = {
    "ID",
    "XML_ID",
    "ASSIGNED_BY_ID",
    "CREATED_BY_ID",
    "MODIFY_BY_ID",
    "DATE_CREATE",
    "DATE_MODIFY",
    "OPENED",
    "ORIGINATOR_ID",
    "ORIGIN_ID",
    "ORIGIN_VERSION",
    "SOURCE_ID",
    "COMPANY_ID",
    "CONTACT_ID",
    "LEAD_ID",
    "CURRENCY_ID",
    "OPPORTUNITY",
    "IS_MANUAL_OPPORTUNITY",
    "UTM_SOURCE",
    "UTM_MEDIUM",
    "UTM_CAMPAIGN",
    "HAS_PHONE",
    "HAS_EMAIL",
    "HAS_IMOL",
    "UF_CRM_LOYALTY_LEVEL",
    "ACTIVE",
    "SORT",
    "CODE",
}
#: Fields the demo portal generates that hold no personal datum, with the reason in a word.
NOT_PERSONAL: dict[Entity, set[str]] = {
    Entity.USER: {
        "TITLE",  # honorific
        "DATE_REGISTER",
        "TIME_ZONE",
        "TIME_ZONE_OFFSET",
        "IS_ONLINE",
        "TIMESTAMP_X",
        "USER_TYPE",
        "UF_DEPARTMENT",
        "UF_PHONE_INNER",  # an extension, not a phone number
        "UF_EMPLOYMENT_DATE",
        "UF_INTERESTS",  # prose in real portals: sampled as free text when filled
        # the employer's data, not the person's
        "WORK_COMPANY",
        "WORK_DEPARTMENT",
        "WORK_WWW",
        "WORK_STREET",
        "WORK_CITY",
        "WORK_STATE",
        "WORK_ZIP",
        "WORK_COUNTRY",
    },
    Entity.CONTACT: {"HONORIFIC", "TYPE_ID", "EXPORT"},
    Entity.LEAD: {
        "HONORIFIC",
        "TITLE",
        "STATUS_ID",
        "STATUS_SEMANTIC_ID",
        "COMPANY_TITLE",
        "IS_RETURN_CUSTOMER",
        "DATE_CLOSED",
    },
    Entity.COMPANY: {
        "TITLE",
        "COMPANY_TYPE",
        "INDUSTRY",
        "EMPLOYEES",
        "REVENUE",
        "IS_MY_COMPANY",
        "UF_CRM_NOTES",  # empty in every demo company: nothing to sample
    },
    Entity.DEAL: {
        "TITLE",
        "TYPE_ID",
        "CATEGORY_ID",
        "STAGE_ID",
        "STAGE_SEMANTIC_ID",
        "IS_NEW",
        "IS_RECURRING",
        "PROBABILITY",
        "TAX_VALUE",
        "BEGINDATE",
        "CLOSEDATE",
        "CLOSED",
        "UF_CRM_CONTRACT_NO",
    },
    Entity.REQUISITE: {
        "NAME",  # the preset's name
        "ENTITY_TYPE_ID",
        "ENTITY_ID",
        "PRESET_ID",
        "ADDRESS_ONLY",
        "RQ_COMPANY_NAME",
        "RQ_COMPANY_FULL_NAME",
        "RQ_VAT_PAYER",
        # the kind of document and its issue: the passport itself counts in RQ_IDENT_DOC_NUM
        "RQ_IDENT_DOC",
        "RQ_IDENT_DOC_SER",
        "RQ_IDENT_DOC_DATE",
        "RQ_IDENT_DOC_ISSUED_BY",
        "RQ_IDENT_DOC_DEP_CODE",
    },
    Entity.BANK_DETAIL: {
        "NAME",  # "main account"
        "ENTITY_ID",
        "COUNTRY_ID",
        "RQ_BANK_NAME",
        "RQ_BANK_ADDR",
        "RQ_MFO",
        "RQ_SWIFT",
        "RQ_ACC_CURRENCY",
    },
    Entity.ACTIVITY: {
        "OWNER_ID",
        "OWNER_TYPE_ID",
        "TYPE_ID",
        "PROVIDER_ID",
        "PROVIDER_TYPE_ID",
        "PROVIDER_GROUP_ID",
        "ASSOCIATED_ENTITY_ID",
        "CREATED",
        "LAST_UPDATED",
        "START_TIME",
        "END_TIME",
        "DEADLINE",
        "COMPLETED",
        "STATUS",
        "RESPONSIBLE_ID",
        "AUTHOR_ID",
        "EDITOR_ID",
        "PRIORITY",
        "NOTIFY_TYPE",
        "NOTIFY_VALUE",
        "DESCRIPTION_TYPE",
        "DIRECTION",
        "LOCATION",  # the company's office or a video call
        "SETTINGS",
    },
    Entity.CONSENT: {"AGREEMENT_ID", "USER_ID", "CONTACT_ID", "URL"},
    Entity.DEPARTMENT: {"NAME", "PARENT", "UF_HEAD"},  # UF_HEAD: a link to a user
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return generate(DemoPortalConfig(seed=5, users=20, contacts=300, leads=120, companies=40))


@pytest.mark.parametrize("entity", list(Entity))
def test_every_generated_field_is_classified_or_known_not_personal(
    dataset: Dataset, entity: Entity
) -> None:
    described = {d.name for d in descriptors(dataset, entity)}
    present = {name for row in rows_of(dataset, entity) for name in row}
    classified = {c.field for c in classify_dataset(dataset, entity)}
    not_personal = NOT_PERSONAL[entity] | _BOOKKEEPING
    assert not classified & not_personal
    unexplained = (described | present) - classified - not_personal
    assert not unexplained, f"{entity}: neither classified nor known not personal"


@pytest.mark.parametrize(
    ("entity", "field", "kind"),
    [
        (Entity.CONTACT, "UF_CRM_TAX_NUMBER", PiiKind.RNOKPP),
        (Entity.CONTACT, "UF_CRM_PASSPORT", PiiKind.PASSPORT),
        (Entity.LEAD, "UF_CRM_TAX_NUMBER", PiiKind.RNOKPP),
        (Entity.DEAL, "UF_CRM_DELIVERY_ADDRESS", PiiKind.POSTAL_ADDRESS),
        (Entity.CONTACT, "UF_CRM_NOTES", PiiKind.PHONE),
        (Entity.CONTACT, "UF_CRM_NOTES", PiiKind.BANK_CARD),
    ],
)
def test_the_demo_custom_fields_are_classified_by_sampling(
    dataset: Dataset, entity: Entity, field: str, kind: PiiKind
) -> None:
    found = {(c.field, c.kind): c for c in classify_dataset(dataset, entity)}
    assert found[(field, kind)].source is ClassificationSource.SAMPLED
    assert found[(field, kind)].category is Category.USER_DATA


def test_categories_follow_the_privacy_terms() -> None:
    for field, (_, category) in catalogue(Entity.USER).items():
        expected = (
            Category.AUTOMATIC
            if field in {"LAST_LOGIN", "LAST_ACTIVITY_DATE"}
            else Category.REGISTRATION
        )
        assert category is expected, field
    for entity in (Entity.CONTACT, Entity.LEAD, Entity.COMPANY, Entity.REQUISITE):
        assert {c for _, c in catalogue(entity).values()} == {Category.USER_DATA}
    assert {c for _, c in catalogue(Entity.ACTIVITY).values()} == {Category.AUTOMATIC}
    assert set(text_fields(Entity.ACTIVITY).values()) == {Category.AUTOMATIC}
    assert catalogue(Entity.CONSENT) == {
        "DATE_INSERT": (PiiKind.CONSENT, Category.REGISTRATION),
        "IP": (PiiKind.IP_ADDRESS, Category.AUTOMATIC),
    }
    assert catalogue(Entity.DEPARTMENT) == {}
    assert default_category(Entity.DEPARTMENT) is Category.OTHER


def test_every_category_in_use_has_purposes() -> None:
    used = {default_category(entity) for entity in Entity}
    for entity in Entity:
        used |= {category for _, category in catalogue(entity).values()}
        used |= set(text_fields(entity).values())
    assert used == set(Category)
    assert all(CATEGORY_PURPOSES[category] for category in used)


def test_the_catalogue_cannot_be_changed_through_its_result() -> None:
    table = catalogue(Entity.CONTACT)
    table["PHONE"] = (PiiKind.EMAIL, Category.OTHER)
    texts = text_fields(Entity.CONTACT)
    texts.clear()
    assert catalogue(Entity.CONTACT)["PHONE"] == (PiiKind.PHONE, Category.USER_DATA)
    assert is_catalogued(Entity.CONTACT, "COMMENTS")


def test_free_text_fields_are_searched_for_every_embedded_kind() -> None:
    assert set(TEXT_KINDS) == {
        PiiKind.PHONE,
        PiiKind.EMAIL,
        PiiKind.IBAN,
        PiiKind.BANK_CARD,
        PiiKind.RNOKPP,
        PiiKind.PASSPORT,
    }
    for entity in Entity:
        assert not set(catalogue(entity)) & set(text_fields(entity)), entity
