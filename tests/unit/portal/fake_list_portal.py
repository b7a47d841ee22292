"""An in-memory list method for property tests of the listing (no HTTP, no threads' waits)."""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Mapping
from typing import Any

from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.envelope import ApiResponse, BatchResult
from privacy_desktop.portal.errors import PortalError, error_for

PAGE = 50
_REFERENCE = re.compile(r"^\$result\[([^\]]+)\]\[(\d+)\]\[ID\]$")


def _substitute(params: Mapping[str, Any], results: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Resolve ``$result[key][n][ID]`` filter values as a portal's batch does; None when a
    reference points at nothing (the command then fails, as an unresolvable one would)."""
    conditions = params.get("filter")
    if not isinstance(conditions, Mapping):
        return params
    resolved = dict(conditions)
    for name, value in conditions.items():
        match = _REFERENCE.match(value) if isinstance(value, str) else None
        if match is None:
            continue
        rows = results.get(match.group(1))
        index = int(match.group(2))
        if not isinstance(rows, list) or index >= len(rows):
            return None
        resolved[name] = rows[index]["ID"]
    return {**params, "filter": resolved}


class FakeListPortal:
    """Answers ``crm.contact.list``-style calls over a fixed set of IDs, like a portal would.

    Args:
        ids: the IDs present.
        command_fault_rate: share of batch commands answered with INTERNAL_SERVER_ERROR.
        seed: for the faults.
    """

    def __init__(self, ids: set[int], command_fault_rate: float = 0.0, seed: int = 0) -> None:
        self.ids = sorted(ids)
        self.fault_rate = command_fault_rate
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.calls = 0
        self.batches = 0
        self.commands = 0

    def _select(
        self, params: Mapping[str, Any]
    ) -> tuple[list[dict[str, Any]], int | None, int | None]:
        conditions = params.get("filter") or params.get("FILTER") or {}
        chosen = self.ids
        for key, value in conditions.items():
            number = int(value)
            if key == ">=ID":
                chosen = [i for i in chosen if i >= number]
            elif key == ">ID":
                chosen = [i for i in chosen if i > number]
            elif key == "<ID":
                chosen = [i for i in chosen if i < number]
            elif key == "<=ID":
                chosen = [i for i in chosen if i <= number]
            else:
                raise AssertionError(f"unexpected filter {key}")
        order = params.get("order") or {}
        if isinstance(order, Mapping) and order.get("ID") == "DESC":
            chosen = list(reversed(chosen))
        start = int(params.get("start", 0))
        if start < 0:
            return [{"ID": str(i)} for i in chosen[:PAGE]], 0, None
        page = chosen[start : start + PAGE]
        following = start + PAGE if start + PAGE < len(chosen) else None
        return [{"ID": str(i)} for i in page], len(chosen), following

    def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        cancel: CancelToken | None = None,
    ) -> ApiResponse:
        with self.lock:
            self.calls += 1
        rows, total, following = self._select(params or {})
        return ApiResponse(rows, total, following, {})

    def batch_capacity(self, method: str) -> int:
        return 50

    def cost_known(self, method: str) -> bool:
        return True

    def batch(
        self,
        commands: Mapping[str, tuple[str, Mapping[str, Any]]],
        *,
        halt: bool = False,
        cancel: CancelToken | None = None,
    ) -> BatchResult:
        assert 0 < len(commands) <= 50
        results: dict[str, Any] = {}
        errors: dict[str, PortalError] = {}
        totals: dict[str, int] = {}
        with self.lock:
            self.batches += 1
            self.commands += len(commands)
            failing = {key for key in commands if self.random.random() < self.fault_rate}
        for key, (method, given) in commands.items():
            params = _substitute(given, results)
            if key in failing or params is None:
                errors[key] = error_for(
                    "INTERNAL_SERVER_ERROR",
                    "Internal server error",
                    method=method,
                    http_status=None,
                )
                continue
            rows, total, _following = self._select(params)
            results[key] = rows
            if total is not None:
                totals[key] = total
        return BatchResult(results, errors, totals, {}, {})
