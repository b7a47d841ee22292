"""The session lock: idle time-out, cache clearing, verified unlock, failure reports."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest
from security_fakes import FixedClock

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import UserMessage
from privacy_desktop.security.secret_store import MemorySecretStore
from privacy_desktop.security.session import (
    LockReason,
    SensitiveCache,
    Session,
    SessionPolicy,
    SessionState,
    UnlockFailure,
)
from privacy_desktop.security.totp import TwoFactor
from privacy_desktop.security.totp_errors import InvalidCode


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


def test_locks_after_the_idle_timeout_only(clock: FixedClock) -> None:
    session = Session(clock, SessionPolicy(idle_timeout_s=600))
    clock.advance(599)
    assert not session.should_lock()
    session.touch()  # activity restarts the idle time
    clock.advance(599)
    assert not session.lock_if_idle()
    assert session.state is SessionState.UNLOCKED
    assert session.should_lock(clock.now + 1)
    clock.advance(1)
    assert session.lock_if_idle()
    assert session.state is SessionState.LOCKED
    assert not session.should_lock()  # already locked


def test_a_zero_timeout_never_locks(clock: FixedClock) -> None:
    session = Session(clock, SessionPolicy(idle_timeout_s=0))
    clock.advance(10**9)
    assert not session.should_lock()
    with pytest.raises(ValueError, match="negative"):
        SessionPolicy(idle_timeout_s=-1)


def test_lock_clears_every_registered_cache_and_notifies(clock: FixedClock) -> None:
    caches = SensitiveCache()
    decrypted = caches.register({"record-1": "Тарас Шевченко"})
    tokens: dict[str, str] = {"portal": "access-token-value"}
    caches.register(tokens)
    caches.register(tokens)  # registering twice keeps one entry
    assert len(caches) == 2
    reasons: list[LockReason] = []
    session = Session(clock, caches=caches)
    session.on_lock(reasons.append)
    session.lock(LockReason.SCREEN_LOCKED)
    assert decrypted == {}
    assert tokens == {}
    assert reasons == [LockReason.SCREEN_LOCKED]
    # Locking again clears again (a cache refilled by a late worker) but notifies nobody.
    tokens["portal"] = "late"
    session.lock(LockReason.IDLE)
    assert tokens == {}
    assert reasons == [LockReason.SCREEN_LOCKED]


def test_a_failing_cache_does_not_stop_the_others(clock: FixedClock) -> None:
    class Broken:
        def clear(self) -> None:
            raise RuntimeError("cannot clear")

    caches = SensitiveCache()
    caches.register(Broken())
    survivor = caches.register({"k": "v"})
    session = Session(clock, caches=caches)
    with pytest.raises(ExceptionGroup) as group:
        session.lock()
    assert group.group_contains(RuntimeError)
    assert survivor == {}
    assert session.is_locked


def test_unregistered_caches_are_left_alone(clock: FixedClock) -> None:
    caches = SensitiveCache()
    kept = caches.register({"k": "v"})
    caches.unregister(kept)
    Session(clock, caches=caches).lock()
    assert kept == {"k": "v"}


def refuse() -> None:
    raise PrivacyDesktopError(UserMessage("Session", "Wrong password."))


def test_a_refused_unlock_stays_locked_and_is_reported(clock: FixedClock) -> None:
    failures: list[UnlockFailure] = []
    session = Session(clock, locked=True)
    session.on_unlock_failed(failures.append)
    for _ in range(2):
        with pytest.raises(PrivacyDesktopError):
            session.unlock(refuse)
        clock.advance(5)
    assert session.is_locked
    assert [(f.attempt, f.at, f.message.source) for f in failures] == [
        (1, clock.now - 10, "Wrong password."),
        (2, clock.now - 5, "Wrong password."),
    ]
    unlocked: list[bool] = []
    session.on_unlock(lambda: unlocked.append(True))
    session.unlock(lambda: None)
    assert session.state is SessionState.UNLOCKED
    assert session.failed_attempts == 0
    assert unlocked == [True]


def test_touch_is_ignored_while_locked(clock: FixedClock) -> None:
    session = Session(clock, SessionPolicy(idle_timeout_s=60), locked=True)
    clock.advance(100)
    session.touch()
    assert session.idle_for() == 100
    session.unlock(lambda: None)  # unlocking restarts the idle time
    assert session.idle_for() == 0


def test_unlock_with_the_totp_verifier(clock: FixedClock, tmp_path: Path) -> None:
    two_factor = TwoFactor(MemorySecretStore(), tmp_path, "profile", clock=clock)
    enrollment = two_factor.begin_enrollment()
    totp = pyotp.TOTP(enrollment.secret)
    two_factor.confirm_enrollment(enrollment, totp.generate_otp(int(clock.now // 30)))
    clock.advance(30)
    failures: list[UnlockFailure] = []
    session = Session(clock, locked=True)
    session.on_unlock_failed(failures.append)
    right = totp.generate_otp(int(clock.now // 30))
    wrong = "000000" if right != "000000" else "111111"
    with pytest.raises(InvalidCode):
        session.unlock(lambda: two_factor.verify(wrong))
    assert session.is_locked
    assert len(failures) == 1
    assert failures[0].message.context == "TwoFactor"
    assert wrong not in failures[0].message.english()
    session.unlock(lambda: two_factor.verify(right))
    assert not session.is_locked
