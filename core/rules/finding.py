"""A finding: one disagreement the rules found, with both values; and how figures are written."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO, SIGNAL = "error", "warning", "info", "signal"
# What the audit's rules give, and what its summary always counts. A statistical screen's
# `signal` comes after them: counted apart, only when asked for, never in the exit status.
AUDIT_SEVERITIES = (ERROR, WARNING, INFO)
SEVERITIES = (*AUDIT_SEVERITIES, SIGNAL)

Number = int | float | None


@dataclass(frozen=True)
class Finding:
    """One disagreement: which rule, where (unit, source, field), both values, and why."""

    rule: str
    severity: str
    unit: int
    source: str
    field: str
    expected: Number
    actual: Number
    message: str

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.rule, self.unit, self.source, self.field)


def fmt(n: Number) -> str:
    if n is None:
        return "not reported"
    if isinstance(n, float):
        return f"{n:,.{2 if abs(n) < 1e6 else 0}f}"
    return f"{n:,}"
