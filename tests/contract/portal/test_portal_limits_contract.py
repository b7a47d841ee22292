"""The client keeps to the portal's limits instead of running into them."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace

import pytest
from portal_contract_helpers import QUICK, ids_of, webhook_client

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import PortalLimits
from privacy_desktop.domain.progress import Cancelled, CancelToken
from privacy_desktop.portal.listing import ListMode, iter_pages

NO_LIMITS = PortalLimits(rate=None, burst=0, operating_limit=None)


@pytest.mark.parametrize("mode", [ListMode.CURSOR, ListMode.PARALLEL])
def test_rate_limit_is_never_exceeded(mode: ListMode) -> None:
    config = replace(QUICK, contacts=1_000, rate=5.0, burst=10)
    with DemoPortal(config) as portal, webhook_client(portal) as client:
        rows = ids_of(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=mode))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        assert portal.stats().refused_rate_limit == 0
        assert client.stats.retries == 0


def test_many_threads_share_the_rate() -> None:
    config = replace(QUICK, rate=5.0, burst=10)
    with DemoPortal(config) as portal, webhook_client(portal) as client:

        def work() -> None:
            for _ in range(5):
                client.call("profile")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert portal.stats().requests == 20
        assert portal.stats().refused_rate_limit == 0


def test_a_shared_bucket_is_recovered_from() -> None:
    """Another program drains the bucket: our client is refused, backs off, and finishes."""
    config = replace(QUICK, contacts=300, rate=20.0, burst=5)
    with DemoPortal(config) as portal, webhook_client(portal) as client:
        with webhook_client(portal, NO_LIMITS, max_retries=0) as other:
            for _ in range(5):
                other.call("server.time")
        rows = ids_of(iter_pages(client, "crm.contact.list", {}, mode=ListMode.CURSOR))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        assert client.stats.refused_rate_limit >= 1
        assert client.stats.retries == client.stats.refused_rate_limit


@pytest.mark.parametrize("mode", [ListMode.CURSOR, ListMode.PARALLEL])
def test_operating_limit_is_honoured(mode: ListMode) -> None:
    # 3 ms of execution per 0.6 s window: about 27 pages a window, 60 pages to read.
    config = replace(QUICK, contacts=3_000, operating_limit=3.0, time_scale=0.001)
    with DemoPortal(config) as portal, webhook_client(portal) as client:
        rows = ids_of(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=mode))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        # A parallel listing's first request reads a full batch before the method's cost is
        # known (fifty pages are a few per cent of a real portal's budget); on this portal,
        # 27 pages a window, the tail of that one batch is refused and read again later.
        first_run_refusals = portal.stats().refused_operating
        assert first_run_refusals <= (50 if mode is ListMode.PARALLEL else 3)
        assert client.stats.waited_s > 0  # the budget, not the rate, set the pace
        assert client.ledger.used("crm.contact.list") <= config.effective_limits().operating_limit
        # With the cost known, a second listing is paced without a single refusal.
        again = ids_of(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=mode))
        assert Counter(again) == Counter(list(portal.dataset.contacts))
        # (a few refusals remain possible: the estimate is an average of uneven page costs)
        assert portal.stats().refused_operating - first_run_refusals <= 5


def test_429_waits_and_then_succeeds() -> None:
    """A client that learns the limit only from refusals still finishes, boundedly."""
    config = replace(QUICK, contacts=600, operating_limit=1.0, time_scale=0.001)
    blind = PortalLimits(rate=None, burst=0, operating_limit=None, operating_window=0.6)
    with (
        DemoPortal(config) as portal,
        webhook_client(portal, blind, max_retries=8, backoff_base=0.05, backoff_cap=0.6) as client,
    ):
        rows = ids_of(iter_pages(client, "crm.contact.list", {}, mode=ListMode.CURSOR))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        assert client.stats.refused_operating >= 1
        assert portal.stats().refused_operating == client.stats.refused_operating


def test_cancel_interrupts_a_limiter_wait() -> None:
    config = replace(QUICK, rate=0.01, burst=2)
    token = CancelToken()
    with DemoPortal(config) as portal, webhook_client(portal, cancel=token) as client:
        client.call("profile")  # the bucket (capacity 1) is now full for 100 s
        timer = threading.Timer(0.2, token.cancel)
        timer.start()
        with pytest.raises(Cancelled):
            client.call("profile")
        timer.join()
        assert portal.stats().requests == 1


def test_cancel_stops_a_parallel_listing() -> None:
    config = replace(QUICK, contacts=3_000, rate=0.5, burst=3)
    token = CancelToken()
    with DemoPortal(config) as portal, webhook_client(portal) as client:
        pages = iter_pages(client, "crm.contact.list", {}, mode=ListMode.PARALLEL, cancel=token)
        next(pages)
        token.cancel()
        with pytest.raises(Cancelled):
            for _ in pages:
                pass
        assert portal.stats().requests <= 4
