"""Where the application keeps its files: data, configuration, cache and logs.

The directories come from platformdirs; ``--data-dir`` replaces them with one base directory
(tests and portable use). This module imports nothing from the project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

#: The application's directory name under the platform's standard locations.
APP_DIR_NAME = "PrivacyDesktop"

#: Only the owner may enter: the files hold an inventory of personal data.
PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True)
class AppPaths:
    """The application's directories.

    Attributes:
        data_dir: the inventory database, exports and other durable data.
        config_dir: ``settings.json``.
        cache_dir: anything that can be rebuilt.
        log_dir: rotating, redacted logs.
    """

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @classmethod
    def default(cls) -> AppPaths:
        """The platform's standard locations (XDG on Linux, ~/Library on macOS, AppData)."""
        dirs = platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @classmethod
    def from_base(cls, base: Path) -> AppPaths:
        """Every directory under ``base`` (the ``--data-dir`` override)."""
        base = base.expanduser().absolute()
        return cls(
            data_dir=base / "data",
            config_dir=base / "config",
            cache_dir=base / "cache",
            log_dir=base / "logs",
        )

    def ensure(self) -> None:
        """Create every directory (and missing parents) readable by the owner only.

        An existing directory of ours is narrowed to 0700 as well; parents that already
        exist (a home directory, a shared base) are left as they are.
        """
        for directory in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            directory.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
            if os.name == "posix":
                directory.chmod(PRIVATE_DIR_MODE)
