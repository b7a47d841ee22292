"""``privacy-desktop demo-portal``: its arguments and the blocking serve loop."""

from __future__ import annotations

import argparse
import gc
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import TextIO

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP
from privacy_desktop.domain.portals import Plan

_PLANS = ("standard", "enterprise", "unlimited")


#: Context of the option help texts; the CLI translates them (this layer has no Qt).
HELP_CONTEXT = "DemoPortalCli"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the demo portal's options to ``parser``; help texts are untranslated English
    marked for lupdate under :data:`HELP_CONTEXT` (the CLI translates them)."""
    defaults = DemoPortalConfig()

    add = parser.add_argument
    add(
        "--port",
        type=int,
        default=0,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "port on 127.0.0.1 (0: any free port)"),
    )
    add(
        "--seed",
        type=int,
        default=defaults.seed,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "seed of the generated data"),
    )
    add(
        "--users",
        type=int,
        default=defaults.users,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "number of employees"),
    )
    add(
        "--contacts",
        type=int,
        default=defaults.contacts,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "number of CRM contacts"),
    )
    add(
        "--leads",
        type=int,
        default=defaults.leads,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "number of CRM leads"),
    )
    add(
        "--companies",
        type=int,
        default=defaults.companies,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "number of companies"),
    )
    add(
        "--deals",
        type=int,
        default=defaults.deals,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "number of deals"),
    )
    add(
        "--plan",
        choices=_PLANS,
        default=defaults.plan.value,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "the plan whose REST limits the portal enforces"),
    )
    add(
        "--rate",
        type=float,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "requests per second the rate limit drains (overrides the plan)"
        ),
    )
    add(
        "--burst",
        type=int,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "requests the rate limit lets through at once (overrides the plan)"
        ),
    )
    add(
        "--time-scale",
        type=float,
        default=defaults.time_scale,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "multiplies simulated execution times and the operating-time window"
        ),
    )
    add(
        "--operating-limit",
        type=float,
        default=defaults.operating_limit,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "seconds of execution one method may use per window (before scaling)"
        ),
    )
    add(
        "--count-cost-per-row",
        type=float,
        default=defaults.count_cost_per_row,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "simulated seconds per table row to count a total (start >= 0)"
        ),
    )
    add(
        "--fault-rate",
        type=float,
        default=defaults.fault_rate,
        help=QT_TRANSLATE_NOOP(
            "DemoPortalCli", "share of requests answered with an injected fault"
        ),
    )
    add(
        "--fault-seed",
        type=int,
        default=defaults.fault_seed,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "seed of the fault injection"),
    )
    add(
        "--token-lifetime",
        type=float,
        default=defaults.token_lifetime,
        help=QT_TRANSLATE_NOOP("DemoPortalCli", "OAuth access-token lifetime in seconds"),
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
        count_cost_per_row=args.count_cost_per_row,
        operating_limit=args.operating_limit,
        fault_rate=args.fault_rate,
        fault_seed=args.fault_seed,
        token_lifetime=args.token_lifetime,
    )
    return config, int(args.port)


def serve(
    config: DemoPortalConfig,
    port: int,
    out: TextIO,
    translate: Callable[[str, str], str] = lambda context, text: text,
) -> int:
    """Run the portal until SIGINT/SIGTERM. The webhook URL is the first line printed.

    ``translate`` is ``QCoreApplication.translate`` when the CLI calls (this layer has no Qt).
    """
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
            # The standalone portal's data lives as long as the process: take it out of the
            # garbage collector's sight, or its full collections stall answers for seconds.
            gc.freeze()
            print(portal.webhook_url, file=out, flush=True)
            lines = (
                (QT_TRANSLATE_NOOP("DemoPortalCli", "OAuth client id: %1"), portal.oauth_client_id),
                (
                    QT_TRANSLATE_NOOP("DemoPortalCli", "OAuth client secret: %1"),
                    portal.oauth_client_secret,
                ),
                (QT_TRANSLATE_NOOP("DemoPortalCli", "OAuth token URL: %1"), portal.oauth_token_url),
                (
                    QT_TRANSLATE_NOOP("DemoPortalCli", "Authorization page: %1"),
                    portal.authorize_url(),
                ),
                (
                    QT_TRANSLATE_NOOP("DemoPortalCli", "Statistics: %1"),
                    f"{portal.base_url}/_demo/stats",
                ),
            )
            for label, value in lines:
                print(translate(HELP_CONTEXT, label).replace("%1", value), file=out)
            out.flush()
            while not stop.wait(0.5):
                pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0
