"""Published percentages against the ones the reported figures give."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.model.election import SPECIAL_PCTS, IntArray
from core.rules.context import AuditContext
from core.rules.finding import WARNING, Finding, fmt
from core.rules.rule import Rule


@dataclass(frozen=True)
class PctTerms:
    """One published percentage column over the units where it can be checked."""

    name: str  # pct:...
    what: str  # the contestant code, or turnout / invalid / valid
    base_name: str
    units: IntArray
    published: npt.NDArray[np.float64]
    numerator: IntArray
    base: IntArray

    @property
    def computed(self) -> npt.NDArray[np.float64]:
        out: npt.NDArray[np.float64] = 100.0 * self.numerator / self.base
        return out


def numerator_of(what: str) -> str:
    """The count a published percentage is a share of: a contestant's votes, or for
    turnout the ballots cast, for invalid and valid those lines."""
    if what not in SPECIAL_PCTS:
        return f"votes:{what}"
    return "ballots_cast" if what == "turnout" else what


def pct_tolerance(decimals: int) -> float:
    """Half a unit of the last published decimal, plus 1e-9 (CONTRACT §2, pct.recomputed)."""
    return 0.5 * 10.0 ** (-decimals) + 1e-9


def pct_terms(ctx: AuditContext, src: str, units: IntArray) -> Iterator[PctTerms]:
    """Each published percentage with its numerator and base, where all three are reported
    and the base is not 0: what pct.recomputed checks, and what the plots draw."""
    figs = ctx.figs(src)
    for name, col in figs.columns.items():
        if not name.startswith("pct:"):
            continue
        what = name[4:]
        numer = figs.columns.get(numerator_of(what))
        if numer is None:
            continue
        base_name = ctx.info.base_of(what)
        base_vals, base_ok = ctx.base(src, base_name)
        if units.size == len(ctx.tree):  # every unit: masks over whole columns, no gathers
            u = np.flatnonzero(col.reported & numer.reported & base_ok & (base_vals > 0))
        else:
            u = units[col.reported[units] & numer.reported[units] & base_ok[units]]
            u = u[base_vals[u] > 0]
        yield PctTerms(name, what, base_name, u, col.values[u], numer.values[u], base_vals[u])


def _pct(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    d = ctx.info.pct_decimals
    tol = pct_tolerance(d)
    for t in pct_terms(ctx, src, units):
        computed = t.computed
        for i in np.flatnonzero(np.abs(t.published - computed) > tol):
            exp = round(float(computed[i]), d)
            pub = float(t.published[i])
            msg = (
                f"published {pub:.{d}f}% but {fmt(int(t.numerator[i]))} of "
                f"{fmt(int(t.base[i]))} {ctx.base_words(t.base_name)} is {exp:.{d}f}%"
            )
            label = ctx.pct_label(t.what)
            rule = PCT_RECOMPUTED
            yield Finding(
                rule.id, rule.severity, int(t.units[i]), src, t.name, exp, pub, f"{label}: {msg}"
            )


PCT_RECOMPUTED = Rule(
    "pct.recomputed",
    WARNING,
    "Each published percentage follows from the reported figures.",
    "|pct − 100 × numerator / base| ≤ ½ × 10^−pct_decimals",
    _pct,
    sheet_formula="IF(AND(ISNUMBER({pct}),ISNUMBER({numerator}),N({base})>0),"
    "IF(ABS({pct}-100*{numerator}/{base})>{tol},{pct}-100*{numerator}/{base},0),"
    '"")',
)
