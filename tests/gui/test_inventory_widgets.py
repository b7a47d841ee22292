"""The inventory's widgets on their own: masks, the bar chart, the progress panel."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.personal_data import PiiKind
from privacy_desktop.domain.progress import Progress
from privacy_desktop.gui.masking import mask_value
from privacy_desktop.gui.scan_controller import ThrottledSink
from privacy_desktop.gui.widgets.bar_chart_widget import Bar, BarChartWidget
from privacy_desktop.gui.widgets.progress_panel import ProgressPanel


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        (PiiKind.PERSON_NAME, "Олена", "О***а"),
        (PiiKind.PERSON_NAME, "Олена Петренко", "О***а П***о"),
        (PiiKind.PERSON_NAME, "Ян", "Я***"),
        (PiiKind.PHONE, "+380671234567", "+38067*****67"),
        (PiiKind.PHONE, "+38 (067) 123-45-67", "+38 (067) ***-**-67"),
        (PiiKind.EMAIL, "ivan.petrenko@example.com", "i***@\u2026"),
        (PiiKind.IBAN, "UA213223130000026007233566001", "UA***6001"),
        (PiiKind.BANK_CARD, "4111 1111 1111 1111", "***1111"),
        (PiiKind.RNOKPP, "3012345678", "***5678"),
        (PiiKind.PASSPORT, "АБ123456", "АБ***56"),
        (PiiKind.POSTAL_ADDRESS, "вул. Хрещатик, 1, Київ", "в***"),
        (PiiKind.BIRTHDAY, "1990-05-17", "1***"),
        (PiiKind.EMAIL, "", ""),
    ],
)
def test_values_are_masked(kind: PiiKind, value: str, masked: str) -> None:
    assert mask_value(value, kind) == masked


def test_masks_hide_every_digit_but_the_kept_ones() -> None:
    phone = mask_value("+380671234567", PiiKind.PHONE)
    assert "12345" not in phone
    assert "1234" not in mask_value("3012345678", PiiKind.RNOKPP)


def chart(qtbot: QtBot, bars: list[Bar]) -> BarChartWidget:
    widget = BarChartWidget()
    qtbot.addWidget(widget)
    widget.set_bars(bars)
    widget.resize(500, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# Showing a tooltip raises its window, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_chart_has_a_text_alternative_and_a_tooltip_per_bar(qtbot: QtBot, english: None) -> None:
    widget = chart(qtbot, [Bar("Contacts", 1200), Bar("Leads", 30, "Leads: thirty")])
    lines = widget.accessibleDescription().splitlines()
    assert lines[0].startswith("Contacts: 1")
    assert lines[0].replace(",", "").replace("\u00a0", "").endswith("1200")
    assert lines[1] == "Leads: 30"
    assert widget.bar_tooltip(0).startswith("Contacts: ")
    assert widget.bar_tooltip(1) == "Leads: thirty"
    # Hovering the second row shows that bar's tooltip.
    second = widget.bar_rect(1).center()
    assert widget.bar_at(second) == 1
    assert widget.bar_at(QPoint(widget.width() // 2, widget.height() + 50)) is None
    event = QHelpEvent(QEvent.Type.ToolTip, second, widget.mapToGlobal(second))
    QApplication.sendEvent(widget, event)
    assert QToolTip.text() == "Leads: thirty"
    QToolTip.hideText()


def test_chart_paints_longer_bars_for_larger_values(qtbot: QtBot) -> None:
    widget = chart(qtbot, [Bar("A", 100), Bar("B", 10), Bar("C", 0)])
    image = widget.grab().toImage()
    highlight = widget.palette().highlight().color().rgb()

    def painted_length(index: int) -> int:
        y = widget.bar_rect(index).center().y()
        return sum(1 for x in range(image.width()) if image.pixel(x, y) == highlight)

    first, second, third = painted_length(0), painted_length(1), painted_length(2)
    assert first > second * 5
    assert second > 0
    assert third == 0


def test_empty_chart_says_so(qtbot: QtBot) -> None:
    widget = chart(qtbot, [])
    widget.set_empty_text("No data yet")
    assert widget.text_alternative() == "No data yet"
    assert widget.accessibleDescription() == "No data yet"
    assert isinstance(widget.grab().toImage(), QImage)


def test_chart_copies_its_text(qtbot: QtBot) -> None:
    widget = chart(qtbot, [Bar("Deals", 7)])
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Deals: 7"


STAGE = UserMessage("Scan", QT_TRANSLATE_NOOP("Scan", "Reading contacts"))


def test_progress_panel_shows_counts_rate_eta_and_cancels(qtbot: QtBot, english: None) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    assert not panel.isVisible()
    panel.start("Scanning Demo")
    panel.show()
    assert panel.bar.maximum() == 0  # busy until the first report
    panel.show_progress(Progress(STAGE, done=250, total=1000, rate=120.4, eta_s=125))
    assert panel.stage.text() == "Reading contacts"
    assert panel.bar.maximum() == 1000
    assert panel.bar.value() == 250
    assert panel.counts.text() == "250 of 1,000"
    assert panel.rate.text() == "120 per second"
    assert panel.eta.text() == "2 min 5 s left"
    panel.show_progress(Progress(STAGE, done=5, total=None))
    assert panel.bar.maximum() == 0
    assert panel.rate.text() == ""
    assert panel.eta.text() == ""
    with qtbot.waitSignal(panel.cancelRequested):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.cancel_button.isEnabled()
    assert panel.stage.text() == "Cancelling\u2026"
    panel.finish()
    assert not panel.isVisible()


def test_progress_panel_scales_totals_beyond_a_c_int(qtbot: QtBot, english: None) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.start("x")
    panel.show_progress(Progress(STAGE, done=3_000_000_000, total=6_000_000_000))
    assert 0 < panel.bar.maximum() <= 2**31 - 1
    assert panel.bar.value() * 2 == pytest.approx(panel.bar.maximum(), rel=1e-6)
    assert panel.duration_text(3725) == "1 h 2 min"
    assert panel.duration_text(42) == "42 s"


def test_throttled_sink_passes_the_first_report_and_drops_bursts() -> None:
    received: list[Progress] = []
    sink = ThrottledSink(received.append, interval_s=3600.0)
    for done in range(100):
        sink(Progress(STAGE, done=done))
    assert [p.done for p in received] == [0]
    other = UserMessage("Scan", QT_TRANSLATE_NOOP("Scan", "Reading leads"))
    sink(Progress(other, done=0))  # a new stage passes at once
    sink(Progress(other, done=1))
    assert [(p.stage, p.done) for p in received] == [(STAGE, 0), (other, 0)]
    received.clear()
    unthrottled = ThrottledSink(received.append, interval_s=0.0)
    unthrottled(Progress(STAGE, done=1))
    unthrottled(Progress(STAGE, done=2))
    assert [p.done for p in received] == [1, 2]
