"""The numbers the Signals tab draws, for the stations under any unit: the integer
histogram with its null band, the voters' fingerprint map, and the robust z-scores."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.analysis.plotdata import in_subtree
from core.analysis.signals import integer_pct
from core.analysis.signals.fingerprint import fingerprint_map
from core.analysis.signals.peer_outliers import THRESHOLD
from core.analysis.signals.report import SignalReport
from core.analysis.signals.stations import Stations
from core.model.election import BoolArray, FloatArray, IntArray

BAND_SD = 2.0  # the null band: expected count +- 2 sd in each bin


def stations_under(st: Stations, unit: int) -> BoolArray:
    """The stations at or below `unit` (all of them for the root)."""
    tree = st.election.units
    if unit == tree.root:
        return np.ones(len(st), bool)
    return in_subtree(tree, st.units, unit)


@dataclass(frozen=True)
class IntegerHistogram:
    """One percentage's stations in 0.1-point bins against what each one's binomial gives."""

    field: str
    centres: FloatArray  # 0.0, 0.1, ... 100.0
    observed: FloatArray
    expected: FloatArray
    low: FloatArray  # expected - 2 sd, not below 0
    high: FloatArray
    stations: int

    def excess_at_integers(self) -> float:
        """Observed minus expected in the bins on whole percents (1% .. 99%)."""
        whole = np.arange(10, 1000, 10)
        return float((self.observed[whole] - self.expected[whole]).sum())


def integer_histogram(st: Stations, inside: BoolArray, which: str) -> IntegerHistogram:
    """`which` is "turnout" or "share"; the stations are those the integer screen counts."""
    t, s = st.turnout, st.share
    keep = inside & t.ok & s.ok & integer_pct.eligible(t.k, t.n, s.k, s.n)
    ratio = t if which == "turnout" else s
    k, n = ratio.k[keep], ratio.n[keep]
    observed = integer_pct.histogram(k, n)
    expected, variance = integer_pct.null_histogram(k, n)
    sd = np.sqrt(variance)
    centres: FloatArray = np.arange(integer_pct.BINS, dtype=np.float64) * integer_pct.BIN
    return IntegerHistogram(
        ratio.field,
        centres,
        observed,
        expected,
        np.maximum(0.0, expected - BAND_SD * sd),
        expected + BAND_SD * sd,
        int(keep.sum()),
    )


@dataclass(frozen=True)
class VoterMap:
    """Registered voters on a turnout x share grid (rows: turnout), and the stations drawn."""

    grid: FloatArray
    stations: int
    leader: str | None


def voter_map(st: Stations, inside: BoolArray, bins: int = 100) -> VoterMap:
    grid, drawn = fingerprint_map(st, inside, bins)
    return VoterMap(grid, drawn, st.leader)


@dataclass(frozen=True)
class ZPoints:
    """Each scored station's robust z for turnout (x) and the leader's share (y)."""

    units: IntArray
    x: FloatArray
    y: FloatArray
    outlier: BoolArray  # beyond 3.5 on either
    signalled: BoolArray  # named in a signal finding


def z_points(report: SignalReport, inside: BoolArray) -> ZPoints:
    st = report.stations
    zt = report.robust.get(st.turnout.field)
    zs = report.robust.get(st.share.field)
    if zt is None or zs is None:
        empty = np.zeros(0)
        return ZPoints(np.zeros(0, np.int64), empty, empty, np.zeros(0, bool), np.zeros(0, bool))
    keep = inside & zt.scored & zs.scored
    x, y = zt.z[keep], zs.z[keep]
    units = st.units[keep]
    named = {f.unit for f in report.findings if f.rule == "signal.peer_outlier"}
    signalled = np.isin(units, np.fromiter(named, np.int64, len(named)))
    outlier = (np.abs(x) > THRESHOLD) | (np.abs(y) > THRESHOLD)
    return ZPoints(units, x, y, outlier, signalled)
