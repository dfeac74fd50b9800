"""The figure columns of a results table, parsed in a few passes over the whole frame.

The first pass casts every figure column at once; only the columns whose cast left a cell
unread, or read one out of range, get a second look (spaces, a `+`, a minus zero), still
vectorised. Python sees a single cell only to word a problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from core.formats.cells import COUNT_PATTERN, PCT_PATTERN, SPACES, count_problem, pct_problem
from core.formats.limits import MAX_COUNT, MAX_PROBLEMS_PER_COLUMN
from core.formats.text_table import TextTable
from core.model.election import Column, is_pct
from core.model.problems import Problem

_BATCH = 8  # columns cast at once: enough for every thread, few to hold in memory


@dataclass
class ParsedFigures:
    """Figure columns in row order, and the problems found in their cells."""

    columns: dict[str, Column]
    problems: list[Problem]


def parse_figures(table: TextTable, names: list[str]) -> ParsedFigures:
    """Every named column of text cells as a figure column; every bad cell a Problem.

    The columns are cast a batch at a time, and each batch's text is dropped from the table
    once it is read (a suspect column's text is kept for its second look), so that a large
    table is never held as text and as figures at once.
    """
    out: dict[str, Column] = {}
    problems: list[Problem] = []
    suspects: list[str] = []
    for start in range(0, len(names), _BATCH):
        batch = names[start : start + _BATCH]
        out.update(_first_look(table.frame, batch, suspects))
        table.frame = table.frame.drop([n for n in batch if n not in suspects])
    for n in suspects:
        text = table.frame.get_column(n)
        col, bad = _second_look(text, n)
        out[n] = col
        problems.extend(_problems(text, bad, n, table.file, table.first_row))
    table.frame = table.frame.drop(suspects)
    return ParsedFigures(out, problems)


def _first_look(df: pl.DataFrame, names: list[str], suspects: list[str]) -> dict[str, Column]:
    """The columns as the cast reads them; those it may misread are added to `suspects`."""
    values = df.select([_cast(pl.col(n), n) for n in names])
    gaps = [n for n in names if values.get_column(n).null_count()]
    masks = values.select(
        *(pl.col(n).is_not_null().alias("?" + n) for n in gaps),
        *(pl.col(n).fill_null(0) for n in gaps),
    )
    out: dict[str, Column] = {}
    for n in names:
        v = values.get_column(n)
        if n in gaps:
            # A cell the cast left unread, where the text has something, needs a second look.
            if v.null_count() != df.get_column(n).null_count():
                suspects.append(n)
            col = Column(
                masks.get_column(n).to_numpy().copy(), masks.get_column("?" + n).to_numpy()
            )
        else:
            col = Column(v.to_numpy().copy(), np.ones(v.len(), dtype=bool))
        if _out_of_range(col, n) and n not in suspects:
            suspects.append(n)
        out[n] = col
    suspects += _minus_zeros(df, [n for n in names if n not in suspects], out)
    return out


def _cast(text: pl.Expr, name: str) -> pl.Expr:
    return text.cast(pl.Float64 if is_pct(name) else pl.Int64, strict=False)


def _out_of_range(col: Column, name: str) -> bool:
    if not col.values.size:
        return False
    if is_pct(name):
        return not bool(np.isfinite(col.values).all())
    return bool(col.values.min() < 0 or col.values.max() > MAX_COUNT)


def _minus_zeros(df: pl.DataFrame, names: list[str], cols: dict[str, Column]) -> list[str]:
    """The cast reads "-0" as 0, which is no count: the columns with a minus where 0 was read."""
    zeros = [
        n for n in names if not is_pct(n) and cols[n].values.size and cols[n].values.min() == 0
    ]
    if not zeros:
        return []
    found = df.select(pl.col(n).str.starts_with("-").any() for n in zeros).row(0)
    return [n for n, minus in zip(zeros, found, strict=True) if minus]


def _second_look(text: pl.Series, name: str) -> tuple[Column, np.ndarray]:
    """The column read by the grammar itself: values, and which cells break it."""
    t = text.str.strip_chars(SPACES)
    empty = t.is_null() | (t == "")
    if is_pct(name):
        v = t.cast(pl.Float64, strict=False)
        good = t.str.contains(PCT_PATTERN) & v.is_finite()
    else:
        good = t.str.contains(COUNT_PATTERN)
        v = pl.select(pl.when(good).then(t.str.strip_prefix("+")).cast(pl.Int64)).to_series()
    frame = pl.DataFrame({"v": v, "good": good.fill_null(False), "empty": empty})
    ok = frame.get_column("good")
    values = frame.select(pl.when(ok).then(pl.col("v")).otherwise(0)).to_series()
    reported = ok.to_numpy()
    bad = ~(reported | frame.get_column("empty").to_numpy())
    arr = values.to_numpy()
    arr = arr.astype(np.float64 if is_pct(name) else np.int64, copy=not arr.flags.writeable)
    return Column(arr, reported), bad


def _problems(
    text: pl.Series, bad: np.ndarray, name: str, file: str, first_row: int
) -> list[Problem]:
    rows = np.flatnonzero(bad)
    explain = pct_problem if is_pct(name) else count_problem
    out = [
        Problem(file, int(r) + first_row, name, str(text[int(r)]), explain(str(text[int(r)])))
        for r in rows[:MAX_PROBLEMS_PER_COLUMN]
    ]
    if rows.size > MAX_PROBLEMS_PER_COLUMN:
        more = rows.size - MAX_PROBLEMS_PER_COLUMN
        last = int(rows[MAX_PROBLEMS_PER_COLUMN]) + first_row
        out.append(
            Problem(file, last, name, None, f"and {more:,} more cells of this column, from here on")
        )
    return out
