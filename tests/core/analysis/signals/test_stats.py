"""The screens' distributions against sums worked out term by term in exact arithmetic."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis.signals import stats


def poisson_tail(x: int, lam: float) -> float:
    """P(X >= x), summed in floats from exact-ish terms (the reference)."""
    below = math.fsum(math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1)) for k in range(x))
    return max(0.0, 1.0 - below)


def test_normal_tail_in_numpy_matches_erfc_to_seven_digits():
    x = np.linspace(-9, 9, 3601)
    exact = np.array([stats.normal_sf(v) for v in x])
    assert np.max(np.abs(stats.normal_sf_array(x) - exact) / exact) < 1.2e-7


@given(st.integers(0, 80), st.floats(0.01, 60))
@settings(max_examples=200, deadline=None)
def test_poisson_tail_matches_the_term_by_term_sum(x, lam):
    ref = poisson_tail(x, lam)
    got = stats.poisson_sf(x, lam)
    assert math.isclose(got, ref, rel_tol=1e-9, abs_tol=1e-12)


def test_poisson_tail_far_out_keeps_its_precision():
    # 1 - P(X < 60) cancels to nothing in floats; the upward sum does not
    expected = math.fsum(
        math.exp(-5.0 + k * math.log(5.0) - math.lgamma(k + 1)) for k in range(60, 200)
    )
    assert math.isclose(stats.poisson_sf(60, 5.0), expected, rel_tol=1e-12)
    assert stats.poisson_sf(60, 5.0) < 1e-40


@given(st.integers(0, 60), st.floats(0.5, 30), st.floats(1.05, 4))
@settings(max_examples=150, deadline=None)
def test_overdispersed_tail_is_the_negative_binomial_of_those_moments(x, mean, factor):
    var = mean * factor
    p, r = mean / var, mean * mean / (var - mean)

    def pmf(k: int) -> float:
        return math.exp(
            math.lgamma(k + r)
            - math.lgamma(r)
            - math.lgamma(k + 1)
            + r * math.log(p)
            + k * math.log1p(-p)
        )

    ref = max(0.0, 1.0 - math.fsum(pmf(k) for k in range(x)))
    assert math.isclose(stats.overdispersed_sf(x, mean, var), ref, rel_tol=1e-7, abs_tol=1e-11)
    # no more variance than the mean: the Poisson
    assert stats.overdispersed_sf(x, mean, mean) == stats.poisson_sf(x, mean)


@given(st.integers(1, 300), st.data())
@settings(max_examples=100, deadline=None)
def test_binomial_masses_are_exact(n, data):
    k = data.draw(st.integers(0, n))
    p = data.draw(st.sampled_from([0.0, 0.01, 0.3, 0.5, 0.77, 1.0]))
    exact = Fraction(math.comb(n, k)) * Fraction(p) ** k * (1 - Fraction(p)) ** (n - k)
    got = stats.binomial_pmf(np.array([k]), np.array([n]), np.array([p]))[0]
    assert math.isclose(got, float(exact), rel_tol=1e-10, abs_tol=1e-300)


def test_benjamini_hochberg_step_up():
    p = np.array([0.01, 0.04, 0.03, 0.5, 0.001])
    rejected, adjusted = stats.benjamini_hochberg(p, 0.05)
    # ranks 1..5 of 0.001, 0.01, 0.03, 0.04, 0.5 against 0.01, 0.02, 0.03, 0.04, 0.05
    assert rejected.tolist() == [True, True, True, False, True]
    assert np.allclose(adjusted, [0.025, 0.05, 0.05, 0.5, 0.005])
    none, _ = stats.benjamini_hochberg(np.array([0.2, 0.5, 0.9]), 0.05)
    assert not none.any()


def test_refined_normal_tail_of_a_poisson_binomial_count():
    rng = np.random.default_rng(4)
    probs = rng.uniform(0.05, 0.4, 3000)
    mean, var = probs.sum(), (probs * (1 - probs)).sum()
    third = (probs * (1 - probs) * (1 - 2 * probs)).sum()
    # the exact distribution by convolution, the reference
    dist = np.array([1.0])
    for q in probs:
        dist = np.convolve(dist, [1 - q, q])
    for x in (int(mean) - 60, int(mean), int(mean) + 40, int(mean) + 80):
        exact = dist[x:].sum()
        got = stats.poisson_binomial_sf(x, mean, var, third)
        assert math.isclose(got, exact, rel_tol=0.02 if exact > 1e-4 else 0.1)
