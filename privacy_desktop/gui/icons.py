"""Icons: the application icon from ``resources/`` and themed icons with built-in fallbacks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

APP_ICON_NAME = "privacy-desktop"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resources_dir() -> Path:
    """Where ``resources/`` is: inside the package when installed, beside it in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "icons").is_dir():
            return candidate
    return package.parent / "resources"


def app_icon() -> QIcon:
    """The application icon at every size shipped (SVG for anything larger)."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    for size in APP_ICON_SIZES:
        png = icons / f"{APP_ICON_NAME}-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = icons / f"{APP_ICON_NAME}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def themed_icon(theme_name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """The desktop theme's icon ``theme_name``, or the Qt style's ``fallback``.

    Off a full desktop (Windows, macOS, offscreen) freedesktop theme names often resolve to
    nothing; the style's standard pixmaps always exist.
    """
    style = QApplication.style()
    return QIcon.fromTheme(theme_name, style.standardIcon(fallback))
