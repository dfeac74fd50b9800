"""Merging files into a project: each FROM planned against the figures the ones before it
leave, and every decided plan applied as one journalled change."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.merge.decide import Decisions, Merge
from core.merge.history import JournalIndex, merged_files
from core.merge.plan import Plan, origin_label, plan_merge
from core.merge.side import Side
from core.merge.structure import with_units
from core.project.chain import JournalEntry
from core.project.edits import Change, apply_change
from core.project.interface import ProjectStore
from core.project.session import Workspace

MERGE_KIND = "merge"


@dataclass
class Step:
    """One FROM: its plan and the decisions on it."""

    plan: Plan
    decisions: Decisions


def plan_sources(mine: Side, sources: Sequence[Side], take: str | None = None) -> list[Step]:
    """A plan for each FROM in turn, each meeting the figures as the ones before leave them
    (an open conflict keeps ours), so two FROMs that disagree conflict with each other too."""
    history = JournalIndex(mine.journal, origin_label(mine))
    current = mine
    steps: list[Step] = []
    for k, side in enumerate(sources):
        plan = plan_merge(current, side, history)
        decisions = Decisions(plan)
        if take:
            decisions.take_all(take)
        steps.append(Step(plan, decisions))
        if k + 1 < len(sources) and not plan.already and not plan.empty:
            change = change_of([decisions.merge(provisional=True)])
            if change is not None:
                current = _after(current, change)
                history.add(
                    JournalEntry(-(k + 1), "", MERGE_KIND, change.label, change.to_json(), "", "")
                )
    return steps


def _after(side: Side, change: Change) -> Side:
    """The side with a change applied to a copy of its figures (the project is not touched)."""
    election = copy.deepcopy(side.election)
    reviews = dict(side.reviews)
    apply_change(election, reviews, change)
    return Side(side.label, election, reviews, side.journal, side.head, side.kind)


def open_conflicts(steps: Sequence[Step], *, matches: bool = True) -> int:
    """Conflicts not decided yet; `matches`: each offered match not accepted counts as one
    (the command line cannot accept a match, so it lists them)."""
    n = sum(s.decisions.open_count() for s in steps)
    if matches:
        n += sum(int((~s.decisions.matches).sum()) for s in steps)
    return n


def change_of(merges: Sequence[Merge]) -> Change | None:
    """The decided merges as one change (None: nothing to apply), recording every file that
    brought something: its content hash and journal head."""
    doing = [m for m in merges if not m.empty]
    if not doing:
        return None
    change = Change(
        "Merge of " + ", ".join(m.label.removeprefix("Merge of ") for m in doing),
        tuple(e for m in doing for e in m.edits),
        tuple(r for m in doing for r in m.reviews),
        kind=MERGE_KIND,
        merged=tuple(m.merged for m in doing),
    )
    return with_units(change, [m.units for m in doing])


def decided_change(steps: Sequence[Step]) -> Change | None:
    """Every step's decisions as one change; ValueError if a conflict is still open."""
    return change_of([s.decisions.merge() for s in steps if not s.plan.already])


def apply_merge(store: ProjectStore, steps: Sequence[Step]) -> Change | None:
    """Journal and apply the decided merge in the project (None: nothing to do); the command
    line's way. The window applies `decided_change` through its controller instead."""
    change = decided_change(steps)
    if change is not None:
        Workspace(store.election, journal=store, reviews=store.reviews).apply(change)
    return change


def merged_into(store: ProjectStore) -> list[dict[str, Any]]:
    """The files merged into the project, for the workbook (the journal's payloads are read
    only when it has a merge entry)."""
    if not any(row.get("kind") == MERGE_KIND for row in store.history()):
        return []
    return merged_files(store.journal())
