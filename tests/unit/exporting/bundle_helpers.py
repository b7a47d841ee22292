"""Constants shared by the bundle tests (conftest.py holds the fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from privacy_desktop.exporting.manifest import ManifestInfo

INFO = ManifestInfo(
    portal="https://demo.bitrix24.ua",
    scope={"kind": "person", "query": "subject-1"},
    exporter="tester",
    created=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
)

FILES: dict[str, bytes] = {
    "records.json": '[{"name": "Олена Ковальчук"}]'.encode(),
    "records.csv": "\ufeffname\r\nОлена Ковальчук\r\n".encode(),
    "report/summary.txt": b"x" * 200_000,  # spans several 64 KiB age blocks
}


WriteBundle = Callable[..., Path]
