"""SecurityService: guarded actions, enrolment, lock and unlock, idle time-out, audit trail.

Real two-step state files and a real audit log in a temporary directory; the secret store is
in memory and the clock fixed (the real keyring is exercised in tests/integration).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from security_service_fakes import Harness

from privacy_desktop.domain.security import GuardedAction
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.session import LockReason
from privacy_desktop.security.totp_errors import (
    CodeAlreadyUsed,
    InvalidCode,
    TwoFactorLocked,
)
from privacy_desktop.services.os_account import WrongAccountPassword
from privacy_desktop.services.security import (
    SecondFactorRequired,
    UnlockMethod,
)


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path / "profile")


def test_without_two_step_nothing_asks_for_a_code(harness: Harness) -> None:
    service = harness.service

    assert not service.status().enabled
    assert not service.policy().enabled
    assert not service.starts_locked()
    assert not service.session.is_locked
    for action in GuardedAction:
        if action is not GuardedAction.UNLOCK:
            assert not service.needs_code(action)
            service.authorize(action, None)
    assert service.needs_code(GuardedAction.UNLOCK)  # the account password
    assert harness.actions() == []


def test_enrolment_guards_every_action_and_is_audited(harness: Harness) -> None:
    secret, codes = harness.enroll()
    service = harness.service

    assert service.status().enabled
    assert service.policy().guarded == frozenset(GuardedAction)
    assert all(service.needs_code(action) for action in GuardedAction)
    assert harness.actions() == [AuditAction.TWOFACTOR_ENROLLED]
    log_bytes = b"".join(path.read_bytes() for path in harness.directory.glob("audit-*"))
    assert secret.encode() not in log_bytes
    assert not any(code.encode() in log_bytes for code in codes)


def test_a_guarded_action_needs_a_valid_fresh_code(harness: Harness) -> None:
    secret, _ = harness.enroll()
    service = harness.service

    with pytest.raises(SecondFactorRequired) as missing:
        service.authorize(GuardedAction.REVOKE_GRANT, None)
    assert missing.value.action is GuardedAction.REVOKE_GRANT
    assert "two-step verification" in missing.value.user_message.english()
    with pytest.raises(InvalidCode):
        service.authorize(GuardedAction.REVOKE_GRANT, harness.code(secret, 5))
    code = harness.code(secret)
    service.authorize(GuardedAction.REVOKE_GRANT, code)
    with pytest.raises(CodeAlreadyUsed):
        service.authorize(GuardedAction.REVEAL_BULK, code)

    assert harness.details(AuditAction.TWOFACTOR_FAILED) == [
        {"action": "revoke_grant", "reason": "invalid_code"},
        {"action": "reveal_bulk", "reason": "code_reused"},
    ]


def test_a_recovery_code_works_once_and_its_use_is_audited(harness: Harness) -> None:
    _, codes = harness.enroll()
    service = harness.service

    service.authorize(GuardedAction.EXPORT_UNENCRYPTED, codes[0].lower())

    with pytest.raises(InvalidCode):
        service.authorize(GuardedAction.EXPORT_UNENCRYPTED, codes[0])
    assert service.status().recovery_codes_left == len(codes) - 1
    assert harness.details(AuditAction.RECOVERY_CODE_USED) == [{"action": "export_unencrypted"}]


def test_a_lock_out_is_audited_as_such(harness: Harness) -> None:
    secret, _ = harness.enroll()
    service = harness.service
    policy_threshold = 5
    for _ in range(policy_threshold):
        with pytest.raises(InvalidCode):
            service.authorize(GuardedAction.REVEAL_BULK, harness.code(secret, 7))

    with pytest.raises(TwoFactorLocked):
        service.authorize(GuardedAction.REVEAL_BULK, harness.code(secret))

    reasons = [d["reason"] for d in harness.details(AuditAction.TWOFACTOR_FAILED)]
    assert reasons == ["invalid_code"] * policy_threshold + ["locked_out"]


def test_disabling_needs_a_valid_code(harness: Harness) -> None:
    secret, _ = harness.enroll()
    service = harness.service

    with pytest.raises(InvalidCode):
        service.disable(harness.code(secret, 4))
    assert service.status().enabled
    service.disable(harness.code(secret))

    assert not service.status().enabled
    assert harness.actions()[-2:] == [AuditAction.TWOFACTOR_FAILED, AuditAction.TWOFACTOR_DISABLED]
    assert harness.details(AuditAction.TWOFACTOR_FAILED) == [
        {"action": "twofactor_disable", "reason": "invalid_code"}
    ]


def test_disabling_with_a_recovery_code_records_its_use(harness: Harness) -> None:
    _, codes = harness.enroll()

    harness.service.disable(codes[3])

    assert not harness.service.status().enabled
    assert harness.actions()[-2:] == [
        AuditAction.RECOVERY_CODE_USED,
        AuditAction.TWOFACTOR_DISABLED,
    ]


def test_regenerated_recovery_codes_replace_the_old_ones(harness: Harness) -> None:
    secret, old = harness.enroll()
    service = harness.service

    new = service.regenerate_recovery_codes(harness.code(secret))

    assert set(new).isdisjoint(old)
    with pytest.raises(InvalidCode):
        service.authorize(GuardedAction.REVOKE_GRANT, old[0])
    service.authorize(GuardedAction.REVOKE_GRANT, new[0])
    assert AuditAction.RECOVERY_CODES_REGENERATED in harness.actions()


def test_a_tampered_state_is_audited_once(harness: Harness) -> None:
    secret, _ = harness.enroll()
    service = harness.service
    state = service.audit.log().path.with_name("two-factor-state.json")
    state.write_text('{"body": {}, "hmac": "00"}', encoding="utf-8")

    assert service.status().tamper_detected
    assert service.status().tamper_detected
    with pytest.raises(TwoFactorLocked) as locked:
        service.authorize(GuardedAction.REVOKE_GRANT, harness.code(secret))

    assert locked.value.tampered
    assert harness.actions().count(AuditAction.TWOFACTOR_TAMPERED) == 1


def test_an_enrolled_profile_opens_locked(harness: Harness) -> None:
    harness.enroll()

    restarted = harness.build()

    # Locked from construction (a stat of the state file), before any keyring read.
    assert restarted.session.is_locked
    assert restarted.starts_locked()
    assert restarted.unlock_method() is UnlockMethod.TWO_FACTOR


def test_removing_the_state_file_does_not_open_the_session(harness: Harness) -> None:
    harness.enroll()
    harness.service.audit.log().path.with_name("two-factor-state.json").unlink()

    restarted = harness.build()

    assert not restarted.session.is_locked  # the quick look cannot tell …
    assert restarted.starts_locked()  # … the full check can, and locks
    assert restarted.session.is_locked
    assert harness.actions()[-1] is AuditAction.TWOFACTOR_TAMPERED


def test_lock_clears_caches_and_unlock_needs_the_code(harness: Harness) -> None:
    secret, _ = harness.enroll()
    service = harness.service
    decrypted = service.session.caches.register({"contact-7": "Олена Коваль"})

    service.lock(LockReason.MANUAL)
    assert harness.actions() == [AuditAction.TWOFACTOR_ENROLLED]  # lock() writes nothing
    service.record_lock(LockReason.MANUAL)

    assert service.session.is_locked
    assert decrypted == {}
    with pytest.raises(InvalidCode):
        service.unlock(harness.code(secret, 9))
    assert service.session.is_locked
    service.unlock(harness.code(secret))
    assert not service.session.is_locked
    assert harness.actions()[1:] == [
        AuditAction.LOCK,
        AuditAction.UNLOCK_FAILED,
        AuditAction.UNLOCK,
    ]
    assert harness.details(AuditAction.LOCK) == [{"reason": "manual"}]
    assert harness.details(AuditAction.UNLOCK_FAILED) == [
        {"reason": "invalid_code", "attempt": "1"}
    ]
    assert harness.details(AuditAction.UNLOCK) == [{"method": "totp"}]
    # record_lock signed the head: the LOCK entry is followed by a checkpoint.
    assert service.verify_audit().ok


def test_unlock_with_a_recovery_code(harness: Harness) -> None:
    _, codes = harness.enroll()
    service = harness.service
    service.lock(LockReason.IDLE)

    service.unlock(codes[9])

    assert not service.session.is_locked
    assert harness.details(AuditAction.UNLOCK) == [{"method": "recovery_code"}]
    assert AuditAction.RECOVERY_CODE_USED in harness.actions()


def test_unlocking_an_unlocked_session_checks_nothing(harness: Harness) -> None:
    harness.enroll()

    harness.service.unlock("not a code")

    assert harness.actions() == [AuditAction.TWOFACTOR_ENROLLED]


def test_without_two_step_the_account_password_unlocks(tmp_path: Path) -> None:
    # An injected check: the success path of real PAM needs the account's real password,
    # which no test can know (test_os_account.py shows real PAM refusing a wrong one).
    def account_check(password: str) -> None:
        if password != "correct horse":
            raise WrongAccountPassword()

    harness = Harness(tmp_path / "profile", os_check=account_check)
    service = harness.service
    assert service.unlock_method() is UnlockMethod.OS_ACCOUNT
    service.lock(LockReason.SCREEN_LOCKED)

    with pytest.raises(WrongAccountPassword):
        service.unlock("battery staple")
    service.unlock("correct horse")

    assert not service.session.is_locked
    assert harness.details(AuditAction.UNLOCK_FAILED) == [
        {"reason": "wrong_password", "attempt": "1"}
    ]
    assert harness.details(AuditAction.UNLOCK) == [{"method": "os_account"}]
    log_bytes = b"".join(path.read_bytes() for path in harness.directory.glob("audit-*"))
    assert b"correct horse" not in log_bytes
    assert b"battery staple" not in log_bytes
