"""Scan progress: throttled reports with the step, counts, rate and time left."""

from __future__ import annotations

from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.domain.progress import Progress
from privacy_desktop.services.scan_progress import ProgressReporter, checking, reading


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_reports_carry_the_step_the_counts_the_rate_and_the_time_left() -> None:
    reports: list[Progress] = []
    clock = Clock()
    reporter = ProgressReporter(reports.append, clock)

    reporter.stage(reading(Entity.CONTACT), total=1000)
    for _ in range(4):
        clock.now += 1.0
        reporter.advance(50)

    assert reports[0] == Progress(reading(Entity.CONTACT), 0, 1000, None, None)
    last = reports[-1]
    assert (last.done, last.total) == (200, 1000)
    assert last.rate == 50.0
    assert last.eta_s == 16.0
    assert last.stage.source == "Reading contacts"


def test_reports_are_throttled_but_each_step_is_reported_at_once() -> None:
    reports: list[Progress] = []
    clock = Clock()
    reporter = ProgressReporter(reports.append, clock)
    reporter.stage(reading(Entity.LEAD), total=10_000)

    for _ in range(100):
        clock.now += 0.0005
        reporter.advance(50)
    reporter.stage(checking(Entity.LEAD), total=10_000)

    assert len(reports) == 2  # the start of each step; the 100 pages took 0.05 s
    assert reports[-1].stage.source == "Looking for deleted leads"
    assert reports[-1].rate is None  # a new step measures its own pace


def test_more_records_than_announced_raise_the_total() -> None:
    reports: list[Progress] = []
    clock = Clock()
    reporter = ProgressReporter(reports.append, clock)
    reporter.stage(reading(Entity.DEAL), total=10)
    clock.now += 1
    reporter.advance(12)

    assert (reports[-1].done, reports[-1].total) == (12, 12)
