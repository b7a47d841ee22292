"""An unreliable portal (10 % of requests fail in every way it knows) still gives exact rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from portal_contract_helpers import QUICK, ids_of, webhook_client

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.portal.errors import ServerError
from privacy_desktop.portal.listing import ListMode, iter_pages

FLAKY = replace(
    QUICK,
    contacts=2_500,
    fault_rate=0.1,
    fault_seed=45,  # faults early too, so the few requests of PARALLEL meet some
    fault_hang=0.5,
    batch_fault_rate=0.1,
)


@pytest.mark.parametrize("mode", list(ListMode))
def test_faults_at_ten_percent_give_exact_results(mode: ListMode) -> None:
    with DemoPortal(FLAKY) as portal, webhook_client(portal, timeout=0.25) as client:
        rows = ids_of(iter_pages(client, "crm.contact.list", {"select": ["ID"]}, mode=mode))
        assert Counter(rows) == Counter(list(portal.dataset.contacts))
        faults = portal.stats().faults
        assert sum(count for kind, count in faults.items() if kind != "batch") > 0
        assert client.stats.retries >= sum(c for k, c in faults.items() if k != "batch")


def test_every_command_failing_raises_instead_of_dropping_rows() -> None:
    config = replace(QUICK, contacts=500, batch_fault_rate=1.0)
    with (
        DemoPortal(config) as portal,
        webhook_client(portal) as client,
        pytest.raises(ServerError),
    ):
        for _ in iter_pages(client, "crm.contact.list", {}, mode=ListMode.PARALLEL):
            pass
