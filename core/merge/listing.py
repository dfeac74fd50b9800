"""A plan's conflicts as rows for a person: offered matches, units, notes, then figures, each
with both values and the entries that set them; read lazily, row by row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from core.merge.decide import TYPED, Decisions, figure
from core.merge.history import EntryRef
from core.merge.units import NAME, PARENT, REMOVED
from core.model.election import is_pct

FIGURE, MATCH, NOTE = "figure", "match", "note"  # with NAME, PARENT and REMOVED: a row's kind
Shown = int | float | str | None


class ConflictRow(NamedTuple):
    """One thing to decide. `mine`/`theirs` are figures, names, parent ids or notes (a tuple:
    a command line lists hundreds of thousands)."""

    kind: str
    at: int  # its number within its kind, as Decisions counts them
    unit: str  # our unit's id (theirs, for a unit only they have)
    unit_name: str
    source: str
    field: str
    mine: Shown
    theirs: Shown
    mine_ref: EntryRef
    theirs_ref: EntryRef
    choice: int
    typed: Shown = None


def describe(ref: EntryRef) -> str:
    """An entry for a person: its number, when and by whom, and its label."""
    if ref.seq == 0:
        return ref.label
    if ref.seq < 0:
        return f"this merge: {ref.label}"
    when = ref.at[:19].replace("T", " ")
    who = f" by {ref.who}" if ref.who else ""
    return f"entry {ref.seq} ({when} UTC{who}): {ref.label}"


def _note_text(note: tuple[str, str]) -> str:
    status, comment = note
    return f"{status}: {comment}" if comment else status


class ConflictList:
    """The rows of a plan under its decisions: matches first, then unit conflicts, notes and
    figures (figures on a unit whose match was rejected drop out)."""

    def __init__(self, decisions: Decisions, *, matches: bool = True) -> None:
        self.decisions = decisions
        self.matches = matches  # False: matches are shown apart (the window's own table)
        self.refresh()

    def refresh(self) -> None:
        """Read again which rows stand (after a match was accepted or rejected)."""
        d, plan = self.decisions, self.decisions.plan
        self._figures: npt.NDArray[np.int64] = np.flatnonzero(d.live())
        live = d.live_notes()
        self._notes = [i for i in range(len(plan.notes.conflicts)) if live[i]]
        self._counts = (
            len(plan.units.matches) if self.matches else 0,
            len(plan.units.conflicts),
            len(self._notes),
            int(self._figures.size),
        )

    def __len__(self) -> int:
        return sum(self._counts)

    def locate(self, row: int) -> tuple[str, int]:
        """(kind, index within it) of a row: MATCH, "unit", NOTE or FIGURE."""
        m, u, n, _ = self._counts
        if row < m:
            return MATCH, row
        if row < m + u:
            return "unit", row - m
        if row < m + u + n:
            return NOTE, self._notes[row - m - u]
        return FIGURE, int(self._figures[row - m - u - n])

    def split(self, rows: npt.NDArray[np.int64]) -> dict[str, npt.NDArray[np.int64]]:
        """Rows as indices within each kind (MATCH, "unit", NOTE, FIGURE), as arrays: a
        decision on a hundred thousand selected rows at once."""
        m, u, n, _ = self._counts
        notes = np.array(self._notes, dtype=np.int64)
        return {
            MATCH: rows[rows < m],
            "unit": rows[(rows >= m) & (rows < m + u)] - m,
            NOTE: notes[rows[(rows >= m + u) & (rows < m + u + n)] - m - u],
            FIGURE: self._figures[rows[rows >= m + u + n] - m - u - n],
        }

    def row(self, row: int) -> ConflictRow:
        kind, i = self.locate(row)
        d, plan = self.decisions, self.decisions.plan
        ours, other = plan.mine.election.units, plan.theirs.election.units
        if kind == MATCH:
            m = plan.units.matches[i]
            return ConflictRow(
                MATCH,
                i,
                ours.ids[m.mine],
                ours.names[m.mine],
                "",
                "unit",
                f"{ours.ids[m.mine]} {ours.names[m.mine]}",
                f"{other.ids[m.theirs]} {other.names[m.theirs]}",
                plan.mine_ref(plan.history.named.get(ours.ids[m.mine], 0)),
                plan.theirs_ref(plan.their_history.named.get(other.ids[m.theirs], 0)),
                int(d.matches[i]),
            )
        if kind == "unit":
            c = plan.units.conflicts[i]
            o = ours.index.get(c.unit)
            name = ours.names[o] if o is not None else other.names[c.theirs]
            mine: Shown = c.mine_value
            theirs: Shown = c.theirs_value
            if c.what == REMOVED:
                mine, theirs = "(removed)", f"{c.unit} {c.theirs_value}"
            return ConflictRow(
                c.what,
                i,
                c.unit,
                name,
                "",
                {NAME: "name", PARENT: "parent", REMOVED: "unit"}[c.what],
                mine,
                theirs,
                plan.mine_ref(c.mine_seq),
                plan.theirs_ref(c.theirs_seq),
                int(d.units[i]),
                d.unit_values.get(i) if d.units[i] == TYPED else None,
            )
        if kind == NOTE:
            n = plan.notes.conflicts[i]
            o = ours.index[n.finding[1]]
            return ConflictRow(
                NOTE,
                i,
                n.finding[1],
                ours.names[o],
                n.finding[2],
                f"{n.finding[0]} {n.finding[3]}",
                _note_text(n.mine),
                _note_text(n.theirs),
                plan.mine_ref(n.mine_seq),
                plan.theirs_ref(n.theirs_seq),
                int(d.notes[i]),
            )
        f = plan.cells.conflicts
        u = int(f.mine[i])
        source, name = plan.cells.columns[int(f.column[i])]
        return ConflictRow(
            FIGURE,
            i,
            ours.ids[u],
            ours.names[u],
            source,
            name,
            figure(name, float(f.mine_value[i])),
            figure(name, float(f.value[i])),
            plan.mine_ref(int(plan.mine_seq[i])),
            plan.theirs_ref(int(plan.theirs_seq[i])),
            int(d.cells[i]),
            d.cell_values.get(i) if d.cells[i] == TYPED else None,
        )

    def __iter__(self) -> Iterator[ConflictRow]:
        m, u, n, _ = self._counts
        yield from (self.row(r) for r in range(m + u + n))
        yield from self._figure_rows()

    def _figure_rows(self) -> Iterator[ConflictRow]:
        """Every figure row, read as arrays once (what `row` does one at a time)."""
        d, plan = self.decisions, self.decisions.plan
        f, at = plan.cells.conflicts, self._figures
        ids, names = plan.mine.election.units.ids, plan.mine.election.units.names
        columns = plan.cells.columns
        as_pct = [is_pct(name) for _, name in columns]
        mine_ref, theirs_ref = plan.mine_ref, plan.theirs_ref
        for i, u, k, mv, tv, ms, ts, c in zip(
            at.tolist(),
            f.mine[at].tolist(),
            f.column[at].tolist(),
            f.mine_value[at].tolist(),
            f.value[at].tolist(),
            plan.mine_seq[at].tolist(),
            plan.theirs_seq[at].tolist(),
            d.cells[at].tolist(),
            strict=True,
        ):
            source, name = columns[k]
            pct = as_pct[k]
            yield ConflictRow(
                FIGURE,
                i,
                ids[u],
                names[u],
                source,
                name,
                mv if pct else int(mv),
                tv if pct else int(tv),
                mine_ref(ms),
                theirs_ref(ts),
                c,
                d.cell_values.get(i) if c == TYPED else None,
            )
