"""Observed against unobserved stations, and the digit tables (described, never flagged)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.analysis.signals import digits
from core.analysis.signals.observers import observer_gap
from core.analysis.signals.stations import Ratio


def test_gap_within_territories_with_its_interval():
    rng = np.random.default_rng(0)
    n = np.full(4000, 1000)
    terr = np.repeat(np.arange(40), 100)
    level = np.repeat(rng.uniform(0.4, 0.8, 40), 100)  # territories differ a lot
    observed = rng.random(4000) < 0.2
    p = level - 0.05 * observed  # observers see 5 points less, wherever they are
    k = rng.binomial(n, p)
    g = observer_gap(Ratio("pct:NO", k, n, np.ones(4000, bool)), observed, terr)
    assert g.low < -5.0 < g.high
    assert g.p_value < 1e-6
    same = observer_gap(
        Ratio("pct:NO", rng.binomial(n, level), n, np.ones(4000, bool)), observed, terr
    )
    assert same.p_value > 1e-3


def test_digit_tables_take_second_digits_at_powers_of_ten():
    last, second = digits.digit_tables(np.array([10, 99, 100, 101, 1000, 999, 12345, 5, 57, 1099]))
    assert last.counts.tolist() == [3, 1, 0, 0, 0, 1, 0, 1, 0, 3]  # 5 has fewer than two digits
    assert second.counts.tolist() == [5, 0, 1, 0, 0, 0, 0, 1, 0, 2]
    assert math.isclose(digits.SECOND_DIGIT_BENFORD.sum(), 1.0)
    assert math.isclose(digits.SECOND_DIGIT_BENFORD[0], 0.11968, abs_tol=1e-5)


@pytest.mark.parametrize(("x", "p"), [(16.919, 0.05), (21.666, 0.01), (8.343, 0.5)])
def test_chi_square_tail_with_nine_degrees_of_freedom(x, p):
    assert math.isclose(digits.chi2_sf_9(x), p, rel_tol=2e-3)
