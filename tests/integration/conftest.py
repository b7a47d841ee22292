"""Fixtures shared by the integration tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def keep_root_logger() -> Iterator[None]:
    """The CLI and ``AppContext.build`` install a log handler on the root logger; put the
    previous handlers and level back after each test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
