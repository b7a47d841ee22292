"""``privacy-desktop audit verify|export|list``: the audit log without the GUI.

``verify`` exits 0 only when the hash chain, every checkpoint signature and the keyring's
anchor hold; otherwise it names the first broken entry and why, and exits 1, so that a
script or a scheduled job can alert on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from privacy_desktop.cli.console import (
    HelpFormatter,
    SubCommands,
    arg,
    build_context,
    translate_titles,
)
from privacy_desktop.gui.i18n import render
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction, AuditEntry
from privacy_desktop.services.audit_trail import DEFAULT_AUDIT_LIMIT, EXPORT_FORMATS

_ACTIONS = [action.value for action in AuditAction]


def add_audit_commands(commands: SubCommands) -> None:
    """Register ``audit`` and its actions on the top-level sub-command collection."""
    audit = commands.add_parser(
        "audit",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate("Cli", "verify, export or list the audit log"),
        description=QCoreApplication.translate(
            "Cli",
            "The audit log records every security-relevant action in a hash chain whose "
            "checkpoints are signed with a key kept in the system keyring.",
        ),
    )
    translate_titles(audit)
    actions = audit.add_subparsers(
        title=QCoreApplication.translate("Cli", "commands"),
        metavar=QCoreApplication.translate("Cli", "ACTION"),
    )
    actions.required = True

    verify = actions.add_parser(
        "verify",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "check the chain and its signatures; exit 1 and name the first broken entry"
        ),
    )
    translate_titles(verify)
    verify.set_defaults(run=_run_verify)

    export = actions.add_parser(
        "export",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "write the log with its chain and signatures for an auditor"
        ),
    )
    translate_titles(export)
    export.add_argument(
        "--format",
        dest="export_format",
        choices=EXPORT_FORMATS,
        required=True,
        help=QCoreApplication.translate("Cli", "csv, or json (which also carries the public key)"),
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=QCoreApplication.translate("Cli", "FILE"),
        help=QCoreApplication.translate("Cli", "the file to write (replaced if it exists)"),
    )
    export.set_defaults(run=_run_export)

    listing = actions.add_parser(
        "list",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate("Cli", "show the latest entries, oldest first"),
    )
    translate_titles(listing)
    listing.add_argument(
        "--limit",
        type=_positive,
        default=50,
        metavar="N",
        help=QCoreApplication.translate("Cli", "show at most N entries (default: 50)"),
    )
    listing.add_argument(
        "--action",
        choices=_ACTIONS,
        metavar=QCoreApplication.translate("Cli", "ACTION"),
        help=QCoreApplication.translate("Cli", "only entries of this action, e.g. unlock_failed"),
    )
    listing.add_argument(
        "--portal",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "only entries about this portal"),
    )
    listing.set_defaults(run=_run_list)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= DEFAULT_AUDIT_LIMIT:
        raise argparse.ArgumentTypeError(
            arg(
                QCoreApplication.translate("Cli", "expected a whole number from 1 to %1"),
                str(DEFAULT_AUDIT_LIMIT),
            )
        )
    return value


def _run_verify(namespace: argparse.Namespace, paths: AppPaths) -> int:
    del namespace
    context = build_context(paths)
    context.vault.ensure_available()
    security = context.security
    result = security.verify_audit()
    fingerprint = security.audit_public_key_fingerprint()
    if not result.ok:
        where = str(result.first_broken)
        reason = render(result.reason) if result.reason is not None else ""
        print(
            arg(
                QCoreApplication.translate("Cli", "The audit log is broken at entry %1: %2"),
                where,
                reason,
            )
        )
        print(
            arg(
                QCoreApplication.translate(
                    "Cli",
                    "Intact entries before it: %1. Keep a copy of the file for investigation.",
                ),
                str(result.entries),
            )
        )
        return 1
    print(
        arg(
            QCoreApplication.translate("Cli", "The audit log is intact. Entries verified: %1."),
            str(result.entries),
        )
    )
    print(
        arg(QCoreApplication.translate("Cli", "Signed checkpoints: %1."), str(result.checkpoints))
    )
    if result.unsigned_tail:
        print(
            arg(
                QCoreApplication.translate(
                    "Cli", "Entries after the last checkpoint (chained, not yet signed): %1."
                ),
                str(result.unsigned_tail),
            )
        )
    print(arg(QCoreApplication.translate("Cli", "Signing key fingerprint: %1"), fingerprint))
    return 0


def _run_export(namespace: argparse.Namespace, paths: AppPaths) -> int:
    context = build_context(paths)
    context.vault.ensure_available()
    security = context.security
    out: Path = namespace.out
    count = security.export_audit(out, namespace.export_format)
    print(
        arg(
            QCoreApplication.translate("Cli", "Audit entries exported to %1: %2."),
            str(out),
            str(count),
        )
    )
    print(
        arg(
            QCoreApplication.translate(
                "Cli",
                "Signing key fingerprint: %1 (compare it before trusting the export).",
            ),
            security.audit_public_key_fingerprint(),
        )
    )
    security.close()
    return 0


def _run_list(namespace: argparse.Namespace, paths: AppPaths) -> int:
    context = build_context(paths)
    context.vault.ensure_available()
    action = AuditAction(namespace.action) if namespace.action else None
    query = AuditQuery(
        actions=frozenset({action}) if action is not None else None,
        portal=namespace.portal,
        include_checkpoints=action is AuditAction.CHECKPOINT,
    )
    entries = context.security.audit_entries(query, namespace.limit)
    if not entries:
        print(QCoreApplication.translate("Cli", "No audit entries match."))
        return 0
    rows = [
        (
            QCoreApplication.translate("Cli", "SEQ"),
            QCoreApplication.translate("Cli", "TIME"),
            QCoreApplication.translate("Cli", "ACTION"),
            QCoreApplication.translate("Cli", "PORTAL"),
            QCoreApplication.translate("Cli", "USER"),
            QCoreApplication.translate("Cli", "DETAILS"),
        )
    ]
    rows += [_row(entry) for entry in reversed(entries)]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)]
        sys.stdout.write(("  ".join([*cells, row[5]])).rstrip() + "\n")
    return 0


def _row(entry: AuditEntry) -> tuple[str, str, str, str, str, str]:
    moment = entry.timestamp.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    details = ", ".join(f"{key}={value}" for key, value in sorted(entry.details.items()))
    return (
        str(entry.seq),
        moment,
        entry.action.value,
        entry.portal or "-",
        entry.actor,
        details,
    )
