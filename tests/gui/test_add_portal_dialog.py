"""The add-portal dialog against a running demo portal, through the real runner and keyring."""

from __future__ import annotations

import re
import socket

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.gui.dialogs.add_portal_dialog import OAUTH_TAB, AddPortalDialog
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.portal_directory import ConnectionState
from privacy_desktop.security.vault import SecretKind
from privacy_desktop.services.context import AppContext

#: The dialog's test can take a while on a loaded machine; this only bounds a hang.
WAIT_MS = 60_000


def stored_secret(context: AppContext, name: str) -> str | None:
    return context.vault.get_secret(name, SecretKind.WEBHOOK_SECRET)


def fill_webhook(qtbot: QtBot, dialog: AddPortalDialog, name: str, url: str) -> None:
    qtbot.keyClicks(dialog.webhook_name, name)
    dialog.webhook_url.setValue(url)


def test_adds_a_running_demo_portal_and_shows_its_scopes(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> None:
    dialog = window.open_add_portal_dialog()
    assert dialog.isVisible()
    fill_webhook(qtbot, dialog, "Demo", demo_portal.webhook_url)
    assert "/rest/" in dialog.webhook_url.text()
    secret = demo_portal.webhook_url.rstrip("/").rsplit("/", 1)[-1]
    assert secret not in dialog.webhook_url.text()

    with qtbot.waitSignal(dialog.portalAdded, timeout=WAIT_MS) as added:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert added.args == ["Demo"]

    message = dialog.message.text()
    scopes = demo_portal.config.webhook_scopes
    for scope in scopes:
        assert scope in message
    assert f"{len(scopes)} scope" in message
    assert secret not in message
    assert dialog.close_button.isVisible()

    # Stored: the profile in settings (no secret in it), the secret in the keyring.
    profiles = context.settings.load().portals
    assert [p.name for p in profiles] == ["Demo"]
    assert secret not in context.paths.settings_file.read_text(encoding="utf-8")
    assert stored_secret(context, "Demo") == secret

    # The rest of the window follows: dashboard card, selector, status bar.
    qtbot.waitUntil(lambda: "Demo" in window.dashboard.cards)
    card = window.dashboard.cards["Demo"]
    assert "crm" in card.scopes.text()
    assert window.directory.outcome("Demo").state is ConnectionState.CONNECTED
    qtbot.waitUntil(lambda: window.portal_selector.currentText() == "Demo")
    assert "Demo" in window.portal_status.text()


def test_malformed_url_shows_a_clear_message_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    dialog = window.open_add_portal_dialog()
    fill_webhook(qtbot, dialog, "Broken", "portal.example/rest/not-a-webhook")
    with qtbot.waitSignal(dialog.testFailed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    text = str(failed.args[0])
    assert text == dialog.message.text()
    assert dialog.message.isVisible()
    assert re.search(r"address|URL", text, re.IGNORECASE)
    assert "unexpected" not in text.lower()
    # The input stays for a correction; nothing was stored.
    assert dialog.webhook_name.text() == "Broken"
    assert dialog.webhook_url.value() == "portal.example/rest/not-a-webhook"
    assert dialog.test_button.isEnabled()
    assert context.settings.load().portals == ()
    assert stored_secret(context, "Broken") is None


def test_wrong_token_shows_a_clear_message_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> None:
    url = demo_portal.webhook_url
    secret = url.rstrip("/").rsplit("/", 1)[-1]
    wrong = url.replace(secret, "x" * len(secret))
    dialog = window.open_add_portal_dialog()
    fill_webhook(qtbot, dialog, "Wrong", wrong)
    with qtbot.waitSignal(dialog.testFailed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    text = str(failed.args[0])
    assert text
    assert "unexpected" not in text.lower()
    assert "x" * len(secret) not in text
    assert context.settings.load().portals == ()
    assert stored_secret(context, "Wrong") is None

    # A bad address and an unreachable host each get their own text.
    dialog.webhook_url.setValue("portal.example/rest/not-a-webhook")
    with qtbot.waitSignal(dialog.testFailed, timeout=WAIT_MS) as malformed:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    dialog.webhook_url.setValue(f"http://127.0.0.1:{closed_port}/rest/1/{secret}/")
    with qtbot.waitSignal(dialog.testFailed, timeout=WAIT_MS) as unreachable:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    texts = {text, str(malformed.args[0]), str(unreachable.args[0])}
    assert len(texts) == 3


def test_oauth_tab_adds_the_demo_application(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> None:
    dialog = window.open_add_portal_dialog()
    dialog.tabs.setCurrentIndex(OAUTH_TAB)
    qtbot.keyClicks(dialog.oauth_name, "Demo OAuth")
    dialog.oauth_portal_url.setText(demo_portal.base_url)
    dialog.oauth_client_id.setText(demo_portal.oauth_client_id)
    dialog.oauth_client_secret.setValue(demo_portal.oauth_client_secret)
    dialog.oauth_token_url.setText(demo_portal.oauth_token_url)
    assert demo_portal.oauth_client_secret not in dialog.oauth_client_secret.text()
    dialog.oauth_code.setText(demo_portal.issue_authorization_code())
    with qtbot.waitSignal(dialog.portalAdded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "user" in dialog.message.text()
    assert [p.name for p in context.settings.load().portals] == ["Demo OAuth"]
    assert (
        context.vault.get_secret("Demo OAuth", SecretKind.OAUTH_CLIENT_SECRET)
        == demo_portal.oauth_client_secret
    )


def test_cancel_closes_an_idle_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_add_portal_dialog()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


class UrlCatcher(QObject):
    """Stands in for the web browser: QDesktopServices hands it the URL to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_authorize_button_opens_the_portals_authorization_page(
    qtbot: QtBot, window: MainWindow, demo_portal: DemoPortal
) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("http", catcher, "open_url")
    try:
        dialog = window.open_add_portal_dialog()
        dialog.tabs.setCurrentIndex(OAUTH_TAB)
        dialog.authorize_button.click()
        assert "portal address" in dialog.message.text()  # asks for what it needs first
        dialog.oauth_portal_url.setText(demo_portal.base_url)
        dialog.oauth_client_id.setText(demo_portal.oauth_client_id)
        dialog.authorize_button.click()
        qtbot.waitUntil(lambda: bool(catcher.urls), timeout=WAIT_MS)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    url = catcher.urls[0]
    assert url.startswith(demo_portal.base_url)
    assert demo_portal.oauth_client_id in url


def test_a_taken_name_is_refused_unless_replacing(
    qtbot: QtBot, window: MainWindow, context: AppContext, demo_portal: DemoPortal
) -> None:
    context.portals.add_webhook("Demo", demo_portal.webhook_url)
    dialog = window.open_add_portal_dialog()
    fill_webhook(qtbot, dialog, "Demo", demo_portal.webhook_url)
    with qtbot.waitSignal(dialog.testFailed, timeout=WAIT_MS) as failed:
        dialog.test_button.click()
    assert "already exists" in str(failed.args[0])
    dialog.replace_box.setChecked(True)
    with qtbot.waitSignal(dialog.portalAdded, timeout=WAIT_MS):
        dialog.test_button.click()
    assert [p.name for p in context.settings.load().portals] == ["Demo"]
