"""Two-step verification: window, replay, persisted lock-out, tampering, recovery, disable."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyotp
import pytest
from security_fakes import FixedClock

from privacy_desktop.security.secret_store import MemorySecretStore, SecuritySecret
from privacy_desktop.security.totp import (
    ISSUER,
    Enrollment,
    LockoutPolicy,
    TwoFactor,
    VerificationMethod,
)
from privacy_desktop.security.totp_errors import (
    AlreadyEnrolled,
    CodeAlreadyUsed,
    InvalidCode,
    NotEnrolled,
    TwoFactorError,
    TwoFactorLocked,
)

FAST_SCRYPT_N = 2**10


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def secret_store() -> MemorySecretStore:
    return MemorySecretStore()


def make(store: MemorySecretStore, directory: Path, clock: FixedClock) -> TwoFactor:
    return TwoFactor(
        store, directory, "Головний профіль", clock=clock, recovery_scrypt_n=FAST_SCRYPT_N
    )


def code_at(secret: str, clock: FixedClock, steps: int = 0) -> str:
    return pyotp.TOTP(secret).generate_otp(int(clock.now // 30) + steps)


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def enrolled(
    secret_store: MemorySecretStore, state_dir: Path, clock: FixedClock
) -> tuple[TwoFactor, str, tuple[str, ...]]:
    """An enrolled TwoFactor, its secret and its recovery codes; the clock is one step on."""
    two_factor = make(secret_store, state_dir, clock)
    enrollment = two_factor.begin_enrollment()
    codes = two_factor.confirm_enrollment(enrollment, code_at(enrollment.secret, clock))
    clock.advance(30)
    return two_factor, enrollment.secret, codes


def test_enrollment_offers_uri_and_qr_codes(
    secret_store: MemorySecretStore, state_dir: Path, clock: FixedClock
) -> None:
    enrollment = make(secret_store, state_dir, clock).begin_enrollment()
    assert re.fullmatch(r"[A-Z2-7]{32}", enrollment.secret)
    parsed = pyotp.parse_uri(enrollment.provisioning_uri)
    assert isinstance(parsed, pyotp.TOTP)
    assert parsed.secret == enrollment.secret
    assert parsed.issuer == ISSUER
    assert parsed.name == "Головний профіль"
    assert enrollment.qr_png().startswith(b"\x89PNG\r\n\x1a\n")
    assert "<svg" in enrollment.qr_svg()
    assert enrollment.secret not in repr(enrollment)
    # Nothing is stored before confirmation.
    assert secret_store.get_secret(SecuritySecret.TOTP_SECRET) is None
    assert not state_dir.exists()


def test_confirmation_needs_a_valid_code(
    secret_store: MemorySecretStore, state_dir: Path, clock: FixedClock
) -> None:
    two_factor = make(secret_store, state_dir, clock)
    enrollment = two_factor.begin_enrollment()
    with pytest.raises(InvalidCode):
        two_factor.confirm_enrollment(enrollment, code_at(enrollment.secret, clock, 3))
    assert not two_factor.is_enabled
    codes = two_factor.confirm_enrollment(enrollment, code_at(enrollment.secret, clock))
    assert two_factor.is_enabled
    assert len(set(codes)) == 10
    assert all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code) for code in codes)
    with pytest.raises(AlreadyEnrolled):
        two_factor.begin_enrollment()
    with pytest.raises(AlreadyEnrolled):
        two_factor.confirm_enrollment(Enrollment("x", pyotp.random_base32()), "000000")


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_codes_of_adjacent_steps_are_accepted(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock, steps: int
) -> None:
    two_factor, secret, _ = enrolled
    clock.advance(60)  # past the confirmation step, so step -1 is not a replay
    assert two_factor.verify(code_at(secret, clock, steps)) is VerificationMethod.TOTP


@pytest.mark.parametrize("steps", [-2, 2])
def test_codes_two_steps_away_are_refused(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock, steps: int
) -> None:
    two_factor, secret, _ = enrolled
    clock.advance(90)
    with pytest.raises(InvalidCode):
        two_factor.verify(code_at(secret, clock, steps))
    assert two_factor.status().failures == 1


def test_a_code_is_accepted_once(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock
) -> None:
    two_factor, secret, _ = enrolled
    code = code_at(secret, clock)
    two_factor.verify(code)
    with pytest.raises(CodeAlreadyUsed):
        two_factor.verify(code)
    # Also across a restart, and for an older step after a newer one was used.
    clock.advance(30)
    later = make_again(two_factor, clock)
    later.verify(code_at(secret, clock, 1))
    with pytest.raises(CodeAlreadyUsed):
        later.verify(code_at(secret, clock))
    assert later.status().failures == 0


def make_again(two_factor: TwoFactor, clock: FixedClock) -> TwoFactor:
    """A new instance over the same files and secrets (an application restart)."""
    return TwoFactor(
        two_factor._secrets,
        two_factor.state_path.parent,
        two_factor.account,
        clock=clock,
        recovery_scrypt_n=FAST_SCRYPT_N,
    )


def test_lockout_grows_and_survives_a_restart(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock
) -> None:
    two_factor, secret, _ = enrolled
    for attempt in range(1, 5):
        with pytest.raises(InvalidCode) as error:
            two_factor.verify("000000" if code_at(secret, clock) != "000000" else "111111")
        assert (error.value.retry_after_s, error.value.attempts_left) == (0, 5 - attempt)
    delays = []
    for _ in range(4):
        with pytest.raises(InvalidCode) as error:
            make_again(two_factor, clock).verify("abcdef")
        delays.append(error.value.retry_after_s)
        # While locked even the right code is not checked, also after a restart.
        with pytest.raises(TwoFactorLocked) as locked:
            make_again(two_factor, clock).verify(code_at(secret, clock))
        assert locked.value.retry_after_s == error.value.retry_after_s
        assert not locked.value.tampered
        clock.advance(error.value.retry_after_s - 1)
        with pytest.raises(TwoFactorLocked) as locked:
            make_again(two_factor, clock).verify(code_at(secret, clock))
        assert locked.value.retry_after_s == 1
        clock.advance(1)
    assert delays == [30, 60, 120, 240]
    restarted = make_again(two_factor, clock)
    assert restarted.verify(code_at(secret, clock)) is VerificationMethod.TOTP
    assert restarted.status().failures == 0


def test_lockout_delay_is_capped_at_an_hour() -> None:
    policy = LockoutPolicy()
    assert [policy.delay_after(n) for n in (4, 5, 6, 11, 12, 40, 10_000)] == [
        0.0,
        30.0,
        60.0,
        1920.0,
        3600.0,
        3600.0,
        3600.0,
    ]
    assert policy.failures_at_cap() == 12
    assert LockoutPolicy(threshold=3, first_delay_s=60, max_delay_s=60).failures_at_cap() == 3
    with pytest.raises(ValueError, match="first_delay_s"):
        LockoutPolicy(first_delay_s=0)
    with pytest.raises(ValueError, match="first_delay_s"):
        LockoutPolicy(first_delay_s=100, max_delay_s=50)


def tamper_with(path: Path) -> None:
    envelope = json.loads(path.read_text())
    envelope["body"]["failures"] = 0
    envelope["body"]["locked_until"] = 0
    path.write_text(json.dumps(envelope))


@pytest.mark.parametrize("damage", ["edit", "delete", "garbage", "rollback", "key-deleted"])
def test_a_damaged_state_locks_for_the_maximum(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]],
    secret_store: MemorySecretStore,
    clock: FixedClock,
    damage: str,
) -> None:
    two_factor, secret, _ = enrolled
    path = two_factor.state_path
    backup = path.with_suffix(".backup")
    shutil.copy(path, backup)  # a clean copy with no failures
    for _ in range(5):
        with pytest.raises(InvalidCode):
            two_factor.verify("999999" if code_at(secret, clock) != "999999" else "888888")
    if damage == "edit":
        tamper_with(path)
    elif damage == "delete":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\x00not json")
    elif damage == "rollback":
        shutil.copy(backup, path)
    else:
        secret_store.delete_secret(SecuritySecret.TOTP_STATE_KEY)
    restarted = make_again(two_factor, clock)
    status = restarted.status()
    assert status.tamper_detected
    assert status.locked_until == clock.now + 3600
    assert status.recovery_codes_left == 0  # their hashes could not be trusted
    with pytest.raises(TwoFactorLocked) as locked:
        restarted.verify(code_at(secret, clock))
    assert locked.value.tampered
    assert locked.value.retry_after_s == 3600
    # The detection is persisted: the lock-out holds on the next start too.
    clock.advance(1800)
    with pytest.raises(TwoFactorLocked) as locked:
        make_again(two_factor, clock).verify(code_at(secret, clock))
    assert locked.value.retry_after_s == 1800
    clock.advance(1800)
    make_again(two_factor, clock).verify(code_at(secret, clock))
    assert not make_again(two_factor, clock).status().tamper_detected


def test_recovery_codes_are_single_use_and_stored_only_hashed(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]],
    secret_store: MemorySecretStore,
    state_dir: Path,
) -> None:
    two_factor, _, codes = enrolled
    stored = [p.read_bytes() for p in state_dir.rglob("*") if p.is_file()]
    stored_secrets = [secret_store.get_secret(name) or "" for name in SecuritySecret]
    for code in codes:
        for form in (code, code.replace("-", ""), code.lower()):
            assert all(form.encode() not in data for data in stored)
            assert all(form not in value for value in stored_secrets)
    typed = codes[3].lower().replace("-", " ")
    assert two_factor.verify(typed) is VerificationMethod.RECOVERY_CODE
    assert two_factor.status().recovery_codes_left == 9
    with pytest.raises(InvalidCode) as error:
        two_factor.verify(codes[3])
    assert codes[3] not in str(error.value)
    assert two_factor.verify(codes[7]) is VerificationMethod.RECOVERY_CODE
    assert two_factor.status().recovery_codes_left == 8


def test_regenerated_recovery_codes_replace_the_old_ones(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock
) -> None:
    two_factor, secret, old = enrolled
    new = two_factor.regenerate_recovery_codes(code_at(secret, clock))
    assert not set(new) & set(old)
    with pytest.raises(InvalidCode):
        two_factor.verify(old[0])
    assert two_factor.verify(new[0]) is VerificationMethod.RECOVERY_CODE


def test_disable_needs_a_valid_code(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]],
    secret_store: MemorySecretStore,
    clock: FixedClock,
) -> None:
    two_factor, secret, _ = enrolled
    wrong = "123456" if code_at(secret, clock) != "123456" else "654321"
    with pytest.raises(InvalidCode) as error:
        two_factor.disable(wrong)
    assert wrong not in str(error.value)
    assert secret not in str(error.value)
    assert two_factor.is_enabled
    two_factor.disable(code_at(secret, clock))
    assert not two_factor.is_enabled
    assert secret_store.get_secret(SecuritySecret.TOTP_SECRET) is None
    assert secret_store.get_secret(SecuritySecret.TOTP_STATE_KEY) is None
    assert not two_factor.state_path.exists()
    with pytest.raises(NotEnrolled):
        two_factor.verify(code_at(secret, clock, 1))
    # A fresh enrolment is possible again.
    assert two_factor.begin_enrollment().secret != secret


def test_error_messages_are_translatable_plurals(
    enrolled: tuple[TwoFactor, str, tuple[str, ...]], clock: FixedClock
) -> None:
    two_factor, secret, _ = enrolled
    for _ in range(5):
        with pytest.raises(TwoFactorError) as error:
            two_factor.verify("000000" if code_at(secret, clock) != "000000" else "111111")
    message = error.value.user_message
    assert message.context == "TwoFactor"
    assert "%n" in message.source
    assert message.count == 30
    assert "30 second(s)" in str(error.value)
