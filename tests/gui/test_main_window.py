"""The main window: navigation, shortcuts, the About box, the language switch, remembered state."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from privacy_desktop import __version__
from privacy_desktop.gui.i18n import PSEUDO_ENV, CatalogueMissing, Language, install_translators
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.navigation import VIEW_ORDER, ViewKey
from privacy_desktop.gui.views.base_view import SectionedTextView
from privacy_desktop.gui.workers.runner import TaskRunner
from privacy_desktop.services.context import AppContext

EXPECTED_TITLES = [
    "Dashboard",
    "Personal data",
    "People",
    "Access grants",
    "Exports",
    "Audit",
    "Settings",
]


def nav_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_every_navigation_entry_shows_its_view(qtbot: QtBot, window: MainWindow) -> None:
    assert nav_texts(window) == EXPECTED_TITLES
    for row, key in enumerate(VIEW_ORDER):
        item = window.navigation.item(row)
        assert not item.icon().isNull()
        rect = window.navigation.visualItemRect(item)
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.stack.currentWidget() is window.views[key]
        assert window.views[key].isVisible()
        assert window.current_view() is key
        assert window.view_actions[key].isChecked()


def test_ctrl_number_switches_views(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    for number, key in reversed(list(enumerate(VIEW_ORDER, start=1))):
        assert window.view_actions[key].shortcut().toString() == f"Ctrl+{number}"
        window.view_actions[key].trigger()
        assert window.stack.currentWidget() is window.views[key]
        assert window.navigation.currentRow() == number - 1


@pytest.mark.parametrize("key", [ViewKey.PEOPLE, ViewKey.GRANTS, ViewKey.EXPORTS])
def test_feature_views_explain_what_they_will_hold(window: MainWindow, key: ViewKey) -> None:
    view = window.views[key]
    assert isinstance(view, SectionedTextView)
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert all(texts), "every heading and paragraph has text"
    body = " ".join(texts)
    assert "TODO" not in body
    assert len(body) > 600


def test_personal_data_view_names_the_terms_categories(window: MainWindow) -> None:
    view = window.views[ViewKey.PERSONAL_DATA]
    body = " ".join(label.text() for label in view.findChildren(QLabel))
    for category in ("1.1", "1.2", "1.3", "1.4", "2297-VI"):
        assert category in body


def test_about_names_version_and_keyring_backend(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.keyring_backend is not None)
    box = window.show_about()
    assert box.isVisible()
    assert __version__ in box.text()
    assert str(window.keyring_backend).replace("<", "&lt;") in box.text()
    box.close()


def test_settings_view_shows_the_keyring_backend(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.keyring_backend is not None)
    assert str(window.keyring_backend) in window.settings_view.keyring_backend.text()


def test_switching_to_english_retranslates_the_window(
    qtbot: QtBot,
    qapp: QApplication,
    window: MainWindow,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Pseudo-localisation marks every text that went through the Ukrainian translator, so
    # the switch is visible whether or not the catalogue has been translated yet.
    monkeypatch.setenv(PSEUDO_ENV, "1.0")
    window.switch_language(Language.UKRAINIAN.value)
    # Qt delivers LanguageChange through the event loop.
    qtbot.waitUntil(lambda: all(text.startswith("[") for text in nav_texts(window)))
    assert window.file_menu.title().startswith("[")
    assert window.views[ViewKey.AUDIT].title.text().startswith("[")

    combo = window.settings_view.language_combo
    combo.setCurrentIndex(combo.findData(Language.ENGLISH.value))

    qtbot.waitUntil(lambda: nav_texts(window) == EXPECTED_TITLES)
    assert window.file_menu.title() == "&File"
    assert window.views[ViewKey.AUDIT].title.text() == "Audit"
    assert window.settings_view.title.text() == "Settings"
    qtbot.waitUntil(lambda: context.settings.load().language == "en")


def test_last_view_and_geometry_are_remembered(
    qtbot: QtBot, english: None, context: AppContext, runner: TaskRunner
) -> None:
    first = MainWindow(context, runner, language=Language.ENGLISH)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # inside the offscreen screen (800 x 600)
    first.show_view(ViewKey.AUDIT)
    first.close()
    stored = json.loads(context.paths.settings_file.read_text(encoding="utf-8"))
    assert stored["last_view"] == "audit"

    second = MainWindow(context, runner, language=Language.ENGLISH)
    qtbot.addWidget(second)
    assert second.current_view() is ViewKey.AUDIT
    assert (second.width(), second.height()) == (700, 500)


def test_language_installed_at_start_is_shown_in_settings(
    qtbot: QtBot, qapp: QApplication, context: AppContext, runner: TaskRunner
) -> None:
    install_translators(qapp, Language.UKRAINIAN)
    try:
        window = MainWindow(context, runner, language=Language.UKRAINIAN)
        qtbot.addWidget(window)
        combo = window.settings_view.language_combo
        assert combo.currentData() == Language.UKRAINIAN.value
    finally:
        install_translators(qapp, Language.ENGLISH)


def test_missing_catalogue_keeps_the_current_language(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(_app: object, _language: Language) -> None:
        raise CatalogueMissing("uk.qm")

    monkeypatch.setattr("privacy_desktop.gui.main_window.install_translators", missing)
    combo = window.settings_view.language_combo
    combo.setCurrentIndex(combo.findData(Language.UKRAINIAN.value))
    assert window.language is Language.ENGLISH
    assert combo.currentData() == Language.ENGLISH.value
    assert "missing" in window.statusBar().currentMessage()
