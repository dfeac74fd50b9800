"""Calibration and speed of the statistical screens: false alarms on clean elections,
detection of manipulated ones against the size of the manipulation, and time at 100,000.

    python benchmarks/bench_signals.py                 # modest: 20 seeds, 10 per curve point
    python benchmarks/bench_signals.py --seeds 200 --curve-seeds 50   # the issue's 200 seeds
    python benchmarks/bench_signals.py --only speed    # or: clean, integers, stuffing

`--seeds` runs the clean elections and the two reference manipulations (turnout pushed to
whole percents at 2% of 100,000 stations; ballots stuffed at 5% of them, 10% of the
registered voters each); `--curve-seeds` each other point of the detection curves.
Prints figures; passes or fails nothing. A seed "has a signal" when the decision rule
(Benjamini-Hochberg at q = 0.05 across every screen and region) rejects at least one test.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.signals_data import (
    clean_stations,
    push_turnout_to_integers,
    stuff_ballots,
    to_election,
)
from core.analysis.signals import integer_pct, peer_outliers, twins
from core.analysis.signals.report import run_screens
from core.analysis.signals.stations import station_table

REFERENCE_STUFFING = 0.1  # ballots equal to 10% of the registered voters: the reference size


def signalled(election) -> set[str]:
    r = run_screens(election)
    return {t.screen for t, hit in zip(r.tests, r.signalled, strict=True) if hit}


def binomial_ci(k: int, n: int) -> str:
    """k/n with a Wilson 95% interval."""
    if not n:
        return "-"
    p, z = k / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    lo, hi = 100 * max(0, centre - half), 100 * min(1, centre + half)
    return f"{k}/{n} = {100 * p:.1f}% (95% CI {lo:.1f}-{hi:.1f}%)"


def clean(sizes: list[int], seeds: int) -> None:
    print("\n## Clean elections (binomial counts, no manipulation)")
    for n in sizes:
        hits, by_screen, t0 = 0, Counter[str](), time.perf_counter()
        for seed in range(seeds):
            found = signalled(to_election(clean_stations(n, seed)))
            hits += bool(found)
            by_screen.update(found)
        took = time.perf_counter() - t0
        limit = (
            "within"
            if hits <= math.ceil(0.05 * seeds + 2 * math.sqrt(0.0475 * seeds))
            else "BEYOND"
        )
        print(
            f"{n:>7,} stations: any signal in {binomial_ci(hits, seeds)}; {limit} 5% + binomial "
            f"noise; by screen {dict(by_screen) or '{}'} ({took:.0f} s)"
        )


def heavy(sizes: list[int], seeds: int) -> None:
    print("\n## Clean but outside the model: stations' own departures heavy-tailed (t, 4 df)")
    for n in sizes:
        hits, by = _detect(lambda s, n=n: clean_stations(n, 40_000 + s, heavy_tails=True), seeds)
        print(
            f"{n:>7,} stations: any signal {binomial_ci(hits, seeds)}; by screen {dict(by) or '{}'}"
        )


def _detect(make, seeds: int) -> tuple[int, Counter[str]]:
    hits, by_screen = 0, Counter[str]()
    for seed in range(seeds):
        found = signalled(to_election(make(seed)))
        hits += bool(found)
        by_screen.update(found)
    return hits, by_screen


def integers(sizes: list[int], seeds: int, curve: int) -> None:
    print("\n## Turnout pushed to whole percents at a share of the stations")
    for n in sizes:
        for share in (0.0025, 0.005, 0.01, 0.02):
            runs = seeds if (n, share) == (100_000, 0.02) else curve
            hits, by = _detect(
                lambda s, n=n, share=share: push_turnout_to_integers(
                    clean_stations(n, 10_000 + s), share, s
                ),
                runs,
            )
            print(
                f"{n:>7,} stations, {100 * share:.2f}% pushed: any signal "
                f"{binomial_ci(hits, runs)}; integer screen {by['signal.integer_pct']}/{runs}"
            )


def stuffing(sizes: list[int], seeds: int, curve: int) -> None:
    print("\n## Ballots for the leader stuffed at 5% of the stations (none observed)")
    for n in sizes:
        for size in (0.02, 0.05, 0.1, 0.15, 0.2):
            runs = seeds if (n, size) == (100_000, REFERENCE_STUFFING) else curve
            hits, by = _detect(
                lambda s, n=n, size=size: stuff_ballots(
                    clean_stations(n, 20_000 + s), 0.05, size, s
                ),
                runs,
            )
            print(
                f"{n:>7,} stations, +{100 * size:.0f}% of registered: any signal "
                f"{binomial_ci(hits, runs)}; by screen {dict(by) or '{}'}"
            )
    print("With no observer anywhere (the observer screen has nothing to compare):")
    n = max(sizes)
    for size in (0.05, 0.1, 0.2):
        hits, by = _detect(
            lambda s, size=size: stuff_ballots(
                clean_stations(n, 30_000 + s, observer_share=0.0), 0.05, size, s
            ),
            curve,
        )
        print(
            f"{n:>7,} stations, +{100 * size:.0f}%: any signal {binomial_ci(hits, curve)}; "
            f"by screen {dict(by) or '{}'}"
        )


def speed(runs: int) -> None:
    print(f"\n## Time of all screens at 100,000 stations (best of {runs})")
    e = to_election(clean_stations(100_000, 1))

    def best(fn) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    st = station_table(e)
    ok = st.turnout.ok & st.share.ok
    ratios = (st.turnout, st.share, st.invalid)
    parts = {
        "all screens and the decision (run_screens)": lambda: run_screens(e),
        "  station table": lambda: station_table(e),
        "  integer chance, 2 ratios": lambda: [
            integer_pct.integer_chance(r.k[ok], r.n[ok]) for r in ratios[:2]
        ],
        "  robust z, 3 ratios": lambda: [peer_outliers.robust_z(r, st.territory) for r in ratios],
        "  twins": lambda: twins.pair_counts(st.votes, st.votes_ok, st.territory),
        "  the plot's null band, one histogram (not a screen)": lambda: integer_pct.null_histogram(
            st.turnout.k[ok], st.turnout.n[ok]
        ),
    }
    for label, fn in parts.items():
        print(f"{label + ':':<56}{best(fn):.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=20, help="clean seeds per size (default 20)")
    ap.add_argument(
        "--curve-seeds", type=int, help="seeds per point of the detection curves (default: half)"
    )
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=3, help="timing runs (best of)")
    ap.add_argument("--only", choices=["clean", "heavy", "integers", "stuffing", "speed"])
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    curve = args.curve_seeds or max(1, args.seeds // 2)
    t0 = time.perf_counter()
    if args.only in (None, "speed"):
        speed(args.runs)
    if args.only in (None, "clean"):
        clean(sizes, args.seeds)
    if args.only in (None, "heavy"):
        heavy(sizes, curve)
    if args.only in (None, "integers"):
        integers(sizes, args.seeds, curve)
    if args.only in (None, "stuffing"):
        stuffing(sizes, args.seeds, curve)
    print(f"\n({time.perf_counter() - t0:.0f} s in all)")


if __name__ == "__main__":
    main()
