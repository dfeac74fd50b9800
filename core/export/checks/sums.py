"""Δ columns for sums over the tree: each total against the cover of units below it."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from xlsxwriter.utility import xl_col_to_name

from core.export.checks.layout import (
    NOT_COVERED,
    ROW,
    Cached,
    Col,
    DepthSheet,
    cells,
    fill,
    sheet_ref,
)
from core.export.checks.plan import Plan
from core.rules.catalogue import RULE_BY_ID


def plan_sums(plan: Plan, sh: DepthSheet, fig: dict[str, Any], kids: npt.NDArray[Any]) -> None:
    d = sh.depth
    child = plan.sheets[d + 1]
    template = RULE_BY_ID["sum.children"].sheet_formula
    n = len(sh.units)
    for f in plan.count_fields:
        top = plan.top[f]
        if top is None or d < top:
            continue
        # What each unit below passes up: its own F, or its own covered sum.
        up_key = child.index.get(("up", f), child.index.get(("rep", f)))
        below_ok = np.zeros(n, bool)
        below = np.zeros(n, np.int64)
        for s in plan.sources:
            col = plan.election.sources[s].columns.get(f)
            if col is None:
                continue
            cov = plan.ctx.cover(s, f)
            sel = sh.masks[s]
            u = sh.units[sel]
            below_ok[sel] = (cov.kids[u] > 0) & (cov.ok[u] == cov.kids[u])
            below[sel] = cov.total[u]
        below_ref = None
        if up_key is not None:
            up = sheet_ref(child.name, up_key, 1, max(1, len(child.units)))
            pc, sc = child.span(("parent_id",)), child.span(("source",))
            crit = f"{pc},$A{ROW},{sc},$D{ROW}"
            formula = (
                f'IF($E{ROW}>0,IF(COUNTIFS({up},">=0",{crit})=$E{ROW},SUMIFS({up},{crit}),""),"")'
            )
            i = sh.add(Col(("below", f), f"Σ {f} below", "count", formula, cells(below_ok, below)))
            below_ref = f"{xl_col_to_name(i)}{ROW}"
        else:
            below_ok[:] = False
        if f in fig and below_ref is not None and d > 0:  # the root passes nothing up
            rep_ref = f"{sh.letter(('rep', f))}{ROW}"
            vals, rep = fig[f]
            sh.add(
                Col(
                    ("up", f),
                    f"{f} passed up",
                    "count",
                    f"IF(ISNUMBER({rep_ref}),{rep_ref},{below_ref})",
                    cells(rep | below_ok, np.where(rep, vals, below)),
                )
            )
        elif below_ref is not None:
            sh.index[("up", f)] = sh.index[("below", f)]
        if f in fig:
            refs = {
                "F": f"{sh.letter(('rep', f))}{ROW}",
                "below:F": below_ref or '""',
                "kids": f"$E{ROW}",
            }
            check = fill(template, refs)
            assert check is not None
            vals, rep = fig[f]
            values: Cached = []
            for r, ok, v, b, k in zip(
                rep.tolist(),
                below_ok.tolist(),
                vals.tolist(),
                below.tolist(),
                kids.tolist(),
                strict=True,
            ):
                values.append((v - b if ok else (NOT_COVERED if k > 0 else "")) if r else "")
            sh.add(
                Col(
                    ("check", "sum", f),
                    f"Δ {f} vs below",
                    "delta",
                    check,
                    values,
                    [sh.index[("rep", f)]],
                )
            )
