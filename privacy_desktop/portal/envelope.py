"""The Bitrix24 answer envelope and batch commands: reading and writing them."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from privacy_desktop.portal.errors import PortalError, bad_response, code_text, error_for
from privacy_desktop.portal.limiter import OperatingLedger, Reservation


@dataclass(frozen=True)
class ApiResponse:
    """A method's successful answer.

    Attributes:
        result: the method's result (list, dict, scalar).
        total: ``total`` of a list method (0 when counting was switched off), else None.
        next: the ``start`` of the next page, or None on the last page.
        time: the portal's timing block (``duration``, ``processing``, ``operating``, …).
    """

    result: Any
    total: int | None
    next: int | None
    time: Mapping[str, Any]


@dataclass(frozen=True)
class BatchResult:
    """The answer to a ``batch`` request, keyed like the commands.

    Attributes:
        results: command key → its result (only commands that succeeded).
        errors: command key → its typed error (commands that failed).
        totals: command key → ``total`` of a list command.
        nexts: command key → ``next`` of a list command with more pages.
        time: command key → the command's timing block (``result_time``).
    """

    results: Mapping[str, Any]
    errors: Mapping[str, PortalError]
    totals: Mapping[str, int]
    nexts: Mapping[str, int]
    time: Mapping[str, Any]


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def as_map(value: Any) -> dict[str, Any]:
    """PHP sends an empty map as ``[]`` and a map with keys 0..n-1 as a list."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    if isinstance(value, list):
        return {str(index): item for index, item in enumerate(value)}
    return {}


def success(data: Mapping[str, Any]) -> ApiResponse:
    time_block = data.get("time")
    return ApiResponse(
        result=data.get("result"),
        total=_int_or_none(data.get("total")),
        next=_int_or_none(data.get("next")),
        time=time_block if isinstance(time_block, dict) else {},
    )


def execution_seconds(time_block: Any) -> float | None:
    """The execution time a timing block reports: ``processing`` (what the portal charges to
    the operating budget), else ``duration``."""
    if not isinstance(time_block, dict):
        return None
    for key in ("processing", "duration"):
        value = time_block.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def batch_result(
    data: Mapping[str, Any],
    methods: Mapping[str, str],
    http_status: int,
    secrets: Iterable[str],
) -> BatchResult:
    """Read a batch answer; ``methods`` maps each command key to its method name."""
    inner = data.get("result")
    if not isinstance(inner, dict):
        raise bad_response("batch", http_status, "batch result is not an object")
    errors: dict[str, PortalError] = {}
    secret_list = tuple(secrets)
    for key, error in as_map(inner.get("result_error")).items():
        fields = error if isinstance(error, dict) else {"error": error}
        errors[key] = error_for(
            code_text(fields.get("error")),
            str(fields.get("error_description", "")),
            method=methods.get(key, "batch"),
            http_status=None,
            secrets=secret_list,
        )
    totals = {
        key: number
        for key, value in as_map(inner.get("result_total")).items()
        if (number := _int_or_none(value)) is not None
    }
    nexts = {
        key: number
        for key, value in as_map(inner.get("result_next")).items()
        if (number := _int_or_none(value)) is not None
    }
    results = {
        key: value for key, value in as_map(inner.get("result")).items() if key not in errors
    }
    return BatchResult(
        results=results,
        errors=errors,
        totals=totals,
        nexts=nexts,
        time=as_map(inner.get("result_time")),
    )


def php_query(params: Mapping[str, Any]) -> str:
    """Encode nested parameters as PHP reads them: ``filter[>ID]=10&select[0]=ID``."""
    pairs: list[str] = []
    for key, value in params.items():
        _flatten(str(key), value, pairs)
    return "&".join(pairs)


def _flatten(name: str, value: Any, pairs: list[str]) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{name}[{key}]", item, pairs)
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _flatten(f"{name}[{index}]", item, pairs)
        return
    if value is None:
        return  # http_build_query drops nulls
    text = ("1" if value else "0") if isinstance(value, bool) else str(value)
    pairs.append(f"{quote(name, safe='[]')}={quote(text, safe='')}")


def batch_command(method: str, params: Mapping[str, Any]) -> str:
    """One ``batch`` command string: ``method?query``."""
    query = php_query(params)
    return f"{method}?{query}" if query else method


def charge(
    ledger: OperatingLedger,
    reservation: Reservation,
    method: str,
    data: Mapping[str, Any],
    batch_methods: Mapping[str, str] | None,
) -> None:
    """Settle a reservation with the execution time the answer reports.

    A single call reports its own ``time`` (with the portal's ``operating`` figure on cloud
    portals); a batch reports each command's time in ``result_time`` — the outer batch is
    not charged by the portal, so its own time is ignored.
    """
    observed: dict[str, list[float]] = {}
    if batch_methods is None:
        time_block = data.get("time")
        seconds = execution_seconds(time_block)
        if seconds is not None:
            observed[method] = [seconds]
        ledger.settle(reservation, observed)
        # Compared after settling, so that the portal's figure (which includes this call)
        # only counts when it exceeds everything this client has seen.
        operating = time_block.get("operating") if isinstance(time_block, dict) else None
        if isinstance(operating, int | float) and isinstance(time_block, dict):
            reset_at = time_block.get("operating_reset_at")
            reset_in = float(reset_at) - time.time() if isinstance(reset_at, int | float) else None
            ledger.report_operating(method, float(operating), reset_in)
        return
    inner = data.get("result")
    times = as_map(inner.get("result_time")) if isinstance(inner, dict) else {}
    for key, block in times.items():
        seconds = execution_seconds(block)
        command_method = batch_methods.get(key)
        if seconds is not None and command_method is not None:
            observed.setdefault(command_method, []).append(seconds)
    ledger.settle(reservation, observed)
