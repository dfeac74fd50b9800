"""Read `results.csv` into a frame, figure columns typed as they are read (CONTRACT §1)."""

from __future__ import annotations

import csv
import io

import polars as pl

from core.formats.text import decode_text
from core.model.election import PROTOCOL_FIELDS
from core.model.problems import InputRefused, Problem


def figure_dtype(name: str) -> type[pl.DataType] | None:
    """The type a figure column holds, known from its name alone (CONTRACT §1)."""
    kind = name.partition(":")[0]
    if name in PROTOCOL_FIELDS or kind in ("votes", "seats"):
        return pl.Int64
    return pl.Float64 if kind == "pct" else None


def read_csv_table(data: bytes, file: str) -> tuple[list[str], pl.DataFrame]:
    """Read a CSV; ragged rows are reported with their row numbers.

    Figure columns are parsed as numbers while reading; if any cell will not parse, the
    whole table is read again as text so that every bad cell can be named.
    """
    text = decode_text(data, file)
    # The header row alone (a quoted header may span lines, hence the generous slice).
    first = next(csv.reader(io.StringIO(text[:65536])), None)
    if not first:
        raise InputRefused([Problem(file, 1, None, None, "the file is empty: no header row")])
    header = [h.strip() for h in first]
    names = [f"{i}:{h}" for i, h in enumerate(header)]
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    typed = {n: t for n, h in zip(names, header, strict=True) if (t := figure_dtype(h))}
    df = None
    for overrides in (typed, {}):
        try:
            df = pl.read_csv(
                body,
                infer_schema=False,
                has_header=True,
                new_columns=names,
                schema_overrides=overrides,
            )
            break
        except (pl.exceptions.ComputeError, pl.exceptions.ShapeError):
            continue
    if df is None:
        problems = []
        for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if len(row) != len(header) and any(cell.strip() for cell in row):
                problems.append(
                    Problem(
                        file, n, None, None, f"has {len(row)} cells, the header has {len(header)}"
                    )
                )
        problems = problems or [Problem(file, None, None, None, "not a readable CSV table")]
        raise InputRefused(problems)
    # Unique internal names keep duplicated headers apart so they can be reported.
    firsts: dict[str, str] = {}
    for i, h in enumerate(header):
        firsts.setdefault(h, f"{i}:{h}")
    df = df.select([pl.col(v).alias(k) for k, v in firsts.items()])
    # Spreadsheets often end a CSV with rows of bare commas; trailing ones are not data.
    blank = df.select(
        pl.all_horizontal(
            [
                pl.col(c).is_null()
                if df.schema[c].is_numeric()
                else pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")
                for c in df.columns
            ]
        )
    ).to_series()
    if df.height and blank[-1]:
        keep = df.height - int(blank.cast(pl.Int8).to_numpy()[::-1].argmin())
        if blank.all():
            keep = 0
        df = df.head(keep)
    return header, df
