"""The leaky bucket (503 QUERY_LIMIT_EXCEEDED) and the operating budget (429)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from demo_portal_http import Rest, error_of

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.limits import LeakyBucket, OperatingBudget
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import Plan

TINY = {"users": 6, "contacts": 10, "leads": 5, "companies": 5, "deals": 5}


@pytest.fixture
def limited() -> Iterator[DemoPortal]:
    with DemoPortal(DemoPortalConfig(**TINY, rate=1.0, burst=5, time_scale=0.01)) as running:
        yield running


def test_sixth_immediate_request_is_refused_and_counted(
    limited: DemoPortal, http: httpx.Client
) -> None:
    rest = Rest(http, limited.webhook_url)
    statuses = [rest.post("server.time").status_code for _ in range(5)]
    assert statuses == [200] * 5
    refused = rest.post("server.time")
    assert error_of(refused) == (503, "QUERY_LIMIT_EXCEEDED", "Too many requests")
    stats = limited.stats()
    assert stats.refused_rate_limit == 1
    assert stats.requests == 6
    assert stats.method_calls["server.time"] == 5  # the refused one was not executed


def test_bucket_drains_at_its_rate() -> None:
    now = [100.0]
    bucket = LeakyBucket(rate=2.0, burst=3, clock=lambda: now[0])
    assert [bucket.admit("a") for _ in range(4)] == [True, True, True, False]
    assert bucket.admit("b")  # another client has its own bucket
    now[0] += 0.5  # one request drained
    assert bucket.admit("a")
    assert not bucket.admit("a")


def test_unlimited_plan_has_no_bucket_and_no_operating(http: httpx.Client) -> None:
    config = DemoPortalConfig(**TINY, plan=Plan.UNLIMITED, time_scale=0.01)
    with DemoPortal(config) as unlimited:
        rest = Rest(http, unlimited.webhook_url)
        for _ in range(60):
            assert rest.post("server.time").status_code == 200
        block = rest.ok("server.time")["time"]
    assert "operating" not in block
    assert unlimited.stats().refused_rate_limit == 0


def test_operating_limit_blocks_the_next_call_until_the_window_passes(http: httpx.Client) -> None:
    # Scaled by 0.01: a call costs 0.0001 s, the limit is 0.00005 s per 0.5 s window.
    config = DemoPortalConfig(
        **TINY, rate=1000.0, burst=1000, operating_limit=0.005, operating_window=50.0,
        time_scale=0.01,
    )  # fmt: skip
    with DemoPortal(config) as portal:
        rest = Rest(http, portal.webhook_url)
        crossing = rest.ok("crm.contact.fields")
        assert crossing["time"]["operating"] > config.operating_limit * config.time_scale
        reset_at = crossing["time"]["operating_reset_at"]
        assert isinstance(reset_at, float)  # buckets of 0.05 s: whole seconds would be wrong
        blocked = rest.post("crm.contact.fields")
        assert error_of(blocked) == (
            429,
            "OPERATION_TIME_LIMIT",
            "Method is blocked due to operation time limit.",
        )
        assert rest.ok("crm.lead.fields")  # other methods keep working
        other_hook = Rest(http, portal.add_webhook(1, ["crm"]))
        assert other_hook.ok("crm.contact.fields")  # and other credentials
        batch = rest.ok("batch", {"cmd": {"c": "crm.contact.fields"}})["result"]
        assert batch["result_error"]["c"]["error"] == "OPERATION_TIME_LIMIT"
        assert portal.stats().refused_operating == 2
        threading.Event().wait(max(0.0, reset_at - time.time()) + 0.05)
        assert rest.ok("crm.contact.fields")["result"]


def test_operating_budget_buckets() -> None:
    now = [1000.0]
    budget = OperatingBudget(limit=1.0, window=600.0, clock=lambda: now[0])
    budget.charge("hook", "m", 0.6)
    assert not budget.blocked("hook", "m")
    now[0] += 120.0
    budget.charge("hook", "m", 0.6)  # crosses the limit: this call completed
    assert budget.blocked("hook", "m")
    assert not budget.blocked("hook", "other")
    state = budget.state("hook", "m")
    assert state.operating == pytest.approx(1.2)
    assert state.reset_at == 1560  # the first minute bucket (960 s) expires ten minutes later
    now[0] = 1560.0
    assert not budget.blocked("hook", "m")
    assert budget.state("hook", "m").operating == pytest.approx(0.6)
