"""The tree part of a merge's change: units added, renamed and moved, as structure edits."""

from __future__ import annotations

from collections.abc import Sequence

from core.merge.decide import UnitOps
from core.project.edits import Change


class UnitsNotSupported(ValueError):
    """This build cannot change the tree of a project yet."""


def with_units(change: Change, ops: Sequence[UnitOps]) -> Change:
    """The change with the units its merges add, rename or move (none here: structure edits
    are not in this build, so a merge that needs them is refused, naming the units)."""
    needed = [o for o in ops if not o.empty]
    if not needed:
        return change
    ids = [
        u
        for o in needed
        for u in (*o.added.ids, *(r[0] for r in o.renamed), *(m[0] for m in o.moved))
    ]
    raise UnitsNotSupported(
        f"adding, renaming or moving units ({', '.join(ids[:5])}"
        f"{', …' if len(ids) > 5 else ''}) needs structure edits, not in this build"
    )
