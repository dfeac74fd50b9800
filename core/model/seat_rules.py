"""The `seats` object of election.json (CONTRACT §1): method, threshold, runner-up rule."""

from __future__ import annotations

import math
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
