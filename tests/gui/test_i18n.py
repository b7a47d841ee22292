"""Messages from Qt-free layers are translated, with their numbers filled in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QApplication

from privacy_desktop.gui.i18n import Language, install_translators, render
from privacy_desktop.security.totp_errors import InvalidCode


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, Language.UKRAINIAN)
    yield
    install_translators(qapp, Language.ENGLISH)


@pytest.mark.parametrize("seconds", [1, 3, 5, 21, 30])
def test_a_counted_message_is_ukrainian_for_every_number(ukrainian: None, seconds: int) -> None:
    text = render(InvalidCode(retry_after_s=seconds).user_message)
    assert str(seconds) in text
    assert "%n" not in text
    assert "second" not in text  # the English source would say "second(s)"
    assert any("а" <= char <= "я" for char in text.lower())


def test_the_english_source_fills_the_count(english: None) -> None:
    text = render(InvalidCode(retry_after_s=30).user_message)
    assert "30 second(s)" in text
