"""Demo portals for the portal client's contract tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from portal_contract_helpers import QUICK

from privacy_desktop.demo_portal.server import DemoPortal


@pytest.fixture(scope="module")
def quick_portal() -> Iterator[DemoPortal]:
    """A small portal shared by a module's tests (stats are reset per test)."""
    with DemoPortal(QUICK) as running:
        yield running


@pytest.fixture
def portal(quick_portal: DemoPortal) -> DemoPortal:
    quick_portal.reset_stats()
    return quick_portal
