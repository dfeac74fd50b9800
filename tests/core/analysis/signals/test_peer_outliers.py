"""Robust z-scores within territories, and the chance of |z| > 3.5 they are counted against."""

from __future__ import annotations

import numpy as np

from core.analysis.signals.peer_outliers import MIN_PEERS, robust_z
from core.analysis.signals.stations import Ratio


def ratio(k, n) -> Ratio:
    k, n = np.asarray(k), np.asarray(n)
    return Ratio("pct:turnout", k, n, np.ones(k.size, bool))


def test_z_is_distance_from_the_median_in_robust_sd():
    # 31 stations of 1,000 voters: 30 from 585 to 614, and one at 800
    counts = [*range(585, 615), 800]
    r = ratio(counts, [1000] * 31)
    rz = robust_z(r, np.zeros(31, np.int64))
    x = np.array(counts) / 1000
    med = np.median(x)
    mad = np.median(np.abs(x - med))
    assert np.allclose(rz.z, (x - med) / (1.4826 * mad))
    assert rz.outlier.tolist() == [False] * 30 + [True]
    assert rz.peers.tolist() == [31] * 31
    assert np.isclose(rz.median[0], 100 * med)


def test_no_score_below_thirty_peers_or_with_a_zero_mad():
    small = ratio([500 + i for i in range(MIN_PEERS - 1)], [1000] * (MIN_PEERS - 1))
    assert np.isnan(robust_z(small, np.zeros(MIN_PEERS - 1, np.int64)).z).all()
    flat = ratio([500] * 40, [1000] * 40)
    rz = robust_z(flat, np.zeros(40, np.int64))
    assert np.isnan(rz.z).all()
    assert (rz.chance == 0).all()


def test_the_null_chance_matches_simulated_honest_territories():
    rng = np.random.default_rng(11)
    territories, size = 4000, 45
    terr = np.repeat(np.arange(territories), size)
    n = rng.integers(150, 3000, terr.size)
    centre = rng.normal(0.3, 0.3, territories)[terr]
    p = 1 / (1 + np.exp(-(centre + rng.normal(0, 0.2, terr.size))))
    rz = robust_z(ratio(rng.binomial(n, p), n), terr)
    observed, expected = int(rz.outlier.sum()), float(rz.chance.sum())
    variance = float(rz.variance.sum())
    # the count is overdispersed (a territory's MAD is shared) and the model knows it
    assert variance > expected
    assert abs(observed - expected) < 4 * np.sqrt(variance), (observed, expected)


def test_small_stations_and_small_rates_stand_out_by_chance_more_often():
    rng = np.random.default_rng(2)
    terr = np.repeat(np.arange(200), 60)
    n = np.where(np.arange(terr.size) % 2 == 0, 150, 2500)
    rz = robust_z(ratio(rng.binomial(n, 0.03), n), terr)
    small, large = rz.chance[n == 150].mean(), rz.chance[n == 2500].mean()
    assert small > 2 * large
