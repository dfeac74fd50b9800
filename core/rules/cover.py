"""Sums over the cover below each unit (CONTRACT §2 'Cover'), built bottom-up, updated per edit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.model.election import BoolArray, Column, IntArray, SourceFigures, UnitTree
from core.model.growth import zeros


@dataclass
class Cover:
    """For one source and field: per unit, the sum over its cover and whether F is covered."""

    total: IntArray  # sum over the cover below the unit
    kids: IntArray  # children of the same source
    ok: IntArray  # children that report F or are covered themselves

    @property
    def covered(self) -> BoolArray:
        covered: BoolArray = (self.kids > 0) & (self.ok == self.kids)
        return covered


def _contributions(
    units: IntArray, present: BoolArray, col: Column, cover: Cover
) -> tuple[IntArray, IntArray]:
    rep = col.reported[units]
    own = (cover.kids[units] > 0) & (cover.ok[units] == cover.kids[units])
    value = np.where(rep, col.values[units], cover.total[units])
    return value, (rep | own).astype(np.int64)


def build_cover(
    tree: UnitTree, by_depth: list[IntArray], figs: SourceFigures, col: Column
) -> Cover:
    """Bottom-up over the levels: `by_depth[d]` holds depth-d units sorted by parent."""
    n = len(tree)
    # with room to grow: units added later extend the cover without copying it
    cover = Cover(zeros(n, np.int64), zeros(n, np.int64), zeros(n, np.int64))
    for d in range(len(by_depth) - 1, 0, -1):
        units = by_depth[d]
        units = units[figs.present[units]]
        if not units.size:
            continue
        value, ok = _contributions(units, figs.present, col, cover)
        par = tree.parent[units]
        starts = np.flatnonzero(np.r_[True, par[1:] != par[:-1]])
        heads = par[starts]
        cover.total[heads] = np.add.reduceat(value, starts)
        cover.ok[heads] = np.add.reduceat(ok, starts)
        cover.kids[heads] = np.diff(np.r_[starts, units.size])
    return cover


def update_chain(
    tree: UnitTree, figs: SourceFigures, col: Column, cover: Cover, unit: int
) -> list[int]:
    """Recompute the cover of the unit and its ancestors after an edit; returns those units."""
    chain = [unit, *tree.ancestors(unit)]
    update_units(tree, figs, col, cover, chain)
    return chain


def update_units(
    tree: UnitTree, figs: SourceFigures, col: Column, cover: Cover, units: list[int]
) -> None:
    """Recompute the cover of the given units, in the order given (deepest first)."""
    start = tree.child_start
    for u in units:
        if start[u + 1] == start[u]:
            cover.total[u] = cover.ok[u] = cover.kids[u] = 0
            continue
        kids = tree.children(u)
        kids = kids[figs.present[kids]]
        if kids.size:
            value, ok = _contributions(kids, figs.present, col, cover)
            cover.total[u], cover.ok[u], cover.kids[u] = value.sum(), ok.sum(), kids.size
        else:
            cover.total[u] = cover.ok[u] = cover.kids[u] = 0


def units_by_depth(tree: UnitTree) -> list[IntArray]:
    """Units of each depth, sorted by parent (stable), for the bottom-up sums."""
    out: list[IntArray] = []
    order = np.lexsort((tree.parent, tree.depth))
    depths = tree.depth[order]
    for d in range(int(tree.depth.max(initial=0)) + 1):
        out.append(order[depths == d].astype(np.int64))
    return out
