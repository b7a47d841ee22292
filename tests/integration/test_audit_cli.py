"""``privacy-desktop audit verify|export|list``, in-process, on the real Secret Service.

Entries are written through the application's own SecurityService (as the GUI would), then
the command line reads, verifies and exports them; the log file is edited by hand to show
that ``verify`` names the first broken entry and exits 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from cli_runner import CliRunner
from keyring.backends import fail

from privacy_desktop.security.audit import AuditQuery
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.audit_export import verify_export
from privacy_desktop.services.context import AppContext


class AuditCli(CliRunner):
    """``privacy-desktop audit …`` with a log the test can seed."""

    def context(self) -> AppContext:
        return AppContext.build(self.paths, keyring_service=self.service)

    def seed(self) -> Path:
        """Five entries about two portals and a signed head; returns the log file."""
        security = self.context().security
        for index in range(4):
            portal = "Main" if index % 2 == 0 else "Backup"
            security.record(AuditAction.PORTAL_CHECKED, portal=portal, details={"n": str(index)})
        security.record(AuditAction.UNLOCK_FAILED, details={"reason": "invalid_code"})
        security.close()
        return security.audit.log().path


@pytest.fixture
def cli(
    qapp: object,
    data_dir: Path,
    keyring_service: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> AuditCli:
    return AuditCli(data_dir, keyring_service, capsys, monkeypatch, "audit")


@pytest.mark.keyring
def test_verify_an_intact_log(cli: AuditCli) -> None:
    cli.seed()
    fingerprint = cli.context().security.audit_public_key_fingerprint()

    code, out, err = cli("verify")

    assert (code, err) == (0, "")
    assert "The audit log is intact. Entries verified: 6." in out
    assert "Signed checkpoints: 1." in out
    assert fingerprint in out


@pytest.mark.keyring
def test_an_edited_line_fails_verification_at_its_seq(cli: AuditCli) -> None:
    log_path = cli.seed()
    lines = log_path.read_bytes().splitlines(keepends=True)
    assert b'"n":"2"' in lines[2]
    lines[2] = lines[2].replace(b'"n":"2"', b'"n":"9"')
    log_path.write_bytes(b"".join(lines))

    code, out, _ = cli("verify")

    assert code == 1
    assert "The audit log is broken at entry 3: Entry 3 was changed after it was written" in out
    assert "Intact entries before it: 2." in out


@pytest.mark.keyring
def test_a_deleted_line_fails_verification_where_it_was(cli: AuditCli) -> None:
    log_path = cli.seed()
    lines = log_path.read_bytes().splitlines(keepends=True)
    del lines[1]
    log_path.write_bytes(b"".join(lines))

    code, out, _ = cli("verify")

    assert code == 1
    assert "broken at entry 2: Entry 2 is out of sequence" in out


@pytest.mark.keyring
def test_a_log_cut_short_fails_against_the_keyring_anchor(cli: AuditCli) -> None:
    log_path = cli.seed()
    lines = log_path.read_bytes().splitlines(keepends=True)
    log_path.write_bytes(b"".join(lines[:-1]))  # drop the signed checkpoint at the end

    code, out, _ = cli("verify")

    assert code == 1
    assert "broken at entry 6" in out
    assert "checkpoint 6 was written" in out


@pytest.mark.keyring
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_writes_a_verifiable_file(cli: AuditCli, tmp_path: Path, fmt: str) -> None:
    cli.seed()
    out_file = tmp_path / f"audit.{fmt}"

    code, out, err = cli("export", "--format", fmt, "--out", str(out_file))

    assert (code, err) == (0, "")
    assert f"Audit entries exported to {out_file}: 7." in out
    public_key = cli.context().security.audit.log().public_key
    assert verify_export(out_file, public_key).ok
    if fmt == "json":
        assert len(json.loads(out_file.read_text(encoding="utf-8"))["entries"]) == 7
    exported = cli.context().security.audit_entries(
        AuditQuery(actions=frozenset({AuditAction.AUDIT_EXPORTED}))
    )
    assert exported[0].details == {"format": fmt, "entries": "7"}


@pytest.mark.keyring
def test_list_filters_and_limits(cli: AuditCli) -> None:
    cli.seed()

    code, out, _ = cli("list", "--portal", "Main")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["SEQ", "TIME", "ACTION", "PORTAL", "USER", "DETAILS"]
    assert [row.split()[0] for row in rows] == ["1", "3"]  # oldest first
    assert all("portal_checked" in row and "Main" in row for row in rows)

    code, out, _ = cli("list", "--limit", "2")
    assert [row.split()[0] for row in out.splitlines()[1:]] == ["4", "5"]

    code, out, _ = cli("list", "--action", "unlock_failed")
    assert [row.split()[-1] for row in out.splitlines()[1:]] == ["reason=invalid_code"]

    code, out, _ = cli("list", "--action", "checkpoint")
    assert [row.split()[0] for row in out.splitlines()[1:]] == ["6"]

    code, out, _ = cli("list", "--portal", "Nowhere")
    assert (code, out.strip()) == (0, "No audit entries match.")


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--limit", "0"),
        ("list", "--limit", "many"),
        ("list", "--action", "launch_rockets"),
        ("export", "--format", "xml", "--out", "x.xml"),
        ("export", "--format", "csv"),
        (),
    ],
)
def test_usage_errors_exit_with_2(cli: AuditCli, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)

    assert code == 2
    assert "usage" in err


def test_help_lists_the_actions(cli: AuditCli) -> None:
    code, out, _ = cli("--help")
    assert code == 0
    for action in ("verify", "export", "list"):
        assert action in out

    code, out, _ = cli("export", "--help")
    assert "--format {csv,json}" in out
    assert "--out FILE" in out


def test_no_keyring_explains_and_exits_1(cli: AuditCli) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        code, _, err = cli("verify")
    finally:
        keyring.set_keyring(previous)

    assert code == 1
    assert "No secure keyring is available" in err
