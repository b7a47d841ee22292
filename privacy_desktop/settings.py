"""The administrator's preferences: a typed, versioned JSON file written atomically.

Settings are not secrets: portal profiles are stored field by field and never hold a webhook
secret, a token or a client secret (those live in the OS keyring, see security/vault.py).
An unreadable file is copied aside and reported, never silently replaced by defaults
(Dangerzone's weakness); an older file is upgraded step by step (Picard's config_upgrade)
after a backup copy is made.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from privacy_desktop.atomic_file import PRIVATE_FILE_MODE, write_atomically
from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.portals import PortalProfile
from privacy_desktop.settings_format import (
    CURRENT_SETTINGS_VERSION,
    SUPPORTED_LANGUAGES,
    UPGRADE_STEPS,
    InvalidSettingsValue,
    profile_from_json,
    profile_to_json,
)

__all__ = [
    "CURRENT_SETTINGS_VERSION",
    "Settings",
    "SettingsCorrupt",
    "SettingsError",
    "SettingsStore",
    "SettingsTooNew",
    "SettingsUnwritable",
    "with_portal",
    "without_portal",
]

MAX_AUTO_LOCK_MINUTES = 24 * 60
FILE_MODE = PRIVATE_FILE_MODE


@dataclass(frozen=True)
class Settings:
    """Everything the application remembers between runs (no secrets).

    Attributes:
        version: the file format version (upgrade steps bring older files to this one).
        language: "uk" or "en"; the GUI converts it with ``gui.i18n.Language``.
        portals: the configured portal connections.
        active_portal: the name of the portal the views show, if any.
        auto_lock_minutes: idle minutes before the session locks (0: never).
        last_view: the view shown when the application closed.
    """

    version: int = CURRENT_SETTINGS_VERSION
    language: str = "uk"
    portals: tuple[PortalProfile, ...] = ()
    active_portal: str | None = None
    auto_lock_minutes: int = 10
    last_view: str = "dashboard"

    def portal(self, name: str) -> PortalProfile | None:
        """The portal called ``name`` (case-insensitive), if any."""
        key = name.casefold()
        return next((p for p in self.portals if p.name.casefold() == key), None)


class SettingsError(PrivacyDesktopError):
    """The settings file cannot be used."""


class SettingsCorrupt(SettingsError):
    """The file is unreadable; a copy was kept at ``backup`` and nothing was reset."""

    def __init__(self, path: Path, backup: Path | None, detail: str) -> None:
        self.path = path
        self.backup = backup
        kept = str(backup) if backup is not None else "-"
        super().__init__(
            UserMessage(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "The settings file %1 is damaged and could not be read. A copy was kept "
                    "at %2. Fix or delete the file, or reset the settings.",
                ),
                (str(path), kept),
            ),
            detail,
        )


class SettingsTooNew(SettingsError):
    """The file was written by a newer version of the application; it is left untouched."""

    def __init__(self, path: Path, version: int) -> None:
        self.path = path
        super().__init__(
            UserMessage(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "The settings file %1 was written by a newer version of Privacy Desktop "
                    "(format %2). Update the application to use it.",
                ),
                (str(path), str(version)),
            )
        )


class SettingsUnwritable(SettingsError):
    """The settings could not be written (disk full, no permission); the old file is intact."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            UserMessage(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings", "The settings could not be saved to %1. The previous file is kept."
                ),
                (str(path),),
            ),
            detail,
        )


def settings_to_json(settings: Settings) -> dict[str, Any]:
    """The file representation of ``settings``, field by field."""
    return {
        "version": settings.version,
        "language": settings.language,
        "portals": [profile_to_json(p) for p in settings.portals],
        "active_portal": settings.active_portal,
        "auto_lock_minutes": settings.auto_lock_minutes,
        "last_view": settings.last_view,
    }


def settings_from_json(data: dict[str, Any]) -> Settings:
    """Build :class:`Settings` from a current-version mapping.

    Raises:
        ValueError: a value has the wrong type or is out of range.
    """
    language = data.get("language", "uk")
    if language not in SUPPORTED_LANGUAGES:
        raise InvalidSettingsValue(f"unsupported language {language!r}")
    raw_portals = data.get("portals", [])
    if not isinstance(raw_portals, list):
        raise InvalidSettingsValue("portals is not a list")
    portals = tuple(profile_from_json(item) for item in raw_portals)
    names = [p.name.casefold() for p in portals]
    if len(set(names)) != len(names):
        raise InvalidSettingsValue("duplicate portal names")
    active = data.get("active_portal")
    if active is not None and not isinstance(active, str):
        raise InvalidSettingsValue("active_portal is not a string")
    if active is not None and active.casefold() not in names:
        active = None  # a dangling pointer, not data: the portal list itself is kept whole
    auto_lock = data.get("auto_lock_minutes", 10)
    if type(auto_lock) is not int or not 0 <= auto_lock <= MAX_AUTO_LOCK_MINUTES:
        raise InvalidSettingsValue("auto_lock_minutes out of range")
    last_view = data.get("last_view", "dashboard")
    if not isinstance(last_view, str):
        raise InvalidSettingsValue("last_view is not a string")
    return Settings(
        version=CURRENT_SETTINGS_VERSION,
        language=language,
        portals=portals,
        active_portal=active,
        auto_lock_minutes=auto_lock,
        last_view=last_view,
    )


class SettingsStore:
    """Loads and saves :class:`Settings` at one path.

    Args:
        path: the settings file (``AppPaths.settings_file``); its directory must exist.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()

    def load(self) -> Settings:
        """Read the settings; a missing file gives the defaults.

        An older format is upgraded in memory (a copy of the old file is kept as
        ``settings.json.v<N>.bak``); it is written in the new format by the next save.

        Raises:
            SettingsCorrupt: the file is not valid settings (a copy is kept aside).
            SettingsTooNew: the file comes from a newer application version.
        """
        with self._lock:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return Settings()
            except OSError as error:
                raise SettingsCorrupt(self.path, None, type(error).__name__) from error
            try:
                data = json.loads(raw.decode("utf-8"))
                if not isinstance(data, dict):
                    raise InvalidSettingsValue("not a JSON object")
                version = data.get("version", 0)
                if type(version) is not int or version < 0:
                    raise InvalidSettingsValue("bad version")
                if version > CURRENT_SETTINGS_VERSION:
                    raise SettingsTooNew(self.path, version)
                if version < CURRENT_SETTINGS_VERSION:
                    self._keep_pre_upgrade_copy(raw, version)
                for step in range(version, CURRENT_SETTINGS_VERSION):
                    data = UPGRADE_STEPS[step](data)
                return settings_from_json(data)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                # json.JSONDecodeError and UnicodeDecodeError are ValueErrors too.
                backup = self._keep_corrupt_copy(raw)
                raise SettingsCorrupt(self.path, backup, type(error).__name__) from error

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically: a temporary file in the same directory, then rename.

        Raises:
            SettingsUnwritable: the file could not be written; the previous one is intact.
        """
        # Serialise before touching the disk, so a bad value cannot truncate the old file.
        text = json.dumps(settings_to_json(settings), ensure_ascii=False, indent=2) + "\n"
        with self._lock, self._file_lock():
            self._write_atomically(text.encode("utf-8"))

    def update(self, change: Callable[[Settings], Settings]) -> Settings:
        """Load, apply ``change`` and save, holding the lock (also against other processes).

        Returns:
            The saved settings.
        """
        with self._lock, self._file_lock():
            changed = change(self.load())
            text = json.dumps(settings_to_json(changed), ensure_ascii=False, indent=2) + "\n"
            self._write_atomically(text.encode("utf-8"))
            return changed

    def reset(self) -> Settings:
        """Replace the file with the defaults (after the person chose to, e.g. when corrupt)."""
        defaults = Settings()
        self.save(defaults)
        return defaults

    def _write_atomically(self, payload: bytes) -> None:
        try:
            write_atomically(self.path, lambda stream: stream.write(payload), mode=FILE_MODE)
        except OSError as error:
            raise SettingsUnwritable(self.path, type(error).__name__) from error

    def _keep_corrupt_copy(self, raw: bytes) -> Path | None:
        """Copy the unreadable file aside once (an identical earlier copy is reused)."""
        for existing in sorted(self.path.parent.glob(f"{self.path.name}.corrupt-*")):
            try:
                if existing.read_bytes() == raw:
                    return existing
            except OSError:
                continue
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            shutil.copyfile(self.path, target)
            target.chmod(FILE_MODE)
        except OSError:
            return None
        return target

    def _keep_pre_upgrade_copy(self, raw: bytes, version: int) -> None:
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            return
        try:
            target.write_bytes(raw)
            target.chmod(FILE_MODE)
        except OSError as error:
            raise SettingsUnwritable(target, type(error).__name__) from error

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        """An advisory lock against another process (the CLI beside the GUI)."""
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        try:
            stream = open(lock_path, "a+b")  # noqa: SIM115 - held for the with-block
        except OSError as error:
            raise SettingsUnwritable(self.path, type(error).__name__) from error
        try:
            _lock_file(stream.fileno())
            yield
        finally:
            _unlock_file(stream.fileno())
            stream.close()


def with_portal(settings: Settings, profile: PortalProfile) -> Settings:
    """``settings`` with ``profile`` added, or replacing the one of the same name."""
    key = profile.name.casefold()
    kept = tuple(p for p in settings.portals if p.name.casefold() != key)
    if len(kept) == len(settings.portals):
        return replace(settings, portals=(*settings.portals, profile))
    portals = tuple(profile if p.name.casefold() == key else p for p in settings.portals)
    return replace(settings, portals=portals)


def without_portal(settings: Settings, name: str) -> Settings:
    """``settings`` without the portal ``name``; the active portal is cleared if it was it."""
    key = name.casefold()
    portals = tuple(p for p in settings.portals if p.name.casefold() != key)
    active = settings.active_portal
    if active is not None and active.casefold() == key:
        active = None
    return replace(settings, portals=portals, active_portal=active)


if sys.platform != "win32":
    import fcntl

    def _lock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:
    import msvcrt

    def _lock_file(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock_file(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
