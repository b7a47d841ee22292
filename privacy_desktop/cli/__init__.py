"""The ``privacy-desktop`` command: the GUI without a sub-command, headless commands with one.

Every text is translated (Ukrainian by default, ``--lang en`` for English): a
``QCoreApplication`` is created once and the catalogue installed *before* the parser is
built, so the help texts are translated too. Secrets never come from argv (other users can
read it): the OAuth client secret and authorization code are read from standard input or a
hidden prompt, and ``--webhook -`` reads the webhook address the same way.

Exit codes: 0 success, 1 error (message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from privacy_desktop import __version__
from privacy_desktop.cli.audit_commands import add_audit_commands
from privacy_desktop.cli.console import (
    KEYRING_SERVICE_ENV,
    HelpFormatter,
    Parser,
    SubCommands,
    UsageError,
    arg,
    translate_titles,
)
from privacy_desktop.cli.history_commands import add_history_commands
from privacy_desktop.cli.inventory_commands import add_inventory_commands
from privacy_desktop.cli.portal_commands import add_portal_commands
from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.gui.i18n import CatalogueMissing, Language, install_translators, render
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.redaction import LOG_FILE_NAME, install_logging
from privacy_desktop.security.vault import KeyringUnavailable
from privacy_desktop.settings import SettingsStore

__all__ = ["KEYRING_SERVICE_ENV", "build_parser", "main"]

log = logging.getLogger(__name__)

COMMANDS = ("demo-portal", "portal", "audit", "scan", "inventory", "scans")
_OPTIONS_WITH_VALUE = ("--data-dir", "--lang")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (without the program name; default ``sys.argv[1:]``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not _wants_cli(args):
        from privacy_desktop.app import main as gui_main  # the GUI only when it is wanted

        try:
            return int(gui_main(args))
        except SystemExit as leaving:  # the GUI's own option parser: --bad-option
            return leaving.code if isinstance(leaving.code, int) else 2
    data_dir, language = _global_options(args)
    paths = AppPaths.from_base(data_dir) if data_dir else AppPaths.default()
    _start_translations(language or _stored_language(paths))
    try:
        namespace = build_parser().parse_args(args)
    except SystemExit as leaving:  # --help, --version and usage errors
        return leaving.code if isinstance(leaving.code, int) else 2
    try:
        # Logging first, so that even an unexpected error in a command lands in the log.
        paths.ensure()
        install_logging(paths.log_dir)
    except OSError as error:
        text = QCoreApplication.translate("Cli", "Error: cannot use the directory %1 (%2).")
        print(arg(text, str(paths.log_dir.parent), error.strerror or ""), file=sys.stderr)
        return 1
    try:
        return int(namespace.run(namespace, paths))
    except UsageError as error:
        print(arg(QCoreApplication.translate("Cli", "Error: %1"), str(error)), file=sys.stderr)
        return 2
    except KeyringUnavailable as error:
        print(render(error.user_message), file=sys.stderr)
        return 1
    except PrivacyDesktopError as error:
        log.warning("Command failed: %s", error)
        print(
            arg(QCoreApplication.translate("Cli", "Error: %1"), render(error.user_message)),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print(QCoreApplication.translate("Cli", "Interrupted."), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`… | head`): as for any Unix filter, stop quietly. Point
        # stdout at /dev/null so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141  # 128 + SIGPIPE, what a shell reports for a filter killed by it
    except Exception:
        log.exception("Unexpected error in the command line")
        where = paths.log_dir / LOG_FILE_NAME
        print(
            arg(
                QCoreApplication.translate(
                    "Cli", "Unexpected error. The details were written to %1"
                ),
                str(where),
            ),
            file=sys.stderr,
        )
        return 1


def _wants_cli(args: list[str]) -> bool:
    """True for a sub-command, --help or --version; otherwise the GUI starts."""
    skip = False
    for word in args:
        if skip:
            skip = False
            continue
        if word in _OPTIONS_WITH_VALUE:
            skip = True
        elif word in ("-h", "--help", "--version") or word in COMMANDS:
            return True
        elif not word.startswith("-"):
            return False  # a GUI argument's value or an unknown word: the GUI reports it
    return False


def _global_options(args: list[str]) -> tuple[Path | None, str | None]:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir", type=Path)
    pre.add_argument("--lang")
    known, _rest = pre.parse_known_args(args)
    language = known.lang if known.lang in (Language.UKRAINIAN, Language.ENGLISH) else None
    return known.data_dir, language


def _stored_language(paths: AppPaths) -> str:
    """The language chosen in the GUI, if the settings can be read; Ukrainian otherwise."""
    try:
        return SettingsStore(paths.settings_file).load().language
    except PrivacyDesktopError:
        return Language.UKRAINIAN.value


def _start_translations(language: str) -> None:
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else ""])
    try:
        install_translators(app, Language(language))
    except CatalogueMissing:
        # A broken installation: English still works, and the person should know why.
        install_translators(app, Language.ENGLISH)
        print("Ukrainian translation catalogue missing; using English.", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The parser, with every text translated by the catalogue installed at the time."""
    parser = Parser(
        prog="privacy-desktop",
        formatter_class=HelpFormatter,
        description=QCoreApplication.translate(
            "Cli",
            "See which personal data a Bitrix24 portal holds and who can reach it. Without a "
            "command the graphical application starts (add --demo to try it on a demo portal).",
        ),
    )
    translate_titles(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=QCoreApplication.translate("Cli", "show the version and exit"),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar=QCoreApplication.translate("Cli", "PATH"),
        help=QCoreApplication.translate(
            "Cli", "keep data, settings and logs under PATH instead of the standard locations"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help=QCoreApplication.translate("Cli", "language of the messages (default: Ukrainian)"),
    )
    commands = parser.add_subparsers(
        title=QCoreApplication.translate("Cli", "commands"),
        metavar=QCoreApplication.translate("Cli", "COMMAND"),
    )
    commands.required = True
    _add_demo_portal(commands)
    add_portal_commands(commands)
    add_audit_commands(commands)
    add_inventory_commands(commands)
    add_history_commands(commands)
    return parser


def _add_demo_portal(commands: SubCommands) -> None:
    from privacy_desktop.demo_portal.cli_args import HELP_CONTEXT, add_arguments

    demo = commands.add_parser(
        "demo-portal",
        formatter_class=HelpFormatter,
        help=QCoreApplication.translate(
            "Cli", "run a local demo Bitrix24 portal with generated Ukrainian data"
        ),
        description=QCoreApplication.translate(
            "Cli",
            "Run a local demo Bitrix24 portal on 127.0.0.1. It prints its webhook address "
            "first and serves until interrupted.",
        ),
    )
    translate_titles(demo)
    add_arguments(demo)
    # The demo portal marks its help texts for lupdate but cannot translate them (no Qt there).
    for action in demo._actions:
        if action.help and not isinstance(action, argparse._HelpAction):
            action.help = QCoreApplication.translate(HELP_CONTEXT, action.help)
    demo.set_defaults(run=_run_demo_portal)


def _run_demo_portal(namespace: argparse.Namespace, paths: AppPaths) -> int:
    from privacy_desktop.demo_portal.cli_args import config_from_args, serve

    del paths
    config, port = config_from_args(namespace)
    return serve(config, port, sys.stdout, QCoreApplication.translate)
