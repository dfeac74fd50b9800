"""An observer's copy of a protocol against the official figures of the same unit."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from core.model.election import IntArray
from core.rules.context import AuditContext
from core.rules.finding import ERROR, Finding, fmt
from core.rules.rule import Rule


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
            yield COMPARE_SOURCES.finding(ctx, unit, src, field, fv, ov, msg)


COMPARE_SOURCES = Rule(
    "compare.sources",
    ERROR,
    "An observer's copy of a protocol matches the official figures.",
    "F(observer) = F(official)",
    _compare,
    sheet_formula='IF(AND(ISNUMBER({F}),ISNUMBER({official:F})),{F}-{official:F},"")',
)
