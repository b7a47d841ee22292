"""The secret field: the secret is masked on screen and in the clipboard, kept in value()."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from privacy_desktop.gui.widgets.secret_line_edit import (
    MASK_CHAR,
    SecretLineEdit,
    apply_display_edit,
    mask_everything,
    mask_webhook_secret,
)

URL = "https://portal.example.ua/rest/7/k3y5ecr3tvalue/"


def test_webhook_mask_hides_only_the_secret_segment() -> None:
    masked = mask_webhook_secret(URL)
    assert masked == "https://portal.example.ua/rest/7/" + MASK_CHAR * 14 + "/"
    assert mask_webhook_secret("https://portal.example.ua/") == "https://portal.example.ua/"


def test_display_edits_map_onto_the_value() -> None:
    value = "abcdef"
    # Replace the middle "cd" (shown as dots) with "XY".
    assert apply_display_edit(value, "ab••ef", "abXYef") == ("abXYef", 4)
    # Backspace on a masked character: the cursor says which one went.
    assert apply_display_edit(value, "ab••ef", "ab•ef", cursor=2) == ("abdef", 2)
    assert apply_display_edit(value, "ab••ef", "ab•ef", cursor=3) == ("abcef", 3)
    # Append at the end.
    assert apply_display_edit(value, "ab••ef", "ab••efg", cursor=7) == ("abcdefg", 7)
    # Without a cursor, the unchanged head and tail decide.
    assert apply_display_edit(value, "ab••ef", "ab••efg") == ("abcdefg", 7)


def test_pasted_url_is_masked_but_kept(qtbot: QtBot) -> None:
    field = SecretLineEdit(mask_webhook_secret)
    qtbot.addWidget(field)
    QApplication.clipboard().setText(URL)
    field.setFocus()
    field.paste()
    assert field.value() == URL
    assert "k3y5ecr3tvalue" not in field.text()
    assert field.text() == mask_webhook_secret(URL)


def test_typing_and_deleting_edit_the_real_value(qtbot: QtBot) -> None:
    field = SecretLineEdit(mask_webhook_secret)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, URL)
    assert field.value() == URL
    assert "k3y5ecr3t" not in field.text()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.value() == URL[:-2]
    # Delete a masked character in the middle of the secret: exactly that one goes.
    secret_start = URL.index("k3y5")
    field.setCursorPosition(secret_start + 3)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.value() == (URL[: secret_start + 2] + URL[secret_start + 3 :])[:-2]


def test_copy_puts_dots_in_the_clipboard(qtbot: QtBot) -> None:
    field = SecretLineEdit(mask_everything)
    qtbot.addWidget(field)
    field.setValue("client-secret")
    field.selectAll()
    field.copy()
    assert QApplication.clipboard().text() == MASK_CHAR * len("client-secret")


def test_reveal_shows_the_value_and_edits_still_apply(qtbot: QtBot) -> None:
    field = SecretLineEdit(mask_everything)
    qtbot.addWidget(field)
    field.setValue("abc")
    field.setRevealed(True)
    assert field.text() == "abc"
    qtbot.keyClicks(field, "d")
    assert field.value() == "abcd"
    field.setRevealed(False)
    assert field.text() == MASK_CHAR * 4
