"""A long operation's progress: what it is doing, how far, how fast, how long still, Cancel."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from privacy_desktop.domain.progress import Progress
from privacy_desktop.gui.i18n import render

#: QProgressBar counts in a C int; larger totals are shown scaled.
_BAR_LIMIT = 2**31 - 1


class ProgressPanel(QWidget):
    """Shows :class:`Progress` reports and offers Cancel; hidden while nothing runs.

    Args:
        parent: the Qt parent.

    Signals:
        cancelRequested(): the person pressed Cancel.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.counts = QLabel()
        self.rate = QLabel()
        self.eta = QLabel()
        for label in (self.counts, self.rate, self.eta):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel)
        self._last: Progress | None = None
        self._cancelling = False

        figures = QHBoxLayout()
        figures.addWidget(self.counts)
        figures.addWidget(self.rate)
        figures.addWidget(self.eta)
        figures.addStretch(1)
        figures.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addLayout(figures)
        self.setVisible(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.bar.setAccessibleName(self.tr("Progress"))
        if self._cancelling:
            self.stage.setText(self.tr("Cancelling\u2026"))
        elif self._last is not None:
            self.show_progress(self._last)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ driving

    def start(self, stage: str) -> None:
        """Show the panel for a new operation; the bar is busy until the first report."""
        self._last = None
        self._cancelling = False
        self.stage.setText(stage)
        self.bar.setRange(0, 0)
        self.counts.clear()
        self.rate.clear()
        self.eta.clear()
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def show_progress(self, progress: Progress) -> None:
        """Show one report: stage, bar, "done of total", rate and time left."""
        self._last = progress
        locale = QLocale()
        if not self._cancelling:
            self.stage.setText(render(progress.stage))
        if progress.total is not None and progress.total > 0:
            scale = max(1, math.ceil(progress.total / _BAR_LIMIT))
            self.bar.setRange(0, progress.total // scale)
            self.bar.setValue(min(progress.done, progress.total) // scale)
            self.counts.setText(
                self.tr("%1 of %2")
                .replace("%1", locale.toString(progress.done))
                .replace("%2", locale.toString(progress.total))
            )
        else:
            self.bar.setRange(0, 0)
            self.counts.setText(locale.toString(progress.done))
        if progress.rate is not None and progress.rate > 0:
            self.rate.setText(
                self.tr("%1 per second").replace("%1", locale.toString(round(progress.rate)))
            )
        else:
            self.rate.clear()
        if progress.eta_s is not None and progress.eta_s >= 0:
            self.eta.setText(self.tr("%1 left").replace("%1", self.duration_text(progress.eta_s)))
        else:
            self.eta.clear()

    def set_cancelling(self) -> None:
        """Cancel was asked: say so until the operation stops at its next checkpoint."""
        self._cancelling = True
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling\u2026"))

    def finish(self) -> None:
        """The operation ended (whichever way): hide the panel."""
        self._last = None
        self._cancelling = False
        self.setVisible(False)

    def duration_text(self, seconds: float) -> str:
        """``3725`` → "1 h 2 min"; ``125`` → "2 min 5 s"; ``42`` → "42 s"."""
        total = max(0, round(seconds))
        hours, rest = divmod(total, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
        if minutes:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
        return self.tr("%1 s").replace("%1", str(secs))

    def _on_cancel(self) -> None:
        self.set_cancelling()
        self.cancelRequested.emit()
