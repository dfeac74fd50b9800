"""The chain's pieces: entry hashes over the stored text, its links, and JSON nesting measured
without parsing."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.project.chain import (
    MAX_NESTING,
    ChainProblem,
    RawEntry,
    entry_hash_of_text,
    link_problems,
    nested_deeper,
    read_payload,
)

ORIGIN = "0" * 64
# Strings full of what could fool a scanner: brackets, quotes, backslashes.
TEXT = st.text(alphabet='[]{}"\\ab\u00e9\u0418', max_size=6)
JSON = st.recursive(
    st.none() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=40,
)


def depth(obj: object) -> int:
    if isinstance(obj, list):
        return 1 + max((depth(x) for x in obj), default=0)
    if isinstance(obj, dict):
        return 1 + max((depth(x) for x in obj.values()), default=0)
    return 0


@given(JSON, st.integers(min_value=0, max_value=8))
def test_nesting_is_measured_on_the_text_as_a_parser_would(obj, limit):
    text = json.dumps(obj, ensure_ascii=bool(limit % 2))
    assert nested_deeper(text, limit) == (depth(obj) > limit)


def chain_of(n: int) -> list[RawEntry]:
    rows, prev = [], ORIGIN
    for seq in range(1, n + 1):
        payload = json.dumps({"label": f"c{seq}", "edits": []})
        digest = entry_hash_of_text(prev, seq, "t", "edit", f"c{seq}", payload)
        rows.append(RawEntry(seq, "t", "edit", f"c{seq}", payload, prev, digest))
        prev = digest
    return rows


def test_an_intact_chain_has_no_problem_and_each_break_is_named():
    rows = chain_of(4)
    assert link_problems(rows, ORIGIN) == []
    assert link_problems(rows, "f" * 64) == [
        ChainProblem(1, "it does not follow the entry before it")
    ]
    edited = [*rows[:2], rows[2]._replace(label="other"), rows[3]]
    assert [str(p) for p in link_problems(edited, ORIGIN)] == [
        "journal entry 3: its content does not match its hash (it was changed after it was written)"
    ]
    assert [str(p) for p in link_problems([rows[0], rows[3]], ORIGIN)] == [
        "journal entry 4: entries before it are missing",
        "journal entry 4: it does not follow the entry before it",
    ]
    assert str(ChainProblem(0, "x")) == "the original snapshot: x"
    assert str(ChainProblem(None, "x")) == "the file: x"


def test_the_hash_covers_the_payload_text_as_stored():
    row = chain_of(1)[0]
    spaced = row._replace(payload=row.payload.replace(":", ": "))  # same JSON, other bytes
    assert row.hash_ok()
    assert not spaced.hash_ok()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1), "nested deeper than 64 levels"),
        ("{" * 200_000, "nested deeper than 64 levels"),
        ("{", "not valid JSON"),
        ("[]", "not a JSON object"),
        ('"text"', "not a JSON object"),
    ],
)
def test_a_payload_that_is_not_an_object_is_refused_in_words(text, says):
    with pytest.raises(ValueError, match=says):
        read_payload(text)


def test_a_payload_at_the_limit_is_read():
    deep = "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1)
    assert read_payload('{"a": ' + deep + "}") == {"a": json.loads(deep)}
