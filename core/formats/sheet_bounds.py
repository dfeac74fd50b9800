"""How large each sheet of a workbook is, read from its XML before any reader lays it out.

A spreadsheet reader makes a full grid of a sheet from its first to its last cell, so one
cell at XFD1048576 asks for 17 billion. This scan streams each worksheet's XML and finds the
farthest row and column any cell (or the declared dimension) names, and the cells that hold
an error value (`#DIV/0!`), which readers otherwise pass on as empty.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.formats.limits import MAX_COLUMNS, MAX_ROWS, MAX_SHEET_CELLS
from core.model.problems import InputRefused, Problem

_CHUNK = 4 * 1024**2
_REF = re.compile(
    rb'<(?:c|dimension)\b[^>]*?\sr(?:ef)?="\$?([A-Za-z]+)\$?0*([0-9]+)'
    rb'(?::\$?([A-Za-z]+)\$?0*([0-9]+))?"'
)
_ROW = re.compile(rb'<row\b[^>]*?\sr="0*([0-9]+)"')
_ERROR = re.compile(rb'<c\b[^>]*?\st="e"[^>]*>')
_CELL_REF = re.compile(rb'\sr="([A-Za-z]+)([0-9]+)"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\sname="([^"]*)"[^>]*?\sr:id="([^"]*)"')
_SHEET_ID_FIRST = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\sr:id="([^"]*)"[^>]*?\sname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\sId="([^"]*)"[^>]*?\sTarget="([^"]*)"')
_REL_TARGET_FIRST = re.compile(rb'<Relationship\b[^>]*?\sTarget="([^"]*)"[^>]*?\sId="([^"]*)"')


@dataclass
class SheetSize:
    """The farthest row and column a sheet names, and its error cells as (row, column)."""

    rows: int = 0
    columns: int = 0
    errors: list[tuple[int, int]] = field(default_factory=list)


def column_number(letters: bytes) -> int:
    """A column's number from its letters: A is 1, XFD is 16,384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def scan_sheets(zf: zipfile.ZipFile) -> dict[str, SheetSize]:
    """Each worksheet's size, by sheet name (by member name where the workbook names none)."""
    if "content.xml" in zf.namelist():
        return _scan_ods(zf.read("content.xml"))
    names = _sheet_names(zf)
    out: dict[str, SheetSize] = {}
    for info in zf.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            out[names.get(info.filename, info.filename)] = _scan(zf, info)
    return out


def check_sheet_bounds(path: Path, label: str) -> dict[str, SheetSize]:
    """The sizes, refusing a sheet whose grid would pass the limits."""
    try:
        with zipfile.ZipFile(path) as zf:
            sizes = scan_sheets(zf)
    except Exception as exc:  # zipfile reports damage with many exception types
        problem = Problem(label, None, None, None, f"not a readable workbook ({exc})")
        raise InputRefused([problem]) from None
    problems = []
    for name, size in sizes.items():
        if (
            size.rows > MAX_ROWS + 1
            or size.columns > MAX_COLUMNS
            or (size.rows * size.columns > MAX_SHEET_CELLS)
        ):
            problems.append(
                Problem(
                    f"{label} [{name}]",
                    None,
                    None,
                    None,
                    f"the sheet reaches row {size.rows:,} and column {size.columns:,}; at most "
                    f"{MAX_SHEET_CELLS:,} cells ({MAX_ROWS:,} rows) are read from a sheet",
                )
            )
    if problems:
        raise InputRefused(problems)
    return sizes


def _scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> SheetSize:
    size = SheetSize()
    cells = refs = rows = row_refs = 0
    carry = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            data = carry + chunk
            # Keep an unfinished tag for the next round, so no match is cut in two.
            cut = data.rfind(b"<") if chunk else len(data)
            part, carry = (data, b"") if cut <= 0 else (data[:cut], data[cut:])
            found = _REF.findall(part)
            letters = [f[0] for f in found] + [f[2] for f in found if f[2]]
            digits = [f[1] for f in found] + [f[3] for f in found if f[3]]
            digits += _ROW.findall(part)
            if letters:
                size.columns = max(size.columns, _largest(letters, column_number))
            if digits:
                size.rows = max(size.rows, _largest(digits, int))
            refs += len(found)
            row_refs += len(digits) - len(found)
            for tag in _ERROR.findall(part):
                ref = _CELL_REF.search(tag)
                if ref:
                    size.errors.append((int(ref[2]), column_number(ref[1])))
            cells += part.count(b"<c ") + part.count(b"<c>")
            rows += part.count(b"<row ") + part.count(b"<row>")
            if not chunk:
                break
    # Cells and rows that give no position are placed one after another: count them in.
    size.columns += max(0, cells - refs)
    size.rows += max(0, rows - row_refs)
    return size


def _largest(refs: list[bytes], value: Callable[[bytes], int]) -> int:
    """The largest of many column letters or row digits: the longest, then the greatest."""
    longest = max(map(len, refs))
    return value(max(r for r in refs if len(r) == longest).upper())


_ODS_TABLE = re.compile(rb'<table:table\b[^>]*?table:name="([^"]*)"')
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(/>|>(.*?)</table:table-row>)", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>)")
_ODS_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="([0-9]+)"')
_ODS_REPEAT_COLUMNS = re.compile(rb'table:number-columns-repeated="([0-9]+)"')


def _scan_ods(content: bytes) -> dict[str, SheetSize]:
    """An OpenDocument sheet's size: repeated rows and cells count as many times as they say,
    up to the last that holds something (readers skip an empty tail, written repeated)."""
    out: dict[str, SheetSize] = {}
    starts = [(m.start(), m[1].decode("utf-8", "replace")) for m in _ODS_TABLE.finditer(content)]
    for k, (start, name) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(content)
        size = out.setdefault(_unescape(name), SheetSize())
        row = 0
        for m in _ODS_ROW.finditer(content, start, end):
            repeat = _ODS_REPEAT_ROWS.search(m[1])
            times = int(repeat[1]) if repeat else 1
            col = width = 0
            for c in _ODS_CELL.finditer(m[3] or b""):
                span = _ODS_REPEAT_COLUMNS.search(c[1])
                col += int(span[1]) if span else 1
                if c[2] == b">" or b"value-type" in c[1]:  # the cell holds something
                    width = col
            if width:
                size.rows = row + times
                size.columns = max(size.columns, width)
            row += times
    return out


def _sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet member to sheet name, from the workbook and its relationships."""
    try:
        book = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    sheets = {rid: name for name, rid in _SHEET.findall(book)}
    sheets.update({rid: name for rid, name in _SHEET_ID_FIRST.findall(book)})
    targets = dict(_REL.findall(rels))
    targets.update({rid: target for target, rid in _REL_TARGET_FIRST.findall(rels)})
    out: dict[str, str] = {}
    for rid, name in sheets.items():
        target = targets.get(rid, b"").decode("utf-8", "replace").lstrip("/")
        member = target if target.startswith("xl/") else f"xl/{target}"
        out[member] = _unescape(name.decode("utf-8", "replace"))
    return out


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    ).replace("&amp;", "&")
