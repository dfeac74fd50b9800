"""Time the audit as whole processes against the pandas yardstick, and one station's re-check.

    python benchmarks/bench_audit.py PACKAGE_DIR [--runs 3] [--recheck]

Prints the best wall time and peak memory of `python main.py audit PACKAGE --json` and of
`benchmarks/pandas_baseline.py PACKAGE`, their ratio, and with --recheck the time to re-check
one edited station (and its ancestors) in a live workspace.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process, cold start included."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        assert child.stderr is not None
        sys.exit(f"{' '.join(cmd)} failed: {child.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], runs: int) -> tuple[float, float]:
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def recheck(package: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from core.opener.load import load
    from core.project.edits import CellEdit, Change
    from core.project.session import Workspace

    election = load(package)
    t = time.perf_counter()
    ws = Workspace(election)
    print(f"live workspace (full audit with caches): {time.perf_counter() - t:.2f} s")
    last = len(election.info.levels) - 1
    stations = [u for u in range(len(election.units)) if election.units.level[u] == last]
    figs = election.sources["official"]
    field = next(f for f in figs.columns if f.startswith("votes:"))
    times = []
    for u in stations[:: max(1, len(stations) // 200)][:200]:
        uid = election.units.ids[u]
        old = figs.value(field, u)
        new = (old or 0) + 1
        t = time.perf_counter()
        ws.apply(Change("bench", (CellEdit(uid, "official", field, old, new),)))
        times.append(time.perf_counter() - t)
    times.sort()
    print(
        f"re-check after one station edit ({len(times)} edits): median "
        f"{times[len(times) // 2] * 1000:.2f} ms, 95th percentile "
        f"{times[int(len(times) * 0.95)] * 1000:.2f} ms, worst {times[-1] * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--recheck", action="store_true")
    args = parser.parse_args()
    py = sys.executable
    ours = best([py, "main.py", "audit", str(args.package), "--json"], args.runs)
    base = best([py, "benchmarks/pandas_baseline.py", str(args.package)], args.runs)
    print(f"sanaq audit --json : {ours[0]:.2f} s, peak {ours[1]:.0f} MB")
    print(f"pandas baseline    : {base[0]:.2f} s, peak {base[1]:.0f} MB")
    print(f"ratio              : {ours[0] / base[0]:.2f}x (budget 1.5x)")
    if args.recheck:
        recheck(args.package)


if __name__ == "__main__":
    main()
