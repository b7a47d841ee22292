"""The GUI's shared picture of the configured portals, their last check and the active one.

The dashboard, the portal manager, the portal selector and the status bar all show the same
facts; this object holds them once and says when they change. Every PortalService call runs
on the runner's vault pool (most touch the keyring; one thread keeps them in order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal

from privacy_desktop.domain.portals import ConnectionInfo, PortalProfile
from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext
from privacy_desktop.services.portals import PortalService
from privacy_desktop.settings import Settings, SettingsStore


class ConnectionState(Enum):
    """What is known about a portal's connection."""

    UNKNOWN = "unknown"
    CHECKING = "checking"
    CONNECTED = "connected"
    FAILED = "failed"


@dataclass(frozen=True)
class CheckOutcome:
    """The latest connection check of one portal.

    Attributes:
        state: the resulting state.
        checked_at: when the check ended (local time), None while none has ended.
        info: what the portal reported, when connected.
        error: the translated reason, when failed.
    """

    state: ConnectionState
    checked_at: datetime | None = None
    info: ConnectionInfo | None = None
    error: str | None = None


class PortalDirectory(QObject):
    """The configured portals as the GUI sees them.

    Args:
        portals: the portal service (blocking calls; run here on the vault pool).
        settings: where the active portal is remembered.
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        portalsChanged(): the list of portals was (re)loaded.
        checkChanged(str): the check outcome of the named portal changed.
        activeChanged(str): the active portal changed ("" for none).
        loadFailed(str): the portal list could not be read or the active portal not
            remembered (translated reason).
    """

    portalsChanged = Signal()
    checkChanged = Signal(str)
    activeChanged = Signal(str)
    loadFailed = Signal(str)

    def __init__(
        self,
        portals: PortalService,
        settings: SettingsStore,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = portals
        self._settings = settings
        self._runner = runner
        self._portals: list[PortalProfile] = []
        self._outcomes: dict[str, CheckOutcome] = {}
        self._active: str | None = None
        self._loaded = False

    # ------------------------------------------------------------------ reading

    def portals(self) -> list[PortalProfile]:
        return list(self._portals)

    def portal(self, name: str) -> PortalProfile | None:
        return next((p for p in self._portals if p.name == name), None)

    def active(self) -> str | None:
        return self._active

    def loaded(self) -> bool:
        """Whether the list was loaded at least once."""
        return self._loaded

    def outcome(self, name: str) -> CheckOutcome:
        return self._outcomes.get(name, CheckOutcome(ConnectionState.UNKNOWN))

    # ------------------------------------------------------------------ actions

    def refresh(self, *, select: str | None = None, check_new: bool = True) -> TaskHandle:
        """Reload the portal list; optionally make ``select`` active and check new portals."""

        def loaded(result: Any) -> None:
            portals, active = result
            self._apply(portals, select or active, check_new=check_new)

        return self._runner.submit(
            self._load,
            pool=Pool.VAULT,
            on_done=loaded,
            on_error=self.loadFailed.emit,
            name="portals.list",
        )

    def check(self, name: str) -> TaskHandle:
        """Check the connection of ``name`` (scope and profile) in the background."""
        previous = self.outcome(name)
        self._set_outcome(name, replace(previous, state=ConnectionState.CHECKING))
        service = self.service
        return self._runner.submit(
            lambda _context: service.check(name),
            pool=Pool.VAULT,
            on_done=lambda info: self._set_outcome(
                name, CheckOutcome(ConnectionState.CONNECTED, datetime.now(), info=info)
            ),
            on_error=lambda text: self._set_outcome(
                name, CheckOutcome(ConnectionState.FAILED, datetime.now(), error=text)
            ),
            on_cancelled=lambda: self._set_outcome(name, previous),
            name="portals.check",
        )

    def remove(self, name: str, on_error: Callable[[str], None] | None = None) -> TaskHandle:
        """Remove ``name``: its profile and every secret of it."""
        service = self.service

        def removed(_result: object) -> None:
            self._outcomes.pop(name, None)
            self.refresh(check_new=False)

        return self._runner.submit(
            lambda _context: service.remove(name),
            pool=Pool.VAULT,
            on_done=removed,
            on_error=on_error,
            name="portals.remove",
        )

    def set_active(self, name: str | None) -> None:
        """Make ``name`` the portal the views show, and remember it."""
        if name == self._active:
            return
        self._active = name
        self.activeChanged.emit(name or "")
        service = self.service
        self._runner.submit(
            lambda _context: service.set_active(name),
            pool=Pool.VAULT,
            on_error=self.loadFailed.emit,
            name="portals.set_active",
            cancellable=False,
        )
        if name is not None and self.outcome(name).state is ConnectionState.UNKNOWN:
            self.check(name)

    def record_connection(self, name: str, info: ConnectionInfo) -> None:
        """Note a successful check done elsewhere (the add-portal dialog's test)."""
        self._set_outcome(name, CheckOutcome(ConnectionState.CONNECTED, datetime.now(), info=info))

    # ------------------------------------------------------------------ internals

    def _load(self, _context: TaskContext) -> tuple[list[PortalProfile], str | None]:
        settings: Settings = self._settings.load()
        return self.service.list_portals(), settings.active_portal

    def _apply(self, portals: list[PortalProfile], wanted: str | None, *, check_new: bool) -> None:
        known = {p.name for p in self._portals}
        self._portals = portals
        self._loaded = True
        names = [p.name for p in portals]
        for stale in set(self._outcomes) - set(names):
            del self._outcomes[stale]
        self.portalsChanged.emit()
        active = wanted if wanted in names else (names[0] if names else None)
        if active != self._active:
            self.set_active(active)
        if check_new:
            for name in names:
                if name not in known and self.outcome(name).state is ConnectionState.UNKNOWN:
                    self.check(name)

    def _set_outcome(self, name: str, outcome: CheckOutcome) -> None:
        self._outcomes[name] = outcome
        self.checkChanged.emit(name)
