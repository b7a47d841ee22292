"""Audit: the tamper-evident log of what was done with this tool."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from privacy_desktop.gui.views.base_view import SectionedTextView


class AuditView(SectionedTextView):
    """What the audit log will record and how it can be verified."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(section_count=3, parent=parent)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.set_texts(
            self.tr("Audit"),
            self.tr(
                "This view will show the audit log: every connection added or removed, every "
                "scan, search and export, every grant revoked \u2014 who did it, when, and on "
                "which portal. Personal data itself is never written to the log."
            ),
            [
                (
                    self.tr("Tamper-evident"),
                    self.tr(
                        "Each entry carries a hash of the one before it, so removing or changing "
                        "an entry breaks the chain. The log can be verified from here or from "
                        "the command line."
                    ),
                ),
                (
                    self.tr("Accountability"),
                    self.tr(
                        "The Law of Ukraine No. 2297-VI \u201cOn Personal Data\u201d expects the "
                        "owner to be able to show how personal data was handled; section 6 of "
                        "the Bitrix24 privacy terms describes the protection measures on the "
                        "provider's side. The audit log is the record for your side."
                    ),
                ),
                (
                    self.tr("Where it is kept"),
                    self.tr(
                        "The log stays on this computer beside the encrypted inventory and can be "
                        "included in an export for an inspection."
                    ),
                ),
            ],
        )
