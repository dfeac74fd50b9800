"""A rule's one declaration (DESIGN principle 1): what the panel, tooltip, export and CLI read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from core.model.election import Column, IntArray, SourceFigures
from core.rules.context import AuditContext
from core.rules.finding import Finding, Number

Evaluator = Callable[[AuditContext, str, IntArray], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """ID, severity, a sentence for people, the formula as text, and the vectorised evaluator."""

    id: str
    severity: str
    sentence: str
    formula: str
    evaluate: Evaluator
    # The Checks sheet's difference cell, as a template the export fills with cell references
    # (`{field}` a cell of the row, `{?field}` 0 when the sheet has no such column, `{~field}`
    # empty text then); a non-zero number there is a finding.
    sheet_formula: str = ""

    def finding(
        self,
        ctx: AuditContext,
        unit: int,
        source: str,
        field: str,
        exp: Number,
        act: Number,
        message: str,
    ) -> Finding:
        """A finding of this rule at a unit, its message opening with the unit's name."""
        return Finding(
            self.id, self.severity, unit, source, field, exp, act, f"{ctx.name(unit)}: {message}"
        )


def columns(figs: SourceFigures, *names: str) -> list[Column] | None:
    """The named columns of a source, or None if any of them is missing."""
    cols = [figs.columns.get(n) for n in names]
    return None if any(c is None for c in cols) else [c for c in cols if c is not None]


def reporting(units: IntArray, cols: list[Column]) -> IntArray:
    """The units that report every one of the columns."""
    keep = np.ones(units.size, dtype=bool)
    for c in cols:
        keep &= c.reported[units]
    return units[keep]
