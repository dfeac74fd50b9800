"""Stations with an observer's copy against those without: the official figures of the two
groups compared within each territory, with a confidence interval (Enikolopov et al. 2013)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.analysis.signals.stations import Ratio
from core.analysis.signals.stats import normal_sf
from core.model.election import BoolArray, IntArray

MIN_EACH = 30  # stations needed on each side, in territories that have both


@dataclass(frozen=True)
class ObserverGap:
    """Official percentage at observed minus unobserved stations, in points."""

    field: str
    observed_stations: int
    other_stations: int
    gap: float
    se: float

    @property
    def low(self) -> float:
        return self.gap - 1.96 * self.se

    @property
    def high(self) -> float:
        return self.gap + 1.96 * self.se

    @property
    def p_value(self) -> float:
        """Two-sided, from the normal approximation of the stratified difference."""
        if self.se <= 0:
            return 1.0
        return min(1.0, 2 * normal_sf(abs(self.gap) / self.se))


def observer_gap(ratio: Ratio, observed: BoolArray, territory: IntArray) -> ObserverGap:
    """The gap within territories, averaged with each territory weighted by its observed
    stations (so it describes the stations observers went to); its variance from each
    territory's pooled spread."""
    ok = ratio.ok
    x = 100.0 * ratio.k[ok] / ratio.n[ok]
    obs = observed[ok]
    _, t, _ = np.unique(territory[ok], return_inverse=True, return_counts=True)
    size = t.max(initial=-1) + 1
    n1 = np.bincount(t, weights=obs, minlength=size)
    n0 = np.bincount(t, weights=~obs, minlength=size)
    s1 = np.bincount(t, weights=x * obs, minlength=size)
    s0 = np.bincount(t, weights=x * ~obs, minlength=size)
    both = (n1 > 0) & (n0 > 0)
    n_all = n1 + n0
    mean_all = np.divide(s1 + s0, n_all, out=np.zeros(size), where=n_all > 0)
    dev2 = np.bincount(t, weights=(x - mean_all[t]) ** 2, minlength=size)
    var = np.divide(dev2, n_all - 1, out=np.zeros(size), where=n_all > 1)
    w = n1 * both
    n_obs, n_other = int(n1[both].sum()), int(n0[both].sum())
    if n_obs == 0 or n_other == 0:
        return ObserverGap(ratio.field, n_obs, n_other, 0.0, 0.0)
    gap_t = np.divide(s1, n1, out=np.zeros(size), where=both) - np.divide(
        s0, n0, out=np.zeros(size), where=both
    )
    gap = float((w * gap_t).sum() / w.sum())
    var_t = np.divide(var, n1, out=np.zeros(size), where=both) + np.divide(
        var, n0, out=np.zeros(size), where=both
    )
    se = math.sqrt(float((w**2 * var_t).sum())) / float(w.sum())
    return ObserverGap(ratio.field, n_obs, n_other, gap, se)
