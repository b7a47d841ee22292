"""Counters of what the demo portal saw, for tests and benchmarks (``GET /_demo/stats``)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class DemoStats:
    """A snapshot of the counters.

    Attributes:
        requests: HTTP requests to ``/rest`` (a batch counts once).
        refused_rate_limit: 503 QUERY_LIMIT_EXCEEDED answers.
        refused_operating: 429 OPERATION_TIME_LIMIT answers (batch sub-calls included).
        faults: injected faults by kind (``batch`` for failed batch sub-commands).
        method_calls: executed method calls by method, batch sub-calls included.
        token_refreshes: refresh-token grants served.
        token_exchanges: authorization-code grants served.
    """

    requests: int
    refused_rate_limit: int
    refused_operating: int
    faults: dict[str, int]
    method_calls: dict[str, int]
    token_refreshes: int
    token_exchanges: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class StatsCounter:
    """Thread-safe counters behind :class:`DemoStats`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._requests = 0
            self._refused_rate_limit = 0
            self._refused_operating = 0
            self._faults: Counter[str] = Counter()
            self._method_calls: Counter[str] = Counter()
            self._token_refreshes = 0
            self._token_exchanges = 0

    def request(self) -> None:
        with self._lock:
            self._requests += 1

    def refused_rate_limit(self) -> None:
        with self._lock:
            self._refused_rate_limit += 1

    def refused_operating(self) -> None:
        with self._lock:
            self._refused_operating += 1

    def fault(self, kind: str) -> None:
        with self._lock:
            self._faults[kind] += 1

    def method_call(self, method: str) -> None:
        with self._lock:
            self._method_calls[method] += 1

    def token_refresh(self) -> None:
        with self._lock:
            self._token_refreshes += 1

    def token_exchange(self) -> None:
        with self._lock:
            self._token_exchanges += 1

    def snapshot(self) -> DemoStats:
        with self._lock:
            return DemoStats(
                requests=self._requests,
                refused_rate_limit=self._refused_rate_limit,
                refused_operating=self._refused_operating,
                faults=dict(self._faults),
                method_calls=dict(self._method_calls),
                token_refreshes=self._token_refreshes,
                token_exchanges=self._token_exchanges,
            )
