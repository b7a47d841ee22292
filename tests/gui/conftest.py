"""Fixtures of the GUI tests: the real task runner, an application context on a private keyring
service, a running demo portal, and the Ukrainian catalogue the language tests load.

They need a real Secret Service: run them through scripts/run-tests.sh (gnome-keyring under
dbus-run-session).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.gui.i18n import Language, catalogue_path, install_translators
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.workers.runner import TaskRunner
from privacy_desktop.paths import AppPaths
from privacy_desktop.services.context import AppContext

if TYPE_CHECKING:
    from privacy_desktop.demo_portal.server import DemoPortal

#: A small, fast demo portal (time_scale shrinks every simulated duration).
SMALL_DEMO = DemoPortalConfig(users=5, contacts=20, leads=5, companies=5, deals=5, time_scale=0.001)


@pytest.fixture(scope="session", autouse=True)
def ukrainian_catalogue() -> Path:
    """The compiled uk.qm, which the package build (hatch_build.py) produces."""
    target = catalogue_path(Language.UKRAINIAN)
    if not target.is_file():
        pytest.fail(
            f"{target} is missing: the build did not compile translations/uk.ts. "
            "Run scripts/bootstrap.sh test (or .venv/bin/python hatch_build.py)."
        )
    return target


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """Tests start and end in the source language (translators are application-wide)."""
    install_translators(qapp, Language.ENGLISH)
    yield
    install_translators(qapp, Language.ENGLISH)


@pytest.fixture
def context(data_dir: Path, keyring_service: str) -> Iterator[AppContext]:
    """An application context on a temporary data dir and a keyring service of its own."""
    built = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    yield built
    # Whatever a test stored, its secrets leave the real keyring.
    for profile in built.settings.load().portals:
        built.vault.delete_portal(profile.name)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The real task runner (three pools); shut down after the test."""
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(30.0), "background tasks did not finish"


@pytest.fixture
def demo_portal() -> Iterator[DemoPortal]:
    """A small demo portal served on a free loopback port."""
    from privacy_desktop.demo_portal.server import DemoPortal

    with DemoPortal(SMALL_DEMO) as portal:
        yield portal


@pytest.fixture
def window(
    qtbot: QtBot, english: None, context: AppContext, runner: TaskRunner
) -> Iterator[MainWindow]:
    """The main window, shown, with its portal list loaded."""
    main_window = MainWindow(context, runner, language=Language.ENGLISH)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitUntil(main_window.directory.loaded)
    yield main_window
    main_window.close()
