"""Peer outliers: each station's robust z-score among the stations of its territory,
(x - median) / (1.4826 MAD), and how many pass |z| > 3.5 against what chance gives."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.analysis.signals.stations import Ratio
from core.analysis.signals.stats import normal_sf_array
from core.model.election import BoolArray, FloatArray, IntArray

MIN_PEERS = 30  # stations a territory needs before its median and MAD mean anything
THRESHOLD = 3.5  # Iglewicz and Hoaglin's cut for the modified z-score
MAD_SCALE = 1.4826  # MAD to standard deviation for a normal sample

# The null chance of |z| > 3.5 is integrated over three sources of chance: how far the
# station's own rate lies from its territory's (a bell curve on the logit scale), its binomial
# count (near normal on the arcsine-root scale, variance 1 / 4n: Anscombe 1948), and the noise
# of the territory's median, var = (pi / 2) s^2 / m, and MAD, var(log MAD) = 1.36 / m, for m
# stations. The factor (1 + 3 / m) brings it within 4% of simulated normal territories of 30
# to 1,000 stations (where the plain normal tail is 8 times too low at m = 30).
_MEDIAN_VAR, _LOG_MAD_VAR, _SMALL_M = math.pi / 2, 1.36, 3.0


def _nodes(k: int) -> tuple[FloatArray, FloatArray]:
    x, w = np.polynomial.hermite_e.hermegauss(k)
    return x, w / w.sum()


_SPREAD_NODES = _nodes(9)
_MAD_NODES = _nodes(5)
_GRID = 12  # station sizes per territory at which the chance is computed, then interpolated


@dataclass(frozen=True)
class RobustZ:
    """One percentage's robust z-scores; NaN where the station has no territory to compare
    with (fewer than 30 peers, or a MAD of 0) or no figure."""

    field: str
    z: FloatArray
    median: FloatArray  # the territory's median, in percent, per station
    peers: IntArray  # stations in the territory that report the figure
    chance: FloatArray  # P(|z| > 3.5) for the station under the null; 0 where z is NaN
    variance: FloatArray  # its share of the variance of a territory's outlier count

    @property
    def scored(self) -> BoolArray:
        out: BoolArray = ~np.isnan(self.z)
        return out

    @property
    def outlier(self) -> BoolArray:
        with np.errstate(invalid="ignore"):
            out: BoolArray = np.abs(self.z) > THRESHOLD
        return out


def _group_median(
    values: FloatArray, group: IntArray, starts: IntArray, sizes: IntArray
) -> FloatArray:
    """Median of `values` in each group; `group` is sorted and the groups lie at starts/sizes.
    One float sort of the group plus the value (scaled into [0, 1)) orders them within each."""
    lo_v, hi_v = float(values.min()), float(values.max())
    span = hi_v - lo_v if hi_v > lo_v else 1.0
    order = np.argsort(group * 2.0 + (values - lo_v) / span, kind="quicksort")
    v = values[order]
    lo = starts + (sizes - 1) // 2
    hi = starts + sizes // 2
    out: FloatArray = 0.5 * (v[lo] + v[hi])
    return out


def _arcsine(count: FloatArray, n: FloatArray) -> FloatArray:
    out: FloatArray = np.arcsin(np.sqrt(np.clip((count + 0.375) / (n + 0.75), 0.0, 1.0)))
    return out


def _null_chance(
    size: FloatArray,
    mu: FloatArray,
    s: FloatArray,
    centre: FloatArray,
    tau: FloatArray,
    y_scale: FloatArray,
    m: FloatArray,
) -> FloatArray:
    """P(|x - median| > 3.5 s) for stations of the given sizes (columns) in each territory
    (rows), for each value of the territory's MAD noise (first axis: the MAD nodes). The MAD
    is shared by a territory's stations: its noise is what makes their outliers cluster."""
    shape = np.broadcast_shapes(size.shape, mu.shape)
    out = np.zeros((_MAD_NODES[0].size, *shape))
    sd = np.sqrt(0.25 / (size + 0.5) + _MEDIAN_VAR * y_scale**2 / m)
    for node, eta in enumerate(_MAD_NODES[0]):
        reach = THRESHOLD * s * np.exp(eta * np.sqrt(_LOG_MAD_VAR / m))
        up = _arcsine(size * (mu + reach), size)
        down = _arcsine(size * (mu - reach), size)
        has_up, has_down = mu + reach < 1, mu - reach > 0
        for eps, w in zip(*_SPREAD_NODES, strict=True):
            rate = 1.0 / (1.0 + np.exp(-(centre + tau * eps)))
            a = np.arcsin(np.sqrt(rate))
            above = np.where(has_up, normal_sf_array((up - a) / sd), 0.0)
            below = np.where(has_down, normal_sf_array((a - down) / sd), 0.0)
            out[node] += w * (above + below)
    result: FloatArray = np.clip(out * (1.0 + _SMALL_M / m), 0.0, 1.0)
    return result


def robust_z(ratio: Ratio, territory: IntArray) -> RobustZ:
    """z of each station's percentage among its territory's, and its null chance of |z| > 3.5.

    The null: within a territory the stations' true rates vary around a common middle by
    factors (a bell curve on the logit scale, its spread the same for all), and each count is
    binomial about its rate. So a small station stands out more often than a large one, and a
    small rate (the invalid share) more often upwards than downwards, as by chance alone."""
    n_all = ratio.k.size
    z = np.full(n_all, np.nan)
    med_out = np.full(n_all, np.nan)
    peers_out = np.zeros(n_all, np.int64)
    chance = np.zeros(n_all, np.float64)
    variance = np.zeros(n_all, np.float64)
    idx = np.flatnonzero(ratio.ok)
    if not idx.size:
        return RobustZ(ratio.field, z, med_out, peers_out, chance, variance)
    terr = territory[idx]
    order = np.argsort(terr, kind="stable")
    idx, terr = idx[order], terr[order]
    k, n = ratio.k[idx].astype(np.float64), ratio.n[idx].astype(np.float64)
    x = k / n
    _, starts, sizes = np.unique(terr, return_index=True, return_counts=True)
    group = np.repeat(np.arange(starts.size), sizes)
    med = _group_median(x, group, starts, sizes)
    scale = MAD_SCALE * _group_median(np.abs(x - med[group]), group, starts, sizes)
    usable = (sizes >= MIN_PEERS) & (scale > 0)
    keep = usable[group]
    with np.errstate(divide="ignore", invalid="ignore"):
        zz = (x - med[group]) / scale[group]
    # The territory's spread of true rates on the logit scale: the MAD of the empirical logits
    # less a typical station's binomial noise there, 1 / (n p (1 - p)) at the territory's rate.
    lx = np.log(k + 0.5) - np.log(n - k + 0.5)
    lmed = _group_median(lx, group, starts, sizes)
    lscale = MAD_SCALE * _group_median(np.abs(lx - lmed[group]), group, starts, sizes)
    rate = 1.0 / (1.0 + np.exp(-lmed))
    noise = _group_median(1.0 / n, group, starts, sizes) / (rate * (1 - rate))
    tau = np.sqrt(np.maximum(0.0, lscale**2 - noise))
    y = _arcsine(k, n)
    ymed = _group_median(y, group, starts, sizes)
    y_scale = MAD_SCALE * _group_median(np.abs(y - ymed[group]), group, starts, sizes)
    # the chance at a grid of sizes per usable territory, interpolated in log size per station
    t_ok = np.flatnonzero(usable)
    if t_ok.size:
        logs = np.linspace(np.log(n.min()), np.log(n.max()) + 1e-9, _GRID)
        cols: list[FloatArray] = [
            np.asarray(a[t_ok][:, None], np.float64)
            for a in (med, scale, lmed, tau, y_scale, sizes)
        ]
        table = _null_chance(np.exp(logs)[None, :], *cols)
        row = np.full(starts.size, -1)
        row[t_ok] = np.arange(t_ok.size)
        sel = np.flatnonzero(keep)
        pos = (np.log(n[sel]) - logs[0]) / (logs[1] - logs[0])
        j = np.clip(pos.astype(np.int64), 0, _GRID - 2)
        frac = pos - j
        r = row[group[sel]]
        by_node = (1 - frac) * table[:, r, j] + frac * table[:, r, j + 1]
        weights = _MAD_NODES[1]
        p0 = weights @ by_node
        chance[idx[sel]] = p0
        # The count's variance: each station's own, plus how much the territory's expected
        # count moves with its MAD's noise (spread over its stations, so that sums add up).
        per_node = np.stack(
            [np.bincount(group[sel], weights=b, minlength=starts.size) for b in by_node]
        )
        mean_t = weights @ per_node
        extra_t = weights @ (per_node - mean_t) ** 2
        variance[idx[sel]] = p0 * (1 - p0) + (extra_t / sizes)[group[sel]]
    z[idx[keep]] = zz[keep]
    med_out[idx[keep]] = 100.0 * med[group][keep]
    peers_out[idx] = sizes[group]
    return RobustZ(ratio.field, z, med_out, peers_out, chance, variance)
