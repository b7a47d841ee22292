"""Property: any single mutation of any entry of a random audit chain is caught at that entry."""

from __future__ import annotations

import copy
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desktop.security.audit_chain import GENESIS, AuditAction, make_entry
from privacy_desktop.security.audit_verify import verify_records

KEY = Ed25519PrivateKey.generate()
ORDINARY = [action for action in AuditAction if action is not AuditAction.CHECKPOINT]
START = 1_790_000_000.0

#: ASCII, Cyrillic, JSON-escaped characters and an astral one: what canonical JSON must handle.
texts = st.text(alphabet='aZ09 _-.:іїєґЖ"\\\n\u00e9\U0001f512', min_size=1, max_size=10)
details_strategy = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True), texts, max_size=4
)


@st.composite
def chains(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A valid chain of 1-12 records with checkpoints sprinkled in."""
    count = draw(st.integers(min_value=1, max_value=12))
    records: list[dict[str, Any]] = []
    prev = GENESIS
    when = START
    for seq in range(1, count + 1):
        when += draw(st.floats(min_value=0, max_value=86_400, allow_nan=False))
        checkpoint = draw(st.integers(0, 4)) == 0
        entry = make_entry(
            seq=seq,
            when=when,
            action=AuditAction.CHECKPOINT if checkpoint else draw(st.sampled_from(ORDINARY)),
            portal=None if checkpoint else draw(st.none() | texts),
            actor=draw(texts),
            details={} if checkpoint else draw(details_strategy),
            prev_hash=prev,
            signing_key=KEY,
        )
        records.append(entry.to_record())
        prev = entry.hash
    return records


def different(draw: st.DrawFn, strategy: st.SearchStrategy[Any], current: Any) -> Any:
    return draw(strategy.filter(lambda value: value != current or type(value) is not type(current)))


hashes = st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
any_json = st.none() | st.booleans() | st.integers() | texts | st.lists(st.integers(), max_size=2)

#: For each field, values a mutation may put there (valid-looking and nonsense alike).
REPLACEMENTS: dict[str, st.SearchStrategy[Any]] = {
    "seq": st.integers(min_value=-5, max_value=40) | st.floats(allow_nan=False) | texts,
    "ts": st.sampled_from(["2026-09-21T14:13:20.000000Z", "2026-09-21T14:13:20Z"]) | texts,
    "action": st.sampled_from([action.value for action in AuditAction]) | texts,
    "portal": st.none() | texts | st.integers(),
    "actor": texts | st.none(),
    "details": details_strategy | any_json,
    "prev": hashes | st.just(GENESIS) | texts,
    "sig": st.none() | hashes | st.just(KEY.sign(b"x").hex()),
    "hash": hashes | texts,
}


@st.composite
def mutated_chains(draw: st.DrawFn) -> tuple[list[Any], int]:
    """A chain with exactly one entry mutated, and the 1-based position of that entry."""
    records = draw(chains())
    index = draw(st.integers(min_value=0, max_value=len(records) - 1))
    mutated = copy.deepcopy(records)
    record = mutated[index]
    kind = draw(st.sampled_from(["replace", "remove-field", "add-field", "move", "drop"]))
    if kind in {"move", "drop"} and index == len(records) - 1:
        kind = "replace"  # dropping or moving the very last entry is the tail limitation
    if kind == "replace":
        name = draw(st.sampled_from(sorted(REPLACEMENTS)))
        record[name] = different(draw, REPLACEMENTS[name], record[name])
    elif kind == "remove-field":
        del record[draw(st.sampled_from(sorted(record)))]
    elif kind == "add-field":
        record[draw(st.sampled_from(["extra", "note", "Seq"]))] = draw(any_json)
    elif kind == "move":
        target = draw(st.integers(min_value=index + 1, max_value=len(records) - 1))
        mutated.insert(target, mutated.pop(index))
    else:
        del mutated[index]
    return mutated, index + 1


@settings(max_examples=100, deadline=None)
@given(chains())
def test_an_untouched_chain_verifies(records: list[dict[str, Any]]) -> None:
    result = verify_records(records, KEY.public_key())
    assert (result.ok, result.entries, result.first_broken) == (True, len(records), None)


@settings(max_examples=200, deadline=None)
@given(mutated_chains())
def test_any_single_mutation_is_caught_at_that_entry(case: tuple[list[Any], int]) -> None:
    records, position = case
    result = verify_records(records, KEY.public_key())
    assert not result.ok
    assert result.first_broken == position
    assert result.entries == position - 1
    assert result.reason is not None
    assert result.reason.args[0] == str(position)
