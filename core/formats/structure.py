"""The units of a results table and the rows that give them: ids, parents, levels, sources."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from core.model.election import SOURCES, ElectionInfo, IntArray
from core.model.problems import Problem


@dataclass
class Structure:
    """Units in the order of their first row, and for each row its unit and source."""

    ids: list[str]
    names: list[str]
    levels: IntArray  # index into info.levels, -1 where the table gives none
    parent_ids: pl.Series  # read a value only to word a problem
    first_row: IntArray  # file row number of each unit's first row
    row_unit: IntArray
    row_source: IntArray
    parent: IntArray  # -1 for a root, -2 for a parent_id that names no unit


def text_expr(df: pl.DataFrame, name: str) -> pl.Expr:
    """A text column, trimmed, empty for missing, with the writer's formula guard undone."""
    if name not in df.columns:
        return pl.lit("").alias(name)
    column = df.get_column(name)
    text = pl.col(name)
    # Each step is taken only where some cell needs it: a copy of a column of long names
    # costs as much memory as the names.
    if column.str.contains(r"^\s|\s$").any():
        text = text.str.strip_chars()
    text = text.fill_null("")
    if column.str.contains("^\\s*'").any():  # the writer's formula guard, rare
        text = text.str.replace(r"^'([=+\-@])", "${1}")
    return text.alias(name)


def read_structure(
    df: pl.DataFrame, info: ElectionInfo, file: str, first_row: int, problems: list[Problem]
) -> Structure:
    """Units and their rows, in one pass over the five structure columns and one join."""
    lv_map = {lv: i for i, lv in enumerate(info.levels)}
    t = df.select(
        text_expr(df, "unit_id").alias("uid"),
        text_expr(df, "parent_id").alias("parent"),
        text_expr(df, "unit_name").alias("name"),
        text_expr(df, "level").alias("level"),
        text_expr(df, "source").alias("source"),
    )
    t = t.with_columns(
        pl.col("source")
        .replace_strict({"": 0, **{s: i for i, s in enumerate(SOURCES)}}, default=-1)
        .cast(pl.Int64)
        .alias("src"),
        pl.col("level").replace_strict(lv_map, default=-1).cast(pl.Int64).alias("lv"),
        pl.col("uid").is_first_distinct().alias("first"),
        (pl.int_range(pl.len(), dtype=pl.Int64) + first_row).alias("row"),
    )
    _row_problems(t, info, file, problems)
    if bool(t.get_column("first").all()) and not bool((t.get_column("uid") == "").any()):
        # One row per unit, as in most files: units are rows, no join needed.
        units = t.with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("u"))
        row_unit = np.arange(t.height, dtype=np.int64)
    else:
        units, row_unit = _units_of_rows(t, file, problems)
    parent = _parents(units)
    return Structure(
        ids=units.get_column("uid").to_list(),
        names=units.select(
            pl.when(pl.col("name") == "").then(pl.col("uid")).otherwise(pl.col("name"))
        )
        .to_series()
        .to_list(),
        levels=units.get_column("lv").to_numpy(),
        parent_ids=units.get_column("parent"),
        first_row=units.get_column("row").to_numpy(),
        row_unit=row_unit,
        row_source=t.get_column("src").to_numpy(),
        parent=parent,
    )


def _row_problems(t: pl.DataFrame, info: ElectionInfo, file: str, problems: list[Problem]) -> None:
    faulty = t.filter(
        (pl.col("uid") == "") | (pl.col("src") < 0) | ((pl.col("lv") < 0) & (pl.col("level") != ""))
    )
    levels_text = ", ".join(info.levels)
    for row, uid, src, source, lv, level in faulty.select(
        "row", "uid", "src", "source", "lv", "level"
    ).iter_rows():
        if not uid:
            problems.append(Problem(file, row, "unit_id", "", "every row needs a unit_id"))
        if src < 0:
            msg = "the source must be official or observer"
            problems.append(Problem(file, row, "source", source, msg))
        if lv < 0 and level:
            msg = f"the level must be one of {levels_text} (from election.json)"
            problems.append(Problem(file, row, "level", level, msg))


def _units_of_rows(
    t: pl.DataFrame, file: str, problems: list[Problem]
) -> tuple[pl.DataFrame, IntArray]:
    """Units (a unit's first row) and each row's unit, for a table where units repeat."""
    dup = t.filter(pl.struct("uid", "src").is_duplicated())
    if dup.height:
        seen: dict[tuple[str, int], int] = {}
        for row, uid, src in dup.select("row", "uid", "src").iter_rows():
            if (uid, src) in seen:
                name = SOURCES[src] if src >= 0 else "same-source"
                msg = f"unit {uid!r} already has an {name} row (row {seen[(uid, src)]})"
                problems.append(Problem(file, row, "unit_id", uid, msg))
            else:
                seen[(uid, src)] = row
    # A row without unit_id is already a problem; it must not also make a second root.
    units = t.filter((pl.col("uid") != "") & pl.col("first")).with_row_index("u")
    joined = t.join(
        units.select(
            "uid",
            "u",
            pl.col("parent").alias("p0"),
            pl.col("row").alias("r0"),
            pl.col("lv").alias("lv0"),
        ),
        on="uid",
        how="left",
        maintain_order="left",
    )
    conflicts = joined.filter(
        (pl.col("row") != pl.col("r0"))
        & (
            (pl.col("parent") != pl.col("p0"))
            | ((pl.col("lv") >= 0) & (pl.col("lv0") >= 0) & (pl.col("lv") != pl.col("lv0")))
        )
    )
    for row, uid, parent, p0, r0, lv, lv0, level in conflicts.select(
        "row", "uid", "parent", "p0", "r0", "lv", "lv0", "level"
    ).iter_rows():
        if parent != p0:
            msg = f"row {r0} gives unit {uid!r} the parent {p0!r}"
            problems.append(Problem(file, row, "parent_id", parent, msg))
        if lv >= 0 and lv0 >= 0 and lv != lv0:
            problems.append(Problem(file, row, "level", level, f"row {r0} gives another level"))
    row_unit = joined.get_column("u").cast(pl.Int64).fill_null(0).to_numpy()
    return units, row_unit


def _parents(units: pl.DataFrame) -> IntArray:
    """Each unit's parent by position; -1 for none, -2 for an id that names no unit.

    Rows come grouped by parent in most files, so only where the parent changes is it looked
    up, and the answer repeated along the run.
    """
    parent = units.get_column("parent")
    starts = np.flatnonzero(
        parent.ne_missing(parent.shift(1)).fill_null(True).to_numpy()
        if parent.len()
        else np.zeros(0, dtype=bool)
    )
    heads = pl.DataFrame({"parent": parent.gather(starts)})
    named = units.filter(pl.col("uid").is_in(heads.get_column("parent").unique().implode()))
    found = heads.join(
        named.select(pl.col("uid").alias("parent"), pl.col("u").alias("pu")),
        on="parent",
        how="left",
        maintain_order="left",
    ).select(
        pl.when(pl.col("parent") == "")
        .then(-1)
        .otherwise(pl.col("pu").cast(pl.Int64).fill_null(-2))
    )
    lengths = np.diff(np.r_[starts, parent.len()])
    return np.repeat(found.to_series().to_numpy().astype(np.int64), lengths)
