"""The checkpoint of a resumable scan: the ID range each listed page covers, checked against
the demo portal's own rows over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import Plan
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.list_query import dialect_for
from privacy_desktop.portal.listing import ListMode, iter_pages
from privacy_desktop.portal.urls import parse_webhook_url
from privacy_desktop.services.scan_coverage import ID_MAX, CoverageRecorder, gaps

CONFIG = DemoPortalConfig(
    seed=41,
    users=30,
    contacts=6000,
    leads=10,
    companies=5,
    deals=5,
    time_scale=0.001,
    plan=Plan.UNLIMITED,
    batch_fault_rate=0.03,
)


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoPortal]:
    with DemoPortal(CONFIG) as portal:
        yield portal


@pytest.fixture
def client(demo: DemoPortal) -> Iterator[BitrixClient]:
    with BitrixClient(parse_webhook_url(demo.webhook_url), CONFIG.effective_limits()) as made:
        yield made


@pytest.mark.parametrize("mode", [ListMode.PARALLEL, ListMode.CURSOR])
@pytest.mark.parametrize(
    ("method", "table"), [("crm.contact.list", "contacts"), ("user.get", "users")]
)
def test_every_page_knows_the_id_range_it_completes(
    demo: DemoPortal, client: BitrixClient, mode: ListMode, method: str, table: str
) -> None:
    recorder = CoverageRecorder(client, method, dialect_for(method))
    params = {"ADMIN_MODE": True} if method == "user.get" else {"select": ["ID"]}
    ids = sorted(getattr(demo.dataset, table))
    covered: list[tuple[int, int]] = []
    unknown = 0

    for page in iter_pages(recorder, method, params, mode=mode):
        found = recorder.page_range(page)
        covered += recorder.take_empty()
        if found is None:
            unknown += 1
            continue
        lo, hi = found
        in_range = [number for number in ids if lo <= number < hi]
        assert sorted(int(row["ID"]) for row in page) == in_range
        covered.append(found)
    covered += recorder.take_empty()

    assert unknown == 0
    assert gaps(covered) == [] or gaps(covered) == [(max(hi for _, hi in covered), ID_MAX)]
    assert gaps(covered, 0, ids[-1] + 1) == []


def test_a_filtered_listing_covers_ranges_of_the_filter(
    demo: DemoPortal, client: BitrixClient
) -> None:
    method = "crm.contact.list"
    recorder = CoverageRecorder(client, method, dialect_for(method))
    params = {"select": ["ID"], "filter": {">=ID": 1000, "<ID": 2000, "TYPE_ID": "CLIENT"}}
    wanted = sorted(
        number
        for number, row in demo.dataset.contacts.items()
        if 1000 <= number < 2000 and row["TYPE_ID"] == "CLIENT"
    )
    seen: list[int] = []
    covered: list[tuple[int, int]] = []

    for page in iter_pages(recorder, method, params):
        found = recorder.page_range(page)
        assert found is not None
        assert found[0] >= 1000
        assert found[1] <= 2000
        covered.append(found)
        seen += [int(row["ID"]) for row in page]
    covered += recorder.take_empty()

    assert sorted(seen) == wanted
    assert gaps(covered, 1000, 2000) == []
