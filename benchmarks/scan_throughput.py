"""Scan throughput: list every contact through our client, against the portal's limits.

Starts a demo portal (a child process) and lists all contacts through
``privacy_desktop.portal`` (ID-range cursors in batches), then does the same with
fast-bitrix24 — the popular Python client — on a fresh portal with the same data, and prints::

    records_per_s=… bound_per_s=… ratio_to_bound=… binding=rate|operating|none
    ratio_vs_fast_bitrix24=…  (our time ÷ theirs)  refusals_503_ours=… refusals_503_fast_bitrix24=…

The bound is what the portal's limits allow: 2,500 records per batch request under the leaky
bucket (burst included) AND the operating-time budget at the demo portal's simulated cost —
whichever binds. With the plan's own burst (50) 100k contacts fit in one burst and measure
nothing, so by default the bucket is shrunk to 5 (``--burst``); ``--plan unlimited`` has no bound.

Run on demand, not in CI:  .venv/bin/python benchmarks/scan_throughput.py --contacts 100000
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_process import DemoPortalProcess

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.domain.portals import Plan
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.listing import ListMode, iter_pages
from privacy_desktop.portal.urls import parse_webhook_url

PAGE = 50
RECORDS_PER_BATCH = PAGE * 50
SELECT = ["*", "PHONE", "EMAIL"]


@dataclass(frozen=True)
class Run:
    records: int
    unique_ids: int
    seconds: float
    refusals_503: int
    refusals_429: int
    requests: int
    failure: str = ""

    def line(self, name: str) -> str:
        status = f"FAILED ({self.failure})" if self.failure else "complete"
        return (
            f"{name}: {status} records={self.records} unique_ids={self.unique_ids} "
            f"seconds={self.seconds:.2f} requests={self.requests} "
            f"refusals_503={self.refusals_503} refusals_429={self.refusals_429}"
        )


def finished(
    portal: DemoPortalProcess,
    before: dict[str, Any],
    started: float,
    rows: int,
    ids: int,
    failure: str = "",
) -> Run:
    seconds = time.perf_counter() - started
    after = portal.stats()
    return Run(
        rows,
        ids,
        seconds,
        after["refused_rate_limit"] - before["refused_rate_limit"],
        after["refused_operating"] - before["refused_operating"],
        after["requests"] - before["requests"],
        failure,
    )


def portal_arguments(args: argparse.Namespace, count_cost: float | None = None) -> list[str]:
    argv = [
        "--port",
        "0",
        "--seed",
        str(args.seed),
        "--contacts",
        str(args.contacts),
        "--users",
        "10",
        "--leads",
        "10",
        "--companies",
        "10",
        "--deals",
        "10",
        "--plan",
        args.plan,
        "--time-scale",
        str(args.time_scale),
    ]
    if count_cost is not None:
        argv += ["--count-cost-per-row", str(count_cost)]
    if args.operating_limit is not None:
        argv += ["--operating-limit", str(args.operating_limit)]
    if args.rate is not None:
        argv += ["--rate", str(args.rate)]
    if args.burst is not None:
        argv += ["--burst", str(args.burst)]
    return argv


def demo_config(args: argparse.Namespace) -> DemoPortalConfig:
    return DemoPortalConfig(
        seed=args.seed,
        contacts=args.contacts,
        plan=Plan(args.plan),
        rate=args.rate,
        burst=args.burst,
        time_scale=args.time_scale,
        **({} if args.operating_limit is None else {"operating_limit": args.operating_limit}),
    )


def run_ours(portal: DemoPortalProcess, config: DemoPortalConfig) -> Run:
    before = portal.stats()
    ids: set[str] = set()
    records = 0
    started = time.perf_counter()
    with BitrixClient(parse_webhook_url(portal.webhook_url), config.effective_limits()) as client:
        for page in iter_pages(
            client, "crm.contact.list", {"select": SELECT}, mode=ListMode.PARALLEL
        ):
            records += len(page)
            ids.update(row["ID"] for row in page)
    return finished(portal, before, started, records, len(ids))


def run_fast_bitrix24(portal: DemoPortalProcess, config: DemoPortalConfig, concurrency: int) -> Run:
    import fast_bitrix24.srh as srh
    from fast_bitrix24 import BitrixAsync

    limits = config.effective_limits()
    # Its defaults (50 concurrent requests) crash at the standard limit; 5 is what completes.
    srh.BITRIX_MAX_CONCURRENT_REQUESTS = concurrency
    srh.BITRIX_MEASUREMENT_PERIOD = limits.operating_window
    unlimited = limits.rate is None

    async def listing() -> list[dict[str, str]]:
        client = BitrixAsync(
            portal.webhook_url,
            verbose=False,
            respect_velocity_policy=not unlimited,
            request_pool_size=max(1, limits.burst) if not unlimited else 50,
            requests_per_second=limits.rate or 1000.0,
            operating_time_limit=max(1, int(limits.operating_limit or 480)),
            ssl=False,
        )
        rows: list[dict[str, str]] = await client.get_all(
            "crm.contact.list", params={"select": SELECT}
        )
        return rows

    before = portal.stats()
    started = time.perf_counter()
    try:
        rows = asyncio.run(listing())
    except Exception as error:  # it raises its own exception types: report them, go on
        failure = f"{type(error).__name__}: {str(error)[:100]}"
        return finished(portal, before, started, 0, 0, failure)
    return finished(portal, before, started, len(rows), len({row["ID"] for row in rows}))


def bound_seconds(records: int, config: DemoPortalConfig) -> tuple[float, str]:
    """The shortest time the portal's limits allow for listing ``records`` rows."""
    limits = config.effective_limits()
    batches = math.ceil(records / RECORDS_PER_BATCH)
    rate_s = 0.0
    if limits.rate is not None:
        rate_s = max(0, batches - limits.burst) / limits.rate
    operating_s = 0.0
    if limits.operating_limit is not None:
        pages = math.ceil(records / PAGE)
        page_cost = (config.cost_per_call + config.cost_per_record * PAGE) * config.time_scale
        spent = pages * page_cost
        # Any window may hold at most one budget of execution time, so a listing that needs
        # k + 1 budgets cannot finish before k windows have passed (the first budget is free).
        budgets = spent / limits.operating_limit
        operating_s = max(0, math.ceil(budgets - 1)) * limits.operating_window
    if rate_s == operating_s == 0.0:
        return 0.0, "none"
    return (rate_s, "rate") if rate_s >= operating_s else (operating_s, "operating")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument(
        "--plan", choices=[p.value for p in Plan if p is not Plan.CUSTOM], default="standard"
    )
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument(
        "--burst",
        type=int,
        default=None,
        help="bucket size (default 5 on limited plans, so the limit binds)",
    )
    parser.add_argument(
        "--time-scale",
        type=float,
        default=0.02,
        help="demo portal time scale for simulated execution (default 0.02)",
    )
    parser.add_argument(
        "--operating-limit",
        type=float,
        default=None,
        help="the method execution budget per window, before scaling (default 480 s); "
        "a smaller one makes the resource limit bind",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fb-concurrency", type=int, default=5)
    parser.add_argument("--skip-fast-bitrix24", action="store_true")
    args = parser.parse_args()
    if args.burst is None and args.plan != "unlimited":
        args.burst = 5
    config = demo_config(args)
    limits = config.effective_limits()
    print(
        f"scenario: contacts={args.contacts} plan={args.plan} rate={limits.rate} "
        f"burst={limits.burst} operating_limit={limits.operating_limit} "
        f"operating_window={limits.operating_window} time_scale={args.time_scale}"
    )

    with DemoPortalProcess(portal_arguments(args)) as portal:
        ours = run_ours(portal, config)
    bound_s, binding = bound_seconds(ours.records, config)
    rate = ours.records / ours.seconds
    bound_rate = ours.records / bound_s if bound_s else math.inf
    ratio = rate / bound_rate if bound_s else math.nan
    print(ours.line("ours"))
    print(
        f"records_per_s={rate:.0f} bound_per_s={bound_rate:.0f} "
        f"ratio_to_bound={ratio:.3f} binding={binding}"
    )

    if not args.skip_fast_bitrix24:
        # fast-bitrix24 pages with start offsets, so every page pays the portal's count of the
        # table: first on the same portal, then on one where counting is free (its best case).
        with DemoPortalProcess(portal_arguments(args)) as portal:
            same = run_fast_bitrix24(portal, config, args.fb_concurrency)
        print(same.line("fast_bitrix24 (same portal)"))
        with DemoPortalProcess(portal_arguments(args, count_cost=0.0)) as portal:
            free = run_fast_bitrix24(portal, config, args.fb_concurrency)
        print(free.line("fast_bitrix24 (counting free)"))
        theirs = same if not same.failure else free
        if theirs.failure:
            print("ratio_vs_fast_bitrix24=n/a (fast-bitrix24 did not complete)")
        else:
            which = "same portal" if theirs is same else "counting free"
            print(
                f"ratio_vs_fast_bitrix24={ours.seconds / theirs.seconds:.3f} ({which}) "
                f"refusals_503_ours={ours.refusals_503} "
                f"refusals_503_fast_bitrix24={theirs.refusals_503}"
            )
    return 0 if ours.unique_ids == ours.records else 1


if __name__ == "__main__":
    sys.exit(main())
