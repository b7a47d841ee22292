"""Listing against a demo portal of 10 001 contacts: every mode returns exactly the table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import pytest
from portal_contract_helpers import QUICK, ids_of, webhook_client

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.listing import ListMode, iter_pages

CONTACTS = 10_001
BIG = replace(QUICK, contacts=CONTACTS, users=130, rate=100.0, burst=200)


@pytest.fixture(scope="module")
def big_portal() -> Iterator[DemoPortal]:
    with DemoPortal(BIG) as running:
        yield running


@pytest.fixture(scope="module")
def shared_client(big_portal: DemoPortal) -> Iterator[BitrixClient]:
    # One client per portal, as the application has: its limiter knows the whole history of
    # the portal's bucket (a fresh client would start from an empty bucket and be refused).
    with webhook_client(big_portal) as running:
        yield running


@pytest.fixture
def client(shared_client: BitrixClient, big_portal: DemoPortal) -> BitrixClient:
    big_portal.reset_stats()
    return shared_client


def truth(portal: DemoPortal, lo: int = 1, hi: int = 10**9) -> Counter[int]:
    return Counter(i for i in portal.dataset.contacts if lo <= i < hi)


@pytest.mark.parametrize("mode", list(ListMode))
@pytest.mark.parametrize("count", [0, 1, 50, 51, 99, 100, 101])
def test_small_counts_by_filter(
    client: BitrixClient, big_portal: DemoPortal, mode: ListMode, count: int
) -> None:
    lowest = min(big_portal.dataset.contacts)
    params = {"filter": {">=ID": lowest, "<ID": lowest + count}, "select": ["ID", "NAME"]}
    pages = list(iter_pages(client, "crm.contact.list", params, mode=mode))
    assert Counter(ids_of(pages)) == truth(big_portal, lowest, lowest + count)
    assert all(0 < len(page) <= 50 for page in pages)
    assert all("NAME" in row for page in pages for row in page)


@pytest.mark.parametrize("mode", list(ListMode))
def test_the_whole_table(client: BitrixClient, big_portal: DemoPortal, mode: ListMode) -> None:
    rows = ids_of(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=mode))
    assert len(rows) == CONTACTS
    assert Counter(rows) == truth(big_portal)
    if mode is not ListMode.PARALLEL:
        assert rows == sorted(rows)
    assert big_portal.stats().refused_rate_limit == 0


def test_parallel_fills_batches(client: BitrixClient, big_portal: DemoPortal) -> None:
    list(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=ListMode.PARALLEL))
    stats = big_portal.stats()
    # 10 001 rows are 201 pages; with full batches that is a handful of requests.
    assert stats.method_calls["batch"] <= 10
    assert stats.requests == stats.method_calls["batch"]


def test_modes_agree_under_a_field_filter(client: BitrixClient, big_portal: DemoPortal) -> None:
    name = big_portal.dataset.contacts[min(big_portal.dataset.contacts)]["NAME"]
    expected = {i for i, row in big_portal.dataset.contacts.items() if row["NAME"] == name}
    params = {"filter": {"NAME": name}, "select": ["ID"]}
    results = {
        mode: ids_of(iter_pages(client, "crm.contact.list", params, mode=mode)) for mode in ListMode
    }
    for mode, rows in results.items():
        assert Counter(rows) == Counter(expected), mode


def test_users_use_the_user_get_dialect(client: BitrixClient, big_portal: DemoPortal) -> None:
    expected = Counter(list(big_portal.dataset.users))
    assert len(expected) > 100  # several pages, so PARALLEL splits ranges
    for mode in ListMode:
        rows = ids_of(iter_pages(client, "user.get", {"ADMIN_MODE": True}, mode=mode))
        assert Counter(rows) == expected, mode


def test_batch_command_failures_still_give_exact_rows() -> None:
    config = replace(QUICK, contacts=3_000, batch_fault_rate=0.2, fault_seed=7)
    with DemoPortal(config) as portal, webhook_client(portal) as client:
        rows = ids_of(iter_pages(client, "crm.contact.list", {}, mode=ListMode.PARALLEL))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        assert portal.stats().faults.get("batch", 0) > 0


def test_memory_stays_flat_with_a_slow_consumer(client: BitrixClient) -> None:
    """The threads stop reading once the bounded queue is full, until the consumer goes on."""
    pages = iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=ListMode.PARALLEL)
    first = next(pages)
    assert first
    pages.close()  # stops and joins the threads; must not hang
