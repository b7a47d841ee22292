"""The ID-range arithmetic of resumable scans: gaps left by checkpoints, joining gaps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privacy_desktop.services.scan_coverage import ID_MAX, ID_MIN, gaps, merge_gaps


def test_nothing_covered_leaves_everything_to_read() -> None:
    assert gaps([]) == [(ID_MIN, ID_MAX)]


def test_gaps_are_what_the_covered_ranges_leave_out() -> None:
    covered = [(10, 20), (0, 5), (18, 30), (40, 50)]

    assert gaps(covered, 0, 60) == [(5, 10), (30, 40), (50, 60)]
    assert gaps(covered, 0, 45) == [(5, 10), (30, 40)]
    assert gaps([(0, ID_MAX)]) == []


@given(
    st.lists(
        st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=20,
    )
)
def test_gaps_and_covered_ranges_partition_the_span(covered: list[tuple[int, int]]) -> None:
    missing = gaps(covered, 0, 250)

    for number in range(0, 250):
        in_gap = any(lo <= number < hi for lo, hi in missing)
        in_cover = any(lo <= number < hi for lo, hi in covered)
        assert in_gap != in_cover, number
    assert missing == sorted(missing)


def test_joining_gaps_rereads_the_fewest_stored_records() -> None:
    missing = [(0, 10), (20, 30), (40, 50), (60, 70)]
    stored_between = [500, 3, 40]  # between gap 0 and 1, 1 and 2, 2 and 3

    assert merge_gaps(missing, stored_between, 3) == [(0, 10), (20, 50), (60, 70)]
    assert merge_gaps(missing, stored_between, 2) == [(0, 10), (20, 70)]
    assert merge_gaps(missing, stored_between, 1) == [(0, 70)]
    assert merge_gaps(missing, stored_between, 10) == missing
    assert merge_gaps(missing, stored_between, 10, join_below=41) == [(0, 10), (20, 70)]
    assert merge_gaps(missing, stored_between, 10, join_below=40) == [(0, 10), (20, 50), (60, 70)]


@given(
    st.lists(st.integers(0, 1000), min_size=1, max_size=30),
    st.integers(1, 10),
    st.integers(0, 1000),
)
def test_joined_gaps_still_hold_every_gap(between: list[int], limit: int, below: int) -> None:
    missing = [(index * 10, index * 10 + 5) for index in range(len(between) + 1)]

    joined = merge_gaps(missing, between, limit, below)

    assert len(joined) <= min(limit, len(missing))
    if all(n >= below for n in between):
        assert len(joined) == min(limit, len(missing))
    for lo, hi in missing:
        assert any(start <= lo and hi <= end for start, end in joined)
