"""The plan of a merge, made before anything changes: what their file adds, what is equal, and
every conflict with both values and the journal entries that set them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from core.merge.cells import CellPlan, plan_cells
from core.merge.history import EntryRef, Finding, JournalIndex
from core.merge.side import PACKAGE, Side
from core.merge.units import UnitPlan, plan_units
from core.model.problems import InputRefused, Problem

IntArray = npt.NDArray[np.int64]
Note = tuple[str, str]  # (status, comment)


@dataclass(frozen=True)
class NoteConflict:
    """Two different review notes on one finding."""

    finding: Finding  # with our unit's id
    theirs_unit: int  # position in their tree
    mine: Note
    theirs: Note
    mine_seq: int
    theirs_seq: int


@dataclass
class NotePlan:
    added: list[tuple[Finding, int, Note]] = field(default_factory=list)  # their key, their unit
    conflicts: list[NoteConflict] = field(default_factory=list)


@dataclass
class Plan:
    """Their file against ours. Nothing here has changed either file."""

    mine: Side
    theirs: Side
    history: JournalIndex  # ours
    their_history: JournalIndex
    units: UnitPlan
    cells: CellPlan
    notes: NotePlan
    mine_seq: IntArray  # per figure conflict: the entry that set our value (0: original)
    theirs_seq: IntArray
    already: int = 0  # the entry of ours that merged this very file (its content) before

    @property
    def empty(self) -> bool:
        """Nothing to add and nothing to decide."""
        return not (
            len(self.cells.added)
            or len(self.cells.conflicts)
            or self.units.added
            or self.units.matches
            or self.units.conflicts
            or self.notes.added
            or self.notes.conflicts
        )

    def mine_ref(self, seq: int) -> EntryRef:
        return self.history.ref(seq)

    def theirs_ref(self, seq: int) -> EntryRef:
        return self.their_history.ref(seq)


def origin_label(side: Side) -> str:
    return "the package" if side.kind == PACKAGE else "the original figures"


def refuse_unlike(mine: Side, theirs: Side) -> None:
    """InputRefused unless both files describe one election (its levels and contestants)."""
    a, b = mine.election.info, theirs.election.info
    problems = []
    if a.levels != b.levels:
        problems.append(
            f"its levels are {' / '.join(b.levels)}, not {' / '.join(a.levels)} as in "
            f"{mine.name}: it is not the same election"
        )
    ours, other = mine.election.units, theirs.election.units
    if ours.ids[ours.root] != other.ids[other.root]:
        problems.append(
            f"its whole is the unit {other.ids[other.root]!r}, not {ours.ids[ours.root]!r} as "
            f"in {mine.name}: it is not the same election"
        )
    if sorted(a.codes) != sorted(b.codes):
        extra = sorted(set(b.codes) - set(a.codes))
        missing = sorted(set(a.codes) - set(b.codes))
        what = "; ".join(
            x
            for x in (
                f"contestants {', '.join(extra)} are not in {mine.name}" if extra else "",
                f"contestants {', '.join(missing)} of {mine.name} are missing" if missing else "",
            )
            if x
        )
        problems.append(f"{what}: it is not the same election")
    if problems:
        raise InputRefused([Problem(theirs.label, None, None, None, p) for p in problems])


def plan_merge(mine: Side, theirs: Side, history: JournalIndex | None = None) -> Plan:
    """Compare their file with ours; InputRefused if it is not the same election."""
    refuse_unlike(mine, theirs)
    history = history or JournalIndex(mine.journal, origin_label(mine))
    their_history = JournalIndex(theirs.journal, origin_label(theirs))
    already = history.merged.get(theirs.content_hash, 0)
    if already:
        align = np.full(len(theirs.election.units), -1, dtype=np.int64)
        cells = plan_cells(mine.election, theirs.election, align)
        none = np.zeros(0, dtype=np.int64)
        return Plan(
            mine,
            theirs,
            history,
            their_history,
            UnitPlan(align),
            cells,
            NotePlan(),
            none,
            none,
            already,
        )
    units = plan_units(mine.election, theirs.election, history, their_history)
    cells = plan_cells(mine.election, theirs.election, units.align)
    notes = _plan_notes(mine, theirs, units.align, history, their_history)
    mine_seq, theirs_seq = _cell_origins(mine, theirs, cells, history, their_history)
    return Plan(mine, theirs, history, their_history, units, cells, notes, mine_seq, theirs_seq)


def _cell_origins(
    mine: Side, theirs: Side, cells: CellPlan, history: JournalIndex, their_history: JournalIndex
) -> tuple[IntArray, IntArray]:
    """For each figure conflict, the entries that set our value and theirs."""
    c = cells.conflicts
    columns = {col: k for k, col in enumerate(cells.columns)}
    width = len(columns)
    out = []
    for side, hist, units in ((mine, history, c.mine), (theirs, their_history, c.theirs)):
        keys = units * width + c.column
        out.append(hist.cells(side.election.units.index, columns, keys))
    return out[0], out[1]


def _plan_notes(
    mine: Side,
    theirs: Side,
    align: IntArray,
    history: JournalIndex,
    their_history: JournalIndex,
) -> NotePlan:
    """Their review notes: one only they have is added, a different one is a conflict."""
    plan = NotePlan()
    index, ours_ids = theirs.election.units.index, mine.election.units.ids
    differ: list[tuple[Finding, Finding, int, Note, Note]] = []  # ours, theirs, unit, notes
    for key, note in sorted(theirs.reviews.items()):
        rule, uid, source, fld = key
        t = index.get(uid)
        if t is None:
            continue  # a note on no unit of theirs: nothing to bring
        o = int(align[t])
        ours_key = (rule, ours_ids[o], source, fld) if o >= 0 else key
        have = mine.reviews.get(ours_key) if o >= 0 else None
        if have is None:
            plan.added.append((key, t, note))  # on a unit only they have: goes with the unit
        elif have != note:
            differ.append((ours_key, key, t, have, note))
    if differ:
        ours_seq = history.notes({d[0] for d in differ})
        theirs_seq = their_history.notes({d[1] for d in differ})
        plan.conflicts = [
            NoteConflict(ours, t, have, note, ours_seq.get(ours, 0), theirs_seq.get(key, 0))
            for ours, key, t, have, note in differ
        ]
    return plan
