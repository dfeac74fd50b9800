"""Time the project file on a package: create, open, 1,000 appends, compact, open again.

    python benchmarks/bench_store.py PACKAGE_DIR [--appends 1000] [--keep OUT.sanaq]

Prints one line per step. Generate a package first, e.g.
``python benchmarks/generate.py /tmp/g100k --stations 100000 --parties 30``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.store import Project


def step(name: str, start: float, extra: str = "") -> float:
    now = time.perf_counter()
    print(f"{name:<34} {now - start:8.3f} s  {extra}", flush=True)
    return now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--appends", type=int, default=1000)
    parser.add_argument("--keep", metavar="OUT.sanaq", help="write the project here and keep it")
    args = parser.parse_args()

    t = time.perf_counter()
    election = load(args.package)
    codes = election.info.codes
    figures = sum(len(f.columns) for f in election.sources.values())
    t = step("load package (reference)", t, f"{len(election.units):,} units, {figures} columns")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.sanaq"
        Project.create(path, election, overwrite=True).close()
        t = step("create project", t, f"{path.stat().st_size / 1e6:.1f} MB")

        project = Project.open(path)
        t = step("open (snapshot only)", t)

        ids = project.election.units.ids
        for n in range(args.appends):
            unit = ids[(n * 7919) % len(ids)]
            edit = CellEdit(unit, "official", f"votes:{codes[n % len(codes)]}", None, n)
            project.append(Change(f"edit {n}", (edit,)))
        t = step(
            f"{args.appends:,} appends",
            t,
            f"{(time.perf_counter() - t) / args.appends * 1e3:.2f} ms each",
        )
        project.close(compact=False)

        project = Project.open(path)
        t = step(f"open (snapshot + {args.appends:,} to replay)", t)
        problems = project.verify()
        t = step("verify", t, "intact" if not problems else f"{len(problems)} problems")
        project.compact()
        t = step("compact", t, f"{path.stat().st_size / 1e6:.1f} MB")
        project.close()

        project = Project.open(path)
        t = step("open after compact", t)
        project.close()


if __name__ == "__main__":
    main()
