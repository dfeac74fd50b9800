"""The Signals tab: beside the Findings, never in them; it follows the tree and leads to it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget

from benchmarks.signals_data import clean_stations, stuff_ballots, to_election
from core.analysis.signals.integer_pct import eligible
from core.analysis.signals.screens import SCREENS
from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from tests.ui.conftest import ENGLISH, click_unit
from ui.main_window import MainWindow
from ui.signals.signals_model import TITLES
from ui.signals.signals_panel import SignalsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def signals_panel(qtbot, window: MainWindow) -> SignalsPanel:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.signals_dock is not None, timeout=5000)
    dock = window.signals_dock
    assert isinstance(dock, QDockWidget)
    panel = dock.widget()
    assert isinstance(panel, SignalsPanel)
    dock.raise_()  # shown: it screens the election
    qtbot.waitUntil(lambda: panel.report is not None, timeout=30_000)
    return panel


@pytest.fixture
def stuffed(qtbot, context) -> MainWindow:  # type: ignore[no-untyped-def]
    election = to_election(stuff_ballots(clean_stations(10_000, 3), 0.05, 0.2, 1))
    w = MainWindow(context, Workspace(election), locale=ENGLISH)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_sample_gets_a_signals_tab_that_says_the_screens_need_stations(qtbot, window):  # type: ignore[no-untyped-def]
    panel = signals_panel(qtbot, window)
    assert window.signals_dock.windowTitle() == "Signals"
    assert window.signals_dock in window.tabifiedDockWidgets(window.findings_dock)
    assert "No screen could run" in panel.status.text()
    assert "0 stations" in panel.status.text()
    model = panel.model
    rows = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert set(rows) == {"Kazakhstan"}
    assert {model.index(r, 7).data() for r in range(model.rowCount())} == {"not run"}
    # nothing of it reaches the findings or their counts
    assert window.summary_bar.totals() == {"error": 0, "warning": 1, "info": 4}
    assert all(f.severity != "signal" for f in window.workspace.auditor.findings.values())


def test_signals_lead_to_their_units_and_the_plots_follow_the_tree(qtbot, stuffed):  # type: ignore[no-untyped-def]
    panel = signals_panel(qtbot, stuffed)
    report = panel.report
    assert report is not None
    assert report.count > 0
    assert "signals from" in panel.status.text()
    top = panel.model.index(0, 7)
    assert top.data() == "signal"
    assert panel.model.index(0, 0).data() in TITLES.values()
    # double-clicking a signalled test selects its unit in the tree
    unit = panel.model.unit_at(0)
    panel.table.doubleClicked.emit(top)
    assert stuffed.results_model.unit == unit
    # the integer histogram follows the unit clicked in the tree
    panel.tabs.setCurrentWidget(panel.integer)
    nation = panel.integer.hist
    assert nation is not None
    click_unit(qtbot, stuffed, "R2")
    QApplication.processEvents()
    region = panel.integer.hist
    assert region is not None
    r2 = stuffed.workspace.election.units.index["R2"]
    st = report.stations
    counted = (
        st.turnout.ok & st.share.ok & eligible(st.turnout.k, st.turnout.n, st.share.k, st.share.n)
    )
    assert region.stations == int((counted & (st.region == r2)).sum()) < nation.stations
    assert "Region 2" in panel.integer.caption.text()
    # a station in the z-score plot, clicked, is selected
    panel.tabs.setCurrentWidget(panel.zscores)
    points = panel.zscores.named.points()
    assert len(points)
    with qtbot.waitSignal(panel.unit_activated) as sig:
        panel.zscores._on_points_clicked(panel.zscores.named, [points[0]])
    station = sig.args[0]
    assert stuffed.workspace.election.units.level[station] == 3
    assert stuffed.results_model.unit in (
        station,
        int(stuffed.workspace.election.units.parent[station]),
    )


def test_an_edit_screens_again(qtbot, stuffed):  # type: ignore[no-untyped-def]
    panel = signals_panel(qtbot, stuffed)
    first = panel.report
    tree = stuffed.workspace.election.units
    station = tree.ids[int(panel.report.stations.units[0])]
    cast = stuffed.workspace.election.sources["official"].value("ballots_cast", tree.index[station])
    stuffed.controller.apply(
        Change("edit", (CellEdit(station, "official", "ballots_cast", cast, 1),))
    )
    with qtbot.waitSignal(panel.screened, timeout=30_000):
        pass
    assert panel.report is not first


def test_the_titles_marked_for_translation_are_the_screens_own():
    assert {s.id: s.title for s in SCREENS} == TITLES
