"""Exports: signed, encrypted bundles of one person's or one category's data."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_desktop.gui.views.base_view import SectionedTextView


class ExportsView(SectionedTextView):
    """What the export feature will produce and how it protects the data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(section_count=3, parent=parent)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.set_texts(
            self.tr("Exports"),
            self.tr(
                "This view will keep the bundles you create: all data about one person, to "
                "answer an access request, or one category of data, for a review or an "
                "inspection. It will list each bundle with its date, scope and recipients, and "
                "verify bundles received from others."
            ),
            [
                (
                    self.tr("What a bundle holds"),
                    self.tr(
                        "The records in JSON and CSV, a readable report in Ukrainian as PDF, and "
                        "a manifest naming every file with its checksum."
                    ),
                ),
                (
                    self.tr("How it is protected"),
                    self.tr(
                        "Bundles are encrypted to the public keys of their recipients and signed, "
                        "so only the recipients can open them and anyone can check that nothing "
                        "was changed. Plain copies of personal data are never left on disk."
                    ),
                ),
                (
                    self.tr("Why"),
                    self.tr(
                        "A person who asks what is held about them under the Law of Ukraine "
                        "No. 2297-VI \u201cOn Personal Data\u201d is entitled to receive it; a "
                        "bundle gives a complete and checkable answer without e-mailing "
                        "spreadsheets."
                    ),
                ),
            ],
        )
