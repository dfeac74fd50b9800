"""Read and write election packages: a folder, a .zip or the canonical .xlsx (CONTRACT §1)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl

from core.election_json import info_to_json, parse_info
from core.model import PROTOCOL_FIELDS, SOURCES, STRUCTURE_COLUMNS, Election, ElectionInfo, is_pct
from core.problems import InputRefused, Problem
from core.table import build_election

ELECTION_JSON = "election.json"
RESULTS_CSV = "results.csv"
# Defences against zip bombs: a member may not expand beyond these.
MAX_MEMBER_BYTES = 4 * 1024**3
MAX_RATIO = 400
MAX_MEMBERS = 10_000


def load(path: str | Path) -> Election:
    """Load an election from a package folder, .zip, canonical .xlsx or project file."""
    p = Path(path)
    if not p.exists():
        raise InputRefused([Problem(str(p), None, None, None, "no such file or folder")])
    if p.is_dir():
        return _load_files(_read_folder(p), str(p))
    suffix = p.suffix.lower()
    if suffix == ".zip":
        return _load_files(_read_zip(p), str(p))
    if suffix in (".xlsx", ".xlsm"):
        from core.xlsx_package import read_xlsx

        return read_xlsx(p)
    from core import store

    if store.is_project(p):
        return store.load_election(p)
    raise InputRefused(
        [
            Problem(
                str(p),
                None,
                None,
                None,
                "not an election package: give a folder or .zip with election.json and "
                "results.csv, a .xlsx workbook, or a Sanaq project file",
            )
        ]
    )


def _read_folder(folder: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for name in (ELECTION_JSON, RESULTS_CSV):
        f = folder / name
        if f.is_file():
            out[name] = f.read_bytes()
    return out


def safe_zip_members(path: Path, wanted: Iterable[str] | None = None) -> dict[str, bytes]:
    """Read members of a zip, refusing archives that would expand beyond sane limits."""
    label = str(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        problem = Problem(label, None, None, None, f"not a readable zip file ({exc})")
        raise InputRefused([problem]) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputRefused([Problem(label, None, None, None, "too many files in the archive")])
        out: dict[str, bytes] = {}
        want = set(wanted) if wanted is not None else None
        for info in infos:
            if info.is_dir():
                continue
            base = info.filename.rsplit("/", 1)[-1]
            key = base if want is not None else info.filename
            if want is not None and (base not in want or info.filename.count("/") > 1):
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or (
                ratio > MAX_RATIO and info.file_size > 1 << 24
            ):
                raise InputRefused(
                    [Problem(label, None, None, info.filename, "refused: it would expand too far")]
                )
            with zf.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
            if len(data) > MAX_MEMBER_BYTES:
                raise InputRefused(
                    [Problem(label, None, None, info.filename, "refused: it expands too far")]
                )
            out[key] = data
        return out


def _read_zip(path: Path) -> dict[str, bytes]:
    return safe_zip_members(path, (ELECTION_JSON, RESULTS_CSV))


def decode_text(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without BOM); name UTF-16 and Windows-1251 files for what they are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and data[1:2] == b"\x00"):
        raise InputRefused(
            [
                Problem(
                    file,
                    None,
                    None,
                    None,
                    "the file is encoded as UTF-16; save it as UTF-8 "
                    "(in Excel: Save As > CSV UTF-8; "
                    "in LibreOffice: Character set Unicode (UTF-8))",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        guess = (
            "it looks like Windows-1251 (Cyrillic); "
            if cyrillic_1251(data) is not None
            else "it is not UTF-8; "
        )
        raise InputRefused(
            [
                Problem(
                    file,
                    row,
                    None,
                    None,
                    guess + "save it as UTF-8 (in Excel: Save As > CSV UTF-8), "
                    "or import it through the import wizard, which reads Windows-1251",
                )
            ]
        ) from None


def figure_dtype(name: str) -> type[pl.DataType] | None:
    """The type a figure column holds, known from its name alone (CONTRACT §1)."""
    kind = name.partition(":")[0]
    if name in PROTOCOL_FIELDS or kind in ("votes", "seats"):
        return pl.Int64
    return pl.Float64 if kind == "pct" else None


def cyrillic_1251(data: bytes) -> str | None:
    """The text if the bytes read as Windows-1251 Cyrillic: most non-ASCII letters Cyrillic.

    Only the non-ASCII letters count: a table of Latin names and digits with a few Russian
    headers is still a Windows-1251 file.
    """
    text = data.decode("cp1251", errors="replace")
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return text if letters and cyrillic * 10 >= len(letters) * 9 else None


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


def _load_files(files: dict[str, bytes], label: str) -> Election:
    problems: list[Problem] = []
    for name in (ELECTION_JSON, RESULTS_CSV):
        if name not in files:
            problems.append(Problem(f"{label}/{name}", None, None, None, "the file is missing"))
    if problems:
        raise InputRefused(problems)
    jfile = f"{label}/{ELECTION_JSON}"
    try:
        obj = json.loads(decode_text(files[ELECTION_JSON], jfile))
    except json.JSONDecodeError as exc:
        raise InputRefused(
            [
                Problem(
                    jfile, exc.lineno, None, None, f"not valid JSON: {exc.msg} (column {exc.colno})"
                )
            ]
        ) from None
    info = parse_info(obj, jfile, problems)
    if info is None:
        raise InputRefused(problems)
    header, df = read_csv_table(files[RESULTS_CSV], f"{label}/{RESULTS_CSV}")
    return build_election(info, header, df, f"{label}/{RESULTS_CSV}")


# --- writing ---------------------------------------------------------------------------------


def _escape_text(value: str) -> str:
    """Keep text that begins like a formula from becoming one in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def table_header(election: Election) -> list[str]:
    """The canonical column order: structure, protocol lines, votes, percentages, seats, extras."""
    present = {name for figs in election.sources.values() for name in figs.columns}
    ordered = [
        *election.info.count_fields(),
        *election.info.pct_fields(),
        *election.info.seat_fields(),
    ]
    return [*STRUCTURE_COLUMNS, *(f for f in ordered if f in present), *election.extra_columns]


def table_rows(election: Election) -> Iterable[list[Any]]:
    """One row per (unit, source) in unit order; None for a figure that was not reported."""
    header = table_header(election)
    units = election.units
    levels = election.info.levels
    figure_names = header[len(STRUCTURE_COLUMNS) :]
    for u in range(len(units)):
        p = int(units.parent[u])
        for src in SOURCES:
            figs = election.sources.get(src)
            if figs is None or not figs.present[u]:
                continue
            lv = int(units.level[u])
            row: list[Any] = [
                units.ids[u],
                units.names[u],
                levels[lv] if lv >= 0 else "",
                units.ids[p] if p >= 0 else "",
                src,
            ]
            for name in figure_names:
                if name in figs.extras:
                    row.append(figs.extras[name][u])
                else:
                    row.append(figs.value(name, u))
            yield row


def format_cell(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and is_pct(name):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, str):
        return _escape_text(value)
    return str(value)


def results_csv_bytes(election: Election) -> bytes:
    header = table_header(election)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in table_rows(election):
        w.writerow([format_cell(v, h) for v, h in zip(row, header, strict=True)])
    return buf.getvalue().encode("utf-8")


def election_json_bytes(info: ElectionInfo) -> bytes:
    return (json.dumps(info_to_json(info), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save(election: Election, path: str | Path) -> None:
    """Write the election as a folder, a .zip (by suffix) or a canonical .xlsx."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".xlsx":
        from core.xlsx_package import write_xlsx

        write_xlsx(election, p)
        return
    files = {
        ELECTION_JSON: election_json_bytes(election.info),
        RESULTS_CSV: results_csv_bytes(election),
    }
    if suffix == ".zip":
        tmp = p.with_name(p.name + ".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(f"{p.stem}/{name}", data)
        tmp.replace(p)
        return
    p.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        tmp = p / (name + ".part")
        tmp.write_bytes(data)
        tmp.replace(p / name)
