"""End-to-end scan into the encrypted store, against the portal's limits.

Starts a demo portal (a child process, as scan_throughput.py does) and runs the application's
full scan of it — every entity listed, every record classified and stored with its personal
data in a fresh SQLCipher store — then prints::

    records=… seconds=… requests=… refusals_503=… refusals_429=…
    records_per_s=… bound_per_s=… ratio_to_bound=… binding=rate|operating|none
    request_floor_s=… ratio_to_request_floor=…

The bound is the one scan_throughput.py uses: listing that many records at 2,500 per batch
request under the plan's leaky bucket (burst 5 by default so that the limit binds) and the
operating-time budget. A ratio near 1 means classifying and storing keep up with what the
portal allows; the goal is ≥ 0.95 at the standard plan. The demo portal's contacts come with
their requisites, bank details and activities, so the records scanned are several times the
contacts, and the bound counts the records of every entity: it is what a client that packed
every batch request full could reach (ours also asks the fields' descriptions and lists each
entity on its own, so it needs a few requests more).

The request floor is the least time the requests the scan actually made need under the
leaky bucket alone: a ratio to it well below 1 means the client (classifying, storing,
counting at the end), not the number of requests, is what keeps the scan from the bound.

The store key is held in memory (no keyring is needed); the portal is reached directly by its
webhook. Run on demand, not in CI:

    .venv/bin/python benchmarks/scan_to_store.py --contacts 100000 --plan standard
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_process import DemoPortalProcess
from scan_throughput import bound_seconds, demo_config, portal_arguments

from privacy_desktop.domain.portals import AuthKind, Plan, PortalLimits, PortalProfile
from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.urls import parse_webhook_url
from privacy_desktop.security.secret_store import MemorySecretStore
from privacy_desktop.services.scanning import ScanService
from privacy_desktop.services.store_access import StoreAccess

NAME = "Benchmark"


class DirectPortal:
    """The one portal of the benchmark, reached by its webhook (no settings, no keyring)."""

    def __init__(self, webhook_url: str, plan: Plan, limits: PortalLimits) -> None:
        self._credentials = parse_webhook_url(webhook_url)
        self._profile = PortalProfile(
            name=NAME,
            auth_kind=AuthKind.WEBHOOK,
            rest_base=self._credentials.rest_base,
            plan=plan,
            limits=limits,
            user_id=self._credentials.user_id,
        )

    def profile(self, name: str) -> PortalProfile:
        del name
        return self._profile

    def open_client(self, name: str, cancel: CancelToken | None = None) -> BitrixClient:
        del name
        return BitrixClient(self._credentials, self._profile.limits, cancel=cancel)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument(
        "--plan", choices=[p.value for p in Plan if p is not Plan.CUSTOM], default="standard"
    )
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument(
        "--burst", type=int, default=None, help="bucket size (default 5 on limited plans)"
    )
    parser.add_argument("--time-scale", type=float, default=0.02)
    parser.add_argument("--operating-limit", type=float, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=4, help="batch requests in flight")
    args = parser.parse_args()
    if args.burst is None and args.plan != "unlimited":
        args.burst = 5
    config = demo_config(args)
    limits = config.effective_limits()
    print(
        f"scenario: contacts={args.contacts} plan={args.plan} rate={limits.rate} "
        f"burst={limits.burst} operating_limit={limits.operating_limit} "
        f"time_scale={args.time_scale}"
    )
    with (
        DemoPortalProcess(portal_arguments(args)) as portal,
        tempfile.TemporaryDirectory(prefix="scan-to-store-") as data,
    ):
        store = StoreAccess(Path(data), MemorySecretStore())
        store.database()  # created and migrated before the clock starts
        service = ScanService(
            DirectPortal(portal.webhook_url, Plan(args.plan), limits),
            store,
            Path(data),
            workers=args.workers,
        )
        before = portal.stats()
        started = time.perf_counter()
        info = service.scan(NAME)
        seconds = time.perf_counter() - started
        after = portal.stats()
        size = (Path(data) / "inventory.db").stat().st_size
        store.close()
    records = info.records
    requests = after["requests"] - before["requests"]
    print(
        f"records={records} seconds={seconds:.2f} requests={requests} "
        f"refusals_503={after['refused_rate_limit'] - before['refused_rate_limit']} "
        f"refusals_429={after['refused_operating'] - before['refused_operating']} "
        f"store_mb={size / 1e6:.1f}"
    )
    bound_s, binding = bound_seconds(records, config)
    rate = records / seconds
    bound_rate = records / bound_s if bound_s else math.inf
    ratio = rate / bound_rate if bound_s else math.nan
    print(
        f"records_per_s={rate:.0f} bound_per_s={bound_rate:.0f} "
        f"ratio_to_bound={ratio:.3f} binding={binding}"
    )
    if limits.rate is not None:
        floor_s = max(0, requests - limits.burst) / limits.rate
        print(
            f"request_floor_s={floor_s:.2f} "
            f"ratio_to_request_floor={floor_s / seconds if seconds else math.nan:.3f}"
        )
    return 0 if info.status.value == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
