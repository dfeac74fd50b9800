"""Merging files into a project: one journalled change that records each file, undone as one,
several files in one command, and the same file twice."""

from __future__ import annotations

from pathlib import Path

from core.merge.decide import THEIRS
from core.merge.listing import ConflictList, describe
from core.merge.run import MERGE_KIND, apply_merge, decided_change, plan_sources
from core.merge.side import open_side, side_of
from core.project.edits import Change, MergedFrom
from core.project.session import Workspace
from core.project.store import Project, verify_file
from tests.core.merge.observers import base, figures, project, with_figures


def test_a_merge_is_one_entry_recording_the_files_hash_and_head_and_replays(tmp_path: Path):
    e = base(tmp_path)
    into = project(tmp_path / "desk.sanaq", e)
    source = project(tmp_path / "obs.sanaq", with_figures(e, {("S1", "observer", "votes:A"): 5}))
    theirs = open_side(source)
    with Project.open(into) as store:
        before = len(store.history())
        assert apply_merge(store, plan_sources(side_of(store), [theirs])) is not None
        (entry,) = store.journal()[before:]
        merged = figures(store.election)
    assert entry.kind == MERGE_KIND
    assert entry.label == "Merge of obs.sanaq"
    assert entry.payload["merged"] == [
        {"source": str(source), "content": theirs.content_hash, "head": theirs.head}
    ]
    assert verify_file(into).ok
    with Project.open(into) as store:
        assert figures(store.election) == merged
        assert merged[("S1", "observer", "votes:A")] == 5


def test_undoing_a_merge_records_it_undone_so_the_file_can_be_merged_again(tmp_path: Path):
    e = base(tmp_path)
    into = project(tmp_path / "desk.sanaq", e)
    source = project(tmp_path / "obs.sanaq", with_figures(e, {("S2", "official", "valid"): 1}))
    with Project.open(into) as store:
        ws = Workspace(store.election, journal=store, reviews=store.reviews)
        steps = plan_sources(side_of(store), [open_side(source)], "theirs")
        change = decided_change(steps)
        assert change is not None
        ws.apply(change)
        assert plan_sources(side_of(store), [open_side(source)])[0].plan.already
        ws.undo()
        undo = store.journal()[-1]
        assert undo.payload["merged"][0]["undone"] is True
        assert Change.from_json(undo.payload).merged[0] == MergedFrom(
            str(source), open_side(source).content_hash, open_side(source).head, undone=True
        )
        again = plan_sources(side_of(store), [open_side(source)])[0].plan
        assert not again.already
        assert len(again.cells.conflicts) == 1


def test_two_files_that_disagree_on_a_figure_only_they_have_conflict_with_each_other(
    tmp_path: Path,
):
    e = base(tmp_path)
    into = project(tmp_path / "desk.sanaq", e)
    one = project(tmp_path / "one.sanaq", with_figures(e, {("S3", "observer", "votes:B"): 4}))
    two = project(tmp_path / "two.sanaq", with_figures(e, {("S3", "observer", "votes:B"): 6}))
    with Project.open(into) as store:
        steps = plan_sources(side_of(store), [open_side(one), open_side(two)])
        assert [len(ConflictList(s.decisions)) for s in steps] == [0, 1]
        (row,) = ConflictList(steps[1].decisions)
        assert (row.mine, row.theirs) == (4, 6)
        assert describe(row.mine_ref) == "this merge: Merge of one.sanaq"
        steps[1].decisions.cells[:] = THEIRS
        change = apply_merge(store, steps)
        assert change is not None
        assert len(change.merged) == 2
        assert len(store.history()) == 1
        assert figures(store.election)[("S3", "observer", "votes:B")] == 6


def test_the_same_file_twice_in_one_command_is_merged_once(tmp_path: Path):
    e = base(tmp_path)
    into = project(tmp_path / "desk.sanaq", e)
    one = project(tmp_path / "one.sanaq", with_figures(e, {("S3", "observer", "votes:B"): 4}))
    with Project.open(into) as store:
        steps = plan_sources(side_of(store), [open_side(one), open_side(one)])
        assert steps[1].plan.already == -1  # this merge's first step
        change = apply_merge(store, steps)
        assert change is not None
        assert len(change.merged) == 1
