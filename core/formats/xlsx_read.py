"""Read the canonical .xlsx form of a package (sheets Results, Election, Contestants;
CONTRACT §1), checking the archive and each sheet's size before the workbook is opened."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import python_calamine

from core.formats.archive import check_members
from core.formats.election_json import parse_info
from core.formats.sheet_bounds import SheetSize, check_sheet_bounds
from core.formats.table import build_election, is_figure_column
from core.formats.text_table import TextTable
from core.model.election import Election
from core.model.problems import InputRefused, Problem


def reader_failed(exc: BaseException) -> bool:
    """An error of the workbook reader: its own, or a Rust panic (a BaseException of pyo3's)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


_JSON_KEYS = ("levels", "seats", "percent_base")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV would hold (12.0 -> "12", None -> "")."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_sheets(path: Path, label: str) -> dict[str, list[list[str]]]:
    """Every sheet as rows of text, once the archive and the sheets' sizes are checked."""
    book, _ = open_workbook(path, label)
    try:
        return {
            name: [[cell_text(v) for v in row] for row in book.get_sheet_by_name(name).to_python()]
            for name in book.sheet_names
        }
    except BaseException as exc:  # calamine's own errors, and its panics on corrupt files
        if not reader_failed(exc):
            raise
        problem = Problem(label, None, None, None, f"not a readable workbook ({exc})")
        raise InputRefused([problem]) from None


def open_workbook(path: Path, label: str) -> tuple[Any, dict[str, SheetSize]]:
    """The calamine workbook, opened only when nothing in the file exceeds the limits (the
    reader lays a sheet out as a full grid, so its dimensions are checked before it does),
    and each sheet's size and error cells."""
    check_members(path)
    sizes = check_sheet_bounds(path, label)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path)), sizes
    except BaseException as exc:  # calamine's own errors, and its panics on corrupt files
        if not reader_failed(exc):
            raise
        problem = Problem(label, None, None, None, f"not a readable workbook ({exc})")
        raise InputRefused([problem]) from None


def _election_object(sheets: dict[str, list[list[str]]], label: str) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for row in sheets.get("Election", []):
        if not row or not row[0].strip():
            continue
        key = row[0].strip()
        value: str = row[1].strip() if len(row) > 1 else ""
        parsed: Any = value
        if key in _JSON_KEYS or value[:1] in ("[", "{"):
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                if key == "levels":  # also accepted as "nation, region, station"
                    parsed = [x.strip() for x in value.split(",") if x.strip()]
        elif key not in ("name", "date") and _NUMBER.fullmatch(value):
            parsed = float(value) if "." in value else int(value)
        head, dot, sub = key.partition(".")
        if dot:  # flattened keys: seats.total, percent_base.party
            nested = obj.setdefault(head, {})
            if isinstance(nested, dict):
                nested[sub] = parsed
        else:
            obj[key] = parsed
    rows = sheets.get("Contestants", [])
    if rows:
        titles = [h.strip() for h in rows[0]]
        obj["contestants"] = [
            {
                h: (int(v) if h.endswith("_order") and v.isdigit() else v)
                for h, v in zip(titles, r, strict=False)
            }
            for r in rows[1:]
            if any(x.strip() for x in r)
        ]
    return obj


def read_xlsx(path: Path) -> Election:
    label = str(path)
    book, sizes = open_workbook(path, label)
    try:
        sheets = {
            name: [[cell_text(v) for v in row] for row in book.get_sheet_by_name(name).to_python()]
            for name in book.sheet_names
            if name in ("Results", "Election", "Contestants")
        }
    except BaseException as exc:  # calamine's own errors, and its panics on corrupt files
        if not reader_failed(exc):
            raise
        problem = Problem(label, None, None, None, f"not a readable workbook ({exc})")
        raise InputRefused([problem]) from None
    problems: list[Problem] = []
    for needed in ("Results", "Election"):
        if needed not in sheets:
            problems.append(Problem(label, None, None, None, f"the sheet {needed!r} is missing"))
    if problems:
        raise InputRefused(problems)
    info = parse_info(_election_object(sheets, label), f"{label} [Election]", problems)
    if info is None:
        raise InputRefused(problems)
    rows = sheets["Results"]
    if not rows:
        raise InputRefused([Problem(f"{label} [Results]", 1, None, None, "no header row")])
    header = [h.strip() for h in rows[0]]
    width = len(header)
    file = f"{label} [Results]"
    size = sizes.get("Results")
    problems = error_cells(size.errors if size else [], header, file)
    if problems:
        raise InputRefused(problems)
    body = [(r + [""] * width)[:width] for r in rows[1:] if any(c.strip() for c in r)]
    firsts: dict[str, int] = {}
    for i, h in enumerate(header):
        firsts.setdefault(h, i)
    df = pl.DataFrame(
        {h: [r[i] for r in body] for h, i in firsts.items()},
        schema={h: pl.String for h in firsts},
    )
    return build_election(info, TextTable(file, header, df))


def error_cells(errors: list[tuple[int, int]], header: list[str], file: str) -> list[Problem]:
    """Cells holding a spreadsheet error (#DIV/0!) in a figure column: refused, by cell.

    The reader gives such a cell as empty, so they come from the scan of the sheet's XML.
    """
    out: list[Problem] = []
    for row, col in sorted(errors):
        name = header[col - 1] if 0 < col <= len(header) else ""
        if row > 1 and is_figure_column(name):
            message = "the cell holds a spreadsheet error, not a figure: fix the formula"
            out.append(Problem(file, row, name, cell_name(row, col), message))
    return out


def cell_name(row: int, col: int) -> str:
    """A cell's name for people: "cell I3" for row 3, column 9."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"cell {letters}{row}"
