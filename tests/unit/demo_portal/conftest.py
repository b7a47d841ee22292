"""One generated dataset per test session (generation is deterministic, rows are read-only)."""

from __future__ import annotations

import pytest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate

#: A portal a bit bigger than the default so shares (2 % gaps, 8 % Latin leads) show.
MEDIUM = DemoPortalConfig(seed=7, users=30, contacts=1500, leads=600, companies=120, deals=300)


@pytest.fixture(scope="session")
def medium_config() -> DemoPortalConfig:
    return MEDIUM


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return generate(MEDIUM)


@pytest.fixture(scope="session")
def default_dataset() -> Dataset:
    return generate(DemoPortalConfig())
