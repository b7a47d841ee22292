"""``privacy-desktop scan`` and ``privacy-desktop inventory`` in-process against a demo portal,
with a data dir and a keyring service of their own on the real Secret Service."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import CliRunner as Cli

from privacy_desktop.cli import KEYRING_SERVICE_ENV
from privacy_desktop.demo_portal import truth
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import Plan

pytestmark = pytest.mark.keyring

CONFIG = DemoPortalConfig(
    seed=31, users=8, contacts=250, leads=40, companies=10, deals=10, time_scale=0.001
)


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoPortal]:
    with DemoPortal(CONFIG) as portal:
        yield portal


@pytest.fixture
def cli(
    qapp: object,
    data_dir: Path,
    keyring_service: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo: DemoPortal,
) -> Cli:
    runner = Cli(data_dir, keyring_service, capsys, monkeypatch)
    code, _, err = runner(
        "portal", "add", "Demo", "--webhook", "-", "--plan", Plan.UNLIMITED.value,
        stdin=demo.webhook_url,
    )  # fmt: skip
    assert code == 0, err
    return runner


def test_scan_reports_progress_on_stderr_and_the_result_on_stdout(cli: Cli) -> None:
    code, out, err = cli("scan", "Demo")

    assert code == 0, err
    assert out.startswith("Scan 1 of “Demo” completed: ")
    lines = err.splitlines()
    assert any(
        line.startswith("Reading contacts: ") and " of 250 records" in line for line in lines
    )
    assert not any(line.startswith("Looking for deleted") for line in lines)  # a full scan
    assert "Traceback" not in err


def test_inventory_json_has_counts_per_category_entity_field_and_kind(
    cli: Cli, demo: DemoPortal
) -> None:
    assert cli("scan", "Demo")[0] == 0

    code, out, err = cli("inventory", "Demo", "--json")

    assert code == 0, err
    report = json.loads(out)
    dataset = demo.dataset
    assert report["portal"] == "Demo"
    assert report["last_scan"]["kind"] == "full"
    assert report["last_scan"]["status"] == "completed"
    assert report["entities"] == {k: v for k, v in truth.record_counts(dataset).items() if v}
    fields = {(f["entity"], f["field"], f["kind"]): f for f in report["fields"]}
    for key, count in truth.inventory_truth(dataset).items():
        assert fields[key]["records"] == count, key
    assert fields[("contact", "PHONE", "phone")]["category"] == "1.3"
    assert set(report["categories"]) <= {"1.1", "1.2", "1.3", "1.4"}
    assert report["kinds"]["phone"] >= fields[("contact", "PHONE", "phone")]["records"]
    assert report["skipped"] == []


def test_inventory_for_a_person_and_before_any_scan(cli: Cli) -> None:
    code, out, _ = cli("inventory", "Demo")
    assert code == 0
    assert "has not been scanned yet" in out
    assert "privacy-desktop scan Demo" in out

    assert cli("scan", "Demo")[0] == 0
    code, out, _ = cli("inventory", "demo")  # names are matched ignoring case
    assert code == 0
    assert "1.3 Uploaded into the portal: " in out
    assert "Contacts / " in out


def test_scanning_an_unknown_portal_is_a_clear_error(cli: Cli) -> None:
    code, _, err = cli("scan", "Nowhere")

    assert code == 1
    assert "There is no portal named “Nowhere”." in err


def test_a_reader_that_goes_away_ends_the_command_quietly(
    cli: Cli, keyring_service: str, data_dir: Path
) -> None:
    """``privacy-desktop inventory Demo --json | head -c0``: no traceback, no "unexpected"."""
    assert cli("scan", "Demo")[0] == 0
    env = {**os.environ, KEYRING_SERVICE_ENV: keyring_service}
    command = [sys.executable, "-m", "privacy_desktop", "--lang", "en", "--data-dir"]
    child = subprocess.Popen(
        [*command, str(data_dir), "inventory", "Demo", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # before the child writes a byte: its first write meets no reader
    with child.stderr:
        err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 141, err
    assert err == ""


def test_scans_lists_the_history_and_the_difference_between_two(cli: Cli) -> None:
    with DemoPortal(CONFIG) as live:
        code, _, err = cli(
            "portal", "add", "Live", "--webhook", "-", "--plan", Plan.UNLIMITED.value,
            stdin=live.webhook_url,
        )  # fmt: skip
        assert code == 0, err
        assert cli("scan", "Live")[0] == 0
        phones_before = truth.inventory_truth(live.dataset)[("contact", "PHONE", "phone")]
        live.add_record("contact", {"NAME": "Олена", "PHONE": [{"VALUE": "+380671112233"}]})
        assert cli("scan", "Live")[0] == 0

    code, out, err = cli("scans", "Live", "--json")
    assert code == 0, err
    history = json.loads(out)["scans"]
    assert [scan["status"] for scan in history] == ["completed", "completed"]
    older, newer = history[1]["id"], history[0]["id"]

    code, out, err = cli("scans", "Live", "--diff", str(older), str(newer), "--json")
    assert code == 0, err
    changes = {
        (c["entity"], c["field"], c["kind"]): (c["before"], c["after"])
        for c in json.loads(out)["count_changes"]
    }
    assert changes[("contact", "PHONE", "phone")] == (phones_before, phones_before + 1)

    code, out, _ = cli("scans", "Live", "--diff", str(older), str(newer))
    assert code == 0
    assert f"{phones_before} → {phones_before + 1} (+1)" in out

    code, _, err = cli("scans", "Live", "--diff", str(older), "999")
    assert code == 1
    assert "Traceback" not in err
