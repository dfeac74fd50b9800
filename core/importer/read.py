"""Read a table of any layout (CSV in any common encoding and delimiter, XLSX, ODS) as text."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.formats.xlsx import cell_text
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
MAX_CSV_BYTES = 512 * 1024**2


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
        name, rows = _read_workbook(p, sheet)
        raw = _from_rows(str(p), rows, None, [], None)
        raw.sheet = name
        return raw
    size = p.stat().st_size
    if size > MAX_CSV_BYTES:
        raise InputRefused([Problem(str(p), None, None, None, "the file is too large to import")])
    text, used, problems = decode_bytes(p.read_bytes(), str(p), encoding)
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _from_rows(str(p), rows, used, problems, delimiter)


def decode_bytes(
    data: bytes, file: str, encoding: str | None = None
) -> tuple[str, str, list[Problem]]:
    """The text, the encoding used, and a problem for each line that did not decode."""
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
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    from core.formats.text import cyrillic_1251

    cyrillic = cyrillic_1251(data)
    if cyrillic is not None:
        return cyrillic, "cp1251", []
    text, used, problems = _decode_as(data, file, "cp1252")
    problems.append(
        Problem(
            file,
            None,
            None,
            None,
            "the text is neither UTF-8, UTF-16 nor Cyrillic Windows-1251; it was read as "
            "Windows-1252: check the names and choose the right encoding if they look wrong",
        )
    )
    return text, used, problems


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


def _read_workbook(path: Path, wanted: str | None) -> tuple[str, list[list[str]]]:
    import python_calamine

    from core.formats.archive import safe_zip_members

    safe_zip_members(path, ())  # size checks only; calamine reads the file itself
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        if wanted is not None and wanted not in names:
            problem = Problem(str(path), None, None, wanted, "the workbook has no such sheet")
            raise InputRefused([problem])
        order = [wanted] if wanted else [n for n in names if n == "Results"] + names
        for name in order:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if any(any(v not in (None, "") for v in row) for row in rows):
                return name, [[cell_text(v) for v in row] for row in rows]
        return names[0] if names else "", []
    except InputRefused:
        raise
    except Exception as exc:  # calamine raises its own error types for corrupt files
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
