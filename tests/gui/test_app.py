"""The application entry point: ``--self-test`` runs the window and exits 0; no keyring exits 1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from PySide6.QtWidgets import QApplication

from privacy_desktop.app import main


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The failing keyring backend, as on a machine without a Secret Service."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_self_test_opens_the_window_and_returns_zero(
    qapp: QApplication, english: None, data_dir: Path, keyring_service: str
) -> None:
    status = main(
        [
            "--data-dir",
            str(data_dir),
            "--lang",
            "en",
            "--keyring-service",
            keyring_service,
            "--self-test",
        ]
    )
    assert status == 0
    # The window ran and closed normally: it remembered its state.
    assert (data_dir / "config" / "settings.json").is_file()
    assert (data_dir / "config" / "window.ini").is_file()


def test_without_a_secure_keyring_the_explanation_is_shown_and_exit_is_one(
    qapp: QApplication,
    english: None,
    data_dir: Path,
    keyring_service: str,
    no_keyring: None,
) -> None:
    status = main(["--data-dir", str(data_dir), "--lang", "en", "--self-test"])
    assert status == 1
    # No window was built, so nothing was remembered.
    assert not (data_dir / "config" / "window.ini").exists()
    log = (data_dir / "logs").glob("*.log")
    assert any("No secure keyring" in path.read_text(encoding="utf-8") for path in log)


def test_demo_option_registers_the_demo_portal(
    qapp: QApplication, english: None, data_dir: Path, keyring_service: str
) -> None:
    from privacy_desktop.paths import AppPaths
    from privacy_desktop.services.context import AppContext

    status = main(
        [
            "--data-dir",
            str(data_dir),
            "--lang",
            "en",
            "--keyring-service",
            keyring_service,
            "--demo",
            "--demo-contacts",
            "20",
            "--demo-users",
            "5",
            "--self-test",
        ]
    )
    assert status == 0
    context = AppContext.build(AppPaths.from_base(data_dir), keyring_service=keyring_service)
    try:
        settings = context.settings.load()
    finally:
        for profile in context.settings.load().portals:
            context.vault.delete_portal(profile.name)
    assert [p.name for p in settings.portals] == ["Demo portal"]
    assert settings.active_portal == "Demo portal"


def test_damaged_settings_are_reported_not_reset(
    qapp: QApplication, english: None, data_dir: Path, keyring_service: str
) -> None:
    settings_file = data_dir / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{ this is not json", encoding="utf-8")
    status = main(
        ["--data-dir", str(data_dir), "--keyring-service", keyring_service, "--self-test"]
    )
    assert status == 1
    assert settings_file.read_text(encoding="utf-8") == "{ this is not json"
    assert not (data_dir / "config" / "window.ini").exists()
