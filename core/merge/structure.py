"""The tree part of a merge's change: the units it adds, renames and moves, as the project's
structure edits (one edit, or several as steps)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.merge.decide import NewUnits, UnitOps
from core.project.edits import Change
from core.project.structure import (
    AddUnits,
    MoveUnits,
    RenameUnit,
    SingleEdit,
    SourceRows,
    StructureSteps,
    UnitRows,
)


def _rows(a: NewUnits) -> UnitRows:
    figures = {
        source: SourceRows(
            tuple(present), {k: tuple(v) for k, v in a.columns.get(source, {}).items()}
        )
        for source, present in a.present.items()
    }
    return UnitRows(tuple(a.ids), tuple(a.names), tuple(a.levels), tuple(a.parents), figures)


def with_units(change: Change, ops: Sequence[UnitOps]) -> Change:
    """The change with the units its merges add (first, parents before children, with their
    figures), then rename and move."""
    steps: list[SingleEdit] = []
    for o in ops:
        if o.added.ids:
            steps.append(AddUnits(_rows(o.added)))
    for o in ops:
        steps += [RenameUnit(uid, old, new) for uid, old, new in o.renamed]
        steps += [MoveUnits((uid,), (old,), new) for uid, old, new in o.moved]
    if not steps:
        return change
    structure = steps[0] if len(steps) == 1 else StructureSteps(tuple(steps))
    return replace(change, structure=structure)
