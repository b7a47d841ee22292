"""The session lock: when the desktop locks itself, and what locking forgets.

Qt-free: the GUI maps its idle timer, screen-lock and suspend signals onto :meth:`Session.touch`
and :meth:`Session.lock`, and asks :meth:`Session.should_lock` on a timer. Locking drops every
registered cache of decrypted data and in-memory tokens, so nothing sensitive outlives the
lock; unlocking needs a verifier (the TOTP check, or an operating-system account check where
two-step verification is off) and every failed attempt is reported for the audit log.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import UserMessage


@dataclass(frozen=True)
class SessionPolicy:
    """When the session locks by itself.

    Attributes:
        idle_timeout_s: seconds without activity after which the session locks (0: never).
    """

    idle_timeout_s: float = 600.0

    def __post_init__(self) -> None:
        if self.idle_timeout_s < 0:
            raise ValueError("idle_timeout_s must not be negative")


class SessionState(StrEnum):
    LOCKED = "locked"
    UNLOCKED = "unlocked"


class LockReason(StrEnum):
    """Why the session locked (for the audit log and the lock screen)."""

    IDLE = "idle"
    MANUAL = "manual"
    SCREEN_LOCKED = "screen_locked"
    SUSPEND = "suspend"


class Clearable(Protocol):
    """Anything holding sensitive data that can forget it (a ``dict`` qualifies)."""

    def clear(self) -> None: ...


class SensitiveCache:
    """The registry of caches that must be emptied when the session locks.

    Services register their caches of decrypted records and the portal clients their
    in-memory tokens; :meth:`clear_all` empties every one, even if one of them fails.
    """

    def __init__(self) -> None:
        self._caches: list[Clearable] = []
        self._guard = threading.Lock()

    def register(self, cache: Clearable) -> Clearable:
        """Add ``cache`` (once) and return it, so it can be registered where it is made."""
        with self._guard:
            if not any(existing is cache for existing in self._caches):
                self._caches.append(cache)
        return cache

    def unregister(self, cache: Clearable) -> None:
        with self._guard:
            self._caches = [existing for existing in self._caches if existing is not cache]

    def __len__(self) -> int:
        with self._guard:
            return len(self._caches)

    def clear_all(self) -> None:
        """Empty every registered cache.

        Raises:
            ExceptionGroup: some caches failed to clear (all others were still cleared).
        """
        with self._guard:
            caches = list(self._caches)
        _run_all([cache.clear for cache in caches], "some sensitive caches failed to clear")


@dataclass(frozen=True)
class UnlockFailure:
    """A refused unlock, reported to the audit log.

    Attributes:
        at: the session clock's reading at the attempt.
        message: why it was refused (untranslated; never contains the code typed).
        attempt: the number of failed attempts since the session locked.
    """

    at: float
    message: UserMessage
    attempt: int


#: Proves the person may unlock; raises a :class:`PrivacyDesktopError` if not. Typically
#: ``lambda: two_factor.verify(code)`` or an operating-system account check.
Verifier = Callable[[], object]


class Session:
    """The lock state of the running application.

    Args:
        clock: seconds, monotonic by default (injected so tests control time).
        policy: the idle time-out.
        caches: the caches emptied on every lock.
        locked: whether the session starts locked.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        policy: SessionPolicy | None = None,
        caches: SensitiveCache | None = None,
        *,
        locked: bool = False,
    ) -> None:
        self._clock = clock
        self.policy = policy or SessionPolicy()
        self.caches = caches if caches is not None else SensitiveCache()
        self._state = SessionState.LOCKED if locked else SessionState.UNLOCKED
        self._last_activity = clock()
        self._failed_attempts = 0
        self._on_lock: list[Callable[[LockReason], None]] = []
        self._on_unlock_failed: list[Callable[[UnlockFailure], None]] = []
        self._on_unlock: list[Callable[[], None]] = []
        self._guard = threading.RLock()

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def is_locked(self) -> bool:
        return self._state is SessionState.LOCKED

    @property
    def failed_attempts(self) -> int:
        """Failed unlocks since the session last locked."""
        return self._failed_attempts

    def on_lock(self, callback: Callable[[LockReason], None]) -> None:
        """Call ``callback`` after every lock (after the caches were cleared)."""
        self._on_lock.append(callback)

    def on_unlock(self, callback: Callable[[], None]) -> None:
        self._on_unlock.append(callback)

    def on_unlock_failed(self, callback: Callable[[UnlockFailure], None]) -> None:
        """Call ``callback`` with every refused unlock (the audit log subscribes)."""
        self._on_unlock_failed.append(callback)

    def touch(self) -> None:
        """Record activity (a key press, a click); ignored while locked."""
        with self._guard:
            if not self.is_locked:
                self._last_activity = self._clock()

    def idle_for(self, now: float | None = None) -> float:
        """Seconds since the last activity."""
        return max((self._clock() if now is None else now) - self._last_activity, 0.0)

    def should_lock(self, now: float | None = None) -> bool:
        """Whether the idle time-out has passed while unlocked."""
        timeout = self.policy.idle_timeout_s
        return not self.is_locked and timeout > 0 and self.idle_for(now) >= timeout

    def lock_if_idle(self, now: float | None = None) -> bool:
        """Lock if the idle time-out has passed; returns whether it locked now."""
        with self._guard:
            if not self.should_lock(now):
                return False
            self.lock(LockReason.IDLE)
            return True

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        """Lock, empty every sensitive cache and tell the ``on_lock`` subscribers.

        Locking an already locked session clears the caches again but notifies nobody.
        The state is LOCKED before any callback runs, and every callback runs even if one
        fails.

        Raises:
            ExceptionGroup: a cache or callback failed (the session is locked regardless).
        """
        with self._guard:
            was_locked = self.is_locked
            self._state = SessionState.LOCKED
            if not was_locked:
                self._failed_attempts = 0
            actions: list[Callable[[], None]] = [self.caches.clear_all]
            if not was_locked:
                actions += [_bind(callback, reason) for callback in self._on_lock]
        _run_all(actions, "locking the session did not complete cleanly")

    def unlock(self, verifier: Verifier) -> None:
        """Unlock if ``verifier`` accepts; a refusal stays locked and is reported.

        Args:
            verifier: raises a :class:`PrivacyDesktopError` to refuse.

        Raises:
            PrivacyDesktopError: the verifier's refusal, unchanged (the GUI shows it).
        """
        with self._guard:
            if not self.is_locked:
                return
            try:
                verifier()
            except PrivacyDesktopError as refusal:
                self._failed_attempts += 1
                failure = UnlockFailure(
                    at=self._clock(), message=refusal.user_message, attempt=self._failed_attempts
                )
                for callback in self._on_unlock_failed:
                    callback(failure)
                raise
            self._state = SessionState.UNLOCKED
            self._failed_attempts = 0
            self._last_activity = self._clock()
            unlocked_callbacks = list(self._on_unlock)
        for unlocked in unlocked_callbacks:
            unlocked()


def _bind(callback: Callable[[LockReason], None], reason: LockReason) -> Callable[[], None]:
    return lambda: callback(reason)


def _run_all(actions: list[Callable[[], None]], summary: str) -> None:
    """Run every action; raise the failures together afterwards."""
    failures: list[Exception] = []
    for action in actions:
        try:
            action()
        except Exception as error:
            failures.append(error)
    if failures:
        raise ExceptionGroup(summary, failures)
