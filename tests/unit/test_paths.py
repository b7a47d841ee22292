"""AppPaths: the --data-dir override and private directories."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from privacy_desktop.paths import AppPaths


def test_from_base_puts_every_directory_under_the_base(tmp_path: Path) -> None:
    paths = AppPaths.from_base(tmp_path)

    assert {paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir} == {
        tmp_path / "data",
        tmp_path / "config",
        tmp_path / "cache",
        tmp_path / "logs",
    }
    assert paths.settings_file == tmp_path / "config" / "settings.json"


def test_from_base_makes_a_relative_base_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    paths = AppPaths.from_base(Path("portable"))

    assert paths.data_dir == tmp_path / "portable" / "data"


def test_ensure_creates_owner_only_directories(tmp_path: Path) -> None:
    paths = AppPaths.from_base(tmp_path / "base")
    paths.config_dir.mkdir(parents=True, mode=0o755)
    paths.config_dir.chmod(0o755)  # an existing directory of ours is narrowed too

    paths.ensure()
    paths.ensure()  # idempotent

    for directory in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert directory.is_dir()
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_default_uses_the_application_directory_name() -> None:
    paths = AppPaths.default()

    for directory in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert "PrivacyDesktop" in directory.parts
    assert paths.settings_file.parent == paths.config_dir
