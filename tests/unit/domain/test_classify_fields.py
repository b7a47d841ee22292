"""Field classification: the catalogue for standard fields, sampling for custom ones."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from classify_helpers import luhn_complete, rnokpp_from

from privacy_desktop.domain.classify import MAJORITY, classify_fields, detect_kind
from privacy_desktop.domain.field_catalogue import TEXT_KINDS, catalogue, text_fields
from privacy_desktop.domain.personal_data import (
    Category,
    ClassificationSource,
    Entity,
    FieldClassification,
    FieldDescriptor,
    PiiKind,
)

RNOKPP = "3184710691"
CARD = luhn_complete("537541123456789")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("ivan@ukr.net", PiiKind.EMAIL),
        ({"VALUE": "ivan@ukr.net", "VALUE_TYPE": "WORK"}, PiiKind.EMAIL),
        ("067-123-45-67", PiiKind.PHONE),
        ("+48 501 234 567", PiiKind.PHONE),
        ("380671234567", PiiKind.PHONE),
        ("0671234567", PiiKind.PHONE),
        (RNOKPP, PiiKind.RNOKPP),
        (int(RNOKPP), PiiKind.RNOKPP),
        ("14360506", PiiKind.EDRPOU),
        ("МК123456", PiiKind.PASSPORT),
        ("123456789", PiiKind.PASSPORT),
        ("UA213223130000026007233566001", PiiKind.IBAN),
        (CARD, PiiKind.BANK_CARD),
        ("91.200.12.7", PiiKind.IP_ADDRESS),
        ("https://facebook.com/petrenko", PiiKind.WEBSITE),
        ("@petrenko_ivan", PiiKind.MESSENGER),
        (["067-123-45-67", "+380501112233"], PiiKind.PHONE),
    ],
)
def test_detect_kind(value: Any, kind: PiiKind) -> None:
    assert detect_kind(value) is kind


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        True,
        3.5,
        "Іваненко Петро",
        "Київ, вул. Хрещатик, 22",
        "2001-11-11",
        "3184710692",  # an RNOKPP with a wrong check digit
        "14360507",
        "4149 6212 3456 7891",
        "Д-00012/23",
        "petrenko.com.ua",  # a bare host could be anything with a dot
        ["067-123-45-67", "ivan@ukr.net"],
        "@a",
        "x" * 300,
    ],
)
def test_detect_kind_refuses(value: Any) -> None:
    assert detect_kind(value) is None


def _uf(name: str, field_type: str = "string", entity: Entity = Entity.CONTACT) -> FieldDescriptor:
    return FieldDescriptor(entity, name, f"Label of {name}", field_type, is_custom=True)


def _one(
    values: list[Any], field_type: str = "string", entity: Entity = Entity.CONTACT
) -> list[FieldClassification]:
    return classify_fields(entity, [_uf("UF_X", field_type, entity)], {"UF_X": values})


def test_phones_in_a_custom_string_field() -> None:
    values = ["067-123-45-67", "+380501112233", None, "", "(044) 234-56-78", "0931234567", "?"]
    [found] = _one(values)
    assert (found.kind, found.source, found.category) == (
        PiiKind.PHONE,
        ClassificationSource.SAMPLED,
        Category.USER_DATA,
    )
    assert found.confidence == pytest.approx(4 / 5)
    assert found.label == "Label of UF_X"


def test_the_majority_threshold() -> None:
    phones = ["067-123-45-67", "0501112233", "0931234567"]
    assert _one([*phones, "so", "no"])[0].confidence == pytest.approx(MAJORITY)
    assert _one([*phones, "a", "b", "c"]) == []


@pytest.mark.parametrize(
    "values",
    [
        ["abc", "N/A", "—", "x1", "12", "qwerty"],  # junk
        ["067-123-45-67", "ivan@ukr.net", "0501112233", "olha@gmail.com"],  # no majority
        [None, "", []],  # nothing to go on
        [],
    ],
)
def test_mixed_or_junk_fields_are_not_classified(values: list[Any]) -> None:
    assert _one(values) == []


def test_prose_fields_are_searched_for_identifiers() -> None:
    notes = [
        "Не телефонувати у вихідні",
        "Просив передзвонити на 067-123-45-67",
        "Цікавиться оптовими цінами",
        "ok",
        None,
    ]
    found = _one(notes)
    assert [c.kind for c in found] == list(TEXT_KINDS)
    assert [c.confidence for c in found] == [pytest.approx(3 / 4)] * len(TEXT_KINDS)


def test_type_decides_for_addresses_and_excludes_links_and_lists() -> None:
    [address] = _one([], "address")
    assert (address.kind, address.confidence) == (PiiKind.POSTAL_ADDRESS, 1.0)
    assert _one(["067-123-45-67"] * 5, "enumeration") == []
    assert _one(["5"] * 5, "employee") == []


def test_numbers_and_multiple_values_are_sampled() -> None:
    codes = [int(RNOKPP), int(rnokpp_from(date(1980, 1, 1), 5, 3))]
    [found] = _one(codes, "integer")
    assert found.kind is PiiKind.RNOKPP
    [multiple] = _one([["ivan@ukr.net", "olha@gmail.com"], ["petro@i.ua"]])
    assert (multiple.kind, multiple.confidence) == (PiiKind.EMAIL, 1.0)


@pytest.mark.parametrize(
    ("entity", "category"),
    [
        (Entity.USER, Category.REGISTRATION),
        (Entity.ACTIVITY, Category.AUTOMATIC),
        (Entity.DEAL, Category.USER_DATA),
        (Entity.DEPARTMENT, Category.OTHER),
    ],
)
def test_custom_fields_take_their_entitys_category(entity: Entity, category: Category) -> None:
    [found] = _one(["ivan@ukr.net"], entity=entity)
    assert found.category is category


def test_only_described_standard_fields_are_classified() -> None:
    described = [
        FieldDescriptor(Entity.CONTACT, "ID", "ID", "integer"),
        FieldDescriptor(Entity.CONTACT, "NAME", "Ім'я", "string"),
        FieldDescriptor(Entity.CONTACT, "PHONE", "Телефон", "crm_multifield", is_multiple=True),
        FieldDescriptor(Entity.CONTACT, "COMMENTS", "Коментар", "string"),
        FieldDescriptor(Entity.CONTACT, "PHONE", "Телефон", "crm_multifield"),  # repeated
    ]
    found = classify_fields(Entity.CONTACT, described, {})
    assert [(c.field, c.kind) for c in found] == [
        ("NAME", PiiKind.PERSON_NAME),
        ("PHONE", PiiKind.PHONE),
        *(("COMMENTS", kind) for kind in TEXT_KINDS),
    ]
    assert found[0] == FieldClassification(
        Entity.CONTACT,
        "NAME",
        PiiKind.PERSON_NAME,
        Category.USER_DATA,
        ClassificationSource.CATALOGUE,
        "Ім'я",
        1.0,
    )


def test_without_descriptors_the_whole_catalogue_and_sampled_custom_fields() -> None:
    samples = {"UF_CRM_8": ["ivan@ukr.net"], "RQ_UNKNOWN": ["ivan@ukr.net"]}
    found = classify_fields(Entity.REQUISITE, [], samples)
    fields = [c.field for c in found]
    assert fields[: len(catalogue(Entity.REQUISITE))] == list(catalogue(Entity.REQUISITE))
    assert "UF_CRM_8" in fields
    assert "RQ_UNKNOWN" not in fields
    assert set(fields) == set(catalogue(Entity.REQUISITE)) | set(text_fields(Entity.REQUISITE)) | {
        "UF_CRM_8"
    }
