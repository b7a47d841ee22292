"""Atomic replacement: the old content or the new, never half, and no temporary left."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import pytest

from privacy_desktop.atomic_file import write_atomically, write_text_atomically


def test_the_new_content_replaces_the_old_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")
    assert write_text_atomically(target, lambda text: text.write("новий\r\n")) == 7
    assert target.read_bytes() == "новий\r\n".encode()  # no newline translation
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")

    def half_then_fail(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, half_then_fail)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_failing_step_before_the_rename_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")

    def refuse() -> None:
        raise RuntimeError("keyring locked")

    with pytest.raises(RuntimeError):
        write_atomically(target, lambda stream: stream.write(b"new"), before_replace=refuse)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]
