"""Units brought together: matched by id, offered matches by name and parent where ids differ,
the units only the other file has, and the units both have but disagree on."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat

import numpy as np
import numpy.typing as npt

from core.merge.history import JournalIndex
from core.model.election import Election, UnitTree

IntArray = npt.NDArray[np.int64]

NAME, PARENT, REMOVED = "name", "parent", "removed"  # what a unit conflict is about
BY_NAME, BY_ID_CHANGE = "name", "reid"  # why a match is offered


@dataclass(frozen=True)
class Match:
    """Their unit and ours, with different ids, offered as the same unit (applied if accepted)."""

    theirs: int  # position in their tree
    mine: int  # position in ours
    why: str  # BY_NAME: same name, level and parent; BY_ID_CHANGE: this project re-keyed it


@dataclass(frozen=True)
class UnitConflict:
    """A unit both files know but disagree on: its name, its parent, or whether it exists."""

    what: str  # NAME, PARENT or REMOVED
    unit: str  # the unit's id
    theirs: int  # position in their tree
    mine_value: str  # a name, a parent's id, or "" (removed here)
    theirs_value: str
    mine_seq: int  # the entries that set either value (0: the original figures)
    theirs_seq: int


@dataclass
class UnitPlan:
    """How their units meet ours. `align[t]` is our position for their unit t (by id, or by an
    offered match taken as accepted), -1 for a unit only they have."""

    align: IntArray
    matches: list[Match] = field(default_factory=list)
    conflicts: list[UnitConflict] = field(default_factory=list)
    added: list[int] = field(default_factory=list)  # their units only they have, parents first
    within: dict[int, int] = field(default_factory=dict)  # their unit -> removal conflict index

    def match_of(self) -> dict[int, int]:
        """Their position -> index in `matches`."""
        return {m.theirs: i for i, m in enumerate(self.matches)}


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _depth_order(tree: UnitTree, units: list[int]) -> list[int]:
    return sorted(units, key=lambda u: (int(tree.depth[u]), u))


def plan_units(
    mine: Election, theirs: Election, history: JournalIndex, their_history: JournalIndex
) -> UnitPlan:
    ours, other = mine.units, theirs.units
    index = ours.index
    align = np.fromiter(map(index.get, other.ids, repeat(-1)), dtype=np.int64, count=len(other))
    plan = UnitPlan(align)
    only = np.flatnonzero(align < 0).tolist()
    if only:
        _place_new(plan, mine, theirs, history, only)
    _compare_common(plan, mine, theirs, history, their_history)
    return plan


def _place_new(
    plan: UnitPlan, mine: Election, theirs: Election, history: JournalIndex, only: list[int]
) -> None:
    """Each unit only they have, parents first: a match offered, a removal disputed, or an
    addition."""
    ours, other = mine.units, theirs.units
    align, index = plan.align, ours.index
    theirs_ids = set(other.ids)
    mine_only = [u for u, uid in enumerate(ours.ids) if uid not in theirs_ids]
    by_key: dict[tuple[int, int, str], list[int]] = {}
    for u in mine_only:
        key = (int(ours.parent[u]), int(ours.level[u]), _norm(ours.names[u]))
        by_key.setdefault(key, []).append(u)
    wanted: dict[tuple[int, int, str], int] = {}  # how many of their units ask for each key
    keys: dict[int, tuple[int, int, str]] = {}
    claimed: set[int] = set()
    for t in _depth_order(other, only):
        uid = other.ids[t]
        p = int(other.parent[t])
        if p >= 0 and p in plan.within:
            plan.within[t] = plan.within[p]  # below a unit removed here: goes with it
            continue
        if uid in history.removed:
            plan.within[t] = len(plan.conflicts)
            plan.conflicts.append(
                UnitConflict(REMOVED, uid, t, "", other.names[t], history.removed[uid], 0)
            )
            continue
        now = history.reid.get(uid)
        if now is not None and now in index and now not in theirs_ids and index[now] not in claimed:
            _offer(plan, claimed, Match(t, index[now], BY_ID_CHANGE))
            continue
        mapped = int(align[p]) if p >= 0 else -1
        if mapped >= 0:
            key = (mapped, int(other.level[t]), _norm(other.names[t]))
            keys[t] = key
            wanted[key] = wanted.get(key, 0) + 1
        candidates = by_key.get(keys[t], []) if t in keys else []
        # one of theirs asks for exactly one of ours not yet taken: offered; else a new unit
        free = [u for u in candidates if u not in claimed]
        if len(candidates) == 1 and free and wanted[keys[t]] == 1:
            _offer(plan, claimed, Match(t, free[0], BY_NAME))
        else:
            plan.added.append(t)
    _drop_contested(plan, keys, wanted)


def _offer(plan: UnitPlan, claimed: set[int], match: Match) -> None:
    plan.matches.append(match)
    plan.align[match.theirs] = match.mine
    claimed.add(match.mine)


def _drop_contested(
    plan: UnitPlan, keys: dict[int, tuple[int, int, str]], wanted: dict[tuple[int, int, str], int]
) -> None:
    """A name two of their units share under one parent matches neither (it is ambiguous)."""
    contested = [m for m in plan.matches if m.why == BY_NAME and wanted[keys[m.theirs]] > 1]
    if not contested:
        return
    for m in contested:
        plan.align[m.theirs] = -1
        plan.added.append(m.theirs)
    gone = {id(m) for m in contested}
    plan.matches = [m for m in plan.matches if id(m) not in gone]


def _compare_common(
    plan: UnitPlan,
    mine: Election,
    theirs: Election,
    history: JournalIndex,
    their_history: JournalIndex,
) -> None:
    """Units both have (by id or an offered match): a different name or parent is a conflict."""
    ours, other = mine.units, theirs.units
    align = plan.align
    matched = {m.theirs for m in plan.matches}
    t_all = np.flatnonzero(align >= 0)
    o_all = align[t_all]
    their_parent = other.parent[t_all]
    mapped_parent = np.where(their_parent >= 0, align[np.maximum(their_parent, 0)], -1)
    moved = t_all[(ours.parent[o_all] != mapped_parent) & ~np.isin(t_all, list(matched))]
    for t in moved.tolist():
        o, p = int(align[t]), int(other.parent[t])
        uid = other.ids[t]
        mine_parent = ours.ids[int(ours.parent[o])] if ours.parent[o] >= 0 else ""
        theirs_parent = other.ids[p] if p >= 0 else ""
        if p >= 0 and align[p] >= 0:
            theirs_parent = ours.ids[int(align[p])]
        plan.conflicts.append(
            UnitConflict(
                PARENT,
                uid,
                t,
                mine_parent,
                theirs_parent,
                history.placed.get(uid, 0),
                their_history.placed.get(uid, 0),
            )
        )
    names = ours.names
    for t, o in zip(t_all.tolist(), o_all.tolist(), strict=True):
        if other.names[t] != names[o] and t not in matched:
            uid = other.ids[t]
            plan.conflicts.append(
                UnitConflict(
                    NAME,
                    uid,
                    t,
                    names[o],
                    other.names[t],
                    history.named.get(uid, 0),
                    their_history.named.get(uid, 0),
                )
            )
