"""Start the demo portal as a separate process for a benchmark, and read its counters."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Sequence
from types import TracebackType
from typing import Any


class DemoPortalProcess:
    """``privacy-desktop demo-portal …`` in a child process (its own GIL, as a real portal)."""

    def __init__(self, arguments: Sequence[str]) -> None:
        self._arguments = list(arguments)
        self._process: subprocess.Popen[str] | None = None
        self.webhook_url = ""

    def __enter__(self) -> DemoPortalProcess:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "privacy_desktop",
                "--lang",
                "en",
                "demo-portal",
                *self._arguments,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        self.webhook_url = self._process.stdout.readline().strip()
        if not self.webhook_url.startswith("http"):
            self._process.kill()
            raise RuntimeError(f"demo portal did not start: {self.webhook_url!r}")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=30)

    @property
    def base_url(self) -> str:
        return self.webhook_url.split("/rest/", 1)[0]

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.base_url + "/_demo/stats", timeout=30) as response:
            data: dict[str, Any] = json.load(response)
            return data
