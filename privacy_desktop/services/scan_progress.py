"""Progress of a scan: which entity, how many records of how many, how fast, how long left.

Reports go to the caller's sink at most every :data:`REPORT_INTERVAL_S` (and always at the
start and end of each step, see :meth:`ProgressReporter.flush`), so a fast scan does not flood
a GUI with signals.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.domain.progress import Progress, ProgressSink

REPORT_INTERVAL_S = 0.1
#: The rate is measured over this many seconds (recent speed predicts the rest best).
RATE_WINDOW_S = 10.0

_CONTEXT = "Scanning"

_READING: dict[Entity, str] = {
    Entity.USER: QT_TRANSLATE_NOOP("Scanning", "Reading users"),
    Entity.DEPARTMENT: QT_TRANSLATE_NOOP("Scanning", "Reading departments"),
    Entity.CONTACT: QT_TRANSLATE_NOOP("Scanning", "Reading contacts"),
    Entity.LEAD: QT_TRANSLATE_NOOP("Scanning", "Reading leads"),
    Entity.COMPANY: QT_TRANSLATE_NOOP("Scanning", "Reading companies"),
    Entity.DEAL: QT_TRANSLATE_NOOP("Scanning", "Reading deals"),
    Entity.REQUISITE: QT_TRANSLATE_NOOP("Scanning", "Reading requisites"),
    Entity.BANK_DETAIL: QT_TRANSLATE_NOOP("Scanning", "Reading bank details"),
    Entity.ACTIVITY: QT_TRANSLATE_NOOP("Scanning", "Reading activities"),
    Entity.CONSENT: QT_TRANSLATE_NOOP("Scanning", "Reading consent agreements"),
}

_CHECKING: dict[Entity, str] = {
    Entity.USER: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted users"),
    Entity.DEPARTMENT: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted departments"),
    Entity.CONTACT: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted contacts"),
    Entity.LEAD: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted leads"),
    Entity.COMPANY: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted companies"),
    Entity.DEAL: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted deals"),
    Entity.REQUISITE: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted requisites"),
    Entity.BANK_DETAIL: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted bank details"),
    Entity.ACTIVITY: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted activities"),
    Entity.CONSENT: QT_TRANSLATE_NOOP("Scanning", "Looking for deleted consent agreements"),
}

STARTING = UserMessage(_CONTEXT, QT_TRANSLATE_NOOP("Scanning", "Connecting to the portal"))
FINISHING = UserMessage(_CONTEXT, QT_TRANSLATE_NOOP("Scanning", "Counting the personal data"))


def reading(entity: Entity) -> UserMessage:
    return UserMessage(_CONTEXT, _READING[entity])


def checking(entity: Entity) -> UserMessage:
    return UserMessage(_CONTEXT, _CHECKING[entity])


class ProgressReporter:
    """Turns "n more records done" into throttled :class:`Progress` reports.

    Args:
        sink: where reports go.
        clock: monotonic seconds (tests pass their own).
    """

    def __init__(self, sink: ProgressSink, clock: Callable[[], float] = time.monotonic) -> None:
        self._sink = sink
        self._clock = clock
        self._stage = STARTING
        self._done = 0
        self._total: int | None = None
        self._last_report = -1.0
        self._samples: deque[tuple[float, int]] = deque()
        self._counted = 0  # records done over the whole scan, for the rate

    def stage(self, stage: UserMessage, *, done: int = 0, total: int | None = None) -> None:
        """Begin a step (an entity's reading or checking) and report it at once."""
        self._stage, self._done, self._total = stage, done, total
        self._samples.clear()  # each step has its own pace (reading vs. checking IDs)
        self._emit(force=True)

    def advance(self, records: int) -> None:
        """``records`` more records of the current step are done."""
        self._done += records
        self._counted += records
        now = self._clock()
        self._samples.append((now, self._counted))
        while self._samples and now - self._samples[0][0] > RATE_WINDOW_S:
            self._samples.popleft()
        self._emit(force=False)

    def flush(self) -> None:
        """Report where the current step stands now (its end is always reported)."""
        self._emit(force=True)

    def _rate(self) -> float | None:
        if len(self._samples) < 2:
            return None
        (start, first), (end, last) = self._samples[0], self._samples[-1]
        if end <= start:
            return None
        return (last - first) / (end - start)

    def _emit(self, *, force: bool) -> None:
        now = self._clock()
        if not force and now - self._last_report < REPORT_INTERVAL_S:
            return
        self._last_report = now
        rate = self._rate()
        eta: float | None = None
        if rate and self._total is not None:
            eta = max(0, self._total - self._done) / rate
        total = self._total
        if total is not None and self._done > total:
            total = self._done  # the portal gained records while we read them
        self._sink(Progress(self._stage, self._done, total, rate, eta))
