"""Whatever parameters arrive, every method answers an envelope and never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal

CONFIG = DemoPortalConfig(
    users=8, contacts=30, leads=10, companies=5, deals=5, rate=1e9, burst=10**9, time_scale=0.0
)
NAMES = (
    "filter", "FILTER", "select", "order", "start", "id", "type", "values", "entity_type", "cmd",
    "halt", "name", "full", "scope", "ADMIN_MODE", "sort", "replace", ">ID", "%NAME", "@ID",
    "NAME_SEARCH", "SORT", "PARENT",
)  # fmt: skip
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(("ID", "*", "UF_*", "PHONE", "DESC", "-1", "$result[a][0]", "batch?cmd[0]=x")),
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=5)), inner, max_size=4),
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[tuple[DemoPortal, httpx.Client, list[str]]]:
    with DemoPortal(CONFIG) as portal, httpx.Client(timeout=10.0) as client:
        methods = sorted(portal._service.executor.registry.methods)
        yield portal, client, methods


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(choice=st.integers(min_value=0), body=st.dictionaries(st.sampled_from(NAMES), VALUES))
def test_any_json_parameters_get_an_envelope(
    fuzzed: tuple[DemoPortal, httpx.Client, list[str]], choice: int, body: dict[str, Any]
) -> None:
    portal, client, methods = fuzzed
    method = methods[choice % len(methods)]
    response = client.post(
        portal.webhook_url + method,
        content=json.dumps(body),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code != 500, (method, body, response.text)
    answer = response.json()
    assert ("result" in answer) != ("error" in answer)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    choice=st.integers(min_value=0),
    query=st.lists(st.sampled_from([*"[]=&%?.-_$ 0123456789cIDfilterstaD>!<@", "%5B", "%FF"])).map(
        "".join
    ),
)
def test_any_query_string_gets_an_envelope(
    fuzzed: tuple[DemoPortal, httpx.Client, list[str]], choice: int, query: str
) -> None:
    portal, client, methods = fuzzed
    method = methods[choice % len(methods)]
    response = client.get(portal.webhook_url + method + "?" + query)
    assert response.status_code != 500, (method, query, response.text)
    answer = response.json()
    assert ("result" in answer) != ("error" in answer)
