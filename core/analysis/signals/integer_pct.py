"""Integer percentages (Kobak, Shpilkin and Pshenichnikov, Ann. Appl. Stat. 2016): stations whose
turnout or leader's share is a whole percent, against each station's own binomial chance."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.analysis.signals.stats import log_factorials, poisson_binomial_sf
from core.model.election import BoolArray, FloatArray, IntArray

# A percentage is "integer" within +-0.05 points of a whole number (their 0.1-point bins).
# In counts: 100 k / n lies within 1/20 of an integer m, i.e. |2000 k - 20 m n| <= n.
MIN_STATIONS = 1_000  # in a unit, for the screen to run there
MIN_REGISTERED = 100  # their inclusion rule: at least 100 voters on the list,
MAX_PCT = 99.0  # and turnout and share at most 99% (`<= .99` in their notebooks)
SPREAD = 4.5  # sd each side, and 8 counts more for the skewed tails of small counts
BIN = 0.1  # the histogram's bin, in points, centred on 0.0, 0.1, ... 100.0
BINS = 1001


def eligible(
    turnout_k: IntArray, turnout_n: IntArray, share_k: IntArray, share_n: IntArray
) -> BoolArray:
    """Their inclusion rule: at least 100 registered, turnout and share at most 99%."""
    out: BoolArray = (
        (turnout_n >= MIN_REGISTERED)
        & (share_n > 0)
        & (100 * turnout_k <= MAX_PCT * turnout_n)
        & (100 * share_k <= MAX_PCT * share_n)
    )
    return out


def is_integer_pct(k: IntArray, n: IntArray) -> BoolArray:
    """Whether 100 k / n lies within 0.05 points of a whole percent, in exact integer terms."""
    safe = np.maximum(n, 1)
    r = (2000 * k) % (20 * safe)
    out: BoolArray = (n > 0) & ((r <= safe) | (r >= 19 * safe))
    return out


def integer_chance(k: IntArray, n: IntArray) -> FloatArray:
    """Each station's chance that Bin(n, k / n) lands on an integer percentage: the exact
    binomial mass of the lattice points inside the integer windows within 4.5 sd of the mean."""
    n = n.astype(np.int64)
    k = k.astype(np.int64)
    out: FloatArray = np.zeros(n.size, np.float64)
    # p = 0 or 1 puts all the mass on 0% or 100%, both whole numbers; n = 0 has no percentage
    inner = (k > 0) & (k < n)
    out[(n > 0) & ~inner] = 1.0
    idx = np.flatnonzero(inner)
    if not idx.size:
        return out
    nf = n[idx].astype(np.float64)
    kf = k[idx].astype(np.float64)
    p = kf / nf
    sd = np.sqrt(nf * p * (1 - p))
    m_lo = np.floor(100.0 * np.maximum(0.0, kf - SPREAD * sd - 8) / nf).astype(np.int64)
    m_hi = np.ceil(100.0 * np.minimum(nf, kf + SPREAD * sd + 8) / nf).astype(np.int64)
    m_hi = np.minimum(m_hi, 100)
    windows = m_hi - m_lo + 1
    first = np.cumsum(windows) - windows
    owner = np.repeat(np.arange(idx.size), windows)
    m = (np.arange(int(windows.sum())) - np.repeat(first - m_lo, windows)).astype(np.float64)
    nn = nf[owner]
    # the lattice points k' of window m: |2000 k' - 20 m n| <= n. Float division is exact
    # enough here: a quotient that is not whole lies at least 1/2000 from the nearest integer.
    a = np.maximum(np.ceil((20.0 * m - 1.0) * nn / 2000.0), 0.0)
    b = np.minimum(np.floor((20.0 * m + 1.0) * nn / 2000.0), nn)
    count = b - a + 1
    lf = log_factorials(int(n.max()))
    log_c = lf[n[idx]] + nf * np.log1p(-p)  # log P(k' = 0), and the log-odds step per k'
    log_odds = np.log(p) - np.log1p(-p)
    total = np.zeros(idx.size, np.float64)
    j = 0
    while owner.size:
        keep = count > j
        owner, a, b, count, nn = owner[keep], a[keep], b[keep], count[keep], nn[keep]
        kk = a + j
        ki = kk.astype(np.int64)
        log_mass = log_c[owner] + kk * log_odds[owner] - lf[ki] - lf[nn.astype(np.int64) - ki]
        total += np.bincount(owner, weights=np.exp(log_mass), minlength=idx.size)
        j += 1
    out[idx] = np.minimum(total, 1.0)
    return out


@dataclass(frozen=True)
class IntegerCount:
    """Stations with an integer turnout or share in one unit, and what chance gives."""

    stations: int  # stations that pass the inclusion rule
    observed: int
    expected: float
    variance: float
    third: float  # third central moment of the Poisson-binomial count
    p_value: float

    @property
    def excess(self) -> float:
        return self.observed - self.expected


def count_test(hit: BoolArray, chance: FloatArray) -> IntegerCount:
    """The observed number of integer stations against the Poisson-binomial sum of chances."""
    mean = float(chance.sum())
    var = float((chance * (1 - chance)).sum())
    third = float((chance * (1 - chance) * (1 - 2 * chance)).sum())
    observed = int(hit.sum())
    p = poisson_binomial_sf(observed, mean, var, third)
    return IntegerCount(int(hit.size), observed, mean, var, third, p)


def histogram(k: IntArray, n: IntArray, weights: FloatArray | None = None) -> FloatArray:
    """Counts (or weights) in 0.1-point bins centred on 0.0 .. 100.0, by exact rounding."""
    safe = np.maximum(n, 1)
    b = (2000 * k + safe) // (2 * safe)  # round-half-up of 1000 k / n
    ok = (n > 0) & (b >= 0) & (b < BINS)
    out: FloatArray = np.bincount(
        b[ok], weights=None if weights is None else weights[ok], minlength=BINS
    ).astype(np.float64)
    return out


def null_histogram(k: IntArray, n: IntArray, spread: float = 4.0) -> tuple[FloatArray, FloatArray]:
    """Expected count and its variance in each 0.1-point bin when every station is drawn from
    Bin(n, k / n): the null band the plot draws. Mass beyond `spread` sd is left out, and the
    variance adds each lattice point on its own (a little wider than exact where a station has
    several points in one bin)."""
    expected: FloatArray = np.zeros(BINS, np.float64)
    variance: FloatArray = np.zeros(BINS, np.float64)
    inner = (k > 0) & (k < n)
    edge = (n > 0) & ~inner  # all the mass on 0% or 100%
    expected += histogram(k[edge], n[edge])
    idx = np.flatnonzero(inner)
    if not idx.size:
        return expected, variance
    lf = log_factorials(int(n.max()))
    for chunk in np.array_split(idx, max(1, idx.size // 20_000)):
        nf = n[chunk].astype(np.float64)
        kf = k[chunk].astype(np.float64)
        p = kf / nf
        sd = np.sqrt(nf * p * (1 - p))
        lo = np.maximum(0.0, np.floor(kf - spread * sd))
        size = (np.minimum(nf, np.ceil(kf + spread * sd)) - lo + 1).astype(np.int64)
        owner = np.repeat(np.arange(chunk.size), size)
        kk = np.arange(int(size.sum())) - np.repeat(
            np.cumsum(size) - size - lo.astype(np.int64), size
        )
        nn = n[chunk][owner]
        log_c = lf[n[chunk]] + nf * np.log1p(-p)
        log_odds = np.log(p) - np.log1p(-p)
        mass = np.exp(log_c[owner] + kk * log_odds[owner] - lf[kk] - lf[nn - kk])
        b = (2000 * kk + nn) // (2 * nn)
        expected += np.bincount(b, weights=mass, minlength=BINS)
        variance += np.bincount(b, weights=mass * (1 - mass), minlength=BINS)
    return expected, variance
