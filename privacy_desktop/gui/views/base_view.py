"""What every view shares: retranslation on a language change, and text-only sections.

``tr()`` takes its context from the runtime class (STYLE.md rule 11), so the strings live in
each concrete view's own ``retranslateUi``; this base class holds no user-visible text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

#: Inline error texts: a red readable on light and dark palettes.
ERROR_STYLE = "color: #b3261e;"


class RetranslatingView(QWidget):
    """A view that re-reads its texts whenever the application language changes.

    Subclasses build their widgets in ``__init__``, set every text in
    :meth:`retranslateUi` and call it once at the end of ``__init__``.
    """

    def retranslateUi(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def show_scrollable(view: QWidget, page: QWidget) -> None:
    """Make ``page`` the whole content of ``view``, scrolling when the window is small."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    outer = QVBoxLayout(view)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)


def heading_label(level: int = 1) -> QLabel:
    """A bold label for a view title (level 1) or a section heading (level 2)."""
    label = QLabel()
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.15))
    label.setFont(font)
    label.setWordWrap(True)
    return label


def text_label() -> QLabel:
    """A selectable, word-wrapped paragraph."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SectionedTextView(RetranslatingView):
    """A scrollable page of a title, an introduction and ``section_count`` titled paragraphs.

    The views of features still to come use it to say what they will hold and why; the texts
    themselves come from the subclass's :meth:`retranslateUi` via :meth:`set_texts`.

    Args:
        section_count: how many heading + paragraph pairs the page has.
        parent: the Qt parent.
    """

    def __init__(self, section_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading_label(1)
        self.intro = text_label()
        self.section_titles = [heading_label(2) for _ in range(section_count)]
        self.section_texts = [text_label() for _ in range(section_count)]
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        for title, text in zip(self.section_titles, self.section_texts, strict=True):
            layout.addSpacing(8)
            layout.addWidget(title)
            layout.addWidget(text)
        layout.addStretch(1)
        show_scrollable(self, page)

    def set_texts(self, title: str, intro: str, sections: list[tuple[str, str]]) -> None:
        """Fill the page; ``sections`` must have ``section_count`` (heading, text) pairs."""
        self.title.setText(title)
        self.intro.setText(intro)
        for (heading, text), heading_widget, text_widget in zip(
            sections, self.section_titles, self.section_texts, strict=True
        ):
            heading_widget.setText(heading)
            text_widget.setText(text)
