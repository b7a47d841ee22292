"""Shared pieces of the store tests: a fresh encrypted store and a few records to put in it."""

from __future__ import annotations

from datetime import UTC, datetime

from privacy_desktop.domain.inventory import ScanInfo, ScanKind, ScannedRecord
from privacy_desktop.domain.personal_data import (
    Category,
    ClassificationSource,
    Entity,
    FieldClassification,
    FoundValue,
    PiiKind,
)
from privacy_desktop.store.repositories import ScanRepository

PORTAL = "Demo"
PHONE = FieldClassification(
    Entity.CONTACT, "PHONE", PiiKind.PHONE, Category.USER_DATA, ClassificationSource.CATALOGUE
)
EMAIL = FieldClassification(
    Entity.CONTACT, "EMAIL", PiiKind.EMAIL, Category.USER_DATA, ClassificationSource.CATALOGUE
)
TAX = FieldClassification(
    Entity.CONTACT,
    "UF_CRM_TAX",
    PiiKind.RNOKPP,
    Category.USER_DATA,
    ClassificationSource.SAMPLED,
    "РНОКПП",
    0.9,
)


def contact(number: int, *, phones: int = 1, email: bool = True) -> ScannedRecord:
    """Contact ``number`` with ``phones`` phones and maybe an e-mail (values derive from it)."""
    values = [
        FoundValue("PHONE", PiiKind.PHONE, f"+38050{number:07d}{index}", f"050 {number} {index}")
        for index in range(phones)
    ]
    if email:
        values.append(
            FoundValue(
                "EMAIL", PiiKind.EMAIL, f"person{number}@example.com", f"Person{number}@Example.com"
            )
        )
    return ScannedRecord(number, "2026-01-01T10:00:00+02:00", f"Особа {number}", tuple(values))


def start_scan(scans: ScanRepository, kind: ScanKind = ScanKind.FULL) -> ScanInfo:
    return scans.start_scan(
        PORTAL,
        kind,
        datetime.now(UTC),
        [Entity.CONTACT],
        portal_started="2026-11-25T10:00:00+02:00",
        since=None,
    )
