"""A QR code shown as a crisp pixmap (the two-step verification enrolment shows one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class QrCodeWidget(QLabel):
    """Shows a PNG QR code at its own size (scaling would blur the modules).

    A PNG from ``Enrollment.qr_png()`` is a few hundred bytes, so decoding it on the GUI thread
    costs nothing worth a worker.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Quiet zone: a white frame even on a dark palette, or scanners miss the code.
        self.setStyleSheet("background: white; padding: 8px;")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by screen-reader users
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setAccessibleName(self.tr("QR code for the authenticator app"))
        self.setAccessibleDescription(
            self.tr("Scan it with the authenticator app, or type the key shown beside it instead.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_png(self, png: bytes) -> bool:
        """Show ``png``; returns False (and shows nothing) when it cannot be decoded."""
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.clear()
            return False
        self.setPixmap(pixmap)
        self.adjustSize()
        return True

    def has_code(self) -> bool:
        return not self.pixmap().isNull()

    def clear_code(self) -> None:
        """Forget the picture (it encodes the secret; not kept once the wizard is done)."""
        self.clear()
