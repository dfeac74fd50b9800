"""Δ columns for observer copies against the official row of the same unit."""

from __future__ import annotations

from typing import Any

from core.export.checks.layout import ROW, Cached, Col, DepthSheet, fill
from core.export.checks.plan import Plan
from core.rules.catalogue import RULE_BY_ID


def plan_compare(plan: Plan, sh: DepthSheet, fig: dict[str, Any]) -> None:
    if "observer" not in plan.election.sources or "official" not in plan.election.sources:
        return
    obs, off = plan.election.sources["observer"], plan.election.sources["official"]
    rows = [
        (r, sh.row_of[(u, "official")])
        for (u, s), r in sh.row_of.items()
        if s == "observer" and (u, "official") in sh.row_of
    ]
    if not rows:
        return
    template = RULE_BY_ID["compare.sources"].sheet_formula
    for f in plan.count_fields:
        if f not in fig or f not in obs.columns or f not in off.columns:
            continue
        vals, rep = fig[f]
        letter = sh.letter(("rep", f))
        values: Cached = [None] * len(sh.units)
        formulas: dict[int, str] = {}
        for r, o in rows:
            # The official row of the same unit sits on this sheet: a direct reference.
            refs = {"F": f"{letter}{ROW}", "official:F": f"{letter}{o + 2}"}
            formulas[r] = fill(template, refs) or ""
            values[r] = int(vals[r] - vals[o]) if rep[r] and rep[o] else ""
        sh.add(
            Col(
                ("check", "compare", f),
                f"Δ {f} observer − official",
                "delta",
                values=values,
                row_formulas=formulas,
                colours=[sh.index[("rep", f)]],
            )
        )
