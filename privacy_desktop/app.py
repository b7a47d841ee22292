"""The composition root of the desktop application: options, Qt, translations, the window.

Start-up is event-driven, never a ``processEvents`` loop: the keyring check runs on the vault
pool, and only when it reports a secure keyring is the main window built. Without one, a
translated explanation is shown and the application exits with status 1 (there is no
plaintext fallback, STYLE.md rule 8). ``--demo`` generates a demo portal off the GUI thread,
serves it on a free loopback port and registers it through ``PortalService.add_webhook``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from privacy_desktop import APP_ID, APP_NAME, __version__
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.domain.portals import ConnectionInfo, Plan
from privacy_desktop.gui.dialogs.no_keyring_dialog import NoKeyringDialog
from privacy_desktop.gui.i18n import (
    DEFAULT_LANGUAGE,
    CatalogueMissing,
    Language,
    install_translators,
    render,
)
from privacy_desktop.gui.icons import app_icon
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.vault import KeyringUnavailable
from privacy_desktop.services.context import AppContext
from privacy_desktop.settings import Settings, SettingsCorrupt, SettingsError

if TYPE_CHECKING:
    from privacy_desktop.demo_portal.server import DemoPortal

log = logging.getLogger(__name__)

#: How long ``--self-test`` lets the event loop run before it closes the window.
SELF_TEST_MS = 500
#: Seconds the pools get to finish after the window closed (tasks are cancelled first).
SHUTDOWN_TIMEOUT_S = 15.0
ORGANIZATION = "Privacy Desktop"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privacy-desktop", description=APP_NAME)
    parser.add_argument("--data-dir", type=Path, help="keep every file under this directory")
    parser.add_argument("--lang", choices=[lang.value for lang in Language], help="uk or en")
    parser.add_argument("--demo", action="store_true", help="start and open a demo portal")
    defaults = DemoPortalConfig()
    parser.add_argument("--demo-seed", type=int, default=defaults.seed, help="demo data seed")
    parser.add_argument("--demo-users", type=int, default=defaults.users)
    parser.add_argument("--demo-contacts", type=int, default=defaults.contacts)
    parser.add_argument(
        "--demo-plan", choices=[p.value for p in Plan if p is not Plan.CUSTOM], default="standard"
    )
    # Hidden: packaging smoke tests, and tests that need their own keyring service name.
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keyring-service", default="privacy-desktop", help=argparse.SUPPRESS)
    return parser


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def demo_config(args: argparse.Namespace) -> DemoPortalConfig:
    return DemoPortalConfig(
        seed=args.demo_seed,
        users=args.demo_users,
        contacts=args.demo_contacts,
        plan=Plan(args.demo_plan),
    )


class Startup(QObject):
    """Drives start-up step by step and owns what must be released at the end.

    Args:
        app: the application object.
        args: the parsed options.
        context: the application context.
        runner: the task runner.
    """

    def __init__(
        self, app: QApplication, args: argparse.Namespace, context: AppContext, runner: TaskRunner
    ) -> None:
        super().__init__()
        self.app = app
        self.args = args
        self.context = context
        self.runner = runner
        self.settings = Settings()
        self.language = DEFAULT_LANGUAGE
        self.window: MainWindow | None = None
        self.dialog: NoKeyringDialog | QMessageBox | None = None
        # Set from the worker that creates it, so shutdown can stop it whatever happened.
        self.demo: DemoPortal | None = None

    def begin(self) -> None:
        """Read the settings and translations, then check the keyring in the background."""
        try:
            try:
                self.settings = self.context.settings.load()
            except SettingsError as error:
                self._install_language()
                self._settings_problem(error)
                return
            self._install_language()
            self._check_keyring()
        except Exception:
            # An exception escaping a Qt callback would leave a windowless process running.
            log.exception("Start-up failed")
            self.app.exit(2)

    def _install_language(self) -> None:
        chosen = self.args.lang or self.settings.language
        self.language = Language(chosen) if chosen in set(Language) else DEFAULT_LANGUAGE
        try:
            install_translators(self.app, self.language)
        except CatalogueMissing:
            # A packaging bug: say so in the log and stay usable in the source language.
            log.error("The %s catalogue is missing; continuing in English", self.language.value)
            self.language = Language.ENGLISH
            install_translators(self.app, self.language)

    def _settings_problem(self, error: SettingsError) -> None:
        """A damaged file may be reset on request (a copy was kept); a newer one may not."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Startup", "Settings cannot be read"),
            render(error.user_message),
        )
        if isinstance(error, SettingsCorrupt):
            box.addButton(
                QCoreApplication.translate("Startup", "Reset the settings"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _result: self._after_settings_problem(box))
        self.dialog = box
        box.open()
        if self.args.self_test:
            QTimer.singleShot(SELF_TEST_MS, box.reject)

    def _after_settings_problem(self, box: QMessageBox) -> None:
        clicked = box.clickedButton()
        if clicked is None or box.buttonRole(clicked) is not QMessageBox.ButtonRole.AcceptRole:
            self.app.exit(1)
            return
        try:
            self.settings = self.context.settings.reset()
        except SettingsError as error:
            log.error("The settings could not be reset: %s", error)
            self.app.exit(1)
            return
        self.context.security.apply_settings(self.settings)  # the default idle time-out
        self._check_keyring()

    def _check_keyring(self) -> None:
        vault = self.context.vault

        def check(_context: TaskContext) -> KeyringUnavailable | None:
            try:
                vault.ensure_available()
            except KeyringUnavailable as error:
                return error
            return None

        self.runner.submit(
            check,
            pool=Pool.VAULT,
            on_done=self._keyring_checked,
            on_error=lambda text: self._no_keyring(text, ""),
            name="vault",
        )

    def _keyring_checked(self, problem: Any) -> None:
        if isinstance(problem, KeyringUnavailable):
            log.warning("No secure keyring: %s", problem.detail)
            self._no_keyring(render(problem.user_message), problem.detail)
            return
        self._check_lock()

    def _check_lock(self) -> None:
        """Settle whether the window opens locked (two-step verification on) first.

        ``starts_locked`` reads the two-step state behind the keyring, so it runs on the vault
        pool; it locks the session itself when it must, and the window shows the unlock screen
        whenever the session is locked. If the question fails, the session stays as the
        security service built it (locked whenever a two-step state file exists).
        """
        security = self.context.security
        self.runner.submit(
            lambda _context: security.starts_locked(),
            pool=Pool.VAULT,
            on_done=lambda _locked: self._open_window(),
            on_error=self._lock_check_failed,
            name="security.starts_locked",
        )

    def _lock_check_failed(self, text: str) -> None:
        log.warning("Could not tell whether to start locked: %s", text)
        self._open_window()

    def _no_keyring(self, explanation: str, backend: str) -> None:
        dialog = NoKeyringDialog(explanation, backend)
        dialog.finished.connect(lambda _result: self.app.exit(1))
        self.dialog = dialog
        dialog.open()
        if self.args.self_test:
            QTimer.singleShot(SELF_TEST_MS, dialog.reject)

    def _open_window(self) -> None:
        window = MainWindow(
            self.context, self.runner, language=self.language, initial=self.settings
        )
        window.setWindowIcon(self.app.windowIcon())
        window.windowClosed.connect(lambda: self.app.exit(0))
        self.window = window
        window.show()
        freeze_heap()
        if self.args.demo:
            self._start_demo()  # with --self-test, the window closes once the demo is up
        elif self.args.self_test:
            QTimer.singleShot(SELF_TEST_MS, window.close)

    # ------------------------------------------------------------------ the demo portal

    def _start_demo(self) -> None:
        assert self.window is not None
        self.window.show_notice(
            QCoreApplication.translate("Startup", "Generating the demo portal\u2026")
        )
        config = demo_config(self.args)
        # Imported only when asked for: the emulator is a separate program inside the package.
        from privacy_desktop.demo_portal.server import DemoPortal

        def start(context: TaskContext) -> DemoPortal:
            portal = DemoPortal(config)  # generates the dataset: seconds for a large one
            context.cancel.raise_if_cancelled()
            self.demo = portal
            portal.start()
            return portal

        self.runner.submit(
            start, on_done=self._register_demo, on_error=self._demo_failed, name="demo.start"
        )

    def _register_demo(self, portal: DemoPortal) -> None:
        freeze_heap()  # the demo dataset: millions of objects that live as long as we do
        name = QCoreApplication.translate("Startup", "Demo portal")
        service = self.context.portals
        config = portal.config
        url = portal.webhook_url

        def register(_context: TaskContext) -> ConnectionInfo:
            return service.add_webhook(
                name, url, config.plan, config.effective_limits(), replace=True
            )

        self.runner.submit(
            register,
            pool=Pool.VAULT,
            on_done=lambda info: self._demo_registered(name, info),
            on_error=self._demo_failed,
            name="demo.register",
        )

    def _demo_registered(self, name: str, info: Any) -> None:
        if self.window is None:
            return
        self._end_self_test_soon()
        if isinstance(info, ConnectionInfo):
            self.window.directory.record_connection(name, info)
        self.window.directory.refresh(select=name, check_new=False)
        self.window.show_notice(
            QCoreApplication.translate("Startup", "The demo portal is running at %1").replace(
                "%1", self.demo.base_url if self.demo is not None else ""
            ),
            10_000,
        )

    def _demo_failed(self, text: str) -> None:
        self._end_self_test_soon()
        if self.window is not None:
            self.window.show_notice(
                QCoreApplication.translate(
                    "Startup", "The demo portal could not start: %1"
                ).replace("%1", text)
            )

    def _end_self_test_soon(self) -> None:
        if self.args.self_test and self.window is not None:
            QTimer.singleShot(SELF_TEST_MS, self.window.close)

    # ------------------------------------------------------------------ the end

    def shutdown(self) -> None:
        """Sign the audit log's head, cancel running tasks, wait for the pools, stop the demo."""
        security = self.context.security
        # Queued before shutdown and not cancellable: it runs while the pools drain, on the
        # vault thread that owns the keyring; close() logs its own failures and never raises.
        self.runner.submit(
            lambda _context: security.close(),
            pool=Pool.VAULT,
            name="security.close",
            cancellable=False,
        )
        if not self.runner.shutdown(SHUTDOWN_TIMEOUT_S):
            log.warning("Some background tasks were still running at exit")
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
        if self.window is not None:
            self.window.deleteLater()
            self.window = None


def freeze_heap() -> None:
    """Exempt every object alive now from the cyclic garbage collector.

    What start-up built (Qt wrappers, the services, a demo portal's dataset) lives until the
    end; without this each full collection walks all of it on the GUI thread, a stall of
    130–220 ms measured by benchmarks/gui_stall.py.
    """
    gc.collect()
    gc.freeze()


def log_uncaught_exceptions() -> Callable[[], None]:
    """Send exceptions escaping Qt callbacks to the redacted log (not only to stderr).

    Returns:
        A function that puts the previous hook back.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # The traceback text is an argument, so the redaction filter scrubs it.
        log.error("Uncaught exception:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        previous(kind, error, tb)

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop application; returns the process exit status.

    Args:
        argv: the options (without the program name); ``sys.argv[1:]`` when None.
    """
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    paths = AppPaths.from_base(args.data_dir) if args.data_dir else AppPaths.default()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    configure_application(app)
    context = AppContext.build(paths, keyring_service=args.keyring_service)
    runner = TaskRunner()
    startup = Startup(app, args, context, runner)
    app.aboutToQuit.connect(runner.cancel_all)
    # Start-up decides when to end (window closed, dialog answered), not Qt's window count.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, startup.begin)
    restore_hook = log_uncaught_exceptions()
    try:
        status = app.exec()
    finally:
        startup.shutdown()
        app.setQuitOnLastWindowClosed(quit_on_last)
        restore_hook()
    return int(status)
