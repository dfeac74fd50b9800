"""Known answer: the integer-percentage screen on the Russian station data Kobak, Shpilkin and
Pshenichnikov analysed, against the excess of integer stations they published.

    python benchmarks/signals_known_answer.py 2011.csv [2012.csv 2018.csv ...]

The CSV files are theirs: data/<year>.csv.zip in https://github.com/dkobak/elections (scraped
by Sergey Shpilkin from izbirkom.ru), unzipped. Nothing is downloaded here. Documented in
benchmarks/README.md; not part of the tests (the data are 30 MB a year).

Two runs per file:
1. their definitions exactly, through the screen's array functions: turnout = ballots issued
   (early + at the station + outside) / registered, the leader's share = the leader's votes /
   (valid + invalid); stations with at least 100 registered and both at most 99%;
2. the file as a Sanaq election (nation, region, territorial commission, station; the
   leader's share of ballots cast, as the Russian commission publishes it; turnout as Sanaq
   defines it, ballots cast / registered) through `run_screens`, as `audit --signals` would.

Their figure: the excess of integer polling stations (turnout or the leader's result within
0.05 of a whole percent), observed minus the mean of 1,000 binomial Monte Carlo draws, as
plotted in Kobak, Shpilkin and Pshenichnikov (2018), "Putin's peaks: Russian election data
revisited", Significance 15(3), 8-9; the numbers are in their repository's
significance2018/montecarlo.pickle (and analysis/2024/montecarlo.pickle, which adds 2020-24).
"""

from __future__ import annotations

import csv
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.analysis.signals import integer_pct
from core.analysis.signals.report import run_screens
from core.model.election import (
    Column,
    Contestant,
    Election,
    ElectionInfo,
    SourceFigures,
    UnitTree,
)

# (turnout or leader, leader only, turnout only), from their montecarlo.pickle
PUBLISHED = {
    2000: (109, 176, -51),
    2003: (84, 109, -11),
    2004: (934, 592, 562),
    2007: (723, 413, 468),
    2008: (1723, 1212, 870),
    2011: (1003, 767, 449),
    2012: (1160, 735, 635),
    2016: (1502, 837, 1152),
    2018: (1709, 859, 1296),
    2020: (3611, 2844, 1648),
    2021: (1310, 824, 783),
    2024: (2931, 1389, 2167),
}
LEADERS = ("ПУТИН", "Путин", "Единая Россия", "ЕДИНАЯ РОССИЯ", "Медведев")


def read(path: Path) -> tuple[list[str], np.ndarray, list[str], list[str], list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head, body = rows[0], [r for r in rows[1:] if r]
    nums = np.array(
        [[int(x) if x.strip() else -1 for x in r[3 : len(head) - 1]] for r in body], np.int64
    )
    return head[3:-1], nums, [r[0] for r in body], [r[1] for r in body], [r[2] for r in body]


def columns(head: list[str]) -> dict[str, list[int]]:
    def find(*words: str, exclude: tuple[str, ...] = ()) -> list[int]:
        return [
            i
            for i, h in enumerate(head)
            if any(w in h for w in words) and not any(x in h for x in exclude)
        ]

    lines_end = find("не учтенных при получении")[0]
    return {
        "registered": find("Число избирателей, включенных", "Число избирателей, внесенных"),
        "received": find("полученных участковой"),
        "issued": find("бюллетеней, выданных"),
        "unused": find("погашенных избирательных бюллетеней"),
        "cast": find("в переносных ящиках", "в стационарных ящиках"),
        "invalid": find("недействительных"),
        "valid": find("действительных", exclude=("недействительных",)),
        "lost": find("утраченных избирательных бюллетеней"),
        "unaccounted": [lines_end],
        "parties": list(range(lines_end + 1, len(head))),
        "leader": [
            i for i in range(lines_end + 1, len(head)) if any(w in head[i] for w in LEADERS)
        ],
    }


def kobak_definitions(nums: np.ndarray, col: dict[str, list[int]]) -> dict[str, float]:
    voters = nums[:, col["registered"]].sum(axis=1)
    given = nums[:, col["issued"]].sum(axis=1)
    received = nums[:, col["invalid"]].sum(axis=1) + nums[:, col["valid"]].sum(axis=1)
    leader = nums[:, col["leader"][0]]
    ok = (leader >= 0) & (received > 0) & (voters >= 100)
    ok &= (100 * given <= 99 * voters) & (100 * leader <= 99 * received)
    v, g, r, ld = voters[ok], given[ok], received[ok], leader[ok]
    t0 = time.perf_counter()
    a = integer_pct.integer_chance(g, v)
    b = integer_pct.integer_chance(ld, r)
    took = time.perf_counter() - t0
    hit_t, hit_l = integer_pct.is_integer_pct(g, v), integer_pct.is_integer_pct(ld, r)
    either = 1 - (1 - a) * (1 - b)
    out = {"stations": float(ok.sum()), "seconds": took}
    for name, hit, chance in (
        ("either", hit_t | hit_l, either),
        ("leader", hit_l, b),
        ("turnout", hit_t, a),
    ):
        c = integer_pct.count_test(hit, chance)
        out[name] = c.excess
        out[name + "_sd"] = c.variance**0.5
        out[name + "_observed"] = c.observed
        out[name + "_expected"] = c.expected
        out[name + "_p"] = c.p_value
    return out


def as_election(
    year: int,
    head: list[str],
    nums: np.ndarray,
    region: list[str],
    tik: list[str],
    uik: list[str],
    col: dict[str, list[int]],
) -> Election:
    parties = col["parties"]
    codes = [f"C{j + 1}" for j in range(len(parties))]
    contestants = [
        Contestant(c, re.sub(r"^\d+\.\s*", "", head[i])[:80], j + 1, j + 1)
        for j, (c, i) in enumerate(zip(codes, parties, strict=True))
    ]
    info = ElectionInfo(
        f"Russia {year} (Shpilkin's station data)",
        f"{year}-01-01",
        ["nation", "region", "territory", "station"],
        contestants,
    )
    info.percent_base = {**info.percent_base, "party": "ballots_cast"}
    regions = sorted(set(region))
    tiks = sorted(set(zip(region, tik, strict=True)))
    r_at = {r: 1 + i for i, r in enumerate(regions)}
    t_at = {t: 1 + len(regions) + i for i, t in enumerate(tiks)}
    first = 1 + len(regions) + len(tiks)
    n = first + nums.shape[0]
    ids = ["RU", *(f"R{i}" for i in range(len(regions))), *(f"T{i}" for i in range(len(tiks)))]
    ids += [f"S{i}" for i in range(nums.shape[0])]
    names = ["Russia", *regions, *(f"{r}: {t}" for r, t in tiks)]
    names += [f"{t}: УИК {u}" for t, u in zip(tik, uik, strict=True)]
    parent = np.array(
        [-1, *([0] * len(regions)), *(r_at[r] for r, _ in tiks)]
        + [t_at[(r, t)] for r, t in zip(region, tik, strict=True)],
        np.int64,
    )
    level = np.array([0, *([1] * len(regions)), *([2] * len(tiks))] + [3] * nums.shape[0], np.int16)
    tree = UnitTree.build(ids, names, level, parent)
    present = np.ones(n, bool)
    figs = SourceFigures(present)

    def put(name: str, values: np.ndarray) -> None:
        full = np.zeros(n, np.int64)
        rep = np.zeros(n, bool)
        full[first:] = np.maximum(values, 0)
        rep[first:] = values >= 0
        figs.columns[name] = Column(full, rep)

    for name, key in (
        ("registered", "registered"),
        ("ballots_received", "received"),
        ("ballots_issued", "issued"),
        ("ballots_unused", "unused"),
        ("ballots_cast", "cast"),
        ("invalid", "invalid"),
        ("valid", "valid"),
        ("ballots_lost", "lost"),
        ("ballots_unaccounted", "unaccounted"),
    ):
        put(name, nums[:, col[key]].sum(axis=1))
    for c, i in zip(codes, parties, strict=True):
        put(f"votes:{c}", nums[:, i])
    return Election(info, tree, {"official": figs})


def year_of(path: Path) -> int:
    m = re.search(r"(19|20)\d\d", path.name)
    return int(m.group(0)) if m else 0


def main() -> None:
    for arg in sys.argv[1:]:
        path = Path(arg)
        year = year_of(path)
        head, nums, region, tik, uik = read(path)
        col = columns(head)
        k = kobak_definitions(nums, col)
        pub = PUBLISHED.get(year)
        print(f"\n## {year}: {nums.shape[0]:,} stations in the file, {k['stations']:,.0f} counted")
        print("Their definitions (turnout = issued / registered, share of valid + invalid):")
        for name, label, idx in (
            ("either", "turnout or leader", 0),
            ("leader", "leader only      ", 1),
            ("turnout", "turnout only     ", 2),
        ):
            published = f"{pub[idx]:+,}" if pub else "n/a"
            print(
                f"  {label}: observed {k[name + '_observed']:,}, chance "
                f"{k[name + '_expected']:,.1f} ± {k[name + '_sd']:.1f}; excess {k[name]:+,.1f} "
                f"(published {published}); "
                f"p = {k[name + '_p']:.2g}"
            )
        print(f"  (both chances for all stations: {k['seconds']:.2f} s)")
        e = as_election(year, head, nums, region, tik, uik, col)
        t0 = time.perf_counter()
        report = run_screens(e)
        took = time.perf_counter() - t0
        tree = e.units
        print(
            f"As a Sanaq election (turnout = ballots cast / registered), run_screens {took:.2f} s:"
        )
        for t, hit in zip(report.tests, report.signalled, strict=True):
            if t.screen == "signal.integer_pct" and t.unit == tree.root:
                print(
                    f"  nation: observed {t.observed:,.0f}, chance {t.expected:,.1f}, excess "
                    f"{t.observed - t.expected:+,.0f}, p = {t.p_value:.2g}, signalled: {hit}"
                )
        by_screen: dict[str, int] = {}
        for t, hit in zip(report.tests, report.signalled, strict=True):
            if hit and t.unit != tree.root:
                by_screen[t.screen] = by_screen.get(t.screen, 0) + 1
        regions = len(tree.children(tree.root))
        print(f"  regions signalled (of {regions}), by screen: {by_screen}")
        print(f"  signals in all: {report.count:,}")


if __name__ == "__main__":
    main()
