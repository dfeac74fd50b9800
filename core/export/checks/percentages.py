"""Δ columns for published percentages, with the valid-vote base when valid is missing."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from xlsxwriter.utility import xl_col_to_name

from core.export.checks.layout import ROW, Col, DepthSheet, cells, fill
from core.export.checks.plan import Plan
from core.rules.catalogue import RULE_BY_ID
from core.rules.percentages import numerator_of, pct_tolerance


def plan_percentages(plan: Plan, sh: DepthSheet, fig: dict[str, Any]) -> None:
    """One Δ column per published percentage whose numerator and base this level has."""
    info = plan.election.info
    tol = pct_tolerance(info.pct_decimals)
    codes = info.codes
    template = RULE_BY_ID["pct.recomputed"].sheet_formula
    base_cols: dict[str, tuple[str, npt.NDArray[Any], npt.NDArray[Any]]] = {}
    for p in plan.pct_fields:
        if p not in fig:
            continue
        what = p[4:]
        numer = numerator_of(what)
        base = info.base_of(what)
        if numer not in fig:
            continue
        if base not in base_cols:
            got = _base(plan, sh, fig, base, codes)
            if got is None:
                continue
            base_cols[base] = got
        bref, bvals, bok = base_cols[base]
        refs = {
            "pct": f"{sh.letter(('rep', p))}{ROW}",
            "numerator": f"{sh.letter(('rep', numer))}{ROW}",
            "base": bref,
            "tol": repr(tol),
        }
        formula = fill(template, refs)
        assert formula is not None
        pub, prep = fig[p]
        num, nrep = fig[numer]
        ok = prep & nrep & bok & (bvals > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            d = pub - 100.0 * num / np.where(ok, bvals, 1)
        diff = np.where(np.abs(d) > tol, d, 0.0)
        sh.add(
            Col(
                ("check", "pct.recomputed", p),
                f"Δ {p}",
                "dpct",
                formula,
                cells(ok, diff),
                [sh.index[("rep", p)]],
            )
        )


def _base(
    plan: Plan, sh: DepthSheet, fig: dict[str, Any], base: str, codes: list[str]
) -> tuple[str, npt.NDArray[Any], npt.NDArray[Any]] | None:
    """The cell a percentage is taken of: the base's own column, or for `valid` a column
    that falls back on the sum of the votes (the rule's own percent base)."""
    n = len(sh.units)
    if base != "valid":
        if base not in fig:
            return None
        vals, rep = fig[base]
        return f"{sh.letter(('rep', base))}{ROW}", vals, rep
    refs = plan.refs(sh)
    have_votes = "votes:*" in refs and codes
    if not have_votes:
        if "valid" not in fig:
            return None
        vals, rep = fig["valid"]
        return f"{sh.letter(('rep', 'valid'))}{ROW}", vals, rep
    total = np.zeros(n, np.int64)
    all_rep = np.ones(n, bool)
    for c in codes:
        v, r = fig.get(f"votes:{c}", (np.zeros(n, np.int64), np.zeros(n, bool)))
        total += v
        all_rep &= r
    votes_part = f'IF(COUNT({refs["votes:*"]})={len(codes)},SUM({refs["votes:*"]}),"")'
    if "valid" in fig:
        valid, vrep = fig["valid"]
        formula = f"IF(ISNUMBER({refs['valid']}),{refs['valid']},{votes_part})"
        vals, ok = np.where(vrep, valid, total), vrep | all_rep
    else:
        formula, vals, ok = votes_part, total, all_rep
    i = sh.add(Col(("base", "valid"), "valid base", "count", formula, cells(ok, vals)))
    return f"{xl_col_to_name(i)}{ROW}", vals, ok
