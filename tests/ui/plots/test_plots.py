"""The plots dock: bars and points follow the selection, clicks select units, export writes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView

from core.cli import audit as cli
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from ui.plots import fingerprint_plot
from ui.plots.panel import PlotsPanel

CSV = (
    "unit_id,unit_name,level,parent_id,source,registered,ballots_cast,valid,votes:A,votes:B\n"
    "N,Nation,nation,,,,,,100,50\n"
    "R1,North,region,N,,,,,60,30\n"
    "R2,South,region,N,,,,,40,20\n"
    "S1,s1,station,R1,,50,35,35,25,10\n"
    "S2,s2,station,R1,,100,50,50,30,20\n"
    "S3,s3,station,R2,,80,60,60,40,20\n"
    "S3,s3,station,R2,observer,,,,43,20\n"
    "R2,South,region,N,observer,,,,38,20\n"
)
INFO = (
    '{"format": "sanaq/1", "name": "t", "date": "2021-01-10",'
    ' "levels": ["nation", "region", "station"], "contestants": ['
    '{"code": "A", "name": "Alpha", "ballot_order": 1, "registration_order": 1},'
    '{"code": "B", "name": "Beta", "ballot_order": 2, "registration_order": 2}]}'
)


@pytest.fixture
def small(tmp_path: Path) -> Workspace:
    (tmp_path / "results.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "election.json").write_text(INFO, encoding="utf-8")
    return Workspace(load(tmp_path))


@pytest.fixture
def sample() -> Workspace:
    return Workspace(load(cli.SAMPLE))


def _panel(qtbot, ws: Workspace) -> PlotsPanel:  # type: ignore[no-untyped-def]
    panel = PlotsPanel(ws)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    return panel


def _heights(panel: PlotsPanel) -> list[float]:
    return list(np.asarray(panel.discrepancies.bar_item.opts["height"]).tolist())


def test_bars_follow_the_selected_unit_and_field(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    ids = small.election.units.index
    panel.show_unit(ids["N"])
    # South's observer copy says 38 against 40; North reports 60 against 55 below it.
    assert _heights(panel) == [-2, 0, 5]
    assert len(panel.discrepancies.flag_item.opts["height"]) == 2
    panel.show_unit(ids["S3"])  # a station: its district's stations, observer against official
    assert _heights(panel) == [3]
    panel.discrepancies.set_field("votes:B")
    assert _heights(panel) == [0]
    assert "s3: observer 20, official 20" in panel.discrepancies.describe(0)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's, on show()
def test_hovering_and_clicking_a_bar_selects_its_unit(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_unit(small.election.units.root)
    plot = panel.discrepancies.plot
    vb = plot.getPlotItem().getViewBox()
    vb.autoRange(padding=0.1)
    QApplication.processEvents()
    # The third bar (index 2) is North's +5; click the middle of it.
    scene_pos = vb.mapViewToScene(QPointF(2.0, 2.5))
    pos = plot.mapFromScene(scene_pos)
    panel.discrepancies._on_scene_moved(scene_pos)  # what a hover there shows
    hover = "North: reported 60, below 55, reported − sum below = +5 (finding)"
    assert plot.toolTip() == hover
    assert panel.discrepancies.caption.text() == hover
    with qtbot.waitSignal(panel.unit_activated, timeout=2000) as sig:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [small.election.units.index["R1"]]


def test_an_edit_redraws_the_bars(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    panel.show_unit(small.election.units.root)
    result = small.apply(Change("fix", (CellEdit("R1", "official", "votes:A", 60, 55),)))
    panel.refresh(result)
    assert _heights(panel) == [-2, 0, 0]
    assert panel.discrepancies.bars is not None
    assert not panel.discrepancies.bars.flagged[1:].any()


def test_almaty_adal_stands_out_and_clicking_it_selects_almaty(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample)
    panel.tabs.setCurrentWidget(panel.percentages)
    view = panel.percentages
    x, y = view.outside.getData()
    assert len(x) == 1
    assert round(float(x[0]), 2) == 5.86
    assert float(y[0]) == pytest.approx(5.21 - 5.8617, abs=1e-3)
    assert len(view.inside.getData()[0]) == 92
    assert "Almaty · Adal: 5.21 vs 5.86" in view.labels.visible()[0].toPlainText()
    points = view.outside.points()
    with qtbot.waitSignal(panel.unit_activated) as sig:
        view._on_points_clicked(view.outside, list(points))
    assert sig.args == [sample.election.units.index["KZ-03"]]


def test_fingerprint_highlights_the_selected_region(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    panel.tabs.setCurrentWidget(panel.fingerprint)
    view = panel.fingerprint
    assert view.mode == "points"
    assert len(view.points.getData()[0]) == 3
    assert "not a proof of fraud" in view.plot.getPlotItem().titleLabel.text
    panel.show_unit(small.election.units.index["R1"])
    x, y = view.highlight.getData()
    points = sorted(zip(x.tolist(), y.tolist(), strict=True))
    assert points == [(50.0, 60.0), (70.0, pytest.approx(100 * 25 / 35))]  # S2 and S1
    panel.show_unit(small.election.units.index["R2"])
    assert view.highlight.getData()[0].tolist() == [75.0]


def test_hovering_a_station_names_it(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    panel.tabs.setCurrentWidget(panel.fingerprint)
    view = panel.fingerprint
    view.resize(600, 400)
    panel.show_unit(small.election.units.root)
    box = view.plot.getPlotItem().getViewBox()
    view._on_scene_mouse_moved(box.mapViewToScene(QPointF(75.2, 100 * 40 / 60)))  # S3
    assert view.plot.toolTip().startswith(
        small.election.units.names[small.election.units.index["S3"]]
    )
    assert "turnout 75.0%" in view.plot.toolTip()
    view._on_scene_mouse_moved(box.mapViewToScene(QPointF(5.0, 5.0)))
    assert view.plot.toolTip() == ""


def test_fingerprint_turns_into_a_density_map_when_there_are_many(
    qtbot,  # type: ignore[no-untyped-def]
    small: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fingerprint_plot.plotdata, "HISTOGRAM_ABOVE", 2)
    panel = _panel(qtbot, small)
    panel.tabs.setCurrentWidget(panel.fingerprint)
    view = panel.fingerprint
    assert view.mode == "histogram"
    assert view.image.image is not None
    assert view.image.image.sum() > 0
    assert len(view.points.getData()[0]) == 0


def test_seats_table_shows_what_auyl_needs(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample)
    panel.tabs.setCurrentWidget(panel.seats)
    table = panel.seats.table
    assert table.rowCount() == 5
    assert table.item(3, 0).text().endswith("(AUYL)")
    assert table.item(3, 5).text() == "144,727"
    assert list(panel.seats.bar_item.opts["height"]) == [5148074, 792828, 659019, 383023, 258618]
    assert panel.seats.threshold.value() == pytest.approx(527749.6)


def test_margins_within_the_votes_in_question_turn_red(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample)
    panel.tabs.setCurrentWidget(panel.seats)
    table = panel.seats.table
    red = QColor("#D55E00")
    assert table.item(0, 7).text() == "11,127 from AJ"
    assert table.item(0, 7).foreground().color() != red
    # Almaty's Ak Zhol votes 20,000 higher: the regions no longer add up to the nation's.
    edit = CellEdit("KZ-03", "official", "votes:AJ", 48887, 68887)
    panel.refresh(sample.apply(Change("typo", (edit,))))
    assert "Votes in question in the findings: 20,000." in panel.seats.caption.text()
    assert table.item(0, 7).foreground().color() == red  # Nur Otan's next seat: 11,127
    assert table.item(2, 8).foreground().color() == red  # QHP's last seat: 11,568
    assert table.item(3, 5).foreground().color() != red  # Auyl's threshold: 144,727


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_every_plot_exports(qtbot, sample: Workspace, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, sample)
    for i, view in enumerate(panel.views):
        panel.tabs.setCurrentIndex(i)
        out = tmp_path / f"{i}.{suffix}"
        panel.export_current(out)
        data = out.read_bytes()
        assert len(data) > 1000, view.title
        assert data.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in data


def test_plots_follow_a_dark_palette(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    panel = _panel(qtbot, sample)
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    try:
        app.setPalette(dark)
        QApplication.processEvents()
        bg = panel.seats.plot.backgroundBrush().color()
        assert bg.lightness() < 64
    finally:
        app.setPalette(old)


def test_linked_both_ways_with_a_unit_tree(qtbot, small: Workspace) -> None:  # type: ignore[no-untyped-def]
    # A stand-in for the main window's tree: one row per unit, wired as the window wires it.
    tree = small.election.units
    model = QStandardItemModel()
    for name in tree.names:
        model.appendRow(QStandardItem(name))
    view = QTreeView()
    view.setModel(model)
    qtbot.addWidget(view)
    panel = _panel(qtbot, small)
    panel.unit_activated.connect(lambda u: view.setCurrentIndex(model.index(u, 0)))
    view.selectionModel().currentChanged.connect(lambda cur, _prev: panel.show_unit(cur.row()))

    view.setCurrentIndex(model.index(tree.index["R2"], 0))  # select South in the tree
    assert panel.discrepancies.bars is not None
    assert panel.discrepancies.bars.parent == tree.index["R2"]
    assert _heights(panel) == [3]  # its station's observer copy, 43 against 40
    panel.discrepancies.unit_activated.emit(tree.index["R1"])  # as a click on North's bar does
    assert view.currentIndex().row() == tree.index["R1"]
    assert panel.discrepancies.bars.parent == tree.index["R1"]
    assert panel.fingerprint.unit == tree.index["R1"]  # every plot follows, drawn when shown


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_plots_behind_the_findings_tab_wait_until_raised(qtbot, window) -> None:
    """An edit does not redraw a plot nobody sees; raising its tab brings it up to date."""
    from tests.ui.conftest import focus_cell, type_keys

    qtbot.waitUntil(lambda: window.plots_panel is not None)
    window.findings_dock.raise_()
    qtbot.wait(10)
    panel = window.plots_panel
    assert panel._hidden()
    focus_cell(window, "KZ-03", "votes:ADAL")
    type_keys(qtbot, "18836")
    assert panel.current.dirty
    window.plots_dock.raise_()
    qtbot.waitUntil(lambda: not panel.current.dirty)
