"""The Qt models pass qtmodeltester, stay lazy on a deep tree, and sort without losing rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QModelIndex, Qt

from core.cli.audit import SAMPLE
from core.opener.load import load
from core.project.session import Workspace
from tests.ui.conftest import ENGLISH
from ui.controller import WorkspaceController
from ui.findings.findings_model import COL, FindingsModel
from ui.table.results_model import ResultsModel
from ui.tree.unit_tree_model import STATUS_ROLE, UnitTreeModel


def _controller(path: Path) -> WorkspaceController:
    return WorkspaceController(Workspace(load(path)))


def test_models_pass_qtmodeltester_on_the_sample(qapp, qtmodeltester) -> None:
    controller = _controller(SAMPLE)
    qtmodeltester.check(UnitTreeModel(controller, ENGLISH))
    results = ResultsModel(controller, ENGLISH)
    qtmodeltester.check(results)
    findings = FindingsModel(controller, ENGLISH)
    qtmodeltester.check(findings)
    findings.sort(COL["unit"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(findings)


def test_models_pass_qtmodeltester_on_a_deep_tree(qapp, qtmodeltester, small_package: Path) -> None:
    controller = _controller(small_package)
    tree = UnitTreeModel(controller, ENGLISH)
    root = tree.index(0, 0)
    while tree.canFetchMore(root):
        tree.fetchMore(root)
    qtmodeltester.check(tree)
    results = ResultsModel(controller, ENGLISH)
    district = int(
        controller.workspace.election.units.children(
            int(controller.workspace.election.units.children(0)[0])
        )[0]
    )
    results.set_unit(district)
    qtmodeltester.check(results)


def test_the_tree_builds_nothing_before_it_is_expanded(qapp, small_package: Path) -> None:
    controller = _controller(small_package)
    model = UnitTreeModel(controller, ENGLISH)
    root = model.index(0, 0)
    assert model.rowCount(QModelIndex()) == 1
    assert model.hasChildren(root)
    assert model.rowCount(root) == 0  # nothing fetched until the view asks
    assert model.canFetchMore(root)
    model.fetchMore(root)
    units = controller.workspace.election.units
    assert model.rowCount(root) == len(units.children(units.root))
    station = int(np.flatnonzero(units.level == 3)[-1])
    index = model.index_of(station)
    assert model.unit_of(index) == station
    assert model.unit_of(index.parent()) == int(units.parent[station])


def test_status_marks_follow_the_findings(qapp, small_package: Path) -> None:
    controller = _controller(small_package)
    model = UnitTreeModel(controller, ENGLISH)
    units = controller.workspace.election.units
    bad = next(f for f in controller.workspace.findings if f.severity == "error")
    index = model.index_of(bad.unit)
    assert index.data(STATUS_ROLE) == "error"
    assert model.index_of(units.root).data(STATUS_ROLE) == "error"
    clean = next(
        u for u in range(len(units)) if not controller.index.counts[u].any() and units.level[u] == 3
    )
    assert model.index_of(clean).data(STATUS_ROLE) == "clean"


def test_sorting_the_table_keeps_the_total_on_top(qapp, small_package: Path) -> None:
    controller = _controller(small_package)
    model = ResultsModel(controller, ENGLISH)
    units = controller.workspace.election.units
    district = int(units.children(int(units.children(units.root)[0]))[0])
    model.set_unit(district)
    column = model.fields.index("votes:P01") + 1
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.unit_at(0) == district
    values = [model.value(model.unit_at(r), "votes:P01") for r in range(1, model.rowCount())]
    assert values == sorted(values, reverse=True)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    ids = [model.index(r, 0).data() for r in range(1, model.rowCount())]
    assert ids == sorted(units.ids[int(u)] for u in units.children(district))
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert names[0] == units.names[district]


def test_numbers_follow_the_locale(qapp) -> None:
    from PySide6.QtCore import QLocale

    from ui.formatting import display_locale, editable_text, format_value

    russian = display_locale(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    assert format_value(russian, "votes:NO", 5148074, 2) == "5\u00a0148\u00a0074"
    assert format_value(russian, "pct:NO", 71.09, 2) == "71,09"
    assert editable_text(russian, "pct:NO", 5.86) == "5,86"
    assert format_value(russian, "votes:NO", None, 2) == "—"
    c_locale = display_locale(QLocale.c())
    assert format_value(c_locale, "votes:NO", 5148074, 2) == "5,148,074"


def test_the_tree_and_table_stay_sound_through_structure_edits(qapp, qtmodeltester) -> None:
    from core.project.edits import Change
    from core.project.structure import MoveUnits, RenameUnit, new_children, removal

    controller = _controller(SAMPLE)
    tree_model = UnitTreeModel(controller, ENGLISH)
    results = ResultsModel(controller, ENGLISH)
    e = controller.workspace.election
    tree = e.units
    for u in range(len(tree)):  # everything fetched, as a view that expanded it all
        while tree_model.canFetchMore(tree_model.index_of(u)):
            tree_model.fetchMore(tree_model.index_of(u))
    almaty = tree.index["KZ-03"]
    results.set_unit(almaty)
    edits = [
        lambda: new_children(e, almaty, ["D1", "D2", "D3"], ["a", "b", "c"]),
        lambda: MoveUnits(("D2",), ("KZ-03",), "KZ-01"),
        lambda: RenameUnit("D3", "c", "Medeu"),
        lambda: removal(e, [tree.index["D1"]]),
        lambda: removal(e, [tree.index["KZ-05"]]),
    ]
    for make in edits:
        controller.apply(Change("x", kind="structure", structure=make()))
        qtmodeltester.check(tree_model)
        qtmodeltester.check(results)
    while controller.workspace.history.can_undo:
        controller.undo()
        qtmodeltester.check(tree_model)
    assert tree_model.rowCount(tree_model.index_of(tree.index["KZ-03"])) == 0
