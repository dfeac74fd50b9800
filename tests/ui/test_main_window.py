"""User stories on the main window: find the Adal error in Almaty, fix it, undo, paste, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import click_unit, focus_cell, press, type_keys
from ui.main_window import MainWindow
from ui.table.results_model import STATE_ROLE

# Every QMainWindow on the offscreen platform says this once; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _findings_on(window: MainWindow, rule: str) -> list[str]:
    model = window.findings_panel.model
    return [model.finding_at(r).rule for r in range(model.rowCount())]


def test_the_widgets_carry_stable_names(window: MainWindow) -> None:
    for name in ("unitTree", "resultsTable", "findingsView", "summaryBar"):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName()


def test_almaty_adal_is_marked_then_fixed_then_undone(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ-03")
    assert window.table_title.text().startswith("<b>Almaty</b>")
    cell = focus_cell(window, "KZ-03", "pct:ADAL")
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5.21"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None  # an icon, not colour alone
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "pct.recomputed" in tip
    assert "published percentage follows" in tip
    assert "5.21" in tip
    assert "5.86" in tip
    assert "pct.recomputed" in _findings_on(window, "pct.recomputed")
    assert "1 warnings" in window.summary_bar.text()

    type_keys(qtbot, "5.86")

    almaty = window.workspace.election.units.index["KZ-03"]
    cell = window.results_model.cell_index(almaty, "pct:ADAL")
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5.86"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is None
    assert "pct.recomputed" not in _findings_on(window, "pct.recomputed")
    assert "0 warnings" in window.summary_bar.text()
    assert window.files.undo_action.text().startswith("&Undo entry of Adal %")

    window.results_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5.21"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "pct.recomputed" in _findings_on(window, "pct.recomputed")
    assert "1 warnings" in window.summary_bar.text()

    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5.86"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.files.redo_action.text().startswith("&Redo entry of Adal %")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_Z, shift_ctrl)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "5.86"


def test_enter_moves_down_and_tab_moves_right(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ")
    start = focus_cell(window, "KZ-01", "votes:NO")
    type_keys(qtbot, "278209", Qt.Key.Key_Return)  # the same figure: nothing changes
    assert window.results_view.currentIndex().row() == start.row() + 1
    assert window.results_view.currentIndex().column() == start.column()
    type_keys(qtbot, "1", Qt.Key.Key_Tab)
    assert window.results_view.currentIndex().column() == start.column() + 1
    assert not window.workspace.history.can_undo or window.workspace.history.undo_label


def test_a_rejected_value_is_refused_in_place(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ")
    units = window.workspace.election.units
    for text in ("abc", "-5", "1.5"):
        focus_cell(window, "KZ-01", "votes:AJ")
        type_keys(qtbot, text)
        assert window.message_label.text(), text  # a message says why
        assert window.results_view.state() == window.results_view.State.EditingState
        press(qtbot, Qt.Key.Key_Escape)
        figs = window.workspace.election.source("official")
        assert figs.value("votes:AJ", units.index["KZ-01"]) == 33474
        window.show_message("")
    assert not window.workspace.history.can_undo


def test_paste_a_block_is_one_change(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ")
    focus_cell(window, "KZ-01", "votes:NO")
    QGuiApplication.clipboard().setText("1\t2\n3\t4\n")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    figs = window.workspace.election.source("official")
    units = window.workspace.election.units
    assert figs.value("votes:NO", units.index["KZ-01"]) == 1
    assert figs.value("votes:AJ", units.index["KZ-01"]) == 2
    first = window.results_model.cell_index(units.index["KZ-01"], "votes:NO")
    row2 = window.results_model.unit_at(first.row() + 1)
    assert figs.value("votes:NO", row2) == 3
    assert window.workspace.history.undo_label == "Paste of 4 cells"
    assert window.files.undo_action.text() == "&Undo paste of 4 cells"
    pct = [f for f in window.workspace.findings if f.rule == "pct.recomputed"]
    assert any(f.unit == units.index["KZ-01"] for f in pct)


def test_a_bad_paste_changes_nothing(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ")
    focus_cell(window, "KZ-01", "votes:NO")
    assert not window.results_view.paste("1\tabc\n")
    assert "Nothing was pasted" in window.message_label.text()
    assert not window.workspace.history.can_undo


def test_delete_makes_cells_not_reported(qtbot, window: MainWindow) -> None:
    click_unit(qtbot, window, "KZ")
    cell = focus_cell(window, "KZ-01", "votes:NO")
    press(qtbot, Qt.Key.Key_Delete)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "—"
    assert cell.data(STATE_ROLE) == "missing"
    units = window.workspace.election.units
    figs = window.workspace.election.source("official")
    assert figs.value("votes:NO", units.index["KZ-01"]) is None
    assert window.workspace.history.undo_label == "Deletion of 1 cells"


def test_derived_valid_looks_different_and_is_never_saved(window: MainWindow) -> None:
    units = window.workspace.election.units
    cell = window.results_model.cell_index(units.index["KZ-03"], "valid")
    assert cell.data(STATE_ROLE) == "derived"
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "321,322"
    assert cell.data(Qt.ItemDataRole.FontRole).italic()
    assert cell.data(Qt.ItemDataRole.EditRole) == ""
    not_reported = window.results_model.cell_index(units.index["KZ-03"], "registered")
    assert not_reported.data(Qt.ItemDataRole.DisplayRole) == "—"
    assert window.workspace.election.source("official").value("valid", units.index["KZ-03"]) is None
