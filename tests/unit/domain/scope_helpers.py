"""Building inventory summaries for the scope and grant tests."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from privacy_desktop.domain.inventory import (
    InventorySummary,
    KindCount,
    ScanInfo,
    ScanKind,
    ScanStatus,
)
from privacy_desktop.domain.personal_data import Category, Entity, PiiKind
from privacy_desktop.domain.scope_catalogue import SCOPES

_SCAN = ScanInfo(
    id=1,
    portal="demo",
    kind=ScanKind.FULL,
    status=ScanStatus.COMPLETED,
    started_at=datetime(2025, 1, 1, tzinfo=UTC),
    finished_at=datetime(2025, 1, 1, 1, tzinfo=UTC),
    records=0,
)


def summary(
    counts: list[tuple[Entity, str, PiiKind, int]], entity_records: dict[Entity, int]
) -> InventorySummary:
    """A scanned portal holding ``counts`` as (entity, field, kind, records)."""
    return InventorySummary(
        portal="demo",
        last_scan=_SCAN,
        entity_records=entity_records,
        by_category={},
        by_kind={},
        fields=tuple(
            KindCount(Category.USER_DATA, entity, field, kind, "", records)
            for entity, field, kind, records in counts
        ),
    )


def scaled(base: InventorySummary, factor: int) -> InventorySummary:
    """The same portal with every count multiplied by ``factor`` (>= 1)."""
    return InventorySummary(
        portal=base.portal,
        last_scan=base.last_scan,
        entity_records={e: n * factor for e, n in base.entity_records.items()},
        by_category={},
        by_kind={},
        fields=tuple(
            KindCount(c.category, c.entity, c.field, c.kind, c.label, c.records * factor)
            for c in base.fields
        ),
    )


scope_codes = st.sampled_from([*sorted(SCOPES), "no.such.scope", "zzz"])
scope_sets = st.frozensets(scope_codes, max_size=12)


@st.composite
def summaries(draw: st.DrawFn) -> InventorySummary:
    """Any scanned portal: a few fields per entity with random counts."""
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(list(Entity)),
                st.sampled_from(["NAME", "PHONE", "EMAIL", "UF_1", "UF_2"]),
                st.sampled_from(list(PiiKind)),
                st.integers(min_value=0, max_value=10**6),
            ),
            max_size=30,
        )
    )
    records = {
        entity: max((n for e, _, _, n in rows if e is entity), default=0) for entity in Entity
    }
    return summary(rows, records)
