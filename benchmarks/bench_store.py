"""Time the project file on a package: create, open, appends, replay, verify, compact, migrate.

    python benchmarks/bench_store.py PACKAGE_DIR [--appends 1000] [--runs 3] [--keep OUT.sanaq]

Prints one line per step; an opening is the best of --runs (each one a whole Project.open:
SQLite's quick_check, the chain's links, the snapshot against the hash the chain records,
the replay of the entries after it). Generate a package first, e.g.
``python benchmarks/generate.py /tmp/g100k --stations 100000 --parties 30``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.schema import damage
from core.project.store import Project, verify_file


def step(name: str, seconds: float, extra: str = "") -> None:
    print(f"{name:<44} {seconds:8.3f} s  {extra}", flush=True)


def timed(fn: object, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t)
    return best


def open_close(path: Path) -> None:
    Project.open(path).close(compact=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--appends", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", metavar="OUT.sanaq", help="write the project here and keep it")
    args = parser.parse_args()

    t = time.perf_counter()
    election = load(args.package)
    codes = election.info.codes
    figures = sum(len(f.columns) for f in election.sources.values())
    step("load package (reference)", time.perf_counter() - t, f"{len(election.units):,} units")
    print(f"{'':<44} {figures} columns", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.sanaq"
        t = time.perf_counter()
        Project.create(path, election, overwrite=True).close()
        step("create project", time.perf_counter() - t, f"{path.stat().st_size / 1e6:.1f} MB")
        step("open (no entry)", timed(lambda: open_close(path), args.runs), f"best of {args.runs}")

        project = Project.open(path)
        ids = project.election.units.ids
        each = []
        for n in range(args.appends):
            unit = ids[(n * 7919) % len(ids)]
            edit = CellEdit(unit, "official", f"votes:{codes[n % len(codes)]}", None, n)
            t = time.perf_counter()
            project.append(Change(f"edit {n}", (edit,)))
            each.append(time.perf_counter() - t)
        ms = sorted(x * 1e3 for x in each)
        step(
            f"{args.appends:,} appends",
            sum(each),
            f"median {statistics.median(ms):.2f} ms, 99th pct {ms[int(len(ms) * 0.99)]:.2f} ms",
        )
        project.close(compact=False)

        step(
            f"open (snapshot + {args.appends:,} to replay)",
            timed(lambda: open_close(path), args.runs),
        )
        conn = sqlite3.connect(path)
        step("  of which SQLite quick_check", timed(lambda: damage(conn), args.runs))
        conn.close()
        v = verify_file(path)
        step(
            f"verify ({args.appends:,} entries, full replay)",
            timed(lambda: verify_file(path)),
            "intact" if v.ok else f"{len(v.problems)} problems",
        )
        project = Project.open(path)
        step("compact", timed(project.compact), f"{path.stat().st_size / 1e6:.1f} MB")
        project.close()
        step(
            "open after compact", timed(lambda: open_close(path), args.runs), f"best of {args.runs}"
        )
        v = verify_file(path)
        step(
            "verify after compact",
            timed(lambda: verify_file(path)),
            f"{v.entries:,} entries, " + ("intact" if v.ok else f"{len(v.problems)} problems"),
        )


if __name__ == "__main__":
    main()
