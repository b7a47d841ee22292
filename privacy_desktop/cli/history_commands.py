"""``privacy-desktop scans NAME [--diff OLDER NEWER] [--json]``: the scan history of a portal
and what changed between any two of its scans (new kinds of personal data, new custom fields
holding it, counts up or down)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from privacy_desktop.cli.console import (
    HelpFormatter,
    SubCommands,
    arg,
    build_context,
    translate_titles,
)
from privacy_desktop.domain.inventory import ScanDiff, ScanInfo
from privacy_desktop.domain.personal_data import ENTITY_NAMES, KIND_NAMES, Entity, PiiKind
from privacy_desktop.paths import AppPaths


def add_history_commands(commands: SubCommands) -> None:
    scans = commands.add_parser(
        "scans",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "list a portal's scans, or what changed between two of them"
        ),
        description=QCoreApplication.translate(
            "Cli",
            "Without --diff, every scan of the portal, newest first. With --diff, what changed "
            "between two completed scans: kinds of personal data that appeared, custom fields "
            "that now hold personal data, and every count that went up or down.",
        ),
    )
    translate_titles(scans)
    scans.add_argument(
        "name",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the portal's name"),
    )
    scans.add_argument(
        "--diff",
        nargs=2,
        type=int,
        metavar=(
            QCoreApplication.translate("Cli", "OLDER"),
            QCoreApplication.translate("Cli", "NEWER"),
        ),
        help=QCoreApplication.translate("Cli", "compare two scans by their numbers"),
    )
    scans.add_argument(
        "--json",
        action="store_true",
        help=QCoreApplication.translate("Cli", "print machine-readable JSON"),
    )
    scans.set_defaults(run=_run_scans)


def _run_scans(namespace: argparse.Namespace, paths: AppPaths) -> int:
    context = build_context(paths)
    context.vault.ensure_available()
    name = context.portals.profile(namespace.name).name
    if namespace.diff:
        older, newer = namespace.diff
        diff = context.inventory.diff(name, older, newer)
        if namespace.json:
            _dump(diff_json(diff))
        else:
            _print_diff(diff)
        return 0
    history = context.inventory.scans(name)
    if namespace.json:
        _dump({"portal": name, "scans": [scan_json(scan) for scan in history]})
        return 0
    if not history:
        print(
            arg(
                QCoreApplication.translate(
                    "Cli", "The portal “%1” has not been scanned yet. Run: privacy-desktop scan %1"
                ),
                name,
            )
        )
        return 0
    for scan in history:
        print(
            arg(
                QCoreApplication.translate("Cli", "%1  %2  %3  %4  records: %5"),
                str(scan.id),
                _when(scan),
                scan.kind.value,
                scan.status.value,
                str(scan.records),
            )
        )
    return 0


def scan_json(scan: ScanInfo) -> dict[str, Any]:
    return {
        "id": scan.id,
        "kind": scan.kind.value,
        "status": scan.status.value,
        "started_at": scan.started_at.isoformat(),
        "finished_at": scan.finished_at.isoformat() if scan.finished_at else None,
        "records": scan.records,
    }


def diff_json(diff: ScanDiff) -> dict[str, Any]:
    """The machine-readable difference (stable English keys and enum values)."""
    return {
        "older": scan_json(diff.older),
        "newer": scan_json(diff.newer),
        "new_kinds": [{"entity": e.value, "kind": k.value} for e, k in diff.new_kinds],
        "new_pii_fields": [
            {
                "entity": item.entity.value,
                "field": item.field,
                "kind": item.kind.value,
                "category": item.category.value,
                "label": item.label,
            }
            for item in diff.new_pii_fields
        ],
        "count_changes": [
            {
                "entity": change.entity.value,
                "field": change.field,
                "kind": change.kind.value,
                "before": change.before,
                "after": change.after,
            }
            for change in diff.count_changes
        ],
    }


def _print_diff(diff: ScanDiff) -> None:
    print(
        arg(
            QCoreApplication.translate("Cli", "Scan %1 (%2) compared with scan %3 (%4):"),
            str(diff.newer.id),
            _when(diff.newer),
            str(diff.older.id),
            _when(diff.older),
        )
    )
    if not (diff.new_kinds or diff.new_pii_fields or diff.count_changes):
        print(QCoreApplication.translate("Cli", "Nothing changed."))
        return
    for entity, kind in diff.new_kinds:
        print(arg(QCoreApplication.translate("Cli", "New kind: %1"), _entity_kind(entity, kind)))
    for item in diff.new_pii_fields:
        print(
            arg(
                QCoreApplication.translate("Cli", "New field holding personal data: %1 (%2)"),
                item.label or item.field,
                _entity_kind(item.entity, item.kind),
            )
        )
    for change in diff.count_changes:
        print(
            f"  {_entity_kind(change.entity, change.kind)} / {change.field}: "
            f"{change.before} \u2192 {change.after} ({change.after - change.before:+d})"
        )


def _entity_kind(entity: Entity, kind: PiiKind) -> str:
    return (
        QCoreApplication.translate("PersonalData", ENTITY_NAMES[entity])
        + " / "
        + QCoreApplication.translate("PersonalData", KIND_NAMES[kind])
    )


def _when(scan: ScanInfo) -> str:
    return (scan.finished_at or scan.started_at).astimezone().strftime("%Y-%m-%d %H:%M")


def _dump(value: dict[str, Any]) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
