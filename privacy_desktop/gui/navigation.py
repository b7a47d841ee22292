"""The main window's views: their keys (as stored in settings), order and icons."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle

from privacy_desktop.gui.icons import themed_icon


class ViewKey(StrEnum):
    """Each view of the main window; the value is what ``Settings.last_view`` stores."""

    DASHBOARD = "dashboard"
    PERSONAL_DATA = "personal_data"
    PEOPLE = "people"
    GRANTS = "grants"
    EXPORTS = "exports"
    AUDIT = "audit"
    SETTINGS = "settings"


#: The navigation order; Ctrl+1 … Ctrl+7 follow it.
VIEW_ORDER = tuple(ViewKey)

_ICONS = {
    ViewKey.DASHBOARD: ("user-home", QStyle.StandardPixmap.SP_ComputerIcon),
    ViewKey.PERSONAL_DATA: ("drive-harddisk", QStyle.StandardPixmap.SP_DriveHDIcon),
    ViewKey.PEOPLE: ("system-users", QStyle.StandardPixmap.SP_DirHomeIcon),
    ViewKey.GRANTS: ("dialog-password", QStyle.StandardPixmap.SP_MessageBoxWarning),
    ViewKey.EXPORTS: ("document-save", QStyle.StandardPixmap.SP_DialogSaveButton),
    ViewKey.AUDIT: ("document-properties", QStyle.StandardPixmap.SP_FileDialogInfoView),
    ViewKey.SETTINGS: ("preferences-system", QStyle.StandardPixmap.SP_FileDialogDetailedView),
}


def view_icon(key: ViewKey) -> QIcon:
    theme_name, fallback = _ICONS[key]
    return themed_icon(theme_name, fallback)


def parse_view_key(value: str) -> ViewKey:
    """The stored view, or the dashboard for anything unknown (an older or edited file)."""
    try:
        return ViewKey(value)
    except ValueError:
        return ViewKey.DASHBOARD
