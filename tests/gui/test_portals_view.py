"""The portal manager and the dashboard: check a connection, remove a portal after confirming."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import ViewKey
from privacy_desktop.gui.portal_directory import ConnectionState
from privacy_desktop.security.vault import SecretKind
from privacy_desktop.services.context import AppContext

WAIT_MS = 60_000


@pytest.fixture
def connected(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> MainWindow:
    """The window with the demo portal added (through the service, as a fixture)."""
    context.portals.add_webhook("Demo", demo_portal.webhook_url)
    window.directory.refresh()
    qtbot.waitUntil(lambda: window.settings_view.portals.table.rowCount() == 1)
    return window


def test_table_lists_the_portal_and_check_fills_scopes(
    qtbot: QtBot, connected: MainWindow, demo_portal: DemoPortal
) -> None:
    view = connected.settings_view.portals
    connected.show_portal_manager()
    assert connected.current_view() is ViewKey.SETTINGS
    assert view.table.item(0, 0).text() == "Demo"
    assert view.table.item(0, 1).text() == f"127.0.0.1:{demo_portal.port}"
    assert view.table.item(0, 2).text() == "Inbound webhook"
    assert view.selected_name() == "Demo"
    # Newly listed portals are checked once on their own; check again on request.
    qtbot.waitUntil(
        lambda: connected.directory.outcome("Demo").state is ConnectionState.CONNECTED,
        timeout=WAIT_MS,
    )
    with qtbot.waitSignal(connected.directory.checkChanged, timeout=WAIT_MS):
        view.check_button.click()
    qtbot.waitUntil(
        lambda: connected.directory.outcome("Demo").state is ConnectionState.CONNECTED,
        timeout=WAIT_MS,
    )
    assert "userconsent" in view.table.item(0, 4).text()
    assert "Connected as" in view.table.item(0, 5).text()


def test_failed_check_shows_the_reason(
    qtbot: QtBot, connected: MainWindow, demo_portal: DemoPortal
) -> None:
    qtbot.waitUntil(
        lambda: connected.directory.outcome("Demo").state is ConnectionState.CONNECTED,
        timeout=WAIT_MS,
    )
    demo_portal.stop()
    connected.directory.check("Demo")
    qtbot.waitUntil(
        lambda: connected.directory.outcome("Demo").state is ConnectionState.FAILED,
        timeout=WAIT_MS,
    )
    card = connected.dashboard.cards["Demo"]
    assert card.state.text().startswith("Connection failed:")
    assert "Connection failed" in connected.portal_status.text()


def test_remove_asks_first_then_deletes_profile_and_secret(
    qtbot: QtBot, connected: MainWindow, context: AppContext
) -> None:
    view = connected.settings_view.portals
    view.remove_button.click()
    box = view._confirm
    assert isinstance(box, QMessageBox)
    assert "Demo" in box.text()
    # Cancelling keeps everything.
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert [p.name for p in context.settings.load().portals] == ["Demo"]

    view.remove_button.click()
    box = view._confirm
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=WAIT_MS)
    assert context.settings.load().portals == ()
    assert context.vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) is None
    assert connected.dashboard.cards == {}
    assert "No portal connected" in connected.portal_status.text()


def test_portal_selector_switches_and_remembers_the_active_portal(
    qtbot: QtBot, connected: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> None:
    context.portals.add_webhook("Second", demo_portal.webhook_url)
    connected.directory.refresh()
    qtbot.waitUntil(lambda: connected.portal_selector.count() == 2)
    assert connected.portal_selector.currentText() == "Demo"
    connected.portal_selector.setCurrentIndex(connected.portal_selector.findText("Second"))
    assert connected.directory.active() == "Second"
    assert connected.portal_status.text().startswith("Second:")
    qtbot.waitUntil(lambda: context.settings.load().active_portal == "Second")


def test_dashboard_leads_to_the_portal_manager_and_the_add_dialog(
    qtbot: QtBot, connected: MainWindow
) -> None:
    connected.dashboard.manage_button.click()
    assert connected.current_view() is ViewKey.SETTINGS
    connected.dashboard.add_button.click()
    dialog = connected.add_portal_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
