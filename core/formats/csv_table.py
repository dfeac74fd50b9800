"""Read `results.csv` into a table of text cells, within the limits (CONTRACT §1)."""

from __future__ import annotations

import csv
import io

import polars as pl

from core.formats.encoding import as_utf8, refuse_undecodable
from core.formats.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from core.formats.text_table import TextTable
from core.model.problems import InputRefused, Problem

# The header row is read on its own first; this much text holds 20,000 long column names.
_HEADER_BYTES = 8 * 1024**2


def read_csv_table(data: bytes, file: str) -> TextTable:
    """Every cell as text, the header as written; ragged rows are reported with their rows.

    Nothing is typed here: a cell that is not a figure must be named, not fail the read.
    """
    data = _newlines(as_utf8(data, file))
    header = _header(data, file)
    lines = data.count(b"\n")
    if lines > MAX_ROWS:
        _refuse(file, f"the table has {lines:,} lines; at most {MAX_ROWS:,} rows are read")
    if lines * len(header) > MAX_CELLS:
        _refuse(
            file,
            f"the table has {lines:,} rows of {len(header):,} columns; at most "
            f"{MAX_CELLS:,} cells are read",
        )
    names = [f"{i}:{h}" for i, h in enumerate(header)]
    try:
        df = _read(data, names)
    except _Undecodable:
        data = refuse_undecodable(data, file)  # Windows-1251 comes back as UTF-8
        df = _read(data, names)
    if df is None:
        raise InputRefused(_ragged(data, file, len(header)))
    if df.width != len(header):
        raise InputRefused(_ragged(data, file, len(header)))
    # The first of two columns of one name is kept; the header check refuses the table.
    firsts: dict[str, str] = {}
    for i, h in enumerate(header):
        firsts.setdefault(h, f"{i}:{h}")
    df = df.select([pl.col(v).alias(k) for k, v in firsts.items()])
    return TextTable(file, header, _without_blank_tail(df))


class _Undecodable(Exception):
    """The CSV reader met a byte that is not UTF-8."""


def _read(data: bytes, names: list[str]) -> pl.DataFrame | None:
    """The frame of text cells, None when the rows do not line up as CSV."""
    try:
        return pl.read_csv(data, infer_schema=False, has_header=True, new_columns=names)
    except pl.exceptions.PolarsError as exc:
        if "utf-8" in str(exc).lower() or "utf8" in str(exc).lower():
            raise _Undecodable from None
        return None
    except pl.exceptions.PanicException:
        return None


def _refuse(file: str, message: str, row: int | None = None) -> None:
    raise InputRefused([Problem(file, row, None, None, message)])


def _newlines(data: bytes) -> bytes:
    """Old Mac files end lines with a bare CR: make every line end with LF."""
    if b"\r" not in data:  # most files: one fast search
        return data
    if data.count(b"\r") != data.count(b"\r\n"):
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def _header(data: bytes, file: str) -> list[str]:
    end = data.find(b"\n")
    # A quoted header cell may hold a line break: read on while the quotes are open.
    while 0 <= end < _HEADER_BYTES and data.count(b'"', 0, end) % 2:
        end = data.find(b"\n", end + 1)
    if end >= _HEADER_BYTES or (end < 0 and len(data) > _HEADER_BYTES):
        _refuse(file, "the header row is longer than 8 MB", 1)
    head = data[: len(data) if end < 0 else end + 1].decode("utf-8", errors="replace")
    try:
        first = next(csv.reader(io.StringIO(head, newline="")), None)
    except csv.Error as exc:
        _refuse(file, f"the header row cannot be read as CSV ({exc})", 1)
    if not first:
        _refuse(file, "the file is empty: no header row", 1)
    assert first is not None
    if len(first) > MAX_COLUMNS:
        _refuse(file, f"the header has {len(first):,} columns; at most {MAX_COLUMNS:,} are read", 1)
    return [h.strip() for h in first]


def _ragged(data: bytes, file: str, width: int) -> list[Problem]:
    """Each row whose cells do not line up with the header, by row number."""
    problems: list[Problem] = []
    text = io.StringIO(data.decode("utf-8", errors="replace"), newline="")
    try:
        for n, row in enumerate(csv.reader(text), start=1):
            if len(row) != width and any(cell.strip() for cell in row):
                problems.append(
                    Problem(file, n, None, None, f"has {len(row)} cells, the header has {width}")
                )
                if len(problems) >= 500:
                    break
    except csv.Error as exc:
        problems.append(Problem(file, None, None, None, f"not a readable CSV table ({exc})"))
    return problems or [Problem(file, None, None, None, "not a readable CSV table")]


def _without_blank_tail(df: pl.DataFrame) -> pl.DataFrame:
    """Spreadsheets often end a CSV with rows of bare commas; trailing ones are not data."""
    if not df.height or not df.width:
        return df
    last = df.row(df.height - 1)
    if any(v is not None and v.strip() for v in last):
        return df
    blank = df.select(
        pl.all_horizontal(
            [pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in df.columns]
        )
    ).to_series()
    keep = 0 if blank.all() else df.height - int(blank.cast(pl.Int8).to_numpy()[::-1].argmin())
    return df.head(keep)
