"""The unit tree reshaped in place: units added, subtrees removed, moved, renamed, re-keyed.

Every source's columns follow the tree (one row per unit), growing into spare room so that
adding a few units to a large election copies no column. The checks that keep the tree a tree
(one root, no cycle, levels in order, ids unique) are here too; callers check, then apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from core.model.election import BoolArray, Election, IntArray, UnitTree
from core.model.growth import Shift, resized, with_room

# Spare rows given to every column once an election is opened for editing: adding up to this
# many units (or an eighth of the election, if more) then copies no column.
SPARE_UNITS = 16_384


class StructureRefused(ValueError):
    """A structure edit that would break the tree; nothing was changed."""


def _none() -> IntArray:
    return np.zeros(0, dtype=np.int64)


@dataclass
class Reshaped:
    """What a structure edit did to the tree, for the caches and views that follow it."""

    shift: Shift | None = None  # how units moved to other positions; None: nobody did
    added: IntArray = field(default_factory=_none)  # positions of the new units
    dirty: IntArray = field(default_factory=_none)  # units whose own findings may change
    moved: tuple[int, int, int] | None = None  # (unit, old parent, new parent)
    renamed: int = -1


def reserve(election: Election, spare: int = SPARE_UNITS) -> None:
    """Give the tree and every column room for `spare` more units (copies each column once)."""
    tree = election.units
    spare = max(spare, len(tree) // 8)
    tree.level = with_room(tree.level, spare)
    tree.parent = with_room(tree.parent, spare)
    for figs in election.sources.values():
        figs.present = with_room(figs.present, spare)
        for col in figs.columns.values():
            col.values = with_room(col.values, spare)
            col.reported = with_room(col.reported, spare)


def subtree(tree: UnitTree, unit: int) -> IntArray:
    """The unit and every unit below it, in ascending order."""
    out = [np.array([unit], dtype=np.int64)]
    frontier = out[0]
    while frontier.size:
        starts, ends = tree.child_start[frontier], tree.child_start[frontier + 1]
        sizes = ends - starts
        total = int(sizes.sum())
        if not total:
            break
        offsets = np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
        frontier = tree.child_order[np.arange(total) + offsets]
        out.append(frontier)
    return np.sort(np.concatenate(out))


def is_below(tree: UnitTree, unit: int, ancestor: int) -> bool:
    """True when `unit` is `ancestor` or lies somewhere below it."""
    return unit == ancestor or ancestor in tree.ancestors(unit)


def leads_to(election: Election, parent_level: int, child_level: int) -> bool:
    """A unit of `child_level` may sit under one of `parent_level`: the next level down, or a
    pairing the election's own tree already has (a package may skip a level somewhere)."""
    if child_level == parent_level + 1:
        return True
    tree = election.units
    has = tree.parent >= 0
    lv = tree.level
    return bool(np.any((lv[tree.parent[has]] == parent_level) & (lv[has] == child_level)))


def check_id(election: Election, uid: str, taken: set[str] | None = None) -> str | None:
    """Why `uid` cannot name a new unit, or None when it can."""
    if not uid.strip():
        return "the unit id is empty"
    if uid != uid.strip():
        return f"the unit id {uid!r} begins or ends with a space"
    if uid in election.units.index or (taken is not None and uid in taken):
        return f"the unit id {uid!r} is already taken"
    return None


def _relink(tree: UnitTree) -> None:
    """Children (CSR) and depths again from the parent links, in place."""
    fresh = UnitTree.build(tree.ids, tree.names, tree.level, tree.parent)
    tree.depth, tree.child_start, tree.child_order = (
        fresh.depth,
        fresh.child_start,
        fresh.child_order,
    )
    tree._root = -1


def add_units(
    election: Election,
    ids: list[str],
    names: list[str],
    level: npt.NDArray[np.int16],
    parent: IntArray,
) -> IntArray:
    """Append units (parents are positions, new units included); returns their positions.

    The new units have no row in any source yet: the caller gives them their rows."""
    tree = election.units
    n, k = len(tree), len(ids)
    tree.level = resized(tree.level, n + k)
    tree.parent = resized(tree.parent, n + k)
    tree.level[n:] = level
    tree.parent[n:] = parent
    tree.ids.extend(ids)
    tree.names.extend(names)
    if tree._index is not None:
        tree._index.update((u, n + i) for i, u in enumerate(ids))
    for figs in election.sources.values():
        figs.present = resized(figs.present, n + k)
        for col in figs.columns.values():
            col.values = resized(col.values, n + k)
            col.reported = resized(col.reported, n + k)
        for texts in figs.extras.values():
            texts.extend([""] * k)
    if k and int(parent.max()) < n and int(parent.min()) >= 0:
        _append_children(tree, n, parent)  # the usual case: new units under existing ones
    else:
        _relink(tree)
    return np.arange(n, n + k, dtype=np.int64)


def _append_children(tree: UnitTree, n: int, parents: IntArray) -> None:
    """The children (CSR) after units n.. were appended under existing parents: being the
    highest positions, each goes at the end of its parent's children, so the arrays are
    spliced rather than sorted again (a sort of 100,000 units is most of an addition)."""
    k = len(parents)
    order = np.argsort(parents, kind="stable")
    spots = tree.child_start[parents[order] + 1]
    child_order = np.insert(tree.child_order, spots, n + order.astype(np.int64))
    counts = np.bincount(parents, minlength=n)
    child_start = np.empty(n + k + 1, dtype=np.int64)
    child_start[: n + 1] = tree.child_start + np.concatenate(([0], np.cumsum(counts)))
    child_start[n + 1 :] = child_start[n]
    tree.depth = np.concatenate((tree.depth, (tree.depth[parents] + 1).astype(np.int16)))
    tree.child_start, tree.child_order = child_start, child_order
    tree._root = -1


def remove_units(election: Election, units: IntArray) -> Shift:
    """Remove whole subtrees (the caller gives every unit below one removed, too); returns
    how the other units moved up."""
    tree = election.units
    n = len(tree)
    remap = np.zeros(n, dtype=np.int64)
    remap[units] = -1
    keep = remap == 0
    remap[keep] = np.arange(int(keep.sum()), dtype=np.int64)
    shift = Shift.of(remap, int(keep.sum()))
    _play(election, shift, [], [])
    return shift


def _play(
    election: Election, shift: Shift, ids: list[str], names: list[str], relink: bool = True
) -> None:
    """Every per-unit array and list of the election moved by the shift (in place)."""
    tree = election.units
    parent = shift.play(tree.parent)
    linked = parent >= 0
    parent[linked] = shift.remap[parent[linked]]
    tree.parent = parent
    tree.level = shift.play(tree.level)
    shift.play_list(tree.ids, ids)
    shift.play_list(tree.names, names)
    tree._index = None
    k = len(ids)
    for figs in election.sources.values():
        figs.present = shift.play(figs.present)
        for col in figs.columns.values():
            col.values = shift.play(col.values)
            col.reported = shift.play(col.reported)
        for texts in figs.extras.values():
            shift.play_list(texts, [""] * k)
    if relink:
        _relink(tree)


def move_units(election: Election, units: IntArray, parents: IntArray) -> None:
    """Hang each unit (and everything below it) under another parent."""
    tree = election.units
    tree.parent[units] = parents
    _relink(tree)


def rename_unit(election: Election, unit: int, name: str) -> None:
    election.units.names[unit] = name


def reid_unit(election: Election, unit: int, uid: str) -> None:
    tree = election.units
    old = tree.ids[unit]
    tree.ids[unit] = uid
    if tree._index is not None:
        del tree._index[old]
        tree._index[uid] = unit


def insert_units(
    election: Election,
    at: IntArray,
    ids: list[str],
    names: list[str],
    level: npt.NDArray[np.int16],
    parent: IntArray,
) -> Shift:
    """Put units back at given positions (ascending, in the grown tree; parents likewise);
    returns how the other units moved down. Undoing a removal uses this, so the units
    return where they were."""
    tree = election.units
    n, k = len(tree), len(ids)
    is_new: BoolArray = np.zeros(n + k, dtype=bool)
    is_new[at] = True
    shift = Shift.of(np.flatnonzero(~is_new).astype(np.int64), n + k)
    # the new units' own parents are already positions in the grown tree: set them after
    _play(election, shift, ids, names, relink=False)
    tree.parent[at] = parent
    tree.level[at] = level
    _relink(tree)
    return shift
