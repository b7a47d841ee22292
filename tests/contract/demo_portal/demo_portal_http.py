"""Raw-HTTP helpers for the demo portal's contract tests."""

from __future__ import annotations

from typing import Any

import httpx

from privacy_desktop.demo_portal.config import DemoPortalConfig

#: Small, fast and not rate-limited, but still a cloud plan (``operating`` is reported).
FAST = DemoPortalConfig(
    users=12,
    contacts=120,
    leads=60,
    companies=30,
    deals=40,
    rate=10_000.0,
    burst=100_000,
    time_scale=0.05,
)


class Rest:
    """Raw calls to one REST base (a webhook URL, or ``/rest/`` plus an OAuth token)."""

    def __init__(self, client: httpx.Client, base: str, auth: str | None = None) -> None:
        self.client = client
        self.base = base
        self.auth = auth

    def post(self, method: str, params: dict[str, Any] | None = None) -> httpx.Response:
        body = dict(params or {})
        if self.auth is not None:
            body["auth"] = self.auth
        return self.client.post(self.base + method, json=body)

    def ok(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.post(method, params)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "error" not in body
        return body

    def error(self, method: str, params: dict[str, Any] | None = None) -> tuple[int, Any, str]:
        return error_of(self.post(method, params))


def error_of(response: httpx.Response) -> tuple[int, Any, str]:
    body = response.json()
    assert "result" not in body, body
    return response.status_code, body["error"], body["error_description"]
