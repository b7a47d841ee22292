"""Shared settings and helpers for the portal client's contract tests (real HTTP, demo portal)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.domain.portals import PortalLimits
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.urls import parse_webhook_url

#: Small data, simulated durations shrunk a thousandfold, a generous request rate.
QUICK = DemoPortalConfig(
    users=8, contacts=120, leads=20, companies=10, deals=10,
    rate=200.0, burst=400, time_scale=0.001,
)  # fmt: skip


def webhook_client(
    portal: DemoPortal,
    limits: PortalLimits | None = None,
    url: str | None = None,
    **kwargs: Any,
) -> BitrixClient:
    """A client of the portal's default webhook; quick backoff unless told otherwise."""
    kwargs.setdefault("backoff_base", 0.002)
    kwargs.setdefault("backoff_cap", 0.05)
    return BitrixClient(
        parse_webhook_url(url or portal.webhook_url),
        limits or portal.config.effective_limits(),
        **kwargs,
    )


def ids_of(pages: Iterable[list[dict[str, Any]]], field: str = "ID") -> list[int]:
    return [int(row[field]) for page in pages for row in page]


def chain_texts(exc: BaseException) -> list[str]:
    """Every text an exception and its whole cause/context chain can show."""
    import traceback

    texts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        texts += [str(value) for value in vars(current).values()]
        stack += [current.__cause__, current.__context__]  # type: ignore[list-item]
    texts.append("".join(traceback.format_exception(exc)))
    return texts


def assert_no_secret(exc: BaseException, secrets: Iterable[str], records: Iterable[Any]) -> None:
    """No secret in the exception's texts, its chain, or any log record's message/args."""
    texts = chain_texts(exc)
    for record in records:
        texts += [record.getMessage(), repr(record.args), str(record.msg)]
    for secret in secrets:
        assert secret
        for text in texts:
            assert secret not in text, f"secret leaked into: {text[:200]!r}"
