"""Stories on the findings panel: filter, search, go to a finding, review it and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import press
from ui.findings.findings_model import COL
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _rules(window: MainWindow) -> list[str]:
    model = window.findings_panel.model
    return [model.finding_at(r).rule for r in range(model.rowCount())]


def test_filter_by_severity_rule_level_and_search(window: MainWindow) -> None:
    panel = window.findings_panel
    assert len(_rules(window)) == 5
    panel.severity.setCurrentIndex(panel.severity.findData("warning"))
    assert _rules(window) == ["pct.recomputed"]
    panel.severity.setCurrentIndex(0)
    panel.rule.setCurrentIndex(panel.rule.findData("sum.incomplete"))
    assert _rules(window) == ["sum.incomplete"] * 4
    panel.rule.setCurrentIndex(0)
    panel.level.setCurrentIndex(panel.level.findData("region"))
    assert _rules(window) == ["pct.recomputed"]
    panel.level.setCurrentIndex(0)
    panel.source.setCurrentIndex(panel.source.findData("observer"))
    assert _rules(window) == []
    panel.source.setCurrentIndex(0)
    panel.search.setText("adal")
    assert _rules(window) == ["pct.recomputed"]
    panel.search.setText("")
    assert len(_rules(window)) == 5


def test_sorting_findings_by_unit(window: MainWindow) -> None:
    view = window.findings_panel.view
    view.sortByColumn(COL["unit"], Qt.SortOrder.DescendingOrder)
    model = window.findings_panel.model
    names = [model.index(r, COL["unit"]).data() for r in range(model.rowCount())]
    assert names[0] == "Kazakhstan"
    assert names[-1] == "Almaty"


def test_double_click_goes_to_the_unit_and_cell(qtbot, window: MainWindow) -> None:
    panel = window.findings_panel
    model = panel.model
    row = _rules(window).index("pct.recomputed")
    index = model.index(row, COL["message"])
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.results_view.currentIndex()
    units = window.workspace.election.units
    assert window.results_model.unit_at(current.row()) == units.index["KZ-03"]
    assert window.results_model.field_at(current.column()) == "pct:ADAL"
    tree_unit = window.tree_model.unit_of(window.unit_tree.currentIndex())
    assert tree_unit == units.root  # Almaty has no units below: shown among its siblings


def test_enter_on_a_finding_goes_there_too(qtbot, window: MainWindow) -> None:
    panel = window.findings_panel
    row = _rules(window).index("pct.recomputed")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row, COL["rule"]))
    press(qtbot, Qt.Key.Key_Return)
    current = window.results_view.currentIndex()
    assert window.results_model.field_at(current.column()) == "pct:ADAL"


def test_review_status_and_comment_are_undoable_changes(window: MainWindow) -> None:
    model = window.findings_panel.model
    row = _rules(window).index("pct.recomputed")
    finding = model.finding_at(row)
    assert model.setData(model.index(row, COL["review"]), "explained")
    assert model.setData(model.index(row, COL["comment"]), "typo in the published table")
    assert window.workspace.review_of(finding) == ("explained", "typo in the published table")
    assert model.index(row, COL["review"]).data() == "Explained"
    assert window.files.undo_action.text().startswith("&Undo review of a finding in Almaty")
    assert window.workspace.history.done[-1].kind == "review"
    window.files.undo()
    assert window.workspace.review_of(finding) == ("explained", "")
    window.files.undo()
    assert window.workspace.review_of(finding) == ("open", "")
    assert not model.setData(model.index(row, COL["review"]), "nonsense")


def test_review_filter(window: MainWindow) -> None:
    panel = window.findings_panel
    model = panel.model
    row = _rules(window).index("pct.recomputed")
    model.setData(model.index(row, COL["review"]), "confirmed")
    panel.review.setCurrentIndex(panel.review.findData("confirmed"))
    assert _rules(window) == ["pct.recomputed"]
    panel.review.setCurrentIndex(panel.review.findData("open"))
    assert _rules(window) == ["sum.incomplete"] * 4
