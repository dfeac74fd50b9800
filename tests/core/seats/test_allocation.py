"""Tests for core.seats: known results, tie-breaks, the runner-up rule and properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model.seat_rules import METHODS, SeatRules
from core.seats.allocation import allocate

KZ_VOTES = (5148074, 792828, 659019, 383023, 258618)  # NO, AJ, QHP, AUYL, ADAL
KZ_ORDER = (2, 4, 1, 3, 5)
KZ_BALLOTS_CAST = 7539280


def rules(method: str, total: int, pct: str = "7.0", minimum: int | None = None) -> SeatRules:
    return SeatRules(total, method, Fraction(pct), "ballots_cast", minimum)


def test_kazakhstan_2021_hare() -> None:
    result = allocate(KZ_VOTES, KZ_ORDER, rules("largest_remainder_hare", 98), KZ_BALLOTS_CAST)
    assert result.seats == (76, 12, 10, 0, 0)
    assert result.qualified == (True, True, True, False, False)
    assert result.quota == Fraction(5148074 + 792828 + 659019, 98)
    assert result.quotas[0] == Fraction(5148074 * 98, 6599921)
    assert result.remainders[0] == result.quotas[0] - 76
    assert not result.runner_up_applied


def test_kazakhstan_2021_dhondt() -> None:
    result = allocate(KZ_VOTES, KZ_ORDER, rules("dhondt", 98), KZ_BALLOTS_CAST)
    assert result.seats == (77, 12, 9, 0, 0)
    assert result.quota is None
    assert result.quotas == (Fraction(5148074, 77), Fraction(792828, 12), Fraction(659019, 9), 0, 0)
    assert result.remainders == (0, 0, 0, 0, 0)


def test_threshold_is_inclusive() -> None:
    result = allocate((70, 23, 7), (1, 2, 3), rules("largest_remainder_hare", 10), 100)
    assert result.seats == (7, 2, 1)
    assert result.qualified == (True, True, True)


def test_just_below_threshold_gets_nothing() -> None:
    result = allocate((70, 24, 6), (1, 2, 3), rules("largest_remainder_hare", 10), 100)
    assert result.qualified == (True, True, False)
    assert result.seats[2] == 0
    assert sum(result.seats) == 10


@pytest.mark.parametrize(
    ("method", "votes", "total"),
    [
        ("largest_remainder_hare", (50, 50), 3),
        ("dhondt", (60, 60), 3),
        ("sainte_lague", (30, 30), 3),
    ],
)
def test_ties_go_to_lower_registration_order(
    method: str, votes: tuple[int, int], total: int
) -> None:
    assert allocate(votes, (2, 1), rules(method, total, "0"), 100).seats == (1, 2)
    assert allocate(votes, (1, 2), rules(method, total, "0"), 100).seats == (2, 1)


def test_sainte_lague_differs_from_dhondt() -> None:
    votes, order = (53000, 24000, 23000), (1, 2, 3)
    assert allocate(votes, order, rules("dhondt", 7, "0"), 100000).seats == (4, 2, 1)
    assert allocate(votes, order, rules("sainte_lague", 7, "0"), 100000).seats == (3, 2, 2)


@pytest.mark.parametrize(("order", "expected"), [((1, 2, 3), (8, 2, 0)), ((1, 3, 2), (8, 0, 2))])
def test_runner_up_rule(order: tuple[int, ...], expected: tuple[int, ...]) -> None:
    result = allocate((900, 50, 50), order, rules("largest_remainder_hare", 10, "7", 2), 1000)
    assert result.seats == expected
    assert result.runner_up_applied
    assert result.qualified == tuple(s > 0 for s in expected)


def test_runner_up_not_applied_without_minimum_or_with_two_qualified() -> None:
    alone = allocate((900, 50, 50), (1, 2, 3), rules("dhondt", 10, "7"), 1000)
    assert alone.seats == (10, 0, 0)
    assert not alone.runner_up_applied
    two = allocate((800, 150, 50), (1, 2, 3), rules("dhondt", 10, "7", 2), 1000)
    assert two.seats == (9, 1, 0)
    assert not two.runner_up_applied


def test_nobody_qualifies_or_zero_base() -> None:
    assert allocate((5, 5), (1, 2), rules("dhondt", 4, "50.5"), 20).seats == (0, 0)
    zero_base = allocate((0, 0), (1, 2), rules("dhondt", 4), 0)
    assert zero_base.seats == (0, 0)
    assert zero_base.qualified == (False, False)
    assert allocate((0, 0), (1, 2), rules("dhondt", 4, "0"), 0).qualified == (True, True)


def test_from_json_contract_example() -> None:
    obj: dict[str, object] = {
        "total": 98,
        "method": "largest_remainder_hare",
        "threshold_pct": 7.0,
        "threshold_base": "ballots_cast",
        "min_seats_runner_up": 2,
        "tie_break": "registration_order",
    }
    parsed = SeatRules.from_json(obj)
    assert parsed == SeatRules(98, "largest_remainder_hare", Fraction(7), "ballots_cast", 2)
    assert SeatRules.from_json({**obj, "threshold_pct": 0.1}).threshold_pct == Fraction(1, 10)
    minimal = {k: obj[k] for k in ("total", "method", "threshold_pct", "threshold_base")}
    assert SeatRules.from_json(minimal).min_seats_runner_up is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"method": "borda"}, "method"),
        ({"total": -1}, "total"),
        ({"total": 9.5}, "total"),
        ({"total": True}, "total"),
        ({"threshold_pct": "7"}, "threshold_pct"),
        ({"threshold_pct": 101}, "threshold_pct"),
        ({"threshold_pct": float("nan")}, "threshold_pct"),
        ({"threshold_base": "registered"}, "threshold_base"),
        ({"min_seats_runner_up": -2}, "min_seats_runner_up"),
        ({"tie_break": "lot"}, "tie_break"),
    ],
)
def test_from_json_rejects_bad_input(change: dict[str, object], message: str) -> None:
    obj: dict[str, object] = {
        "total": 10,
        "method": "dhondt",
        "threshold_pct": 5,
        "threshold_base": "valid",
        **change,
    }
    with pytest.raises(ValueError, match=message):
        SeatRules.from_json(obj)


def naive_divisor(votes: list[int], order: list[int], total: int, step: int) -> list[int]:
    """One seat at a time to the highest quotient: the oracle for the heap version."""
    seats = [0] * len(votes)
    for _ in range(total):
        best = max(
            range(len(votes)), key=lambda i: (Fraction(votes[i], 1 + step * seats[i]), -order[i])
        )
        seats[best] += 1
    return seats


contests = st.integers(1, 7).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 10_000), min_size=n, max_size=n),
        st.permutations(list(range(1, n + 1))),
    )
)
seat_rules = st.builds(
    SeatRules,
    total=st.integers(0, 300),
    method=st.sampled_from(METHODS),
    threshold_pct=st.one_of(st.integers(0, 100), st.floats(0, 100)).map(lambda x: Fraction(str(x))),
    threshold_base=st.sampled_from(("valid", "ballots_cast")),
    min_seats_runner_up=st.one_of(st.none(), st.integers(0, 20)),
)


@given(contests, seat_rules)
def test_allocation_properties(contest: tuple[list[int], list[int]], rule: SeatRules) -> None:
    votes, order = contest
    base = sum(votes)
    result = allocate(votes, order, rule, base)
    passes = [
        (base > 0 or rule.threshold_pct == 0) and v * 100 >= rule.threshold_pct * base
        for v in votes
    ]
    admitted = [i for i, q in enumerate(result.qualified) if q and not passes[i]]
    if result.runner_up_applied:
        assert sum(passes) == 1
        assert len(admitted) == 1
        assert result.seats[admitted[0]] >= min(rule.min_seats_runner_up or 0, rule.total)
    else:
        assert admitted == []
    if any(q and v > 0 for q, v in zip(result.qualified, votes, strict=True)):
        assert sum(result.seats) == rule.total
    else:
        assert result.seats == (0,) * len(votes)
    assert all(q for s, q in zip(result.seats, result.qualified, strict=True) if s > 0)


@given(contests, st.sampled_from(("dhondt", "sainte_lague")), st.integers(0, 300))
def test_divisor_methods_match_oracle_and_are_monotone(
    contest: tuple[list[int], list[int]], method: str, total: int
) -> None:
    votes, order = contest
    rule = SeatRules(total, method, Fraction(5), "valid", None)
    result = allocate(votes, order, rule, sum(votes))
    chosen = [i for i, q in enumerate(result.qualified) if q]
    if sum(votes[i] for i in chosen) > 0:
        step = 1 if method == "dhondt" else 2
        sub = naive_divisor([votes[i] for i in chosen], [order[i] for i in chosen], total, step)
        assert [result.seats[i] for i in chosen] == sub
    for i in chosen:
        for j in chosen:
            if votes[i] > votes[j]:
                assert result.seats[i] >= result.seats[j]


@given(
    seat_rules.filter(
        lambda r: r.total >= 1 and (r.min_seats_runner_up or 0) <= r.total  # CONTRACT §1 ranges
    )
)
def test_json_round_trip(rule: SeatRules) -> None:
    assert SeatRules.from_json(rule.to_json()) == rule
