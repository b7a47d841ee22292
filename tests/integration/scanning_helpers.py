"""Shared pieces of the scanning tests: a connected portal, the inventory, and the truth.

The truth comes from two independent places: the demo portal's ground-truth module
(``demo_portal.truth``, which never imports the classifier), and :func:`direct_counts`
below, which counts phones, e-mails, RNOKPP and IBAN straight from the generated rows with
check-digit arithmetic of its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privacy_desktop.demo_portal import truth
from privacy_desktop.demo_portal.dataset import Dataset
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.inventory import ScanInfo
from privacy_desktop.domain.portals import Plan, PortalLimits
from privacy_desktop.paths import AppPaths
from privacy_desktop.services.context import AppContext

PORTAL = "Demo"
Key = tuple[str, str, str]


@dataclass
class Connected:
    """A demo portal connected under the name :data:`PORTAL`, with the application's
    services wired as the application wires them (real keyring, real store, audit log)."""

    demo: DemoPortal
    context: AppContext

    def scan(self, **options: Any) -> ScanInfo:
        info: ScanInfo = self.context.scanning.scan(PORTAL, **options)
        return info

    def entity_counts(self) -> dict[str, int]:
        summary = self.context.inventory.summary(PORTAL)
        return {entity.value: n for entity, n in summary.entity_records.items() if n}

    def field_counts(self) -> dict[Key, int]:
        summary = self.context.inventory.summary(PORTAL)
        return {(c.entity.value, c.field, c.kind.value): c.records for c in summary.fields}


@contextmanager
def connected(
    demo: DemoPortal,
    data_dir: Path,
    keyring_service: str,
    *,
    plan: Plan = Plan.UNLIMITED,
    limits: PortalLimits | None = None,
    webhook_url: str | None = None,
) -> Iterator[Connected]:
    """The application's context on ``data_dir`` with the demo portal added."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    context = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    try:
        context.portals.add_webhook(PORTAL, webhook_url or demo.webhook_url, plan, limits)
        yield Connected(demo, context)
    finally:
        context.store.close()
        context.security.close()
        for handler in root.handlers:  # AppContext installs the application's log file
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def assert_matches_truth(connection: Connected) -> None:
    """Every entity's record count and every (entity, field, kind) count of the ground truth
    equal what the inventory holds."""
    dataset = connection.demo.dataset
    expected_entities = {k: v for k, v in truth.record_counts(dataset).items() if v}
    assert connection.entity_counts() == expected_entities
    found = connection.field_counts()
    expected = truth.inventory_truth(dataset)
    wrong = {key: (n, found.get(key)) for key, n in expected.items() if found.get(key) != n}
    assert wrong == {}, "(truth, inventory) per key"
    direct = direct_counts(dataset)
    assert {key: found.get(key, 0) for key in direct} == direct


# ---------------------------------------------------------------- independent counting

_RNOKPP_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)


def _rnokpp(text: Any) -> bool:
    digits = str(text or "").strip()
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits, _RNOKPP_WEIGHTS, strict=False))
    return total % 11 % 10 == int(digits[9])


def _iban(text: Any) -> bool:
    compact = str(text or "").replace(" ", "").upper()
    if not re.fullmatch(r"UA\d{27}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _phone(text: Any) -> bool:
    digits = re.sub(r"\D", "", str(text or ""))
    if digits.startswith("380"):
        return len(digits) == 12
    if digits.startswith("80"):  # 8 0XX …: the old long-distance prefix
        return len(digits) == 11
    if digits.startswith("0"):
        return len(digits) == 10
    return str(text).strip().startswith("+") and 8 <= len(digits) <= 15


def _email(text: Any) -> bool:
    return re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", str(text or "").strip()) is not None


def _multi(row: Mapping[str, Any], field: str, valid: Any) -> bool:
    items = row.get(field) or []
    return any(isinstance(item, dict) and valid(item.get("VALUE")) for item in items)


def direct_counts(dataset: Dataset) -> dict[Key, int]:
    """Records holding a valid phone, e-mail, RNOKPP or IBAN, counted from the raw rows."""
    counts: dict[Key, int] = {}

    def add(key: Key, rows: Any, test: Any) -> None:
        counts[key] = sum(1 for row in rows if test(row))

    for entity, rows in (
        ("contact", dataset.contacts.values()),
        ("lead", dataset.leads.values()),
        ("company", dataset.companies.values()),
    ):
        add((entity, "PHONE", "phone"), rows, lambda r: _multi(r, "PHONE", _phone))
        add((entity, "EMAIL", "email"), rows, lambda r: _multi(r, "EMAIL", _email))
    for entity, rows in (("contact", dataset.contacts.values()), ("lead", dataset.leads.values())):
        add(
            (entity, "UF_CRM_TAX_NUMBER", "rnokpp"),
            rows,
            lambda r: _rnokpp(r.get("UF_CRM_TAX_NUMBER")),
        )
    add(
        ("requisite", "RQ_INN", "rnokpp"),
        dataset.requisites.values(),
        lambda r: _rnokpp(r.get("RQ_INN")),
    )
    add(
        ("bank_detail", "RQ_IBAN", "iban"),
        dataset.bank_details.values(),
        lambda r: _iban(r.get("RQ_IBAN")),
    )
    return {key: n for key, n in counts.items() if n}
