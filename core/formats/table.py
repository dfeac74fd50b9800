"""Turn a results table (text cells, as read from CSV or XLSX) into a checked Election."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl

from core.model.election import (
    PROTOCOL_FIELDS,
    SOURCES,
    SPECIAL_PCTS,
    STRUCTURE_COLUMNS,
    Column,
    Election,
    ElectionInfo,
    IntArray,
    SourceFigures,
    UnitTree,
    is_pct,
)
from core.model.problems import InputRefused, Problem


def _hint(value: str, kind: str) -> str:
    stripped = value.strip()
    if kind == "count":
        if stripped.endswith("%"):
            return "a count cannot be a percentage; put percentages in a pct: column"
        if any(sep in stripped for sep in (",", " ", "\u00a0", "'")) and any(
            ch.isdigit() for ch in stripped
        ):
            return "a count must be written without thousands separators (1234567, not 1,234,567)"
        if stripped.startswith("-"):
            return "a count cannot be negative"
        if "." in stripped:
            return "a count must be a whole number"
        return "a count must be a non-negative whole number"
    if stripped.endswith("%"):
        return "a percentage is written as a plain number, without the % sign (71.09)"
    if "," in stripped:
        return "a percentage uses a decimal point, not a comma (71.09)"
    return "a percentage must be a number"


def _cell_value(text: str, kind: str) -> int | float | None:
    """A cell the fast cast could not read, tried again by hand (it may only have spaces)."""
    t = text.strip()
    if kind == "count":
        digits = t.removeprefix("+")
        return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 18 else None
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _parse_columns(
    names: list[str], df: pl.DataFrame, file: str, problems: list[Problem]
) -> dict[str, Column]:
    """Validate and convert every figure column; every bad cell becomes a Problem.

    One cast per column does both jobs: a cell it cannot read is suspect, and what the cast
    is too lenient about (a sign, a negative count, NaN, infinity) is flagged on top.
    """
    if not names:
        return {}
    kinds = {n: "pct" if is_pct(n) else "count" for n in names}
    values = df.select(
        [pl.col(n).cast(pl.Float64 if kinds[n] == "pct" else pl.Int64, strict=False) for n in names]
    )
    suspect = pl.concat([df.select(names), values.rename(lambda n: "=" + n)], how="horizontal")
    flags = []
    for n in names:
        value = pl.col("=" + n)
        odd = value.is_nan() | value.is_infinite() if kinds[n] == "pct" else value < 0
        if df.schema[n].is_numeric():  # parsed while reading: only the range is left to check
            flags.append(odd.fill_null(False).alias(n))
            continue
        text = pl.col(n)
        flags.append((text.is_not_null() & (text != "") & (value.is_null() | odd)).alias(n))
    bad = suspect.select(flags)
    counts = bad.sum().row(0)
    out: dict[str, Column] = {}
    for name in names:
        col = values.get_column(name)
        out[name] = Column(col.fill_null(0).to_numpy().copy(), col.is_not_null().to_numpy().copy())
    for name, nbad in zip(names, counts, strict=True):
        if not nbad:
            continue
        kind = kinds[name]
        series = df.get_column(name)
        for row in np.flatnonzero(bad.get_column(name).to_numpy()):
            raw = series[int(row)]
            cell = "" if raw is None else str(raw)
            fixed = _cell_value(cell, kind)
            if fixed is not None:
                out[name].values[row] = fixed
                out[name].reported[row] = True
                continue
            msg = _hint(cell, kind)
            if kind == "count" and cell.strip().isdigit():
                msg = "the count is too large to be a real figure"
            problems.append(Problem(file, int(row) + 2, name, cell, msg))
    return out


def _check_header(
    header: list[str], info: ElectionInfo, file: str, problems: list[Problem]
) -> None:
    seen: set[str] = set()
    codes = set(info.codes)
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, name, "the column appears twice in the header"))
        seen.add(name)
        prefix, _, code = name.partition(":")
        if prefix in ("votes", "pct", "seats") and code:
            known = code in codes or (prefix == "pct" and code in SPECIAL_PCTS)
            if not known:
                problems.append(
                    Problem(
                        file,
                        1,
                        name,
                        code,
                        f"no contestant has the code {code!r} "
                        f"(election.json lists {', '.join(sorted(codes)) or 'none'})",
                    )
                )
    for required in ("unit_id", "parent_id"):
        if required not in seen:
            problems.append(Problem(file, 1, required, None, "the required column is missing"))


def _text_expr(df: pl.DataFrame, name: str) -> pl.Expr:
    """A text column, trimmed, empty for missing, with the writer's formula guard undone."""
    if name not in df.columns:
        return pl.lit("").alias(name)
    text = pl.col(name).str.strip_chars().fill_null("")
    return text.str.replace(r"^'([=+\-@])", "${1}").alias(name)


def _text(df: pl.DataFrame, name: str) -> list[str]:
    return [str(v) for v in df.select(_text_expr(df, name)).to_series().to_list()]


@dataclass
class _Structure:
    ids: list[str]
    names: list[str]
    levels: list[int]
    parent_ids: list[str]
    first_row: list[int]
    row_unit: IntArray
    row_source: IntArray
    parent: IntArray  # -1 for a root, -2 for a parent_id that names no unit


def _structure(
    df: pl.DataFrame, info: ElectionInfo, file: str, problems: list[Problem]
) -> _Structure:
    """Units and their rows, found with vectorised joins; Python only walks the faulty rows."""
    lv_map = {lv: i for i, lv in enumerate(info.levels)}
    t = df.select(
        _text_expr(df, "unit_id").alias("uid"),
        _text_expr(df, "parent_id").alias("parent"),
        _text_expr(df, "unit_name").alias("name"),
        _text_expr(df, "level").alias("level"),
        _text_expr(df, "source").alias("source"),
    ).with_row_index("row")
    t = t.with_columns(
        pl.col("row").cast(pl.Int64) + 2,
        pl.col("source")
        .replace_strict({"": 0, **{s: i for i, s in enumerate(SOURCES)}}, default=-1)
        .cast(pl.Int64)
        .alias("src"),
        pl.col("level").replace_strict(lv_map, default=-1).cast(pl.Int64).alias("lv"),
    )
    levels_text = ", ".join(info.levels)
    for row, uid, src, source, lv, level in (
        t.filter(
            (pl.col("uid") == "")
            | (pl.col("src") < 0)
            | ((pl.col("lv") < 0) & (pl.col("level") != ""))
        )
        .select("row", "uid", "src", "source", "lv", "level")
        .iter_rows()
    ):
        if not uid:
            problems.append(Problem(file, row, "unit_id", "", "every row needs a unit_id"))
        if src < 0:
            msg = "the source must be official or observer"
            problems.append(Problem(file, row, "source", source, msg))
        if lv < 0 and level:
            msg = f"the level must be one of {levels_text} (from election.json)"
            problems.append(Problem(file, row, "level", level, msg))
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
    units = t.filter((pl.col("uid") != "") & pl.col("uid").is_first_distinct()).with_row_index("u")
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
    names = units.select(
        pl.when(pl.col("name") == "").then(pl.col("uid")).otherwise(pl.col("name"))
    ).to_series()
    parents = units.select("parent").join(
        units.select(pl.col("uid").alias("parent"), pl.col("u").alias("pu")),
        on="parent",
        how="left",
        maintain_order="left",
    )
    parent = (
        parents.select(
            pl.when(pl.col("parent") == "")
            .then(-1)
            .otherwise(pl.col("pu").cast(pl.Int64).fill_null(-2))
        )
        .to_series()
        .to_numpy()
        .astype(np.int64)
    )
    return _Structure(
        ids=units.get_column("uid").to_list(),
        names=names.to_list(),
        levels=units.get_column("lv").to_list(),
        parent_ids=units.get_column("parent").to_list(),
        first_row=units.get_column("row").to_list(),
        row_unit=joined.get_column("u").cast(pl.Int64).fill_null(0).to_numpy(),
        row_source=joined.get_column("src").to_numpy(),
        parent=parent,
    )


def build_election(info: ElectionInfo, header: list[str], df: pl.DataFrame, file: str) -> Election:
    """Check every rule of CONTRACT §1 on the table and build the Election, or refuse it whole."""
    problems: list[Problem] = []
    _check_header(header, info, file, problems)
    if problems and any(p.column in ("unit_id", "parent_id") for p in problems):
        raise InputRefused(problems)
    st = _structure(df, info, file, problems)
    ids, names, levels, parent_ids, first_row = (
        st.ids,
        st.names,
        st.levels,
        st.parent_ids,
        st.first_row,
    )
    row_unit, row_source = st.row_unit, st.row_source

    parent = st.parent
    roots = np.flatnonzero(parent == -1).tolist()
    for u in np.flatnonzero(parent == -2).tolist():
        msg = "no unit has this unit_id"
        problems.append(Problem(file, first_row[u], "parent_id", parent_ids[u], msg))
        parent[u] = -1  # for the tree built below; the problem refuses the table anyway
    if len(roots) != 1 and ids:
        listed = ", ".join(f"{ids[u]!r} (row {first_row[u]})" for u in roots[:10]) or "none"
        problems.append(
            Problem(
                file,
                None,
                "parent_id",
                None,
                f"there must be exactly one root (a unit with an empty parent_id); found "
                f"{len(roots)}: {listed}",
            )
        )
    if not ids:
        problems.append(Problem(file, None, None, None, "the table has no rows"))

    level_arr = np.array(levels, dtype=np.int16)
    tree = UnitTree.build(ids, names, level_arr, parent)
    if len(roots) == 1:
        for u in np.flatnonzero(tree.depth < 0)[:50]:
            if parent[u] >= 0:
                problems.append(
                    Problem(
                        file,
                        first_row[u],
                        "parent_id",
                        parent_ids[u],
                        f"the parents form a cycle: {_cycle_text(int(u), parent, ids)}",
                    )
                )
    missing_level = level_arr < 0
    if missing_level.any() and not problems:
        # No level column: the depth in the tree names the level.
        depth = np.minimum(tree.depth, len(info.levels) - 1)
        tree.level = np.where(missing_level, depth, level_arr).astype(np.int16)

    figure_names = [h for h in header if h not in STRUCTURE_COLUMNS and h in df.columns]
    figure_cols = [h for h in figure_names if h.partition(":")[0] in ("votes", "pct", "seats")]
    extra_counts = set(info.extra_counts())
    figure_cols += [h for h in figure_names if h in PROTOCOL_FIELDS or h in extra_counts]
    parsed = _parse_columns(figure_cols, df, file, problems)
    if problems:
        raise InputRefused(problems)

    extras = [h for h in figure_names if h not in parsed]
    sources: dict[str, SourceFigures] = {}
    n = len(ids)
    for s, src_name in enumerate(SOURCES):
        rows = np.flatnonzero(row_source == s)
        if not rows.size:
            continue
        units = row_unit[rows]
        present = np.zeros(n, dtype=bool)
        present[units] = True
        figs = SourceFigures(present)
        for name, col in parsed.items():
            reported = np.zeros(n, dtype=bool)
            reported[units] = col.reported[rows]
            # an empty column is kept: the protocol has the line, nothing is reported yet
            values = np.zeros(n, dtype=col.values.dtype)
            values[units] = col.values[rows]
            figs.columns[name] = Column(values, reported)
        for name in extras:
            texts = _text(df, name)
            aligned = [""] * n
            for r, u in zip(rows.tolist(), units.tolist(), strict=True):
                aligned[u] = texts[r]
            figs.extras[name] = aligned
        sources[src_name] = figs
    return Election(info, tree, sources, extras)


def _cycle_text(start: int, parent: np.ndarray, ids: list[str]) -> str:
    seen: list[int] = []
    u = start
    while u >= 0 and u not in seen and len(seen) < 20:
        seen.append(u)
        u = int(parent[u])
    return " → ".join(ids[v] for v in [*seen, u] if v >= 0)
