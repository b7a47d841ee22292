"""A horizontal bar chart painted with QPainter, readable without seeing it.

QtCharts would add PySide6-Addons to every frozen build for two simple charts; painting them
is a few dozen lines. Each bar has a tooltip, and the whole chart has a text alternative
(its accessible description: one "label: value" line per bar) for screen readers and for
copying with Ctrl+C.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

#: Gaps around and between the parts of a row, in pixels.
_MARGIN = 6
_GAP = 8


@dataclass(frozen=True)
class Bar:
    """One bar.

    Attributes:
        label: the translated name shown left of the bar.
        value: its length (a count, not negative).
        tooltip: the text shown when hovering the bar ("label: value" when empty).
    """

    label: str
    value: int
    tooltip: str = ""


class BarChartWidget(QWidget):
    """Horizontal bars, one row each, longest value spanning the available width.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Focusable so that keyboard users reach it (and its text alternative) with Tab.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    # ------------------------------------------------------------------ content

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show ``bars`` (in the given order) and update the text alternative."""
        self._bars = tuple(bars)
        self.setAccessibleDescription(self.text_alternative())
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_empty_text(self, text: str) -> None:
        """What the chart says when it has no bars (translated by the caller)."""
        self._empty_text = text
        if not self._bars:
            self.setAccessibleDescription(text)
        self.update()

    def bar_tooltip(self, index: int) -> str:
        """The tooltip of bar ``index``."""
        bar = self._bars[index]
        return bar.tooltip or f"{bar.label}: {QLocale().toString(bar.value)}"

    def text_alternative(self) -> str:
        """The chart as text: one "label: value" line per bar."""
        if not self._bars:
            return self._empty_text
        locale = QLocale()
        return "\n".join(f"{bar.label}: {locale.toString(bar.value)}" for bar in self._bars)

    # ------------------------------------------------------------------ geometry

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._bars))
        return QSize(420, 2 * _MARGIN + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0)
        # Labels get at most 40 % of the width; longer ones are elided (the tooltip has all).
        return min(widest, int(self.width() * 0.4))

    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        locale = QLocale()
        return max(
            (metrics.horizontalAdvance(locale.toString(bar.value)) for bar in self._bars),
            default=0,
        )

    def bar_rect(self, index: int) -> QRect:
        """Where bar ``index`` is painted (its full row for hit-testing: label to value)."""
        top = _MARGIN + index * self._row_height()
        return QRect(_MARGIN, top, self.width() - 2 * _MARGIN, self._row_height())

    def bar_at(self, pos: QPoint) -> int | None:
        """The index of the bar under ``pos``, if any."""
        for index in range(len(self._bars)):
            if self.bar_rect(index).contains(pos):
                return index
        return None

    # ------------------------------------------------------------------ painting and events

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        try:
            palette = self.palette()
            if not self._bars:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self._empty_text)
                return
            locale = QLocale()
            metrics = self.fontMetrics()
            label_width = self._label_width()
            value_width = self._value_width()
            bar_left = _MARGIN + label_width + _GAP
            bar_space = max(1, self.width() - bar_left - _GAP - value_width - _MARGIN)
            largest = max(bar.value for bar in self._bars) or 1
            row_height = self._row_height()
            for index, bar in enumerate(self._bars):
                top = _MARGIN + index * row_height
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
                painter.drawText(
                    QRect(_MARGIN, top, label_width, row_height),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                    label,
                )
                length = round(bar_space * max(0, bar.value) / largest)
                if bar.value > 0:
                    length = max(2, length)  # a non-zero count never looks like nothing
                painter.fillRect(
                    QRect(bar_left, top + 3, length, row_height - 6),
                    palette.color(QPalette.ColorRole.Highlight),
                )
                painter.drawText(
                    QRect(bar_left + length + _GAP, top, value_width + _GAP, row_height),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    locale.toString(bar.value),
                )
            if self.hasFocus():
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        finally:
            painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(
                    event.globalPos(), self.bar_tooltip(index), self, self.bar_rect(index)
                )
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.text_alternative())
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
