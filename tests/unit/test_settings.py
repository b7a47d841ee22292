"""Settings: typed round trip, upgrade steps, corrupt files kept aside, atomic writes."""

from __future__ import annotations

import json
import os
import stat
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from privacy_desktop.domain.portals import AuthKind, Plan, PortalLimits, PortalProfile
from privacy_desktop.settings import (
    CURRENT_SETTINGS_VERSION,
    Settings,
    SettingsCorrupt,
    SettingsStore,
    SettingsTooNew,
    SettingsUnwritable,
    with_portal,
    without_portal,
)

WEBHOOK = PortalProfile(
    name="Головний портал",
    auth_kind=AuthKind.WEBHOOK,
    rest_base="https://example.bitrix24.ua/rest/1/",
    plan=Plan.ENTERPRISE,
    limits=PortalLimits.for_plan(Plan.ENTERPRISE),
    user_id=1,
)
OAUTH = PortalProfile(
    name="On-premise",
    auth_kind=AuthKind.OAUTH,
    rest_base="https://crm.example.com/rest/",
    plan=Plan.UNLIMITED,
    limits=PortalLimits(rate=None, burst=0, operating_limit=None, operating_window=600.0),
    user_id=7,
    client_id="local.abc123",
    oauth_server="https://oauth.bitrix.info/oauth/token/",
)


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json")


def side_files(store: SettingsStore) -> list[str]:
    return sorted(p.name for p in store.path.parent.iterdir() if p.name != store.path.name)


def test_a_missing_file_gives_the_defaults(store: SettingsStore) -> None:
    assert store.load() == Settings()
    assert not store.path.exists()


def test_round_trip_keeps_every_field(store: SettingsStore) -> None:
    settings = Settings(
        language="en",
        portals=(WEBHOOK, OAUTH),
        active_portal="On-premise",
        auto_lock_minutes=0,
        last_view="inventory",
    )

    store.save(settings)

    assert store.load() == settings
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == CURRENT_SETTINGS_VERSION
    assert data["portals"][0]["name"] == "Головний портал"  # stored readable, not escaped
    assert data["portals"][1]["limits"] == {
        "rate": None,
        "burst": 0,
        "operating_limit": None,
        "operating_window": 600.0,
    }


def test_upgrade_from_version_0_keeps_a_copy_of_the_old_file(store: SettingsStore) -> None:
    old = {
        "lang": "en_US",
        "portals": [
            {
                "name": "Main",
                "kind": "webhook",
                "url": "https://example.bitrix24.ua/rest/5/",
                "plan": "enterprise",
                "user_id": 5,
            }
        ],
        "active": "Main",
        "auto_lock_seconds": 90,
    }
    raw = json.dumps(old).encode()
    store.path.write_bytes(raw)

    settings = store.load()

    assert settings.version == CURRENT_SETTINGS_VERSION
    assert settings.language == "en"
    assert settings.active_portal == "Main"
    assert settings.auto_lock_minutes == 2  # 90 s rounds up, never to a shorter delay
    assert settings.portals == (
        PortalProfile(
            name="Main",
            auth_kind=AuthKind.WEBHOOK,
            rest_base="https://example.bitrix24.ua/rest/5/",
            plan=Plan.ENTERPRISE,
            limits=PortalLimits.for_plan(Plan.ENTERPRISE),
            user_id=5,
        ),
    )
    assert (store.path.parent / "settings.json.v0.bak").read_bytes() == raw
    store.save(settings)
    assert json.loads(store.path.read_text())["version"] == CURRENT_SETTINGS_VERSION
    assert store.load() == settings


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b"[1, 2, 3]",
        b'{"version": 1, "portals": {"a": 1}}',
        b'{"version": 1, "language": "fr"}',
        b'{"version": 1, "auto_lock_minutes": "ten"}',
        b'{"version": 1, "portals": [{"name": "x"}]}',
        b'{"version": "1"}',
        b'{"version": 0, "portals": [{"name": "x", "kind": "smoke-signal", "url": "u"}]}',
    ],
)
def test_a_corrupt_file_is_kept_aside_and_reported(store: SettingsStore, content: bytes) -> None:
    store.path.write_bytes(content)

    with pytest.raises(SettingsCorrupt) as caught:
        store.load()

    backup = caught.value.backup
    assert backup is not None
    assert backup.name.startswith("settings.json.corrupt-")
    assert backup.read_bytes() == content
    assert store.path.read_bytes() == content  # never silently reset
    assert str(backup) in caught.value.user_message.english()


def test_loading_a_corrupt_file_twice_keeps_one_copy(store: SettingsStore) -> None:
    store.path.write_bytes(b"{oops")

    for _ in range(2):
        with pytest.raises(SettingsCorrupt):
            store.load()

    assert [n for n in side_files(store) if ".corrupt-" in n] != []
    assert len([n for n in side_files(store) if ".corrupt-" in n]) == 1


def test_reset_after_corruption_writes_defaults_and_keeps_the_copy(
    store: SettingsStore,
) -> None:
    store.path.write_bytes(b"{oops")
    with pytest.raises(SettingsCorrupt) as caught:
        store.load()

    assert store.reset() == Settings()

    assert store.load() == Settings()
    assert caught.value.backup is not None
    assert caught.value.backup.read_bytes() == b"{oops"


def test_duplicate_portal_names_are_corrupt(store: SettingsStore) -> None:
    store.save(Settings(portals=(WEBHOOK,)))
    data = json.loads(store.path.read_text())
    twin = dict(data["portals"][0], name=WEBHOOK.name.upper())
    data["portals"].append(twin)
    store.path.write_text(json.dumps(data))

    with pytest.raises(SettingsCorrupt):
        store.load()


def test_a_newer_file_is_refused_and_left_alone(store: SettingsStore) -> None:
    content = json.dumps({"version": CURRENT_SETTINGS_VERSION + 1}).encode()
    store.path.write_bytes(content)

    with pytest.raises(SettingsTooNew):
        store.load()

    assert store.path.read_bytes() == content
    assert side_files(store) == []


def test_a_dangling_active_portal_is_dropped_but_portals_kept(store: SettingsStore) -> None:
    store.save(Settings(portals=(WEBHOOK,), active_portal="gone"))

    loaded = store.load()

    assert loaded.active_portal is None
    assert loaded.portals == (WEBHOOK,)


def test_failed_serialisation_leaves_the_old_file_intact(store: SettingsStore) -> None:
    store.save(Settings(portals=(WEBHOOK,)))
    before = store.path.read_bytes()
    broken: Any = object()

    with pytest.raises(TypeError):
        store.save(Settings(last_view=broken))

    assert store.path.read_bytes() == before
    assert [n for n in side_files(store) if n.endswith(".tmp")] == []


def test_failed_rename_leaves_the_old_file_intact(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(Settings(portals=(WEBHOOK,)))
    before = store.path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SettingsUnwritable):
        store.save(Settings(language="en"))
    monkeypatch.undo()

    assert store.path.read_bytes() == before
    assert [n for n in side_files(store) if n.endswith(".tmp")] == []


def test_concurrent_updates_lose_nothing(store: SettingsStore) -> None:
    def add(index: int) -> None:
        profile = replace(WEBHOOK, name=f"portal-{index}")
        store.update(lambda s: with_portal(s, profile))

    threads = [threading.Thread(target=add, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(p.name for p in store.load().portals) == sorted(f"portal-{i}" for i in range(12))


def test_with_portal_replaces_by_name_ignoring_case() -> None:
    settings = Settings(portals=(WEBHOOK, OAUTH))
    renamed = replace(OAUTH, name="ON-PREMISE", plan=Plan.STANDARD)

    changed = with_portal(settings, renamed)

    assert changed.portals == (WEBHOOK, renamed)
    assert changed.portal("on-premise") == renamed


def test_without_portal_clears_the_active_portal() -> None:
    settings = Settings(portals=(WEBHOOK, OAUTH), active_portal=OAUTH.name)

    changed = without_portal(settings, "on-PREMISE")

    assert changed.portals == (WEBHOOK,)
    assert changed.active_portal is None
    assert without_portal(changed, "nothing") == changed
