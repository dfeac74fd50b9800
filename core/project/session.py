"""A working session: an election, its live findings, its undo history and its project file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from core.model.election import Election
from core.model.restructure import Reshaped, reserve
from core.project.edits import Change, History, apply_change, mark_new_rows
from core.rules.audit import Auditor
from core.rules.finding import Finding

RECHECK_LIMIT = 500


class Journal(Protocol):
    """Where changes are saved the moment they are made (the project file)."""

    def append(self, change: Change) -> None: ...


@dataclass
class ChangeResult:
    """What a change did: the cells it touched and the findings it removed and added.

    After a structure edit that moved units to other positions (`reshaped.shift`), positions
    before and after differ: a view then reads the findings afresh."""

    change: Change
    cells: list[tuple[int, str, str]]  # (unit index, source, field)
    removed: list[Finding]
    added: list[Finding]
    reshaped: Reshaped | None = None


@dataclass
class Workspace:
    """Everything the desktop app edits goes through here, so the CLI and app never disagree."""

    election: Election
    journal: Journal | None = None
    history: History = field(default_factory=History)
    reviews: dict[tuple[str, str, str, str], tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        reserve(self.election)  # room to add units without copying every column
        self.auditor = Auditor(self.election)
        _ = self.election.units.index  # built now, not inside the first edit's re-check

    @property
    def findings(self) -> list[Finding]:
        return self.auditor.result().findings

    def review_of(self, f: Finding) -> tuple[str, str]:
        key = (f.rule, self.election.units.ids[f.unit], f.source, f.field)
        return self.reviews.get(key, ("open", ""))

    def _run(self, change: Change) -> ChangeResult:
        if change.structure is not None:
            change.structure.check(self.election)  # refused here: nothing written, nothing changed
        change = mark_new_rows(self.election, change)
        if self.journal is not None:
            self.journal.append(change)  # saved before it is shown: a crash loses nothing
        before = dict(self.auditor.findings)
        applied = apply_change(self.election, self.reviews, change, checked=True)
        cells, reshaped = applied.cells, applied.reshaped
        touched = list(dict.fromkeys(cells))
        rebuild = len(touched) > RECHECK_LIMIT
        if reshaped is not None and not rebuild:
            # Checked again incrementally unless it would mean summing again below many
            # parents: thousands of stations under a few districts are one cheap pass.
            tree = self.election.units
            parents = np.unique(tree.parent[reshaped.added]) if reshaped.added.size else ()
            if len(parents) > RECHECK_LIMIT:
                rebuild = True
            else:
                self.auditor.reshape(reshaped)
        if rebuild:
            self.auditor = Auditor(self.election)  # one full pass beats thousands of re-checks
        else:
            for unit, source, fld in touched:
                self.auditor.recheck(source, fld, unit)
        after = self.auditor.findings
        removed = [f for k, f in before.items() if after.get(k) != f]
        added = [f for k, f in after.items() if before.get(k) != f]
        return ChangeResult(change, cells, removed, added, reshaped)

    def apply(self, change: Change) -> ChangeResult:
        result = self._run(change)
        self.history.record(result.change)  # as marked, so its undo removes rows it created
        return result

    def undo(self) -> ChangeResult:
        return self._run(self.history.take_undo())

    def redo(self) -> ChangeResult:
        return self._run(self.history.take_redo())
