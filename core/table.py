"""Turn a results table (text cells, as read from CSV or XLSX) into a checked Election."""

from __future__ import annotations

import numpy as np
import polars as pl

from core.model import (
    PROTOCOL_FIELDS,
    SOURCES,
    SPECIAL_PCTS,
    STRUCTURE_COLUMNS,
    Column,
    Election,
    ElectionInfo,
    SourceFigures,
    UnitTree,
    is_pct,
)
from core.problems import InputRefused, Problem

_COUNT_RE = r"^\d+$"
_PCT_RE = r"^-?(\d+\.?\d*|\.\d+)$"
_FORMULA_LEADS = ("=", "+", "-", "@")


def unescape_text(value: str) -> str:
    """Undo the quote the writer puts before text that a spreadsheet would take for a formula."""
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_LEADS:
        return value[1:]
    return value


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


def _parse_column(name: str, series: pl.Series, file: str, problems: list[Problem]) -> Column:
    """Validate and convert one figure column; every bad cell becomes a Problem."""
    text = series.str.strip_chars()
    empty = text.is_null() | (text == "")
    pattern = _PCT_RE if is_pct(name) else _COUNT_RE
    bad = ~empty & ~text.str.contains(pattern)
    kind = "pct" if is_pct(name) else "count"
    if kind == "count":
        too_long = ~empty & ~bad & (text.str.len_chars() > 18)
        bad = bad | too_long
    for row in np.flatnonzero(bad.fill_null(False).to_numpy()):
        raw = series[int(row)]
        value = "" if raw is None else str(raw)
        msg = _hint(value, kind)
        if kind == "count" and value.strip().isdigit():
            msg = "the count is too large to be a real figure"
        problems.append(Problem(file, int(row) + 2, name, value, msg))
    reported = (~empty).to_numpy()
    if kind == "pct":
        values = text.cast(pl.Float64, strict=False).fill_null(0.0).to_numpy()
    else:
        values = text.cast(pl.Int64, strict=False).fill_null(0).to_numpy()
    return Column(values, reported)


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


def _text(df: pl.DataFrame, name: str) -> list[str]:
    if name not in df.columns:
        return [""] * df.height
    return [unescape_text(v.strip()) if v else "" for v in df.get_column(name).to_list()]


def build_election(info: ElectionInfo, header: list[str], df: pl.DataFrame, file: str) -> Election:
    """Check every rule of CONTRACT §1 on the table and build the Election, or refuse it whole."""
    problems: list[Problem] = []
    _check_header(header, info, file, problems)
    if problems and any(p.column in ("unit_id", "parent_id") for p in problems):
        raise InputRefused(problems)

    unit_col = _text(df, "unit_id")
    parent_col = _text(df, "parent_id")
    name_col = _text(df, "unit_name")
    level_col = _text(df, "level")
    source_col = _text(df, "source")
    level_index = {lv: i for i, lv in enumerate(info.levels)}

    ids: list[str] = []
    index: dict[str, int] = {}
    names: list[str] = []
    levels: list[int] = []
    parent_ids: list[str] = []
    first_row: list[int] = []
    row_unit = np.empty(df.height, dtype=np.int64)
    row_source = np.empty(df.height, dtype=np.int64)
    seen_pairs: dict[tuple[str, int], int] = {}
    for r in range(df.height):
        rown = r + 2
        uid = unit_col[r]
        if not uid:
            problems.append(Problem(file, rown, "unit_id", "", "every row needs a unit_id"))
        src_text = source_col[r] or "official"
        if src_text not in SOURCES:
            problems.append(
                Problem(file, rown, "source", src_text, "the source must be official or observer")
            )
            src = 0
        else:
            src = SOURCES.index(src_text)
        lv_text = level_col[r]
        lv = level_index.get(lv_text, -1)
        if lv_text and lv < 0:
            problems.append(
                Problem(
                    file,
                    rown,
                    "level",
                    lv_text,
                    f"the level must be one of {', '.join(info.levels)} (from election.json)",
                )
            )
        pair = (uid, src)
        if pair in seen_pairs:
            problems.append(
                Problem(
                    file,
                    rown,
                    "unit_id",
                    uid,
                    f"unit {uid!r} already has a {SOURCES[src]} row (row {seen_pairs[pair]})",
                )
            )
        else:
            seen_pairs[pair] = rown
        u = index.get(uid)
        if u is None:
            u = len(ids)
            index[uid] = u
            ids.append(uid)
            names.append(name_col[r] or uid)
            levels.append(lv)
            parent_ids.append(parent_col[r])
            first_row.append(rown)
        else:
            if parent_col[r] != parent_ids[u]:
                problems.append(
                    Problem(
                        file,
                        rown,
                        "parent_id",
                        parent_col[r],
                        f"row {first_row[u]} gives unit {uid!r} the parent {parent_ids[u]!r}",
                    )
                )
            if lv_text and levels[u] >= 0 and lv != levels[u]:
                problems.append(
                    Problem(file, rown, "level", lv_text, f"row {first_row[u]} gives another level")
                )
        row_unit[r] = u
        row_source[r] = src

    parent = np.full(len(ids), -1, dtype=np.int64)
    roots: list[int] = []
    for u, pid in enumerate(parent_ids):
        if not pid:
            roots.append(u)
            continue
        p = index.get(pid)
        if p is None:
            problems.append(
                Problem(file, first_row[u], "parent_id", pid, "no unit has this unit_id")
            )
        else:
            parent[u] = p
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
    figure_cols += [h for h in figure_names if h in PROTOCOL_FIELDS]
    parsed = {
        name: _parse_column(name, df.get_column(name), file, problems) for name in figure_cols
    }
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
            if not reported.any():
                continue
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
