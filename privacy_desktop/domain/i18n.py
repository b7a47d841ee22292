"""Translatable messages for layers that must not import Qt.

Code below the GUI cannot call ``tr()``. It marks its user-facing texts with
``QT_TRANSLATE_NOOP(context, text)`` — Qt's own name, so ``pyside6-lupdate`` extracts them into
``translations/uk.ts`` — and hands a :class:`UserMessage` up. The GUI and the CLI translate it
with ``QCoreApplication.translate(context, text, None, n)`` and fill ``%1``, ``%2`` … (see
``privacy_desktop.gui.i18n.render``).
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by lupdate under ``context``; returns it unchanged."""
    del context
    return text


@dataclass(frozen=True)
class UserMessage:
    """A message for a person, in its untranslated English source form.

    Attributes:
        context: the lupdate context the source text was marked under.
        source: the English source text, with ``%1``… placeholders and optionally ``%n``
            (pyside6-lupdate does not extract plural markers from Python, so a text with
            ``%n`` is translated as one entry worded to suit any number).
        args: values for ``%1``, ``%2`` … (already free of secrets and personal data).
        count: the number for ``%n`` plural selection, if the text has one.
    """

    context: str
    source: str
    args: tuple[str, ...] = ()
    count: int | None = None

    def english(self) -> str:
        """The message in English, placeholders filled (used in logs and where Qt is absent)."""
        return fill_placeholders(self.source, self.args, self.count)


def fill_placeholders(text: str, args: tuple[str, ...], count: int | None) -> str:
    """Replace ``%n`` and ``%1``…``%9`` the way ``QString.arg`` does, highest number first."""
    if count is not None:
        text = text.replace("%n", str(count))
    for index in range(len(args), 0, -1):
        text = text.replace(f"%{index}", args[index - 1])
    return text
