"""Sums over the tree: each total against the cover of units below it (CONTRACT §2)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from core.model.election import IntArray
from core.rules.context import AuditContext
from core.rules.finding import ERROR, INFO, Finding, fmt
from core.rules.rule import Rule


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
            yield SUM_CHILDREN.finding(ctx, unit, src, field, e, a, msg)
        for i in np.flatnonzero(~covered):
            unit = int(u[i])
            a = int(col.values[unit])
            ok, kids = int(cover.ok[unit]), int(cover.kids[unit])
            msg = (
                f"{label} {fmt(a)} cannot be verified from below: "
                f"{ok} of {kids} units below report it or are covered"
            )
            yield SUM_INCOMPLETE.finding(ctx, unit, src, field, None, a, msg)


_SUM_SHEET_FORMULA = (
    'IF(ISNUMBER({F}),IF(ISNUMBER({below:F}),{F}-{below:F},IF({kids}>0,"not covered","")),"")'
)

SUM_CHILDREN = Rule(
    "sum.children",
    ERROR,
    "Each total equals the sum of the units below it that report it.",
    "F(unit) = Σ F(cover below unit)",
    _sum_rules,
    sheet_formula=_SUM_SHEET_FORMULA,
)

SUM_INCOMPLETE = Rule(
    "sum.incomplete",
    INFO,
    "A total that the units below do not fully report cannot be verified from below.",
    "F(unit) reported, F not covered below",
    lambda ctx, src, units: iter(()),  # emitted together with sum.children, one pass
    sheet_formula=_SUM_SHEET_FORMULA,  # the same cell: "not covered" instead of a number
)
