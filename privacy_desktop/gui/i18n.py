"""Language: install our catalogue and Qt's own, translate messages from Qt-free layers.

Ukrainian is the default; English is the source language (no catalogue needed). The compiled
catalogue ``privacy_desktop/i18n/uk.qm`` is produced by the build (hatch_build.py) from
``translations/uk.ts``; Qt's ``qtbase_uk.qm`` makes standard buttons Ukrainian too.
"""

from __future__ import annotations

import os
from enum import StrEnum
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from privacy_desktop.domain.i18n import UserMessage

#: Pseudo-localisation for layout checks: every translated text is padded by this factor.
PSEUDO_ENV = "PRIVACY_DESKTOP_TRANS_SCALE"


class Language(StrEnum):
    UKRAINIAN = "uk"
    ENGLISH = "en"


DEFAULT_LANGUAGE = Language.UKRAINIAN


class CatalogueMissing(RuntimeError):
    """The compiled Ukrainian catalogue is absent: the package was not built (a bug)."""


def catalogue_path(language: Language) -> Path:
    """Where the compiled catalogue of ``language`` lives inside the package."""
    return Path(str(resources.files("privacy_desktop.i18n").joinpath(f"{language.value}.qm")))


class _PseudoTranslator(QTranslator):
    """Pads translated texts so that layouts can be checked for longer languages."""

    def __init__(self, inner: QTranslator, scale: float) -> None:
        super().__init__()
        self._inner = inner
        self._scale = scale

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = self._inner.translate(context, source, disambiguation, n) or source
        extra = max(0, round(len(text) * (self._scale - 1.0)))
        return f"[{text}{'~' * extra}]"

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: Language) -> None:
    """Load our catalogue and Qt's for ``language``, replacing any installed before.

    Raises:
        CatalogueMissing: the Ukrainian .qm is not in the package (the build did not run).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language.value))
    if language is Language.ENGLISH:
        return
    ours = QTranslator(app)
    path = catalogue_path(language)
    if not ours.load(str(path)):
        raise CatalogueMissing(str(path))
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language.value}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        _installed.append(qt_own)
    scale = os.environ.get(PSEUDO_ENV)
    _installed.append(_PseudoTranslator(ours, float(scale)) if scale else ours)
    for translator in _installed:
        app.installTranslator(translator)


def render(message: UserMessage) -> str:
    """Translate a message from a Qt-free layer and fill its placeholders."""
    # Texts from Qt-free layers are extracted as ordinary (not plural) entries — lupdate does
    # not read QT_TRANSLATE_N_NOOP in Python — so look them up without a count and put the
    # number in ourselves; their translations are worded to read right for any number.
    text = QCoreApplication.translate(message.context, message.source, None, -1)
    if message.count is not None:
        text = text.replace("%n", str(message.count))
    for index in range(len(message.args), 0, -1):
        text = text.replace(f"%{index}", message.args[index - 1])
    return text
