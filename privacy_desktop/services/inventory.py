"""What the inventory holds: summaries, scan history and diffs, drill-down, revealing values.

Qt-free and blocking (SQL on the encrypted store): the GUI calls it on its interactive pool.
Counts come from the counts a completed scan recorded, so a summary costs a few indexed
reads however big the portal; drill-down pages read the found-values index in record order.
Revealing a value writes an audit entry first — a value is never shown unrecorded — and the
values themselves are never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.inventory import (
    CountChange,
    EntityScanState,
    InventorySummary,
    KindCount,
    RecordRow,
    ScanDiff,
    ScanInfo,
    ScanStatus,
)
from privacy_desktop.domain.personal_data import (
    Category,
    Entity,
    FieldClassification,
    PiiKind,
)
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.portals import AuditRecorder
from privacy_desktop.services.store_access import StoreAccess
from privacy_desktop.store.database import Database
from privacy_desktop.store.inventory_queries import InventoryRepository
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository

log = logging.getLogger(__name__)


class ScanNotFound(PrivacyDesktopError):
    """No scan with that number exists for the portal."""

    def __init__(self, scan_id: int) -> None:
        super().__init__(
            UserMessage(
                "Inventory",
                QT_TRANSLATE_NOOP("Inventory", "There is no scan number %1 of this portal."),
                (str(scan_id),),
            )
        )


class RevealNotRecorded(PrivacyDesktopError):
    """The audit log could not record a reveal, so the value stays hidden."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "Inventory",
                QT_TRANSLATE_NOOP(
                    "Inventory",
                    "The value is not shown because the audit log could not record that it "
                    "was revealed.",
                ),
            )
        )


class InventoryService:
    """Read access to the inventory of every portal.

    Args:
        store: the inventory store.
        recorder: writes audit entries (reveals); None only in tests of reading.
    """

    def __init__(self, store: StoreAccess, recorder: AuditRecorder | None = None) -> None:
        self._store = store
        self._recorder = recorder
        self._queries: tuple[Database, InventoryRepository] | None = None

    def _repo(self) -> InventoryRepository:
        database = self._store.database()
        queries = self._queries
        if queries is None or queries[0] is not database:
            # One repository per open store: it remembers drill-down positions.
            queries = (database, InventoryRepository(database))
            self._queries = queries
        return queries[1]

    def scans(self, portal: str) -> list[ScanInfo]:
        """Every scan of ``portal``, newest first."""
        return self._repo().scans(portal)

    def last_completed(self, portal: str) -> ScanInfo | None:
        return next(
            (scan for scan in self.scans(portal) if scan.status is ScanStatus.COMPLETED), None
        )

    def scan_entities(self, portal: str, scan_id: int) -> tuple[EntityScanState, ...]:
        """How each entity of a scan ended (``skipped`` ones carry the portal's error code)."""
        self._scan(portal, scan_id)
        return ScanRepository(self._store.database()).state(scan_id).entities

    def summary(self, portal: str) -> InventorySummary:
        """What ``portal`` holds as of its latest completed scan (empty if never scanned)."""
        last = self.last_completed(portal)
        if last is None:
            return InventorySummary(portal, None, {}, {}, {}, ())
        repo = self._repo()
        totals = repo.totals(last.id)
        return InventorySummary(
            portal=portal,
            last_scan=last,
            entity_records={Entity(k): n for k, n in totals.entities.items()},
            by_category={Category(k): n for k, n in totals.categories.items()},
            by_kind={PiiKind(k): n for k, n in totals.kinds.items()},
            fields=self._kind_counts(last.id),
        )

    def _kind_counts(self, scan_id: int) -> tuple[KindCount, ...]:
        repo = self._repo()
        classified = {(f.entity, f.field, f.kind): f for f in repo.fields(scan_id)}
        rows: list[KindCount] = []
        for count in repo.counts(scan_id):
            field = classified.get((count.entity, count.field, count.kind))
            if field is None:
                continue  # values of a field no longer classified (kept until re-read)
            rows.append(
                KindCount(
                    category=field.category,
                    entity=count.entity,
                    field=count.field,
                    kind=count.kind,
                    label=field.label,
                    records=count.records,
                )
            )
        order = {entity: index for index, entity in enumerate(Entity)}
        rows.sort(key=lambda c: (c.category.value, order[c.entity], c.field, c.kind.value))
        return tuple(rows)

    def diff(self, portal: str, older_id: int, newer_id: int) -> ScanDiff:
        """What changed between two completed scans of ``portal``.

        Raises:
            ScanNotFound: either scan does not exist for the portal.
        """
        older, newer = self._scan(portal, older_id), self._scan(portal, newer_id)
        repo = self._repo()
        before = _count_map(repo, older.id)
        after = _count_map(repo, newer.id)
        changes: list[CountChange] = []
        for key in sorted(before.keys() | after.keys(), key=_key_order):
            was, now = before.get(key, 0), after.get(key, 0)
            if was != now:
                changes.append(CountChange(key[0], key[1], key[2], was, now))
        kinds_before = {(e, k) for (e, _, k), n in before.items() if n}
        kinds_after = {(e, k) for (e, _, k), n in after.items() if n}
        new_kinds = tuple(sorted(kinds_after - kinds_before, key=lambda p: (p[0].value, p[1])))
        fields_before = {(f.entity, f.field, f.kind) for f in repo.fields(older.id)}
        new_fields = tuple(
            f for f in repo.fields(newer.id) if (f.entity, f.field, f.kind) not in fields_before
        )
        return ScanDiff(older, newer, new_kinds, new_fields, tuple(changes))

    def record_count(self, portal: str, entity: Entity, field: str, kind: PiiKind) -> int:
        """Records currently holding ``kind`` in ``field`` of ``entity``."""
        return self._repo().record_count(portal, entity, field, kind)

    def records(
        self,
        portal: str,
        entity: Entity,
        field: str,
        kind: PiiKind,
        offset: int,
        limit: int,
    ) -> list[RecordRow]:
        """A page of the records holding ``kind`` in ``field``, ordered by record ID."""
        return self._repo().records(portal, entity, field, kind, offset, limit)

    def fields(self, portal: str) -> list[FieldClassification]:
        """The fields classified as personal data in the latest completed scan."""
        last = self.last_completed(portal)
        return [] if last is None else self._repo().fields(last.id)

    def reveal(self, portal: str, entity: Entity, record_id: int, field: str) -> list[str]:
        """The values of ``field`` in one record as the portal holds them; the reveal is
        recorded in the audit log first.

        Raises:
            RevealNotRecorded: the audit entry could not be written (nothing is shown).
        """
        details: Mapping[str, str] = {
            "entity": entity.value,
            "record_id": str(record_id),
            "field": field,
        }
        if self._recorder is not None:
            try:
                recorded = self._recorder(AuditAction.REVEAL, portal, details)
            except PrivacyDesktopError as error:
                log.warning("Reveal not recorded: %s", type(error).__name__)
                raise RevealNotRecorded() from None
            if recorded is False:  # AuditTrail.record_safely reports a failure this way
                raise RevealNotRecorded()
        return self._repo().values_of(portal, entity, record_id, field)

    def forget(self, portal: str) -> None:
        """Delete everything stored about ``portal`` (when it is removed)."""
        RecordWriter(self._store.database()).forget_portal(portal)

    def _scan(self, portal: str, scan_id: int) -> ScanInfo:
        found = self._repo().scan(portal, scan_id)
        if found is None:
            raise ScanNotFound(scan_id)
        return found


def _count_map(repo: InventoryRepository, scan_id: int) -> dict[tuple[Entity, str, PiiKind], int]:
    return {(c.entity, c.field, c.kind): c.records for c in repo.counts(scan_id)}


def _key_order(key: tuple[Entity, str, PiiKind]) -> tuple[int, str, str]:
    order = {entity: index for index, entity in enumerate(Entity)}
    return (order[key[0]], key[1], key[2].value)
