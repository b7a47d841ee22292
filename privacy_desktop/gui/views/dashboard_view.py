"""Dashboard: the connected portals with their last check, the inventory of the active one
(last scan, Scan with progress and Cancel, charts, what changed), and what later features add.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desktop.domain.portals import PortalProfile
from privacy_desktop.gui.inventory_access import InventoryAccess
from privacy_desktop.gui.portal_directory import ConnectionState, PortalDirectory
from privacy_desktop.gui.portal_texts import (
    checked_at_text,
    kind_text,
    plan_text,
    scopes_text,
    state_text,
)
from privacy_desktop.gui.scan_controller import ScanController
from privacy_desktop.gui.views.base_view import (
    RetranslatingView,
    heading_label,
    show_scrollable,
    text_label,
)
from privacy_desktop.gui.views.inventory_overview import InventoryOverview


class PortalCard(QGroupBox):
    """One portal on the dashboard: host, kind, plan, scopes, last check, a Check button."""

    def __init__(self, profile: PortalProfile, directory: PortalDirectory) -> None:
        super().__init__(profile.name)
        self.profile = profile
        self._directory = directory
        self.host = text_label()
        self.kind = text_label()
        self.plan = text_label()
        self.scopes = text_label()
        self.state = text_label()
        self.checked_at = text_label()
        self.check_button = QPushButton()
        self.check_button.clicked.connect(lambda: directory.check(profile.name))
        self._form = QFormLayout()
        for field in (self.host, self.kind, self.plan, self.scopes, self.state, self.checked_at):
            self._form.addRow(QLabel(), field)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout.addLayout(buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        captions = (
            self.tr("Host:"),
            self.tr("Connection:"),
            self.tr("Plan:"),
            self.tr("Scopes:"),
            self.tr("State:"),
            self.tr("Last check:"),
        )
        for row, caption in enumerate(captions):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(caption)
        self.check_button.setText(self.tr("Check now"))
        self.check_button.setAccessibleName(
            self.tr("Check the connection to %1").replace("%1", self.profile.name)
        )
        self.host.setText(self.profile.host)
        self.kind.setText(kind_text(self.profile.auth_kind))
        self.plan.setText(plan_text(self.profile.plan))
        self.show_outcome()

    def show_outcome(self) -> None:
        outcome = self._directory.outcome(self.profile.name)
        self.scopes.setText(scopes_text(outcome))
        self.state.setText(state_text(outcome))
        self.checked_at.setText(checked_at_text(outcome))
        self.check_button.setEnabled(outcome.state is not ConnectionState.CHECKING)


class DashboardView(RetranslatingView):
    """The start page.

    Args:
        directory: the shared portal directory.
        inventory: the inventory service on the task runner.
        scans: the scan controller the Scan button drives.
        parent: the Qt parent.

    Signals:
        addPortalRequested(): the person asked to add a portal.
        managePortalsRequested(): the person asked for the portal manager.
    """

    addPortalRequested = Signal()
    managePortalsRequested = Signal()

    def __init__(
        self,
        directory: PortalDirectory,
        inventory: InventoryAccess,
        scans: ScanController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self.cards: dict[str, PortalCard] = {}
        self.title = heading_label(1)
        self.portals_heading = heading_label(2)
        self.empty_text = text_label()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.addPortalRequested)
        self.manage_button = QPushButton()
        self.manage_button.clicked.connect(self.managePortalsRequested)
        self.inventory = InventoryOverview(directory, inventory, scans)
        self.next_heading = heading_label(2)
        self.next_text = text_label()

        self._cards_layout = QVBoxLayout()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.portals_heading)
        layout.addWidget(self.empty_text)
        layout.addLayout(self._cards_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.manage_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(self.inventory)
        layout.addSpacing(12)
        layout.addWidget(self.next_heading)
        layout.addWidget(self.next_text)
        layout.addStretch(1)
        show_scrollable(self, page)

        directory.portalsChanged.connect(self._rebuild_cards)
        directory.checkChanged.connect(self._update_card)
        self._rebuild_cards()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Overview"))
        self.portals_heading.setText(self.tr("Connected portals"))
        self._show_empty_text()
        self.add_button.setText(self.tr("Add portal\u2026"))
        self.manage_button.setText(self.tr("Manage portals\u2026"))
        self.next_heading.setText(self.tr("Coming in the next versions"))
        self.next_text.setText(
            self.tr(
                "Later versions add to this page the access grants with the highest risk, "
                "the requests of data subjects waiting for an answer and recent exports."
            )
        )
        for card in self.cards.values():
            card.retranslateUi()

    def _show_empty_text(self) -> None:
        if not self._directory.loaded():
            self.empty_text.setText(self.tr("Loading the list of portals\u2026"))
        elif not self.cards:
            self.empty_text.setText(
                self.tr(
                    "No portal is connected yet. Add one with an inbound webhook or an OAuth "
                    "application; the secret is kept in the operating system's keyring."
                )
            )
        self.empty_text.setVisible(not self.cards)

    def _rebuild_cards(self) -> None:
        for card in self.cards.values():
            self._cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        for profile in self._directory.portals():
            card = PortalCard(profile, self._directory)
            self.cards[profile.name] = card
            self._cards_layout.addWidget(card)
        self._show_empty_text()

    def _update_card(self, name: str) -> None:
        card = self.cards.get(name)
        if card is not None:
            card.show_outcome()
