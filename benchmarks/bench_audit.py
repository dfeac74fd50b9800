"""Time the cold audit as whole processes against the pandas yardstick, interleaved.

    python benchmarks/bench_audit.py PKG100K PKG1M [--runs 5] [--recheck]

Each run starts `python main.py audit PKG --json` and `benchmarks/pandas_baseline.py PKG` one
after the other, for each package in turn, so that a busy machine slows both alike. Prints the
median wall time and the largest peak memory of each, side by side, and the ratio against the
budget (0.8 x the yardstick; 10 s and 1.5 GB for the 1,000,000-station run). When the
yardstick fails no ratio is printed and the script exits with status 1. With --recheck it
also times re-checking one edited station (and its ancestors) in a live workspace.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_RATIO = 0.8
BUDGET_LARGE_S, BUDGET_LARGE_MB = 10.0, 1536


@dataclass
class Runs:
    """Wall seconds and peak MB of each run of one command."""

    label: str
    cmd: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system: less moved by a busy machine
    peaks: list[float] = field(default_factory=list)
    failure: str | None = None

    def run(self) -> None:
        if self.failure is not None:
            return
        start = time.perf_counter()
        child = subprocess.Popen(
            self.cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        assert child.stderr is not None
        err = child.stderr.read().decode(errors="replace")
        child.stderr.close()
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            self.failure = err.strip().splitlines()[-1] if err.strip() else f"status {status}"
            return
        self.seconds.append(elapsed)
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.peaks.append(usage.ru_maxrss / 1024)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def text(self) -> str:
        if self.failure is not None:
            return f"FAILED ({self.failure})"
        cpu = statistics.median(self.cpu)
        return f"{self.median:6.2f} s  (cpu {cpu:5.2f} s)  peak {max(self.peaks):5.0f} MB"


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
    field_name = next(f for f in figs.columns if f.startswith("votes:"))
    times = []
    for u in stations[:: max(1, len(stations) // 200)][:200]:
        uid = election.units.ids[u]
        old = figs.value(field_name, u)
        new = (old or 0) + 1
        t = time.perf_counter()
        ws.apply(Change("bench", (CellEdit(uid, "official", field_name, old, new),)))
        times.append(time.perf_counter() - t)
    times.sort()
    print(
        f"re-check after one station edit ({len(times)} edits): median "
        f"{times[len(times) // 2] * 1000:.2f} ms, 95th percentile "
        f"{times[int(len(times) * 0.95)] * 1000:.2f} ms, worst {times[-1] * 1000:.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", type=Path, nargs="+", help="e.g. the 100k x 30 and 1M x 10")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--recheck", action="store_true")
    args = parser.parse_args()
    py = sys.executable
    pairs = [
        (
            Runs(f"sanaq  {p.name}", [py, "main.py", "audit", str(p), "--json"]),
            Runs(f"pandas {p.name}", [py, "benchmarks/pandas_baseline.py", str(p)]),
        )
        for p in args.packages
    ]
    for _ in range(args.runs):
        for ours, base in pairs:
            ours.run()
            base.run()
    failed = False
    print(f"median of {args.runs} interleaved runs, whole processes, cold start included")
    for ours, base in pairs:
        print(f"  {ours.label:28} {ours.text()}")
        print(f"  {base.label:28} {base.text()}")
        if base.failure is not None or ours.failure is not None:
            failed = True
            print("  ratio: none (a run failed)")
            continue
        ratio = ours.median / base.median
        cpu_ratio = statistics.median(ours.cpu) / statistics.median(base.cpu)
        verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
        print(
            f"  ratio {ratio:.2f} x the yardstick ({verdict} the budget of {BUDGET_RATIO} x); "
            f"cpu {cpu_ratio:.2f} x"
        )
        csv = Path(ours.cmd[3]) / "results.csv"
        if csv.is_file() and csv.stat().st_size > 100 * 1024**2:  # the 1M run's own budget
            ok = ours.median <= BUDGET_LARGE_S and max(ours.peaks) <= BUDGET_LARGE_MB
            print(
                f"  large run: {'within' if ok else 'OVER'} {BUDGET_LARGE_S:.0f} s and "
                f"{BUDGET_LARGE_MB / 1024:.1f} GB"
            )
    if args.recheck:
        recheck(args.packages[0])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
