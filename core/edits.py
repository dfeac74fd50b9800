"""Edits as commands: a Change of cells or review notes, its inverse, and the undo history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.model import Election, column_dtype, is_pct

Value = int | float | None
REVIEW_STATUSES = ("open", "explained", "confirmed")


@dataclass(frozen=True)
class CellEdit:
    """One figure of one unit and source set from `old` to `new` (None: not reported)."""

    unit: str  # unit_id
    source: str
    field: str
    old: Value
    new: Value
    row: str = ""  # "create": the unit had no row in this source before; "drop": undoes that

    def inverse(self) -> CellEdit:
        flip = {"create": "drop", "drop": "create"}.get(self.row, "")
        return CellEdit(self.unit, self.source, self.field, self.new, self.old, flip)


@dataclass(frozen=True)
class ReviewEdit:
    """A finding's review status and comment set from `old` to `new` ((status, comment))."""

    finding: tuple[str, str, str, str]  # (rule, unit_id, source, field)
    old: tuple[str, str]
    new: tuple[str, str]


@dataclass(frozen=True)
class Change:
    """One undoable command: a label for people, and the cells and notes it changes."""

    label: str
    edits: tuple[CellEdit, ...] = ()
    reviews: tuple[ReviewEdit, ...] = ()
    kind: str = "edit"  # edit, paste, delete, import, review

    def inverse(self) -> Change:
        return Change(
            self.label,
            tuple(e.inverse() for e in reversed(self.edits)),
            tuple(ReviewEdit(r.finding, r.new, r.old) for r in reversed(self.reviews)),
            self.kind,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind,
            "edits": [
                [e.unit, e.source, e.field, e.old, e.new, *([e.row] if e.row else [])]
                for e in self.edits
            ],
            "reviews": [[list(r.finding), list(r.old), list(r.new)] for r in self.reviews],
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Change:
        return cls(
            str(obj["label"]),
            tuple(CellEdit(*e) for e in obj.get("edits", [])),
            tuple(
                ReviewEdit(
                    (str(f[0]), str(f[1]), str(f[2]), str(f[3])),
                    (str(o[0]), str(o[1])),
                    (str(n[0]), str(n[1])),
                )
                for f, o, n in obj.get("reviews", [])
            ),
            str(obj.get("kind", "edit")),
        )


def parse_value(field_name: str, text: str) -> Value:
    """A typed cell's value, or ValueError with a message for the person who typed it."""
    t = text.strip()
    if not t:
        return None
    if is_pct(field_name):
        try:
            v = float(t.replace(",", "."))
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"{text!r} is not a number")
        return v
    if not t.isascii() or not t.isdigit():
        if t.lstrip("-").isdigit():
            raise ValueError("a count cannot be negative")
        raise ValueError(f"{text!r} is not a whole number of ballots or votes")
    if len(t) > 15:
        raise ValueError("the count is too large")
    return int(t)


def mark_new_rows(election: Election, change: Change) -> Change:
    """The change with each edit that gives a unit its first row in a source marked "create"."""
    marked: list[CellEdit] = []
    new_rows: set[tuple[int, str]] = set()
    for e in change.edits:
        u = election.units.index[e.unit]
        figs = election.sources.get(e.source)
        fresh = (figs is None or not figs.present[u]) and (u, e.source) not in new_rows
        if fresh and not e.row:
            new_rows.add((u, e.source))
            e = CellEdit(e.unit, e.source, e.field, e.old, e.new, "create")
        marked.append(e)
    if not new_rows:
        return change
    return Change(change.label, tuple(marked), change.reviews, change.kind)


def apply_edits(election: Election, edits: tuple[CellEdit, ...]) -> list[tuple[int, str, str]]:
    """Write the new values into the election; returns the (unit, source, field) touched."""
    touched: list[tuple[int, str, str]] = []
    dropped: list[tuple[int, str]] = []
    for e in edits:
        u = election.units.index[e.unit]
        figs = election.source(e.source)
        figs.present[u] = True
        if e.row == "drop":
            dropped.append((u, e.source))
        col = figs.ensure(e.field, column_dtype(e.field))
        if e.new is None:
            col.reported[u] = False
            col.values[u] = 0
        else:
            col.reported[u] = True
            col.values[u] = np.float64(e.new) if is_pct(e.field) else np.int64(e.new)
        touched.append((u, e.source, e.field))
    for u, source in dropped:  # after every value of the change is back in place
        election.sources[source].present[u] = False
    return touched


@dataclass
class History:
    """Undo and redo of Changes, in the domain (glue's command pattern); Qt only mirrors it."""

    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    def record(self, change: Change) -> None:
        self.done.append(change)
        self.undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    @property
    def undo_label(self) -> str:
        return self.done[-1].label if self.done else ""

    @property
    def redo_label(self) -> str:
        return self.undone[-1].label if self.undone else ""

    def take_undo(self) -> Change:
        """The change that undoes the last one (moved to the redo list)."""
        change = self.done.pop()
        self.undone.append(change)
        return change.inverse()

    def take_redo(self) -> Change:
        change = self.undone.pop()
        self.done.append(change)
        return change
