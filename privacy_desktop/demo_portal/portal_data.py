"""The generated dataset prepared for serving: sorted tables and the duplicate-search index."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset
from privacy_desktop.demo_portal.query import Table

#: Entities ``crm.duplicate.findbycomm`` searches, in the order it reports them.
DUPLICATE_ENTITIES = ("LEAD", "CONTACT", "COMPANY")

#: user.get never lists these kinds of account (user-get.md).
HIDDEN_USER_TYPES = frozenset({"bot", "email", "imconnector", "replica", "sale", "shop"})
HIDDEN_EXTERNAL_AUTH = frozenset({"bot", "email", "imconnector", "replica", "rest_system"})

_EXTENSION = re.compile(r"(?i)\s*(?:ext\.?|доб\.?|вн\.?|x|#|,|;).*\Z")
_NON_DIGIT = re.compile(r"\D")


def normalise_phone(value: str) -> str:
    """Digits of a phone without its extension, Ukrainian numbers brought to ``380…``."""
    digits = _NON_DIGIT.sub("", _EXTENSION.sub("", value))
    if len(digits) == 10 and digits.startswith("0"):
        return "38" + digits
    if len(digits) == 11 and digits.startswith("80"):
        return "3" + digits
    return digits


def normalise_email(value: str) -> str:
    return value.strip().casefold()


@dataclass
class PortalData:
    """Read-only data the handlers serve (the dataset never changes while serving)."""

    config: DemoPortalConfig
    dataset: Dataset
    tables: dict[str, Table]
    admin_ids: frozenset[int]
    phone_index: dict[str, dict[str, list[int]]]  # entity -> normalised phone -> ids
    email_index: dict[str, dict[str, list[int]]]

    @classmethod
    def build(cls, config: DemoPortalConfig, dataset: Dataset) -> PortalData:
        described = dataset.entity_fields
        tables = {
            "contact": Table(dataset.contacts, described.get("contact", {})),
            "lead": Table(dataset.leads, described.get("lead", {})),
            "company": Table(dataset.companies, described.get("company", {})),
            "deal": Table(dataset.deals, described.get("deal", {})),
            "requisite": Table(dataset.requisites),
            "bankdetail": Table(dataset.bank_details),
            "activity": Table(dataset.activities),
            "user": Table(
                {k: v for k, v in dataset.users.items() if user_listed(v)},
                described.get("user", {}),
            ),
            "department": Table(dataset.departments),
        }
        phone_index: dict[str, dict[str, list[int]]] = {}
        email_index: dict[str, dict[str, list[int]]] = {}
        sources = {"LEAD": dataset.leads, "CONTACT": dataset.contacts, "COMPANY": dataset.companies}
        for entity, rows in sources.items():
            phones: defaultdict[str, list[int]] = defaultdict(list)
            emails: defaultdict[str, list[int]] = defaultdict(list)
            for identifier in sorted(rows):
                row = rows[identifier]
                for item in row.get("PHONE") or []:
                    key = normalise_phone(str(item.get("VALUE", "")))
                    if key and identifier not in phones[key]:
                        phones[key].append(identifier)
                for item in row.get("EMAIL") or []:
                    key = normalise_email(str(item.get("VALUE", "")))
                    if key and identifier not in emails[key]:
                        emails[key].append(identifier)
            phone_index[entity] = dict(phones)
            email_index[entity] = dict(emails)
        return cls(
            config=config,
            dataset=dataset,
            tables=tables,
            admin_ids=frozenset(_admins(dataset.users)),
            phone_index=phone_index,
            email_index=email_index,
        )

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.admin_ids


def user_listed(row: dict[str, Any]) -> bool:
    """Whether user.get lists this account at all (bots, e-mail users … never)."""
    user_type = str(row.get("USER_TYPE") or "employee").lower()
    external = str(row.get("EXTERNAL_AUTH_ID") or "").lower()
    return user_type not in HIDDEN_USER_TYPES and external not in HIDDEN_EXTERNAL_AUTH


def _admins(users: dict[int, dict[str, Any]]) -> set[int]:
    """User 1 owns the portal; rows may also mark administrators explicitly."""
    admins = {1} if 1 in users else set()
    for identifier, row in users.items():
        if row.get("IS_ADMIN") in (True, "Y") or row.get("ADMIN") in (True, "Y"):
            admins.add(identifier)
    return admins
