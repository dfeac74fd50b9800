"""File > Merge: two observers' files brought together in the window, by keyboard only; the
preview changes nothing until Merge, then one undoable, journalled change."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.merge.decide import THEIRS
from core.merge.run import MERGE_KIND
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.store import Project
from tests.core.builders import write_package
from tests.core.merge.observers import base, figures, project, rows, with_figures
from tests.ui.conftest import press, type_keys
from ui.dialogs.merge_dialog import MergeDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def observers(tmp_path: Path) -> tuple[Path, Path]:
    """The desk's file and a second observer's: S1, S2 and S3 typed differently (3 conflicts,
    S2's typed by the observer, S3's by the desk, after the files were made), S4 under
    another id (matched by name) with a figure the desk lacks, and a figure only the
    observer has."""
    e = base(tmp_path)
    desk = project(tmp_path / "desk.sanaq", e)
    theirs = rows()
    theirs[7]["unit_id"] = "OBS-4"  # their S4: the same name, under the same district
    obs_e = with_figures(
        load(write_package(tmp_path / "obs", theirs)),
        {
            ("S1", "official", "valid"): 93,
            ("S3", "observer", "votes:B"): 5,
            ("S2", "observer", "registered"): 200,
            ("OBS-4", "observer", "votes:A"): 9,
        },
    )
    obs = project(tmp_path / "obs.sanaq", obs_e)
    with Project.open(obs) as p:
        p.append(Change("Protocol of S2", (CellEdit("S2", "official", "votes:A", 60, 61),)))
    with Project.open(desk) as p:
        p.append(Change("Observer copy of S3", (CellEdit("S3", "observer", "votes:B", None, 4),)))
    return desk, obs


def _open(qtbot, window: MainWindow, path: Path) -> None:
    before = window.workspace
    window.files.open_path(path)
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=20000)


def _preview(qtbot, window: MainWindow, path: Path) -> MergeDialog:
    window.files.merge_dialog = None
    task = window.files.merge_path(path)
    qtbot.waitUntil(task.done.is_set, timeout=20000)
    qtbot.waitUntil(lambda: window.files.merge_dialog is not None, timeout=5000)
    dialog = window.files.merge_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_merging_two_observers_files_by_keyboard(qtbot, window: MainWindow, observers):
    desk, obs = observers
    _open(qtbot, window, desk)
    entries = len(window.project.history())
    before = figures(window.workspace.election)
    dialog = _preview(qtbot, window, obs)
    view = dialog.view
    assert "obs.sanaq into desk.sanaq" in dialog.summary.text()
    assert dialog.conflicts.rowCount() == 3
    assert not dialog.merge_button.isEnabled()
    # nothing has changed yet
    assert figures(window.workspace.election) == before
    assert len(window.project.history()) == entries

    # the unit matched by name: Space takes their OBS-4 as our S4, its figures meet ours
    assert QApplication.focusWidget() is dialog.match_view
    assert dialog.matches.rowCount() == 1
    assert dialog.matches.index(0, 1).data() == "Station S4 (OBS-4)"
    press(qtbot, Qt.Key.Key_Space)
    assert bool(dialog.decisions.matches[0])
    assert dialog.matches.index(0, 0).data() == "same unit"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view

    rows_ = [dialog.conflicts.row(r) for r in range(3)]
    assert [(r.unit, r.source, r.field, r.mine, r.theirs) for r in rows_] == [
        ("S1", "official", "valid", 90, 93),
        ("S2", "official", "votes:A", 60, 61),
        ("S3", "observer", "votes:B", 4, 5),
    ]
    model = dialog.conflicts
    mine_entry = model.index(2, model.MINE_ENTRY).data()
    assert mine_entry.startswith("entry 1 (")
    assert mine_entry.endswith("UTC): Observer copy of S3")
    assert model.index(1, model.THEIRS_ENTRY).data().endswith("UTC): Protocol of S2")
    assert model.index(0, model.THEIRS_ENTRY).data() == "the original figures"

    press(qtbot, Qt.Key.Key_M, ALT)  # S1: take mine, and on to S2
    assert view.currentIndex().row() == 1
    assert dialog.status.text() == "1 of 3 conflicts decided."
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # S2 and S3 at once
    press(qtbot, Qt.Key.Key_T, ALT)
    assert dialog.status.text() == "3 of 3 conflicts decided."
    assert model.index(2, model.RESULT).data() == "theirs: 5"
    type_keys(qtbot, "x")  # S3, still current: a value of our own, mistyped first
    assert "a count must be a non-negative whole number" in dialog.problem.text()
    assert model.index(2, model.RESULT).data() == "theirs: 5"
    type_keys(qtbot, "9", end=Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Escape left the editor, not the dialog
    assert model.index(2, model.RESULT).data() == "theirs: 5"
    type_keys(qtbot, "7")
    assert model.index(2, model.RESULT).data() == "typed: 7"
    assert dialog.merge_button.isEnabled()
    assert figures(window.workspace.election) == before  # still nothing until Merge

    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = figures(window.workspace.election)
    assert after[("S1", "official", "valid")] == 90
    assert after[("S2", "official", "votes:A")] == 61
    assert after[("S3", "observer", "votes:B")] == 7
    assert after[("S2", "observer", "registered")] == 200  # only theirs: added
    assert after[("S4", "observer", "votes:A")] == 9  # from their OBS-4, matched
    assert "OBS-4" not in window.workspace.election.units.index
    journal = window.project.journal()
    assert len(journal) == entries + 1
    assert journal[-1].kind == MERGE_KIND
    assert journal[-1].payload["merged"][0]["source"] == str(obs)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.results_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo takes it all
    assert figures(window.workspace.election) == before


def test_the_same_file_again_says_there_is_nothing_to_do(qtbot, window: MainWindow, observers):
    desk, obs = observers
    _open(qtbot, window, desk)
    dialog = _preview(qtbot, window, obs)
    dialog.decisions.take_all("theirs")
    dialog.decisions.matches[:] = True
    dialog.conflicts.refresh()
    dialog.decisions.take_all("theirs")
    dialog.accept()
    entries = len(window.project.history())
    window.files.merge_dialog = None
    task = window.files.merge_path(obs)
    qtbot.waitUntil(task.done.is_set, timeout=20000)
    qtbot.waitUntil(lambda: "merged into this project already" in window.message_label.toolTip())
    assert window.files.merge_dialog is None
    assert len(window.project.history()) == entries
    box = window.findChild(object, "infoBox")
    assert box is not None
    box.close()


def test_cancel_changes_nothing(qtbot, window: MainWindow, observers):
    desk, obs = observers
    _open(qtbot, window, desk)
    before, entries = figures(window.workspace.election), len(window.project.history())
    dialog = _preview(qtbot, window, obs)
    press(qtbot, Qt.Key.Key_Tab)  # from the matches to the conflicts
    press(
        qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert dialog.status.text() == "3 of 3 conflicts decided."
    assert {dialog.conflicts.row(r).choice for r in range(3)} == {THEIRS}
    with qtbot.waitSignal(dialog.rejected):
        press(qtbot, Qt.Key.Key_Escape)
    assert figures(window.workspace.election) == before
    assert len(window.project.history()) == entries


def test_a_selection_of_every_row_taken_at_once_and_a_name_typed(
    qtbot, window: MainWindow, tmp_path: Path
):
    desk = project(tmp_path / "desk.sanaq", base(tmp_path))
    theirs = rows()
    theirs[4]["unit_name"] = "Station One"  # a name conflict
    theirs[5]["parent_id"] = "D2"  # a parent conflict
    theirs.append({**rows()[7], "unit_id": "S5", "unit_name": "Station S5"})  # only theirs
    obs_e = with_figures(
        load(write_package(tmp_path / "obs", theirs)), {("S3", "official", "valid"): 1}
    )
    obs = project(tmp_path / "obs.sanaq", obs_e)
    _open(qtbot, window, desk)
    dialog = _preview(qtbot, window, obs)
    assert QApplication.focusWidget() is dialog.view
    model = dialog.conflicts
    kinds = [model.row(r).kind for r in range(model.rowCount())]
    assert kinds == ["parent", "name", "figure"]
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_T, ALT)
    assert dialog.status.text() == "3 of 3 conflicts decided."
    press(qtbot, Qt.Key.Key_Down)  # to the name
    assert dialog.view.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_F2)
    type_keys(qtbot, "Station 1 (school)")
    assert model.index(1, model.RESULT).data() == "typed: Station 1 (school)"
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    units = window.workspace.election.units
    assert units.names[units.index["S1"]] == "Station 1 (school)"
    assert units.ids[int(units.parent[units.index["S2"]])] == "D2"
    assert "S5" in units.index
    assert figures(window.workspace.election)[("S3", "official", "valid")] == 1
    assert window.tree_model.rowCount() == 1  # the tree was read afresh, whole
