"""Findings indexed by cell and counted over each unit's subtree, kept current per change."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from core.model.election import UnitTree
from core.model.growth import resized
from core.model.restructure import Reshaped
from core.rules.finding import SEVERITIES, Finding

CellKey = tuple[int, str, str]  # (unit, source, field)
SEVERITY_COLUMN = {s: i for i, s in enumerate(SEVERITIES)}


class FindingIndex:
    """What the views ask about findings: those on one cell, and counts below one unit."""

    def __init__(self, tree: UnitTree, findings: Iterable[Finding]) -> None:
        self._build(tree, findings)

    def _build(self, tree: UnitTree, findings: Iterable[Finding]) -> None:
        self.tree = tree
        self.by_cell: dict[CellKey, list[Finding]] = {}
        # counts[u, s]: findings of severity s on u and every unit below it.
        self.counts = np.zeros((len(tree), len(SEVERITIES)), dtype=np.int64)
        own = np.zeros_like(self.counts)
        for f in findings:
            self.by_cell.setdefault((f.unit, f.source, f.field), []).append(f)
            own[f.unit, SEVERITY_COLUMN[f.severity]] += 1
        self.counts += own
        # Bottom-up by depth: each level passes its subtree counts to its parents at once.
        depth = tree.depth
        for d in range(int(depth.max(initial=0)), 0, -1):
            units = np.flatnonzero(depth == d)
            for s in range(len(SEVERITIES)):
                self.counts[:, s] += np.bincount(
                    tree.parent[units], weights=self.counts[units, s], minlength=len(tree)
                ).astype(np.int64)

    def on_cell(self, unit: int, source: str, field: str) -> list[Finding]:
        return self.by_cell.get((unit, source, field), [])

    def totals(self) -> dict[str, int]:
        """Findings by severity over the whole election."""
        root_rows = np.flatnonzero(self.tree.parent < 0)
        sums = self.counts[root_rows].sum(axis=0)
        return {s: int(sums[i]) for i, s in enumerate(SEVERITIES)}

    def update(self, removed: Iterable[Finding], added: Iterable[Finding]) -> set[int]:
        """Apply a change's findings; returns the units whose counts changed."""
        touched: set[int] = set()
        for f, step in [*((f, -1) for f in removed), *((f, 1) for f in added)]:
            key = (f.unit, f.source, f.field)
            if step < 0:
                kept = [g for g in self.by_cell.get(key, []) if g != f]
                if kept:
                    self.by_cell[key] = kept
                else:
                    self.by_cell.pop(key, None)
            else:
                self.by_cell.setdefault(key, []).append(f)
            chain = [f.unit, *self.tree.ancestors(f.unit)]
            self.counts[chain, SEVERITY_COLUMN[f.severity]] += step
            touched.update(chain)
        return touched

    def reshape(
        self,
        r: Reshaped,
        live: Iterable[Finding],
        removed: Iterable[Finding],
        added: Iterable[Finding],
    ) -> None:
        """After a structure edit. Units that kept their positions (units appended, one unit
        moved) are updated in place; otherwise positions changed and the index is rebuilt
        from the live findings."""
        tree = self.tree
        moved_many = r.moved is None and r.dirty.size and not r.added.size and r.renamed < 0
        if r.shift is not None or moved_many:
            self._build(tree, live)
            return
        self.counts = resized(self.counts, len(tree))
        if r.moved is not None:
            unit, old, new = r.moved
            below = self.counts[unit].copy()
            self.counts[[old, *tree.ancestors(old)]] -= below
            self.counts[[new, *tree.ancestors(new)]] += below
        self.update(removed, added)
