"""Issue 3, "No leaks": an end-to-end session through the services, then a grep of every file.

The session runs on the real Secret Service, a demo portal over HTTP and debug-level
logging: portals added by webhook and by OAuth, checked (OAuth tokens rotated on the way),
contacts read through the portal client, two-step verification enrolled and used, the session
locked and unlocked, the audit log verified and exported. Then every file under the data
directory (data, settings, cache, logs, exports) and under the process's temporary directory
is searched for every secret and for a sample of personal values, in the spellings a leak
would take (raw UTF-8, JSON ``\\u`` escapes, URL encoding, bare phone digits): zero hits.

Extension point: scans, reveals, exports and revokes do not exist yet. When they land, add
a step function below (it receives the :class:`LeakRun`, drives the service, and adds any
new secret or personal value it handles to ``run.secrets``/``run.personal``) and list it in
:data:`STEPS`; the grep covers it with no other change.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyotp
import pytest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.personal_data import Entity, PiiKind
from privacy_desktop.domain.security import GuardedAction
from privacy_desktop.paths import AppPaths
from privacy_desktop.security.session import LockReason
from privacy_desktop.security.totp_errors import InvalidCode
from privacy_desktop.security.vault import SecretKind
from privacy_desktop.services.context import AppContext

pytestmark = pytest.mark.keyring

SMALL = DemoPortalConfig(users=6, contacts=12, leads=4, companies=3, deals=3, time_scale=0.001)
WEBHOOK_PORTAL = "Webhook demo"
OAUTH_PORTAL = "OAuth demo"


@dataclass
class LeakRun:
    """The state of one end-to-end session and everything that must not leak from it.

    Attributes:
        context: the application context, built as the application builds it.
        demo: the demo portal.
        export_dir: where the session's own exports go (inside the data dir, so searched).
        secrets: label → secret value handled during the session.
        personal: label → personal value handled during the session.
    """

    context: AppContext
    demo: DemoPortal
    export_dir: Path
    secrets: dict[str, str] = field(default_factory=dict)
    personal: dict[str, str] = field(default_factory=dict)


def connect_portals(run: LeakRun) -> None:
    """Add the demo portal by webhook and by OAuth, check both, rotate the OAuth tokens."""
    portals, vault, demo = run.context.portals, run.context.vault, run.demo
    run.secrets["webhook secret"] = demo.webhook_url.rstrip("/").rsplit("/", 1)[-1]
    run.secrets["OAuth client secret"] = demo.oauth_client_secret
    authorization_code = demo.issue_authorization_code()
    run.secrets["OAuth authorization code"] = authorization_code

    portals.add_webhook(WEBHOOK_PORTAL, demo.webhook_url)
    portals.add_oauth(
        OAUTH_PORTAL,
        demo.base_url,
        demo.oauth_client_id,
        demo.oauth_client_secret,
        authorization_code,
        token_url=demo.oauth_token_url,
    )
    remember_oauth_tokens(run, "first")
    info = portals.check(WEBHOOK_PORTAL)
    run.personal["administrator's name"] = info.user_name
    demo.expire_access_tokens()
    portals.check(OAUTH_PORTAL)  # refreshes the pair on the way
    remember_oauth_tokens(run, "rotated")
    assert vault.get_secret(WEBHOOK_PORTAL, SecretKind.WEBHOOK_SECRET)


def remember_oauth_tokens(run: LeakRun, when: str) -> None:
    stored = run.context.vault.get_secret(OAUTH_PORTAL, SecretKind.OAUTH_TOKENS)
    tokens = json.loads(stored or "{}")
    run.secrets[f"{when} OAuth access token"] = tokens["access_token"]
    run.secrets[f"{when} OAuth refresh token"] = tokens["refresh_token"]


def read_contacts(run: LeakRun) -> None:
    """Pull personal data through the portal client (as a scan will) and sample it."""
    select = ["ID", "NAME", "LAST_NAME", "PHONE", "EMAIL"]
    for portal in (WEBHOOK_PORTAL, OAUTH_PORTAL):
        with run.context.portals.open_client(portal) as client:
            response = client.call("crm.contact.list", {"select": select})
            assert response.result
    contacts = sorted(run.demo.dataset.contacts.items())[:4]
    for contact_id, contact in contacts:
        run.personal[f"contact {contact_id} name"] = f"{contact['NAME']} {contact['LAST_NAME']}"
        run.personal[f"contact {contact_id} last name"] = contact["LAST_NAME"]
        for kind in ("PHONE", "EMAIL"):
            for index, item in enumerate(contact.get(kind) or []):
                run.personal[f"contact {contact_id} {kind} {index}"] = item["VALUE"]
    for person in run.demo.dataset.planted_people[:2]:
        run.personal[f"{person.key} name"] = person.names[0]
        run.personal[f"{person.key} phone"] = person.phones_e164[0]
        run.personal[f"{person.key} e-mail"] = person.emails[0]
        if person.rnokpp:
            run.personal[f"{person.key} RNOKPP"] = person.rnokpp


def use_two_step_verification(run: LeakRun) -> None:
    """Enrol, guard an action with a TOTP code, fail once, use a recovery code."""
    security = run.context.security
    enrollment = security.begin_enrollment()
    run.secrets["TOTP secret"] = enrollment.secret
    # The QR code is made in memory, as the wizard makes it.
    assert enrollment.qr_png().startswith(b"\x89PNG")
    assert "<svg" in enrollment.qr_svg()
    totp = pyotp.TOTP(enrollment.secret)
    now = time.time()
    codes = security.confirm_enrollment(enrollment, totp.at(now))
    for index, code in enumerate(codes):
        run.secrets[f"recovery code {index}"] = code
    # The step after the confirmation's is still inside the ±1 window.
    security.authorize(GuardedAction.REVEAL_BULK, totp.at(now + 30))
    with pytest.raises(InvalidCode):
        security.authorize(GuardedAction.REVOKE_GRANT, "ZZZZ-ZZZZ")
    security.authorize(GuardedAction.EXPORT_UNENCRYPTED, codes[0])


def lock_and_unlock(run: LeakRun) -> None:
    security = run.context.security
    caches = security.session.caches.register({"decrypted": next(iter(run.personal.values()))})
    security.lock(LockReason.MANUAL)
    security.record_lock(LockReason.MANUAL)
    assert caches == {}
    security.unlock(run.secrets["recovery code 1"])
    assert not security.session.is_locked


def scan_and_reveal(run: LeakRun) -> None:
    """Scan into the encrypted store, drill down into contacts' phones and reveal one."""
    context = run.context
    scan = context.scanning.scan(WEBHOOK_PORTAL, full=True)
    assert scan.records > 0
    summary = context.inventory.summary(WEBHOOK_PORTAL)
    assert summary.by_kind[PiiKind.PHONE] > 0
    rows = context.inventory.records(
        WEBHOOK_PORTAL, Entity.CONTACT, "PHONE", PiiKind.PHONE, offset=0, limit=5
    )
    assert rows
    revealed = context.inventory.reveal(WEBHOOK_PORTAL, Entity.CONTACT, rows[0].record_id, "PHONE")
    assert revealed
    for index, value in enumerate(revealed):
        run.personal[f"revealed phone {index}"] = value
    context.store.close()  # as at exit: the WAL is folded into the database file


def audit_verify_and_export(run: LeakRun) -> None:
    security = run.context.security
    assert security.verify_audit().ok
    run.export_dir.mkdir()
    assert security.export_audit(run.export_dir / "audit.json", "json") > 0
    assert security.export_audit(run.export_dir / "audit.csv", "csv") > 0
    security.close()


#: The session, in order. Add export and revoke steps here when they land.
STEPS: tuple[Callable[[LeakRun], None], ...] = (
    connect_portals,
    read_contacts,
    use_two_step_verification,
    lock_and_unlock,
    scan_and_reveal,
    audit_verify_and_export,
)


def spellings(value: str) -> set[bytes]:
    """The byte strings under which ``value`` could sit in a file."""
    forms = {
        value.encode("utf-8"),
        json.dumps(value)[1:-1].encode("ascii"),  # \\u escapes of non-ASCII text
        quote(value, safe="").encode("ascii"),
        quote(value).encode("ascii"),
    }
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 10 and len(digits) >= len(value) - 6:  # a phone or a tax number
        forms.add(digits.encode("ascii"))
    return {form for form in forms if len(form) >= 6}


def files_under(*roots: Path) -> list[Path]:
    return [path for root in roots for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The process's temporary directory, owned by this test (TMPDIR and tempfile)."""
    directory = tmp_path / "process-tmp"
    directory.mkdir()
    monkeypatch.setenv("TMPDIR", str(directory))
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


def test_no_secret_or_personal_value_reaches_any_file(
    data_dir: Path, keyring_service: str, private_tmp: Path
) -> None:
    paths = AppPaths.from_base(data_dir)
    context = AppContext.build(paths, keyring_service=keyring_service, log_level=logging.DEBUG)
    with DemoPortal(SMALL) as demo:
        run = LeakRun(context, demo, paths.data_dir / "exports")
        for step in STEPS:
            step(run)

    files = files_under(data_dir, private_tmp)
    names = {path.name for path in files}
    assert "privacy-desktop.log" in names
    assert "settings.json" in names
    assert "two-factor-state.json" in names
    assert {"audit.json", "audit.csv", "inventory.db"} <= names
    assert len(run.secrets) >= 18
    assert len(run.personal) >= 15
    needles = {
        (kind, label, form)
        for kind, values in (("secret", run.secrets), ("personal", run.personal))
        for label, value in values.items()
        for form in spellings(value)
    }
    hits = [
        f"{kind} '{label}' in {path.relative_to(path.anchor)}"
        for path in files
        for content in [path.read_bytes()]
        for kind, label, form in needles
        if form in content
    ]
    assert hits == []
