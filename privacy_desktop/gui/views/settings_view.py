"""Settings: the language, the portal manager, security and the keyring in use."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.gui.i18n import Language
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.views.base_view import (
    RetranslatingView,
    heading_label,
    show_scrollable,
    text_label,
)
from privacy_desktop.gui.views.portals_view import PortalsView
from privacy_desktop.gui.views.security_settings import SecuritySettings
from privacy_desktop.gui.workers.runner import TaskRunner
from privacy_desktop.services.security import SecurityService

#: Each language is offered under its own name, so it can be found whatever is shown now.
LANGUAGE_NAMES = {Language.UKRAINIAN: "Українська", Language.ENGLISH: "English"}


class SettingsView(RetranslatingView):
    """The settings page.

    Args:
        directory: the shared portal directory (for the portal manager).
        language: the language in use.
        security: the security service (for the Security section).
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        languageChosen(str): the person picked a language (a ``Language`` value).
    """

    languageChosen = Signal(str)

    def __init__(
        self,
        directory: PortalDirectory,
        language: Language,
        security: SecurityService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = heading_label(1)
        self.language_box = QGroupBox()
        self.language_combo = QComboBox()
        for value, native in LANGUAGE_NAMES.items():
            self.language_combo.addItem(native, value.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language.value))
        self.language_combo.currentIndexChanged.connect(self._on_language_index)
        self._language_label = QLabel()
        self._language_label.setBuddy(self.language_combo)
        language_form = QFormLayout(self.language_box)
        language_form.addRow(self._language_label, self.language_combo)

        self.portals_box = QGroupBox()
        self.portals = PortalsView(directory)
        QVBoxLayout(self.portals_box).addWidget(self.portals)

        self.security_box = QGroupBox()
        self.security = SecuritySettings(security, runner)
        QVBoxLayout(self.security_box).addWidget(self.security)

        self.keyring_box = QGroupBox()
        self.keyring_text = text_label()
        self.keyring_backend = text_label()
        keyring_layout = QVBoxLayout(self.keyring_box)
        keyring_layout.addWidget(self.keyring_text)
        keyring_layout.addWidget(self.keyring_backend)
        self._backend_name: str | None = None

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.language_box)
        layout.addWidget(self.portals_box, 1)
        layout.addWidget(self.security_box)
        layout.addWidget(self.keyring_box)
        show_scrollable(self, page)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self._language_label.setText(self.tr("&Interface language:"))
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        self.portals_box.setTitle(self.tr("Portals"))
        self.security_box.setTitle(self.tr("Security"))
        self.keyring_box.setTitle(self.tr("Keyring"))
        self.keyring_text.setText(
            self.tr(
                "Webhook secrets, OAuth tokens and client secrets are kept only in the "
                "operating system's keyring, never in a file of this application."
            )
        )
        self._show_backend()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.security.refresh()

    def set_keyring_backend(self, name: str) -> None:
        """Show the keyring backend in use (looked up on the vault pool by the window)."""
        self._backend_name = name
        self._show_backend()

    def set_language(self, language: Language) -> None:
        """Show ``language`` as selected without asking to switch again."""
        index = self.language_combo.findData(language.value)
        if index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)

    def _show_backend(self) -> None:
        if self._backend_name is None:
            self.keyring_backend.setText(self.tr("Keyring in use: looking it up\u2026"))
        else:
            self.keyring_backend.setText(
                self.tr("Keyring in use: %1").replace("%1", self._backend_name)
            )

    def _on_language_index(self, index: int) -> None:
        value = self.language_combo.itemData(index)
        if isinstance(value, str):
            self.languageChosen.emit(value)
