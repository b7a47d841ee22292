"""Client-side mirrors of the portal's two limits, shared by all threads of one client.

* :class:`RateLimiter` — the request-rate leaky bucket (limits.md): every HTTP request adds
  one, the level drains ``rate`` per second, a request that would lift it above ``burst`` is
  refused with 503 QUERY_LIMIT_EXCEEDED. We wait before sending instead, so steady operation
  never sees a refusal.
* :class:`OperatingLedger` — the resource limit: each method's execution time is summed over
  a sliding window; above ``operating_limit`` the method is blocked portal-wide (429). We keep
  the same sum from the times the portal reports, estimate the next call's cost, and wait
  before the block instead of running into it.

Waits go through a ``Sleep`` callable that returns True when the operation was cancelled, so
a cancel is immediate (``CancelToken.wait``).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from privacy_desktop.domain.progress import Cancelled

#: Sleep up to the given seconds; True if cancelled meanwhile.
Sleep = Callable[[float], bool]
Clock = Callable[[], float]

#: How often a wait that depends on other threads (in-flight reservations) looks again.
_POLL_S = 0.05


def _sleep_or_cancel(sleep: Sleep, seconds: float) -> None:
    if sleep(max(seconds, 0.0)):
        raise Cancelled


class RateLimiter:
    """A leaky bucket mirroring the portal's; ``rate`` None means no request-rate limit.

    Args:
        rate: requests per second the portal's bucket drains.
        burst: the portal's bucket size.
        headroom: slots kept free below ``burst`` so that network jitter (requests arriving
            closer together than they were sent) never tips the portal's bucket over.
    """

    def __init__(
        self,
        rate: float | None,
        burst: int,
        *,
        headroom: float | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._rate = rate
        if headroom is None:
            # Requests sent evenly can arrive bunched: allow for 0.1 s of jitter (at least a
            # quarter of a request) rather than a whole slot, which at burst 5 costs 20 %.
            headroom = max(0.25, (rate or 0.0) * 0.1)
        self._capacity = max(1.0, burst - headroom)
        self._clock = clock
        self._lock = threading.Lock()
        self._level = 0.0
        self._at = clock()

    @property
    def capacity(self) -> float:
        return self._capacity

    def level(self) -> float:
        with self._lock:
            self._drain(self._clock())
            return self._level

    def _drain(self, now: float) -> None:
        if self._rate is not None:
            self._level = max(0.0, self._level - (now - self._at) * self._rate)
        self._at = now

    def acquire(self, sleep: Sleep) -> float:
        """Wait until one more request fits, then count it. Returns the seconds waited.

        Raises:
            Cancelled: when ``sleep`` reports a cancel.
        """
        if self._rate is None:
            return 0.0
        waited = 0.0
        while True:
            with self._lock:
                self._drain(self._clock())
                # The tolerance keeps float rounding from turning into endless tiny waits.
                if self._level + 1.0 <= self._capacity + 1e-9:
                    self._level += 1.0
                    return waited
                wait = max((self._level + 1.0 - self._capacity) / self._rate, 1e-4)
            _sleep_or_cancel(sleep, wait)
            waited += wait

    def mark_full(self) -> None:
        """The portal refused a request as over the limit: someone else shares the bucket."""
        with self._lock:
            self._drain(self._clock())
            self._level = max(self._level, self._capacity)


@dataclass
class _MethodLedger:
    entries: deque[tuple[float, float]] = field(default_factory=deque)  # (at, seconds)
    total: float = 0.0
    reserved: float = 0.0
    in_flight: int = 0  # requests holding a reservation
    expected: float | None = None  # EWMA of one call's cost
    floor: float = 0.0  # the portal's own `operating` figure …
    floor_until: float = 0.0  # … valid until its operating_reset_at (monotonic)
    blocked_until: float = 0.0


@dataclass(frozen=True)
class Reservation:
    """Seconds of execution time reserved per method for one request in flight."""

    seconds: Mapping[str, float]


class OperatingLedger:
    """Per method, the execution time spent within the sliding window, plus calls in flight.

    Args:
        limit: seconds of execution per window a method may use (None: no resource limit).
        window: the window, seconds.
        margin: share of ``limit`` kept free, absorbing estimation error.
        alpha: weight of the newest observation in the per-method cost estimate (EWMA).
    """

    def __init__(
        self,
        limit: float | None,
        window: float,
        *,
        margin: float = 0.02,
        alpha: float = 0.3,
        clock: Clock = time.monotonic,
    ) -> None:
        self._limit = limit
        self._window = window
        self._budget = None if limit is None else limit * (1.0 - margin)
        self._alpha = alpha
        self._clock = clock
        self._lock = threading.Lock()
        self._methods: dict[str, _MethodLedger] = {}

    def _ledger(self, method: str, now: float) -> _MethodLedger:
        ledger = self._methods.get(method)
        if ledger is None:
            ledger = self._methods[method] = _MethodLedger()
        horizon = now - self._window
        while ledger.entries and ledger.entries[0][0] <= horizon:
            _, seconds = ledger.entries.popleft()
            ledger.total -= seconds
        if not ledger.entries:
            ledger.total = 0.0  # no float drift left behind
        if ledger.floor_until <= now:
            ledger.floor = 0.0
        return ledger

    def expected_cost(self, method: str) -> float:
        with self._lock:
            ledger = self._methods.get(method)
            return 0.0 if ledger is None or ledger.expected is None else ledger.expected

    def capacity(self, method: str) -> int | None:
        """How many calls of ``method`` fit one window's budget (None: no limit or no estimate).

        A batch larger than this would run into the block part-way, whatever the waiting.
        """
        with self._lock:
            ledger = self._methods.get(method)
            if self._budget is None or ledger is None or not ledger.expected:
                return None
            return int(self._budget // ledger.expected)

    def untouched(self, method: str) -> bool:
        """Whether nothing is known of ``method`` yet: never called, blocked or reported on.

        A first batch of such a method may be full. Fifty list pages cost a few per cent of
        the documented budget (480 s per 10 minutes against well under a second a page), so
        the cold start needs no probe request.
        """
        with self._lock:
            ledger = self._methods.get(method)
            return ledger is None or (
                not ledger.entries
                and not ledger.in_flight
                and ledger.expected is None
                and ledger.floor == 0.0
                and ledger.blocked_until <= self._clock()
            )

    def affordable_now(self, method: str) -> int | None:
        """How many calls of ``method`` fit the budget left right now (None: no limit or no
        estimate)."""
        with self._lock:
            now = self._clock()
            ledger = self._ledger(method, now)
            if self._budget is None or not ledger.expected or ledger.blocked_until > now:
                return None if self._budget is None or not ledger.expected else 0
            used = max(ledger.total, ledger.floor) + ledger.reserved
            return max(0, int((self._budget - used) // ledger.expected))

    def used(self, method: str) -> float:
        """Seconds the method has used in the window, as far as this client knows."""
        with self._lock:
            ledger = self._ledger(method, self._clock())
            return max(ledger.total, ledger.floor)

    def reserve(self, calls: Mapping[str, int], sleep: Sleep) -> tuple[Reservation, float]:
        """Wait until ``calls`` (method → number of calls) fit the budget, then reserve them.

        Returns:
            The reservation (to :meth:`settle`) and the seconds waited.

        Raises:
            Cancelled: when ``sleep`` reports a cancel.
        """
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                wait, costs = self._wait_needed(calls, now)
                if wait <= 0.0:
                    for method, seconds in costs.items():
                        ledger = self._ledger(method, now)
                        ledger.reserved += seconds
                        ledger.in_flight += 1
                    return Reservation(costs), waited
            wait = min(wait, self._window)
            _sleep_or_cancel(sleep, wait)
            waited += wait

    def _wait_needed(self, calls: Mapping[str, int], now: float) -> tuple[float, dict[str, float]]:
        costs: dict[str, float] = {}
        longest = 0.0
        for method, count in calls.items():
            ledger = self._ledger(method, now)
            cost = (ledger.expected or 0.0) * count
            costs[method] = cost
            if ledger.blocked_until > now:
                longest = max(longest, ledger.blocked_until - now)
                continue
            if self._budget is None:
                continue
            if ledger.expected is None and ledger.in_flight > 0:
                # Cold start: until one call has shown what the method costs, one at a time.
                longest = max(longest, _POLL_S)
                continue
            used = max(ledger.total, ledger.floor) + ledger.reserved
            if used <= 0.0 or used + cost <= self._budget:
                continue  # an idle method may always run one call, however expensive
            longest = max(longest, self._time_to_free(ledger, used + cost - self._budget, now))
        return longest, costs

    def _time_to_free(self, ledger: _MethodLedger, excess: float, now: float) -> float:
        """Seconds until ``excess`` seconds of usage have left the window."""
        if ledger.floor > ledger.total:
            # The portal counts more than we saw (another program, or before we started):
            # its figure holds until its reset time.
            return max(ledger.floor_until - now, _POLL_S)
        freed = 0.0
        for at, seconds in ledger.entries:
            freed += seconds
            if freed >= excess:
                return max(at + self._window - now, 0.001)
        # Only calls still in flight stand in the way; look again when some have settled.
        return _POLL_S

    def settle(
        self,
        reservation: Reservation,
        observed: Mapping[str, list[float]] | None,
        *,
        executed: bool = False,
    ) -> None:
        """Replace a reservation by what the portal reported (method → seconds per call).

        ``observed`` None: nothing was reported; if the request ``executed`` anyway (an error
        answer) the reserved estimate is charged, else (refused, never sent) nothing is.
        """
        with self._lock:
            now = self._clock()
            for method, seconds in reservation.seconds.items():
                ledger = self._ledger(method, now)
                ledger.reserved = max(0.0, ledger.reserved - seconds)
                ledger.in_flight = max(0, ledger.in_flight - 1)
                if observed is None and executed and seconds > 0.0:
                    ledger.entries.append((now, seconds))
                    ledger.total += seconds
            for method, costs in (observed or {}).items():
                ledger = self._ledger(method, now)
                for cost in costs:
                    if not math.isfinite(cost) or cost < 0.0:
                        continue
                    ledger.entries.append((now, cost))
                    ledger.total += cost
                    if ledger.expected is None:
                        ledger.expected = cost
                    else:
                        ledger.expected += self._alpha * (cost - ledger.expected)

    def report_operating(self, method: str, operating: float, reset_in: float | None) -> None:
        """The portal's ``time.operating`` for ``method``; ``reset_in`` seconds until it drops."""
        with self._lock:
            now = self._clock()
            ledger = self._ledger(method, now)
            if operating > ledger.total * 1.001 + 1e-9:  # more than rounding apart
                until = now + (self._window if reset_in is None else min(reset_in, self._window))
                if until > now:
                    ledger.floor = operating
                    ledger.floor_until = until

    def block(self, method: str, seconds: float) -> None:
        """The portal blocked ``method`` (429): hold every caller of it for ``seconds``."""
        with self._lock:
            now = self._clock()
            ledger = self._ledger(method, now)
            ledger.blocked_until = max(ledger.blocked_until, now + seconds)

    def floor_reset_in(self, method: str) -> float | None:
        """Seconds until the portal's last reported figure for ``method`` drops, if known."""
        with self._lock:
            now = self._clock()
            ledger = self._ledger(method, now)
            return ledger.floor_until - now if ledger.floor > 0.0 else None
