"""People: find one person across the portal and answer their requests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_desktop.gui.views.base_view import SectionedTextView


class PeopleView(SectionedTextView):
    """What the person search will offer (data-subject rights, Law 2297-VI)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(section_count=3, parent=parent)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.set_texts(
            self.tr("People"),
            self.tr(
                "This view will find one person \u2014 a data subject \u2014 across the whole "
                "portal: portal users, CRM contacts, leads, companies and deals, matched by "
                "name, e-mail, phone number or taxpayer number. It answers from the local "
                "inventory, so a search never waits for the network or for a running scan."
            ),
            [
                (
                    self.tr("Everything held about a person"),
                    self.tr(
                        "For each match it will list the records, the fields with personal "
                        "data, their category (1.1\u20131.4 of the privacy terms), the sources "
                        "they came from and the applications and webhooks that can reach them."
                    ),
                ),
                (
                    self.tr("Requests under Law 2297-VI"),
                    self.tr(
                        "Article 8 of the Law of Ukraine \u201cOn Personal Data\u201d gives a "
                        "person the right to know where their data is and why it is processed, "
                        "to get access to it, to object to the processing, to demand that it be "
                        "changed or deleted and to withdraw consent. This view prepares the "
                        "answer: what is held, on which ground, and who received it."
                    ),
                ),
                (
                    self.tr("From answer to action"),
                    self.tr(
                        "From a person's page you will be able to export their data as a signed, "
                        "encrypted bundle, and every search and export is written to the audit "
                        "log."
                    ),
                ),
            ],
        )
