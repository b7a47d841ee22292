"""Locking the session from the GUI: activity, the idle check, screen lock, suspend, Ctrl+L.

An application-wide event filter reports key, mouse, wheel and touch input to
``SecurityService.touch()`` (fast, in memory); a timer asks ``lock_if_idle()`` every few
seconds. Qt reports suspension as ``ApplicationSuspended`` on the platforms that have it, and
on Linux desktops the screen saver's ``ActiveChanged`` signal on the session bus says the screen
was locked. Every lock is in memory first (``SecurityService.lock``, fast) and then recorded in
the audit log on the vault pool (``record_lock``: a file write and a keyring call).
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import SLOT, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.security.session import LockReason
from privacy_desktop.services.security import SecurityService

log = logging.getLogger(__name__)

#: How often the idle time-out is checked, milliseconds (the lock may come this much late).
CHECK_INTERVAL_MS = 5000

#: Events that mean a person is at the keyboard.
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)

#: Screen savers that announce ``ActiveChanged(bool)`` when the screen locks (freedesktop,
#: GNOME, KDE, Cinnamon, MATE): (path, interface).
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)


#: The receiving slot in Qt's SLOT() notation. PySide6 6.12 accepts only the ``str`` form here,
#: although its type stubs name ``bytes``.
_SCREEN_SAVER_SLOT = SLOT("on_screen_saver_active(bool)")


#: The lock shortcut (the window's File → Lock action carries it too).
LOCK_SHORTCUT = "Ctrl+L"


class ActivityFilter(QObject):
    """Calls ``security.touch()`` for every input event of the application.

    It sees every event of every object, so it does nothing but a set lookup for the rest.
    It also catches the lock shortcut pressed in a window-modal dialog: Qt does not fire the
    main window's shortcut while a modal dialog shadows it, and the key press then reaches the
    dialog instead (a shortcut that fires never arrives here as a key press).

    Signals:
        lockKeyPressed(): the lock shortcut was pressed where no action took it.
    """

    lockKeyPressed = Signal()

    def __init__(self, security: SecurityService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._security = security
        self._lock_key = QKeySequence(LOCK_SHORTCUT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self._security.touch()
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) == self._lock_key
            ):
                self.lockKeyPressed.emit()
        return False  # never swallow the event


class SessionGuard(QObject):
    """Turns activity, idleness and the desktop's signals into session locks.

    Args:
        security: the security service.
        runner: records each lock in the audit log on the vault pool.
        parent: the Qt parent (the main window).
        check_interval_ms: how often the idle time-out is checked.

    Signals:
        locked(object): the session locked (the ``LockReason``); the window hides its content.
        lockRecorded(object): the lock was written to the audit log (the ``LockReason``).
    """

    locked = Signal(object)
    lockRecorded = Signal(object)

    def __init__(
        self,
        security: SecurityService,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._runner = runner
        self._shown_locked = security.session.is_locked
        self.activity_filter = ActivityFilter(security, self)
        self.activity_filter.lockKeyPressed.connect(self._on_lock_key)
        self._app = QCoreApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self.activity_filter)
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()
        if isinstance(self._app, QGuiApplication):
            self._app.applicationStateChanged.connect(self._on_application_state)
        self.screen_saver_watched = self._watch_screen_saver()

    def stop(self) -> None:
        """Stop watching (the window is closing); safe to call twice."""
        self.timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self.activity_filter)
            if isinstance(self._app, QGuiApplication):
                with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                    self._app.applicationStateChanged.disconnect(self._on_application_state)
            self._app = None
        if self.screen_saver_watched:
            self._unwatch_screen_saver()
            self.screen_saver_watched = False

    @property
    def is_locked(self) -> bool:
        return self._security.session.is_locked

    def lock(self, reason: LockReason = LockReason.MANUAL, *, record: bool = True) -> None:
        """Lock now (in memory, at once), tell the window, then record it on a worker.

        Args:
            reason: why.
            record: False for the lock at start-up, which is no event worth an entry.
        """
        was_locked = self._security.session.is_locked
        try:
            self._security.lock(reason)
        except ExceptionGroup as failures:
            # The session is locked regardless; a cache that failed to clear is a bug to see.
            log.error("Locking did not complete cleanly: %s", failures)
        self._announce(reason)
        if record and not was_locked:
            self._record(reason)

    def _on_lock_key(self) -> None:
        if not self.is_locked:  # a key press travels up to the parents: react once
            self.lock(LockReason.MANUAL)

    def check_idle(self) -> bool:
        """Lock if the idle time-out has passed; also notice a lock made elsewhere.

        Returns:
            Whether the session locked because of this check.
        """
        try:
            locked_now = self._security.lock_if_idle()
        except ExceptionGroup as failures:
            log.error("Locking did not complete cleanly: %s", failures)
            locked_now = True
        if locked_now:
            self._announce(LockReason.IDLE)
            self._record(LockReason.IDLE)
        elif self._security.session.is_locked and not self._shown_locked:
            self._announce(None)
        return locked_now

    def mark_unlocked(self) -> None:
        """The window shows its content again (after a successful unlock)."""
        self._shown_locked = False

    def _announce(self, reason: LockReason | None) -> None:
        self._shown_locked = True
        self.locked.emit(reason)

    def _record(self, reason: LockReason) -> None:
        security = self._security

        def record(_context: object) -> LockReason:
            security.record_lock(reason)
            return reason

        self._runner.submit(
            record,
            pool=Pool.VAULT,
            on_done=self.lockRecorded.emit,
            on_error=lambda text: log.warning("The lock was not recorded: %s", text),
            name="security.record_lock",
            cancellable=False,  # the audit entry must be written even at shutdown
        )

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended and not self.is_locked:
            self.lock(LockReason.SUSPEND)

    # ------------------------------------------------------------------ screen saver

    def _watch_screen_saver(self) -> bool:
        """Subscribe to the screen savers' ``ActiveChanged``; False where there is no bus."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # Qt built without D-Bus (Windows, macOS)
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        watched = False
        for path, interface in SCREEN_SAVERS:
            # Any sender (""): the screen saver's well-known name differs between desktops.
            connected = bus.connect(  # type: ignore[call-overload]  # see _SCREEN_SAVER_SLOT
                "", path, interface, "ActiveChanged", self, _SCREEN_SAVER_SLOT
            )
            watched = bool(connected) or watched
        return watched

    def _unwatch_screen_saver(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.sessionBus()
        for path, interface in SCREEN_SAVERS:
            bus.disconnect(  # type: ignore[call-overload]  # see _SCREEN_SAVER_SLOT
                "", path, interface, "ActiveChanged", self, _SCREEN_SAVER_SLOT
            )

    @Slot(bool)
    def on_screen_saver_active(self, active: bool) -> None:
        """The desktop's screen saver (and with it the screen lock) started or ended."""
        if active and not self.is_locked:
            self.lock(LockReason.SCREEN_LOCKED)
