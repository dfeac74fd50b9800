"""Read a table of any layout (CSV in any common encoding and delimiter, XLSX, ODS) as text."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.formats.encoding import diagnose
from core.formats.limits import (
    MAX_COLUMNS,
    MAX_INPUT_BYTES,
    MAX_ROWS,
    MAX_SHEET_CELLS,
    size_text,
)
from core.formats.xlsx_read import cell_name, cell_text, open_workbook, reader_failed
from core.model.problems import InputRefused, Problem

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
ENCODINGS: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1252": "Windows-1252 (Western)",
}
DELIMITERS = (",", ";", "\t")


@dataclass
class RawTable:
    """A file's cells as text: the header, the data rows, how it was read, what went wrong."""

    file: str
    header: list[str]
    rows: list[list[str]]
    encoding: str | None  # None for a workbook (it carries its own)
    problems: list[Problem] = field(default_factory=list)
    delimiter: str | None = None
    first_row: int = 2  # the file's row number of rows[0], for messages
    sheet: str | None = None
    # A workbook's cells holding an error value (#DIV/0!), which read as empty: by (row
    # index, column index), the cell's name.
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)

    def row_number(self, index: int) -> int:
        return self.first_row + index


def read_table(path: str | Path, encoding: str | None = None, sheet: str | None = None) -> RawTable:
    """Read a CSV, XLSX or ODS file; `encoding` forces one for a CSV (None: detect).

    A workbook's sheet is `sheet`, else one named Results (the canonical package's), else the
    first sheet that holds anything.
    """
    p = Path(path)
    if not p.is_file():
        raise InputRefused([Problem(str(p), None, None, None, "no such file")])
    if p.suffix.lower() in WORKBOOK_SUFFIXES:
        name, rows, errors = _read_workbook(p, sheet)
        raw = _from_rows(str(p), rows, None, [], None)
        raw.sheet = name
        for row, col in errors:
            if row >= raw.first_row and col <= len(raw.header):
                raw.error_cells[(row - raw.first_row, col - 1)] = cell_name(row, col)
        return raw
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        message = f"the file holds {size:,} bytes; at most {size_text(MAX_INPUT_BYTES)} is read"
        raise InputRefused([Problem(str(p), None, None, None, message)])
    text, used, problems = decode_bytes(p.read_bytes(), str(p), encoding)
    try:
        delimiter = sniff_delimiter(text)
        _check_size(text, delimiter, str(p))
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        problem = Problem(str(p), None, None, None, f"not a readable table ({exc})")
        raise InputRefused([problem]) from None
    return _from_rows(str(p), rows, used, problems, delimiter)


def _check_size(text: str, delimiter: str, file: str) -> None:
    """Rows and columns within the limits, counted before the cells are made."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    width = max((line.count(delimiter) + 1 for line in text[:1_000_000].splitlines()), default=0)
    message = None
    if lines > MAX_ROWS:
        message = f"the table has {lines:,} lines; at most {MAX_ROWS:,} rows are read"
    elif width > MAX_COLUMNS:
        message = f"a row has {width:,} columns; at most {MAX_COLUMNS:,} are read"
    elif lines * width > MAX_SHEET_CELLS:
        message = (
            f"the table has about {lines * width:,} cells; at most {MAX_SHEET_CELLS:,} are read"
        )
    if message:
        raise InputRefused([Problem(file, None, None, None, message)])


def decode_bytes(
    data: bytes, file: str, encoding: str | None = None
) -> tuple[str, str, list[Problem]]:
    """The text, the encoding used, and a problem for each line that did not decode.

    Detection follows the package reader's rules: UTF-8 (a BOM or not), UTF-16 (a BOM, or the
    NUL bytes of its ASCII), Windows-1251 as a charset detector sees it. Anything else is read
    as UTF-8 with a problem that names the first bad byte and what the detector sees, so the
    user chooses the encoding: it never changes without a word.
    """
    if encoding is not None:
        return _decode_as(data, file, encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, file, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, file, "utf-16")
    if _looks_utf16(data):
        # UTF-16 without a BOM: ASCII characters leave a NUL in every other byte.
        order = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _decode_as(data, file, order)
    verdict = diagnose(data)
    if verdict.encoding is not None:
        return _decode_as(data, file, verdict.encoding)
    problem = verdict.problem(file, data)
    return data.decode("utf-8", errors="replace"), "utf-8", [problem]


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)


def _decode_as(data: bytes, file: str, encoding: str) -> tuple[str, str, list[Problem]]:
    try:
        return data.decode(encoding), encoding, []
    except LookupError:
        raise InputRefused([Problem(file, None, None, encoding, "unknown encoding")]) from None
    except UnicodeDecodeError:
        pass
    problems: list[Problem] = []
    lines = data.split(b"\n") if not encoding.startswith("utf-16") else []
    for n, line in enumerate(lines, start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            shown = line.decode(encoding, errors="replace").strip()
            problems.append(Problem(file, n, None, shown, f"this line is not valid {encoding}"))
    if not problems:
        problems.append(Problem(file, None, None, None, f"the file is not valid {encoding}"))
    return data.decode(encoding, errors="replace"), encoding, problems


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits most of the first lines alike, widest first."""
    sample = [line for line in text[:64_000].splitlines()[:30] if line.strip()]
    best, best_score = ",", (0, 0)
    for d in DELIMITERS:
        counts = Counter(len(next(csv.reader([line], delimiter=d), [])) for line in sample)
        width, lines = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(1, 0))
        score = (lines, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = d, score
    return best


def _read_workbook(
    path: Path, wanted: str | None
) -> tuple[str, list[list[str]], list[tuple[int, int]]]:
    """The sheet's name, its rows from A1, and its error cells as (row, column) from 1."""
    book, sizes = open_workbook(path, str(path))
    try:
        names = list(book.sheet_names)
        if wanted is not None and wanted not in names:
            problem = Problem(str(path), None, None, wanted, "the workbook has no such sheet")
            raise InputRefused([problem])
        order = [wanted] if wanted else [n for n in names if n == "Results"] + names
        for name in order:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if any(any(v not in (None, "") for v in row) for row in rows):
                size = sizes.get(name)
                cells = [[cell_text(v) for v in row] for row in rows]
                return name, cells, size.errors if size else []
        return names[0] if names else "", [], []
    except InputRefused:
        raise
    except BaseException as exc:  # calamine's own errors, and its panics on corrupt files
        if not reader_failed(exc):
            raise
        problem = Problem(str(path), None, None, None, f"not a readable workbook ({exc})")
        raise InputRefused([problem]) from None


def header_row(rows: list[list[str]]) -> int | None:
    """The header's index: past any title lines above the table, the first row nearly as wide
    as the widest of the first rows."""
    filled = [sum(1 for c in r if c.strip()) for r in rows[:30]]
    if not any(filled):
        return None
    widest = max(filled)
    return next(i for i, n in enumerate(filled) if n and n * 5 >= widest * 3)


def _from_rows(
    file: str,
    rows: list[list[str]],
    encoding: str | None,
    problems: list[Problem],
    delimiter: str | None,
) -> RawTable:
    start = header_row(rows)
    if start is None:
        raise InputRefused([Problem(file, None, None, None, "the file is empty: no header row")])
    header = [h.strip() for h in rows[start]]
    while header and not header[-1]:
        header.pop()  # spreadsheets leave empty cells to the right of a table
    width = len(header)
    data: list[list[str]] = []
    for i, row in enumerate(rows[start + 1 :]):
        if len(row) > width and any(c.strip() for c in row[width:]):
            problems.append(
                Problem(
                    file,
                    start + 2 + i,
                    None,
                    None,
                    f"has {len(row)} cells, the header has {width}",
                )
            )
        data.append((row + [""] * width)[:width])
    while data and not any(c.strip() for c in data[-1]):
        data.pop()
    return RawTable(file, header, data, encoding, problems, delimiter, start + 2)
