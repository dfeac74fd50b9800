"""The published seats against the allocation the root's votes give."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from core.model.election import IntArray
from core.rules.context import AuditContext
from core.rules.finding import ERROR, Finding
from core.rules.rule import Rule


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
    from core.seats.allocation import allocate  # an election without seats never loads it

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
            rule = SEATS_ALLOCATION
            yield Finding(rule.id, rule.severity, root, src, f"seats:{ct.code}", exp, actual, msg)


SEATS_ALLOCATION = Rule(
    "seats.allocation",
    ERROR,
    "The published seats follow from the votes by the election's seat method.",
    "seats:* = allocate(votes:*, seats.total, seats.method, threshold)",
    _seats,
    sheet_formula="N({seats})-{allocated}",
)
