"""Counting a scan's records entity by entity, while the scan goes on.

A completed scan's counts are computed from the stored records. Counting them all at the end
kept the person waiting for seconds after the last page of a large portal; instead, each
entity is counted on a thread of its own as soon as it is done (its records no longer change
in this scan), while the next entity is listed. Records are told apart by (entity, record
ID), so the counts of the entities add up. At the end only the last entity is still being
counted, and that runs beside the rebuilding of the person-search index.

Both are SQLite work with the interpreter lock released, and counting only reads (WAL gives
it a snapshot of committed pages), so neither holds up the other.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository
from privacy_desktop.store.scan_counts import ScanCounts


class EntityCounter:
    """Counts the entities of one scan as they are done.

    Args:
        scans: the scan repository.
        scan_id: the scan.
    """

    def __init__(self, scans: ScanRepository, scan_id: int) -> None:
        self._scans = scans
        self._scan_id = scan_id
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scan-count")
        self._parts: dict[Entity, Future[ScanCounts]] = {}

    def entity_done(self, entity: Entity) -> None:
        """Start counting ``entity``, whose records this scan will not change any more."""
        self._parts[entity] = self._executor.submit(self._scans.count, self._scan_id, entity=entity)

    def total(self, writer: RecordWriter) -> ScanCounts:
        """Every entity's counts (any entity not counted yet is counted now), once the
        person-search index is rebuilt on this thread.

        Raises:
            StoreError: counting or the index failed.
        """
        rest = self._executor.submit(self._scans.count, self._scan_id, excluding=list(self._parts))
        writer.restore_search_index()
        return ScanCounts.merge([part.result() for part in [*self._parts.values(), rest]])

    def close(self) -> None:
        """Stop: counts not started are dropped, one under way is waited for."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> EntityCounter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
