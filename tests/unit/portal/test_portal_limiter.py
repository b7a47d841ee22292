"""The rate limiter and the operating-time ledger, on a simulated clock."""

from __future__ import annotations

import threading

import pytest

from privacy_desktop.domain.progress import Cancelled, CancelToken
from privacy_desktop.portal.limiter import OperatingLedger, RateLimiter


class FakeClock:
    """Time that moves only when somebody sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> bool:
        self.slept.append(seconds)
        self.now += seconds
        return False


class PortalBucket:
    """The portal's leaky bucket (limits.md): refuse when level + 1 > burst."""

    def __init__(self, rate: float, burst: int, clock: FakeClock) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.level, self.at = 0.0, clock()

    def admit(self) -> bool:
        now = self.clock()
        self.level = max(0.0, self.level - (now - self.at) * self.rate)
        self.at = now
        if self.level + 1 > self.burst:
            return False
        self.level += 1
        return True


@pytest.mark.parametrize(("rate", "burst"), [(2.0, 50), (5.0, 250), (5.0, 10), (1.0, 1)])
def test_sustained_sending_is_never_refused_and_runs_at_the_rate(rate: float, burst: int) -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate, burst, clock=clock)
    portal = PortalBucket(rate, burst, clock)
    sent = 0
    start = clock()
    while sent < burst + 400:
        limiter.acquire(clock.sleep)
        assert portal.admit(), f"refused after {sent} requests"
        sent += 1
    elapsed = clock() - start
    # The burst goes at once, then exactly `rate` per second.
    expected = (sent - limiter.capacity) / rate
    assert elapsed == pytest.approx(expected, rel=0.01)


def test_no_rate_means_no_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(None, 0, clock=clock)
    for _ in range(1000):
        assert limiter.acquire(clock.sleep) == 0.0
    assert clock.slept == []


def test_mark_full_makes_the_next_request_wait_one_slot() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2.0, 50, clock=clock)
    limiter.acquire(clock.sleep)
    limiter.mark_full()
    waited = limiter.acquire(clock.sleep)
    assert waited == pytest.approx(0.5)


def test_a_cancel_interrupts_the_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, 2, headroom=0, clock=clock)
    limiter.acquire(clock.sleep)
    limiter.acquire(clock.sleep)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        limiter.acquire(token.wait)


def test_threads_share_one_bucket() -> None:
    limiter = RateLimiter(50.0, 5, headroom=0)
    times: list[float] = []
    lock = threading.Lock()
    import time

    def worker() -> None:
        for _ in range(5):
            limiter.acquire(lambda s: time.sleep(s) or False)
            with lock:
                times.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times.sort()
    portal_level = 0.0
    previous = times[0]
    for moment in times:
        portal_level = max(0.0, portal_level - (moment - previous) * 50.0) + 1
        previous = moment
        assert portal_level <= 5 + 1e-6


# ---------------------------------------------------------------- operating ledger


def test_ledger_waits_before_the_limit_and_not_longer_than_needed() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, margin=0.0, clock=clock)
    # Calls cost 1 s each; ten fit the budget.
    for _ in range(10):
        reservation, waited = ledger.reserve({"crm.contact.list": 1}, clock.sleep)
        assert waited == 0.0
        ledger.settle(reservation, {"crm.contact.list": [1.0]})
        clock.now += 1.0
    assert ledger.used("crm.contact.list") == pytest.approx(10.0)
    reservation, waited = ledger.reserve({"crm.contact.list": 1}, clock.sleep)
    # The first entry (at t=1000) leaves the window at t=1060; now is 1010.
    assert waited == pytest.approx(50.0)
    ledger.settle(reservation, {"crm.contact.list": [1.0]})
    assert ledger.used("crm.contact.list") <= 10.0


def test_other_methods_are_not_held_back() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(1.0, 60.0, margin=0.0, clock=clock)
    reservation, _ = ledger.reserve({"a": 1}, clock.sleep)
    ledger.settle(reservation, {"a": [5.0]})
    _, waited = ledger.reserve({"b": 1}, clock.sleep)
    assert waited == 0.0


def test_expected_cost_follows_observations() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(100.0, 60.0, alpha=0.5, clock=clock)
    reservation, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(reservation, {"m": [2.0]})
    assert ledger.expected_cost("m") == pytest.approx(2.0)
    reservation, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(reservation, {"m": [4.0]})
    assert ledger.expected_cost("m") == pytest.approx(3.0)


def test_reservations_in_flight_count_against_the_budget() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, margin=0.0, clock=clock)
    first, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(first, {"m": [4.0]})  # expected cost now 4 s, used 4 s
    second, waited = ledger.reserve({"m": 1}, clock.sleep)  # 4 + 4 <= 10
    assert waited == 0.0
    # 4 used + 4 in flight + 4 expected > 10: must wait until the first leaves the window.
    third, waited = ledger.reserve({"m": 1}, clock.sleep)
    assert waited == pytest.approx(60.0)
    ledger.settle(second, None)
    ledger.settle(third, None)


def test_portal_figure_wins_when_larger() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, margin=0.0, clock=clock)
    reservation, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(reservation, {"m": [1.0]})
    ledger.report_operating("m", 9.5, reset_in=20.0)  # someone else used the method too
    assert ledger.used("m") == pytest.approx(9.5)
    _, waited = ledger.reserve({"m": 1}, clock.sleep)
    assert waited == pytest.approx(20.0)


def test_block_holds_the_method() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, clock=clock)
    ledger.block("m", 7.0)
    _, waited = ledger.reserve({"m": 1}, clock.sleep)
    assert waited == pytest.approx(7.0)


def test_an_expensive_call_still_runs_when_the_method_is_idle() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(1.0, 60.0, clock=clock)
    reservation, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(reservation, {"m": [30.0]})
    clock.now += 61.0
    _, waited = ledger.reserve({"m": 1}, clock.sleep)  # expected 30 s > budget, but idle
    assert waited == 0.0


def test_no_limit_never_waits() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(None, 60.0, clock=clock)
    for _ in range(100):
        reservation, waited = ledger.reserve({"m": 50}, clock.sleep)
        assert waited == 0.0
        ledger.settle(reservation, {"m": [100.0]})


def test_ledger_wait_honours_cancel() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(1.0, 60.0, clock=clock)
    ledger.block("m", 30.0)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ledger.reserve({"m": 1}, token.wait)


def test_capacity_and_what_fits_now() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, margin=0.0, clock=clock)
    assert ledger.capacity("m") is None  # no estimate yet
    reservation, _ = ledger.reserve({"m": 1}, clock.sleep)
    ledger.settle(reservation, {"m": [1.0]})
    assert ledger.capacity("m") == 10
    assert ledger.affordable_now("m") == 9
    reservation, _ = ledger.reserve({"m": 4}, clock.sleep)
    assert ledger.affordable_now("m") == 5  # the 4 in flight count too
    ledger.settle(reservation, {"m": [1.0] * 4})
    ledger.block("m", 5.0)
    assert ledger.affordable_now("m") == 0
    assert OperatingLedger(None, 60.0).affordable_now("m") is None


def test_cold_start_runs_one_call_until_the_cost_is_known() -> None:
    clock = FakeClock()
    ledger = OperatingLedger(10.0, 60.0, clock=clock)
    first, waited = ledger.reserve({"m": 50}, clock.sleep)
    assert waited == 0.0
    polls: list[float] = []

    def sleep(seconds: float) -> bool:
        polls.append(seconds)
        if len(polls) == 3:
            ledger.settle(first, {"m": [0.05] * 50})  # the first answer arrives
        clock.now += seconds
        return False

    second, waited = ledger.reserve({"m": 50}, sleep)
    assert len(polls) == 3  # it waited for the first call's cost, then went
    ledger.settle(second, None)
