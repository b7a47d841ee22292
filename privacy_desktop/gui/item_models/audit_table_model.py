"""The audit entries as a table: number, time (local), action, portal, actor, details.

The entries arrive from a worker as one list (the service caps it); the model hands them to
the view in slices through ``canFetchMore``/``fetchMore`` so a long log does not lay out
thousands of rows at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP
from privacy_desktop.security.audit_chain import AuditAction, AuditEntry

#: Rows handed to the view per ``fetchMore``.
FETCH_BATCH = 500

_ACTION_CONTEXT = "AuditActions"

#: The name of every action, for the table, the filter and the CSV reader's eye.
ACTION_NAMES: dict[AuditAction, str] = {
    AuditAction.PORTAL_ADDED: QT_TRANSLATE_NOOP("AuditActions", "Portal added"),
    AuditAction.PORTAL_REMOVED: QT_TRANSLATE_NOOP("AuditActions", "Portal removed"),
    AuditAction.PORTAL_CHECKED: QT_TRANSLATE_NOOP("AuditActions", "Portal connection checked"),
    AuditAction.SCAN: QT_TRANSLATE_NOOP("AuditActions", "Scan"),
    AuditAction.REVEAL: QT_TRANSLATE_NOOP("AuditActions", "Hidden values revealed"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("AuditActions", "Personal data exported"),
    AuditAction.REVOKE: QT_TRANSLATE_NOOP("AuditActions", "Access revoked"),
    AuditAction.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("AuditActions", "Settings changed"),
    AuditAction.LOCK: QT_TRANSLATE_NOOP("AuditActions", "Locked"),
    AuditAction.UNLOCK: QT_TRANSLATE_NOOP("AuditActions", "Unlocked"),
    AuditAction.UNLOCK_FAILED: QT_TRANSLATE_NOOP("AuditActions", "Unlock failed"),
    AuditAction.TWOFACTOR_ENROLLED: QT_TRANSLATE_NOOP(
        "AuditActions", "Two-step verification set up"
    ),
    AuditAction.TWOFACTOR_DISABLED: QT_TRANSLATE_NOOP(
        "AuditActions", "Two-step verification turned off"
    ),
    AuditAction.TWOFACTOR_FAILED: QT_TRANSLATE_NOOP("AuditActions", "Verification code refused"),
    AuditAction.TWOFACTOR_TAMPERED: QT_TRANSLATE_NOOP(
        "AuditActions", "Two-step verification record tampered with"
    ),
    AuditAction.RECOVERY_CODE_USED: QT_TRANSLATE_NOOP("AuditActions", "Recovery code used"),
    AuditAction.RECOVERY_CODES_REGENERATED: QT_TRANSLATE_NOOP(
        "AuditActions", "New recovery codes made"
    ),
    AuditAction.AUDIT_EXPORTED: QT_TRANSLATE_NOOP("AuditActions", "Audit log exported"),
    AuditAction.LOG_RESTARTED: QT_TRANSLATE_NOOP("AuditActions", "Audit log restarted"),
    AuditAction.CHECKPOINT: QT_TRANSLATE_NOOP("AuditActions", "Signed checkpoint"),
}


def action_name(action: AuditAction) -> str:
    """The translated name of ``action``."""
    return QCoreApplication.translate(_ACTION_CONTEXT, ACTION_NAMES[action])


def details_text(details: dict[str, str]) -> str:
    """``key=value, key=value`` in key order (details hold no secrets or personal data)."""
    return ", ".join(f"{key}={details[key]}" for key in sorted(details))


class Column(IntEnum):
    SEQ = 0
    TIME = 1
    ACTION = 2
    PORTAL = 3
    ACTOR = 4
    DETAILS = 5


#: The role that returns the row's :class:`AuditEntry`.
ENTRY_ROLE = Qt.ItemDataRole.UserRole


class AuditTableModel(QAbstractTableModel):
    """A read-only table of audit entries, shown newest first.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._shown = 0

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Replace the rows (the newest entry first, whatever order they came in)."""
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda entry: entry.seq, reverse=True)
        self._shown = min(len(self._entries), FETCH_BATCH)
        self.endResetModel()

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def total(self) -> int:
        """Entries held (rows shown plus those still to be fetched)."""
        return len(self._entries)

    def portals(self) -> list[str]:
        """The portals the held entries name, sorted."""
        return sorted({entry.portal for entry in self._entries if entry.portal})

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(Column)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._entries)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = min(FETCH_BATCH, len(self._entries) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.DETAILS:
                return "\n".join(f"{k}={v}" for k, v in sorted(entry.details.items())) or None
            if column is Column.TIME:
                return entry.timestamp.isoformat()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return entry
        return None

    def _display(self, entry: AuditEntry, column: Column) -> str:
        if column is Column.SEQ:
            return str(entry.seq)
        if column is Column.TIME:
            return entry.timestamp.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column is Column.ACTION:
            return action_name(entry.action)
        if column is Column.PORTAL:
            return entry.portal or ""
        if column is Column.ACTOR:
            return entry.actor
        return details_text(entry.details)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        titles = {
            Column.SEQ: self.tr("No."),
            Column.TIME: self.tr("Time"),
            Column.ACTION: self.tr("Action"),
            Column.PORTAL: self.tr("Portal"),
            Column.ACTOR: self.tr("User"),
            Column.DETAILS: self.tr("Details"),
        }
        return titles[Column(section)]

    def retranslate(self) -> None:
        """Repaint the translated columns and headers after a language switch."""
        if self._shown:
            self.dataChanged.emit(
                self.index(0, Column.ACTION), self.index(self._shown - 1, Column.ACTION)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
