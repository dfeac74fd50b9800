"""Twin protocols: identical vote vectors in one territory, against the chance of a match."""

from __future__ import annotations

import itertools
import math

import numpy as np

from core.analysis.signals.twins import collision_chance, pair_counts


def exact_collision(total: int, shares: list[float]) -> float:
    out = 0.0
    for a, b in itertools.product(range(total + 1), repeat=2):
        c = total - a - b
        if c < 0:
            continue
        pmf = math.factorial(total) / (math.factorial(a) * math.factorial(b) * math.factorial(c))
        pmf *= shares[0] ** a * shares[1] ** b * shares[2] ** c
        out += pmf * pmf
    return out


def test_collision_chance_is_close_to_full_enumeration_and_never_below_it_by_much():
    for total, shares in [(20, [0.5, 0.3, 0.2]), (60, [0.6, 0.3, 0.1]), (150, [0.45, 0.45, 0.1])]:
        exact = exact_collision(total, shares)
        got = collision_chance(np.array([total]), np.array([shares]))[0]
        assert exact * 0.97 <= got <= exact * 1.1, (total, exact, got)


def test_a_copied_protocol_is_found_and_chance_expects_almost_none():
    rng = np.random.default_rng(3)
    n = rng.integers(300, 2000, 600)
    votes = rng.multinomial(n, [0.5, 0.3, 0.15, 0.05])
    terr = np.repeat(np.arange(10), 60)
    votes[7] = votes[8]  # same territory (0): a twin pair
    votes[100] = votes[400]  # different territories: not twins
    observed, expected, group = pair_counts(votes, np.ones(600, bool), terr)
    assert observed.sum() == 1
    assert group[7] == group[8] >= 0
    assert (group[[100, 400]] == -1).all()
    assert expected.sum() < 0.01


def test_tiny_stations_agree_often_and_the_chance_allows_for_it_generously():
    rng = np.random.default_rng(5)
    n = rng.integers(3, 12, 20_000)
    votes = rng.multinomial(n, [0.7, 0.2, 0.1])
    terr = np.repeat(np.arange(200), 100)
    observed, expected, _ = pair_counts(votes, np.ones(n.size, bool), terr)
    assert observed.sum() > 1000
    # generous (never below what happens), so honest twins of tiny stations are not signalled
    assert observed.sum() <= expected.sum() <= 1.3 * observed.sum()
