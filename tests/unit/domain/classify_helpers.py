"""Helpers shared by the classification tests: descriptors and samples from a demo dataset,
and independent check-digit arithmetic (written from the specifications)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from privacy_desktop.demo_portal.dataset import Dataset
from privacy_desktop.domain.classify import classify_fields
from privacy_desktop.domain.personal_data import Entity, FieldClassification, FieldDescriptor

#: Dataset tables by entity (consents are a list, the rest dicts by ID).
TABLES = {
    Entity.USER: "users",
    Entity.DEPARTMENT: "departments",
    Entity.CONTACT: "contacts",
    Entity.LEAD: "leads",
    Entity.COMPANY: "companies",
    Entity.DEAL: "deals",
    Entity.REQUISITE: "requisites",
    Entity.BANK_DETAIL: "bank_details",
    Entity.ACTIVITY: "activities",
}


def rows_of(dataset: Dataset, entity: Entity) -> list[dict[str, Any]]:
    if entity is Entity.CONSENT:
        return list(dataset.consents)
    return list(getattr(dataset, TABLES[entity]).values())


def descriptors(dataset: Dataset, entity: Entity) -> list[FieldDescriptor]:
    """The portal's description of the entity's fields (empty where it has none)."""
    described: Mapping[str, Mapping[str, Any]] = dataset.entity_fields.get(entity.value, {})
    return [
        FieldDescriptor(
            entity=entity,
            name=name,
            label=str(info.get("title", "")),
            type=str(info.get("type", "")),
            is_custom=name.startswith("UF_") and bool(info.get("isDynamic")),
            is_multiple=bool(info.get("isMultiple")),
        )
        for name, info in described.items()
    ]


def classify_dataset(
    dataset: Dataset, entity: Entity, sample: int = 60
) -> list[FieldClassification]:
    """Classify an entity the way a scan does: its description and a sample of UF values."""
    rows = rows_of(dataset, entity)[:sample]
    names = {name for row in rows for name in row if name.startswith("UF_")}
    samples = {name: [row.get(name) for row in rows] for name in names}
    return classify_fields(entity, descriptors(dataset, entity), samples)


def rnokpp_from(birthday: date, serial: int, gender_digit: int) -> str:
    """An RNOKPP built from the specification: days since 1899-12-31, serial, gender, check."""
    days = (birthday - date(1899, 12, 31)).days
    first = f"{days:05d}{serial:03d}{gender_digit}"
    weights = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    total = sum(w * int(d) for w, d in zip(weights, first, strict=True))
    return first + str(total % 11 % 10)


def luhn_complete(partial: str) -> str:
    """``partial`` with the Luhn check digit appended."""
    for check in "0123456789":
        digits = [int(c) for c in partial + check][::-1]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                    for i, d in enumerate(digits))  # fmt: skip
        if total % 10 == 0:
            return partial + check
    raise AssertionError("unreachable")


def iban_complete(country: str, bban: str) -> str:
    """An IBAN with correct check digits (ISO 13616)."""
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def birthday_range() -> Iterable[date]:
    start = date(1900, 1, 1)
    return (start + timedelta(days=n) for n in range(0, 99_999, 997))
