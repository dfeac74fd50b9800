"""`merge INTO FROM... [--take mine|theirs] [--json]` (CONTRACT §3): exit statuses 0, 1 and 2,
the conflicts listed with both values and their entries, and nothing changed on 1 or 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.merge import main
from core.project.edits import CellEdit, Change
from core.project.store import Project
from tests.core.builders import info_json, write_package
from tests.core.merge.observers import base, figures, project, rows, with_figures

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The desk's project and an observer's: S1's valid votes typed differently, and a
    figure only the observer has."""
    e = base(tmp_path)
    desk = project(tmp_path / "desk.sanaq", e)
    obs = project(tmp_path / "obs.sanaq", with_figures(e, {("S2", "observer", "votes:A"): 7}))
    with Project.open(desk) as p:
        p.append(Change("Protocol of S1", (CellEdit("S1", "official", "valid", 90, 91),)))
    with Project.open(obs) as p:
        p.append(Change("Protocol of S1", (CellEdit("S1", "official", "valid", 90, 92),)))
    return desk, obs


def state(path: Path) -> tuple[int, str, dict]:
    with Project.open(path) as p:
        return len(p.history()), p.head(), figures(p.election)


def test_conflicts_without_take_exit_1_listed_with_entries_and_nothing_changes(files, capsys):
    desk, obs = files
    before = state(desk)
    assert main([str(desk), str(obs)]) == 1
    out = capsys.readouterr().out
    assert "1 figure added" in out
    assert "1 conflict\n" in out
    line = next(x for x in out.splitlines() if "valid" in x)
    assert "S1 Station S1 · official valid: mine 91 (entry 1 (" in line
    assert "theirs 92 (entry 1 (" in line
    assert line.endswith("UTC): Protocol of S1)")
    assert "nothing changed" in out
    assert state(desk) == before


def test_json_lists_each_conflict_with_unit_field_values_and_entries(files, capsys):
    desk, obs = files
    assert main([str(desk), str(obs), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "sanaq-merge/1"
    assert doc["applied"] is False
    (source,) = doc["from"]
    assert (source["file"], source["added"], source["conflicts"]) == (str(obs), 1, 1)
    (c,) = doc["conflicts"]
    assert {k: c[k] for k in ("kind", "unit", "source", "field", "mine", "theirs", "taken")} == {
        "kind": "figure",
        "unit": "S1",
        "source": "official",
        "field": "valid",
        "mine": 91,
        "theirs": 92,
        "taken": None,
    }
    assert c["mine_entry"]["seq"] == 1
    assert c["theirs_entry"]["label"] == "Protocol of S1"


def test_take_applies_everything_as_one_entry_exit_0_and_again_nothing_to_do(files, capsys):
    desk, obs = files
    entries = state(desk)[0]
    assert main([str(desk), str(obs), "--take", "theirs", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["applied"] is True
    assert doc["entry"] == entries + 1
    assert doc["conflicts"][0]["taken"] == "theirs"
    n, head, figs = state(desk)
    assert n == entries + 1
    assert head == doc["head"]
    assert figs[("S1", "official", "valid")] == 92
    assert figs[("S2", "observer", "votes:A")] == 7
    assert main([str(desk), str(obs)]) == 0
    assert "already merged (entry 2): nothing to do" in capsys.readouterr().out
    assert state(desk) == (n, head, figs)


def test_no_conflict_applies_with_exit_0(tmp_path: Path, capsys):
    e = base(tmp_path)
    desk = project(tmp_path / "desk.sanaq", e)
    obs = project(tmp_path / "obs.sanaq", with_figures(e, {("S4", "observer", "valid"): 3}))
    assert main([str(desk), str(obs)]) == 0
    assert "applied as journal entry 1" in capsys.readouterr().out
    assert state(desk)[2][("S4", "observer", "valid")] == 3


def test_a_refused_input_exits_2_naming_every_problem_and_changes_nothing(files, tmp_path, capsys):
    desk, obs = files
    before = state(desk)
    other = write_package(tmp_path / "other", rows(), info_json(codes=("A", "B", "C")))
    assert main([str(desk), str(tmp_path / "missing.sanaq"), str(tmp_path / "gone")]) == 2
    err = capsys.readouterr().err
    assert "missing.sanaq: no such file or folder" in err
    assert "gone: no such file" in err
    assert main([str(desk), str(other)]) == 2
    assert "contestants C are not in desk.sanaq" in capsys.readouterr().err
    assert main([str(obs.with_suffix(".none")), str(obs)]) == 2
    assert main([str(desk)]) == 2  # no FROM: misuse
    assert state(desk) == before


def test_main_py_dispatches_merge(files):
    desk, obs = files
    done = subprocess.run(
        [sys.executable, "main.py", "merge", str(desk), str(obs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "1 conflict\n" in done.stdout


def test_the_audited_workbook_lists_each_merged_file_with_its_hash_and_head(files, tmp_path):
    import python_calamine

    from core.cli.audit import main as audit
    from core.merge.side import open_side

    desk, obs = files
    theirs = open_side(obs)
    assert main([str(desk), str(obs), "--take", "mine"]) == 0
    out = tmp_path / "audited.xlsx"
    assert audit([str(desk), "--export", str(out)]) in (0, 1)
    book = python_calamine.CalamineWorkbook.from_path(str(out))
    summary = book.get_sheet_by_name("Summary").to_python()
    at = next(i for i, r in enumerate(summary) if r and r[0] == "Merged file")
    assert summary[at + 1][:2] == [str(obs), theirs.content_hash]
    assert summary[at + 2][:2] == ["  its journal head", theirs.head]
    assert str(summary[at + 3][1]).startswith("journal entry 2, ")
