"""SecurityService: the idle time-out setting, the unavailable unlock, and the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from security_service_fakes import Harness

from privacy_desktop.security.audit import AuditLogDamaged, AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.audit_details import AuditDetailRefused
from privacy_desktop.security.audit_export import verify_export
from privacy_desktop.security.session import LockReason
from privacy_desktop.security.signing_key import key_fingerprint
from privacy_desktop.services import security as security_module
from privacy_desktop.services.security import (
    AuditExportFailed,
    InvalidIdleTimeout,
    SecondFactorRequired,
    UnlockMethod,
    UnlockUnavailable,
)
from privacy_desktop.settings import Settings


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path / "profile")


def test_the_idle_timeout_comes_from_the_settings(harness: Harness) -> None:
    assert harness.service.idle_timeout_minutes() == 10
    harness.settings.save(Settings(auto_lock_minutes=25))

    service = harness.build()

    assert service.idle_timeout_minutes() == 25
    harness.clock.advance(25 * 60 - 1)
    assert not service.lock_if_idle()
    harness.clock.advance(1)
    assert service.lock_if_idle()
    assert service.session.is_locked


def test_a_damaged_settings_file_gives_the_default_timeout(harness: Harness) -> None:
    harness.settings.path.write_text("{not json", encoding="utf-8")

    assert harness.build().idle_timeout_minutes() == Settings().auto_lock_minutes


@pytest.mark.parametrize("minutes", [0, -5, 241, 10_000])
def test_an_idle_timeout_out_of_range_is_refused(harness: Harness, minutes: int) -> None:
    with pytest.raises(InvalidIdleTimeout) as refused:
        harness.service.set_idle_timeout(minutes, None)

    assert "between 1 and 240 minutes" in refused.value.user_message.english()
    assert harness.service.idle_timeout_minutes() == 10


def test_changing_the_timeout_is_saved_applied_and_audited(harness: Harness) -> None:
    harness.service.set_idle_timeout(15, None)

    assert harness.settings.load().auto_lock_minutes == 15
    assert harness.service.idle_timeout_minutes() == 15
    assert harness.details(AuditAction.SETTINGS_CHANGED) == [
        {"setting": "auto_lock_minutes", "old": "10", "new": "15"}
    ]


def test_with_two_step_changing_the_timeout_needs_a_code(harness: Harness) -> None:
    secret, _ = harness.enroll()

    with pytest.raises(SecondFactorRequired):
        harness.service.set_idle_timeout(30, None)
    assert harness.settings.load().auto_lock_minutes == 10
    harness.service.set_idle_timeout(30, harness.code(secret))

    assert harness.settings.load().auto_lock_minutes == 30


def test_without_any_account_check_unlocking_is_unavailable(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a platform without PAM (macOS, Windows): no two-step, no account check.
    monkeypatch.setattr(security_module, "os_account_check_available", lambda: False)
    service = harness.service
    service.lock(LockReason.MANUAL)

    assert service.unlock_method() is UnlockMethod.UNAVAILABLE
    with pytest.raises(UnlockUnavailable) as unavailable:
        service.unlock("anything")

    assert "turn on two-step verification" in unavailable.value.user_message.english()
    assert service.session.failed_attempts == 0  # not a wrong password: nothing to count
    assert service.session.is_locked


def test_entries_are_newest_first_filtered_and_capped(harness: Harness) -> None:
    service = harness.service
    for index in range(6):
        portal = "Alpha" if index % 2 == 0 else "Beta"
        service.record(AuditAction.PORTAL_CHECKED, portal=portal, details={"n": str(index)})
        harness.clock.advance(60)

    newest = service.audit_entries(AuditQuery(), limit=4)
    alpha = service.audit_entries(AuditQuery(portal="Alpha"))
    since = datetime.fromtimestamp(harness.clock.now - 150, UTC)
    recent = service.audit_entries(AuditQuery(since=since))

    assert [e.details["n"] for e in newest] == ["5", "4", "3", "2"]
    assert [e.details["n"] for e in alpha] == ["4", "2", "0"]
    assert [e.details["n"] for e in recent] == ["5", "4"]
    assert service.audit_entries(AuditQuery(), limit=0) == []


def test_exports_verify_and_are_audited(harness: Harness, tmp_path: Path) -> None:
    service = harness.service
    service.record(AuditAction.PORTAL_ADDED, portal="Demo", details={"auth_kind": "webhook"})

    json_count = service.export_audit(tmp_path / "audit.json", "json")
    csv_count = service.export_audit(tmp_path / "audit.csv", "csv")

    public_key = service.audit.log().public_key
    as_json = verify_export(tmp_path / "audit.json")
    as_csv = verify_export(tmp_path / "audit.csv", public_key)
    assert as_json.ok
    assert as_csv.ok
    # Each export first signs the head; the JSON one is recorded before the CSV is written.
    assert (json_count, csv_count) == (2, 4)
    assert as_json.unsigned_tail == 0
    document = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    assert document["entries"][0]["portal"] == "Demo"
    assert harness.details(AuditAction.AUDIT_EXPORTED) == [
        {"format": "json", "entries": "2"},
        {"format": "csv", "entries": "4"},
    ]
    assert service.audit_public_key_fingerprint() == key_fingerprint(public_key)


def test_export_errors(harness: Harness, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        harness.service.export_audit(tmp_path / "audit.xml", "xml")
    with pytest.raises(AuditExportFailed) as failed:
        harness.service.export_audit(tmp_path / "missing-dir" / "audit.json", "json")

    assert "missing-dir" not in str(failed.value)
    assert not (tmp_path / "missing-dir").exists()


def test_a_failed_audit_write_does_not_undo_the_action(harness: Harness) -> None:
    service = harness.service
    service.record(AuditAction.PORTAL_ADDED, portal="Demo")
    log_path = service.audit.log().path
    with log_path.open("ab") as log_file:
        log_file.write(b'{"seq": 2, "tru')  # a torn last line: the log refuses to append

    secret, _ = harness.enroll()  # enrolment still succeeds …

    assert service.status().enabled
    assert isinstance(service.audit_problem, AuditLogDamaged)  # … and the gap is known
    with pytest.raises(AuditLogDamaged):
        service.record(AuditAction.SCAN)
    assert secret.encode() not in log_path.read_bytes()


def test_a_detail_that_looks_personal_is_refused(harness: Harness) -> None:
    with pytest.raises(AuditDetailRefused):
        harness.service.record(AuditAction.EXPORT, details={"file": "olena@example.com.json"})

    assert harness.actions() == []


def test_close_signs_only_what_this_run_appended(harness: Harness) -> None:
    service = harness.service
    service.close()
    assert not list(harness.directory.glob("audit-*.jsonl"))  # nothing opened, nothing made

    service.record(AuditAction.SCAN, portal="Demo")
    service.close()
    service.close()

    entries = list(service.audit.log().entries())
    assert [e.action for e in entries] == [AuditAction.SCAN, AuditAction.CHECKPOINT]
    assert service.verify_audit().unsigned_tail == 0
