"""Integer percentages: which stations are integer, and each station's binomial chance of it."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis.signals import integer_pct as ip


def exact_chance(k: int, n: int) -> float:
    """Sum of Bin(n, k/n) over every count whose percentage is within 0.05 of an integer."""
    p = Fraction(k, n)
    total = Fraction(0)
    for j in range(n + 1):
        pct = Fraction(100 * j, n)
        if abs(pct - round(pct)) <= Fraction(1, 20):
            total += math.comb(n, j) * p**j * (1 - p) ** (n - j)
    return float(total)


def test_integer_means_within_five_hundredths_of_a_point_inclusive():
    k = np.array([1, 2, 1, 63, 629, 6296, 0, 150])
    n = np.array([2000, 2000, 1999, 100, 1000, 10000, 500, 150])
    # 0.05 (edge, in), 0.1, 0.05003, 63.0, 62.9, 62.96, 0, 100
    assert ip.is_integer_pct(k, n).tolist() == [True, False, False, True, False, True, True, True]


@given(st.integers(2, 400), st.data())
@settings(max_examples=60, deadline=None)
def test_chance_is_the_exact_binomial_sum(n, data):
    k = data.draw(st.integers(1, n - 1))
    got = ip.integer_chance(np.array([k]), np.array([n]))[0]
    assert math.isclose(got, exact_chance(k, n), abs_tol=2e-5)


def test_chance_follows_the_division_artefacts():
    k = np.array([60, 90, 120, 61, 600, 1200, 1500, 0])
    n = np.array([100, 150, 200, 101, 1000, 2000, 2500, 700])
    got = ip.integer_chance(k, n)
    # every count of 100 voters is a whole percent; one in three of 150; none near 60% of 101
    assert np.allclose(got, [1, 1 / 3, 1 / 2, 0, 0.1, 0.15, 0.12, 1], atol=1e-6)


def test_count_test_finds_an_excess_and_not_a_chance_one():
    rng = np.random.default_rng(0)
    n = rng.integers(300, 3000, 20_000)
    k = rng.binomial(n, 0.6)
    chance = ip.integer_chance(k, n)
    clean = ip.count_test(ip.is_integer_pct(k, n), chance)
    assert abs(clean.excess) < 4 * math.sqrt(clean.variance)
    assert clean.p_value > 1e-4
    # turnout of 2% of the stations written to a whole percent of the registered voters
    pushed = k.copy()
    pick = rng.choice(n.size, 400, replace=False)
    pushed[pick] = np.round(np.round(100 * k[pick] / n[pick]) * n[pick] / 100).astype(int)
    hit = ip.is_integer_pct(pushed, n)
    made = ip.count_test(hit, ip.integer_chance(pushed, n))
    assert made.excess > 250
    assert made.p_value < 1e-12


def test_histogram_bins_by_exact_rounding_and_the_null_band_adds_up():
    k = np.array([1, 3, 625, 1])
    n = np.array([2000, 2000, 1000, 3])
    h = ip.histogram(k, n)
    # 0.05 -> bin 0.1 (half up), 0.15 -> 0.2, 62.5 -> 62.5, 33.33 -> 33.3
    assert h[1] == 1
    assert h[2] == 1
    assert h[625] == 1
    assert h[333] == 1
    assert h.sum() == 4
    rng = np.random.default_rng(1)
    n = rng.integers(200, 2000, 3000)
    k = rng.binomial(n, 0.55)
    expected, variance = ip.null_histogram(k, n)
    assert math.isclose(expected.sum(), n.size, rel_tol=1e-3)
    # one station by hand: the bin masses of Bin(150, 0.6)
    e1, _ = ip.null_histogram(np.array([90]), np.array([150]), spread=50)
    masses = [math.comb(150, j) * 0.6**j * 0.4 ** (150 - j) for j in range(151)]
    assert math.isclose(e1[600], masses[90], rel_tol=1e-9)  # 90 of 150 is 60.0%
    assert math.isclose(e1[607], masses[91], rel_tol=1e-9)  # 60.67% rounds to 60.7
    assert (variance <= expected + 1e-12).all()
