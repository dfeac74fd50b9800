"""The rule catalogue (CONTRACT §2): one declaration per rule, with its vectorised evaluator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from core.model import SPECIAL_PCTS, Column, IntArray, SourceFigures
from core.seats import allocate

if TYPE_CHECKING:
    from core.audit import AuditContext

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

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


Evaluator = Callable[["AuditContext", str, IntArray], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's one declaration: what the findings panel, tooltip, export and CLI all read."""

    id: str
    severity: str
    sentence: str
    formula: str
    evaluate: Evaluator
    # The Checks sheet's difference cell, as a template the export fills with cell references
    # (`{field}` a cell of the row, `{?field}` 0 when the sheet has no such column); a
    # non-zero number there is a finding.
    sheet_formula: str = ""


def fmt(n: Number) -> str:
    if n is None:
        return "not reported"
    if isinstance(n, float):
        return f"{n:,.{2 if abs(n) < 1e6 else 0}f}"
    return f"{n:,}"


def _cols(figs: SourceFigures, *names: str) -> list[Column] | None:
    cols = [figs.columns.get(n) for n in names]
    return None if any(c is None for c in cols) else [c for c in cols if c is not None]


def _mask(units: IntArray, cols: list[Column]) -> IntArray:
    keep = np.ones(units.size, dtype=bool)
    for c in cols:
        keep &= c.reported[units]
    return units[keep]


def _finding(
    ctx: AuditContext, rule: str, u: int, src: str, field: str, exp: Number, act: Number, msg: str
) -> Finding:
    return Finding(rule, RULE_SEVERITY[rule], u, src, field, exp, act, f"{ctx.name(u)}: {msg}")


# --- protocol rules ----------------------------------------------------------------------------


def _valid_sum(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    figs = ctx.figs(src)
    codes = ctx.info.codes
    cols = _cols(figs, "valid", *(f"votes:{c}" for c in codes))
    if cols is None or not codes:
        return
    u = _mask(units, cols)
    total = np.zeros(u.size, dtype=np.int64)
    for c in cols[1:]:
        total += c.values[u]
    valid = cols[0].values[u]
    for i in np.flatnonzero(total != valid):
        s, v = int(total[i]), int(valid[i])
        msg = f"the votes add up to {fmt(s)} but valid ballots are {fmt(v)}"
        yield _finding(ctx, "protocol.valid_sum", int(u[i]), src, "valid", s, v, msg)


def _cast_balance(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    cols = _cols(ctx.figs(src), "valid", "invalid", "ballots_cast")
    if cols is None:
        return
    u = _mask(units, cols)
    valid, invalid, cast = (c.values[u] for c in cols)
    for i in np.flatnonzero(valid + invalid != cast):
        s = int(valid[i] + invalid[i])
        msg = (
            f"valid {fmt(int(valid[i]))} + invalid {fmt(int(invalid[i]))} = {fmt(s)}, "
            f"but ballots cast are {fmt(int(cast[i]))}"
        )
        yield _finding(
            ctx, "protocol.cast_balance", int(u[i]), src, "ballots_cast", s, int(cast[i]), msg
        )


def _ballot_account(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    figs = ctx.figs(src)
    cols = _cols(figs, "ballots_received", "ballots_issued", "ballots_unused")
    if cols is None:
        return
    u = _mask(units, cols)
    received, issued, unused = (c.values[u] for c in cols)
    expected = issued + unused
    for name, sign in (("ballots_spoiled", 1), ("ballots_lost", 1), ("ballots_unaccounted", -1)):
        col = figs.columns.get(name)
        if col is not None:
            expected = expected + sign * np.where(col.reported[u], col.values[u], 0)
    for i in np.flatnonzero(expected != received):
        e, a = int(expected[i]), int(received[i])
        msg = (
            f"ballots received are {fmt(a)}, but issued + unused + spoiled + lost − unaccounted "
            f"= {fmt(e)}"
        )
        yield _finding(
            ctx, "protocol.ballot_account", int(u[i]), src, "ballots_received", e, a, msg
        )


def _exceeds(rule: str, limit: str, words: str) -> Evaluator:
    def evaluate(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
        cols = _cols(ctx.figs(src), "ballots_cast", limit)
        if cols is None:
            return
        u = _mask(units, cols)
        cast, lim = cols[0].values[u], cols[1].values[u]
        for i in np.flatnonzero(cast > lim):
            c, m = int(cast[i]), int(lim[i])
            msg = f"{fmt(c)} ballots cast but only {fmt(m)} {words}"
            yield _finding(ctx, rule, int(u[i]), src, "ballots_cast", m, c, msg)

    return evaluate


# --- sums over the tree ------------------------------------------------------------------------


def _sum_rules(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    figs = ctx.figs(src)
    for field in ctx.info.count_fields():
        col = figs.columns.get(field)
        if col is None:
            continue
        cover = ctx.cover(src, field)
        u = units[col.reported[units] & (cover.kids[units] > 0)]
        covered = cover.ok[u] == cover.kids[u]
        label = ctx.field_label(field)
        for i in np.flatnonzero(covered & (cover.total[u] != col.values[u])):
            unit = int(u[i])
            a, e = int(col.values[unit]), int(cover.total[unit])
            msg = (
                f"{label} is {fmt(a)} but the units below add up to {fmt(e)} "
                f"(difference {a - e:+,})"
            )
            yield _finding(ctx, "sum.children", unit, src, field, e, a, msg)
        for i in np.flatnonzero(~covered):
            unit = int(u[i])
            a = int(col.values[unit])
            ok, kids = int(cover.ok[unit]), int(cover.kids[unit])
            msg = (
                f"{label} {fmt(a)} cannot be verified from below: "
                f"{ok} of {kids} units below report it or are covered"
            )
            yield _finding(ctx, "sum.incomplete", unit, src, field, None, a, msg)


# --- percentages -------------------------------------------------------------------------------


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
        numer_name = f"votes:{what}"
        if what in SPECIAL_PCTS:
            numer_name = "ballots_cast" if what == "turnout" else what
        numer = figs.columns.get(numer_name)
        if numer is None:
            continue
        base_name = ctx.info.base_of(what)
        base_vals, base_ok = ctx.base(src, base_name)
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
            yield Finding(
                "pct.recomputed", WARNING, int(t.units[i]), src, t.name, exp, pub, f"{label}: {msg}"
            )


# --- seats -------------------------------------------------------------------------------------


def _seats(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    rules = ctx.info.seats
    root = ctx.tree.root
    figs = ctx.figs(src)
    if rules is None or root not in set(units.tolist()) or not figs.present[root]:
        return
    codes = ctx.info.codes
    reported = [figs.value(f"seats:{c}", root) for c in codes]
    votes = [figs.value(f"votes:{c}", root) for c in codes]
    if all(s is None for s in reported) or all(v is None for v in votes):
        return
    base_vals, base_ok = ctx.base(src, rules.threshold_base)
    if not base_ok[root]:
        return
    alloc = allocate(
        [int(v or 0) for v in votes],
        [c.registration_order for c in ctx.info.contestants],
        rules,
        int(base_vals[root]),
    )
    method = rules.method.replace("_", " ")
    for ct, rep, exp in zip(ctx.info.contestants, reported, alloc.seats, strict=True):
        actual = int(rep or 0)
        if actual != exp:
            msg = (
                f"{ct.name}: published {actual} seats but {method} on the reported votes "
                f"({rules.total} seats, threshold {float(Fraction(rules.threshold_pct)):g}%) "
                f"gives {exp}"
            )
            yield Finding(
                "seats.allocation", ERROR, root, src, f"seats:{ct.code}", exp, actual, msg
            )


# --- observer against official -----------------------------------------------------------------


def _compare(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    if src != "observer" or "official" not in ctx.election.sources:
        return
    obs, off = ctx.figs("observer"), ctx.figs("official")
    u = units[off.present[units]]
    for field in ctx.info.count_fields():
        a, b = obs.columns.get(field), off.columns.get(field)
        if a is None or b is None:
            continue
        both = u[a.reported[u] & b.reported[u]]
        for i in np.flatnonzero(a.values[both] != b.values[both]):
            unit = int(both[i])
            ov, fv = int(a.values[unit]), int(b.values[unit])
            msg = (
                f"{ctx.field_label(field)} is {fmt(ov)} on the observer's copy but {fmt(fv)} "
                f"in the official results"
            )
            yield _finding(ctx, "compare.sources", unit, src, field, fv, ov, msg)


_SUM_SHEET_FORMULA = (
    'IF(ISNUMBER({F}),IF(ISNUMBER({below:F}),{F}-{below:F},IF({kids}>0,"not covered","")),"")'
)

RULES: tuple[Rule, ...] = (
    Rule(
        "protocol.valid_sum",
        ERROR,
        "The votes for all contestants add up to the valid ballots.",
        "valid = Σ votes:*",
        _valid_sum,
        sheet_formula="IF(AND(ISNUMBER({valid}),COUNT({votes:*})={n:votes}),"
        '{valid}-SUM({votes:*}),"")',
    ),
    Rule(
        "protocol.cast_balance",
        ERROR,
        "Valid and invalid ballots add up to the ballots cast.",
        "ballots_cast = valid + invalid",
        _cast_balance,
        sheet_formula="IF(COUNT({valid},{invalid},{ballots_cast})=3,"
        '{ballots_cast}-({valid}+{invalid}),"")',
    ),
    Rule(
        "protocol.ballot_account",
        ERROR,
        "Every ballot received is accounted for: issued, unused, spoiled or lost.",
        "ballots_received = ballots_issued + ballots_unused + ballots_spoiled + ballots_lost"
        " − ballots_unaccounted",
        _ballot_account,
        sheet_formula="IF(COUNT({ballots_received},{ballots_issued},{ballots_unused})=3,"
        "{ballots_received}-(SUM({ballots_issued},{ballots_unused},{?ballots_spoiled},"
        '{?ballots_lost})-SUM({?ballots_unaccounted})),"")',
    ),
    Rule(
        "protocol.cast_exceeds_issued",
        ERROR,
        "No more ballots are found in the boxes than were issued.",
        "ballots_cast ≤ ballots_issued",
        _exceeds("protocol.cast_exceeds_issued", "ballots_issued", "issued"),
        sheet_formula="IF(COUNT({ballots_cast},{ballots_issued})=2,"
        'MAX(0,{ballots_cast}-{ballots_issued}),"")',
    ),
    Rule(
        "protocol.cast_exceeds_registered",
        ERROR,
        "No more ballots are cast than there are voters on the list.",
        "ballots_cast ≤ registered",
        _exceeds("protocol.cast_exceeds_registered", "registered", "voters registered"),
        sheet_formula="IF(COUNT({ballots_cast},{registered})=2,"
        'MAX(0,{ballots_cast}-{registered}),"")',
    ),
    Rule(
        "sum.children",
        ERROR,
        "Each total equals the sum of the units below it that report it.",
        "F(unit) = Σ F(cover below unit)",
        _sum_rules,
        sheet_formula=_SUM_SHEET_FORMULA,
    ),
    Rule(
        "sum.incomplete",
        INFO,
        "A total that the units below do not fully report cannot be verified from below.",
        "F(unit) reported, F not covered below",
        lambda ctx, src, units: iter(()),  # emitted together with sum.children, one pass
        sheet_formula=_SUM_SHEET_FORMULA,  # the same cell: "not covered" instead of a number
    ),
    Rule(
        "pct.recomputed",
        WARNING,
        "Each published percentage follows from the reported figures.",
        "|pct − 100 × numerator / base| ≤ ½ × 10^−pct_decimals",
        _pct,
        sheet_formula="IF(AND(ISNUMBER({pct}),ISNUMBER({numerator}),N({base})>0),"
        "IF(ABS({pct}-100*{numerator}/{base})>{tol},{pct}-100*{numerator}/{base},0),"
        '"")',
    ),
    Rule(
        "seats.allocation",
        ERROR,
        "The published seats follow from the votes by the election's seat method.",
        "seats:* = allocate(votes:*, seats.total, seats.method, threshold)",
        _seats,
        sheet_formula="N({seats})-{allocated}",
    ),
    Rule(
        "compare.sources",
        ERROR,
        "An observer's copy of a protocol matches the official figures.",
        "F(observer) = F(official)",
        _compare,
        sheet_formula='IF(AND(ISNUMBER({F}),ISNUMBER({official:F})),{F}-{official:F},"")',
    ),
)
RULE_SEVERITY = {r.id: r.severity for r in RULES}
RULE_BY_ID = {r.id: r for r in RULES}
RULE_ORDER = {r.id: i for i, r in enumerate(RULES)}
