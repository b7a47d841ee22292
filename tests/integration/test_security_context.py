"""The security service as the application wires it: AppContext, the real Secret Service,
real files, and portal actions recorded in the audit log (demo portal over HTTP)."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote

import keyring
import pyotp
import pytest
from keyring.backends import fail

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.paths import AppPaths
from privacy_desktop.portal.errors import PortalError
from privacy_desktop.security.audit import AuditLogDamaged, AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.secret_store import SecuritySecret
from privacy_desktop.security.session import LockReason
from privacy_desktop.services.context import AppContext, authenticator_label

pytestmark = pytest.mark.keyring

SMALL = DemoPortalConfig(users=6, contacts=12, leads=4, companies=3, deals=3, time_scale=0.001)


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths.from_base(data_dir)


@pytest.fixture
def context(paths: AppPaths, keyring_service: str) -> AppContext:
    return AppContext.build(paths, keyring_service=keyring_service)


def now_code(secret: str) -> str:
    return pyotp.TOTP(secret).at(time.time())


def audit_actions(context: AppContext) -> list[AuditAction]:
    return [entry.action for entry in reversed(context.security.audit_entries(AuditQuery()))]


def test_building_the_context_does_not_touch_the_keyring(
    paths: AppPaths, keyring_service: str
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        context = AppContext.build(paths, keyring_service=keyring_service)
    finally:
        keyring.set_keyring(previous)

    assert not context.security.session.is_locked
    assert context.security.idle_timeout_minutes() == 10
    assert not list(paths.data_dir.iterdir())


def test_enrolment_survives_a_restart_and_locks_it(
    context: AppContext, paths: AppPaths, keyring_service: str
) -> None:
    security = context.security
    enrollment = security.begin_enrollment()
    label = authenticator_label(context.vault.profile)
    assert label.endswith(f"({context.vault.profile})")  # a --data-dir profile
    assert label in unquote(enrollment.provisioning_uri)
    codes = security.confirm_enrollment(enrollment, now_code(enrollment.secret))
    assert context.vault.get_profile_secret(SecuritySecret.TOTP_SECRET) == enrollment.secret
    security.close()

    restarted = AppContext.build(paths, keyring_service=keyring_service).security

    assert restarted.session.is_locked
    assert restarted.starts_locked()
    restarted.unlock(codes[0])
    assert not restarted.session.is_locked
    verification = restarted.verify_audit()
    assert verification.ok
    assert verification.checkpoints >= 1
    assert [e.action for e in reversed(restarted.audit_entries(AuditQuery()))] == [
        AuditAction.TWOFACTOR_ENROLLED,
        AuditAction.RECOVERY_CODE_USED,
        AuditAction.UNLOCK,
    ]


def test_portal_actions_are_recorded(context: AppContext) -> None:
    with DemoPortal(SMALL) as demo:
        context.portals.add_webhook("Demo", demo.webhook_url)
        context.portals.check("demo")
        context.portals.remove("Demo")

    assert audit_actions(context) == [
        AuditAction.PORTAL_ADDED,
        AuditAction.PORTAL_CHECKED,
        AuditAction.PORTAL_REMOVED,
    ]
    added, checked, removed = reversed(context.security.audit_entries(AuditQuery()))
    assert added.portal == checked.portal == removed.portal == "Demo"
    assert added.details == {"auth_kind": "webhook", "plan": "standard"}
    assert checked.details == {"outcome": "ok"}
    assert context.security.verify_audit().ok


def test_a_failed_check_is_recorded_with_its_kind(context: AppContext) -> None:
    with DemoPortal(SMALL) as demo:
        context.portals.add_webhook("Demo", demo.webhook_url)
    # The demo portal is gone: the check cannot connect.
    with pytest.raises(PortalError) as failed:
        context.portals.check("Demo")

    [entry] = context.security.audit_entries(
        AuditQuery(actions=frozenset({AuditAction.PORTAL_CHECKED}))
    )
    assert entry.details == {"outcome": "failed", "error": type(failed.value).__name__}
    context.vault.delete_portal("Demo")


def test_an_audit_failure_does_not_lose_the_portal(context: AppContext) -> None:
    security = context.security
    security.record(AuditAction.SCAN)
    with security.audit.log().path.open("ab") as log_file:
        log_file.write(b'{"torn')

    with DemoPortal(SMALL) as demo:
        context.portals.add_webhook("Demo", demo.webhook_url)

    assert [p.name for p in context.portals.list_portals()] == ["Demo"]
    assert isinstance(security.audit_problem, AuditLogDamaged)
    context.vault.delete_portal("Demo")


def test_lock_is_recorded_and_signed(context: AppContext) -> None:
    security = context.security
    security.lock(LockReason.IDLE)
    security.record_lock(LockReason.IDLE)

    verification = security.verify_audit()
    assert verification.ok
    assert verification.unsigned_tail == 0
    assert audit_actions(context) == [AuditAction.LOCK]


def test_locking_drops_the_open_store_and_it_opens_again_after(context: AppContext) -> None:
    """The store's key and decrypted pages leave memory with the lock (issue 3, §3)."""
    first = context.store.database()
    context.security.lock(LockReason.MANUAL)

    reopened = context.store.database()  # the next unit of work, once unlocked
    assert reopened is not first
    assert reopened.revision() == first.revision()
    context.store.close()
