"""Structure edits, each the structure part of a Change: units added, removed, moved, renamed,
or given another id; each checked before anything changes, each with its exact inverse."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.model.election import SOURCES, Election, column_dtype
from core.model.growth import Shift
from core.model.restructure import (
    Reshaped,
    StructureRefused,
    add_units,
    check_id,
    insert_units,
    is_below,
    leads_to,
    move_units,
    reid_unit,
    remove_units,
    rename_unit,
    subtree,
)

Value = int | float | None
Reviews = dict[tuple[str, str, str, str], tuple[str, str]]


@dataclass(frozen=True)
class SourceRows:
    """One source's rows for a block of units: which units have a row, and their figures."""

    present: tuple[bool, ...]
    columns: dict[str, tuple[Value, ...]] = field(default_factory=dict)
    extras: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {"present": [int(p) for p in self.present]}
        if self.columns:
            obj["columns"] = {k: list(v) for k, v in self.columns.items()}
        if self.extras:
            obj["extras"] = {k: list(v) for k, v in self.extras.items()}
        return obj

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> SourceRows:
        return cls(
            tuple(bool(p) for p in obj["present"]),
            {str(k): tuple(v) for k, v in obj.get("columns", {}).items()},
            {str(k): tuple(str(t) for t in v) for k, v in obj.get("extras", {}).items()},
        )


@dataclass(frozen=True)
class UnitRows:
    """A block of units as rows: ids, names, level names, parent ids, and their figures.

    `at` gives the positions the units take in the tree (ascending); empty, they go at the
    end. Parents may be units of the same block."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    levels: tuple[str, ...]
    parents: tuple[str, ...]
    figures: dict[str, SourceRows] = field(default_factory=dict)
    at: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "units": [
                list(r) for r in zip(self.ids, self.names, self.levels, self.parents, strict=True)
            ]
        }
        if self.figures:
            obj["figures"] = {s: rows.to_json() for s, rows in self.figures.items()}
        if self.at:
            obj["at"] = list(self.at)
        return obj

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> UnitRows:
        units = [tuple(str(x) for x in row) for row in obj["units"]]
        cols = list(zip(*units, strict=True)) if units else [(), (), (), ()]
        return cls(
            tuple(cols[0]),
            tuple(cols[1]),
            tuple(cols[2]),
            tuple(cols[3]),
            {str(s): SourceRows.from_json(r) for s, r in obj.get("figures", {}).items()},
            tuple(int(a) for a in obj.get("at", [])),
        )


# --- the edits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddUnits:
    """New units (a district's stations, an imported list, a removal undone)."""

    rows: UnitRows
    op = "add"

    def inverse(self) -> RemoveUnits:
        return RemoveUnits(self.rows)

    def describe(self) -> dict[str, Any]:
        return {"op": self.op, **self.rows.to_json()}

    def check(self, election: Election) -> None:
        problems = _add_problems(election, self.rows)
        if problems:
            raise StructureRefused("; ".join(problems[:10]))

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        rows, tree = self.rows, election.units
        n, k = len(tree), len(rows)
        levels = election.info.levels
        level = np.array([levels.index(lv) for lv in rows.levels], dtype=np.int16)
        if rows.at:
            at = np.array(rows.at, dtype=np.int64)
            is_new = np.zeros(n + k, dtype=bool)
            is_new[at] = True
            shifted = np.flatnonzero(~is_new)  # where each unit there now will stand
            new_pos = {u: int(at[i]) for i, u in enumerate(rows.ids)}
            index = tree.index
            parent = np.array(
                [new_pos[p] if p in new_pos else shifted[index[p]] for p in rows.parents],
                dtype=np.int64,
            )
            shift: Shift | None = insert_units(
                election, at, list(rows.ids), list(rows.names), level, parent
            )
            placed = at
        else:
            new_pos = {u: n + i for i, u in enumerate(rows.ids)}
            index = tree.index
            parent = np.array(
                [new_pos[p] if p in new_pos else index[p] for p in rows.parents], dtype=np.int64
            )
            placed = add_units(election, list(rows.ids), list(rows.names), level, parent)
            shift = None
        _write_figures(election, placed, rows.figures)
        parents = {int(p) for p in election.units.parent[placed].tolist()} - set(placed.tolist())
        return Reshaped(
            shift=shift,
            added=placed,
            dirty=np.array(sorted(parents), dtype=np.int64),
        )


@dataclass(frozen=True)
class RemoveUnits:
    """Whole subtrees removed: the block holds every unit removed, with all its figures."""

    rows: UnitRows
    op = "remove"

    def inverse(self) -> AddUnits:
        return AddUnits(self.rows)

    def describe(self) -> dict[str, Any]:
        # The units and figures removed are already in the journal (or the original snapshot)
        # before this entry, so it names the units only; undoing it journals them again, whole.
        obj: dict[str, Any] = {"op": self.op, "ids": list(self.rows.ids)}
        if self.rows.at:
            obj["at"] = list(self.rows.at)
        return obj

    def check(self, election: Election) -> None:
        tree = election.units
        units = self._positions(election)
        inside = np.zeros(len(tree), dtype=bool)
        inside[units] = True
        if inside[tree.root]:
            raise StructureRefused("the root unit cannot be removed (an election has one root)")
        tops = units[~inside[tree.parent[units]]]
        whole = np.unique(np.concatenate([subtree(tree, int(u)) for u in tops.tolist()]))
        if whole.size != units.size:
            raise StructureRefused("a removal must take every unit below the units it removes")

    def _positions(self, election: Election) -> np.ndarray:
        """Where the block's units stand (its `at`, when it says, checked against the ids)."""
        tree = election.units
        ids, at = self.rows.ids, self.rows.at
        if at and len(at) == len(ids) and at[-1] < len(tree):
            have = tree.ids
            if [have[a] for a in at] == list(ids):
                return np.array(at, dtype=np.int64)
            raise StructureRefused("the units to remove are no longer where they were")
        index = tree.index
        missing = [u for u in ids if u not in index]
        if missing:
            raise StructureRefused(f"no unit has the id {missing[0]!r}")
        return np.array(sorted(index[u] for u in ids), dtype=np.int64)

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        tree = election.units
        units = self._positions(election)
        gone = set(units.tolist())
        parents = {int(tree.parent[u]) for u in units.tolist()} - gone
        shift = remove_units(election, units)
        dirty = np.array(sorted(int(shift.remap[p]) for p in parents), dtype=np.int64)
        return Reshaped(shift=shift, dirty=dirty)


@dataclass(frozen=True)
class MoveUnits:
    """Units (with everything below them) hung under another parent."""

    units: tuple[str, ...]
    old_parents: tuple[str, ...]
    new_parent: str
    op = "move"

    def inverse(self) -> MoveBack:
        return MoveBack(self.units, self.new_parent, self.old_parents)

    def describe(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "units": list(self.units),
            "from": list(self.old_parents),
            "to": self.new_parent,
        }

    def check(self, election: Election) -> None:
        _check_moves(election, self.units, [self.new_parent] * len(self.units))

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        return _move(election, self.units, [self.new_parent] * len(self.units))


@dataclass(frozen=True)
class MoveBack:
    """The inverse of a move: each unit back under the parent it had."""

    units: tuple[str, ...]
    old_parent: str  # where they are now
    parents: tuple[str, ...]
    op = "move_back"

    def inverse(self) -> MoveUnits:
        return MoveUnits(self.units, self.parents, self.old_parent)

    def describe(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "units": list(self.units),
            "from": self.old_parent,
            "to": list(self.parents),
        }

    def check(self, election: Election) -> None:
        _check_moves(election, self.units, list(self.parents))

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        return _move(election, self.units, list(self.parents))


@dataclass(frozen=True)
class RenameUnit:
    unit: str
    old: str
    new: str
    op = "rename"

    def inverse(self) -> RenameUnit:
        return RenameUnit(self.unit, self.new, self.old)

    def describe(self) -> dict[str, Any]:
        return {"op": self.op, "unit": self.unit, "old": self.old, "new": self.new}

    def check(self, election: Election) -> None:
        if self.unit not in election.units.index:
            raise StructureRefused(f"no unit has the id {self.unit!r}")
        if not self.new.strip():
            raise StructureRefused("a unit's name cannot be empty")

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        unit = election.units.index[self.unit]
        rename_unit(election, unit, self.new)
        return Reshaped(dirty=np.array([unit], dtype=np.int64), renamed=unit)


@dataclass(frozen=True)
class ReidUnit:
    """A unit given another id: review notes follow it (figures and findings follow its row)."""

    old: str
    new: str
    op = "reid"

    def inverse(self) -> ReidUnit:
        return ReidUnit(self.new, self.old)

    def describe(self) -> dict[str, Any]:
        return {"op": self.op, "old": self.old, "new": self.new}

    def check(self, election: Election) -> None:
        if self.old not in election.units.index:
            raise StructureRefused(f"no unit has the id {self.old!r}")
        problem = check_id(election, self.new)
        if problem:
            raise StructureRefused(problem)

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        unit = election.units.index[self.old]
        reid_unit(election, unit, self.new)
        for key in [k for k in reviews if k[1] == self.old]:
            reviews[(key[0], self.new, key[2], key[3])] = reviews.pop(key)
        return Reshaped(renamed=unit)


@dataclass(frozen=True)
class StructureSteps:
    """Several structure edits made as one (a merge adds units and renames or moves others),
    applied in order; its inverse undoes them in the reverse order. At most one step moves
    units to other positions, and it is the last (a removal, undoing an addition)."""

    steps: tuple[SingleEdit, ...]
    op = "steps"

    def inverse(self) -> StructureSteps:
        return StructureSteps(tuple(s.inverse() for s in reversed(self.steps)))

    def describe(self) -> dict[str, Any]:
        return {"op": self.op, "steps": [s.describe() for s in self.steps]}

    def check(self, election: Election) -> None:
        if len(self.steps) == 1:
            self.steps[0].check(election)
            return
        if any(isinstance(s, RemoveUnits) for s in self.steps[:-1]):
            raise StructureRefused("only the last of several structure edits may remove units")
        # each step is checked on the tree the steps before it leave, in a copy
        scratch = copy.deepcopy(election)
        for s in self.steps:
            s.check(scratch)
            s.apply(scratch, {})

    def apply(self, election: Election, reviews: Reviews) -> Reshaped:
        n = len(election.units)
        done = [s.apply(election, reviews) for s in self.steps]
        if len(done) == 1:
            return done[0]
        last = done[-1]
        shift = last.shift or Shift.of(np.arange(n, dtype=np.int64), len(election.units))
        remap = last.shift.remap if last.shift is not None else None
        dirty: set[int] = set(last.dirty.tolist())
        added: list[int] = list(last.added.tolist())
        for r in done[:-1]:
            for u in (*r.dirty.tolist(), *r.added.tolist(), r.renamed):
                v = int(remap[u]) if remap is not None and 0 <= u < remap.size else u
                if v >= 0:
                    dirty.add(v)
            if remap is None:
                added += r.added.tolist()
        dirty -= set(added)
        # a shift, even one that moves nothing, has every view read the tree afresh
        return Reshaped(
            shift=shift,
            added=np.array(sorted(added), dtype=np.int64),
            dirty=np.array(sorted(dirty), dtype=np.int64),
        )


SingleEdit = AddUnits | RemoveUnits | MoveUnits | MoveBack | RenameUnit | ReidUnit
StructureEdit = SingleEdit | StructureSteps


def structure_from_json(obj: dict[str, Any]) -> StructureEdit:
    op = obj.get("op")
    if op == "steps":
        steps = [structure_from_json(s) for s in obj["steps"]]
        if not steps or any(isinstance(s, StructureSteps) for s in steps):
            raise ValueError("a list of structure edits is empty or nested")
        return StructureSteps(tuple(s for s in steps if not isinstance(s, StructureSteps)))
    if op == "add":
        return AddUnits(UnitRows.from_json(obj))
    if op == "remove":
        ids = tuple(str(u) for u in obj["ids"])
        blank = ("",) * len(ids)
        at = tuple(int(a) for a in obj.get("at", []))
        return RemoveUnits(UnitRows(ids, blank, blank, blank, {}, at))
    if op == "move":
        return MoveUnits(tuple(obj["units"]), tuple(obj["from"]), str(obj["to"]))
    if op == "move_back":
        return MoveBack(tuple(obj["units"]), str(obj["from"]), tuple(obj["to"]))
    if op == "rename":
        return RenameUnit(str(obj["unit"]), str(obj["old"]), str(obj["new"]))
    if op == "reid":
        return ReidUnit(str(obj["old"]), str(obj["new"]))
    raise ValueError(f"unknown structure edit {op!r}")


# --- builders: the edits the window and the importer make -----------------------------------


def rows_of(election: Election, units: Iterable[int], *, at: bool = False) -> UnitRows:
    """The units as a block, every figure and row of every source included."""
    tree = election.units
    u = np.array(sorted(set(units)), dtype=np.int64)
    levels = election.info.levels
    figures: dict[str, SourceRows] = {}
    for src, figs in election.sources.items():
        present = figs.present[u]
        if not present.any():
            continue
        columns: dict[str, tuple[Value, ...]] = {}
        for name, col in figs.columns.items():
            rep = col.reported[u]
            if rep.any():
                vals = col.values[u].tolist()
                flags = rep.tolist()
                columns[name] = tuple(v if r else None for v, r in zip(vals, flags, strict=True))
        extras = {
            name: tuple(texts[i] for i in u.tolist())
            for name, texts in figs.extras.items()
            if any(texts[i] for i in u.tolist())
        }
        figures[src] = SourceRows(tuple(present.tolist()), columns, extras)
    parent = tree.parent[u].tolist()
    return UnitRows(
        tuple(tree.ids[i] for i in u.tolist()),
        tuple(tree.names[i] for i in u.tolist()),
        tuple(levels[int(lv)] for lv in tree.level[u].tolist()),
        tuple(tree.ids[p] if p >= 0 else "" for p in parent),
        figures,
        tuple(u.tolist()) if at else (),
    )


def figures_in(rows: UnitRows) -> int:
    """How many figures the block holds (what a removal takes away)."""
    return sum(
        sum(v is not None for v in values)
        for figs in rows.figures.values()
        for values in figs.columns.values()
    )


def removal(election: Election, units: Iterable[int]) -> RemoveUnits:
    """Remove the units and everything below them (a unit below another one counts once)."""
    tree = election.units
    chosen = sorted(set(units))
    whole: list[int] = []
    if chosen:
        whole = np.unique(np.concatenate([subtree(tree, u) for u in chosen])).tolist()
    return RemoveUnits(rows_of(election, whole, at=True))


def new_children(election: Election, parent: int, ids: list[str], names: list[str]) -> AddUnits:
    """Units at the level below the parent's, each with a row (nothing reported) in the
    official source, so the package lists them and the sums know they are still to come."""
    levels = election.info.levels
    lv = int(election.units.level[parent]) + 1
    if lv >= len(levels):
        what = levels[lv - 1]
        raise StructureRefused(f"a unit of level {what!r} has no level below it")
    level = levels[lv]
    k = len(ids)
    rows = UnitRows(
        tuple(ids),
        tuple(names),
        (level,) * k,
        (election.units.ids[parent],) * k,
        {"official": SourceRows((True,) * k)},
    )
    return AddUnits(rows)


def numbered(pattern: str, first: int, count: int) -> list[str]:
    """Texts from a pattern with `#` for the number ("№ #" -> "№ 101", …); a pattern with no
    `#` gets the number after a space. A run of `#` pads with zeros ("S-###" -> "S-007")."""
    import re

    match = re.search(r"#+", pattern)
    out = []
    for i in range(first, first + count):
        if match is None:
            out.append(f"{pattern} {i}".strip())
        else:
            digits = str(i).zfill(len(match.group()))
            out.append(pattern[: match.start()] + digits + pattern[match.end() :])
    return out


# --- checks and helpers ----------------------------------------------------------------------


def _add_problems(election: Election, rows: UnitRows) -> list[str]:
    tree, levels = election.units, election.info.levels
    k = len(rows)
    problems: list[str] = []
    if not (len(rows.names) == len(rows.levels) == len(rows.parents) == k):
        return ["the block's columns are not of one length"]
    index = tree.index
    taken: set[str] = set()
    for uid in rows.ids:
        if not uid.strip() or uid != uid.strip() or uid in index or uid in taken:
            problems.append(check_id(election, uid, taken) or f"the unit id {uid!r} is taken")
        taken.add(uid)
    for uid, name in zip(rows.ids, rows.names, strict=True):
        if not name.strip():
            problems.append(f"the unit {uid!r} has no name")
    block = dict(zip(rows.ids, range(k), strict=True))
    level_of = {name: i for i, name in enumerate(levels)}
    reaches: dict[int, bool] = {}  # block unit -> its parents lead to a unit that exists
    for i, (uid, lv, parent) in enumerate(zip(rows.ids, rows.levels, rows.parents, strict=True)):
        if lv not in level_of:
            problems.append(f"{uid}: {lv!r} is not a level of this election")
            continue
        if not parent:
            problems.append(f"{uid}: a unit needs a parent (an election has one root)")
            continue
        if parent in block:
            p_level = level_of.get(rows.levels[block[parent]], -1)
        elif parent in index:
            p_level = int(tree.level[index[parent]])
        else:
            problems.append(f"{uid}: no unit has the parent id {parent!r}")
            continue
        if p_level >= 0 and not leads_to(election, p_level, level_of[lv]):
            problems.append(
                f"{uid}: a unit of level {lv!r} cannot sit under one of level {levels[p_level]!r}"
            )
        # a parent inside the block must reach an existing unit: no cycle among the new ones
        path, p, ok = [i], parent, True
        while p in block:
            j = block[p]
            if j in reaches:
                ok = reaches[j]
                break
            if j in path:
                ok = False
                break
            path.append(j)
            p = rows.parents[j]
        for j in path:
            reaches[j] = ok
        if not ok:
            problems.append(f"{uid}: the new units' parents form a cycle")
    if rows.at:
        at = list(rows.at)
        if len(at) != k or at != sorted(set(at)) or at[0] < 0 or at[-1] >= len(tree) + k:
            problems.append("the block's positions do not fit the tree")
    info = election.info
    known = {*info.count_fields(), *info.extra_counts(), *info.pct_fields(), *info.seat_fields()}
    for src, figs in rows.figures.items():
        if src not in SOURCES:
            problems.append(f"{src!r} is not a source")
        if len(figs.present) != k or any(len(v) != k for v in figs.columns.values()):
            problems.append(f"the {src} figures do not have one row per unit")
        for name, values in figs.columns.items():
            if name not in known:
                problems.append(f"{name!r} is not a field of this election")
            elif any(v is not None and type(v) not in (int, float) for v in values):
                problems.append(f"{name}: a figure is not a number")
        for name, texts in figs.extras.items():
            if name not in election.extra_columns or len(texts) != k:
                problems.append(f"the extra column {name!r} does not fit")
    return problems


def _write_figures(election: Election, placed: np.ndarray, figures: dict[str, SourceRows]) -> None:
    for src, rows in figures.items():
        figs = election.source(src)
        figs.present[placed] = np.array(rows.present, dtype=bool)
        for name, values in rows.columns.items():
            col = figs.ensure(name, column_dtype(name))
            rep = np.array([v is not None for v in values], dtype=bool)
            col.reported[placed] = rep
            col.values[placed] = np.array(
                [0 if v is None else v for v in values], dtype=col.values.dtype
            )
        for name, texts in rows.extras.items():
            lst = figs.extras.setdefault(name, [""] * len(election.units))
            for i, t in zip(placed.tolist(), texts, strict=True):
                lst[i] = t


def _check_moves(election: Election, units: tuple[str, ...], parents: list[str]) -> None:
    tree, levels = election.units, election.info.levels
    for uid, pid in zip(units, parents, strict=True):
        for x in (uid, pid):
            if x not in tree.index:
                raise StructureRefused(f"no unit has the id {x!r}")
        u, p = tree.index[uid], tree.index[pid]
        if int(tree.parent[u]) < 0:
            raise StructureRefused("the root unit cannot be moved (an election has one root)")
        if is_below(tree, p, u):
            raise StructureRefused(
                f"{tree.names[u]} cannot move under {tree.names[p]}: that is inside it"
            )
        if not leads_to(election, int(tree.level[p]), int(tree.level[u])):
            lu, lp = levels[int(tree.level[u])], levels[int(tree.level[p])]
            raise StructureRefused(
                f"{tree.names[u]} is a unit of level {lu!r}; it cannot sit under "
                f"{tree.names[p]}, of level {lp!r}"
            )


def _move(election: Election, units: tuple[str, ...], parents: list[str]) -> Reshaped:
    tree = election.units
    u = np.array([tree.index[x] for x in units], dtype=np.int64)
    p = np.array([tree.index[x] for x in parents], dtype=np.int64)
    old = tree.parent[u].copy()
    move_units(election, u, p)
    dirty = np.unique(np.concatenate((old, p)))
    moved = (int(u[0]), int(old[0]), int(p[0])) if len(units) == 1 else None
    return Reshaped(dirty=dirty, moved=moved)
