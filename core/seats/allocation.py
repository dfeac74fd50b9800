"""Seat allocation (largest remainder Hare, D'Hondt, Sainte-Laguë) in exact arithmetic."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from core.model.seat_rules import SeatRules


@dataclass(frozen=True)
class SeatAllocation:
    """The outcome of allocate(), one entry per contestant in the input order."""

    seats: tuple[int, ...]
    qualified: tuple[bool, ...]
    quotas: tuple[Fraction, ...]
    remainders: tuple[Fraction, ...]
    runner_up_applied: bool
    quota: Fraction | None


class _Quotient:
    """votes / divisor, ordered largest first, ties by registration; compared exactly by
    cross-multiplying integers (a Fraction per comparison made seat margins 10x slower)."""

    __slots__ = ("divisor", "i", "rank", "votes")

    def __init__(self, votes: int, divisor: int, rank: tuple[int, int], i: int) -> None:
        self.votes, self.divisor, self.rank, self.i = votes, divisor, rank, i

    def __lt__(self, other: _Quotient) -> bool:
        a, b = self.votes * other.divisor, other.votes * self.divisor
        return a > b if a != b else self.rank < other.rank


def _divisor_seats(
    votes: Sequence[int],
    chosen: list[int],
    rank: dict[int, tuple[int, int]],
    step: int,
    total: int,
    pool: int,
    seats: list[int],
) -> None:
    """The `total` largest quotients votes/(1 + step*k), handed out into `seats`.

    Head start: every quotient at or above pool/total is certain to win when there are at
    most `total` of them (a quotient left out is smaller than all of them), so they are
    given at once and only the remaining few seats go through the heap.
    """
    # quotients v/(1 + step*k) >= pool/total  <=>  k <= (v*total - pool) / (step*pool)
    head = [
        (votes[i] * total - pool) // (step * pool) + 1 if votes[i] * total >= pool else 0
        for i in chosen
    ]
    if sum(head) > total:
        head = [0] * len(chosen)
    for i, h in zip(chosen, head, strict=True):
        seats[i] = h
    heap = [_Quotient(votes[i], 1 + step * seats[i], rank[i], i) for i in chosen]
    heapq.heapify(heap)
    for _ in range(total - sum(head)):
        q = heapq.heappop(heap)
        seats[q.i] += 1
        heapq.heappush(heap, _Quotient(votes[q.i], 1 + step * seats[q.i], q.rank, q.i))


def allocate(
    votes: Sequence[int],
    registration_order: Sequence[int],
    rules: SeatRules,
    threshold_base_votes: int,
) -> SeatAllocation:
    """Allocate rules.total seats among the contestants that pass the (inclusive) threshold."""
    n = len(votes)
    if len(registration_order) != n:
        raise ValueError("votes and registration_order differ in length")
    if any(v < 0 for v in votes) or threshold_base_votes < 0:
        raise ValueError("votes and threshold_base_votes must be non-negative")
    bar = rules.threshold_pct * threshold_base_votes
    passes = threshold_base_votes > 0 or rules.threshold_pct == 0
    qualified = [passes and v * 100 >= bar for v in votes]
    # Tie-break key: lower registration_order first, then input position.
    rank = {i: (registration_order[i], i) for i in range(n)}
    runner_up = None
    if rules.min_seats_runner_up is not None and sum(qualified) == 1 and n > 1:
        others = [i for i in range(n) if not qualified[i]]
        runner_up = min(others, key=lambda i: (-votes[i], rank[i]))
        qualified[runner_up] = True
    chosen = [i for i in range(n) if qualified[i]]
    zero = Fraction(0)
    seats, quotas, rems = [0] * n, [zero] * n, [zero] * n
    quota: Fraction | None = None
    pool = sum(votes[i] for i in chosen)
    if pool > 0 and rules.total > 0:
        if rules.method == "largest_remainder_hare":
            quota = Fraction(pool, rules.total)
            for i in chosen:
                quotas[i] = votes[i] / quota
                seats[i] = math.floor(quotas[i])
                rems[i] = quotas[i] - seats[i]
            left = rules.total - sum(seats)
            for i in sorted(chosen, key=lambda i: (-rems[i], rank[i]))[:left]:
                seats[i] += 1
        else:
            step = 1 if rules.method == "dhondt" else 2
            _divisor_seats(votes, chosen, rank, step, rules.total, pool, seats)
            for i in chosen:
                if seats[i]:
                    quotas[i] = Fraction(votes[i], 1 + step * (seats[i] - 1))
    if runner_up is not None:
        first = next(i for i in chosen if i != runner_up)
        target = min(rules.min_seats_runner_up or 0, seats[first] + seats[runner_up])
        moved = max(0, target - seats[runner_up])
        seats[first] -= moved
        seats[runner_up] += moved
    return SeatAllocation(
        seats=tuple(seats),
        qualified=tuple(qualified),
        quotas=tuple(quotas),
        remainders=tuple(rems),
        runner_up_applied=runner_up is not None,
        quota=quota,
    )
