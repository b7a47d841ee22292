"""Personal data: the inventory of what the portal holds, by the privacy terms' categories."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_desktop.gui.views.base_view import SectionedTextView


class PersonalDataView(SectionedTextView):
    """What the inventory scan will show, category by category (terms 1.1–1.4)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(section_count=5, parent=parent)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.set_texts(
            self.tr("Personal data"),
            self.tr(
                "This view will hold the inventory of personal data stored in the active "
                "portal: which records and fields carry names, e-mail addresses, phone "
                "numbers, taxpayer numbers (RNOKPP), IBANs, birth dates and addresses, how many "
                "of each there are and where they sit. The inventory is built by a read-only, "
                "rate-limited scan that can be paused and resumed; its results stay in an "
                "encrypted database on this computer."
            ),
            [
                (
                    self.tr("1.1 Information people provide themselves"),
                    self.tr(
                        "Registration and profile data of portal users (name, e-mail, phone, "
                        "position, department) and what people entered in web forms, "
                        "following section 1.1 of the Bitrix24 privacy terms."
                    ),
                ),
                (
                    self.tr("1.2 Information collected automatically"),
                    self.tr(
                        "Activity records: calls, e-mails, messages and meetings logged against "
                        "CRM records, and the traces they keep of communication (section 1.2)."
                    ),
                ),
                (
                    self.tr("1.3 User data"),
                    self.tr(
                        "Everything uploaded to the portal: CRM contacts, leads, companies and "
                        "deals with their standard and custom fields (section 1.3). This is "
                        "usually where most personal data of customers sits."
                    ),
                ),
                (
                    self.tr("1.4 Other information"),
                    self.tr(
                        "Information obtained only for the purposes of section 2 of the terms "
                        "(identification, interaction under contracts, anonymised statistics), "
                        "such as consent records from the user-consent registry."
                    ),
                ),
                (
                    self.tr("Why it matters"),
                    self.tr(
                        "The Law of Ukraine No. 2297-VI \u201cOn Personal Data\u201d requires "
                        "the owner of personal data to know what is processed, for which purpose "
                        "and on which ground, and to keep no more than the purpose needs. The "
                        "inventory is the basis for answering requests of data subjects and for "
                        "removing what is no longer needed."
                    ),
                ),
            ],
        )
