"""``privacy-desktop demo-portal``: its arguments and the blocking serve loop."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import TextIO

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import Plan

_PLANS = ("standard", "enterprise", "unlimited")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the demo portal's options to ``parser``."""
    defaults = DemoPortalConfig()
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="dataset seed")
    parser.add_argument("--users", type=int, default=defaults.users)
    parser.add_argument("--contacts", type=int, default=defaults.contacts)
    parser.add_argument("--leads", type=int, default=defaults.leads)
    parser.add_argument("--companies", type=int, default=defaults.companies)
    parser.add_argument("--deals", type=int, default=defaults.deals)
    parser.add_argument("--plan", choices=_PLANS, default=defaults.plan.value)
    parser.add_argument("--rate", type=float, default=None, help="leaky-bucket drain, req/s")
    parser.add_argument("--burst", type=int, default=None, help="leaky-bucket size")
    parser.add_argument(
        "--time-scale", type=float, default=defaults.time_scale, help="scales simulated time"
    )
    parser.add_argument("--fault-rate", type=float, default=defaults.fault_rate)
    parser.add_argument("--fault-seed", type=int, default=defaults.fault_seed)
    parser.add_argument(
        "--token-lifetime", type=float, default=defaults.token_lifetime, help="seconds"
    )


def config_from_args(args: argparse.Namespace) -> tuple[DemoPortalConfig, int]:
    """The configuration and port the parsed arguments describe."""
    config = DemoPortalConfig(
        seed=args.seed,
        users=args.users,
        contacts=args.contacts,
        leads=args.leads,
        companies=args.companies,
        deals=args.deals,
        plan=Plan(args.plan),
        rate=args.rate,
        burst=args.burst,
        time_scale=args.time_scale,
        fault_rate=args.fault_rate,
        fault_seed=args.fault_seed,
        token_lifetime=args.token_lifetime,
    )
    return config, int(args.port)


def serve(config: DemoPortalConfig, port: int, out: TextIO) -> int:
    """Run the portal until SIGINT/SIGTERM. The webhook URL is the first line printed."""
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stop.set()

    # Signal handlers can only be installed from the main thread; elsewhere (an embedding
    # program) the caller stops the process its own way.
    in_main = threading.current_thread() is threading.main_thread()
    signals = (signal.SIGINT, signal.SIGTERM) if in_main else ()
    previous = {signum: signal.signal(signum, request_stop) for signum in signals}
    try:
        with DemoPortal(config, port) as portal:
            print(portal.webhook_url, file=out, flush=True)
            print(f"OAuth client_id: {portal.oauth_client_id}", file=out)
            print(f"OAuth client_secret: {portal.oauth_client_secret}", file=out)
            print(f"OAuth token URL: {portal.oauth_token_url}", file=out)
            print(f"Authorize URL: {portal.authorize_url()}", file=out)
            print(f"Stats: {portal.base_url}/_demo/stats", file=out, flush=True)
            while not stop.wait(0.5):
                pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0
