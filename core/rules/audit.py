"""Run every rule over an election, and re-check one unit and its ancestors after an edit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from core.model.election import Election, IntArray
from core.model.restructure import Reshaped
from core.rules.catalogue import RULE_ORDER, RULES
from core.rules.context import AuditContext
from core.rules.finding import SEVERITIES, Finding


def _sort_key(f: Finding) -> tuple[int, int, str, str]:
    return (RULE_ORDER[f.rule], f.unit, f.source, f.field)


def evaluate(ctx: AuditContext, units: IntArray | None = None) -> list[Finding]:
    """Every rule over the given units (all units when None), for every source."""
    out: list[Finding] = []
    for source, figs in ctx.election.sources.items():
        sel = np.flatnonzero(figs.present) if units is None else units[figs.present[units]]
        if not sel.size:
            continue
        for rule in RULES:
            out.extend(rule.evaluate(ctx, source, sel))
    out.sort(key=_sort_key)
    return out


@dataclass
class AuditResult:
    election: Election
    findings: list[Finding]

    def summary(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.findings)
        return {s: counts.get(s, 0) for s in SEVERITIES}

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def run_audit(election: Election) -> AuditResult:
    """Every rule once, for a report; keeps nothing for later re-checks."""
    findings = evaluate(AuditContext(election, keep_covers=False))
    return AuditResult(election, findings)


class Auditor:
    """Holds an election's findings and keeps them current as single figures change."""

    def __init__(self, election: Election) -> None:
        self.election = election
        self.ctx = AuditContext(election)
        self.findings: dict[tuple[str, int, str, str], Finding] = {
            f.key: f for f in evaluate(self.ctx)
        }

    def result(self) -> AuditResult:
        return AuditResult(self.election, sorted(self.findings.values(), key=_sort_key))

    def affected(self, unit: int) -> list[int]:
        return [unit, *self.election.units.ancestors(unit)]

    def recheck(self, source: str, field: str, unit: int) -> tuple[list[Finding], list[Finding]]:
        """Re-run the rules on the unit and its ancestors after (source, field) changed there.

        Returns (removed, added) findings so a view can update just those.
        """
        self.ctx.forget(source, field, unit)
        chain = np.array(self.affected(unit), dtype=np.int64)
        in_chain = set(chain.tolist())
        removed = [f for k, f in self.findings.items() if k[1] in in_chain]
        for f in removed:
            del self.findings[f.key]
        added = evaluate(self.ctx, chain)
        for f in added:
            self.findings[f.key] = f
        return removed, added

    def reshape(self, r: Reshaped) -> None:
        """After a structure edit: findings follow their units (those of removed units go),
        and the units whose children changed, with all above them, are checked again."""
        if r.shift is not None:
            remap = r.shift.remap
            moved: dict[tuple[str, int, str, str], Finding] = {}
            for f in self.findings.values():
                u = int(remap[f.unit])
                if u >= 0:
                    g = f if u == f.unit else replace(f, unit=u)
                    moved[g.key] = g
            self.findings = moved
        units = self.ctx.reshape(r)
        if not units:
            return
        if r.renamed >= 0:
            units = sorted({*units, r.renamed})
        chain = np.array(units, dtype=np.int64)
        in_chain = set(units)
        for k in [k for k in self.findings if k[1] in in_chain]:
            del self.findings[k]
        for f in evaluate(self.ctx, chain):
            self.findings[f.key] = f
