"""The two cloud limits: a leaky bucket per client IP and an operating-time budget per method.

Both are thread-safe and take the current time from a clock function so that they follow the
server's real time (tests shrink the durations with ``time_scale`` instead of faking time).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]

#: A real portal keeps ten buckets per (credential, method) (REST-REFERENCE.md §3.2).
BUCKETS_PER_WINDOW = 10


class LeakyBucket:
    """Per client IP: +1 per HTTP request, draining ``rate`` per second, holding ``burst``.

    A request that would overflow the bucket is refused and leaves the level unchanged.
    """

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._lock = threading.Lock()
        self._levels: dict[str, tuple[float, float]] = {}  # ip -> (level, at)

    def admit(self, client: str) -> bool:
        """Count one request from ``client``; False if it must be refused."""
        with self._lock:
            now = self._clock()
            level, at = self._levels.get(client, (0.0, now))
            level = max(0.0, level - (now - at) * self._rate)
            if level + 1.0 > self._burst:
                self._levels[client] = (level, now)
                return False
            self._levels[client] = (level + 1.0, now)
            return True


@dataclass(frozen=True)
class OperatingState:
    """A method's budget as ``time.operating`` and ``time.operating_reset_at`` report it."""

    operating: float
    reset_at: float | int


class OperatingBudget:
    """Execution seconds per (credential, method), summed in ten buckets of ``window / 10``.

    The check happens before a call; the call that crosses ``limit`` still completes and is
    charged; the next call of that method with that credential is refused until enough
    buckets expire. ``limit`` None: never refuse (on-premise portals), still account.
    """

    def __init__(self, limit: float | None, window: float, clock: Clock = time.time) -> None:
        self._limit = limit
        # time_scale 0 makes the window 0: every charge then expires at once.
        self._bucket_length = max(window, 1e-6) / BUCKETS_PER_WINDOW
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str], deque[list[float]]] = {}  # [index, seconds]

    def _live(self, key: tuple[str, str], now: float) -> deque[list[float]]:
        buckets = self._buckets.setdefault(key, deque())
        current = math.floor(now / self._bucket_length)
        while buckets and buckets[0][0] <= current - BUCKETS_PER_WINDOW:
            buckets.popleft()
        return buckets

    def blocked(self, credential: str, method: str) -> bool:
        """Whether the next call of ``method`` with ``credential`` must answer 429."""
        if self._limit is None:
            return False
        with self._lock:
            buckets = self._live((credential, method), self._clock())
            return sum(seconds for _, seconds in buckets) > self._limit

    def charge(self, credential: str, method: str, seconds: float) -> None:
        with self._lock:
            now = self._clock()
            buckets = self._live((credential, method), now)
            index = math.floor(now / self._bucket_length)
            if buckets and buckets[-1][0] == index:
                buckets[-1][1] += seconds
            else:
                buckets.append([float(index), seconds])

    def state(self, credential: str, method: str) -> OperatingState:
        with self._lock:
            now = self._clock()
            buckets = self._live((credential, method), now)
            total = sum(seconds for _, seconds in buckets)
            if buckets:
                reset = (buckets[0][0] + BUCKETS_PER_WINDOW) * self._bucket_length
            else:
                reset = now + self._bucket_length * BUCKETS_PER_WINDOW
        # A real portal reports a whole unix second; with buckets shorter than a second
        # (time_scale < 1/60 in tests) whole seconds would be wrong, so a float is reported.
        if self._bucket_length >= 1.0:
            return OperatingState(total, math.ceil(reset))
        return OperatingState(total, reset)
