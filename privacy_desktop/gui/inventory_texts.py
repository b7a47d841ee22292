"""How inventory facts read on screen; shared by the dashboard and the personal data view.

Not QObject methods, so they translate with the explicit context ``InventoryTexts``
(STYLE.md rule 11); the vocabulary's names come from the ``PersonalData`` tables.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from privacy_desktop.domain.inventory import ScanDiff, ScanInfo, ScanKind, ScanStatus
from privacy_desktop.domain.personal_data import (
    CATEGORY_NAMES,
    ENTITY_NAMES,
    KIND_NAMES,
    Category,
    Entity,
    PiiKind,
)


def fill(text: str, *args: str) -> str:
    """Put ``args`` in for ``%1``, ``%2`` … in one pass, so a value that itself contains
    "%2" (a portal's field label can) is never substituted again."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return args[number - 1] if number <= len(args) else match.group(0)

    return re.sub(r"%([1-9])", value, text)


def category_name(category: Category) -> str:
    return QCoreApplication.translate("PersonalData", CATEGORY_NAMES[category])


def entity_name(entity: Entity) -> str:
    return QCoreApplication.translate("PersonalData", ENTITY_NAMES[entity])


def kind_name(kind: PiiKind) -> str:
    return QCoreApplication.translate("PersonalData", KIND_NAMES[kind])


def when_text(moment: datetime | None) -> str:
    """A moment in the person's locale and time zone (short format)."""
    if moment is None:
        return "\u2014"
    when = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))  # local time
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def scan_kind_text(kind: ScanKind) -> str:
    if kind is ScanKind.FULL:
        return QCoreApplication.translate("InventoryTexts", "full scan")
    return QCoreApplication.translate("InventoryTexts", "incremental scan")


def scan_status_text(status: ScanStatus) -> str:
    if status is ScanStatus.RUNNING:
        return QCoreApplication.translate("InventoryTexts", "running or interrupted")
    if status is ScanStatus.COMPLETED:
        return QCoreApplication.translate("InventoryTexts", "completed")
    if status is ScanStatus.CANCELLED:
        return QCoreApplication.translate("InventoryTexts", "cancelled")
    return QCoreApplication.translate("InventoryTexts", "failed")


def last_scan_text(scan: ScanInfo | None) -> str:
    """One line: when the latest completed scan ended, its kind and the records it knows."""
    if scan is None:
        return QCoreApplication.translate("InventoryTexts", "This portal has not been scanned yet.")
    # A "label: number" phrase: Ukrainian needs no plural form, and lupdate of PySide6 6.11
    # extracts plurals only from tr() of a class.
    records = str(scan.records)
    return fill(
        QCoreApplication.translate("InventoryTexts", "Last scan: %1 (%2), records: %3"),
        when_text(scan.finished_at or scan.started_at),
        scan_kind_text(scan.kind),
        records,
    )


def field_text(field: str, label: str = "") -> str:
    """A field as people read it: its portal label, with the API name for the curious."""
    return f"{label} ({field})" if label and label != field else field


def diff_lines(diff: ScanDiff | None) -> list[str]:
    """What changed between two scans, one line per fact (empty: nothing changed)."""
    if diff is None:
        return []
    lines: list[str] = []
    for entity, kind in diff.new_kinds:
        lines.append(
            fill(
                QCoreApplication.translate("InventoryTexts", "New kind of data: %1 in %2"),
                kind_name(kind),
                entity_name(entity),
            )
        )
    for found in diff.new_pii_fields:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "InventoryTexts", "New field holding personal data: %1 in %2 (%3)"
                ),
                field_text(found.field, found.label),
                entity_name(found.entity),
                kind_name(found.kind),
            )
        )
    locale = QLocale()
    for change in diff.count_changes:
        if change.after > change.before:
            text = QCoreApplication.translate("InventoryTexts", "%1, %2, %3: up from %4 to %5")
        else:
            text = QCoreApplication.translate("InventoryTexts", "%1, %2, %3: down from %4 to %5")
        lines.append(
            fill(
                text,
                entity_name(change.entity),
                change.field,
                kind_name(change.kind),
                locale.toString(change.before),
                locale.toString(change.after),
            )
        )
    return lines
