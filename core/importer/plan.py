"""Plan the import of a table into an election: every problem at once, and one undoable Change."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from core.importer.create import NewUnits, plan_new_units
from core.importer.mapping import IGNORE, PARENT_NAME, guess_mapping, normalise, targets
from core.importer.read import ENCODINGS, RawTable, read_table
from core.model.election import (
    SOURCES,
    STRUCTURE_COLUMNS,
    BoolArray,
    Election,
    column_dtype,
    is_pct,
)
from core.model.problems import Problem
from core.project.edits import CellEdit, Change, Value, parse_value

__all__ = [
    "ENCODINGS",
    "ImportOptions",
    "ImportPlan",
    "RawTable",
    "guess_mapping",
    "plan_import",
    "read_table",
    "targets",
]

TOTAL_WORDS = ("итог", "всего", "барлығы", "жиыны", "жиынтығы", "total", "jami", "grand total")
_COUNT_RE = r"^\d{1,15}$"
_PCT_RE = r"^\d{1,15}(\.\d{1,15})?$"
_GROUPED = re.compile(r"^\d{1,3}([ \u00a0\u202f,'\u2019]\d{3})+$")


@dataclass(frozen=True)
class ImportOptions:
    """What the user allows: each option is off unless they tick it."""

    thousands: bool = False  # "1 234 567", "1,234,567", "1'234'567" in counts
    percent_sign: bool = False  # "63.25%" in percentage columns
    skip_unmatched: bool = False  # rows that name no unit are left out, not problems
    keep_total_rows: bool = False
    empty_clears: bool = False  # an empty cell makes an existing figure "not reported"
    parent: str | None = None  # unit_id under which names are matched (None: anywhere)
    create_units: bool = False  # rows that name no unit yet make new units (one change)


@dataclass(frozen=True)
class SkippedRow:
    """A row left out of the import, with its file row number and why."""

    row: int
    reason: str


@dataclass
class ImportPlan:
    """What an import would do; nothing is changed until `change` is applied."""

    change: Change
    problems: list[Problem]
    skipped_total_rows: list[SkippedRow] = field(default_factory=list)
    matched: int = 0
    unmatched: list[SkippedRow] = field(default_factory=list)
    created: NewUnits = field(default_factory=lambda: NewUnits(None, []))

    @property
    def ready(self) -> bool:
        """True when there is something to import and nothing wrong with it."""
        return not self.problems and not self.change.empty


def parse_cell(fld: str, text: str, options: ImportOptions) -> Value:
    """A cell's value under the user's options; ValueError says what is wrong with it."""
    t = text.strip()
    if is_pct(fld):
        if t.endswith("%"):
            if not options.percent_sign:
                raise ValueError("has a % sign: tick “accept %” if percentages are written so")
            t = t[:-1].strip()
        return parse_value(fld, t)
    if _GROUPED.match(t):
        if not options.thousands:
            raise ValueError(
                "has thousands separators: tick “accept thousands separators” if it is one number"
            )
        t = re.sub(r"\D", "", t)
    elif t.endswith("%"):
        raise ValueError("a count cannot be a percentage; map the column to a pct: field")
    return parse_value(fld, t)


@dataclass
class ParsedColumn:
    """A column's cells as figures: values, which were given, and why each bad cell is bad."""

    values: npt.NDArray[Any]  # int64 counts or float64 percentages; 0 where not given
    given: BoolArray
    errors: dict[int, str]  # row index to message


def parse_column(texts: Sequence[str], fld: str, options: ImportOptions) -> ParsedColumn:
    """Every cell of a column parsed under the user's options."""
    pct = is_pct(fld)
    cells = pl.Series(texts, dtype=pl.String).str.strip_chars()
    empty = cells == ""
    # a clean column, as nearly every column of a large file is, is parsed in one go
    if bool((empty | cells.str.contains(_PCT_RE if pct else _COUNT_RE)).all()):
        dtype = pl.Float64 if pct else pl.Int64
        values = cells.cast(dtype, strict=False).fill_null(0).to_numpy()
        return ParsedColumn(values.astype(column_dtype(fld)), (~empty).to_numpy(), {})
    out: list[int | float] = []
    given: list[bool] = []
    errors: dict[int, str] = {}
    for r, t in enumerate(cells.to_list()):
        try:
            v = parse_cell(fld, t, options)
        except ValueError as exc:
            v = None
            errors[r] = str(exc)
        out.append(0 if v is None else v)
        given.append(v is not None)
    return ParsedColumn(np.array(out, dtype=column_dtype(fld)), np.array(given), errors)


def _columns(raw: RawTable) -> list[tuple[str, ...]]:
    return list(zip(*raw.rows, strict=True)) if raw.rows else [() for _ in raw.header]


def _is_total_name(text: str) -> bool:
    words = normalise(text).split()
    return any(w.startswith(s) for w in words for s in TOTAL_WORDS)


def _is_figure(fld: str) -> bool:
    return bool(fld) and fld not in STRUCTURE_COLUMNS and fld != PARENT_NAME


def _total_rows(
    raw: RawTable, mapping: dict[int, str], parsed: dict[int, ParsedColumn]
) -> list[SkippedRow]:
    text_cols = [i for i, f in mapping.items() if f in ("unit_name", "unit_id")] or [0]
    found: dict[int, str] = {}
    pattern = "|".join(TOTAL_WORDS)
    for c in text_cols:
        if c >= len(raw.header):
            continue
        texts = pl.Series([row[c] for row in raw.rows], dtype=pl.String)
        # the cheap test over the whole column, the exact one on the few rows it lets through
        for r in texts.str.to_lowercase().str.contains(pattern).arg_true().to_list():
            if r not in found and _is_total_name(raw.rows[r][c]):
                found[r] = f"named {raw.rows[r][c].strip()!r}"
    rest = np.array([r for r in range(len(raw.rows)) if r not in found], dtype=np.int64)
    counts = [
        p.values[rest]
        for c, p in parsed.items()
        # a column with bad cells proves nothing; its problems are reported by the plan
        if not is_pct(mapping[c]) and all(r in found for r in p.errors)
    ]
    if counts and len(rest) >= 3:
        table = np.stack(counts)  # columns x rows
        sums = table.sum(axis=1)
        # Only the first or last row, and with enough evidence that equality is no coincidence.
        for k in {0, len(rest) - 1}:
            own = table[:, k]
            evidence = np.count_nonzero(own) >= 2 or len(rest) >= 4
            if evidence and own.any() and bool(np.all(2 * own == sums)):
                found[int(rest[k])] = "its figures are the sum of the other rows"
    return [SkippedRow(raw.row_number(r), why) for r, why in sorted(found.items())]


def plan_import(
    raw: RawTable,
    mapping: dict[int, str],
    election: Election,
    source: str,
    options: ImportOptions | None = None,
) -> ImportPlan:
    """Check every row and cell against the election and gather the edits for one source."""
    opts = options or ImportOptions()
    label = Path(raw.file).name
    problems = list(raw.problems)
    mapping = {i: f for i, f in mapping.items() if f != IGNORE}

    def bad(row: int | None, col: int | None, value: str | None, message: str) -> None:
        column = None if col is None else (raw.header[col] or f"#{col + 1}")
        problems.append(Problem(raw.file, row, column, value, message))

    seen = _check_mapping(raw, mapping, election, source, bad, opts.create_units)
    if "unit_id" not in seen and "unit_name" not in seen:
        return ImportPlan(Change(f"Import from {label}", kind="import"), problems)
    figures = {i: f for f, i in seen.items() if _is_figure(f)}

    cols = _columns(raw)
    parsed = {c: parse_column(cols[c], f, opts) for c, f in figures.items()}
    fields = {c: f for f, c in seen.items()}
    totals = [] if opts.keep_total_rows else _total_rows(raw, fields, parsed)
    skip = {t.row for t in totals}
    units = election.units
    bad_columns = [c for c in figures if parsed[c].errors]
    accepted: list[tuple[int, int, str]] = []  # row index, unit, source
    rows_of_unit: dict[tuple[int, str], int] = {}
    unmatched: list[SkippedRow] = []
    by_name: dict[str, list[int]] = {}  # filled on first need: ids match most files
    candidates: list[int] = []  # rows that name no unit: new units, if the user allows
    for r, row in enumerate(raw.rows):
        n = raw.row_number(r)
        if n in skip or not any(c.strip() for c in row):
            continue
        uid = row[seen["unit_id"]].strip() if "unit_id" in seen else ""
        if opts.create_units and uid and uid not in units.index:
            candidates.append(r)  # an id not yet in the election: a new unit, not a name match
            continue
        unit, why = _match(row, seen, election, by_name, opts)
        if unit is None and opts.create_units:
            candidates.append(r)
            continue
        if unit is None:
            if opts.skip_unmatched:
                unmatched.append(SkippedRow(n, why))
            else:
                key = seen.get("unit_id", seen.get("unit_name"))
                bad(n, key, None if key is None else row[key], why)
            continue
        src = source
        if "source" in seen and row[seen["source"]].strip():
            src = row[seen["source"]].strip()
            if src not in SOURCES:
                bad(n, seen["source"], src, f"the source must be one of {', '.join(SOURCES)}")
                continue
        level = row[seen["level"]].strip() if "level" in seen else ""
        expected = election.info.levels[int(units.level[unit])]
        if level and level != expected:
            bad(n, seen["level"], level, f"{units.ids[unit]} is a unit of level {expected!r}")
            continue
        earlier = rows_of_unit.setdefault((unit, src), n)
        if earlier != n:
            bad(n, None, units.ids[unit], f"row {earlier} already gives this unit ({src})")
            continue
        for c in bad_columns:
            if r in parsed[c].errors:
                bad(n, c, row[c], parsed[c].errors[r])
        accepted.append((r, unit, src))
    edits = _edits(election, accepted, figures, parsed, opts)
    matched = len(accepted)
    created = NewUnits(None, [])
    if candidates:
        columns = {
            c: (
                f,
                [
                    v if g else None
                    for v, g in zip(p.values.tolist(), p.given.tolist(), strict=True)
                ],
                [p.errors.get(r) for r in range(len(raw.rows))],
            )
            for c, f in figures.items()
            for p in (parsed[c],)
        }
        created = plan_new_units(raw, seen, candidates, election, source, columns, bad)
    text = f"Import of {matched} rows from {label}"
    if created.count:
        text = f"Import of {matched} rows and {created.count} new units from {label}"
    change = Change(text, tuple(edits), kind="import", structure=created.edit)
    return ImportPlan(change, problems, totals, matched, unmatched, created)


def _edits(
    election: Election,
    accepted: list[tuple[int, int, str]],
    figures: dict[int, str],
    parsed: dict[int, ParsedColumn],
    opts: ImportOptions,
) -> list[CellEdit]:
    """The cells whose value in the file differs from the election's, column by column."""
    edits: list[CellEdit] = []
    ids = election.units.ids
    for src in dict.fromkeys(s for _, _, s in accepted):
        rows = np.array([r for r, _, s in accepted if s == src], dtype=np.int64)
        units = np.array([u for _, u, s in accepted if s == src], dtype=np.int64)
        figs = election.sources.get(src)
        present = figs.present[units] if figs is not None else np.zeros(len(units), dtype=bool)
        for c, f in figures.items():
            p = parsed[c]
            new, given = p.values[rows], p.given[rows]
            col = figs.columns.get(f) if figs is not None else None
            if col is None:
                old, had = np.zeros_like(new), np.zeros(len(units), dtype=bool)
            else:
                old, had = col.values[units], col.reported[units] & present
            write = given & (~had | (new != old))
            if opts.empty_clears:
                bad = np.array([r in p.errors for r in rows.tolist()], dtype=bool)
                write |= ~given & had & ~bad
            idx = np.flatnonzero(write)
            for u, o, h, v, g in zip(
                units[idx].tolist(),
                old[idx].tolist(),
                had[idx].tolist(),
                new[idx].tolist(),
                given[idx].tolist(),
                strict=True,
            ):
                edits.append(CellEdit(ids[u], src, f, o if h else None, v if g else None))
    return edits


def _check_mapping(
    raw: RawTable,
    mapping: dict[int, str],
    election: Election,
    source: str,
    bad: Callable[[int | None, int | None, str | None, str], None],
    create_units: bool = False,
) -> dict[str, int]:
    """Field to column for each usable mapping; a problem for each unusable one."""
    known = set(targets(election.info))
    seen: dict[str, int] = {}
    for i, f in sorted(mapping.items()):
        if f not in known:
            bad(None, i, f, "is mapped to a field this election does not have")
        elif f in seen:
            bad(None, i, f, f"is mapped to {f}, as column {raw.header[seen[f]]!r} already is")
        else:
            seen[f] = i
    if source not in SOURCES:
        bad(None, None, source, f"the source must be one of {', '.join(SOURCES)}")
    if "unit_id" not in seen and "unit_name" not in seen:
        bad(None, None, None, "map a column to unit_id or unit_name, to know which unit a row is")
    if all(not _is_figure(f) for f in seen) and not create_units:
        bad(None, None, None, "map at least one column to a figure")
    return seen


def _match(
    row: list[str],
    cols: dict[str, int],
    election: Election,
    by_name: dict[str, list[int]],
    opts: ImportOptions,
) -> tuple[int | None, str]:
    """The unit a row is for (by unit_id, else by name under the parent), or why none is."""
    units = election.units
    if "unit_id" in cols:
        uid = row[cols["unit_id"]].strip()
        if uid in units.index:
            return units.index[uid], ""
        if "unit_name" not in cols:
            return None, f"no unit has the id {uid!r}" if uid else "the unit id is empty"
    name = normalise(row[cols["unit_name"]]) if "unit_name" in cols else ""
    if not name:
        return None, "the row names no unit"
    parent_id = row[cols["parent_id"]].strip() if "parent_id" in cols else ""
    parent_id = parent_id or (opts.parent or "")
    if parent_id and parent_id not in units.index:
        return None, f"no unit has the parent id {parent_id!r}"
    if not by_name:
        for u, unit_name in enumerate(units.names):
            by_name.setdefault(normalise(unit_name), []).append(u)
    hits = by_name.get(name, [])
    if parent_id:
        p = units.index[parent_id]
        hits = [u for u in hits if int(units.parent[u]) == p]
    if len(hits) == 1:
        return hits[0], ""
    if hits:
        return None, f"{len(hits)} units have this name; choose the parent to tell them apart"
    where = f" under {parent_id}" if parent_id else ""
    return None, f"no unit{where} has this name"
