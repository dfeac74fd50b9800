"""The observers' desk, by keyboard only: a new election from the Kazakh template, its units
built in the tree, five protocols typed, a finding, undo and redo, and the saved project.

Every key goes to QApplication.focusWidget(); no slot is called and no model is written, and
each step checks where the focus is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from core.opener.workfile import open_any
from tests.ui.conftest import ENGLISH, press
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
# registered, received, issued, unused, cast, invalid, then the votes of NO, AJ, QHP
GOOD = ["1200", "1200", "920", "280", "920", "20", "600", "200", "100"]
BAD = ["1200", "1200", "905", "295", "905", "15", "600", "200", "95"]  # 895 + 15 is not 905


def focus() -> QWidget:
    QApplication.processEvents()
    w = QApplication.focusWidget()
    assert w is not None
    return w


def focus_name(qtbot) -> str:
    qtbot.wait(1)
    return focus().objectName()


def keys(qtbot, text: str) -> None:
    """Type text into whatever has focus, one key at a time (the focus may move: an editor
    opens on the first digit)."""
    for ch in text:
        qtbot.keyClicks(focus(), ch)


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    press(qtbot, k, modifier)


def tab_to(qtbot, name: str, limit: int = 40) -> None:
    for _ in range(limit):
        if focus_name(qtbot) == name:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name} (at {focus_name(qtbot)})")


def open_dialog(qtbot, holder, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    key(qtbot, k, modifier)
    qtbot.waitUntil(lambda: holder.dialog is not None and holder.dialog.isVisible())
    return holder.dialog


def test_an_election_built_and_typed_by_keyboard(qtbot, window: MainWindow, tmp_path) -> None:
    saved = tmp_path / "desk" / "mazhilis.sanaq"
    window.unit_tree.setFocus()

    # 1. New election from the Kazakhstan template, saved where we say
    dialog = open_dialog(qtbot, window.files, Qt.Key.Key_N, CTRL)
    assert focus_name(qtbot) == "electionName"
    keys(qtbot, "Mazhilis 2026")
    key(qtbot, Qt.Key.Key_P, ALT)
    assert focus_name(qtbot) == "protocolTemplate"
    while dialog.template.currentData() != "kz-pec":
        key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_S, ALT)
    assert focus_name(qtbot) == "savePath"
    key(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, str(saved))
    tab_to(qtbot, "levelsList")
    while dialog.levels.currentItem() is None or dialog.levels.currentItem().text() != "region":
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Delete)  # nation, district, station
    assert [dialog.levels.item(i).text() for i in range(dialog.levels.count())] == [
        "nation",
        "district",
        "station",
    ]
    tab_to(qtbot, "addContestant")
    for code, name in (("NO", "Nur Otan"), ("AJ", "Ak Zhol"), ("QHP", "People's Party")):
        key(qtbot, Qt.Key.Key_Space)
        assert focus_name(qtbot) == "contestantsTable"
        keys(qtbot, code)
        key(qtbot, Qt.Key.Key_Tab)  # commits the code, edits the name
        keys(qtbot, name)
        key(qtbot, Qt.Key.Key_Return)
        assert focus_name(qtbot) == "contestantsTable"
        key(qtbot, Qt.Key.Key_Tab)  # Tab leaves the table: no trap
        assert focus_name(qtbot) == "addContestant"
    assert dialog.problems() == []
    tab_to(qtbot, "okButton")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.path == saved)
    election = window.workspace.election
    assert election.info.protocol_template == "kz-pec"
    assert window.results_model.fields[:9] == [
        "registered",
        "ballots_received",
        "ballots_issued",
        "ballots_unused",
        "ballots_cast",
        "invalid",
        "votes:NO",
        "votes:AJ",
        "votes:QHP",
    ]
    assert focus_name(qtbot) == "unitTree"
    assert str(saved) in window.windowTitle()

    # 2. Two districts under the nation, then five stations in the first one
    add = open_dialog(qtbot, window.structure, Qt.Key.Key_Insert)
    assert focus_name(qtbot) == "unitCount"
    key(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "2")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(election.units) == 3)
    assert not add.isVisible()
    assert focus_name(qtbot) == "unitTree"
    key(qtbot, Qt.Key.Key_Down)
    district = window.tree_model.unit_of(window.unit_tree.currentIndex())
    assert election.units.names[district] == "District 1"
    open_dialog(qtbot, window.structure, Qt.Key.Key_Insert)
    key(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "5")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(election.units) == 8)
    assert focus_name(qtbot) == "unitTree"
    stations = [int(u) for u in election.units.children(district)]
    assert [election.units.names[u] for u in stations] == [f"№ {i}" for i in range(1, 6)]
    assert window.results_model.unit == district
    assert window.results_model.rowCount() == 6  # the district and its five stations

    # 3. Five full protocols, row after row: Tab along, Enter down to the first column
    key(qtbot, Qt.Key.Key_Tab)
    assert focus_name(qtbot) == "resultsTable"
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Right)
    assert window.results_view.currentIndex().row() == 1
    assert window.results_view.currentIndex().column() == 1
    columns = window.results_model.columnCount()
    for s in range(5):
        figures = BAD if s == 4 else GOOD
        for i, value in enumerate(figures):
            keys(qtbot, value)
            key(qtbot, Qt.Key.Key_Return if i == len(figures) - 1 else Qt.Key.Key_Tab)
            assert window.results_model.columnCount() == columns  # no column comes or goes
            assert focus_name(qtbot) == "resultsTable"
        assert window.results_view.currentIndex().row() == min(s + 2, 5)
        assert window.results_view.currentIndex().column() == 1
    src = election.sources["official"]
    for s, u in enumerate(stations):
        figures = BAD if s == 4 else GOOD
        assert src.value("votes:QHP", u) == int(figures[-1])
        assert src.value("registered", u) == 1200
    bad = stations[4]
    found = [f for f in window.workspace.findings if f.rule == "protocol.votes_cast_balance"]
    assert [(f.unit, f.field, f.expected, f.actual) for f in found] == [
        (bad, "ballots_cast", 910, 905)
    ]
    panel = window.findings_panel.model
    assert "protocol.votes_cast_balance" in {
        panel.finding_at(r).rule for r in range(panel.rowCount())
    }
    cell = window.results_model.cell_index(bad, "ballots_cast")
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "protocol.votes_cast_balance" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "1 errors" in window.summary_bar.text()

    # 4. Undo the last figure: the finding goes, the cursor is on that cell; redo brings it back
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert src.value("votes:QHP", bad) is None
    assert not [f for f in window.workspace.findings if f.rule == "protocol.votes_cast_balance"]
    here = window.results_view.currentIndex()
    assert window.results_model.field_at(here.column()) == "votes:QHP"
    assert window.results_model.unit_at(here.row()) == bad
    assert focus_name(qtbot) == "resultsTable"
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert src.value("votes:QHP", bad) == 95
    assert [f.rule for f in window.workspace.findings if f.unit == bad] == [
        "protocol.votes_cast_balance"
    ]
    assert focus_name(qtbot) == "resultsTable"

    # 5. Close, open again: all there; the command line finds the same error
    window.close()
    opened = open_any(saved, tmp_path / "data")
    again = MainWindow(window.context, opened.workspace, saved, ENGLISH, project=opened.project)
    qtbot.addWidget(again)
    e = again.workspace.election
    assert e.units.ids == election.units.ids
    assert [e.sources["official"].value("ballots_cast", u) for u in stations] == [
        920,
        920,
        920,
        920,
        905,
    ]
    assert again.results_model.fields[:9] == window.results_model.fields[:9]
    again.close()
    out = subprocess.run(
        [sys.executable, "main.py", "audit", str(saved), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)["findings"]
    assert [(f["rule"], f["unit"], f["field"]) for f in findings if f["severity"] == "error"] == [
        ("protocol.votes_cast_balance", e.units.ids[bad], "ballots_cast")
    ]
