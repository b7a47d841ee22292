"""``privacy-desktop scan NAME [--full]`` and ``privacy-desktop inventory NAME [--json]``.

``scan`` reports its progress on standard error (one line updated in place on a terminal, a
line every few seconds otherwise) and its result on standard output; Ctrl+C cancels it at the
next page, and running it again resumes it. ``inventory --json`` prints the counts of the
latest completed scan per category, entity, field and kind with stable English keys, for
scripts; without ``--json`` it prints them for a person.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from privacy_desktop.cli.console import (
    HelpFormatter,
    SubCommands,
    arg,
    build_context,
    translate_titles,
)
from privacy_desktop.domain.inventory import EntityScanState, InventorySummary, ScanInfo
from privacy_desktop.domain.personal_data import (
    CATEGORY_NAMES,
    ENTITY_NAMES,
    KIND_NAMES,
)
from privacy_desktop.domain.progress import Cancelled, CancelToken, Progress
from privacy_desktop.gui.i18n import render
from privacy_desktop.paths import AppPaths

#: Seconds between progress lines when standard error is not a terminal.
LOG_INTERVAL_S = 5.0


def add_inventory_commands(commands: SubCommands) -> None:
    scan = commands.add_parser(
        "scan",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "scan a portal for personal data into the encrypted inventory"
        ),
        description=QCoreApplication.translate(
            "Cli",
            "Scan a portal: the first scan reads every record, later scans read what changed "
            "and find deleted records. An interrupted scan resumes when run again. Progress "
            "goes to standard error.",
        ),
    )
    translate_titles(scan)
    scan.add_argument(
        "name",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the portal's name"),
    )
    scan.add_argument(
        "--full",
        action="store_true",
        help=QCoreApplication.translate("Cli", "read every record, not only what changed"),
    )
    scan.set_defaults(run=_run_scan)

    inventory = commands.add_parser(
        "inventory",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "show which personal data a portal holds (latest completed scan)"
        ),
    )
    translate_titles(inventory)
    inventory.add_argument(
        "name",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the portal's name"),
    )
    inventory.add_argument(
        "--json",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "print counts per category, entity, field and kind as JSON"
        ),
    )
    inventory.set_defaults(run=_run_inventory)


class TerminalProgress:
    """Progress reports as text on a stream (standard error)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._last = 0.0
        self._width = 0
        self._stage = ""

    def __call__(self, progress: Progress) -> None:
        stage = render(progress.stage)
        now = time.monotonic()
        if not self._tty and stage == self._stage and now - self._last < LOG_INTERVAL_S:
            return
        self._last = now
        if self._tty and stage != self._stage and self._width:
            self._stream.write("\n")  # keep the finished step's last line
            self._width = 0
        self._stage = stage
        line = describe(progress, stage)
        if self._tty:
            self._stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
        else:
            self._stream.write(line + "\n")
        self._stream.flush()

    def finish(self) -> None:
        if self._tty and self._width:
            self._stream.write("\n")
            self._stream.flush()


def describe(progress: Progress, stage: str) -> str:
    """One line for a progress report: step, records done of total, rate, time left."""
    if progress.total is not None:
        text = arg(
            QCoreApplication.translate("Cli", "%1: %2 of %3 records"),
            stage,
            str(progress.done),
            str(progress.total),
        )
    elif progress.done:
        text = arg(QCoreApplication.translate("Cli", "%1: %2 records"), stage, str(progress.done))
    else:
        text = f"{stage}…"
    if progress.rate:
        text += arg(QCoreApplication.translate("Cli", ", %1 records/s"), str(round(progress.rate)))
    if progress.eta_s is not None and progress.rate:
        text += arg(QCoreApplication.translate("Cli", ", about %1 left"), duration(progress.eta_s))
    return text


def duration(seconds: float) -> str:
    whole = max(0, round(seconds))
    if whole < 60:
        return arg(QCoreApplication.translate("Cli", "%1 s"), str(whole))
    minutes, rest = divmod(whole, 60)
    return arg(QCoreApplication.translate("Cli", "%1 min %2 s"), str(minutes), str(rest))


@contextmanager
def _cancel_on_interrupt(token: CancelToken) -> Iterator[None]:
    """Ctrl+C asks the scan to stop at its next page (it stays resumable)."""

    def cancel(signum: int, frame: object) -> None:
        del signum, frame
        token.cancel()

    previous = signal.signal(signal.SIGINT, cancel)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_scan(namespace: argparse.Namespace, paths: AppPaths) -> int:
    context = build_context(paths)
    context.vault.ensure_available()
    token = CancelToken()
    sink = TerminalProgress(sys.stderr)
    try:
        with _cancel_on_interrupt(token):
            info = context.scanning.scan(
                namespace.name, full=namespace.full, progress=sink, cancel=token
            )
    except Cancelled:
        sink.finish()
        print(
            QCoreApplication.translate(
                "Cli", "Scan cancelled. Run the same command again to resume it."
            ),
            file=sys.stderr,
        )
        return 1
    sink.finish()
    _print_scan(context.inventory.scan_entities(info.portal, info.id), info)
    return 0


def _print_scan(entities: Sequence[EntityScanState], info: ScanInfo) -> None:
    print(
        arg(
            QCoreApplication.translate("Cli", "Scan %1 of “%2” completed: %3 records."),
            str(info.id),
            info.portal,
            str(info.records),
        )
    )
    for item in entities:
        if item.phase == "skipped":
            print(
                arg(
                    QCoreApplication.translate(
                        "Cli", "Skipped: %1 (the portal refused access: %2)."
                    ),
                    QCoreApplication.translate("PersonalData", ENTITY_NAMES[item.entity]),
                    item.skipped_code,
                )
            )


def _run_inventory(namespace: argparse.Namespace, paths: AppPaths) -> int:
    context = build_context(paths)
    context.vault.ensure_available()
    name = context.portals.profile(namespace.name).name
    summary = context.inventory.summary(name)
    skipped: list[dict[str, str]] = []
    if summary.last_scan is not None:
        skipped = [
            {"entity": item.entity.value, "code": item.skipped_code}
            for item in context.inventory.scan_entities(name, summary.last_scan.id)
            if item.phase == "skipped"
        ]
    if namespace.json:
        json.dump(summary_json(summary, skipped), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    _print_summary(summary)
    return 0


def summary_json(summary: InventorySummary, skipped: list[dict[str, str]]) -> dict[str, Any]:
    """The machine-readable inventory (stable English keys and enum values)."""
    last = summary.last_scan
    return {
        "portal": summary.portal,
        "last_scan": None
        if last is None
        else {
            "id": last.id,
            "kind": last.kind.value,
            "status": last.status.value,
            "started_at": last.started_at.isoformat(),
            "finished_at": last.finished_at.isoformat() if last.finished_at else None,
            "records": last.records,
        },
        "entities": {entity.value: n for entity, n in summary.entity_records.items()},
        "categories": {category.value: n for category, n in summary.by_category.items()},
        "kinds": {kind.value: n for kind, n in summary.by_kind.items()},
        "fields": [
            {
                "category": item.category.value,
                "entity": item.entity.value,
                "field": item.field,
                "kind": item.kind.value,
                "label": item.label,
                "records": item.records,
            }
            for item in summary.fields
        ],
        "skipped": skipped,
    }


def _print_summary(summary: InventorySummary) -> None:
    last = summary.last_scan
    if last is None:
        print(
            arg(
                QCoreApplication.translate(
                    "Cli", "The portal “%1” has not been scanned yet. Run: privacy-desktop scan %1"
                ),
                summary.portal,
            )
        )
        return
    print(
        arg(
            QCoreApplication.translate("Cli", "Portal “%1”, scan %2 of %3: %4 records."),
            summary.portal,
            str(last.id),
            last.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(last.records),
        )
    )
    category = None
    for item in summary.fields:
        if item.category != category:
            category = item.category
            held = summary.by_category.get(category, 0)
            name = QCoreApplication.translate("PersonalData", CATEGORY_NAMES[category])
            print()
            print(arg(QCoreApplication.translate("Cli", "%1: %2 records"), name, str(held)))
        entity = QCoreApplication.translate("PersonalData", ENTITY_NAMES[item.entity])
        kind = QCoreApplication.translate("PersonalData", KIND_NAMES[item.kind])
        print(f"  {entity} / {item.label or item.field} / {kind}: {item.records}")
