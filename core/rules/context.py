"""What the rules read: the election, and its caches (covers, percent bases) kept up to date."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.model.election import BoolArray, Election, ElectionInfo, IntArray, SourceFigures, UnitTree
from core.model.growth import follow
from core.model.restructure import Reshaped
from core.rules.cover import Cover, build_cover, units_by_depth, update_chain, update_units

_BASE_WORDS = {
    "valid": "valid votes",
    "ballots_cast": "ballots cast",
    "registered": "registered voters",
    "ballots_issued": "ballots issued",
    "ballots_received": "ballots received",
}
_PCT_LABELS = {"turnout": "Turnout", "invalid": "Invalid ballots", "valid": "Valid ballots"}


@dataclass
class AuditContext:
    """What the rules read: the election, and caches (covers, percent bases) kept up to date."""

    election: Election
    keep_covers: bool = True  # a one-shot audit drops each cover once it is checked
    _by_depth: list[IntArray] | None = None
    _covers: dict[tuple[str, str], Cover] = field(default_factory=dict)
    _bases: dict[tuple[str, str], tuple[IntArray, BoolArray]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._names = {c.code: c.name for c in self.election.info.contestants}

    @property
    def info(self) -> ElectionInfo:
        return self.election.info

    @property
    def tree(self) -> UnitTree:
        return self.election.units

    def figs(self, source: str) -> SourceFigures:
        return self.election.sources[source]

    def name(self, unit: int) -> str:
        return self.tree.names[unit]

    def field_label(self, field: str) -> str:
        kind, _, code = field.partition(":")
        if code:
            return f"{self._names.get(code, code)} {kind}"
        return field.replace("_", " ")

    def pct_label(self, what: str) -> str:
        return _PCT_LABELS.get(what) or self._names.get(what, what)

    def base_words(self, base: str) -> str:
        return _BASE_WORDS.get(base, base.replace("_", " "))

    def cover(self, source: str, field: str) -> Cover:
        key = (source, field)
        cov = self._covers.get(key)
        if cov is None:
            if self._by_depth is None:
                self._by_depth = units_by_depth(self.tree)  # again after the tree changed
            cov = build_cover(
                self.tree, self._by_depth, self.figs(source), self.figs(source).columns[field]
            )
            self._covers[key] = cov
        return cov

    def base(self, source: str, base: str) -> tuple[IntArray, BoolArray]:
        """A percent base: the reported field, or for `valid` the sum of votes if all reported."""
        key = (source, base)
        cached = self._bases.get(key)
        if cached is None:
            cached = self._compute_base(source, base)
            self._bases[key] = cached
        return cached

    def _compute_base(
        self, source: str, base: str, units: IntArray | slice = slice(None)
    ) -> tuple[IntArray, BoolArray]:
        """The base for the given units (all by default), from their own figures only."""
        figs = self.figs(source)
        n = len(self.tree) if isinstance(units, slice) else len(units)
        col = figs.columns.get(base)
        values = col.values[units].copy() if col is not None else np.zeros(n, np.int64)
        ok = col.reported[units].copy() if col is not None else np.zeros(n, bool)
        if base == "valid":
            votes = [figs.columns.get(f"votes:{c}") for c in self.info.codes]
            if votes and all(v is not None for v in votes):
                total = np.zeros(n, np.int64)
                all_rep = np.ones(n, bool)
                for v in votes:
                    assert v is not None
                    total += v.values[units]
                    all_rep &= v.reported[units]
                fill = ~ok & all_rep
                values[fill] = total[fill]
                ok |= fill
        return values, ok

    def forget(self, source: str, field: str, unit: int) -> None:
        """After an edit of (source, field) at unit: bring the caches up to date."""
        figs = self.figs(source)
        cov = self._covers.get((source, field))
        if cov is not None and field in figs.columns:
            update_chain(self.tree, figs, figs.columns[field], cov, unit)
        parent = int(self.tree.parent[unit])
        if parent >= 0:
            # Other fields' covers change only if the unit's row is new to this source.
            present_kids = int(np.count_nonzero(figs.present[self.tree.children(parent)]))
            for (src, fld), other in self._covers.items():
                if src == source and fld != field and other.kids[parent] != present_kids:
                    update_chain(self.tree, figs, figs.columns[fld], other, unit)
        at = np.array([unit], dtype=np.int64)
        for (src, name), (values, ok) in self._bases.items():
            if src == source:
                v, k = self._compute_base(source, name, at)
                values[unit], ok[unit] = v[0], k[0]

    def reshape(self, r: Reshaped) -> list[int]:
        """After a structure edit: the caches follow the tree, and the covers of the units
        whose children changed (and of everything above them) are summed again. Returns
        those units, deepest first: their findings are the ones to check again."""
        tree = self.tree
        n = len(tree)
        self._by_depth = None
        for cov in self._covers.values():
            cov.total = follow(cov.total, r.shift, n)
            cov.kids = follow(cov.kids, r.shift, n)
            cov.ok = follow(cov.ok, r.shift, n)
        for (src, name), (values, ok) in list(self._bases.items()):
            values, ok = follow(values, r.shift, n), follow(ok, r.shift, n)
            if r.added.size:
                v, k = self._compute_base(src, name, r.added)
                values[r.added], ok[r.added] = v, k
            self._bases[(src, name)] = (values, ok)
        # the new units and those whose children changed, and everything above them (the
        # ancestors of many new units are those of their few parents)
        chain: set[int] = set(r.added.tolist())
        tops = {int(p) for p in tree.parent[r.added].tolist()} if r.added.size else set()
        for u in {*r.dirty.tolist(), *tops}:
            if u >= 0 and u not in chain:
                chain.add(u)
                chain.update(tree.ancestors(u))
        units = np.fromiter(chain, dtype=np.int64, count=len(chain))
        depth, start = tree.depth, tree.child_start
        units = units[np.lexsort((units, -depth[units].astype(np.int64)))]  # deepest first
        has_kids = start[units + 1] > start[units]
        parents = units[has_kids].tolist()
        leaves = units[~has_kids]
        order: list[int] = units.tolist()
        for (src, fld), cov in self._covers.items():
            figs = self.figs(src)
            if fld in figs.columns:
                cov.total[leaves] = cov.ok[leaves] = cov.kids[leaves] = 0  # nothing below
                update_units(tree, figs, figs.columns[fld], cov, parents)
        return order
