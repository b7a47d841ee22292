"""``privacy-desktop portal add|list|check|remove``."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from privacy_desktop.cli.console import (
    HelpFormatter,
    SubCommands,
    UsageError,
    arg,
    build_context,
    new_state,
    read_secret,
    translate_titles,
)
from privacy_desktop.domain.portals import ConnectionInfo, Plan
from privacy_desktop.paths import AppPaths

_PLANS = (Plan.STANDARD.value, Plan.ENTERPRISE.value, Plan.UNLIMITED.value)


def print_connection(info: ConnectionInfo, out: TextIO) -> None:
    """What a connection check learnt, for a person."""
    user = arg(
        QCoreApplication.translate("Cli", "User: %1 (id %2)"), info.user_name, str(info.user_id)
    )
    print(user, file=out)
    print(
        arg(
            QCoreApplication.translate("Cli", "Administrator: %1"),
            QCoreApplication.translate("Cli", "yes")
            if info.is_admin
            else QCoreApplication.translate("Cli", "no"),
        ),
        file=out,
    )
    print(
        arg(QCoreApplication.translate("Cli", "Scopes: %1"), ", ".join(info.scopes) or "-"),
        file=out,
    )
    if not info.is_admin:
        print(
            QCoreApplication.translate(
                "Cli",
                "Note: this user is not a portal administrator, so data the user cannot see "
                "will be missing from the inventory.",
            ),
            file=out,
        )


def add_portal_commands(commands: SubCommands) -> None:
    portal = commands.add_parser(
        "portal",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate("Cli", "add, list, check or remove portals"),
    )
    translate_titles(portal)
    actions = portal.add_subparsers(
        title=QCoreApplication.translate("Cli", "commands"),
        metavar=QCoreApplication.translate("Cli", "ACTION"),
    )
    actions.required = True

    add = actions.add_parser(
        "add",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "connect a portal (the connection is checked before anything is stored)"
        ),
        description=QCoreApplication.translate(
            "Cli",
            "Connect a portal by an inbound webhook or a local OAuth application. Secrets go "
            "to the system keyring only. The OAuth client secret and the authorization code "
            "are asked for (or read from standard input), never taken from the command line.",
        ),
    )
    translate_titles(add)
    add.add_argument(
        "name",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "a name for the connection"),
    )
    how = add.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--webhook",
        metavar=QCoreApplication.translate("Cli", "URL"),
        help=QCoreApplication.translate(
            "Cli", "the inbound webhook address; - reads it from standard input"
        ),
    )
    how.add_argument(
        "--oauth",
        action="store_true",
        help=QCoreApplication.translate("Cli", "connect a local OAuth application"),
    )
    add.add_argument(
        "--portal-url",
        metavar=QCoreApplication.translate("Cli", "URL"),
        help=QCoreApplication.translate(
            "Cli", "the portal address, e.g. https://example.bitrix24.ua (OAuth)"
        ),
    )
    add.add_argument(
        "--client-id",
        metavar=QCoreApplication.translate("Cli", "ID"),
        help=QCoreApplication.translate("Cli", "the application's client id (OAuth)"),
    )
    add.add_argument(
        "--token-url",
        metavar=QCoreApplication.translate("Cli", "URL"),
        help=QCoreApplication.translate(
            "Cli", "the OAuth token server (default: oauth.bitrix.info)"
        ),
    )
    add.add_argument(
        "--plan",
        choices=_PLANS,
        default=Plan.STANDARD.value,
        help=QCoreApplication.translate("Cli", "the portal's plan, which sets its request limits"),
    )
    add.add_argument(
        "--replace",
        action="store_true",
        help=QCoreApplication.translate("Cli", "replace a portal of the same name"),
    )
    add.set_defaults(run=_run_add)

    listing = actions.add_parser(
        "list",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate("Cli", "list the connected portals"),
    )
    translate_titles(listing)
    listing.set_defaults(run=_run_list)

    for action, text, run in (
        (
            "check",
            QCoreApplication.translate("Cli", "check a connection and show its user and scopes"),
            _run_check,
        ),
        (
            "remove",
            QCoreApplication.translate("Cli", "forget a portal and delete its secrets"),
            _run_remove,
        ),
    ):
        sub = actions.add_parser(action, formatter_class=HelpFormatter, help=text)
        translate_titles(sub)
        sub.add_argument(
            "name",
            metavar=QCoreApplication.translate("Cli", "NAME"),
            help=QCoreApplication.translate("Cli", "the portal's name"),
        )
        sub.set_defaults(run=run)


def _run_add(namespace: argparse.Namespace, paths: AppPaths) -> int:
    plan = Plan(namespace.plan)
    if namespace.oauth:
        if not namespace.portal_url or not namespace.client_id:
            raise UsageError(
                QCoreApplication.translate("Cli", "--oauth needs --portal-url and --client-id.")
            )
        context = build_context(paths)
        context.vault.ensure_available()  # before the person is asked for anything
        service = context.portals
        # The secret first: the code lives only 30 seconds once the page shows it.
        client_secret = read_secret(
            QCoreApplication.translate("Cli", "Client secret of the application: ")
        )
        url = service.oauth_authorize_url(namespace.portal_url, namespace.client_id, new_state())
        print(
            QCoreApplication.translate(
                "Cli", "Open this address, allow access and copy the code shown:"
            )
        )
        print(url, flush=True)
        code = read_secret(QCoreApplication.translate("Cli", "Authorization code: "))
        info = service.add_oauth(
            namespace.name,
            namespace.portal_url,
            namespace.client_id,
            client_secret,
            code,
            plan,
            token_url=namespace.token_url,
            replace=namespace.replace,
        )
    else:
        if namespace.portal_url or namespace.client_id or namespace.token_url:
            raise UsageError(
                QCoreApplication.translate(
                    "Cli", "--portal-url, --client-id and --token-url go with --oauth."
                )
            )
        webhook = namespace.webhook
        if webhook == "-":
            webhook = read_secret(QCoreApplication.translate("Cli", "Webhook address: "))
        else:
            print(
                QCoreApplication.translate(
                    "Cli",
                    "Note: the webhook address holds a secret and command lines are visible "
                    "to other users of this computer; --webhook - reads it from standard "
                    "input instead.",
                ),
                file=sys.stderr,
            )
        context = build_context(paths)
        info = context.portals.add_webhook(namespace.name, webhook, plan, replace=namespace.replace)
    print(arg(QCoreApplication.translate("Cli", "Portal “%1” added."), namespace.name.strip()))
    print_connection(info, sys.stdout)
    return 0


def _run_list(namespace: argparse.Namespace, paths: AppPaths) -> int:
    del namespace
    context = build_context(paths)
    portals = context.portals.list_portals()
    if not portals:
        print(
            QCoreApplication.translate(
                "Cli", "No portals are connected. Add one with: privacy-desktop portal add"
            )
        )
        return 0
    active = context.settings.load().active_portal
    rows = [
        (
            QCoreApplication.translate("Cli", "NAME"),
            QCoreApplication.translate("Cli", "KIND"),
            QCoreApplication.translate("Cli", "HOST"),
            QCoreApplication.translate("Cli", "PLAN"),
        )
    ]
    kinds = {
        "webhook": QCoreApplication.translate("Cli", "webhook"),
        "oauth": QCoreApplication.translate("Cli", "OAuth"),
    }
    for profile in portals:
        mark = " *" if profile.name == active else ""
        rows.append(
            (profile.name + mark, kinds[profile.auth_kind.value], profile.host, profile.plan.value)
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def _run_check(namespace: argparse.Namespace, paths: AppPaths) -> int:
    info = build_context(paths).portals.check(namespace.name)
    print(
        arg(
            QCoreApplication.translate("Cli", "The connection to “%1” works."),
            namespace.name.strip(),
        )
    )
    print_connection(info, sys.stdout)
    return 0


def _run_remove(namespace: argparse.Namespace, paths: AppPaths) -> int:
    build_context(paths).portals.remove(namespace.name)
    print(
        arg(
            QCoreApplication.translate(
                "Cli", "Portal “%1” removed, and its secrets deleted from the keyring."
            ),
            namespace.name.strip(),
        )
    )
    return 0
