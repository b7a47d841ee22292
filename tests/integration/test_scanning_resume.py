"""Scans that do not go smoothly: injected faults, cancellation, a process killed with
SIGKILL mid-way, and a credential that lacks scopes. Each ends with exactly the portal's
records."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from scanning_helpers import PORTAL, Connected, assert_matches_truth, connected
from sqlalchemy import text

from privacy_desktop.cli.console import KEYRING_SERVICE_ENV
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.inventory import ScanStatus
from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.domain.portals import Plan
from privacy_desktop.domain.progress import Cancelled, CancelToken, Progress
from privacy_desktop.portal.errors import PortalError
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository

pytestmark = pytest.mark.keyring

SMALL = DemoPortalConfig(users=10, leads=60, companies=20, deals=20, time_scale=0.001)


def no_duplicates(connection: Connected) -> None:
    database = connection.context.store.database()
    with database.session() as session:
        values = session.execute(
            text(
                "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT record_key, field, "
                "kind, value FROM found_values)) FROM found_values"
            )
        ).scalar_one()
        records = session.execute(
            text(
                "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT portal, entity, "
                "record_id FROM records)) FROM records"
            )
        ).scalar_one()
    assert (values, records) == (0, 0)


def assert_read_only_the_rest(reports: list[Progress], contacts: int) -> None:
    """The resumed scan started from the contacts already stored and read little more than
    the rest: at most the pages that were in flight, and a few between joined gaps."""
    reading = [r for r in reports if r.stage.source == "Reading contacts"]
    already = reading[0].done
    assert already >= 500
    read_now = reading[-1].done - already
    assert contacts - already <= read_now < contacts - already + 2500


def test_a_scan_through_injected_faults_ends_exact(data_dir: Path, keyring_service: str) -> None:
    config = replace(
        SMALL,
        seed=5,
        contacts=600,
        plan=Plan.UNLIMITED,
        fault_rate=0.12,
        fault_seed=3,
        fault_kinds=("503", "500", "reset", "garbage", "html"),
        batch_fault_rate=0.05,
    )
    with DemoPortal(config) as demo, connected(demo, data_dir, keyring_service) as connection:
        failures = 0
        while True:
            try:
                info = connection.scan()
                break
            except PortalError:
                failures += 1  # retries exhausted: the next call resumes the same scan
                assert failures < 5
        faults = demo.stats().faults

        assert info.status is ScanStatus.COMPLETED
        assert sum(faults.values()) >= 10, faults
        assert faults.get("batch", 0) >= 1
        assert_matches_truth(connection)
        no_duplicates(connection)


def test_a_cancelled_scan_stops_and_the_next_one_resumes_it(
    data_dir: Path, keyring_service: str
) -> None:
    config = replace(SMALL, seed=6, contacts=3000, plan=Plan.UNLIMITED)
    with DemoPortal(config) as demo, connected(demo, data_dir, keyring_service) as connection:
        token = CancelToken()
        seen: list[Progress] = []

        def watch(report: Progress) -> None:
            seen.append(report)
            if report.stage.source == "Reading contacts" and report.done >= 500:
                token.cancel()

        with pytest.raises(Cancelled):
            connection.scan(progress=watch, cancel=token)

        inventory = connection.context.inventory
        cancelled = inventory.scans(PORTAL)[0]
        assert cancelled.status is ScanStatus.CANCELLED
        assert inventory.summary(PORTAL).last_scan is None
        states = {i.entity: i.phase for i in inventory.scan_entities(PORTAL, cancelled.id)}
        assert states[Entity.CONTACT] == "records"
        assert states[Entity.LEAD] == "pending"
        reports: list[Progress] = []

        resumed = connection.scan(progress=reports.append)

        assert resumed.id == cancelled.id
        assert resumed.status is ScanStatus.COMPLETED
        scans = ScanRepository(connection.context.store.database())
        assert scans.state(resumed.id).resumes == 1
        assert_read_only_the_rest(reports, config.contacts)
        assert_matches_truth(connection)
        no_duplicates(connection)


def test_a_scan_killed_mid_way_resumes_and_ends_exact(
    data_dir: Path, keyring_service: str, tmp_path: Path
) -> None:
    # Paced like a real portal (2 requests a second) so that the kill lands mid-way.
    config = replace(SMALL, seed=8, contacts=15_000, plan=Plan.STANDARD, rate=2.0, burst=1)
    with (
        DemoPortal(config) as demo,
        connected(
            demo,
            data_dir,
            keyring_service,
            plan=Plan.STANDARD,
            limits=config.effective_limits(),
        ) as connection,
    ):
        stderr = (tmp_path / "scan-stderr.txt").open("w")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "privacy_desktop",
                "--lang",
                "en",
                "--data-dir",
                str(data_dir),
                "scan",
                PORTAL,
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={
                **os.environ,
                KEYRING_SERVICE_ENV: keyring_service,
                "QT_QPA_PLATFORM": "offscreen",
            },
        )
        try:
            stored = wait_for_contacts(connection, process, at_least=3000)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(60)
            stderr.close()
        assert process.returncode == -signal.SIGKILL
        assert stored < config.contacts
        interrupted = connection.context.inventory.scans(PORTAL)[0]
        assert interrupted.status is ScanStatus.RUNNING  # the process died without a word
        reports: list[Progress] = []

        resumed = connection.scan(progress=reports.append)

        assert resumed.id == interrupted.id
        assert resumed.status is ScanStatus.COMPLETED
        assert_read_only_the_rest(reports, config.contacts)
        assert_matches_truth(connection)
        no_duplicates(connection)


def wait_for_contacts(
    connection: Connected, process: subprocess.Popen[bytes], at_least: int
) -> int:
    """Poll the store (as the GUI would, beside the writing process) until the running scan
    has committed ``at_least`` contacts; the number committed."""
    database = connection.context.store.database()
    scans, writer = ScanRepository(database), RecordWriter(database)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert process.poll() is None, "the scan ended before it could be killed"
        running = scans.unfinished(PORTAL)
        if running is not None:
            stored = writer.seen_count(PORTAL, running.info.id, Entity.CONTACT)
            if stored >= at_least:
                return stored
        time.sleep(0.05)
    raise AssertionError("the scan did not store contacts in time")


def test_entities_whose_scope_is_refused_are_skipped_and_reported(
    data_dir: Path, keyring_service: str
) -> None:
    config = replace(SMALL, seed=9, contacts=200, plan=Plan.UNLIMITED)
    with DemoPortal(config) as demo:
        crm_only = demo.add_webhook(1, ["crm"])
        with connected(demo, data_dir, keyring_service, webhook_url=crm_only) as connection:
            info = connection.scan()

            assert info.status is ScanStatus.COMPLETED
            states = {
                item.entity: item
                for item in connection.context.inventory.scan_entities(PORTAL, info.id)
            }
            assert states[Entity.USER].phase == "skipped"
            assert states[Entity.USER].skipped_code == "insufficient_scope"
            assert states[Entity.DEPARTMENT].phase == "skipped"
            assert states[Entity.CONTACT].phase == "done"
            counts = connection.entity_counts()
            assert "user" not in counts
            assert counts["contact"] == config.contacts
