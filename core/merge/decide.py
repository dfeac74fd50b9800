"""A person's decisions on a plan (take mine, take theirs, a typed value; matches accepted),
and the one Change they make: figures, notes and units, with the file's hash and head."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from core.merge.plan import Plan
from core.merge.units import NAME, PARENT, REMOVED
from core.model.election import Election, is_pct
from core.project.edits import CellEdit, MergedFrom, ReviewEdit, Value

UNDECIDED, MINE, THEIRS, TYPED = 0, 1, 2, 3
TAKES = {"mine": MINE, "theirs": THEIRS}
NO_NOTE = ("open", "")


def figure(field_name: str, v: float) -> Value:
    """A figure from the plan's float64 arrays, as the field holds it."""
    return float(v) if is_pct(field_name) else int(v)


@dataclass
class NewUnits:
    """Units to add, parents first: ids, names, level names and parent ids, with their
    figures (per source: which units have a row, and each field's values)."""

    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    present: dict[str, list[bool]] = field(default_factory=dict)
    columns: dict[str, dict[str, list[Value]]] = field(default_factory=dict)


@dataclass
class UnitOps:
    """What a merge does to the tree: units added, renamed and moved."""

    added: NewUnits = field(default_factory=NewUnits)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old, new)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old parent, new)

    @property
    def empty(self) -> bool:
        return not (self.added.ids or self.renamed or self.moved)


@dataclass
class Merge:
    """A plan decided: the parts of its one Change."""

    label: str
    edits: tuple[CellEdit, ...]
    reviews: tuple[ReviewEdit, ...]
    units: UnitOps
    merged: MergedFrom

    @property
    def empty(self) -> bool:
        return not self.edits and not self.reviews and self.units.empty


class Decisions:
    """Every conflict of a plan undecided, every offered match not accepted, to begin with."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.cells = np.zeros(len(plan.cells.conflicts), dtype=np.int8)
        self.cell_values: dict[int, Value] = {}  # typed values, by figure conflict
        self.units = np.zeros(len(plan.units.conflicts), dtype=np.int8)
        self.unit_values: dict[int, str] = {}  # typed names
        self.notes = np.zeros(len(plan.notes.conflicts), dtype=np.int8)
        self.matches = np.zeros(len(plan.units.matches), dtype=bool)  # accepted

    def take_all(self, side: str) -> None:
        """--take mine|theirs: every conflict decided one way; no match is accepted."""
        choice = TAKES[side]
        self.cells[:] = choice
        self.units[:] = choice
        self.notes[:] = choice
        self.cell_values.clear()
        self.unit_values.clear()

    def rejected(self) -> set[int]:
        """Their units offered as matches but not taken as ours (nor is a match below one)."""
        plan = self.plan
        tree = plan.theirs.election.units
        out: set[int] = set()
        by_theirs = plan.units.match_of()
        for i, m in sorted(enumerate(plan.units.matches), key=lambda x: tree.depth[x[1].theirs]):
            p = int(tree.parent[m.theirs])
            if not self.matches[i] or (p in by_theirs and p in out):
                out.add(m.theirs)
        return out

    def live(self) -> npt.NDArray[np.bool_]:
        """The figure conflicts that stand: not on a unit whose match was rejected."""
        gone = self.rejected()
        if not gone:
            return np.ones(len(self.cells), dtype=bool)
        return ~np.isin(self.plan.cells.conflicts.theirs, np.array(sorted(gone), dtype=np.int64))

    def live_notes(self) -> list[bool]:
        gone = self.rejected()
        return [c.theirs_unit not in gone for c in self.plan.notes.conflicts]

    def open_count(self) -> int:
        """Conflicts that stand and are not decided yet."""
        live = self.live()
        notes = self.live_notes()
        return (
            int(np.count_nonzero((self.cells == UNDECIDED) & live))
            + int(np.count_nonzero(self.units == UNDECIDED))
            + sum(1 for n, k in zip(notes, self.notes.tolist(), strict=True) if n and k == 0)
        )

    def merge(self, *, provisional: bool = False) -> Merge:
        """The decided plan as the parts of one change; ValueError if a conflict is open.
        `provisional`: an open conflict keeps our value (how the next file of one command
        meets the figures; nothing is applied with a conflict open)."""
        if self.open_count() and not provisional:
            raise ValueError(f"{self.open_count():,} conflicts are not decided yet")
        plan = self.plan
        rejected = self.rejected()
        units = self._units(rejected)
        edits = self._edits(rejected)
        reviews = self._reviews(rejected, units.added)
        theirs = plan.theirs
        return Merge(
            f"Merge of {theirs.name}",
            edits,
            reviews,
            units,
            MergedFrom(theirs.label, theirs.content_hash, theirs.head),
        )

    # -- the parts --

    def _edits(self, rejected: set[int]) -> tuple[CellEdit, ...]:
        plan = self.plan
        ids, cols = plan.mine.election.units.ids, plan.cells.columns
        out: list[CellEdit] = []
        add = plan.cells.added
        keep = np.ones(len(add), dtype=bool)
        if rejected:
            keep = ~np.isin(add.theirs, np.array(sorted(rejected), dtype=np.int64))
        for k, u, v in zip(
            add.column[keep].tolist(),
            add.mine[keep].tolist(),
            add.value[keep].tolist(),
            strict=True,
        ):
            source, name = cols[k]
            out.append(CellEdit(ids[u], source, name, None, figure(name, v)))
        c = plan.cells.conflicts
        live = self.live()
        taken = (self.cells == THEIRS) | (self.cells == TYPED)
        for i in np.flatnonzero(live & taken).tolist():
            source, name = cols[int(c.column[i])]
            old = figure(name, float(c.mine_value[i]))
            typed = self.cells[i] == TYPED
            new = self.cell_values[i] if typed else figure(name, float(c.value[i]))
            if new != old:
                out.append(CellEdit(ids[int(c.mine[i])], source, name, old, new))
        return tuple(out)

    def _units(self, rejected: set[int]) -> UnitOps:
        plan = self.plan
        ops = UnitOps()
        other, ours = plan.theirs.election.units, plan.mine.election.units
        for i, c in enumerate(plan.units.conflicts):
            choice = int(self.units[i])
            if c.what == NAME and choice in (THEIRS, TYPED):
                name = self.unit_values[i] if choice == TYPED else c.theirs_value
                if name != c.mine_value:
                    ops.renamed.append((c.unit, c.mine_value, name))
            elif c.what == PARENT and choice == THEIRS:
                ops.moved.append((c.unit, c.mine_value, c.theirs_value))
        back = {i for i, c in enumerate(plan.units.conflicts) if c.what == REMOVED}
        back = {i for i in back if self.units[i] == THEIRS}  # undecided: stays removed
        new = set(plan.units.added) | rejected
        new |= {t for t, i in plan.units.within.items() if i in back}
        if not new:
            return ops
        order = sorted(new, key=lambda t: (int(other.depth[t]), t))
        align = plan.units.align
        a = ops.added
        levels = plan.theirs.election.info.levels
        for t in order:
            p = int(other.parent[t])
            if p < 0:
                continue  # a second root cannot be added; nothing of it is lost from their file
            mapped = int(align[p]) if p not in rejected and p not in new else -1
            a.ids.append(other.ids[t])
            a.names.append(other.names[t])
            a.levels.append(levels[int(other.level[t])])
            a.parents.append(ours.ids[mapped] if mapped >= 0 else other.ids[p])
        _figures_of(plan.theirs.election, [other.index[u] for u in a.ids], a)
        return ops

    def _reviews(self, rejected: set[int], added: NewUnits) -> tuple[ReviewEdit, ...]:
        plan = self.plan
        ours_ids, theirs_ids = plan.mine.election.units.ids, plan.theirs.election.units.ids
        align = plan.units.align
        new = set(added.ids)
        out: list[ReviewEdit] = []
        for key, t, note in plan.notes.added:
            uid = theirs_ids[t]
            if uid in new:
                out.append(ReviewEdit(key, NO_NOTE, note))
            elif align[t] >= 0 and t not in rejected:
                ours_key = (key[0], ours_ids[int(align[t])], key[2], key[3])
                out.append(ReviewEdit(ours_key, NO_NOTE, note))
        live = self.live_notes()
        for i, c in enumerate(plan.notes.conflicts):
            if not live[i]:  # their unit is added as a unit of its own, with its note
                key = (c.finding[0], theirs_ids[c.theirs_unit], *c.finding[2:])
                out.append(ReviewEdit(key, NO_NOTE, c.theirs))
            elif self.notes[i] == THEIRS:
                out.append(ReviewEdit(c.finding, c.mine, c.theirs))
        return tuple(out)


def _figures_of(election: Election, units: list[int], into: NewUnits) -> None:
    """Every figure and row their file has for the units, source by source."""
    u = np.array(units, dtype=np.int64)
    for source, figs in election.sources.items():
        present = figs.present[u]
        if not present.any():
            continue
        into.present[source] = present.tolist()
        columns: dict[str, list[Value]] = {}
        for name, col in figs.columns.items():
            rep = col.reported[u]
            if rep.any():
                vals = col.values[u].tolist()
                columns[name] = [v if r else None for v, r in zip(vals, rep.tolist(), strict=True)]
        into.columns[source] = columns
