"""Half-open ID ranges for the parallel listing, and the pool that hands them out.

Every ID in the listed span belongs to exactly one range at any time — pending, in flight,
or finished — so a listing built on the pool returns every row exactly once. Ranges only
change by splitting a pending range at a point strictly inside it, by replacing an
in-flight range with the part of it not yet read, and by merging pending ranges that touch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: Picks the split point of [lo, hi): an integer with lo < point < hi.
Splitter = Callable[[int, int], int]


@dataclass(frozen=True)
class IdRange:
    """IDs ``lo <= id < hi``."""

    lo: int
    hi: int

    @property
    def width(self) -> int:
        return self.hi - self.lo


class RangePool:
    """Ranges still to be read; not thread-safe (the listing holds a lock around it).

    Args:
        lo: first ID of the span.
        hi: one past the last ID of the span.
        min_width: the ID width expected to hold one page of rows (the "grain"). By default
            a split carves one grain off the front of the widest range, so that every range
            handed out fills about one page; ranges narrower than two grains are not split.
        splitter: chooses split points instead (tests vary them arbitrarily).
    """

    def __init__(
        self, lo: int, hi: int, min_width: int = 1, splitter: Splitter | None = None
    ) -> None:
        self._pending: list[IdRange] = [IdRange(lo, hi)] if hi > lo else []
        self._in_flight = 0
        self._min_width = max(1, min_width)
        self._splitter = splitter

    @property
    def grain(self) -> int:
        return self._min_width

    @grain.setter
    def grain(self, width: int) -> None:
        """Adjust the grain as the listing learns the real density of IDs."""
        self._min_width = max(1, width)

    @property
    def pending(self) -> tuple[IdRange, ...]:
        return tuple(self._pending)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @property
    def done(self) -> bool:
        return not self._pending and self._in_flight == 0

    def _split_widest(self, halve: bool = False) -> bool:
        if not self._pending:
            return False
        index = max(range(len(self._pending)), key=lambda i: self._pending[i].width)
        widest = self._pending[index]
        if widest.width < 2 or (not halve and widest.width < 2 * self._min_width):
            return False
        if self._splitter is None:
            point = widest.lo + (widest.width // 2 if halve else self._min_width)
        else:
            point = self._splitter(widest.lo, widest.hi)
        if not widest.lo < point < widest.hi:
            raise ValueError(f"split point {point} outside ({widest.lo}, {widest.hi})")
        self._pending[index : index + 1] = [IdRange(widest.lo, point), IdRange(point, widest.hi)]
        return True

    def fill(self, count: int) -> None:
        """Split the widest pending ranges until ``count`` are pending (or none can split)."""
        while len(self._pending) < count and self._split_widest():
            pass

    def take(self, count: int, *, fill_spare: bool = True) -> list[IdRange]:
        """Up to ``count`` ranges to read now, lowest first, splitting to fill the batch.

        Near the end too few grain-wide ranges are left to fill a batch; the batch goes out
        anyway, so its spare commands read halves of the widest ranges instead: narrower
        ranges end within one page rather than leave a remainder for one more request.
        ``fill_spare=False`` keeps grain-wide ranges (when the batch is sized by the operating
        budget, whose per-call estimate narrow reads would skew).
        """
        self.fill(count)
        while fill_spare and len(self._pending) < count and self._split_widest(halve=True):
            pass
        self._pending.sort(key=lambda rng: rng.lo)
        taken, self._pending = self._pending[:count], self._pending[count:]
        self._in_flight += len(taken)
        return taken

    def advance(self, rng: IdRange, last_id: int) -> None:
        """A full page of ``rng`` was read up to ``last_id``: the rest stays to be read."""
        self._in_flight -= 1
        if not rng.lo <= last_id < rng.hi:
            raise ValueError(f"row id {last_id} outside [{rng.lo}, {rng.hi})")
        if last_id + 1 < rng.hi:
            self._insert(IdRange(last_id + 1, rng.hi))

    def finish(self, rng: IdRange) -> None:
        """``rng`` is read completely."""
        del rng
        self._in_flight -= 1

    def give_back(self, rng: IdRange) -> None:
        """Reading ``rng`` failed: it is pending again, unchanged."""
        self._in_flight -= 1
        self._insert(rng)

    def _insert(self, rng: IdRange) -> None:
        """Put ``rng`` back, merged with pending neighbours it touches: the small rest of a
        full page then joins the next range instead of costing a read of its own."""
        lo, hi = rng.lo, rng.hi
        kept: list[IdRange] = []
        for other in self._pending:
            if other.hi == lo:
                lo = other.lo
            elif other.lo == hi:
                hi = other.hi
            else:
                kept.append(other)
        kept.append(IdRange(lo, hi))
        self._pending = kept
