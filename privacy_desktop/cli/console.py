"""What every headless command shares: translated texts, the parser classes, secret input.

All texts go through ``QCoreApplication.translate("Cli", …)`` (lupdate extracts only Qt's own
names), and a translator is installed before any of them is built (see cli/__init__.py).
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from collections.abc import Iterable
from typing import NoReturn, TextIO, TypeAlias

from PySide6.QtCore import QCoreApplication

from privacy_desktop.domain.i18n import fill_placeholders
from privacy_desktop.paths import AppPaths
from privacy_desktop.services.context import AppContext

#: Overrides the keyring service name (tests, several installations side by side).
KEYRING_SERVICE_ENV = "PRIVACY_DESKTOP_KEYRING_SERVICE"


def arg(text: str, *args: str) -> str:
    """Fill ``%1``, ``%2`` … of a translated text (highest number first, like QString.arg)."""
    return fill_placeholders(text, args, None)


class UsageError(Exception):
    """A command line the commands cannot act on (exit code 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse's own texts are gettext-English; the frame around them is ours.
        self.print_usage(sys.stderr)
        self.exit(2, arg(QCoreApplication.translate("Cli", "%1: error: %2\n"), self.prog, message))


#: The sub-command collection of a :class:`Parser`.
SubCommands: TypeAlias = "argparse._SubParsersAction[Parser]"


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        # argparse passes "" when it builds a sub-command's prog: keep that one empty.
        if prefix is None:
            prefix = QCoreApplication.translate("Cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


def translate_titles(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = QCoreApplication.translate("Cli", "positional arguments")
    parser._optionals.title = QCoreApplication.translate("Cli", "options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = QCoreApplication.translate("Cli", "show this help and exit")


def build_context(paths: AppPaths) -> AppContext:
    """The context of a headless command; the keyring service may come from the environment."""
    service = os.environ.get(KEYRING_SERVICE_ENV) or "privacy-desktop"
    return AppContext.build(paths, keyring_service=service)


def read_secret(prompt: str, stream: TextIO | None = None) -> str:
    """A secret from a hidden prompt on a terminal, or one line of standard input.

    Raises:
        UsageError: nothing was given.
    """
    source = stream if stream is not None else sys.stdin
    if source.isatty():
        value = getpass.getpass(prompt, stream=sys.stderr)
    else:
        value = source.readline().strip()
    if not value:
        raise UsageError(
            arg(
                QCoreApplication.translate("Cli", "Nothing was entered for: %1"),
                prompt.rstrip(": "),
            )
        )
    return value


def new_state() -> str:
    """An unguessable OAuth ``state`` value."""
    return secrets.token_urlsafe(24)
