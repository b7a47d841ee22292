"""The parallel listing returns every row exactly once, whatever the IDs and split points."""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from collections.abc import Iterable

import pytest
from fake_list_portal import FakeListPortal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_desktop.domain.progress import Cancelled, CancelToken
from privacy_desktop.portal.errors import MethodError, ServerError, error_for
from privacy_desktop.portal.id_ranges import IdRange, RangePool
from privacy_desktop.portal.list_query import ListQuery, dialect_for
from privacy_desktop.portal.listing import ListMode, iter_pages
from privacy_desktop.portal.parallel_listing import parallel_pages

ID_SETS = st.one_of(
    st.sets(st.integers(1, 400), max_size=300),  # dense, gaps, tiny, one, none
    st.sets(st.integers(1, 10**9), max_size=120),  # sparse, huge gaps
    st.integers(0, 260).map(lambda n: set(range(1, n + 1))),  # contiguous, page edges
    st.integers(0, 130).map(lambda n: set(range(1000, 1000 + 2 * n, 2))),
)


def listed(portal: FakeListPortal, mode: ListMode, **kwargs: object) -> list[int]:
    return [
        int(row["ID"])
        for page in iter_pages(portal, "crm.contact.list", {}, mode=mode, **kwargs)
        for row in page
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=ID_SETS, workers=st.integers(1, 4))
def test_parallel_yields_every_row_exactly_once(ids: set[int], workers: int) -> None:
    rows = listed(FakeListPortal(ids), ListMode.PARALLEL, workers=workers)
    assert Counter(rows) == Counter(ids)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=ID_SETS,
    fractions=st.lists(st.floats(0.0, 0.999), min_size=1, max_size=20),
    workers=st.integers(1, 4),
)
def test_parallel_with_arbitrary_split_points(
    ids: set[int], fractions: list[float], workers: int
) -> None:
    """The whole machinery (threads, batches, merges) with split points drawn by hypothesis."""
    draws = itertools.cycle(fractions)
    lock = threading.Lock()

    def splitter(lo: int, hi: int) -> int:
        with lock:  # called from the listing's threads
            fraction = next(draws)
        return lo + 1 + int(fraction * (hi - lo - 1))

    portal = FakeListPortal(ids)
    query = ListQuery({}, dialect_for("crm.contact.list"))
    pages = parallel_pages(
        portal, "crm.contact.list", query, None, workers=workers, splitter=splitter
    )
    assert Counter(ids_of_pages(pages)) == Counter(ids)


def ids_of_pages(pages: Iterable[list[dict[str, str]]]) -> list[int]:
    return [int(row["ID"]) for page in pages for row in page]


@settings(max_examples=60, deadline=None)
@given(ids=ID_SETS)
def test_cursor_and_offset_agree_with_the_set(ids: set[int]) -> None:
    assert listed(FakeListPortal(ids), ListMode.CURSOR) == sorted(ids)
    assert listed(FakeListPortal(ids), ListMode.OFFSET) == sorted(ids)


@settings(max_examples=60, deadline=None)
@given(ids=ID_SETS, seed=st.integers(0, 1000))
def test_failed_commands_are_resent_not_dropped(ids: set[int], seed: int) -> None:
    portal = FakeListPortal(ids, command_fault_rate=0.2, seed=seed)
    rows = listed(portal, ListMode.PARALLEL)
    assert Counter(rows) == Counter(ids)


@settings(max_examples=150, deadline=None)
@given(
    ids=st.sets(st.integers(0, 300), max_size=200),
    data=st.data(),
    min_width=st.integers(1, 40),
)
def test_range_pool_with_arbitrary_split_points(
    ids: set[int], data: st.DataObject, min_width: int
) -> None:
    """Drive the pool by hand: arbitrary splits, arbitrary take sizes, pages of <= 50 rows."""

    def splitter(lo: int, hi: int) -> int:
        return data.draw(st.integers(lo + 1, hi - 1), label="split")

    pool = RangePool(0, 301, min_width=min_width, splitter=splitter)
    seen: Counter[int] = Counter()
    page = data.draw(st.integers(1, 50), label="page size")
    steps = 0
    while not pool.done:
        steps += 1
        assert steps < 10_000
        taken = pool.take(data.draw(st.integers(1, 60), label="take"))
        assert taken
        for rng in taken:
            outcome = data.draw(st.sampled_from(["read", "read", "fail"]), label="outcome")
            if outcome == "fail":
                pool.give_back(rng)
                continue
            rows = [i for i in sorted(ids) if rng.lo <= i < rng.hi][:page]
            seen.update(rows)
            if len(rows) < page:
                pool.finish(rng)
            else:
                pool.advance(rng, rows[-1])
        # Invariant: pending ranges never overlap.
        ordered = sorted(pool.pending, key=lambda r: r.lo)
        for left, right in itertools.pairwise(ordered):
            assert left.hi <= right.lo
    assert seen == Counter(ids)


def test_pool_refuses_a_split_point_outside_the_range() -> None:
    pool = RangePool(0, 100, splitter=lambda lo, hi: hi)
    with pytest.raises(ValueError, match="outside"):
        pool.take(2)


def test_pool_splits_the_widest_to_fill_a_batch() -> None:
    pool = RangePool(0, 1000, min_width=10)
    taken = pool.take(50)
    assert len(taken) == 50
    assert sum(r.width for r in taken) == 1000
    assert min(r.lo for r in taken) == 0
    assert max(r.hi for r in taken) == 1000


def test_pool_fill_does_not_split_below_min_width() -> None:
    pool = RangePool(0, 100, min_width=40)
    pool.fill(50)
    assert pool.pending == (IdRange(0, 40), IdRange(40, 100))


def test_a_batch_at_the_tail_reads_halves_instead_of_leaving_slots_empty() -> None:
    pool = RangePool(0, 100, min_width=40)
    taken = pool.take(8)
    assert len(taken) == 8
    assert taken == sorted(taken, key=lambda rng: rng.lo)
    assert [(a.hi, b.lo) for a, b in itertools.pairwise(taken)] == [
        (a.hi, a.hi) for a, _ in itertools.pairwise(taken)
    ]  # contiguous: no ID lost or read twice
    assert (taken[0].lo, taken[-1].hi) == (0, 100)
    assert max(rng.width for rng in taken) <= 20


def test_pool_cuts_at_multiples_of_the_page_width() -> None:
    pool = RangePool(1, 1001, min_width=50)
    taken = pool.take(20)
    assert all(rng.width == 50 for rng in taken)
    assert [rng.lo for rng in taken] == list(range(1, 1001, 50))


def test_a_persistent_command_error_is_raised_not_swallowed() -> None:
    portal = FakeListPortal(set(range(1, 500)), command_fault_rate=1.0)
    with pytest.raises(ServerError):
        listed(portal, ListMode.PARALLEL)


def test_a_non_transient_command_error_is_raised_at_once() -> None:
    class Refusing(FakeListPortal):
        def batch(self, commands, *, halt=False, cancel=None):  # type: ignore[no-untyped-def]
            answer = super().batch(commands, halt=halt, cancel=cancel)
            key = next(iter(commands))
            error = error_for("", "Access denied.", method="crm.contact.list", http_status=None)
            return type(answer)({}, {key: error}, {}, {}, {})

    with pytest.raises(MethodError):
        listed(Refusing(set(range(1, 500))), ListMode.PARALLEL)


def test_parallel_honours_cancel() -> None:
    token = CancelToken()
    portal = FakeListPortal(set(range(1, 20_000)))
    pages = iter_pages(portal, "crm.contact.list", {}, mode=ListMode.PARALLEL, cancel=token)
    next(pages)
    token.cancel()
    with pytest.raises(Cancelled):
        for _ in pages:
            pass


def test_caller_bounds_on_the_id_are_kept() -> None:
    ids = set(range(1, 1000))
    for mode in ListMode:
        rows = [
            int(row["ID"])
            for page in iter_pages(
                FakeListPortal(ids),
                "crm.contact.list",
                {"filter": {">ID": 100, "<=ID": 700}},
                mode=mode,
            )
            for row in page
        ]
        assert sorted(rows) == list(range(101, 701)), mode


def test_offset_paging_keeps_the_callers_order_and_cursors_use_id_order() -> None:
    seen: list[dict[str, object]] = []

    class Recording(FakeListPortal):
        def call(self, method, params=None, *, cancel=None):  # type: ignore[no-untyped-def]
            seen.append(dict(params or {}))
            return super().call(
                method, {k: v for k, v in (params or {}).items() if k != "order"}, cancel=cancel
            )

    params = {"order": {"DATE_MODIFY": "DESC"}, "filter": {">ID": 3}, "start": 999}
    list(iter_pages(Recording({1, 5, 9}), "crm.contact.list", params, mode=ListMode.OFFSET))
    assert seen[0]["order"] == {"DATE_MODIFY": "DESC"}
    assert seen[0]["start"] == 0
    assert seen[0]["filter"] == {">=ID": 4}
    seen.clear()
    list(iter_pages(Recording({1, 5, 9}), "crm.contact.list", params, mode=ListMode.CURSOR))
    assert seen[0]["order"] == {"ID": "ASC"}
    assert seen[0]["start"] == -1


def test_the_span_batch_reads_ahead_so_a_small_table_takes_one_request() -> None:
    portal = FakeListPortal(set(range(1, 2_001)))  # 40 pages: fits the first batch's chain
    rows = listed(portal, ListMode.PARALLEL)
    assert sorted(rows) == list(range(1, 2_001))
    assert portal.batches == 1


def test_a_broken_read_ahead_chain_costs_speed_not_rows() -> None:
    # Every command may fail; a failed link ends the chain and the ranges read the rest.
    ids = set(range(1, 6_001)) - set(range(1_000, 1_100))
    portal = FakeListPortal(ids, command_fault_rate=0.2, seed=3)
    assert Counter(listed(portal, ListMode.PARALLEL)) == Counter(ids)
