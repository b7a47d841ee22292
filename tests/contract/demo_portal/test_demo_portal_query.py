"""The listing engine's fast paths (bisection, O(page) slices) agree with a plain scan."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desktop.demo_portal.filters import (
    Condition,
    compile_condition,
    matches,
    parse_filter,
)
from privacy_desktop.demo_portal.params import parse_php_query
from privacy_desktop.demo_portal.query import PAGE_SIZE, Table, list_page, sort_key

ID_OPS = (">", ">=", "<", "<=", "=", "in", "!=", "not_in")

rows_strategy = st.lists(
    st.integers(min_value=1, max_value=400), min_size=0, max_size=160, unique=True
).map(
    lambda ids: {
        identifier: {"ID": str(identifier), "NAME": "abc"[identifier % 3] * (identifier % 4)}
        for identifier in ids
    }
)
condition_strategy = st.one_of(
    st.builds(
        Condition,
        st.just("ID"),
        st.sampled_from(ID_OPS),
        st.one_of(
            st.integers(min_value=-5, max_value=410),
            st.lists(st.integers(min_value=0, max_value=410), max_size=6),
        ),
    ),
    st.builds(
        Condition,
        st.just("NAME"),
        st.sampled_from(("=", "like", "!=")),
        st.sampled_from(("a", "bb", "")),
    ),
)
order_strategy = st.sampled_from(
    ([], [("ID", False)], [("ID", True)], [("NAME", False), ("ID", True)], [("NAME", True)])
)


def plain_page(
    rows: dict[int, dict[str, Any]],
    conditions: list[Condition],
    order: list[tuple[str, bool]],
    start: int,
) -> tuple[list[dict[str, Any]], int | None, int | None]:
    found = [rows[i] for i in sorted(rows) if all(matches(rows[i], c) for c in conditions)]
    for field, descending in reversed(order):
        found.sort(key=sort_key(field), reverse=descending)
    if start < 0:
        return found[:PAGE_SIZE], None, None
    following = start + PAGE_SIZE if start + PAGE_SIZE < len(found) else None
    return found[start : start + PAGE_SIZE], len(found), following


@settings(max_examples=150, deadline=None)
@given(
    rows=rows_strategy,
    conditions=st.lists(condition_strategy, max_size=3),
    order=order_strategy,
    start=st.one_of(st.just(-1), st.integers(min_value=0, max_value=200)),
)
def test_list_page_matches_a_plain_scan(
    rows: dict[int, dict[str, Any]],
    conditions: list[Condition],
    order: list[tuple[str, bool]],
    start: int,
) -> None:
    page = list_page(Table(rows), conditions, order, start)
    assert (page.rows, page.total, page.next) == plain_page(rows, conditions, order, start)


row_values = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(("", "Y", "N", "5", "05", "5.0", "abc", "ABC", "2024-03-05T10:00:00+02:00")),
    st.lists(st.sampled_from(("5", "abc", "x@y.z")), max_size=3),
    st.lists(
        st.builds(lambda v: {"ID": "1", "VALUE": v, "VALUE_TYPE": "WORK", "TYPE_ID": "EMAIL"},
                  st.sampled_from(("a@b.c", "A@B.C", "x"))),
        max_size=2,
    ),
)  # fmt: skip
wanted_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-2, max_value=7),
    st.sampled_from(("", "Y", "5", "abc", "a@b.c", "a%", "%b%", "2024-03-05", "2025-01-01")),
    st.lists(st.sampled_from(("5", "abc", "a@b.c", "")), max_size=3),
)
ALL_OPS = (">", ">=", "<", "<=", "=", "!=", "in", "not_in", "like", "not_like",
           "like_pattern", "not_like_pattern")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(value=row_values, op=st.sampled_from(ALL_OPS), wanted=wanted_values)
def test_compiled_conditions_mean_what_matches_means(value: Any, op: str, wanted: Any) -> None:
    condition = Condition("F", op, wanted)
    row = {"F": value}
    assert compile_condition(condition)(row) == matches(row, condition)


def test_php_bracket_decoding() -> None:
    assert parse_php_query("filter%5B%3EID%5D=10&select[]=ID&select[]=NAME&order[ID]=ASC") == {
        "filter": {">ID": "10"},
        "select": ["ID", "NAME"],
        "order": {"ID": "ASC"},
    }
    assert parse_php_query("cmd[c1]=crm.contact.list%3Fstart%3D0&halt=1") == {
        "cmd": {"c1": "crm.contact.list?start=0"},
        "halt": "1",
    }
    assert parse_php_query("a[b][c][]=1&a[b][c][]=2&a.b=3&x[y=4") == {
        "a": {"b": {"c": ["1", "2"]}},
        "a_b": "3",
        "x_y": "4",
    }
    assert parse_php_query("fields[PHONE][0][VALUE]=%2B380&fields[PHONE][0][VALUE_TYPE]=WORK") == {
        "fields": {"PHONE": [{"VALUE": "+380", "VALUE_TYPE": "WORK"}]}
    }


def test_filter_prefix_parsing() -> None:
    parsed = parse_filter(
        {">=ID": 1, "!%NAME": "x", "=%NAME": "a%", "!@ID": [1], "!ID": 3, "%NAME": "y"}
    )
    assert [(c.op, c.field) for c in parsed or []] == [
        (">=", "ID"),
        ("not_like", "NAME"),
        ("like_pattern", "NAME"),
        ("not_in", "ID"),
        ("!=", "ID"),
        ("like", "NAME"),
    ]
    assert parse_filter("ID") is None
    assert parse_filter([]) == []
