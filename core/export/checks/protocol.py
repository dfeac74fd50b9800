"""Δ columns for the protocol rules: the difference each rule's own balance gives."""

from __future__ import annotations

from typing import Any

import numpy as np

from core.export.checks.layout import Col, DepthSheet, cells, fill
from core.export.checks.plan import Plan
from core.model.election import BoolArray, IntArray
from core.rules.catalogue import RULE_BY_ID
from core.rules.protocol import BALANCES


def plan_protocol(plan: Plan, sh: DepthSheet, fig: dict[str, Any]) -> None:
    """One Δ column per protocol rule that this level's figures let the sheet check."""
    refs = plan.refs(sh)
    n = len(sh.units)

    def get(f: str) -> tuple[IntArray, BoolArray]:
        got: tuple[IntArray, BoolArray] | None = fig.get(f)
        return got if got is not None else (np.zeros(n, np.int64), np.zeros(n, bool))

    for rule, balance in BALANCES.items():
        formula = fill(RULE_BY_ID[rule].sheet_formula, refs)
        if formula is None or (rule == "protocol.valid_sum" and not plan.election.info.codes):
            continue
        b = balance(get, plan.election.info)
        label = rule.split(".", 1)[1]
        sh.add(
            Col(
                ("check", rule),
                f"Δ {label}",
                "delta",
                formula,
                cells(b.checked, b.difference()),
                [sh.index[("rep", b.field)]],
            )
        )
