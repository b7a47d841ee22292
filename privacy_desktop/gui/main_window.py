"""The main window: navigation, the views, the portal selector, menus and the status bar.

While the session is locked, a :class:`WindowLocker` keeps the content behind the unlock
screen (issue 3); the window opens locked when the security service says so.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from privacy_desktop import APP_NAME
from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.gui.dialogs.about_box import open_about_box
from privacy_desktop.gui.dialogs.add_portal_dialog import AddPortalDialog
from privacy_desktop.gui.dialogs.prompt_dialog import open_prompt
from privacy_desktop.gui.i18n import CatalogueMissing, Language, install_translators
from privacy_desktop.gui.inventory_access import InventoryAccess
from privacy_desktop.gui.navigation import VIEW_ORDER, ViewKey, parse_view_key, view_icon
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.portal_texts import describe, state_text
from privacy_desktop.gui.scan_controller import ScanController
from privacy_desktop.gui.views.audit_view import AuditView
from privacy_desktop.gui.views.dashboard_view import DashboardView
from privacy_desktop.gui.views.exports_view import ExportsView
from privacy_desktop.gui.views.grants_view import GrantsView
from privacy_desktop.gui.views.people_view import PeopleView
from privacy_desktop.gui.views.personal_data_view import PersonalDataView
from privacy_desktop.gui.views.settings_view import SettingsView
from privacy_desktop.gui.window_locker import WindowLocker
from privacy_desktop.gui.workers.prompts import PromptRequest
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.services.context import AppContext
from privacy_desktop.settings import Settings

#: Window geometry is Qt's own binary blob, so it lives in a Qt ini file beside settings.json.
WINDOW_STATE_FILE = "window.ini"

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The application's main window.

    Args:
        context: the application context (settings, vault, services).
        runner: the task runner every blocking call goes through.
        language: the language installed at start-up.
        initial: the settings read at start-up (read again when omitted).
        lock_check_interval_ms: how often the idle lock is checked (None: the default).

    Signals:
        windowClosed(): the window was closed (the application then ends).
    """

    windowClosed = Signal()

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        *,
        language: Language = Language.UKRAINIAN,
        initial: Settings | None = None,
        lock_check_interval_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.runner = runner
        self.language = language
        self.keyring_backend: str | None = None
        self._about: QMessageBox | None = None
        self.add_portal_dialog: AddPortalDialog | None = None
        self.prompt_dialog: QDialog | None = None
        settings = initial if initial is not None else context.settings.load()
        self.directory = PortalDirectory(context.portals, context.settings, runner, self)

        # The inventory (issue 4): reads on the runner, one scan at a time for every view.
        self.inventory = InventoryAccess(context.inventory, runner)
        self.scans = ScanController(context.scanning, runner, self)
        self.dashboard = DashboardView(self.directory, self.inventory, self.scans)
        security = context.security
        self.personal_data = PersonalDataView(self.directory, self.inventory, security, self.scans)
        self.settings_view = SettingsView(self.directory, language, security, runner)
        self.audit_view = AuditView(security, runner, self.directory)
        self.views: dict[ViewKey, QWidget] = {
            ViewKey.DASHBOARD: self.dashboard,
            ViewKey.PERSONAL_DATA: self.personal_data,
            ViewKey.PEOPLE: PeopleView(),
            ViewKey.GRANTS: GrantsView(),
            ViewKey.EXPORTS: ExportsView(),
            ViewKey.AUDIT: self.audit_view,
            ViewKey.SETTINGS: self.settings_view,
        }
        self.navigation = QListWidget()
        self.navigation.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()
        for key in VIEW_ORDER:
            item = QListWidgetItem(view_icon(key), "")
            item.setData(Qt.ItemDataRole.UserRole, key.value)
            self.navigation.addItem(item)
            self.stack.addWidget(self.views[key])
        self.navigation.currentRowChanged.connect(self._on_navigation_row)
        self.navigation.setMinimumWidth(180)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 900])
        self.locker = WindowLocker(
            self,
            splitter,
            security,
            runner,
            self.windowIcon(),
            check_interval_ms=lock_check_interval_ms,
        )

        self.portal_selector = QComboBox()
        self.portal_selector.setMinimumContentsLength(20)
        self.portal_selector.currentIndexChanged.connect(self._on_selector_index)
        self._selector_label = QLabel()
        self._selector_label.setBuddy(self.portal_selector)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("portal-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self._selector_label)
        self.toolbar.addWidget(self.portal_selector)
        self.addToolBar(self.toolbar)
        self.portal_status = QLabel()
        self.statusBar().addPermanentWidget(self.portal_status, 1)
        self._build_menus()
        self.locker.protect(
            [self.add_portal_action, *self.view_actions.values()],
            [self.toolbar, self.portal_status],
        )
        # The views were hidden, not rebuilt: the audit view reloads what happened meanwhile.
        self.locker.unlocked.connect(self._refresh_audit_if_shown)
        # Locking drops the records read from the store, revealed values with them.
        self.locker.lockShown.connect(self.personal_data.panel.forget_records)
        self.locker.unlocked.connect(self.personal_data.panel.reload_records)

        self.dashboard.addPortalRequested.connect(self.open_add_portal_dialog)
        self.dashboard.managePortalsRequested.connect(self.show_portal_manager)
        self.settings_view.portals.addPortalRequested.connect(self.open_add_portal_dialog)
        self.settings_view.languageChosen.connect(self.switch_language)
        self.settings_view.security.changed.connect(self._refresh_audit_if_shown)
        self.directory.portalsChanged.connect(self._fill_selector)
        self.directory.activeChanged.connect(self._on_active_changed)
        self.directory.checkChanged.connect(self._update_status)
        runner.prompts.requested.connect(self._show_prompt)

        self._window_state = QSettings(
            str(context.paths.config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat
        )
        geometry = self._window_state.value("geometry", QByteArray())
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        self.show_view(parse_view_key(settings.last_view))
        self.retranslateUi()
        self.directory.refresh()
        self.runner.submit(
            lambda _context: context.vault.backend_name,
            pool=Pool.VAULT,
            on_done=self._on_backend_name,
            name="vault.backend_name",
        )

    # ------------------------------------------------------------------ menus and texts

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.add_portal_action = QAction(self)
        self.add_portal_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_portal_action.triggered.connect(self.open_add_portal_dialog)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.add_portal_action)
        self.file_menu.addAction(self.locker.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
        self.view_actions: dict[ViewKey, QAction] = {}
        group = QActionGroup(self)
        for number, key in enumerate(VIEW_ORDER, start=1):
            action = QAction(view_icon(key), "", self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_view(k))
            group.addAction(action)
            self.view_menu.addAction(action)
            self.view_actions[key] = action

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def view_title(self, key: ViewKey) -> str:
        """The translated name of a view (navigation entry and View menu)."""
        titles = {
            ViewKey.DASHBOARD: self.tr("Dashboard"),
            ViewKey.PERSONAL_DATA: self.tr("Personal data"),
            ViewKey.PEOPLE: self.tr("People"),
            ViewKey.GRANTS: self.tr("Access grants"),
            ViewKey.EXPORTS: self.tr("Exports"),
            ViewKey.AUDIT: self.tr("Audit"),
            ViewKey.SETTINGS: self.tr("Settings"),
        }
        return titles[key]

    def retranslateUi(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.add_portal_action.setText(self.tr("&Add portal\u2026"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Privacy Desktop"))
        self.locker.retranslateUi()
        for row, key in enumerate(VIEW_ORDER):
            title = self.view_title(key)
            self.view_actions[key].setText(title)
            item = self.navigation.item(row)
            if item is not None:
                item.setText(title)
        self.navigation.setAccessibleName(self.tr("Views"))
        self.toolbar.setWindowTitle(self.tr("Portal"))
        self._selector_label.setText(self.tr("&Portal:") + " ")
        self.portal_selector.setAccessibleName(self.tr("Active portal"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ views

    def current_view(self) -> ViewKey:
        return VIEW_ORDER[max(0, self.stack.currentIndex())]

    def show_view(self, key: ViewKey) -> None:
        row = VIEW_ORDER.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        self.stack.setCurrentIndex(row)
        self.view_actions[key].setChecked(True)

    def show_portal_manager(self) -> None:
        self.show_view(ViewKey.SETTINGS)
        self.settings_view.portals.table.setFocus()

    def _refresh_audit_if_shown(self) -> None:
        if self.audit_view.isVisible():
            self.audit_view.refresh()

    def _on_navigation_row(self, row: int) -> None:
        if 0 <= row < len(VIEW_ORDER):
            self.show_view(VIEW_ORDER[row])

    # ------------------------------------------------------------------ portals

    def open_add_portal_dialog(self) -> AddPortalDialog:
        """Open the add-portal dialog (non-blocking) and return it."""
        if self.add_portal_dialog is not None and self.add_portal_dialog.isVisible():
            self.add_portal_dialog.raise_()
            return self.add_portal_dialog
        dialog = AddPortalDialog(self.directory, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_add_portal_dialog)
        self.add_portal_dialog = dialog
        dialog.open()
        return dialog

    def _forget_add_portal_dialog(self) -> None:
        self.add_portal_dialog = None

    def _fill_selector(self) -> None:
        self.portal_selector.blockSignals(True)
        self.portal_selector.clear()
        for profile in self.directory.portals():
            self.portal_selector.addItem(profile.name, profile.name)
            self.portal_selector.setItemData(
                self.portal_selector.count() - 1, describe(profile), Qt.ItemDataRole.ToolTipRole
            )
        active = self.directory.active()
        self.portal_selector.setCurrentIndex(
            self.portal_selector.findData(active) if active is not None else -1
        )
        self.portal_selector.setEnabled(self.portal_selector.count() > 0)
        self.portal_selector.blockSignals(False)
        self._update_status()

    def _on_selector_index(self, index: int) -> None:
        name = self.portal_selector.itemData(index)
        if isinstance(name, str):
            self.directory.set_active(name)

    def _on_active_changed(self, name: str) -> None:
        index = self.portal_selector.findData(name) if name else -1
        if index != self.portal_selector.currentIndex():
            self.portal_selector.blockSignals(True)
            self.portal_selector.setCurrentIndex(index)
            self.portal_selector.blockSignals(False)
        self._update_status()

    def _update_status(self, *_args: object) -> None:
        active = self.directory.active()
        if active is None:
            text = (
                self.tr("No portal connected")
                if self.directory.loaded()
                else self.tr("Loading portals\u2026")
            )
        else:
            text = (
                self.tr("%1: %2")
                .replace("%1", active)
                .replace("%2", state_text(self.directory.outcome(active)))
            )
        self.portal_status.setText(text)

    def _show_prompt(self, request: object) -> None:
        if isinstance(request, PromptRequest):
            self.prompt_dialog = open_prompt(request, self)

    def show_notice(self, text: str, timeout_ms: int = 0) -> None:
        """A passing message in the status bar (start-up of the demo portal, errors)."""
        self.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------------ language, about

    def switch_language(self, value: str) -> None:
        """Install ``value``'s catalogue; every view retranslates itself on LanguageChange."""
        language = Language(value)
        app = QCoreApplication.instance()
        if app is None or language is self.language:
            return
        try:
            install_translators(app, language)
        except CatalogueMissing:
            log.error("The %s catalogue is missing from this installation", language.value)
            self.settings_view.set_language(self.language)
            self.show_notice(self.tr("This language is missing from the installation."))
            return
        self.language = language
        self.settings_view.set_language(language)
        store = self.context.settings
        self.runner.submit(
            lambda _context: store.update(lambda s: replace(s, language=language.value)),
            pool=Pool.INTERACTIVE,
            on_error=lambda text: self.show_notice(text),
            name="settings.language",
            cancellable=False,
        )

    def _on_backend_name(self, name: Any) -> None:
        self.keyring_backend = str(name)
        self.settings_view.set_keyring_backend(self.keyring_backend)

    def show_about(self) -> QMessageBox:
        """The About box (non-blocking): version, application id, keyring backend."""
        self._about = open_about_box(self, self.keyring_backend)
        return self._about

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.locker.stop()
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.sync()
        view = self.current_view().value
        try:
            # One small JSON file, written once at close: cheap enough for the GUI thread.
            self.context.settings.update(lambda s: replace(s, last_view=view))
        except PrivacyDesktopError as error:
            # Closing must not fail over a preference; the reason goes to the (redacted) log.
            log.warning("The last view could not be remembered: %s", error)
        super().closeEvent(event)
        if event.isAccepted():
            self.windowClosed.emit()
