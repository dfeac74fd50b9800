"""The canonical .xlsx form of a package: sheets Results, Election and Contestants (CONTRACT §1)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import python_calamine
import xlsxwriter

from core.formats.archive import safe_zip_members
from core.formats.election_json import info_to_json, parse_info
from core.formats.rows import table_header, table_rows
from core.formats.table import build_election
from core.model.election import Election
from core.model.problems import InputRefused, Problem

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
    """Every sheet as rows of text, after checking the archive is no zip bomb."""
    safe_zip_members(path, ())  # size checks only; calamine reads the file itself
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        return {
            name: [[cell_text(v) for v in row] for row in book.get_sheet_by_name(name).to_python()]
            for name in book.sheet_names
        }
    except Exception as exc:  # calamine raises its own error types for corrupt files
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
    sheets = read_sheets(path, label)
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
    body = [(r + [""] * width)[:width] for r in rows[1:] if any(c.strip() for c in r)]
    firsts: dict[str, int] = {}
    for i, h in enumerate(header):
        firsts.setdefault(h, i)
    df = pl.DataFrame(
        {h: [r[i] for r in body] for h, i in firsts.items()},
        schema={h: pl.String for h in firsts},
    )
    return build_election(info, header, df, f"{label} [Results]")


def write_results_sheet(
    book: xlsxwriter.Workbook, election: Election, name: str = "Results"
) -> Any:
    """The Results sheet in canonical layout; text is always written as text, never a formula."""
    sheet = book.add_worksheet(name)
    header = table_header(election)
    bold = book.add_format({"bold": True})
    for c, h in enumerate(header):
        sheet.write_string(0, c, h, bold)
    for r, row in enumerate(table_rows(election), start=1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                sheet.write_string(r, c, v)
            else:
                sheet.write_number(r, c, v)
    sheet.freeze_panes(1, 0)
    return sheet


def write_election_sheets(book: xlsxwriter.Workbook, election: Election) -> None:
    obj = info_to_json(election.info)
    sheet = book.add_worksheet("Election")
    for r, (key, value) in enumerate((k, v) for k, v in obj.items() if k != "contestants"):
        sheet.write_string(r, 0, key)
        if isinstance(value, (dict, list)):
            sheet.write_string(r, 1, json.dumps(value, ensure_ascii=False))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(r, 1, value)
        else:
            sheet.write_string(r, 1, str(value))
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 60)
    cs = book.add_worksheet("Contestants")
    head = ["code", "name", "ballot_order", "registration_order"]
    for c, h in enumerate(head):
        cs.write_string(0, c, h)
    for r, ct in enumerate(election.info.contestants, start=1):
        cs.write_string(r, 0, ct.code)
        cs.write_string(r, 1, ct.name)
        cs.write_number(r, 2, ct.ballot_order)
        cs.write_number(r, 3, ct.registration_order)


def write_xlsx(election: Election, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False})
    write_results_sheet(book, election)
    write_election_sheets(book, election)
    book.close()
    tmp.replace(path)
