"""Access grants: which webhooks and applications can reach the portal's personal data."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_desktop.gui.views.base_view import SectionedTextView


class GrantsView(SectionedTextView):
    """What the grant register will show (privacy terms 4.3 and 3.2.x)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(section_count=3, parent=parent)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.set_texts(
            self.tr("Access grants"),
            self.tr(
                "This view will list everything that has been given access to the portal's "
                "data: inbound webhooks, local and Marketplace applications, with the scopes "
                "each holds (crm, user, telephony, im, disk \u2026) and the personal data those "
                "scopes expose."
            ),
            [
                (
                    self.tr("Why grants need watching"),
                    self.tr(
                        "Under section 4.3 of the Bitrix24 privacy terms, installing a "
                        "third-party application or service gives it access to the data in the "
                        "portal, and Bitrix24 bears no responsibility for what that application "
                        "discloses, changes or deletes. The portal's owner answers for it."
                    ),
                ),
                (
                    self.tr("A legal ground for every transfer"),
                    self.tr(
                        "Section 3.2 of the terms lists when personal information may be "
                        "disclosed to third parties: the person's consent (3.2.1), a contract "
                        "(3.2.2), protection of rights (3.2.3), connecting third-party products "
                        "(3.2.4) and justice (3.2.5). Each grant will be recorded with its "
                        "ground, its purpose and a risk rating."
                    ),
                ),
                (
                    self.tr("Verified revocation"),
                    self.tr(
                        "A grant no longer needed can be revoked from here; the tool then checks "
                        "that the webhook or application really lost access and writes the "
                        "result to the audit log. Revoking asks for your second factor."
                    ),
                ),
            ],
        )
