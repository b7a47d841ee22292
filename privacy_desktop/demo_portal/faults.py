"""Injected faults: what an unreliable network or an overloaded portal does to a request.

Decisions are drawn from one seeded generator in request order, so a run with the same
``fault_seed`` and the same request sequence meets the same faults.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence

#: Every kind the server knows how to produce.
FAULT_KINDS = ("503", "500", "reset", "timeout", "garbage", "html")

HTML_503 = (
    b"<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>"
    b"<body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to "
    b"service your request. Please try again later.</p><hr><address>nginx</address></body>"
    b"</html>\n"
)

HTML_PAGE = (
    b'<!DOCTYPE html>\n<html lang="uk"><head><meta charset="utf-8"><title>Bitrix24</title>'
    b'</head><body><div class="maintenance">The portal is being updated. Please come back '
    b"in a few minutes.</div></body></html>\n"
)


class FaultPlan:
    """Decides, per request, whether to inject a fault and which one."""

    def __init__(self, rate: float, seed: int, kinds: Sequence[str]) -> None:
        unknown = [kind for kind in kinds if kind not in FAULT_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds: {unknown}")
        self._rate = rate
        self._kinds = tuple(kinds)
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> str | None:
        """The fault for the next request, or None."""
        if self._rate <= 0.0 or not self._kinds:
            return None
        with self._lock:
            if self._random.random() >= self._rate:
                return None
            return self._random.choice(self._kinds)


class BatchFaultPlan:
    """Decides, per batch sub-command, whether it fails with INTERNAL_SERVER_ERROR."""

    def __init__(self, rate: float, seed: int) -> None:
        self._rate = rate
        self._random = random.Random(seed ^ 0x5EED)
        self._lock = threading.Lock()

    def fails(self) -> bool:
        if self._rate <= 0.0:
            return False
        with self._lock:
            return self._random.random() < self._rate


def garbage_body(complete: bytes) -> bytes:
    """A JSON answer cut off in the middle, as a dropped proxy connection leaves it."""
    return complete[: max(1, len(complete) // 2)]
