"""The tree's structure actions, by keyboard: rename in place, a new id, cut and paste to
move, a column of names pasted as units, and a deletion that says what goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from core.rules.audit import run_audit
from tests.ui.conftest import press
from tests.ui.test_desk_story import CTRL, focus_name, keys
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def on(window: MainWindow, uid: str) -> int:
    unit = window.workspace.election.units.index[uid]
    window.select_unit(unit)
    window.unit_tree.setFocus()
    return unit


def test_f2_renames_in_place_and_undo_brings_the_name_back(qtbot, window: MainWindow) -> None:
    unit = on(window, "KZ-03")
    press(qtbot, Qt.Key.Key_F2)
    assert focus_name(qtbot) == ""  # the tree's line editor
    press(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "Almaty city")
    press(qtbot, Qt.Key.Key_Return)
    tree = window.workspace.election.units
    assert tree.names[unit] == "Almaty city"
    assert window.tree_model.index_of(unit).data() == "Almaty city"
    fresh = run_audit(window.workspace.election).findings
    assert window.workspace.auditor.findings == {f.key: f for f in fresh}
    window.files.undo()
    assert tree.names[unit] == "Almaty"


def test_a_new_id_keeps_figures_and_review_notes(qtbot, window: MainWindow) -> None:
    unit = on(window, "KZ-03")
    [f] = [f for f in window.workspace.findings if f.unit == unit and f.field == "pct:ADAL"]
    key = (f.rule, "KZ-03", f.source, f.field)
    window.findings_panel.model.apply_review(f, ("explained", "typo in the table"))
    assert window.workspace.reviews[key] == ("explained", "typo in the table")
    press(qtbot, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.structure.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    press(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "KZ-ALA")
    press(qtbot, Qt.Key.Key_Return)
    tree = window.workspace.election.units
    assert tree.ids[unit] == "KZ-ALA"
    assert window.workspace.reviews == {
        (f.rule, "KZ-ALA", f.source, f.field): key
        and (
            "explained",
            "typo in the table",
        )
    }
    assert window.workspace.election.sources["official"].value("pct:ADAL", unit) == 5.21
    assert focus_name(qtbot) == "unitTree"


def test_a_taken_id_is_refused_with_a_message(qtbot, window: MainWindow) -> None:
    on(window, "KZ-03")
    press(qtbot, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.structure.dialog is not None)
    press(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "KZ-04")
    press(qtbot, Qt.Key.Key_Return)
    assert "already taken" in window.message_label.text()
    assert window.workspace.election.units.ids.count("KZ-04") == 1
    assert not window.workspace.history.can_undo


def test_pasted_names_become_units_and_cut_paste_moves_them(qtbot, window: MainWindow) -> None:
    tree = window.workspace.election.units
    on(window, "KZ-03")
    QGuiApplication.clipboard().setText("Almaly district\nAuezov district\nBostandyk district\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    almaty = tree.index["KZ-03"]
    kids = [tree.names[int(u)] for u in tree.children(almaty)]
    assert kids == ["Almaly district", "Auezov district", "Bostandyk district"]
    moved = int(tree.children(almaty)[1])
    window.select_unit(moved)
    window.unit_tree.setFocus()
    press(qtbot, Qt.Key.Key_X, CTRL)
    on(window, "KZ-01")
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert tree.ids[int(tree.parent[moved])] == "KZ-01"
    target = tree.index["KZ-01"]  # the place pasted on stays chosen, and lists what came
    assert window.tree_model.unit_of(window.unit_tree.currentIndex()) == target
    assert window.results_model.row_of(moved) > 0
    window.files.undo()
    assert tree.ids[int(tree.parent[moved])] == "KZ-03"
    on(window, "KZ-01")  # a region under a region: refused, with the reason
    press(qtbot, Qt.Key.Key_X, CTRL)
    on(window, "KZ-02")
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert "cannot sit under" in window.message_label.text()


def test_delete_says_how_many_units_and_figures_go(qtbot, window: MainWindow) -> None:
    tree = window.workspace.election.units
    unit = on(window, "KZ-03")
    n, root = len(tree), tree.root
    press(qtbot, Qt.Key.Key_Delete)
    box = window.structure.dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    figures = sum(
        int(c.reported[unit])
        for c in window.workspace.election.sources["official"].columns.values()
    )
    assert box.informativeText().startswith(f"1 units and {figures} figures go.")
    press(qtbot, Qt.Key.Key_Return)  # Cancel is the default: nothing goes
    assert len(tree) == n
    press(qtbot, Qt.Key.Key_Delete)
    box = window.structure.dialog
    qtbot.waitUntil(box.isVisible)
    delete = next(b for b in box.buttons() if b.text() == "&Delete")
    while QApplication.focusWidget() is not delete:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert len(tree) == n - 1
    assert "KZ-03" not in tree.index
    assert window.results_model.unit == root
    window.files.undo()
    assert tree.ids[unit] == "KZ-03"
    assert len(tree) == n


def test_a_unit_dropped_on_another_moves_under_it(qtbot, window: MainWindow) -> None:
    model, tree = window.tree_model, window.workspace.election.units
    almaty = tree.index["KZ-03"]
    QGuiApplication.clipboard().setText("Medeu district\n")
    on(window, "KZ-03")
    press(qtbot, Qt.Key.Key_V, CTRL)
    medeu = int(tree.children(almaty)[0])
    data = model.mimeData([model.index_of(medeu)])
    target = model.index_of(tree.index["KZ-01"])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target) is False
    assert tree.ids[int(tree.parent[medeu])] == "KZ-01"
    region = model.mimeData([model.index_of(tree.index["KZ-02"])])
    model.dropMimeData(region, Qt.DropAction.MoveAction, -1, -1, model.index_of(medeu))
    assert tree.ids[int(tree.parent[tree.index["KZ-02"]])] == "KZ"  # refused: not a level below
    assert "cannot sit under" in window.message_label.text()
