"""Turn a results table (text cells, as read from CSV or XLSX) into a checked Election."""

from __future__ import annotations

import numpy as np
import polars as pl

from core.formats.figures import parse_figures
from core.formats.structure import Structure, read_structure, text_expr
from core.formats.text_table import TextTable
from core.model.election import (
    PROTOCOL_FIELDS,
    SOURCES,
    SPECIAL_PCTS,
    STRUCTURE_COLUMNS,
    Column,
    Election,
    ElectionInfo,
    SourceFigures,
    UnitTree,
)
from core.model.problems import InputRefused, Problem


def is_figure_column(name: str) -> bool:
    """A column the rules read as figures: protocol lines, votes, percentages, seats."""
    return name in PROTOCOL_FIELDS or name.partition(":")[0] in ("votes", "pct", "seats")


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


def build_election(info: ElectionInfo, table: TextTable) -> Election:
    """Check every rule of CONTRACT §1 on the table and build the Election, or refuse it whole."""
    file, header = table.file, table.header
    problems: list[Problem] = []
    _check_header(header, info, file, problems)
    if problems and any(p.column in ("unit_id", "parent_id") for p in problems):
        raise InputRefused(problems)
    rows = table.frame.height
    st = read_structure(table.frame, info, file, table.first_row, problems)
    table.frame = table.frame.drop([c for c in STRUCTURE_COLUMNS if c in table.frame.columns])
    tree = _tree(st, info, file, problems)

    figure_names = [h for h in dict.fromkeys(header) if h not in STRUCTURE_COLUMNS]
    figure_cols = [h for h in figure_names if h.partition(":")[0] in ("votes", "pct", "seats")]
    extra_counts = set(info.extra_counts())  # a template's sub-lines are counts too
    figure_cols += [h for h in figure_names if h in PROTOCOL_FIELDS or h in extra_counts]
    parsed = parse_figures(table, figure_cols)  # the figure columns' text is let go
    problems.extend(parsed.problems)
    if problems:
        raise InputRefused(problems)
    extras = [h for h in figure_names if h not in parsed.columns]
    sources = _sources(st, len(tree), rows, parsed.columns, table.frame, extras)
    return Election(info, tree, sources, extras)


def _tree(st: Structure, info: ElectionInfo, file: str, problems: list[Problem]) -> UnitTree:
    ids, parent = st.ids, st.parent
    roots = np.flatnonzero(parent == -1).tolist()
    for u in np.flatnonzero(parent == -2).tolist():
        msg = "no unit has this unit_id"
        problems.append(
            Problem(file, int(st.first_row[u]), "parent_id", st.parent_ids[int(u)], msg)
        )
        parent[u] = -1  # for the tree built below; the problem refuses the table anyway
    if len(roots) != 1 and ids:
        listed = ", ".join(f"{ids[u]!r} (row {st.first_row[u]})" for u in roots[:10]) or "none"
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
    level_arr = st.levels.astype(np.int16)
    tree = UnitTree.build(ids, st.names, level_arr, parent)
    if len(roots) == 1:
        for u in np.flatnonzero(tree.depth < 0)[:50]:
            if parent[u] >= 0:
                problems.append(
                    Problem(
                        file,
                        int(st.first_row[u]),
                        "parent_id",
                        st.parent_ids[int(u)],
                        f"the parents form a cycle: {_cycle_text(int(u), parent, ids)}",
                    )
                )
    missing_level = level_arr < 0
    if missing_level.any() and not problems:
        # No level column: the depth in the tree names the level.
        depth = np.minimum(tree.depth, len(info.levels) - 1)
        tree.level = np.where(missing_level, depth, level_arr).astype(np.int16)
    return tree


def _sources(
    st: Structure,
    n: int,
    height: int,
    parsed: dict[str, Column],
    df: pl.DataFrame,
    extras: list[str],
) -> dict[str, SourceFigures]:
    """Each source's figures, unit-aligned (the row columns themselves when rows are units)."""
    texts = {
        col.name: np.array(col.to_list(), dtype=object)
        for col in df.select([text_expr(df, name) for name in extras]).iter_columns()
    }
    sources: dict[str, SourceFigures] = {}
    for s, src_name in enumerate(SOURCES):
        rows = np.flatnonzero(st.row_source == s)
        if not rows.size:
            continue
        units = st.row_unit[rows]
        same = rows.size == n == height and bool(np.array_equal(units, np.arange(n)))
        present = np.ones(n, dtype=bool) if same else np.zeros(n, dtype=bool)
        present[units] = True
        figs = SourceFigures(present)
        for name, col in parsed.items():
            if same:
                figs.columns[name] = col  # kept even empty: the protocol has the line
                continue
            reported = np.zeros(n, dtype=bool)
            reported[units] = col.reported[rows]
            # an empty column is kept: the protocol has the line, nothing is reported yet
            values = np.zeros(n, dtype=col.values.dtype)
            values[units] = col.values[rows]
            figs.columns[name] = Column(values, reported)
        for name, text in texts.items():
            aligned = np.full(n, "", dtype=object)
            aligned[units] = text[rows]
            figs.extras[name] = aligned.tolist()
        sources[src_name] = figs
    return sources


def _cycle_text(start: int, parent: np.ndarray, ids: list[str]) -> str:
    seen: list[int] = []
    u = start
    while u >= 0 and u not in seen and len(seen) < 20:
        seen.append(u)
        u = int(parent[u])
    return " → ".join(ids[v] for v in [*seen, u] if v >= 0)
