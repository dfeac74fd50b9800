"""The distributions the screens need, in numpy alone: normal and Poisson tails, binomial masses."""

from __future__ import annotations

import functools
import math

import numpy as np

from core.model.election import FloatArray, IntArray

SQRT2 = math.sqrt(2.0)


def normal_sf(x: float) -> float:
    """P(Z > x) for a standard normal, exact to double precision far into the tail."""
    return 0.5 * math.erfc(x / SQRT2)


_ERFC_COEFFS = (  # highest power first, for Horner's rule
    0.17087277,
    -0.82215223,
    1.48851587,
    -1.13520398,
    0.27886807,
    -0.18628806,
    0.09678418,
    0.37409196,
    1.00002368,
    -1.26551223,
)


def normal_sf_array(x: FloatArray) -> FloatArray:
    """P(Z > x) elementwise: the Chebyshev fit of erfc in Numerical Recipes (2nd ed., §6.2),
    relative error below 1.2e-7 everywhere; numpy itself has no erf."""
    z = np.abs(x) / SQRT2
    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.zeros_like(t)
    for c in _ERFC_COEFFS:
        poly = c + t * poly
    erfc = t * np.exp(-z * z + poly)
    out: FloatArray = np.where(x >= 0, 0.5 * erfc, 1.0 - 0.5 * erfc)
    return out


def poisson_sf(x: int, lam: float) -> float:
    """P(X >= x) for X ~ Poisson(lam), summed term by term from the side that converges."""
    if x <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    log_term = -lam + x * math.log(lam) - math.lgamma(x + 1)
    if x > lam:  # the upper tail: terms fall from x on
        total, term, k = 0.0, 1.0, x
        while term > 1e-17 * total or total == 0.0:
            total += term
            k += 1
            term *= lam / k
            if k > x + 100_000:
                break
        return min(1.0, math.exp(log_term) * total)
    # x <= lam: 1 - P(X <= x - 1), the lower terms falling from x - 1 down
    total, term, k = 0.0, 1.0, x - 1
    log_term = -lam + k * math.log(lam) - math.lgamma(k + 1)
    while k >= 0 and (term > 1e-17 * total or total == 0.0):
        total += term
        term *= k / lam
        k -= 1
    return max(0.0, 1.0 - math.exp(log_term) * total)


def poisson_binomial_sf(x: int, mean: float, var: float, third: float) -> float:
    """P(X >= x) for a sum of independent Bernoulli trials with the given mean, variance and
    third central moment: the refined normal approximation (Volkova 1996; Hong 2013, eq. 7),
    with continuity correction. Exact enough for p-values far below 0.001 when var > 10."""
    if var <= 0:
        return 1.0 if x <= mean else 0.0
    sd = math.sqrt(var)
    t = (x - 0.5 - mean) / sd
    gamma = third / sd**3
    phi = math.exp(-0.5 * t * t) / math.sqrt(2 * math.pi)
    refined = normal_sf(t) - gamma * (1 - t * t) * phi / 6
    if t > 8 or refined <= 0:  # the skew term is not meant that far out: the plain tail
        return normal_sf(t)
    return min(1.0, refined)


@functools.lru_cache(maxsize=4)
def _log_factorials(n_max: int) -> FloatArray:
    out: FloatArray = np.zeros(n_max + 1, np.float64)
    np.cumsum(np.log(np.arange(1, n_max + 1, dtype=np.float64)), out=out[1:])
    return out


def log_factorials(n_max: int) -> FloatArray:
    """log(k!) for k = 0..n_max (at least 1,024 entries, rounded up so the cache is reused)."""
    size = max(1024, 1 << int(n_max).bit_length())
    return _log_factorials(size)


def binomial_pmf(k: IntArray, n: IntArray, p: FloatArray) -> FloatArray:
    """P(Bin(n, p) = k) elementwise, exactly (log-factorials, no normal approximation)."""
    lf = log_factorials(int(n.max(initial=0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        log_pmf = lf[n] - lf[k] - lf[n - k] + k * np.log(p) + (n - k) * np.log1p(-p)
    out = np.exp(log_pmf)
    # p = 0 or 1: all the mass on k = 0 or k = n (0 * log 0 counts as 0)
    out = np.where(p <= 0.0, (k == 0).astype(np.float64), out)
    out = np.where(p >= 1.0, (k == n).astype(np.float64), out)
    result: FloatArray = out
    return result


def benjamini_hochberg(pvalues: FloatArray, q: float) -> tuple[np.ndarray, FloatArray]:
    """Which hypotheses the Benjamini-Hochberg step-up rule rejects at false discovery rate q,
    and each one's adjusted p-value (the least q at which it would be rejected)."""
    m = int(pvalues.size)
    if not m:
        return np.zeros(0, bool), np.zeros(0, np.float64)
    order = np.argsort(pvalues, kind="stable")
    ranked = pvalues[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
    adjusted: FloatArray = np.empty(m, np.float64)
    adjusted[order] = np.minimum(adjusted_sorted, 1.0)
    return adjusted <= q, adjusted


def overdispersed_sf(x: int, mean: float, var: float) -> float:
    """P(X >= x) for a count with the given mean and a variance at least the mean: the
    negative binomial of those two moments (the Poisson when the variance is no larger)."""
    if var <= mean * (1 + 1e-9) or mean <= 0:
        return poisson_sf(x, mean)
    if x <= 0:
        return 1.0
    p = mean / var
    r = mean * mean / (var - mean)
    # pmf(k) = Gamma(k + r) / (Gamma(r) k!) p^r (1 - p)^k, summed from the side that converges
    log_pmf = math.lgamma(x + r) - math.lgamma(r) - math.lgamma(x + 1)
    log_pmf += r * math.log(p) + x * math.log1p(-p)
    if x > mean:
        total, term, k = 0.0, 1.0, x
        while term > 1e-17 * total or total == 0.0:
            total += term
            term *= (k + r) / (k + 1) * (1 - p)
            k += 1
            if k > x + 1_000_000:
                break
        return min(1.0, math.exp(log_pmf) * total)
    k = x - 1
    log_pmf = math.lgamma(k + r) - math.lgamma(r) - math.lgamma(k + 1)
    log_pmf += r * math.log(p) + k * math.log1p(-p)
    total, term = 0.0, 1.0
    while k >= 0 and (term > 1e-17 * total or total == 0.0):
        total += term
        term *= k / ((k - 1 + r) * (1 - p)) if k > 0 else 0.0
        k -= 1
    return max(0.0, 1.0 - math.exp(log_pmf) * total)
