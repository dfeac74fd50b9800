"""Time a merge of two observers' project files of one election, 5% of their figures differing.

    python benchmarks/bench_merge.py PACKAGE_DIR [--share 0.05] [--runs 3] [--seed 1]

Both projects are made from the package with core.project.store.Project.create; in the
second, `--share` of every reported figure is changed by one journalled change (a count by
+1, a percentage by +0.01), so each conflict's entry must be found in its journal. Prints one
line per step: reading FROM (read only, every opening check), opening INTO, planning to the
conflict list (every conflict with both values and both entries), the rows a person reads,
then applying it all with --take theirs. Generate a package first, e.g.
``python benchmarks/generate.py /tmp/g100k --stations 100000 --parties 30``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.merge.listing import ConflictList
from core.merge.run import change_of, plan_sources
from core.merge.side import open_into, open_side, side_of
from core.model.election import is_pct
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from core.project.store import Project


def step(name: str, seconds: float, extra: str = "") -> None:
    print(f"{name:<44} {seconds:8.3f} s  {extra}", flush=True)


def perturb(project: Project, share: float, seed: int) -> int:
    """Change `share` of every reported figure by one journalled change; returns how many."""
    rng = np.random.default_rng(seed)
    e = project.election
    ids = e.units.ids
    edits: list[CellEdit] = []
    for source, figs in e.sources.items():
        for name, col in figs.columns.items():
            reported = np.flatnonzero(col.reported)
            pick = reported[rng.random(reported.size) < share]
            for u in pick.tolist():
                old = col.get(u)
                assert old is not None
                new = round(old + 0.01, 2) if is_pct(name) else int(old) + 1
                edits.append(CellEdit(ids[u], source, name, old, new))
    project.append(Change("Observer's corrections", tuple(edits)))
    return len(edits)


def best(fn: object, runs: int) -> tuple[float, object]:
    out, low = None, float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()  # type: ignore[operator]
        low = min(low, time.perf_counter() - t)
    return low, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--share", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    election = load(args.package)
    figures = sum(
        int(c.reported.sum()) for f in election.sources.values() for c in f.columns.values()
    )
    print(f"{len(election.units):,} units, {figures:,} figures", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        into, source = Path(tmp) / "desk.sanaq", Path(tmp) / "observer.sanaq"
        Project.create(into, election).close()
        with Project.create(source, load(args.package)) as theirs:
            t = time.perf_counter()
            n = perturb(theirs, args.share, args.seed)
            step("perturb FROM (one journalled change)", time.perf_counter() - t, f"{n:,} edits")
        # closed as the observer's app closes it: compacted (the journal stays whole)

        seconds, side = best(lambda: open_side(source), args.runs)
        step("read FROM (read only, opening checks)", seconds, f"best of {args.runs}")
        seconds, store = best(lambda: open_into(into), 1)
        step("open INTO", seconds)
        mine = side_of(store)  # type: ignore[attr-defined]
        seconds, steps = best(lambda: plan_sources(mine, [side]), args.runs)  # type: ignore[list-item]
        conflicts = len(ConflictList(steps[0].decisions))  # type: ignore[index]
        step("plan to the conflict list", seconds, f"{conflicts:,} conflicts, best of {args.runs}")
        total, cpu = time.perf_counter(), time.process_time()
        side = open_side(source)
        store.close()  # type: ignore[attr-defined]
        store = open_into(into)
        mine = side_of(store)
        steps = plan_sources(mine, [side])
        step(
            "all of it: read, open, plan",
            time.perf_counter() - total,
            f"{time.process_time() - cpu:.3f} s of CPU; the budget is 5 s",
        )
        t = time.perf_counter()
        rows = list(ConflictList(steps[0].decisions))
        step("  then every conflict row, read", time.perf_counter() - t, f"{len(rows):,}")
        print(f"{'':<44} first: {rows[0].unit} {rows[0].field} {rows[0].mine} vs {rows[0].theirs}")
        print(f"{'':<44} theirs from: {rows[0].theirs_ref.label}")
        t = time.perf_counter()
        steps[0].decisions.take_all("theirs")
        change = change_of([steps[0].decisions.merge()])
        step("--take theirs: the change", time.perf_counter() - t, f"{len(change.edits):,} edits")  # type: ignore[union-attr]
        t = time.perf_counter()
        Workspace(store.election, journal=store, reviews=store.reviews).apply(change)  # type: ignore[attr-defined, arg-type]
        step("  journalled and applied (with the audit)", time.perf_counter() - t)
        store.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
