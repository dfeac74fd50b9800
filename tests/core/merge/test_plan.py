"""The plan of a merge: figures added, equal and in conflict, units matched and disputed, notes,
each conflict with both values and the journal entries that set them."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.merge.decide import MINE, THEIRS, TYPED, Decisions
from core.merge.history import JournalIndex, operator_of
from core.merge.listing import FIGURE, MATCH, NOTE, ConflictList, describe
from core.merge.plan import plan_merge
from core.merge.side import open_side
from core.merge.units import BY_NAME, NAME, PARENT, REMOVED
from core.model.problems import InputRefused
from core.project.chain import JournalEntry
from core.project.edits import CellEdit, Change
from core.project.store import Project
from tests.core.builders import info_json, write_package
from tests.core.merge.observers import base, project, rows, side, with_figures


def test_a_figure_only_theirs_is_added_an_equal_one_is_nothing_a_different_one_conflicts(
    tmp_path: Path,
):
    e = base(tmp_path)
    mine = with_figures(e, {("S1", "observer", "votes:A"): 61})
    theirs = with_figures(e, {("S1", "observer", "votes:A"): 62, ("S2", "observer", "votes:B"): 29})
    plan = plan_merge(side(mine, "mine.sanaq"), side(theirs))
    added = plan.cells.added
    assert [(plan.cells.columns[k], u) for k, u in zip(added.column, added.mine, strict=False)] == [
        (("observer", "votes:B"), mine.units.index["S2"])
    ]
    rows_ = list(ConflictList(Decisions(plan)))
    assert [(r.kind, r.unit, r.source, r.field, r.mine, r.theirs) for r in rows_] == [
        (FIGURE, "S1", "observer", "votes:A", 61, 62)
    ]
    assert plan.cells.equal == sum(
        int(c.reported.sum()) for f in e.sources.values() for c in f.columns.values()
    )


def test_each_conflict_names_the_entries_that_set_both_values(tmp_path: Path):
    e = base(tmp_path)
    mine = project(tmp_path / "mine.sanaq", e)
    theirs = project(tmp_path / "theirs.sanaq", e)
    with Project.open(theirs) as p:
        p.append(Change("Protocol of Station S3", (CellEdit("S3", "official", "valid", 90, 91),)))
    plan = plan_merge(open_side(mine), open_side(theirs))
    (row,) = ConflictList(Decisions(plan))
    assert (row.unit, row.field, row.mine, row.theirs) == ("S3", "valid", 90, 91)
    assert row.mine_ref.seq == 0
    assert describe(row.mine_ref) == "the original figures"
    assert row.theirs_ref.seq == 1
    assert describe(row.theirs_ref).startswith("entry 1 (")
    assert describe(row.theirs_ref).endswith("UTC): Protocol of Station S3")
    package = open_side(write_package(tmp_path / "pkg", rows()))
    (row,) = ConflictList(Decisions(plan_merge(open_side(theirs), package)))
    assert describe(row.theirs_ref) == "the package"
    assert (row.mine, row.mine_ref.label) == (91, "Protocol of Station S3")


def test_an_entry_that_records_its_operator_is_shown_with_their_name():
    entry = JournalEntry(3, "2026-12-01T10:02:03.000+00:00", "edit", "Protocol", {}, "", "")
    signed = JournalEntry(4, entry.at, "edit", "Protocol", {"operator": "Aigul"}, "", "")
    index = JournalIndex([entry, signed], "the original figures")
    assert operator_of(signed) == "Aigul"
    assert operator_of(entry) == ""
    assert describe(index.ref(4)) == "entry 4 (2026-12-01 10:02:03 UTC by Aigul): Protocol"
    assert describe(index.ref(3)) == "entry 3 (2026-12-01 10:02:03 UTC): Protocol"


def test_units_match_by_id_and_a_different_name_or_parent_is_a_conflict(tmp_path: Path):
    mine = base(tmp_path)
    changed = rows()
    changed[4]["unit_name"] = "Station One"  # S1 renamed
    changed[5]["parent_id"] = "D2"  # S2 moved
    theirs = open_side(write_package(tmp_path / "theirs", changed))
    plan = plan_merge(side(mine), theirs)
    found = {(c.what, c.unit, c.mine_value, c.theirs_value) for c in plan.units.conflicts}
    assert found == {(NAME, "S1", "Station S1", "Station One"), (PARENT, "S2", "D1", "D2")}
    assert not plan.units.added
    assert not plan.units.matches


def test_a_unit_only_theirs_is_added_and_one_under_another_id_is_offered_by_name(
    tmp_path: Path,
):
    mine = base(tmp_path)
    more = rows()
    more[4]["unit_id"] = "OBS-1"  # their S1, under another id: same name and parent
    more.append({**more[5], "unit_id": "S9", "unit_name": "Station S9", "votes:A": 7})
    theirs = open_side(write_package(tmp_path / "theirs", more))
    plan = plan_merge(side(mine), theirs)
    other = theirs.election.units
    assert [other.ids[t] for t in plan.units.added] == ["S9"]
    (m,) = plan.units.matches
    assert (other.ids[m.theirs], mine.units.ids[m.mine], m.why) == ("OBS-1", "S1", BY_NAME)
    rows_ = list(ConflictList(Decisions(plan)))
    assert [(r.kind, r.unit, r.theirs) for r in rows_] == [(MATCH, "S1", "OBS-1 Station S1")]


def test_two_of_their_units_with_one_name_under_one_parent_match_neither(tmp_path: Path):
    mine = base(tmp_path)
    more = rows()
    more[4]["unit_id"] = "OBS-1"
    more.append({**more[4], "unit_id": "OBS-2"})  # the same name twice under D1
    plan = plan_merge(side(mine), open_side(write_package(tmp_path / "theirs", more)))
    assert not plan.units.matches
    assert len(plan.units.added) == 2


def test_a_unit_this_project_removed_is_a_conflict_not_a_silent_re_add(tmp_path: Path):
    mine = open_side(write_package(tmp_path / "mine", [r for r in rows() if r["unit_id"] != "S4"]))
    removal = {"op": "remove", "units": [["S4", "Station S4", "station", "D2"]]}
    mine.journal = [
        JournalEntry(
            1,
            "2026-12-01T09:00:00.000+00:00",
            "structure",
            "Remove S4",
            {
                "label": "Remove S4",
                "kind": "structure",
                "edits": [],
                "reviews": [],
                "structure": removal,
            },
            "",
            "",
        )
    ]
    plan = plan_merge(mine, open_side(write_package(tmp_path / "theirs", rows())))
    (c,) = plan.units.conflicts
    assert (c.what, c.unit, c.mine_seq) == (REMOVED, "S4", 1)
    assert not plan.units.added  # nothing is added until a person decides
    (row,) = ConflictList(Decisions(plan))
    assert (row.mine, row.theirs, row.mine_ref.label) == ("(removed)", "S4 Station S4", "Remove S4")


def test_notes_only_theirs_are_added_and_two_different_notes_on_one_finding_conflict(
    tmp_path: Path,
):
    e = base(tmp_path)
    key = ("sum.children", "D1", "official", "valid")
    other = ("sum.children", "D2", "official", "valid")
    mine = side(e, "mine", {key: ("explained", "recount in D1")})
    theirs = side(e, "theirs", {key: ("confirmed", "seen"), other: ("explained", "late")})
    plan = plan_merge(mine, theirs)
    assert [(k, n) for k, _, n in plan.notes.added] == [(other, ("explained", "late"))]
    (row,) = ConflictList(Decisions(plan))
    assert (row.kind, row.unit, row.mine, row.theirs) == (
        NOTE,
        "D1",
        "explained: recount in D1",
        "confirmed: seen",
    )


def test_another_election_is_refused_naming_the_file(tmp_path: Path):
    mine = base(tmp_path)
    pkg = write_package(tmp_path / "other", rows(), info_json(codes=("A", "B", "C")))
    with pytest.raises(InputRefused) as refused:
        plan_merge(side(mine), open_side(pkg))
    assert str(pkg) in refused.value.report()
    assert "contestants C are not in" in refused.value.report()
    other_root = rows()
    other_root[0]["unit_id"] = "RU"
    other_root[1]["parent_id"] = "RU"
    with pytest.raises(InputRefused, match="its whole is the unit 'RU', not 'KZ'"):
        plan_merge(side(mine), open_side(write_package(tmp_path / "ru", other_root)))


def test_decisions_take_mine_theirs_or_a_typed_value_and_none_left_open(tmp_path: Path):
    e = base(tmp_path)
    mine = with_figures(e, {("S1", "official", "votes:A"): 61, ("S2", "official", "votes:A"): 1})
    plan = plan_merge(side(mine), side(e))
    d = Decisions(plan)
    with pytest.raises(ValueError, match="2 conflicts are not decided"):
        d.merge()
    d.cells[:] = [MINE, TYPED]
    d.cell_values[1] = 55
    assert [(x.unit, x.old, x.new) for x in d.merge().edits] == [("S2", 1, 55)]
    d.cells[:] = THEIRS
    assert [(x.unit, x.old, x.new) for x in d.merge().edits] == [("S1", 61, 60), ("S2", 1, 60)]
    assert d.merge().merged.content == plan.theirs.content_hash
