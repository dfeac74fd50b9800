"""Time and measure the refusal of inputs past each limit, and the audit of inputs inside them.

    python benchmarks/bench_limits.py WORK_DIR [--skip-large]

Writes, under WORK_DIR (outside the repository), one input just past each limit of
`core/formats/limits.py` and runs `python main.py audit PATH --json` on it as a whole process:
each must be refused (exit 2) within 10 s and 1 GB. Then the largest inputs inside the limits
(2,000,000 rows at the cell limit; a table of long names near the size limit) are audited,
within 2.5 GB. Prints one line per input: exit status, wall time, peak memory, verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The limits of core/formats/limits.py, restated so the measuring process imports nothing.
MAX_INPUT_BYTES, MAX_JSON_BYTES, MAX_JSON_DEPTH = 768 * 1024**2, 16 * 1024**2, 64
MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 2_000_000, 20_000, 60_000_000

INFO = {
    "format": "sanaq/1",
    "name": "Limits",
    "levels": ["nation", "station"],
    "contestants": [{"code": "A"}, {"code": "B"}],
}
REFUSE_S, REFUSE_MB, INSIDE_MB = 10.0, 1024, 2560


def package(folder: Path, write_csv: Callable[[Path], None], info: bytes | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.json").write_bytes(info or json.dumps(INFO).encode())
    write_csv(folder / "results.csv")
    return folder


def lines(header: str, line: Callable[[int], str], count: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(header + "\n" + "N,Nation,nation,\n")
            batch: list[str] = []
            for i in range(count):
                batch.append(line(i))
                if len(batch) == 100_000:
                    fh.write("".join(batch))
                    batch.clear()
            fh.write("".join(batch))

    return write


def sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with open(path, "wb") as fh:
            fh.write(b"unit_id,parent_id\nN,\n")
            fh.truncate(size)

    return write


def zipped(path: Path, members: dict[str, bytes | Callable[[Any], None]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if callable(data):
                with zf.open(name, "w", force_zip64=True) as fh:
                    data(fh)
            else:
                zf.writestr(name, data)
    return path


def zeros(total: int) -> Callable[[Any], None]:
    def write(fh: Any) -> None:
        fh.write(b"unit_id,parent_id\nN,\n")
        chunk = b" " * (16 * 1024**2)
        for _ in range(total // len(chunk)):
            fh.write(chunk)

    return write


def declared(path: Path, size: int) -> Path:
    """A small good zip whose results.csv claims `size` bytes in its directory."""
    zipped(
        path,
        {"p/election.json": json.dumps(INFO).encode(), "p/results.csv": b"unit_id,parent_id\nN,\n"},
    )
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def workbook_cell(path: Path) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Results").write_number(1048575, 16383, 1)
    book.add_worksheet("Election").write_string(0, 0, "levels")
    book.close()
    return path


def run(label: str, path: Path, budget_mb: int, refused: bool) -> bool:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "main.py", "audit", str(path), "--json"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    assert child.stderr is not None
    err = child.stderr.read().decode(errors="replace").strip().splitlines()
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024
    ok = (code == 2 if refused else code in (0, 1)) and peak <= budget_mb
    ok = ok and (elapsed <= REFUSE_S or not refused)
    why = err[1][:90] if refused and len(err) > 1 else ""
    print(
        f"{label:46} exit {code}  {elapsed:6.2f} s  {peak:6.0f} MB  {'ok' if ok else 'OVER'}  {why}"
    )
    return ok


def generate(w: Path, large: bool) -> list[tuple[str, str, bool]]:
    """Every input, as (label, path, refused?)."""
    w.mkdir(parents=True, exist_ok=True)
    head = "unit_id,unit_name,level,parent_id"
    past = [
        ("results.csv of 768 MB + 1 byte", package(w / "big", sparse(MAX_INPUT_BYTES + 1))),
        ("results.csv of 1 GB", package(w / "gb", sparse(1024**3))),
        (
            f"{MAX_ROWS + 1:,} rows",
            package(w / "rows", lines(head, lambda i: f"S{i},,station,N\n", MAX_ROWS + 1)),
        ),
        (
            f"{MAX_COLUMNS + 1:,} columns",
            package(
                w / "cols",
                lines(head + "".join(f",x{i}" for i in range(MAX_COLUMNS - 3)), lambda i: "", 0),
            ),
        ),
        (
            f"more than {MAX_CELLS:,} cells",
            package(
                w / "cells",
                lines(
                    head + "".join(f",x{i}" for i in range(16_000)),
                    lambda i: f"S{i},,station,N" + "," * 16_000 + "\n",
                    MAX_CELLS // 16_000 + 1,
                ),
            ),
        ),
        (
            f"election.json nested {MAX_JSON_DEPTH + 1} deep",
            package(
                w / "deep",
                lines(head, lambda i: "", 0),
                ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)).encode(),
            ),
        ),
        (
            "election.json nested 1,000,000 deep",
            package(w / "deeper", lines(head, lambda i: "", 0), b"[" * 10**6),
        ),
        (
            "election.json past 16 MB",
            package(w / "jsonbig", lines(head, lambda i: "", 0), b" " * (MAX_JSON_BYTES + 1)),
        ),
        ("zip member claiming 4 GB", declared(w / "claim.zip", 4_000_000_000)),
        (
            "zip bomb: 256 MB of spaces packed 1000 times",
            zipped(
                w / "bomb.zip",
                {
                    "p/election.json": json.dumps(INFO).encode(),
                    "p/results.csv": zeros(256 * 1024**2),
                },
            ),
        ),
        ("xlsx with one cell at XFD1048576", workbook_cell(w / "far.xlsx")),
    ]
    out = [(label, str(path), True) for label, path in past]
    if large:
        rows, width = MAX_ROWS - 2, MAX_CELLS // MAX_ROWS  # with the header and the nation
        wide = head + ",registered,ballots_cast,invalid,valid,votes:A,votes:B"
        wide += "".join(f",x{i}" for i in range(width - 10))
        inside = [
            (
                f"{MAX_ROWS:,} rows x {width} columns (the cell limit)",
                package(
                    w / "inside_cells",
                    lines(
                        wide,
                        lambda i: (
                            f"S{i},Station {i},station,N,1000,800,20,780,500,280"
                            + ",7" * (width - 10)
                            + "\n"
                        ),
                        rows,
                    ),
                ),
            ),
            (
                "long names near the size limit",
                package(
                    w / "inside_bytes",
                    lines(
                        head + ",votes:A",
                        lambda i: f"S{i},{'Участок ' * 48}{i},station,N,{i % 1000}\n",
                        1_060_000,
                    ),
                ),
            ),
        ]
        for label, path in inside:
            size = (path / "results.csv").stat().st_size / 1024**2
            out.append((f"{label} ({size:.0f} MB)", str(path), False))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--skip-large", action="store_true", help="only the refusals")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    manifest = args.work / "manifest.json"
    if args.generate:
        manifest.write_text(json.dumps(generate(args.work, not args.skip_large)))
        return 0
    # The inputs are made by another process: a child's peak memory counts what it was
    # forked from, so the measuring process stays small.
    cmd = [sys.executable, __file__, str(args.work), "--generate"]
    subprocess.run(cmd + (["--skip-large"] if args.skip_large else []), check=True)
    ok = True
    for label, path, refused in json.loads(manifest.read_text()):
        ok = run(label, Path(path), REFUSE_MB if refused else INSIDE_MB, refused) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
