"""Structure edits: add, remove, move, rename and re-id units; refused whole when they would
break the tree; undone exactly; journalled and replayed; re-audited as a fresh audit would."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.formats.rows import results_csv_bytes
from core.model.restructure import StructureRefused, subtree
from core.project import structure as s
from core.project.edits import CellEdit, Change, ReviewEdit
from core.project.session import Workspace
from core.project.store import Project
from core.rules.audit import run_audit
from tests.core.builders import election, station


def rows():
    return [
        {
            "unit_id": "N",
            "unit_name": "Nation",
            "level": "nation",
            "parent_id": "",
            "registered": 800,
            "votes:A": 240,
        },
        {"unit_id": "R1", "unit_name": "North", "level": "region", "parent_id": "N"},
        {"unit_id": "R2", "unit_name": "South", "level": "region", "parent_id": "N"},
        {
            "unit_id": "D1",
            "unit_name": "D1",
            "level": "district",
            "parent_id": "R1",
            "votes:A": 120,
        },
        {"unit_id": "D2", "unit_name": "D2", "level": "district", "parent_id": "R2"},
        station("S1", "D1"),
        station("S2", "D1"),
        station("S3", "D2", a=61),
        station("S4", "D2", source="observer", a=59),
    ]


@pytest.fixture
def ws(tmp_path):
    return Workspace(election(tmp_path, rows()))


def structure(edit) -> Change:
    return Change("structure", kind="structure", structure=edit)


def audited_afresh(ws: Workspace) -> None:
    fresh = {f.key: f for f in run_audit(ws.election).findings}
    assert ws.auditor.findings == fresh


def ids(ws: Workspace) -> list[str]:
    return list(ws.election.units.ids)


def test_new_children_go_at_the_next_level_with_an_empty_official_row(ws):
    e = ws.election
    edit = s.new_children(e, e.units.index["D2"], s.numbered("№ #", 101, 3), ["a", "b", "c"])
    ws.apply(structure(edit))
    d2 = e.units.index["D2"]
    kids = [e.units.ids[int(u)] for u in e.units.children(d2)]
    assert kids == ["S3", "S4", "№ 101", "№ 102", "№ 103"]
    new = e.units.index["№ 102"]
    assert e.info.levels[int(e.units.level[new])] == "station"
    assert e.sources["official"].present[new]
    assert e.sources["official"].value("votes:A", new) is None
    audited_afresh(ws)
    assert b"\xe2\x84\x96 103,c,station,D2,official" in results_csv_bytes(e)


def test_numbered_pads_with_a_run_of_hashes():
    assert s.numbered("S-###", 7, 2) == ["S-007", "S-008"]
    assert s.numbered("Station", 1, 2) == ["Station 1", "Station 2"]


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda e: s.new_children(e, e.units.index["D1"], ["S2"], ["dup"]), "already taken"),
        (lambda e: s.new_children(e, e.units.index["D1"], [""], ["x"]), "empty"),
        (lambda e: s.new_children(e, e.units.index["D1"], ["X", "X"], ["x", "y"]), "taken"),
        (lambda e: s.ReidUnit("S1", "S2"), "already taken"),
        (lambda e: s.ReidUnit("S1", " "), "empty"),
        (lambda e: s.MoveUnits(("R1",), ("N",), "D1"), "inside it"),
        (lambda e: s.MoveUnits(("R1",), ("N",), "R1"), "inside it"),
        (lambda e: s.MoveUnits(("S1",), ("D1",), "R2"), "cannot sit under"),
        (lambda e: s.MoveUnits(("N",), ("",), "R1"), "one root"),
        (lambda e: s.AddUnits(s.UnitRows(("X",), ("x",), ("region",), ("",))), "one root"),
        (lambda e: s.AddUnits(s.UnitRows(("X",), ("x",), ("station",), ("R1",))), "cannot sit"),
        (
            lambda e: s.AddUnits(
                s.UnitRows(("X", "Y"), ("x", "y"), ("district", "district"), ("Y", "X"))
            ),
            "form a cycle",
        ),
        (lambda e: s.AddUnits(s.UnitRows(("X",), ("x",), ("district",), ("R9",))), "R9"),
        (lambda e: s.removal(e, [e.units.root]), "root"),
        (lambda e: s.RemoveUnits(s.rows_of(e, [e.units.index["D1"]])), "every unit below"),
    ],
)
def test_a_bad_structure_edit_is_refused_and_changes_nothing(tmp_path, edit, words):
    e = election(tmp_path, rows())
    project = Project.create(tmp_path / "p.sanaq", e)
    ws = Workspace(e, journal=project)
    before, csv = ids(ws), results_csv_bytes(e)
    with pytest.raises(StructureRefused, match=words):
        ws.apply(structure(edit(e)))
    assert ids(ws) == before
    assert results_csv_bytes(e) == csv
    assert project.journal() == []
    assert not ws.history.can_undo
    project.close()


def test_removal_counts_units_and_figures_and_undo_puts_them_back_in_place(ws):
    e = ws.election
    before, csv = ids(ws), results_csv_bytes(e)
    edit = s.removal(e, [e.units.index["R2"]])
    assert edit.rows.ids == ("R2", "D2", "S3", "S4")
    assert s.figures_in(edit.rows) == 2 * 6  # S3's six figures, and S4's observer copy
    ws.apply(structure(edit))
    assert ids(ws) == ["N", "R1", "D1", "S1", "S2"]
    audited_afresh(ws)
    ws.undo()
    assert ids(ws) == before
    assert results_csv_bytes(e) == csv
    audited_afresh(ws)
    ws.redo()
    assert ids(ws) == ["N", "R1", "D1", "S1", "S2"]


def test_a_new_id_carries_the_review_notes_and_later_edits_replay(tmp_path):
    e = election(tmp_path, rows())
    project = Project.create(tmp_path / "p.sanaq", e)
    ws = Workspace(e, journal=project)
    f = ws.findings[0]
    uid = e.units.ids[f.unit]
    key = (f.rule, uid, f.source, f.field)
    ws.apply(Change("note", reviews=(ReviewEdit(key, ("open", ""), ("explained", "ok")),)))
    ws.apply(structure(s.ReidUnit(uid, "KZ-S3")))
    assert ws.reviews == {(f.rule, "KZ-S3", f.source, f.field): ("explained", "ok")}
    ws.apply(structure(s.ReidUnit("S3", "S3x")))
    ws.apply(Change("typed", (CellEdit("S3x", "official", "votes:A", 61, 60),)))
    ws.apply(structure(s.RenameUnit("S3x", "Station S3", "Third")))
    ws.apply(structure(s.MoveUnits(("D2",), ("R2",), "R1")))
    audited_afresh(ws)
    csv = results_csv_bytes(e)
    project.close(compact=False)
    again = Project.open(tmp_path / "p.sanaq")  # replayed from the original snapshot
    assert again.election.units.ids == e.units.ids
    assert again.election.units.names == e.units.names
    assert results_csv_bytes(again.election) == csv
    assert again.reviews == ws.reviews
    assert again.verify().problems == []
    again.close()


def test_renaming_rewrites_the_units_findings(ws):
    e = ws.election
    unit = ws.findings[0].unit
    ws.apply(structure(s.RenameUnit(e.units.ids[unit], e.units.names[unit], "Fourth")))
    messages = [f.message for f in ws.findings if f.unit == unit]
    assert messages
    assert all(m.startswith("Fourth: ") for m in messages)
    audited_afresh(ws)


def test_json_round_trip_of_every_structure_edit(ws):
    e = ws.election
    edits = [
        s.new_children(e, e.units.index["D1"], ["X"], ["x"]),
        s.removal(e, [e.units.index["D2"]]),
        s.MoveUnits(("D2",), ("R2",), "R1"),
        s.MoveBack(("D2",), "R1", ("R2",)),
        s.RenameUnit("S1", "a", "b"),
        s.ReidUnit("S1", "T1"),
    ]
    for edit in edits:
        change = structure(edit)
        back = Change.from_json(change.to_json())
        if isinstance(edit, s.RemoveUnits):  # a removal journals its units, not their figures
            assert back.structure.rows.ids == edit.rows.ids
            assert back.structure.rows.at == edit.rows.at
        else:
            assert back == change
        assert back.inverse().inverse().structure == back.structure


# --- the incremental audit equals a fresh one, after any sequence of edits -----------------


@st.composite
def steps(draw):
    return draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10**6)), max_size=12))


def _step(ws: Workspace, kind: int, seed: int) -> Change | None:
    e, rng = ws.election, np.random.default_rng(seed)
    tree, levels = e.units, e.info.levels
    n = len(tree)
    pick = int(rng.integers(n))
    if kind == 0 and int(tree.level[pick]) < len(levels) - 1:
        k = int(rng.integers(1, 4))
        names = [f"U{seed}-{i}" for i in range(k)]
        return structure(s.new_children(e, pick, names, names))
    if kind == 1 and pick != tree.root:
        return structure(s.removal(e, [pick]))
    if kind == 2 and pick != tree.root:
        same_level = np.flatnonzero(tree.level == tree.level[int(tree.parent[pick])])
        target = int(same_level[int(rng.integers(same_level.size))])
        old = tree.ids[int(tree.parent[pick])]
        return structure(s.MoveUnits((tree.ids[pick],), (old,), tree.ids[target]))
    if kind == 3:
        return structure(s.RenameUnit(tree.ids[pick], tree.names[pick], f"name {seed}"))
    if kind == 4:
        return structure(s.ReidUnit(tree.ids[pick], f"id{seed}"))
    if kind == 5:
        src = "official" if rng.integers(2) else "observer"
        fld = ["votes:A", "votes:B", "valid", "registered"][int(rng.integers(4))]
        old = e.sources[src].value(fld, pick) if src in e.sources else None
        return Change("typed", (CellEdit(tree.ids[pick], src, fld, old, int(rng.integers(90))),))
    return None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps())
def test_any_sequence_audits_as_afresh_replays_and_undoes_to_the_start(script):
    with tempfile.TemporaryDirectory() as tmp:
        e = election(Path(tmp), rows())
        start_ids, start_csv = list(e.units.ids), results_csv_bytes(e)
        project = Project.create(Path(tmp) / "p.sanaq", e)
        ws = Workspace(e, journal=project)
        for kind, seed in script:
            change = _step(ws, kind, seed)
            if change is None:
                continue
            try:
                ws.apply(change)
            except StructureRefused:
                continue
            audited_afresh(ws)
        csv = results_csv_bytes(e)
        project.close(compact=False)
        again = Project.open(Path(tmp) / "p.sanaq")
        assert results_csv_bytes(again.election) == csv
        again.close()
        ws.journal = None
        while ws.history.can_undo:
            ws.undo()
        audited_afresh(ws)
        assert e.units.ids == start_ids
        assert results_csv_bytes(e) == start_csv


def test_subtree_lists_the_unit_and_all_below(ws):
    tree = ws.election.units
    got = [tree.ids[int(u)] for u in subtree(tree, tree.index["R2"])]
    assert sorted(got) == ["D2", "R2", "S3", "S4"]


def test_children_spliced_after_an_addition_are_those_a_fresh_build_gives(ws):
    from core.model.election import UnitTree

    e = ws.election
    for parent in ("D1", "R2", "D1"):
        p = e.units.index[parent]
        names = [f"{parent}-{len(e.units)}-{i}" for i in range(3)]
        ws.apply(structure(s.new_children(e, p, names, names)))
        tree = e.units
        fresh = UnitTree.build(tree.ids, tree.names, tree.level, tree.parent)
        assert tree.child_start.tolist() == fresh.child_start.tolist()
        assert tree.child_order.tolist() == fresh.child_order.tolist()
        assert tree.depth.tolist() == fresh.depth.tolist()
