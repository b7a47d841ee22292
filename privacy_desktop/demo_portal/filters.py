"""Filter semantics of legacy list methods: key prefixes and how a row value compares.

``{">=ID": 10, "%NAME": "Ів", "@ID": [1, 2], "!EMAIL": "a@b.c"}`` — prefixes ``> >= < <= =
! != @ !@ % =% %= !% !=% !%=`` (REST-REFERENCE.md §2.3). Numbers compare as numbers, ISO
dates as instants, text case-insensitively (a portal's MySQL collation); a list value
(multi-field, ``UF_DEPARTMENT``) matches when any element does; an empty value never
satisfies an ordering comparison (SQL NULL), nor does a date compared with text that is no
date (user-get.md: an unparseable date gives an empty result). Dates without an offset
(``2024-01-01``, ``01.01.2024 10:00:00``) are the portal's wall-clock time in Kyiv.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from privacy_desktop.demo_portal.kyiv_time import kyiv_wall_clock_to_utc
from privacy_desktop.demo_portal.params import php_bool

# Longest prefixes first: "!=%" must win over "!=" and "!".
_PREFIXES = (
    ("!=%", "not_like_pattern"),
    ("!%=", "not_like_pattern"),
    ("=%", "like_pattern"),
    ("%=", "like_pattern"),
    ("!%", "not_like"),
    (">=", ">="),
    ("<=", "<="),
    ("!=", "!="),
    ("!@", "not_in"),
    ("@", "in"),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
    ("!", "!="),
    ("%", "like"),
)
_NEGATIVE = frozenset({"!=", "not_in", "not_like", "not_like_pattern"})
_NUMBER = re.compile(r"\s*-?\d+(\.\d+)?\s*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PORTAL_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2}):(\d{2}))?\Z")


@dataclass(frozen=True)
class Condition:
    """One filter entry: ``field`` (upper case), an operator and the wanted value."""

    field: str
    op: str
    value: Any


def parse_filter(raw: Any) -> list[Condition] | None:
    """Filter entries from a ``filter`` parameter; None if it is not an array."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, list):  # a PHP array keyed 0..n-1: those keys name no field
        raw = {str(index): item for index, item in enumerate(raw)}
    if not isinstance(raw, dict):
        return None
    conditions: list[Condition] = []
    for key, value in raw.items():
        key_text = str(key).strip()
        op = "="
        for prefix, name in _PREFIXES:
            if key_text.startswith(prefix):
                op, key_text = name, key_text[len(prefix) :]
                break
        if key_text:
            conditions.append(Condition(key_text.upper(), op, value))
    return conditions


def as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return list(value.values())
    return [value]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value) and len(value) < 40:
        return float(value)
    return None


def _instant(value: Any) -> float | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _ISO_DATE.match(text):
            moment = datetime.fromisoformat(text)
        else:
            found = _PORTAL_DATE.match(text)
            if not found:
                return None
            day, month, year, hour, minute, second = found.groups()
            moment = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
    except ValueError:
        return None
    if moment.tzinfo is None:
        # A date without an offset is the portal's wall-clock time: Kyiv, +02:00 or +03:00.
        return float(kyiv_wall_clock_to_utc(moment))
    return moment.timestamp()


def _scalar(value: Any) -> Any:
    """The comparable value of a list element: a multi-field item compares by its VALUE."""
    if isinstance(value, dict):
        return value.get("VALUE")
    return value


def _equal(row_value: Any, wanted: Any) -> bool:
    if isinstance(row_value, bool):
        return row_value == php_bool(wanted)
    if isinstance(wanted, bool):
        return php_bool(row_value) == wanted
    if is_empty(row_value) or is_empty(wanted):
        return is_empty(row_value) and is_empty(wanted)
    left, right = as_number(row_value), as_number(wanted)
    if left is not None and right is not None:
        return left == right
    return str(row_value).casefold() == str(wanted).casefold()


def _compare(row_value: Any, wanted: Any) -> int | None:
    """-1/0/1, or None when the row has no value (SQL NULL never satisfies a comparison)."""
    if is_empty(row_value) or isinstance(wanted, list | dict):
        return None
    left, right = as_number(row_value), as_number(wanted)
    if left is not None and right is not None:
        return (left > right) - (left < right)
    left_time, right_time = _instant(row_value), _instant(wanted)
    if left_time is not None and right_time is not None:
        return (left_time > right_time) - (left_time < right_time)
    if left_time is not None:
        return None  # a date against something that is no date: the portal finds nothing
    left_text, right_text = str(row_value).casefold(), str(wanted).casefold()
    return (left_text > right_text) - (left_text < right_text)


def _like_regex(pattern: str) -> re.Pattern[str]:
    parts = (
        re.escape(char) if char not in "%_" else ".*" if char == "%" else "." for char in pattern
    )
    return re.compile("".join(parts) + r"\Z", re.IGNORECASE | re.DOTALL)


def _positive(op: str, row_value: Any, wanted: Any) -> bool:
    """The non-negated form of ``op`` for one scalar row value."""
    if op in ("=", "!="):
        if isinstance(wanted, list | dict):
            return any(_equal(row_value, item) for item in as_list(wanted))
        return _equal(row_value, wanted)
    if op in ("in", "not_in"):
        return any(_equal(row_value, item) for item in as_list(wanted))
    if op in ("like", "not_like"):
        if is_empty(row_value):
            return False
        return any(str(item).casefold() in str(row_value).casefold() for item in as_list(wanted))
    if op in ("like_pattern", "not_like_pattern"):
        if is_empty(row_value):
            return False
        return any(
            _like_regex(str(item)).match(str(row_value)) is not None for item in as_list(wanted)
        )
    order = _compare(row_value, wanted)
    if order is None:
        return False
    return {">": order > 0, ">=": order >= 0, "<": order < 0, "<=": order <= 0}.get(op, False)


def matches(row: dict[str, Any], condition: Condition) -> bool:
    """Whether ``row`` satisfies ``condition``; a list value (multi-field, UF_DEPARTMENT)
    matches when any element does (negations: when none does)."""
    row_value = row.get(condition.field)
    values = [_scalar(item) for item in row_value] if isinstance(row_value, list) else [row_value]
    if not values:
        values = [None]
    hit = any(_positive(condition.op, value, condition.value) for value in values)
    return not hit if condition.op in _NEGATIVE else hit


def _equality(wanted: Any) -> Callable[[Any], bool]:
    """``_equal(value, wanted)`` with everything about ``wanted`` worked out once."""
    wanted_bool = php_bool(wanted)
    wanted_empty = is_empty(wanted)
    wanted_number = as_number(wanted)
    wanted_text = str(wanted).casefold()
    by_truth = isinstance(wanted, bool)

    def test(value: Any) -> bool:
        if isinstance(value, bool):
            return value == wanted_bool
        if by_truth:
            return php_bool(value) is wanted_bool
        if value is None or value == "" or value == []:
            return wanted_empty
        if wanted_empty:
            return False
        if wanted_number is not None:
            number = as_number(value)
            if number is not None:
                return number == wanted_number
        return str(value).casefold() == wanted_text

    return test


_ORDERINGS: dict[str, Callable[[Any, Any], bool]] = {
    ">": lambda left, right: left > right,
    ">=": lambda left, right: left >= right,
    "<": lambda left, right: left < right,
    "<=": lambda left, right: left <= right,
}


def _value_test(op: str, wanted: Any) -> Callable[[Any], bool]:
    """The non-negated test of ``op`` for one scalar row value (see :func:`_positive`)."""
    if op in ("=", "!=", "in", "not_in"):
        several = op in ("in", "not_in") or isinstance(wanted, list | dict)
        tests = [_equality(item) for item in (as_list(wanted) if several else [wanted])]
        if len(tests) == 1:
            return tests[0]
        return lambda value: any(test(value) for test in tests)
    if op in ("like", "not_like"):
        parts = [str(item).casefold() for item in as_list(wanted)]
        return lambda value: (
            not is_empty(value) and any(part in str(value).casefold() for part in parts)
        )
    if op in ("like_pattern", "not_like_pattern"):
        patterns = [_like_regex(str(item)) for item in as_list(wanted)]
        return lambda value: (
            not is_empty(value)
            and any(pattern.match(str(value)) is not None for pattern in patterns)
        )
    ordering = _ORDERINGS.get(op)
    if ordering is None or isinstance(wanted, list | dict):
        return lambda value: False
    wanted_number, wanted_time = as_number(wanted), _instant(wanted)
    wanted_text = str(wanted).casefold()

    def test(value: Any) -> bool:
        if is_empty(value):
            return False
        if wanted_number is not None:
            number = as_number(value)
            if number is not None:
                return ordering(number, wanted_number)
        if wanted_time is not None:
            moment = _instant(value)
            if moment is not None:
                return ordering(moment, wanted_time)
        elif _instant(value) is not None:
            return False  # as _compare: a date against something that is no date
        return ordering(str(value).casefold(), wanted_text)

    return test


def compile_condition(condition: Condition) -> Callable[[dict[str, Any]], bool]:
    """A fast row test with the same meaning as :func:`matches` (checked by the tests)."""
    field = condition.field
    negative = condition.op in _NEGATIVE
    test_value = _value_test(condition.op, condition.value)

    def test(row: dict[str, Any]) -> bool:
        value = row.get(field)
        if isinstance(value, list) and value:
            hit = any(test_value(_scalar(item)) for item in value)
        else:
            hit = test_value(None if isinstance(value, list) else value)
        return hit != negative

    return test
