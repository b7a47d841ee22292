"""Test doubles of the security-core tests (imported by name; pytest puts this dir on the path)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FixedClock:
    """Epoch seconds that move only when a test says so."""

    now: float = 1_790_000_000.0  # 2026-09-21 14:13:20 UTC

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
