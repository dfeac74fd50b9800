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
    if suspects:
        looked = _second_look(table.frame.select(suspects), {n: out[n] for n in suspects})
        for n, (col, bad) in looked.items():
            out[n] = col
            text = table.frame.get_column(n)
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


def _second_look(
    text: pl.DataFrame, first: dict[str, Column]
) -> dict[str, tuple[Column, np.ndarray]]:
    """The suspect columns by the grammar itself: values, and which cells break it.

    The cast read all but a few cells right: it reads `[+-]?[0-9]+` as counts and every
    decimal as percentages, so only a sign or a range is left to check on what it read. The
    cells it could not read (a space, a `?`, another script's digits) are gathered from every
    suspect column into one column, and read again by the grammar in one pass.
    """
    names = list(first)
    given = text.select(pl.col(n).is_not_null() for n in names)
    zeros = [n for n in names if not is_pct(n) and _has_zero(first[n])]
    minus = text.select(pl.col(n).str.starts_with("-").fill_null(False) for n in zeros)
    out: dict[str, tuple[Column, np.ndarray]] = {}
    unread: dict[str, np.ndarray] = {}
    for n in names:
        values, reported = first[n].values.copy(), first[n].reported.copy()
        if is_pct(n):
            bad = reported & ~np.isfinite(values)
        else:
            bad = reported & ((values < 0) | (values > MAX_COUNT))
            if n in zeros:  # "-0" reads as 0
                bad |= (values == 0) & minus.get_column(n).to_numpy()
        unread[n] = np.flatnonzero(~reported & given.get_column(n).to_numpy())
        out[n] = (Column(values, reported), bad)
    cells = pl.concat(
        [text.get_column(n).gather(unread[n]).alias("t") for n in names], how="vertical"
    )
    kinds = np.concatenate([np.full(unread[n].size, is_pct(n)) for n in names])
    t = cells.str.strip_chars(SPACES)
    read = pl.DataFrame({"t": t, "pct": kinds}).select(
        pl.when(pl.col("pct"))
        .then(pl.col("t").str.contains(PCT_PATTERN))
        .otherwise(pl.col("t").str.contains(COUNT_PATTERN))
        .fill_null(False)
        .alias("good"),
        pl.col("t").cast(pl.Float64, strict=False).alias("pct_value"),
        pl.col("t").str.strip_prefix("+").cast(pl.Int64, strict=False).alias("count_value"),
        (pl.col("t") != "").fill_null(False).alias("filled"),
    )
    good_all = read.get_column("good").to_numpy()
    pct_all = read.get_column("pct_value").fill_null(float("nan")).to_numpy()
    count_all = read.get_column("count_value").fill_null(0).to_numpy()
    filled_all = read.get_column("filled").to_numpy()
    at = 0
    for n in names:
        rows = unread[n]
        part = slice(at, at + rows.size)
        at += rows.size
        col, bad = out[n]
        value = pct_all[part] if is_pct(n) else count_all[part]
        good = good_all[part] & (np.isfinite(value) if is_pct(n) else True)
        col.values[rows[good]] = value[good]
        col.reported[rows[good]] = True
        bad[rows] = ~good & filled_all[part]
        col.values[bad] = 0
        col.reported[bad] = False
    return out


def _has_zero(col: Column) -> bool:
    return bool(col.reported.any()) and bool(col.values[col.reported].min() == 0)


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
