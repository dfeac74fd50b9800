"""Seat allocation (largest remainder Hare, D'Hondt, Sainte-Laguë) in exact arithmetic."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

METHODS = ("largest_remainder_hare", "dhondt", "sainte_lague")
THRESHOLD_BASES = ("valid", "ballots_cast")
TIE_BREAKS = ("registration_order",)


@dataclass(frozen=True)
class SeatRules:
    """The `seats` object of election.json (CONTRACT §1)."""

    total: int
    method: str
    threshold_pct: Fraction
    threshold_base: str
    min_seats_runner_up: int | None
    tie_break: str = "registration_order"

    def __post_init__(self) -> None:
        if self.total < 0:
            raise ValueError(f"seats.total must be >= 0, got {self.total}")
        if self.method not in METHODS:
            raise ValueError(f"seats.method must be one of {METHODS}, got {self.method!r}")
        if not 0 <= self.threshold_pct <= 100:
            raise ValueError(f"seats.threshold_pct must be in [0, 100], got {self.threshold_pct}")
        if self.threshold_base not in THRESHOLD_BASES:
            raise ValueError(
                f"seats.threshold_base must be one of {THRESHOLD_BASES}, "
                f"got {self.threshold_base!r}"
            )
        if self.min_seats_runner_up is not None and self.min_seats_runner_up < 0:
            raise ValueError(
                f"seats.min_seats_runner_up must be >= 0, got {self.min_seats_runner_up}"
            )
        if self.tie_break not in TIE_BREAKS:
            raise ValueError(f"seats.tie_break must be one of {TIE_BREAKS}, got {self.tie_break!r}")

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> SeatRules:
        """Build from the parsed JSON object; raise ValueError naming the bad field."""
        if not isinstance(obj, dict):
            raise ValueError(f"seats must be an object, got {type(obj).__name__}")
        total = _json_int(obj, "total")
        pct = obj.get("threshold_pct")
        if isinstance(pct, bool) or not isinstance(pct, int | float) or not math.isfinite(pct):
            raise ValueError(f"seats.threshold_pct must be a finite number, got {pct!r}")
        minimum = (
            None
            if obj.get("min_seats_runner_up") is None
            else _json_int(obj, "min_seats_runner_up")
        )
        return cls(
            total=total,
            method=_json_str(obj, "method"),
            threshold_pct=Fraction(str(pct)),
            threshold_base=_json_str(obj, "threshold_base"),
            min_seats_runner_up=minimum,
            tie_break=_json_str(obj, "tie_break", "registration_order"),
        )

    def to_json(self) -> dict[str, object]:
        """The JSON object; from_json(to_json()) gives back an equal SeatRules."""
        pct = self.threshold_pct
        out: dict[str, object] = {
            "total": self.total,
            "method": self.method,
            "threshold_pct": pct.numerator if pct.denominator == 1 else float(pct),
            "threshold_base": self.threshold_base,
        }
        if self.min_seats_runner_up is not None:
            out["min_seats_runner_up"] = self.min_seats_runner_up
        out["tie_break"] = self.tie_break
        return out


def _json_int(obj: dict[str, object], key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"seats.{key} must be an integer, got {value!r}")
    return value


def _json_str(obj: dict[str, object], key: str, default: str | None = None) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"seats.{key} must be a string, got {value!r}")
    return value


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
