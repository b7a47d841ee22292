"""``batch``: up to 50 ``"method?query"`` commands run in order (REST-REFERENCE.md §2.4, §7.5).

Later commands may reference earlier results with ``$result[key][field]…`` (also
``$result_total``, ``$result_next``). Sub-call failures land in ``result_error`` and the batch
still answers HTTP 200; with ``halt`` the first failure stops the batch.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.params import parse_php_query, php_bool
from privacy_desktop.demo_portal.registry import CallContext, CallResult

if TYPE_CHECKING:
    from privacy_desktop.demo_portal.executor import Executor

MAX_COMMANDS = 50
_REFERENCE = re.compile(r"\$(result|result_total|result_next)((?:\[[^\[\]]*\])+)")


def _commands(raw: Any) -> list[tuple[str, Any]] | None:
    """``(key, command)`` pairs (a list's keys are its indexes); None if not an array."""
    if isinstance(raw, list):
        return [(str(index), item) for index, item in enumerate(raw)]
    if isinstance(raw, dict):
        return [(str(key), item) for key, item in raw.items()]
    return None


def _php_array(values: dict[str, Any]) -> Any:
    """PHP serialises an array keyed ``0..n-1`` as a JSON list, otherwise as an object."""
    if values and list(values) == [str(index) for index in range(len(values))]:
        return list(values.values())
    return values


def _resolve(path: list[str], results: dict[str, dict[str, Any]], kind: str) -> Any:
    value: Any = results[kind]
    for step in path:
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return None
    return value


def _substitute(value: Any, results: dict[str, dict[str, Any]]) -> Any:
    """Replace ``$result[...]`` references in decoded parameter values."""
    if isinstance(value, dict):
        return {key: _substitute(item, results) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute(item, results) for item in value]
    if not isinstance(value, str) or "$result" not in value:
        return value
    whole = _REFERENCE.fullmatch(value)
    if whole:
        found = _resolve(re.findall(r"\[([^\[\]]*)\]", whole.group(2)), results, whole.group(1))
        return value if found is None else found

    def replace(match: re.Match[str]) -> str:
        path = re.findall(r"\[([^\[\]]*)\]", match.group(2))
        found = _resolve(path, results, match.group(1))
        if found is None or isinstance(found, dict | list):
            return match.group(0)
        return str(found).lower() if isinstance(found, bool) else str(found)

    return _REFERENCE.sub(replace, value)


def run_batch(executor: Executor, context: CallContext) -> CallResult:
    commands = _commands(context.params.get("cmd"))
    if commands is None:
        raise RestError(400, "INVALID_ARG_VALUE", "Parameter 'cmd' must be an array")
    if len(commands) > MAX_COMMANDS:
        raise RestError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded")
    halt = php_bool(context.params.get("halt", False))
    results: dict[str, dict[str, Any]] = {"result": {}, "result_total": {}, "result_next": {}}
    errors: dict[str, Any] = {}
    times: dict[str, Any] = {}
    spent = 0.0
    for key, command in commands:
        text = str(command) if not isinstance(command, dict | list) else ""
        method, _, query = text.partition("?")
        try:
            if executor.batch_faults.fails():
                executor.stats.fault("batch")
                raise RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error")
            params = _substitute(parse_php_query(query), results)
            outcome = executor.call(
                context.caller, method.strip().removesuffix(".json"), params, in_batch=True
            )
        except RestError as error:
            errors[key] = error.body()
            if halt:
                break
            continue
        results["result"][key] = outcome.result
        if outcome.total is not None:
            results["result_total"][key] = outcome.total
        if outcome.next is not None:
            results["result_next"][key] = outcome.next
        block = dict(outcome.time)
        block.pop("operating", None)
        block.pop("operating_reset_at", None)
        times[key] = block
        spent += block["processing"]
    return CallResult(
        result={
            "result": _php_array(results["result"]),
            "result_error": _php_array(errors),
            "result_total": _php_array(results["result_total"]),
            "result_next": _php_array(results["result_next"]),
            "result_time": _php_array(times),
        },
        extra_cost=spent,
    )
