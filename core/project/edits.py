"""Edits as commands: a Change of cells, review notes or the tree, its inverse, the history."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from core.formats.cells import parse_count, parse_pct
from core.model.election import SOURCES, Election, column_dtype, is_pct
from core.model.restructure import Reshaped
from core.project.structure import StructureEdit, structure_from_json

Value = int | float | None
Reviews = dict[tuple[str, str, str, str], tuple[str, str]]
REVIEW_STATUSES = ("open", "explained", "confirmed")
LARGEST_COUNT = 999_999_999_999  # CONTRACT §1: no count above this is read
_FLIP = {"": "", "create": "drop", "drop": "create"}  # a row's fate, undone


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
        return CellEdit(self.unit, self.source, self.field, self.new, self.old, _FLIP[self.row])


@dataclass(frozen=True)
class ReviewEdit:
    """A finding's review status and comment set from `old` to `new` ((status, comment))."""

    finding: tuple[str, str, str, str]  # (rule, unit_id, source, field)
    old: tuple[str, str]
    new: tuple[str, str]


@dataclass(frozen=True)
class MergedFrom:
    """A file a merge brought in: its name, the hash of its figures and notes (as a snapshot
    entry records it) and its journal head ("" for a package), so each figure can be traced."""

    source: str
    content: str
    head: str
    undone: bool = False  # recorded by the undo of that merge

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {"source": self.source, "content": self.content, "head": self.head}
        return {**obj, "undone": True} if self.undone else obj


@dataclass(frozen=True)
class Change:
    """One undoable command: a label for people, and the cells, notes and tree it changes.

    A structure edit applies first, then the cells, then the notes; the cells it names are
    units that exist both before and after the structure edit (new units bring their own
    figures), so the inverse applies in the same order."""

    label: str
    edits: tuple[CellEdit, ...] = ()
    reviews: tuple[ReviewEdit, ...] = ()
    kind: str = "edit"  # edit, paste, delete, import, review, structure, merge
    structure: StructureEdit | None = None
    merged: tuple[MergedFrom, ...] = ()  # a merge's files; its undo records them undone

    @property
    def empty(self) -> bool:
        return not self.edits and not self.reviews and self.structure is None

    @property
    def size(self) -> int:
        """Cells, notes and units it touches: how long it may take."""
        units = len(getattr(self.structure, "rows", ())) if self.structure is not None else 0
        return len(self.edits) + len(self.reviews) + units

    def inverse(self) -> Change:
        return replace(
            self,
            edits=tuple(e.inverse() for e in reversed(self.edits)),
            reviews=tuple(ReviewEdit(r.finding, r.new, r.old) for r in reversed(self.reviews)),
            structure=None if self.structure is None else self.structure.inverse(),
            merged=tuple(replace(m, undone=not m.undone) for m in self.merged),
        )

    def to_json(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "label": self.label,
            "kind": self.kind,
            "edits": [
                [e.unit, e.source, e.field, e.old, e.new, *([e.row] if e.row else [])]
                for e in self.edits
            ],
            "reviews": [[list(r.finding), list(r.old), list(r.new)] for r in self.reviews],
        }
        if self.structure is not None:
            obj["structure"] = self.structure.describe()
        if self.merged:
            obj["merged"] = [m.to_json() for m in self.merged]
        return obj

    @classmethod
    def from_json(cls, obj: object) -> Change:
        """The change a journal entry records; ValueError, in words, for anything else."""
        if not isinstance(obj, dict) or not isinstance(obj.get("label"), str):
            raise ValueError("it is not a recorded change (it has no label)")
        edits, reviews, kind = obj.get("edits", []), obj.get("reviews", []), obj.get("kind", "edit")
        merged = obj.get("merged", [])
        if not isinstance(edits, list) or not isinstance(reviews, list) or not _is_str(kind):
            raise ValueError("it is not a recorded change (its edits or notes are not lists)")
        if not isinstance(merged, list):
            raise ValueError("it is not a recorded change (its merged files are not a list)")
        structure = None
        if "structure" in obj:
            try:
                structure = structure_from_json(obj["structure"])
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
                raise ValueError(f"its structure edit is not one: {exc}") from None
        return cls(
            obj["label"],
            tuple(_cell_edit(e) for e in edits),
            tuple(_review_edit(r) for r in reviews),
            kind,
            structure,
            tuple(_merged_from(m) for m in merged),
        )


def _is_str(x: object) -> bool:
    return isinstance(x, str)


def _is_figure(v: object) -> bool:
    return v is None or (isinstance(v, int | float) and not isinstance(v, bool))


def _cell_edit(e: object) -> CellEdit:
    if (
        not isinstance(e, list)
        or len(e) not in (5, 6)
        or not all(_is_str(x) for x in e[:3])
        or not (_is_figure(e[3]) and _is_figure(e[4]))
        or (len(e) == 6 and e[5] not in ("create", "drop"))
    ):
        raise ValueError(f"a cell edit is not unit, source, field, old and new figure: {e!r:.80}")
    return CellEdit(*e)


def _merged_from(m: object) -> MergedFrom:
    fields = ("source", "content", "head")
    if isinstance(m, dict) and all(_is_str(m.get(k)) for k in fields):
        undone = m.get("undone", False)
        if isinstance(undone, bool):
            return MergedFrom(m["source"], m["content"], m["head"], undone)
    raise ValueError(f"a merged file is not source, content hash and head: {m!r:.80}")


def _note(x: object) -> tuple[str, str] | None:
    if isinstance(x, list) and len(x) == 2 and x[0] in REVIEW_STATUSES and _is_str(x[1]):
        return (str(x[0]), str(x[1]))
    return None


def _review_edit(r: object) -> ReviewEdit:
    if isinstance(r, list) and len(r) == 3:
        f, old, new = r[0], _note(r[1]), _note(r[2])
        if isinstance(f, list) and len(f) == 4 and all(_is_str(x) for x in f) and old and new:
            return ReviewEdit((str(f[0]), str(f[1]), str(f[2]), str(f[3])), old, new)
    raise ValueError(f"a review note is not finding, old and new status with comment: {r!r:.80}")


def _fields(election: Election) -> set[str]:
    info = election.info
    known = {*info.count_fields(), *info.pct_fields(), *info.seat_fields()}
    for figs in election.sources.values():
        known.update(figs.columns)
    return known


def check_change(election: Election, change: Change) -> None:
    """ValueError, naming the cell, for an edit this election could not take: an unknown unit,
    source or field, or a value that is not a figure of that field."""
    index = election.units.index
    known: set[str] = set()  # every field the election knows, gathered only when needed
    for e in change.edits:
        where = f"{change.label}: {e.unit} {e.field}"
        if e.unit not in index:
            raise ValueError(f"{change.label}: no unit has the id {e.unit!r}")
        figs = election.sources.get(e.source)
        if figs is None and e.source not in SOURCES:
            raise ValueError(f"{where}: {e.source!r} is not a source of figures")
        if figs is None or e.field not in figs.columns:
            known = known or _fields(election)
            if e.field not in known:
                raise ValueError(f"{where}: this election has no field {e.field!r}")
        for v in (e.old, e.new):
            if not _is_figure(v):
                raise ValueError(f"{where}: {v!r} is not a figure")
            if v is None:
                continue
            if is_pct(e.field):
                if v != v or v in (float("inf"), float("-inf")):
                    raise ValueError(f"{where}: {v!r} is not a percentage")
            elif not isinstance(v, int) or not 0 <= v <= LARGEST_COUNT:
                raise ValueError(
                    f"{where}: {v!r} is not a count (a whole number from 0 to {LARGEST_COUNT:,})"
                )


def apply_reviews(reviews: Reviews, edits: tuple[ReviewEdit, ...]) -> None:
    """Review notes as Workspace keeps them: back to ("open", "") means no note at all."""
    for r in edits:
        if r.new == ("open", ""):
            reviews.pop(r.finding, None)
        else:
            reviews[r.finding] = r.new


@dataclass
class Applied:
    """What applying a change did: the cells it wrote, and how the tree changed."""

    cells: list[tuple[int, str, str]]
    reshaped: Reshaped | None = None


def apply_change(
    election: Election, reviews: Reviews, change: Change, *, checked: bool = False
) -> Applied:
    """The one way a change reaches an election and its notes: the session applies edits
    through it and the store replays its journal through it. Checked first (ValueError in
    words: a structure edit that would break the tree, a cell that cannot be), so a crafted
    entry never half-applies. `checked`: the caller has just checked the structure edit."""
    check_change(election, change)
    if change.structure is not None and not checked:
        change.structure.check(election)
    reshaped = None
    if change.structure is not None:
        reshaped = change.structure.apply(election, reviews)
    cells = apply_edits(election, change.edits)
    apply_reviews(reviews, change.reviews)
    return Applied(cells, reshaped)


def parse_value(field_name: str, text: str) -> Value:
    """A typed cell's value, or ValueError with a message for the person who typed it."""
    t = text.strip()
    if not t:
        return None
    if is_pct(field_name):
        try:
            return parse_pct(t.replace(",", "."))
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
    return parse_count(t)  # the package's own grammar (CONTRACT §1): digits 0-9, a `+`


def _unit_positions(election: Election, edits: tuple[CellEdit, ...]) -> list[int]:
    index = election.units.index
    return [index[e.unit] for e in edits]


def mark_new_rows(election: Election, change: Change) -> Change:
    """The change with each edit that gives a unit its first row in a source marked "create"."""
    units = _unit_positions(election, change.edits)
    marks: dict[int, CellEdit] = {}  # position in the change -> its marked edit
    for source in {e.source for e in change.edits}:
        figs = election.sources.get(source)
        at = np.array(
            [k for k, e in enumerate(change.edits) if e.source == source and not e.row],
            dtype=np.int64,
        )
        if not at.size:
            continue
        u = np.asarray(units, dtype=np.int64)[at]
        fresh = np.ones(u.size, bool) if figs is None else ~figs.present[u]
        # the first edit of each new (unit, source) carries the mark
        _, first = np.unique(u[fresh], return_index=True)
        for k in at[fresh][first].tolist():
            e = change.edits[k]
            marks[k] = CellEdit(e.unit, e.source, e.field, e.old, e.new, "create")
    if not marks:
        return change
    return replace(change, edits=tuple(marks.get(k, e) for k, e in enumerate(change.edits)))


def apply_edits(election: Election, edits: tuple[CellEdit, ...]) -> list[tuple[int, str, str]]:
    """Write the new values into the election; returns the (unit, source, field) touched.

    Edits are grouped by (source, field) and written as arrays: an import of a hundred
    thousand stations is millions of edits. Within a change the last edit of a cell wins.
    """
    units = _unit_positions(election, edits)
    groups: dict[tuple[str, str], list[int]] = {}
    for k, e in enumerate(edits):
        groups.setdefault((e.source, e.field), []).append(k)
    for (source, fld), ks in groups.items():
        figs = election.source(source)
        col = figs.ensure(fld, column_dtype(fld))
        last_first = ks[::-1]
        u_all = np.array([units[k] for k in last_first], dtype=np.int64)
        u, keep = np.unique(u_all, return_index=True)  # first in reverse: the last edit
        news = [edits[last_first[i]].new for i in keep.tolist()]
        reported = np.array([v is not None for v in news], dtype=bool)
        values = np.array([0 if v is None else v for v in news], dtype=col.values.dtype)
        figs.present[u] = True
        col.reported[u] = reported
        col.values[u] = values
    for k, e in enumerate(edits):  # after every value of the change is back in place
        if e.row == "drop":
            election.sources[e.source].present[units[k]] = False
    return [(units[k], e.source, e.field) for k, e in enumerate(edits)]


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
