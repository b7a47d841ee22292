"""Exporting the audit log for an auditor, with everything needed to re-verify it.

Both formats carry every chain field (sequence, timestamp, action, portal, actor, details,
prev, signature, hash) exactly as stored, so :func:`verify_export` — or an auditor's own
script following :mod:`audit_chain` — recomputes the same hashes. The JSON export also carries
the public key that signs the checkpoints; compare its fingerprint with the one the
application shows before trusting it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from privacy_desktop.atomic_file import write_text_atomically
from privacy_desktop.security.audit_reading import read_records
from privacy_desktop.security.audit_verify import AuditVerification, LineDefect, verify_records
from privacy_desktop.security.signing_key import load_public_key, public_key_pem

JSON_FORMAT = "privacy-desktop-audit/1"
CSV_COLUMNS = ("seq", "ts", "action", "portal", "actor", "details", "prev", "sig", "hash")


def export_json(log_path: Path, destination: Path, public_key: Ed25519PublicKey) -> int:
    """Write the log as one JSON document; returns the number of records written.

    Lines that are not complete JSON records are exported as null, so that re-verifying
    the export names them as the log's verification does.

    Raises:
        OSError: the destination cannot be written.
        AuditLogError: the log cannot be read.
    """

    def write(out: TextIO) -> int:
        header = {"format": JSON_FORMAT, "public_key": public_key_pem(public_key)}
        # Streamed: the header's closing brace is replaced by the entries array.
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "entries": [\n')
        count = 0
        for record in read_records(log_path):
            value = None if isinstance(record, LineDefect) else record
            out.write((",\n" if count else "") + json.dumps(value, ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
        return count

    return write_text_atomically(destination, write, mode=0o600)


def export_csv(log_path: Path, destination: Path) -> int:
    """Write the log as CSV, one row per record, ``details`` as canonical JSON text.

    An empty ``portal`` or ``sig`` cell means none; an unreadable line becomes a row of empty
    cells. Returns the number of records written.

    Raises:
        OSError: the destination cannot be written.
        AuditLogError: the log cannot be read.
    """

    def write(out: TextIO) -> int:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        count = 0
        for record in read_records(log_path):
            writer.writerow(_csv_row(record))
            count += 1
        return count

    return write_text_atomically(destination, write, mode=0o600)


def read_json_export(path: Path) -> tuple[Ed25519PublicKey, list[Any]]:
    """The public key and the records of a JSON export.

    Raises:
        ValueError: not a JSON export of this format.
        OSError: the file cannot be read.
    """
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ValueError("not a Privacy Desktop audit export")
    entries, pem = document.get("entries"), document.get("public_key")
    if not isinstance(entries, list) or not isinstance(pem, str):
        raise ValueError("export without entries or public key")
    return load_public_key(pem), [LineDefect.NOT_JSON if e is None else e for e in entries]


def read_csv_export(path: Path) -> Iterator[Any]:
    """Stream the records of a CSV export (a :class:`LineDefect` for an unreadable row).

    Raises:
        ValueError: the header is not the expected one.
        OSError: the file cannot be read.
    """
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        if tuple(next(reader, ())) != CSV_COLUMNS:
            raise ValueError("not a Privacy Desktop audit CSV export")
        for row in reader:
            yield _record_from_row(row)


def verify_export(path: Path, public_key: Ed25519PublicKey | None = None) -> AuditVerification:
    """Re-verify a JSON or CSV export (chosen by the ``.csv`` suffix).

    Args:
        path: the export.
        public_key: the key to check checkpoints with; for a JSON export, None uses the key
            embedded in it (only as trustworthy as the export's origin). Required for CSV.

    Raises:
        ValueError: not an export, or a CSV export without ``public_key``.
    """
    if path.suffix.lower() == ".csv":
        if public_key is None:
            raise ValueError("a CSV export needs the public key")
        return verify_records(read_csv_export(path), public_key)
    embedded, records = read_json_export(path)
    return verify_records(records, public_key or embedded)


def _csv_row(record: Any) -> list[str]:
    if not isinstance(record, dict):
        return ["" for _ in CSV_COLUMNS]
    row: list[str] = []
    for column in CSV_COLUMNS:
        value = record.get(column)
        if column == "details":
            row.append(json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
        elif value is None:
            row.append("")
        else:
            row.append(str(value))
    return row


def _record_from_row(row: list[str]) -> Any:
    if len(row) != len(CSV_COLUMNS):
        return LineDefect.NOT_JSON
    cells = dict(zip(CSV_COLUMNS, row, strict=True))
    try:
        seq = int(cells["seq"])
        details = json.loads(cells["details"])
    except ValueError:
        return LineDefect.NOT_JSON
    record: dict[str, Any] = dict(cells)
    record["seq"] = seq
    record["details"] = details
    record["portal"] = cells["portal"] or None
    record["sig"] = cells["sig"] or None
    return record
