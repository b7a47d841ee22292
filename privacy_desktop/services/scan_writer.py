"""Storing a scan's pages on a thread of their own, so that SQL overlaps reading and parsing.

SQLCipher encrypts and writes with the interpreter lock released; the scanning thread
meanwhile classifies the next page and the listing threads parse the next answers. Pages are
stored in the order they were handed over; when the writer falls behind, the pages waiting
go into one transaction (each still whole, with its covered ID ranges), so a slow disk costs
fewer commits instead of more waiting. A failure is raised to the scanning thread at its next
hand-over or at :meth:`PageWriter.close`.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from types import TracebackType

from privacy_desktop.domain.inventory import ScannedRecord
from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.store.record_writes import RecordWriter

log = logging.getLogger(__name__)

Page = tuple[Sequence[ScannedRecord], Sequence[tuple[int, int]]]
#: Pages waiting at most: bounds memory, and what a crash can lose (it is read again).
MAX_WAITING = 32
#: Pages stored in one transaction at most.
MAX_GROUP = 16
_STOP = None


class PageWriter:
    """A writer thread for the pages of one entity and phase of a scan.

    Args:
        writer: the store's record writer.
        portal: the portal's name.
        scan_id: the scan.
        entity: the entity.
        phase: the scanning phase the covered ranges belong to.
    """

    def __init__(
        self, writer: RecordWriter, portal: str, scan_id: int, entity: Entity, phase: str
    ) -> None:
        self._writer = writer
        self._key = (portal, scan_id, entity, phase)
        self._queue: queue.Queue[Page | None] = queue.Queue(maxsize=MAX_WAITING)
        self._error: BaseException | None = None
        self._failed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scan-writer", daemon=True)
        self._thread.start()

    def put(self, records: Sequence[ScannedRecord], covered: Sequence[tuple[int, int]]) -> None:
        """Queue a page; blocks while the writer is :data:`MAX_WAITING` pages behind.

        Raises:
            StoreError: an earlier page could not be stored.
        """
        while True:
            self._raise_failure()
            try:
                self._queue.put((records, covered), timeout=0.1)
                return
            except queue.Full:
                continue

    def close(self) -> None:
        """Store every queued page and stop.

        Raises:
            StoreError: a page could not be stored.
        """
        while self._thread.is_alive():
            if self._failed.is_set():
                break
            try:
                self._queue.put(_STOP, timeout=0.1)
                break
            except queue.Full:
                continue
        self._thread.join()
        self._raise_failure()

    def __enter__(self) -> PageWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
            return
        # Leaving on an error (a cancel, a portal failure): what was read is still stored,
        # so that a resumed scan does not read it again; a store error here adds nothing.
        try:
            self.close()
        except Exception as error:  # the error in flight is the one to report
            log.warning("Pages not stored after an interruption: %s", type(error).__name__)

    def _raise_failure(self) -> None:
        if self._failed.is_set() and self._error is not None:
            raise self._error

    def _run(self) -> None:
        portal, scan_id, entity, phase = self._key
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    return
                group = [first]
                stop = False
                while len(group) < MAX_GROUP:
                    try:
                        following = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if following is _STOP:
                        stop = True
                        break
                    group.append(following)
                self._writer.store_pages(portal, scan_id, entity, group, phase=phase)
                if stop:
                    return
        except BaseException as error:  # handed to the scanning thread
            self._error = error
            self._failed.set()
