"""Fixtures shared by every test: offscreen Qt, a temporary data dir, the real keyring check.

Qt runs offscreen unless ``--onscreen`` is given (Dangerzone's switch). Secrets go to a real
Secret Service (gnome-keyring under ``dbus-run-session``, see scripts/run-tests.sh); tests that
need it fail — never skip — when it is absent, so a missing keyring cannot pass silently.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--onscreen", action="store_true", default=False, help="show Qt windows on the screen"
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Tests must never touch the person's real settings or data.
    os.environ.setdefault("PRIVACY_DESKTOP_TESTING", "1")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty base directory for AppPaths.from_base()."""
    base = tmp_path / "privacy-desktop"
    base.mkdir()
    return base


@pytest.fixture
def keyring_service() -> Iterator[str]:
    """A keyring service name unique to the test, on the real Secret Service."""
    import keyring
    from keyring.backends import SecretService

    backend = keyring.get_keyring()
    if not isinstance(backend, SecretService.Keyring):
        pytest.fail(
            "No Secret Service keyring is reachable (backend: "
            f"{type(backend).__module__}.{type(backend).__name__}). Run the tests through "
            "scripts/run-tests.sh, which starts gnome-keyring under dbus-run-session."
        )
    service = f"privacy-desktop-test-{uuid.uuid4().hex[:12]}"
    yield service
    # Whatever the test left under its service name goes, so a developer's own keyring
    # (when the tests run on a desktop session) does not collect test secrets.
    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        for item in collection.search_items({"service": service}):
            item.delete()
