"""One grammar for a figure cell: the package reader's vectorised parse and the one-cell parse
of the wizard and the table agree on every text, and both follow CONTRACT §1."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats.cells import parse_count, parse_pct
from core.formats.figures import parse_figures
from core.formats.limits import MAX_COUNT
from core.formats.text_table import TextTable

cell_text = st.text(
    alphabet=st.sampled_from([*"0123456789+-. ,e?%x\t", "٣", "５", "\u00a0"]),
    max_size=16,
) | st.integers(-(10**14), 10**14).map(str)


def scalar(name: str, text: str) -> tuple[bool, float | int | None]:
    try:
        return True, (parse_pct if name.startswith("pct:") else parse_count)(text)
    except ValueError:
        return False, None


def vectorised(name: str, texts: list[str]) -> list[tuple[bool, float | int | None]]:
    table = TextTable("t.csv", [name], pl.DataFrame({name: texts}, schema={name: pl.String}))
    parsed = parse_figures(table, [name])
    col = parsed.columns[name]
    bad = {p.row - 2 for p in parsed.problems if p.value is not None}
    out: list[tuple[bool, float | int | None]] = []
    for i, _ in enumerate(texts):
        if i in bad:
            out.append((False, None))
        else:
            out.append((True, col.get(i)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["votes:A", "pct:A"]), st.lists(cell_text, min_size=1, max_size=20))
def test_the_column_parse_and_the_cell_parse_agree(name: str, texts: list[str]) -> None:
    assert vectorised(name, texts) == [scalar(name, t) for t in texts]


@pytest.mark.parametrize(
    ("text", "value"),
    [("5", 5), ("+5", 5), (" 7 ", 7), ("007", 7), ("", None), (str(MAX_COUNT), MAX_COUNT)],
)
def test_counts_the_contract_allows(text: str, value: int | None) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-0", "negative"),
        ("-5", "negative"),
        (str(MAX_COUNT + 1), "999,999,999,999"),
        ("١٢٣", "digits 0-9"),
        ("１２３", "digits 0-9"),
        ("1,234", "separators"),
        ("5.0", "whole number"),
        ("5%", "percentage"),
        ("?", "whole number"),
    ],
)
def test_counts_the_contract_refuses_say_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_count(text)
