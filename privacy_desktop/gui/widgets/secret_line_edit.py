"""A line edit that shows its secret part as dots once it is entered.

A webhook URL carries its secret in the path (``https://host/rest/1/<secret>/``); an OAuth
client secret is secret as a whole. The widget keeps the real value to itself and displays a
masked copy of the same length, so every edit on the display (typing, pasting, deleting a
selection) maps one to one onto the value. Copying from the field copies the dots, never the
secret. A "show" action reveals the value while the person checks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QStyle, QWidget

MASK_CHAR = "•"

_WEBHOOK_SECRET = re.compile(r"(/rest/\d+/)([^/?#\s]+)")


def mask_webhook_secret(value: str) -> str:
    """Replace the secret path segment of a webhook URL with dots of the same length."""
    return _WEBHOOK_SECRET.sub(lambda m: m.group(1) + MASK_CHAR * len(m.group(2)), value)


def mask_everything(value: str) -> str:
    """Replace every character with a dot (a secret as a whole)."""
    return MASK_CHAR * len(value)


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    return index


def _common_suffix(a: str, b: str, limit: int) -> int:
    index = 0
    while index < limit and a[len(a) - 1 - index] == b[len(b) - 1 - index]:
        index += 1
    return index


def apply_display_edit(
    value: str, old_display: str, new_display: str, cursor: int | None = None
) -> tuple[str, int]:
    """Carry an edit of the masked display over to the real value.

    The mask keeps lengths, so the unchanged head and tail of the display are the unchanged
    head and tail of the value; whatever was typed or pasted in between is taken as it is.
    Among masked characters the text alone cannot tell which one was deleted, so the cursor
    after the edit (where an insertion ends and a deletion happened) decides.

    Args:
        value: the real text before the edit.
        old_display: what the field showed before the edit.
        new_display: what it shows after the edit.
        cursor: the cursor position after the edit, if known.

    Returns:
        The new value and the cursor position just after the inserted text.
    """
    tail_after_cursor = len(new_display) - cursor if cursor is not None else -1
    if 0 <= tail_after_cursor <= len(old_display) and old_display.endswith(
        new_display[len(new_display) - tail_after_cursor :]
    ):
        tail = tail_after_cursor
        head = min(_common_prefix(old_display, new_display), len(new_display) - tail)
        head = min(head, len(old_display) - tail)
    else:
        head = _common_prefix(old_display, new_display)
        tail = _common_suffix(
            old_display, new_display, min(len(old_display), len(new_display)) - head
        )
    inserted = new_display[head : len(new_display) - tail]
    return value[:head] + inserted + value[len(value) - tail :], head + len(inserted)


class SecretLineEdit(QLineEdit):
    """A ``QLineEdit`` whose secret part is masked; read it with :meth:`value`.

    Args:
        mask: turns the value into its display (same length), e.g. :func:`mask_webhook_secret`.
        parent: the Qt parent.

    Signals:
        valueChanged(str): the real value changed (not emitted for display-only changes).
    """

    valueChanged = Signal(str)

    def __init__(self, mask: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mask = mask
        self._value = ""
        self._display = ""
        self._updating = False
        self._reveal = QAction(self)
        self._reveal.setCheckable(True)
        self._reveal.setIcon(
            QIcon.fromTheme(
                "view-reveal-symbolic",
                self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            )
        )
        self._reveal.toggled.connect(self._refresh_display)
        self.addAction(self._reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(self._on_text_changed)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._reveal.setText(self.tr("Show the secret"))
        self._reveal.setToolTip(self.tr("Show or hide the secret part"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def value(self) -> str:
        """The real text, secret included."""
        return self._value

    def setValue(self, value: str) -> None:
        """Replace the real text."""
        self._value = value
        self._refresh_display()
        self.valueChanged.emit(value)

    def isRevealed(self) -> bool:
        return self._reveal.isChecked()

    def setRevealed(self, revealed: bool) -> None:
        self._reveal.setChecked(revealed)

    def _on_text_changed(self, text: str) -> None:
        if self._updating or text == self._display:
            return
        value, cursor = apply_display_edit(self._value, self._display, text, self.cursorPosition())
        self._value = value
        self._refresh_display(cursor=cursor)
        self.valueChanged.emit(value)

    def _refresh_display(self, *_args: object, cursor: int | None = None) -> None:
        display = self._value if self._reveal.isChecked() else self._mask(self._value)
        self._display = display
        if display != self.text():
            self._updating = True
            try:
                self.setText(display)
            finally:
                self._updating = False
            if cursor is not None:
                self.setCursorPosition(cursor)
