"""Twins: stations of one territory whose every contestant's votes are identical, counted
against the chance that two honest counts of the same size agree on every line."""

from __future__ import annotations

import numpy as np

from core.model.election import BoolArray, FloatArray, IntArray

MIN_STATIONS = 30  # reporting every contestant, in a unit, for the screen to run there
_MULT = np.random.default_rng(20240110).integers(1, 2**63, 64, dtype=np.uint64) | np.uint64(1)


def scaled_i0(x: FloatArray) -> FloatArray:
    """exp(-x) I0(x), the modified Bessel function scaled so it does not overflow."""
    x = np.asarray(x, np.float64)
    out = np.empty_like(x)
    small = x < 500
    out[small] = np.exp(-x[small]) * np.i0(x[small])
    big = x[~small]
    inv = 1.0 / big
    out[~small] = (1 + inv / 8 + 9 * inv**2 / 128 + 225 * inv**3 / 3072) / np.sqrt(2 * np.pi * big)
    return out


def collision_chance(total: IntArray, shares: FloatArray) -> FloatArray:
    """Chance that two independent multinomial counts of `total` votes with the given shares
    (rows: pairs; columns: contestants) agree on every contestant.

    Each count is taken as independent Poisson lines conditioned on their sum: the chance two
    Poisson(l) counts agree is exp(-2l) I0(2l), and dividing the product over contestants by
    the same chance for the totals conditions on the totals being equal (they are: only pairs
    with equal totals can be twins). Exact in the limit of many votes, and within a few percent
    for stations of a few dozen votes (the tests compare it with full enumeration)."""
    t = total.astype(np.float64)
    lam = t[:, None] * shares
    num = np.prod(scaled_i0(2 * lam.ravel()).reshape(lam.shape), axis=1)
    out: FloatArray = np.minimum(1.0, num / scaled_i0(2 * t))
    return out


def _row_hash(votes: IntArray, territory: IntArray) -> np.ndarray:
    d = votes.shape[1]
    mult = np.resize(_MULT, d + 1)
    with np.errstate(over="ignore"):
        h = votes.astype(np.uint64) @ mult[:d]
        h = h + territory.astype(np.uint64) * mult[d]
    return h


def pair_counts(
    votes: IntArray, ok: BoolArray, territory: IntArray
) -> tuple[FloatArray, FloatArray, IntArray]:
    """Per station: the twin pairs it belongs to (halved, so they sum to the pairs), the
    pairs chance expects among stations of its territory with its total (halved likewise),
    and the id of its twin group (-1 when it has no twin)."""
    n = votes.shape[0]
    observed = np.zeros(n, np.float64)
    expected = np.zeros(n, np.float64)
    twin_group = np.full(n, -1, np.int64)
    idx = np.flatnonzero(ok)
    if idx.size < 2:
        return observed, expected, twin_group
    v = votes[idx]
    terr = territory[idx]
    total = v.sum(axis=1)
    # observed: identical (territory, vector); the hash is checked against the rows themselves
    _, inv, cnt = np.unique(_row_hash(v, terr), return_inverse=True, return_counts=True)
    first = np.full(cnt.size, -1, np.int64)
    first[inv[::-1]] = np.arange(idx.size)[::-1]
    same = np.all(v == v[first[inv]], axis=1) & (terr == terr[first[inv]])
    size = np.where(same, cnt[inv], 1)
    observed[idx] = (size - 1) / 2.0
    twin_group[idx] = np.where(size > 1, inv, -1)
    # expected: pairs with equal totals in a territory, each with the multinomial chance at
    # the territory's pooled shares (pooled shares make it generous: stations that differ in
    # their true shares agree less often than this)
    _, tinv, tcount = np.unique(terr, return_inverse=True, return_counts=True)
    pooled = np.zeros((tcount.size, v.shape[1]))
    _add_rows(pooled, tinv, v)
    pooled_tot = pooled.sum(axis=1, keepdims=True)
    shares = np.divide(pooled, pooled_tot, out=np.zeros_like(pooled), where=pooled_tot > 0)
    key = tinv.astype(np.int64) * (int(total.max()) + 1) + total
    _, kinv, kcount = np.unique(key, return_inverse=True, return_counts=True)
    multi = kcount[kinv] > 1
    if multi.any():
        chance = collision_chance(total[multi], shares[tinv[multi]])
        expected[idx[multi]] = (kcount[kinv[multi]] - 1) / 2.0 * chance
    return observed, expected, twin_group


def _add_rows(out: FloatArray, rows: IntArray, values: IntArray) -> None:
    """out[rows] += values, a column at a time (np.add.at is slow on 2-D)."""
    for j in range(values.shape[1]):
        out[:, j] += np.bincount(rows, weights=values[:, j], minlength=out.shape[0])
