"""An import that creates units: parents by id or by name, levels in order, one change."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.cli import audit as cli
from core.importer.plan import ImportOptions, plan_import, read_table
from core.model.election import Election
from core.opener.load import load
from core.project.session import Workspace

CREATE = ImportOptions(create_units=True)
MAPPING = {0: "unit_id", 1: "unit_name", 2: "level", 3: "parent_name", 4: "registered"}


@pytest.fixture
def election() -> Election:
    return load(cli.SAMPLE)  # the nation and its 17 regions


def plan(tmp_path: Path, e: Election, lines: list[str], mapping=MAPPING, opts=CREATE):
    p = tmp_path / "list.csv"
    p.write_text("\n".join(["id,name,level,parent,registered", *lines]) + "\n", encoding="utf-8")
    return plan_import(read_table(p), mapping, e, "official", opts)


def test_a_station_list_with_parents_by_name_becomes_one_change(tmp_path, election):
    by_name = [
        "D1,Kokshetau district,district,Akmola Region,",
        "D2,Kokshetau district,district,Aktobe Region,",  # the same name in another region
        "S1,Station 1,station,Kokshetau district,700",
    ]
    p = plan(tmp_path, election, by_name)
    # two districts share the name: refused, both listed
    [bad] = p.problems
    assert bad.row == 4
    assert bad.column == "parent"
    assert "Kokshetau district (D1)" in bad.message
    assert "Kokshetau district (D2)" in bad.message
    assert not p.ready

    by_id = [
        "D1,Kokshetau district,district,KZ-01,",
        "D2,Kokshetau district,district,KZ-02,",
        "S1,Station 1,station,D1,700",
    ]
    p = plan(tmp_path, election, by_id, {**MAPPING, 3: "parent_id"})
    assert p.problems == []
    assert p.created.count == 3
    assert p.created.under == [("Akmola Region", 2), ("Aktobe Region", 1)]
    before = len(election.units)
    ws = Workspace(election)
    ws.apply(p.change)
    tree = election.units
    assert len(tree) == before + 3
    s1 = tree.index["S1"]
    assert tree.ids[int(tree.parent[s1])] == "D1"
    assert election.sources["official"].value("registered", s1) == 700
    ws.undo()
    assert len(tree) == before
    assert "S1" not in tree.index


def test_levels_are_not_skipped_and_unknown_parents_are_named(tmp_path, election):
    p = plan(
        tmp_path,
        election,
        [
            "S1,Station 1,station,Akmola Region,700",  # a region has districts below it
            "D9,District 9,district,Atlantis,",
            ",Nameless id,district,Akmola Region,",
            "S2,Station 2,planet,Akmola Region,",
        ],
    )
    messages = {(pr.row, pr.column): pr.message for pr in p.problems}
    assert "levels are not skipped" in messages[(2, "parent")]
    assert "no unit of level 'region' has this name" in messages[(3, "parent")]
    assert "needs an id" in messages[(4, "name")]
    assert "not a level" in messages[(5, "level")]
    assert p.change.structure is None or not p.ready


def test_without_the_option_unknown_units_are_problems(tmp_path, election):
    p = plan(tmp_path, election, ["D1,District,district,Akmola Region,"], opts=ImportOptions())
    assert p.problems
    assert "no unit" in p.problems[0].message
    assert p.created.count == 0


def test_new_districts_then_their_stations_by_name(tmp_path, election):
    p = plan(
        tmp_path,
        election,
        [
            "S1,Station 1,station,North district,500",  # its parent comes later in the file
            "D1,North district,district,Akmola Region,",
            "S2,Station 2,,North district,600",  # no level: the one below its parent's
        ],
    )
    assert p.problems == []
    assert p.created.under == [("Akmola Region", 3)]
    ws = Workspace(election)
    ws.apply(p.change)
    tree = election.units
    assert election.info.levels[int(tree.level[tree.index["S2"]])] == "station"
    assert [tree.ids[int(u)] for u in tree.children(tree.index["D1"])] == ["S1", "S2"]
