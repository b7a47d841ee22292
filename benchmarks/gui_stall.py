"""GUI stall: the longest gap in the GUI event loop during a scan and while scrolling 1M rows.

A 1 ms heartbeat timer runs on the GUI thread; every gap between two beats longer than the
interval is time the event loop could not react (a stall). Measured in the real main window
with the real services (demo portal in a child process, SQLCipher store, Secret Service):

1. a full scan of a demo portal with ``--contacts`` contacts, started with the dashboard's
   Scan button, until the dashboard and the personal data view show it;
2. the drill-down table over ``--rows`` records (written straight into the store, as a scan
   of a huge portal would leave them) scrolled to its end the way a person holding End does
   — every page appended as soon as it arrives — with jumps back into pages already dropped.

Prints::

    scan: records=… seconds=… max_stall_ms=… p99_stall_ms=…
    scroll: rows=… seconds=… max_stall_ms=… p99_stall_ms=… refetched_pages=…
    peak_rss_mb=…

with the worst stalls (when they happened) and the full garbage collections of each phase:
a long collection holds the GIL, and so stalls the GUI thread whichever thread runs it.
``--gc-freeze`` freezes start-up's objects first (``gc.freeze()``; the application does not
do it yet) and ``--switch-interval`` sets Python's GIL switch interval, to weigh both levers.

Goals (issue 4): stalls ≤ 16 ms, peak RSS ≤ 300 MB. It needs the Secret Service:

    scripts/with-keyring.sh .venv/bin/python benchmarks/gui_stall.py --contacts 100000

Smaller runs: ``--contacts 5000 --rows 100000``.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_process import DemoPortalProcess

HEARTBEAT_MS = 1
STALL_GOAL_MS = 16
#: How often the scroll driver moves the scroll bar to the end (a held End key repeats).
SCROLL_TICK_MS = 4
#: Records written to the store per transaction while preparing the scroll test.
WRITE_BATCH = 5_000
BENCH_PORTAL = "Bench rows"
BENCH_FIELD = "UF_CRM_BENCH_PHONE"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000, help="contacts to scan")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows to scroll")
    parser.add_argument("--plan", default="unlimited", help="the demo portal's plan")
    parser.add_argument("--jumps", type=int, default=200, help="jumps back while scrolling")
    parser.add_argument("--onscreen", action="store_true", help="show the window")
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() once the window is up (what app.py should do, see the report)",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=None,
        help="sys.setswitchinterval() in seconds (Python's default is 0.005)",
    )
    return parser.parse_args()


def say(text: str) -> None:
    """Print at once: a long run is watched as it goes."""
    print(text, flush=True)


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def main() -> int:
    args = parse_args()
    if not args.onscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval)
    # Imported after QT_QPA_PLATFORM is set.
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from privacy_desktop.domain.inventory import ScanKind, ScannedRecord
    from privacy_desktop.domain.personal_data import Entity, FoundValue, PiiKind
    from privacy_desktop.gui.i18n import Language
    from privacy_desktop.gui.item_models.inventory_tree_model import DrillDown
    from privacy_desktop.gui.main_window import MainWindow
    from privacy_desktop.gui.navigation import ViewKey
    from privacy_desktop.gui.workers.runner import TaskRunner
    from privacy_desktop.paths import AppPaths
    from privacy_desktop.services.context import AppContext
    from privacy_desktop.store.record_writes import RecordWriter
    from privacy_desktop.store.repositories import ScanRepository

    app = QApplication([sys.argv[0]])
    collections: list[tuple[int, float]] = []
    gc_started = [0.0]

    def gc_watch(phase: str, info: dict[str, int]) -> None:
        # Which thread collects is whichever allocated last: a long collection on a worker
        # holds the GIL and so stalls the GUI thread too.
        if phase == "start":
            gc_started[0] = time.perf_counter()
        elif info["generation"] == 2:
            collections.append((info["collected"], (time.perf_counter() - gc_started[0]) * 1e3))

    gc.callbacks.append(gc_watch)

    def gc_figures() -> str:
        slowest = max((ms for _n, ms in collections), default=0.0)
        text = f"gen2_collections={len(collections)} slowest_gen2_ms={slowest:.0f}"
        collections.clear()
        return text

    class Heartbeat:
        """Beats every HEARTBEAT_MS on the GUI thread and keeps the gaps between beats."""

        def __init__(self) -> None:
            self.timer = QTimer()
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(HEARTBEAT_MS)
            self.timer.timeout.connect(self._beat)
            self.clock = QElapsedTimer()
            self.gaps_ms: list[float] = []
            #: (seconds since start, gap) of every gap over the goal, to see when they happen.
            self.long: list[tuple[float, float]] = []
            self._last = 0

        def start(self) -> None:
            self.gaps_ms = []
            self.long = []
            self.clock.start()
            self._last = self.clock.nsecsElapsed()
            self.timer.start()

        def stop(self) -> None:
            self.timer.stop()

        def _beat(self) -> None:
            now = self.clock.nsecsElapsed()
            gap = (now - self._last) / 1e6
            self.gaps_ms.append(gap)
            if gap > STALL_GOAL_MS:
                self.long.append((self._last / 1e9, gap))
            self._last = now

        def figures(self) -> str:
            gaps = sorted(self.gaps_ms) or [0.0]
            p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
            over = len(self.long)
            return (
                f"max_stall_ms={gaps[-1]:.1f} p99_stall_ms={p99:.1f} beats={len(gaps)} "
                f"stalls_over_{STALL_GOAL_MS}ms={over}"
            )

        def worst(self, count: int = 8) -> str:
            worst = sorted(self.long, key=lambda item: -item[1])[:count]
            return " ".join(f"{gap:.0f}ms@{at:.1f}s" for at, gap in sorted(worst))

    def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
        """Run the event loop until ``predicate`` holds (checked every 5 ms)."""
        if predicate():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(lambda: loop.quit() if predicate() else None)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(int(timeout_s * 1000))
        loop.exec()
        poll.stop()
        if not predicate():
            raise TimeoutError(f"timed out waiting for {what}")

    keyring_service = f"privacy-desktop-bench-{uuid.uuid4().hex[:12]}"
    heartbeat = Heartbeat()
    with (
        tempfile.TemporaryDirectory() as temporary,
        DemoPortalProcess(["--contacts", str(args.contacts), "--plan", args.plan]) as demo,
    ):
        context = AppContext.build(
            AppPaths.from_base(Path(temporary)), keyring_service=keyring_service
        )
        runner = TaskRunner()
        try:
            context.portals.add_webhook("Bench", demo.webhook_url)
            window = MainWindow(context, runner, language=Language.ENGLISH)
            window.resize(1200, 800)
            window.show()
            overview = window.dashboard.inventory
            wait_until(lambda: overview.overview() is not None, 120, "the dashboard")
            if args.gc_freeze:
                # Start-up's objects (Qt wrappers, SQLAlchemy, Alembic…) leave the collector's
                # view: a full collection then walks only what was made since.
                gc.collect()
                gc.freeze()
            say(f"scanning {args.contacts} contacts (plan {args.plan})…")

            # ---------------------------------------------------------------- 1. scan
            overview.full_scan.setChecked(True)
            finished: list[object] = []
            window.scans.scanFinished.connect(finished.append)
            failed: list[str] = []
            window.scans.scanFailed.connect(failed.append)
            stages: list[tuple[float, str]] = []

            def note_stage(_progress: object) -> None:
                text = overview.progress.stage.text()
                if not stages or stages[-1][1] != text:
                    stages.append((heartbeat.clock.nsecsElapsed() / 1e9, text))

            window.scans.progressed.connect(note_stage)
            heartbeat.start()
            started = time.perf_counter()
            overview.scan_button.click()
            wait_until(lambda: bool(finished or failed), 3600, "the scan")
            if failed:
                print(f"scan failed: {failed[0]}", file=sys.stderr, flush=True)
                return 1
            scan_id = getattr(finished[0], "id", None)

            def shown() -> bool:
                data = overview.overview()
                summary = window.personal_data.summary()
                return (
                    data is not None
                    and data.summary.last_scan is not None
                    and data.summary.last_scan.id == scan_id
                    and summary is not None
                    and summary.last_scan is not None
                    and summary.last_scan.id == scan_id
                )

            wait_until(shown, 600, "the views to show the scan")
            seconds = time.perf_counter() - started
            heartbeat.stop()
            records = getattr(finished[0], "records", 0)
            say(f"scan: records={records} seconds={seconds:.1f} {heartbeat.figures()}")
            say(f"  worst stalls: {heartbeat.worst()}")
            say(f"  {gc_figures()}")
            say("  stages: " + "; ".join(f"{at:.1f}s {text}" for at, text in stages))
            say(f"peak_rss_mb_after_scan={peak_rss_mb():.0f}")

            # ---------------------------------------------------------------- 2. scroll
            database = context.store.database()
            scan = ScanRepository(database).start_scan(
                BENCH_PORTAL,
                ScanKind.FULL,
                datetime.now(UTC),
                [Entity.CONTACT],
                portal_started=None,
                since=None,
            )
            writer = RecordWriter(database)
            started = time.perf_counter()
            for first in range(1, args.rows + 1, WRITE_BATCH):
                page = [
                    ScannedRecord(
                        record_id=number,
                        modified_at=None,
                        title=f"Олена Петренко {number}",
                        values=(
                            FoundValue(
                                BENCH_FIELD,
                                PiiKind.PHONE,
                                f"+38067{number:07d}",
                                f"+38 (067) {number:07d}",
                            ),
                        ),
                    )
                    for number in range(first, min(first + WRITE_BATCH, args.rows + 1))
                ]
                writer.store_page(BENCH_PORTAL, scan.id, Entity.CONTACT, page, phase="read")
            say(f"prepared: rows={args.rows} seconds={time.perf_counter() - started:.1f}")

            window.show_view(ViewKey.PERSONAL_DATA)
            gc_figures()
            panel = window.personal_data.panel
            model = panel.records
            table = panel.table
            heartbeat.start()
            started = time.perf_counter()
            panel.show_records(BENCH_PORTAL, DrillDown(Entity.CONTACT, BENCH_FIELD, PiiKind.PHONE))
            wait_until(lambda: model.loaded_rows() > 0, 120, "the first page")
            say(f"scrolling {args.rows} rows…")

            def to_bottom() -> None:
                bar = table.verticalScrollBar()
                bar.setValue(bar.maximum())

            # A held End key: the scroll bar goes to the end again and again, so the view asks
            # for the next page (canFetchMore/fetchMore) as soon as the last one is in.
            scroller = QTimer()
            scroller.setInterval(SCROLL_TICK_MS)
            scroller.timeout.connect(to_bottom)
            scroller.start()
            wait_until(lambda: model.loaded_rows() >= args.rows, 7200, "every row")
            scroller.stop()
            seconds = time.perf_counter() - started
            # Then drags back up into pages the model dropped: each is read again.
            rng = random.Random(1)
            refetched = 0
            for _ in range(args.jumps):
                row = rng.randrange(0, args.rows)
                if model.record(row) is None:
                    refetched += 1
                table.scrollTo(model.index(row, 0))
                wait_until(lambda r=row: model.record(r) is not None, 60, "a dropped page")
            heartbeat.stop()
            say(
                f"scroll: rows={model.loaded_rows()} seconds_to_end={seconds:.1f} "
                f"refetched_pages={refetched} cached_pages={model.cached_pages()} "
                f"{heartbeat.figures()}"
            )
            say(f"  worst stalls: {heartbeat.worst()}")
            say(f"  {gc_figures()}")
            say(f"peak_rss_mb={peak_rss_mb():.0f}")
            window.close()
        finally:
            runner.shutdown(60.0)
            context.security.close()
            context.store.close()
            forget_keyring(keyring_service)
    app.quit()
    return 0


def forget_keyring(service: str) -> None:
    """Delete every secret the run stored under its own service name."""
    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        for item in collection.search_items({"service": service}):
            item.delete()


if __name__ == "__main__":
    sys.exit(main())
