"""Hides a main window's content behind the unlock screen while the session is locked.

The window's central widget becomes a stack: page 0 the :class:`LockScreen`, page 1 the
normal content. On a lock the stack turns to page 0, the toolbars are hidden, the menu
actions that show data are disabled, and every other top-level window of the application
(dialogs, file choosers, message boxes) is closed, or hidden if it refuses to close while
it finishes a change. Unlocking runs ``SecurityService.unlock`` on the vault pool.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from privacy_desktop.gui.lock_screen import LockScreen
from privacy_desktop.gui.session_guard import LOCK_SHORTCUT, SessionGuard
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.security.session import LockReason
from privacy_desktop.security.totp import TwoFactorStatus
from privacy_desktop.services.security import SecurityService, UnlockMethod

log = logging.getLogger(__name__)

LOCK_PAGE, CONTENT_PAGE = 0, 1


class WindowLocker(QObject):
    """The lock page, the Lock action and the session guard of one main window.

    Args:
        window: the window whose content is hidden when locked.
        content: the window's normal central widget.
        security: the security service.
        runner: the task runner.
        icon: the application icon for the lock page.
        check_interval_ms: how often the idle time-out is checked (tests shorten it).

    Signals:
        lockShown(): the lock page is up and the content hidden.
        unlocked(): the session unlocked and the content is back.
        unlockFailed(str): an unlock was refused; the translated reason (shown on the page).
    """

    lockShown = Signal()
    unlocked = Signal()
    unlockFailed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        content: QWidget,
        security: SecurityService,
        runner: TaskRunner,
        icon: QIcon,
        *,
        check_interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._security = security
        self._runner = runner
        self._data_actions: list[QAction] = []
        self._bars: list[QWidget] = []
        self._bars_visible: dict[int, bool] = {}
        self.lock_screen = LockScreen(icon)
        self.root = QStackedWidget()
        self.root.addWidget(self.lock_screen)
        self.root.addWidget(content)
        self.root.setCurrentIndex(CONTENT_PAGE)
        window.setCentralWidget(self.root)
        self.lock_action = QAction(window)
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.triggered.connect(self._lock_now)
        interval = {} if check_interval_ms is None else {"check_interval_ms": check_interval_ms}
        self.guard = SessionGuard(security, runner, self, **interval)
        self.guard.locked.connect(self.show_locked)
        self.lock_screen.unlockRequested.connect(self.unlock)

    def protect(self, actions: Sequence[QAction], bars: Sequence[QWidget]) -> None:
        """Disable ``actions`` and hide ``bars`` while locked; show the lock now if locked."""
        self._data_actions = list(actions)
        self._bars = list(bars)
        if self._security.session.is_locked:
            self.show_locked(None)

    def retranslateUi(self) -> None:
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setToolTip(self.tr("Lock Privacy Desktop (Ctrl+L)"))

    def is_showing_lock(self) -> bool:
        return self.root.currentIndex() == LOCK_PAGE

    def stop(self) -> None:
        self.guard.stop()

    # ------------------------------------------------------------------ locking

    def _lock_now(self, _checked: bool = False) -> None:
        self.guard.lock(LockReason.MANUAL)

    def show_locked(self, reason: Any = None) -> None:
        """Cover the content: lock page, no toolbars, no data actions, no other windows."""
        already = self.is_showing_lock()
        if not already:
            self._bars_visible = {id(bar): bar.isVisible() for bar in self._bars}
        self.root.setCurrentIndex(LOCK_PAGE)
        for bar in self._bars:
            bar.setVisible(False)
        for action in self._data_actions:
            action.setEnabled(False)
        self.lock_action.setEnabled(False)
        self._close_other_windows()
        if not already or isinstance(reason, LockReason):
            self.lock_screen.reset(reason if isinstance(reason, LockReason) else None)
        self._window.statusBar().clearMessage()
        self.lock_screen.field.setFocus()
        self._look_up_method()
        self.lockShown.emit()

    def _close_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or not widget.isVisible():
                continue
            widget.close()
            if widget.isVisible():  # a dialog finishing a change keeps itself open
                widget.hide()

    def _look_up_method(self) -> None:
        security = self._security

        def look_up(_context: object) -> tuple[UnlockMethod, TwoFactorStatus]:
            return security.unlock_method(), security.status()

        self._runner.submit(
            look_up,
            pool=Pool.VAULT,
            on_done=self._on_method,
            on_error=self._on_method_failed,
            name="security.unlock_method",
        )

    def _on_method(self, result: Any) -> None:
        method, status = result
        self.lock_screen.set_method(method)
        self.lock_screen.set_locked_until(status.locked_until if status.enabled else None)

    def _on_method_failed(self, text: str) -> None:
        self.lock_screen.show_error(text)

    # ------------------------------------------------------------------ unlocking

    def unlock(self, code: str) -> None:
        """Check ``code`` (or the account password) on the vault pool."""
        security = self._security
        self._runner.submit(
            lambda _context: security.unlock(code),
            pool=Pool.VAULT,
            on_done=self._on_unlocked,
            on_error=self._on_unlock_failed,
            name="security.unlock",
            cancellable=False,
        )

    def _on_unlocked(self, _result: Any) -> None:
        self.lock_screen.set_busy(False)
        if self._security.session.is_locked:
            return  # locked again meanwhile (a second lock while checking)
        self.guard.mark_unlocked()
        self.root.setCurrentIndex(CONTENT_PAGE)
        for bar in self._bars:
            bar.setVisible(self._bars_visible.get(id(bar), True))
        for action in self._data_actions:
            action.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.lock_screen.reset(None)
        self.unlocked.emit()

    def _on_unlock_failed(self, text: str) -> None:
        self.lock_screen.set_busy(False)
        self.lock_screen.show_error(text)
        self._look_up_method()  # a lock-out may have begun: its end is shown
        self.unlockFailed.emit(text)
