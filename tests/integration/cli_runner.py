"""Running ``privacy-desktop`` in-process, as the CLI tests do."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from privacy_desktop.cli import KEYRING_SERVICE_ENV, main
from privacy_desktop.paths import AppPaths


class CliRunner:
    """Runs ``main`` in-process with a data dir, English and a keyring service of its own.

    Args:
        data_dir: the ``--data-dir`` of every run.
        service: the keyring service name (set through the environment, as users do).
        capsys: captures standard output and error.
        monkeypatch: replaces standard input and the environment for the test.
        prefix: arguments put before every run's own (a sub-command such as ``audit``).
    """

    def __init__(
        self,
        data_dir: Path,
        service: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        *prefix: str,
    ) -> None:
        self.data_dir = data_dir
        self.service = service
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.paths = AppPaths.from_base(data_dir)
        self.prefix = prefix
        monkeypatch.setenv(KEYRING_SERVICE_ENV, service)

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        """Run ``privacy-desktop --lang en --data-dir DIR PREFIX ARGS``; (exit code, out, err)."""
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["--lang", "en", "--data-dir", str(self.data_dir), *self.prefix, *args])
        out, err = self.capsys.readouterr()
        return code, out, err
