"""What a set of REST scopes reaches in one portal's inventory.

The scope table lives in :mod:`privacy_desktop.domain.scope_catalogue`; this module joins it
with an :class:`~privacy_desktop.domain.inventory.InventorySummary` so that a grant can be shown
as "scope crm reaches 48,213 contacts: phones, e-mails, RNOKPP". A scope the table does not
know is reported in :attr:`Exposure.unknown`, never dropped.

Counts are per (entity, kind): the most records of that entity holding the kind in any one of
its fields. A record may hold a kind in two fields, so the inventory cannot say more exactly;
the number is therefore "at least", and it never falls when more is reached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.inventory import InventorySummary
from privacy_desktop.domain.personal_data import Category, Entity, PiiKind
from privacy_desktop.domain.scope_catalogue import SCOPES, ScopeInfo

__all__ = [
    "SCOPES",
    "EntityReach",
    "Exposure",
    "KindReach",
    "ScopeInfo",
    "ScopeReach",
    "exposure",
    "normalise_scopes",
    "parse_scopes",
]

#: "Scope crm reaches contacts: 48213" — one text per entity so each is translated whole
#: (the kinds are named by the GUI from KIND_NAMES beside it).
REACH_TEXTS: dict[Entity, str] = {
    Entity.USER: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches employees: %n"),
    Entity.DEPARTMENT: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches departments: %n"),
    Entity.CONTACT: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches contacts: %n"),
    Entity.LEAD: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches leads: %n"),
    Entity.COMPANY: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches companies: %n"),
    Entity.DEAL: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches deals: %n"),
    Entity.REQUISITE: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches requisites: %n"),
    Entity.BANK_DETAIL: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches bank details: %n"),
    Entity.ACTIVITY: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches activities: %n"),
    Entity.CONSENT: QT_TRANSLATE_NOOP("Scopes", "Scope %1 reaches consent agreements: %n"),
}
_BEYOND_TEXT = QT_TRANSLATE_NOOP(
    "Scopes", "Scope %1 also reaches personal data the inventory does not count"
)
_UNKNOWN_TEXT = QT_TRANSLATE_NOOP(
    "Scopes", "Scope %1 is not known to this version; treat it as reaching personal data"
)

_SEPARATORS = re.compile(r"[\s,;]+")


def parse_scopes(text: str) -> tuple[str, ...]:
    """Split a scope list as portals and people write it (``"crm,user"``, ``"crm user"``).

    Args:
        text: the list, separated by commas, semicolons or white space.

    Returns:
        The codes, normalised by :func:`normalise_scopes`.
    """
    return normalise_scopes(_SEPARATORS.split(text))


def normalise_scopes(codes: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, trim, drop empties and duplicates, and sort scope codes."""
    return tuple(sorted({code.strip().lower() for code in codes if code.strip()}))


@dataclass(frozen=True)
class KindReach:
    """How many reachable records hold one kind of personal datum.

    Attributes:
        kind: the kind.
        records: records holding it (at least; see the module's note).
    """

    kind: PiiKind
    records: int


@dataclass(frozen=True)
class EntityReach:
    """One inventory entity that scopes reach.

    Attributes:
        entity: the entity.
        records: its records in the inventory (0 when the portal was never scanned).
        kinds: per kind it holds and the scopes see, the records holding it (kind order).
        scopes: the scopes that grant it, sorted.
    """

    entity: Entity
    records: int
    kinds: tuple[KindReach, ...]
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class ScopeReach:
    """What one known scope reaches in this portal.

    Attributes:
        info: the scope's table entry.
        entities: the inventory entities it reads, with their counts.
    """

    info: ScopeInfo
    entities: tuple[EntityReach, ...]

    def messages(self) -> tuple[UserMessage, ...]:
        """Sentences for people: one per entity reached, plus one if it goes beyond them."""
        lines = [
            UserMessage("Scopes", REACH_TEXTS[reach.entity], (self.info.code,), reach.records)
            for reach in self.entities
        ]
        if self.info.beyond_inventory:
            lines.append(UserMessage("Scopes", _BEYOND_TEXT, (self.info.code,)))
        return tuple(lines)


@dataclass(frozen=True)
class Exposure:
    """What a set of scopes reaches, in the scope table and in this portal's inventory.

    Attributes:
        scopes: each known scope with what it reaches, in code order.
        unknown: codes the table does not know (reported, never ignored), sorted.
        entities: the inventory entities reached by any scope, in entity order.
        kinds: per kind, the reachable records holding it, summed over entities (kind order).
        potential_kinds: the kinds the scopes can reach per the table, scanned or not.
        categories: the section-1 categories those data belong to.
        arbitrary: some scope reaches free-form content that may hold any personal datum.
        beyond_inventory: known scopes reaching personal data the inventory does not count.
        inventory_known: counts come from a completed scan (False: the portal was never
            scanned, or no summary was given, and every count is 0).
    """

    scopes: tuple[ScopeReach, ...]
    unknown: tuple[str, ...]
    entities: tuple[EntityReach, ...]
    kinds: tuple[KindReach, ...]
    potential_kinds: frozenset[PiiKind]
    categories: frozenset[Category]
    arbitrary: bool
    beyond_inventory: tuple[str, ...]
    inventory_known: bool

    @property
    def records(self) -> int:
        """Records of every reached entity that hold at least one reachable kind."""
        return sum(
            max((kind.records for kind in reach.kinds), default=0) for reach in self.entities
        )

    def messages(self) -> tuple[UserMessage, ...]:
        """Every sentence of every scope, then one per unknown scope."""
        lines = [line for scope in self.scopes for line in scope.messages()]
        lines.extend(UserMessage("Scopes", _UNKNOWN_TEXT, (code,)) for code in self.unknown)
        return tuple(lines)


def exposure(scopes: Iterable[str], summary: InventorySummary | None) -> Exposure:
    """Compute what ``scopes`` reach in the portal whose inventory is ``summary``.

    Args:
        scopes: scope codes as granted (any case, duplicates allowed); ``basic`` is implied
            by every grant but is counted only when listed.
        summary: the portal's inventory, or None if it is not known.

    Returns:
        The exposure; more scopes or larger counts never make any number in it smaller.
    """
    codes = normalise_scopes(scopes)
    known = [SCOPES[code] for code in codes if code in SCOPES]
    unknown = tuple(code for code in codes if code not in SCOPES)
    inventory_known = summary is not None and summary.last_scan is not None
    counts = _field_maxima(summary) if inventory_known and summary is not None else {}
    entity_records = summary.entity_records if inventory_known and summary is not None else {}

    def reach(entity: Entity, granting: list[ScopeInfo]) -> EntityReach:
        visible: set[PiiKind] = set()
        for info in granting:
            visible |= set(PiiKind) if info.entity_kinds is None else info.entity_kinds
        kinds = tuple(
            KindReach(kind, counts[(entity, kind)])
            for kind in PiiKind
            if kind in visible and counts.get((entity, kind), 0) > 0
        )
        return EntityReach(
            entity=entity,
            records=entity_records.get(entity, 0),
            kinds=kinds,
            scopes=tuple(info.code for info in granting),
        )

    per_scope = tuple(
        ScopeReach(info, tuple(reach(entity, [info]) for entity in info.entities)) for info in known
    )
    entities = tuple(
        reach(entity, [info for info in known if entity in info.entities])
        for entity in Entity
        if any(entity in info.entities for info in known)
    )
    totals: dict[PiiKind, int] = {}
    for entity_reach in entities:
        for kind_reach in entity_reach.kinds:
            totals[kind_reach.kind] = totals.get(kind_reach.kind, 0) + kind_reach.records
    return Exposure(
        scopes=per_scope,
        unknown=unknown,
        entities=entities,
        kinds=tuple(KindReach(kind, totals[kind]) for kind in PiiKind if kind in totals),
        potential_kinds=frozenset(kind for info in known for kind in info.kinds),
        categories=frozenset(category for info in known for category in info.categories),
        arbitrary=any(info.arbitrary for info in known),
        beyond_inventory=tuple(info.code for info in known if info.beyond_inventory),
        inventory_known=inventory_known,
    )


def _field_maxima(summary: InventorySummary) -> dict[tuple[Entity, PiiKind], int]:
    """Per (entity, kind), the most records holding the kind in any one field."""
    maxima: dict[tuple[Entity, PiiKind], int] = {}
    for count in summary.fields:
        key = (count.entity, count.kind)
        maxima[key] = max(maxima.get(key, 0), count.records)
    return maxima
