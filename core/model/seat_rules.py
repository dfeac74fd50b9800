"""The `seats` object of election.json (CONTRACT §1): method, threshold, runner-up rule."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

METHODS = ("largest_remainder_hare", "dhondt", "sainte_lague")
THRESHOLD_BASES = ("valid", "ballots_cast")
TIE_BREAKS = ("registration_order",)
MAX_TOTAL = 10_000  # CONTRACT §1: seats.total is a whole number from 1 to 10,000


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
        """Build from the parsed JSON object with the contract's defaults; InvalidSeats names
        the first key whose value is of the wrong type or outside its range."""
        if not isinstance(obj, dict):
            raise InvalidSeats("seats", obj, "an object with total and method")
        total = _whole(obj, "total", 1, MAX_TOTAL, required=True)
        assert total is not None
        method = _choice(obj, "method", METHODS, None)
        pct = obj.get("threshold_pct", 0)
        if isinstance(pct, bool) or not isinstance(pct, int | float) or not math.isfinite(pct):
            raise InvalidSeats("seats.threshold_pct", pct, "a number from 0 to 100")
        if not 0 <= pct <= 100:
            raise InvalidSeats("seats.threshold_pct", pct, "a number from 0 to 100")
        minimum = _whole(obj, "min_seats_runner_up", 0, total, required=False)
        return cls(
            total=total,
            method=method,
            threshold_pct=Fraction(str(pct)),
            threshold_base=_choice(obj, "threshold_base", THRESHOLD_BASES, "valid"),
            min_seats_runner_up=minimum,
            tie_break=_choice(obj, "tie_break", TIE_BREAKS, "registration_order"),
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


class InvalidSeats(ValueError):
    """A `seats` value of the wrong type or out of range: the key, the value, what is allowed."""

    def __init__(self, key: str, value: object, allowed: str) -> None:
        self.key, self.value, self.allowed = key, value, allowed
        super().__init__(f"{key} must be {allowed}")


def _whole(obj: dict[str, object], key: str, low: int, high: int, required: bool) -> int | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidSeats(f"seats.{key}", value, f"a whole number from {low:,} to {high:,}")
    return value


def _choice(obj: dict[str, object], key: str, allowed: tuple[str, ...], default: str | None) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str) or value not in allowed:
        raise InvalidSeats(f"seats.{key}", value, "one of " + ", ".join(allowed))
    return value
