"""Scanning a portal into the encrypted inventory: full, incremental, resumable.

A scan reads every entity in :data:`~privacy_desktop.services.scan_sources.SOURCES` order
(see :mod:`~privacy_desktop.services.scan_entity` for the phases of one entity). The first
scan of a portal, and any scan asked for with ``full=True``, reads everything; later scans
read what changed since the previous completed scan *started* (by the portal's clock,
minus :data:`SAFETY_MARGIN`), then list the IDs to find deletions.

Every page is committed with the ID range it completes, so a scan that stops — the network
lost, the program killed, the person cancelling — is resumed by the next ``scan`` call of
that portal: it continues the same scan, listing only what its checkpoints do not cover, and
ends with exactly the portal's records. When a scan completes, its counts per (entity,
field, kind) and totals are recomputed from the stored records for history and diffs.

Blocking and Qt-free: the GUI runs :meth:`ScanService.scan` on a worker; progress goes to the
sink, cancellation comes through the token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.inventory import (
    EntityScanState,
    ScanInfo,
    ScanKind,
    ScanState,
    ScanStatus,
)
from privacy_desktop.domain.portals import PortalProfile
from privacy_desktop.domain.progress import Cancelled, CancelToken, ProgressSink, ignore_progress
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.services.portals import AuditRecorder
from privacy_desktop.services.scan_counting import EntityCounter
from privacy_desktop.services.scan_entity import EntityScanner, ScanRun
from privacy_desktop.services.scan_lock import scan_lock
from privacy_desktop.services.scan_plan import survey_requests
from privacy_desktop.services.scan_progress import FINISHING, STARTING, ProgressReporter
from privacy_desktop.services.scan_sources import SOURCE_BY_ENTITY, SOURCES
from privacy_desktop.services.scan_survey import FirstPage, Survey, take_survey
from privacy_desktop.services.store_access import StoreAccess
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository

log = logging.getLogger(__name__)

#: How far before the previous scan's start an incremental scan looks for changes: covers
#: records saved while that scan was reading them and small clock differences.
SAFETY_MARGIN = timedelta(minutes=15)
#: A scan that reads at least this many records builds the person-search index once at its
#: end instead of updating it value by value (see RecordWriter.suspend_search_index).
BULK_LOAD_RECORDS = 5_000


class PortalClients(Protocol):
    """What a scan needs of the configured portals (:class:`PortalService` provides it)."""

    def profile(self, name: str) -> PortalProfile: ...

    def open_client(self, name: str, cancel: CancelToken | None = None) -> BitrixClient: ...


class ScanService:
    """Scans portals into the inventory store.

    Args:
        portals: the configured portals (for their clients).
        store: the inventory store.
        lock_dir: where the per-portal scan locks live (the data directory).
        recorder: records each finished scan in the audit log (None: nothing).
        workers: batch requests in flight at once while listing.
        clock: the current UTC time (tests pass their own).
    """

    def __init__(
        self,
        portals: PortalClients,
        store: StoreAccess,
        lock_dir: Path,
        *,
        recorder: AuditRecorder | None = None,
        workers: int = 4,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._portals = portals
        self._store = store
        self._lock_dir = lock_dir
        self._recorder = recorder
        self._workers = workers
        self._clock = clock

    def scan(
        self,
        portal: str,
        *,
        full: bool = False,
        progress: ProgressSink | None = None,
        cancel: CancelToken | None = None,
    ) -> ScanInfo:
        """Scan ``portal``, or resume its interrupted scan; the completed scan.

        Args:
            portal: the portal's name.
            full: read everything even if an earlier scan completed.
            progress: receives progress reports.
            cancel: stops the scan at the next page (it can be resumed later).

        Raises:
            Cancelled: ``cancel`` was set (the scan is kept and resumed next time).
            ScanAlreadyRunning: another scan of this portal is running.
            PortalNotFound, PortalSecretMissing, KeyringUnavailable: the portal cannot be
                opened.
            PortalError: the portal failed after retries (the scan is resumed next time).
            StoreUnavailable, StoreBug: the store failed.
        """
        name = self._portals.profile(portal).name
        reporter = ProgressReporter(progress or ignore_progress)
        reporter.stage(STARTING)
        self._lock_dir.mkdir(parents=True, exist_ok=True)
        with scan_lock(self._lock_dir, name):
            database = self._store.database()
            scans, writer = ScanRepository(database), RecordWriter(database)
            with self._portals.open_client(name, cancel) as client:
                state, survey = self._resume_or_start(client, scans, name, full, cancel)
                return self._run(client, name, state, survey, scans, writer, reporter, cancel)

    def _run(
        self,
        client: BitrixClient,
        portal: str,
        state: ScanState,
        surveyed: Survey | None,
        scans: ScanRepository,
        writer: RecordWriter,
        reporter: ProgressReporter,
        cancel: CancelToken | None,
    ) -> ScanInfo:
        scan_id = state.info.id
        try:
            previous = scans.latest_completed(portal)
            survey = surveyed
            if survey is None:
                pages, describe = survey_requests(state, previous)
                survey = take_survey(client, pages, describe, portal_time=False, cancel=cancel)
            run = ScanRun(
                client,
                portal,
                state,
                previous,
                survey,
                scans,
                writer,
                reporter,
                cancel,
                self._workers,
            )
            bulk = _records_to_read(survey) >= BULK_LOAD_RECORDS
            if bulk:
                writer.suspend_search_index()
            order = {source.entity: index for index, source in enumerate(SOURCES)}
            with EntityCounter(scans, scan_id) as counter:
                for entity_state in sorted(state.entities, key=lambda item: order[item.entity]):
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    source = SOURCE_BY_ENTITY[entity_state.entity]
                    EntityScanner(run, source, entity_state).run()
                    counter.entity_done(entity_state.entity)
                reporter.stage(FINISHING)
                counts = counter.total(writer)
            info = scans.finish(scan_id, ScanStatus.COMPLETED, self._clock(), counts=counts)
        except Cancelled:
            self._end(scans, writer, scan_id, ScanStatus.CANCELLED, "")
            raise
        except PrivacyDesktopError as error:
            self._end(scans, writer, scan_id, ScanStatus.FAILED, str(error))
            raise
        log.info("Scan %d of a portal completed: %d records", scan_id, info.records)
        self._record(info)
        return info

    def _end(
        self,
        scans: ScanRepository,
        writer: RecordWriter,
        scan_id: int,
        status: ScanStatus,
        error: str,
    ) -> None:
        try:
            writer.restore_search_index()
            info = scans.finish(scan_id, status, self._clock(), error)
        except PrivacyDesktopError as failure:
            # The store itself may be what failed; the scan stays resumable either way.
            log.warning("Could not mark scan %d as %s: %s", scan_id, status.value, failure)
            return
        log.info("Scan %d of a portal ended: %s", scan_id, status.value)
        self._record(info)

    def _resume_or_start(
        self,
        client: BitrixClient,
        scans: ScanRepository,
        portal: str,
        full: bool,
        cancel: CancelToken | None,
    ) -> tuple[ScanState, Survey | None]:
        """The scan to run (an unfinished one, or a new one) and, for a new one, its first
        request's answers (a resumed scan asks inside :meth:`_run`, so that a failure there
        ends it as any other).

        A new scan is stored only once the first request has answered: a portal that cannot
        be reached leaves no empty scan behind.
        """
        unfinished = scans.unfinished(portal)
        if unfinished is not None:
            if not (full and unfinished.info.kind is ScanKind.INCREMENTAL):
                log.info("Resuming scan %d", unfinished.info.id)
                return scans.mark_resumed(unfinished.info.id), None
            # A full scan was asked for: the unfinished incremental one is dropped.
            scans.finish(unfinished.info.id, ScanStatus.CANCELLED, self._clock())
        previous = scans.latest_completed(portal)
        kind = ScanKind.FULL if full or previous is None else ScanKind.INCREMENTAL
        since = None
        if kind is ScanKind.INCREMENTAL and previous is not None:
            since = _shifted(previous.portal_started, previous.info.started_at, -SAFETY_MARGIN)
        started = self._clock()
        planned = ScanState(
            info=ScanInfo(0, portal, kind, ScanStatus.RUNNING, started, None, 0),
            portal_started=None,
            since=since,
            resumes=0,
            entities=tuple(
                EntityScanState(source.entity, "pending", None, 0, "") for source in SOURCES
            ),
        )
        pages, describe = survey_requests(planned, previous)
        survey = take_survey(client, pages, describe, portal_time=True, cancel=cancel)
        info = scans.start_scan(
            portal,
            kind,
            started,
            [source.entity for source in SOURCES],
            portal_started=survey.portal_time,
            since=since,
        )
        return scans.state(info.id), survey

    def _record(self, info: ScanInfo) -> None:
        if self._recorder is None:
            return
        details = {
            "scan": str(info.id),
            "kind": info.kind.value,
            "status": info.status.value,
            "records": str(info.records),
        }
        try:
            self._recorder(AuditAction.SCAN, info.portal, details)
        except PrivacyDesktopError as error:
            log.warning("Audit entry for scan %d not recorded: %s", info.id, error)


def _records_to_read(survey: Survey) -> int:
    """Records the scan's full listings will read, as the portal counted them."""
    return sum(
        page.total or 0
        for (_, phase), page in survey.pages.items()
        if phase == "records" and isinstance(page, FirstPage)
    )


def _shifted(portal_time: str | None, fallback: datetime, delta: timedelta) -> str:
    """``portal_time`` (ISO 8601 with the portal's offset) moved by ``delta``, in the same
    offset; the local UTC ``fallback`` when the portal's time is unknown."""
    moment: datetime | None = None
    if portal_time:
        try:
            moment = datetime.fromisoformat(portal_time)
        except ValueError:
            moment = None
    if moment is None or moment.tzinfo is None:
        moment = fallback
    return (moment + delta).replace(microsecond=0).isoformat()
