"""Injected faults: each kind produces its symptom on the wire; the CLI serve loop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from demo_portal_http import Rest

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.faults import FaultPlan
from privacy_desktop.demo_portal.server import DemoPortal

TINY = {"users": 6, "contacts": 10, "leads": 5, "companies": 5, "deals": 5}


@pytest.fixture
def faulty(request: pytest.FixtureRequest) -> Iterator[DemoPortal]:
    kind: str = request.param
    config = DemoPortalConfig(
        **TINY, fault_rate=1.0, fault_kinds=(kind,), fault_hang=5.0, time_scale=0.01
    )
    with DemoPortal(config) as running:
        yield running


@pytest.mark.parametrize("faulty", ["503"], indirect=True)
def test_503_fault_is_an_html_page(faulty: DemoPortal, http: httpx.Client) -> None:
    response = http.get(faulty.webhook_url + "profile")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert faulty.stats().faults == {"503": 1}
    assert faulty.stats().method_calls == {}


@pytest.mark.parametrize("faulty", ["500"], indirect=True)
def test_500_fault_is_a_json_internal_error(faulty: DemoPortal, http: httpx.Client) -> None:
    response = http.get(faulty.webhook_url + "profile")
    assert response.status_code == 500
    assert response.json()["error"] == "INTERNAL_SERVER_ERROR"


@pytest.mark.parametrize("faulty", ["reset"], indirect=True)
def test_reset_fault_drops_the_connection(faulty: DemoPortal, http: httpx.Client) -> None:
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.get(faulty.webhook_url + "profile")


@pytest.mark.parametrize("faulty", ["timeout"], indirect=True)
def test_timeout_fault_holds_the_connection(faulty: DemoPortal) -> None:
    with httpx.Client(timeout=0.3) as client, pytest.raises(httpx.ReadTimeout):
        client.get(faulty.webhook_url + "profile")


@pytest.mark.parametrize("faulty", ["garbage"], indirect=True)
def test_garbage_fault_is_truncated_json(faulty: DemoPortal, http: httpx.Client) -> None:
    response = http.get(faulty.webhook_url + "profile")
    assert response.status_code == 200
    assert response.text.startswith("{")
    with pytest.raises(json.JSONDecodeError):
        response.json()


@pytest.mark.parametrize("faulty", ["html"], indirect=True)
def test_html_fault_is_a_200_html_page(faulty: DemoPortal, http: httpx.Client) -> None:
    response = http.get(faulty.webhook_url + "profile")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<html" in response.text


def test_fault_sequence_is_deterministic_by_seed() -> None:
    kinds = ("503", "500", "reset", "timeout", "garbage", "html")

    def sequence(seed: int) -> list[str | None]:
        plan = FaultPlan(0.5, seed, kinds)
        return [plan.draw() for _ in range(40)]

    assert sequence(7) == sequence(7)
    assert sequence(7) != sequence(8)
    assert None in sequence(7)
    assert set(sequence(7)) - {None} <= set(kinds)


def test_batch_fault_rate_fails_sub_commands(http: httpx.Client) -> None:
    with DemoPortal(DemoPortalConfig(**TINY, batch_fault_rate=1.0, time_scale=0.01)) as portal:
        result = Rest(http, portal.webhook_url).ok("batch", {"cmd": ["server.time", "profile"]})
        stats = portal.stats()
    assert result["result"]["result"] == []
    assert [error["error"] for error in result["result"]["result_error"]] == [
        "INTERNAL_SERVER_ERROR",
        "INTERNAL_SERVER_ERROR",
    ]
    assert stats.faults == {"batch": 2}


def test_stats_are_served_and_reset(http: httpx.Client) -> None:
    with DemoPortal(DemoPortalConfig(**TINY, time_scale=0.01)) as portal:
        Rest(http, portal.webhook_url).ok("profile")
        served = http.get(portal.base_url + "/_demo/stats").json()
        assert served["requests"] == 1
        assert served["method_calls"] == {"profile": 1}
        portal.reset_stats()
        assert portal.stats().requests == 0


def test_cli_serve_prints_the_webhook_url_first(tmp_path: object) -> None:
    del tmp_path
    script = (
        "import sys\n"
        "from privacy_desktop.demo_portal.cli_args import serve\n"
        "from privacy_desktop.demo_portal.config import DemoPortalConfig\n"
        "sys.exit(serve(DemoPortalConfig(users=6, contacts=10, leads=5, companies=5, deals=5),"
        " 0, sys.stdout))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("http://127.0.0.1:")
        assert "/rest/1/" in first
        response = httpx.get(first + "profile", timeout=10.0)
        assert response.json()["result"]["ID"] == "1"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_cli_arguments_build_the_config() -> None:
    import argparse

    from privacy_desktop.demo_portal.cli_args import add_arguments, config_from_args
    from privacy_desktop.domain.portals import Plan

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        ["--port", "8123", "--contacts", "7", "--plan", "enterprise", "--burst", "9",
         "--time-scale", "0.5", "--fault-rate", "0.25", "--token-lifetime", "60"]
    )  # fmt: skip
    config, port = config_from_args(args)
    assert port == 8123
    assert config.contacts == 7
    assert config.plan is Plan.ENTERPRISE
    assert config.effective_limits().rate == 5.0
    assert config.effective_limits().burst == 9
    assert (config.time_scale, config.fault_rate, config.token_lifetime) == (0.5, 0.25, 60.0)
