"""Units through a merge, applied with the project's structure edits: added under their
parent with their figures and notes, renamed or moved when theirs is taken, a removal here
kept or undone as decided, a match rejected making a unit of its own; all one undoable entry."""

from __future__ import annotations

from pathlib import Path

from core.merge.decide import MINE, THEIRS
from core.merge.listing import ConflictList
from core.merge.run import apply_merge, decided_change, plan_sources
from core.merge.side import open_side, side_of
from core.merge.units import NAME, PARENT, REMOVED
from core.opener.load import load
from core.project.edits import Change
from core.project.session import Workspace
from core.project.store import Project, verify_file
from core.project.structure import StructureSteps, removal
from tests.core.builders import write_package
from tests.core.merge.observers import base, figures, project, rows, with_figures


def _observer(tmp: Path, their_rows: list[dict], extra=None, reviews=None) -> Path:  # type: ignore[no-untyped-def]
    e = load(write_package(tmp / "obs", their_rows))
    return project(tmp / "obs.sanaq", with_figures(e, extra or {}), reviews)


def test_a_unit_only_theirs_is_added_under_its_parent_with_its_figures_and_note(tmp_path):
    desk = project(tmp_path / "desk.sanaq", base(tmp_path))
    more = [*rows(), {**rows()[7], "unit_id": "S5", "unit_name": "Station S5", "votes:A": 7}]
    key = ("sum.children", "S5", "official", "valid")
    obs = _observer(tmp_path, more, reviews={key: ("explained", "late count")})
    with Project.open(desk) as store:
        before = len(store.history())
        change = apply_merge(store, plan_sources(side_of(store), [open_side(obs)]))
        assert change is not None
        units = store.election.units
        s5 = units.index["S5"]
        assert units.ids[int(units.parent[s5])] == "D2"
        assert store.election.source("official").value("votes:A", s5) == 7
        assert store.reviews[key] == ("explained", "late count")
        assert len(store.history()) == before + 1
        merged = figures(store.election)
    assert verify_file(desk).ok
    with Project.open(desk) as store:  # the journal replays the units it added
        assert figures(store.election) == merged
        assert apply_merge(store, plan_sources(side_of(store), [open_side(obs)])) is None


def test_names_and_parents_taken_from_theirs_are_one_change_and_one_undo(tmp_path):
    desk = project(tmp_path / "desk.sanaq", base(tmp_path))
    theirs = rows()
    theirs[4]["unit_name"] = "Station One"
    theirs[5]["parent_id"] = "D2"
    theirs.append({**rows()[7], "unit_id": "S5", "unit_name": "Station S5"})
    obs = _observer(tmp_path, theirs)
    with Project.open(desk) as store:
        ws = Workspace(store.election, journal=store, reviews=store.reviews)
        steps = plan_sources(side_of(store), [open_side(obs)])
        kinds = {r.kind for r in ConflictList(steps[0].decisions)}
        assert kinds == {NAME, PARENT}
        before = figures(store.election)
        steps[0].decisions.take_all("theirs")
        change = decided_change(steps)
        assert change is not None
        assert isinstance(change.structure, StructureSteps)
        ws.apply(change)
        units = store.election.units
        assert units.names[units.index["S1"]] == "Station One"
        assert units.ids[int(units.parent[units.index["S2"]])] == "D2"
        assert "S5" in units.index
        ws.undo()
        units = store.election.units
        assert units.names[units.index["S1"]] == "Station S1"
        assert units.ids[int(units.parent[units.index["S2"]])] == "D1"
        assert "S5" not in units.index
        assert figures(store.election) == before
    assert verify_file(desk).ok


def test_a_unit_removed_here_stays_removed_with_mine_and_comes_back_with_theirs(tmp_path):
    e = base(tmp_path)
    obs = project(tmp_path / "obs.sanaq", with_figures(e, {("S4", "observer", "valid"): 3}))
    for take, back in (("mine", False), ("theirs", True)):
        desk = project(tmp_path / f"desk-{take}.sanaq", e)
        with Project.open(desk) as store:
            ws = Workspace(store.election, journal=store, reviews=store.reviews)
            s4 = store.election.units.index["S4"]
            ws.apply(Change("Remove S4", structure=removal(store.election, [s4]), kind="structure"))
            steps = plan_sources(side_of(store), [open_side(obs)])
            (row,) = ConflictList(steps[0].decisions)
            assert (row.kind, row.unit, row.mine_ref.label) == (REMOVED, "S4", "Remove S4")
            steps[0].decisions.take_all(take)
            apply_merge(store, steps)
            assert ("S4" in store.election.units.index) is back
            if back:
                assert figures(store.election)[("S4", "observer", "valid")] == 3
        assert verify_file(desk).ok


def test_a_match_not_accepted_makes_a_unit_of_its_own_and_accepted_none(tmp_path):
    theirs = rows()
    theirs[7]["unit_id"] = "OBS-4"
    obs = _observer(tmp_path, theirs, {("OBS-4", "observer", "votes:A"): 9})
    for accept in (False, True):
        desk = project(tmp_path / f"desk-{accept}.sanaq", base(tmp_path))
        with Project.open(desk) as store:
            steps = plan_sources(side_of(store), [open_side(obs)])
            d = steps[0].decisions
            d.matches[:] = accept
            d.cells[:] = MINE
            d.units[:] = THEIRS
            apply_merge(store, steps)
            units = store.election.units
            assert ("OBS-4" in units.index) is not accept
            where = "S4" if accept else "OBS-4"
            assert figures(store.election)[(where, "observer", "votes:A")] == 9
