"""Add a portal: an inbound webhook or an OAuth application, tested before anything is stored.

"Test and save" runs ``PortalService.add_webhook``/``add_oauth`` on the vault pool: the service
checks the connection first and stores the secret and the profile only if it works, so a
failure leaves nothing behind and the dialog keeps the input for a correction.
"""

from __future__ import annotations

import secrets
from typing import Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.domain.portals import ConnectionInfo, Plan
from privacy_desktop.gui.portal_directory import PortalDirectory
from privacy_desktop.gui.portal_texts import plan_text
from privacy_desktop.gui.views.base_view import ERROR_STYLE, text_label
from privacy_desktop.gui.widgets.secret_line_edit import (
    SecretLineEdit,
    mask_everything,
    mask_webhook_secret,
)
from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext

#: Plans offered when adding a portal; custom limits are set from the command line.
OFFERED_PLANS = (Plan.STANDARD, Plan.ENTERPRISE, Plan.UNLIMITED)

WEBHOOK_TAB, OAUTH_TAB = 0, 1


def _plan_combo() -> QComboBox:
    combo = QComboBox()
    for plan in OFFERED_PLANS:
        combo.addItem(plan_text(plan), plan)
    return combo


class AddPortalDialog(QDialog):
    """The add-portal dialog (open it with ``open()``; it never blocks).

    Args:
        directory: the portal directory (its service does the work; it is refreshed after).
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        portalAdded(str): the portal was tested and stored under this name.
        testFailed(str): the test failed; the translated reason (also shown in the dialog).
    """

    portalAdded = Signal(str)
    testFailed = Signal(str)

    def __init__(
        self, directory: PortalDirectory, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._runner = runner
        self._handle: TaskHandle | None = None
        self._pending_name = ""
        self._oauth_state = secrets.token_urlsafe(16)

        self.tabs = QTabWidget()
        self.webhook_name = QLineEdit()
        self.webhook_url = SecretLineEdit(mask_webhook_secret)
        self.webhook_url.setPlaceholderText("https://example.bitrix24.ua/rest/1/\u2026/")
        self.webhook_plan = _plan_combo()
        self.webhook_hint = text_label()
        self._webhook_form = QFormLayout()
        self._webhook_form.addRow(QLabel(), self.webhook_name)
        self._webhook_form.addRow(QLabel(), self.webhook_url)
        self._webhook_form.addRow(QLabel(), self.webhook_plan)
        webhook_page = QWidget()
        webhook_layout = QVBoxLayout(webhook_page)
        webhook_layout.addLayout(self._webhook_form)
        webhook_layout.addWidget(self.webhook_hint)
        webhook_layout.addStretch(1)

        self.oauth_name = QLineEdit()
        self.oauth_portal_url = QLineEdit()
        self.oauth_portal_url.setPlaceholderText("https://example.bitrix24.ua")
        self.oauth_client_id = QLineEdit()
        self.oauth_client_secret = SecretLineEdit(mask_everything)
        self.oauth_token_url = QLineEdit()
        self.oauth_token_url.setPlaceholderText("https://oauth.bitrix.info/oauth/token/")
        self.authorize_button = QPushButton()
        self.authorize_button.clicked.connect(self._open_authorize_page)
        self.oauth_code = QLineEdit()
        self.oauth_plan = _plan_combo()
        self.oauth_hint = text_label()
        self._oauth_form = QFormLayout()
        for field in (
            self.oauth_name,
            self.oauth_portal_url,
            self.oauth_client_id,
            self.oauth_client_secret,
            self.oauth_token_url,
            self.authorize_button,
            self.oauth_code,
            self.oauth_plan,
        ):
            self._oauth_form.addRow(QLabel(), field)
        oauth_page = QWidget()
        oauth_layout = QVBoxLayout(oauth_page)
        oauth_layout.addLayout(self._oauth_form)
        oauth_layout.addWidget(self.oauth_hint)
        oauth_layout.addStretch(1)

        self.tabs.addTab(webhook_page, "")
        self.tabs.addTab(oauth_page, "")

        self.replace_box = QCheckBox()

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the check is one request pair
        self.busy.setVisible(False)
        self.message = text_label()
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.test_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.test_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        self.test_button.clicked.connect(self._test_and_save)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.webhook_name, self.webhook_url)
        self.setTabOrder(self.webhook_url, self.webhook_plan)
        self.setMinimumWidth(560)
        self.retranslateUi()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Add a portal"))
        self.tabs.setTabText(WEBHOOK_TAB, self.tr("Inbound webhook"))
        self.tabs.setTabText(OAUTH_TAB, self.tr("OAuth application"))
        name_label = self.tr("&Name:")
        self._set_form_labels(
            self._webhook_form, (name_label, self.tr("Webhook &URL:"), self.tr("&Plan:"))
        )
        self._set_form_labels(
            self._oauth_form,
            (
                name_label,
                self.tr("Portal &address:"),
                self.tr("Client &ID:"),
                self.tr("Client &secret:"),
                self.tr("&Token server (optional):"),
                "",
                self.tr("Authorization &code:"),
                self.tr("&Plan:"),
            ),
        )
        self.webhook_name.setAccessibleName(self.tr("Portal name"))
        self.webhook_url.setAccessibleName(self.tr("Webhook URL"))
        self.webhook_plan.setAccessibleName(self.tr("Portal plan"))
        self.oauth_name.setAccessibleName(self.tr("Portal name"))
        self.oauth_portal_url.setAccessibleName(self.tr("Portal address"))
        self.oauth_client_id.setAccessibleName(self.tr("Client ID"))
        self.oauth_client_secret.setAccessibleName(self.tr("Client secret"))
        self.oauth_token_url.setAccessibleName(self.tr("Token server"))
        self.oauth_code.setAccessibleName(self.tr("Authorization code"))
        self.oauth_plan.setAccessibleName(self.tr("Portal plan"))
        self.webhook_name.setPlaceholderText(self.tr("e.g. Main portal"))
        self.oauth_name.setPlaceholderText(self.tr("e.g. Main portal"))
        self.authorize_button.setText(self.tr("Open the authorization page"))
        self.webhook_hint.setText(
            self.tr(
                "Create the webhook in the portal under Developer resources \u2192 Other \u2192 "
                "Inbound webhook, with the scopes crm, user, department and userconsent, and "
                "paste its URL here. The secret part of the URL is hidden once pasted and is "
                "kept only in the operating system's keyring."
            )
        )
        self.oauth_hint.setText(
            self.tr(
                "Register a local application in the portal, enter its client ID and secret, "
                "open the authorization page, allow access and paste the code the portal "
                "returns. The tokens are kept only in the operating system's keyring."
            )
        )
        self.replace_box.setText(self.tr("&Replace a portal that has the same name"))
        self.test_button.setText(self.tr("&Test and save"))
        for index, plan in enumerate(OFFERED_PLANS):
            self.webhook_plan.setItemText(index, plan_text(plan))
            self.oauth_plan.setItemText(index, plan_text(plan))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    @staticmethod
    def _set_form_labels(form: QFormLayout, captions: tuple[str, ...]) -> None:
        for row, caption in enumerate(captions):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if isinstance(label, QLabel):
                label.setText(caption)
                if field is not None:
                    label.setBuddy(field)

    # ------------------------------------------------------------------ actions

    def _open_authorize_page(self) -> None:
        portal_url = self.oauth_portal_url.text().strip()
        client_id = self.oauth_client_id.text().strip()
        if not portal_url or not client_id:
            self._show_error(self.tr("Enter the portal address and the client ID first."))
            return
        service = self._directory.service
        state = self._oauth_state
        self._runner.submit(
            lambda _context: service.oauth_authorize_url(portal_url, client_id, state),
            pool=Pool.VAULT,
            on_done=self._open_url,
            on_error=self._show_error,
            name="portals.authorize_url",
        )

    def _open_url(self, url: Any) -> None:
        if not QDesktopServices.openUrl(QUrl(str(url))):
            self._show_error(self.tr("No web browser could be opened for the authorization page."))

    def _test_and_save(self) -> None:
        if self._handle is not None:
            return
        service = self._directory.service
        replace = self.replace_box.isChecked()
        if self.tabs.currentIndex() == WEBHOOK_TAB:
            name = self.webhook_name.text().strip()
            url = self.webhook_url.value().strip()
            plan = self._plan(self.webhook_plan)
            if not name or not url:
                self._show_error(self.tr("Enter a name and the webhook URL."))
                return

            def work(_context: TaskContext) -> ConnectionInfo:
                return service.add_webhook(name, url, plan, replace=replace)

        else:
            name = self.oauth_name.text().strip()
            portal_url = self.oauth_portal_url.text().strip()
            client_id = self.oauth_client_id.text().strip()
            client_secret = self.oauth_client_secret.value().strip()
            code = self.oauth_code.text().strip()
            token_url = self.oauth_token_url.text().strip() or None
            plan = self._plan(self.oauth_plan)
            if not all((name, portal_url, client_id, client_secret, code)):
                self._show_error(
                    self.tr(
                        "Enter a name, the portal address, the client ID and secret, and the "
                        "authorization code."
                    )
                )
                return

            def work(_context: TaskContext) -> ConnectionInfo:
                return service.add_oauth(
                    name,
                    portal_url,
                    client_id,
                    client_secret,
                    code,
                    plan,
                    token_url=token_url,
                    replace=replace,
                )

        self._pending_name = name
        self._set_busy(True)
        self.message.setText(self.tr("Testing the connection to %1\u2026").replace("%1", name))
        self.message.setStyleSheet("")
        self.message.setVisible(True)
        self._handle = self._runner.submit(
            work,
            pool=Pool.VAULT,
            on_done=self._on_added,
            on_error=self._on_failed,
            on_cancelled=self._on_cancelled,
            name="portals.add",
        )

    def _on_added(self, info: Any) -> None:
        self._handle = None
        self._set_busy(False)
        assert isinstance(info, ConnectionInfo)
        name = self._pending_name
        scopes = self.tr("%n scope(s)", "", len(info.scopes))
        text = (
            self.tr("Connected as %1. Saved as \u201c%2\u201d.")
            .replace("%1", info.user_name or str(info.user_id))
            .replace("%2", name)
        )
        self.message.setText(f"{text}\n{scopes}: {', '.join(info.scopes)}")
        self.message.setStyleSheet("")
        self.tabs.setEnabled(False)
        self.replace_box.setEnabled(False)
        self.test_button.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setFocus()
        self._directory.record_connection(name, info)
        self._directory.refresh(select=name, check_new=False)
        self.portalAdded.emit(name)

    def _on_failed(self, text: str) -> None:
        self._handle = None
        self._set_busy(False)
        self._show_error(text)
        self.testFailed.emit(text)

    def _on_cancelled(self) -> None:
        self._handle = None
        self._set_busy(False)
        self.message.setText(
            self.tr(
                "Cancelled. If the portal answered in the meantime the connection may have "
                "been saved; the list of portals shows what is stored."
            )
        )
        self._directory.refresh(check_new=False)

    def _cancel_or_close(self) -> None:
        if self._handle is None:
            self.reject()
            return
        # PortalService takes no cancel token: the running request ends (at the latest at
        # its timeout) and its result is then dropped.
        self._handle.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Cancelling\u2026"))

    def reject(self) -> None:
        if self._handle is not None:
            # The dialog goes away now; if the portal was stored meanwhile, the list shows it.
            directory = self._directory
            self._handle.signals.cancelled.connect(lambda: directory.refresh(check_new=False))
            self._handle.cancel()
        super().reject()

    # ------------------------------------------------------------------ helpers

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(True)
        self.busy.setVisible(busy)
        self.tabs.setEnabled(not busy)
        self.replace_box.setEnabled(not busy)
        self.test_button.setEnabled(not busy)

    @staticmethod
    def _plan(combo: QComboBox) -> Plan:
        data = combo.currentData()
        return data if isinstance(data, Plan) else Plan.STANDARD
