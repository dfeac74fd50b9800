"""Robust z-scores: each station's turnout (x) and leader's share (y) against its peers."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from core.analysis.signals import plots
from core.analysis.signals.peer_outliers import THRESHOLD
from core.analysis.signals.report import SignalReport
from core.project.session import Workspace
from ui.formatting import tr
from ui.plots.base import PlotView
from ui.plots.style import GREY, ORANGE, SKY

MAX_POINTS = 30_000  # beyond this only the stations outside +-2 are drawn as points


class ZScorePlot(PlotView):
    """Points beyond the dashed lines (|z| > 3.5) are outliers; orange ones are named in a
    signal. Click a point to select its station."""

    title = "Peer z-scores"

    def __init__(
        self,
        workspace: Workspace,
        points: Callable[[int], plots.ZPoints | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.points_for = points
        item = self.plot.getPlotItem()
        self.inner = pg.ScatterPlotItem(size=4, pen=None, brush=pg.mkBrush(SKY + "90"))
        self.outer = pg.ScatterPlotItem(size=7, pen=None, brush=pg.mkBrush(GREY))
        self.named = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k"), brush=pg.mkBrush(ORANGE))
        for it in (self.inner, self.outer, self.named):
            item.addItem(it)
            it.sigClicked.connect(self._on_points_clicked)
        for v in (-THRESHOLD, THRESHOLD):
            item.addItem(
                pg.InfiniteLine(
                    v, angle=90, pen=pg.mkPen(GREY, style=pg.QtCore.Qt.PenStyle.DashLine)
                )
            )
            item.addItem(
                pg.InfiniteLine(
                    v, angle=0, pen=pg.mkPen(GREY, style=pg.QtCore.Qt.PenStyle.DashLine)
                )
            )
        item.setLabel("bottom", tr("turnout: robust z among the territory's stations"))
        item.setLabel("left", tr("leader's share: robust z"))
        self.pts: plots.ZPoints | None = None
        self.report: SignalReport | None = None

    def set_report(self, report: SignalReport | None) -> None:
        self.report = report
        self.dirty = True

    def redraw(self) -> None:
        self.dirty = False
        p = self.points_for(self.unit) if self.report is not None else None
        self.pts = p
        if p is None or not p.units.size:
            for s in (self.inner, self.outer, self.named):
                s.setData([], [])
            self.caption.setText(tr("No territory here has the 30 stations a z-score needs."))
            return
        far = np.maximum(np.abs(p.x), np.abs(p.y))
        inner = ~p.outlier & ~p.signalled
        hidden = 0
        if inner.sum() > MAX_POINTS:
            hidden = int((inner & (far <= 2)).sum())
            inner &= far > 2
        outer = p.outlier & ~p.signalled
        for scatter, mask in ((self.inner, inner), (self.outer, outer), (self.named, p.signalled)):
            scatter.setData(x=p.x[mask], y=p.y[mask], data=p.units[mask])
        where = self.workspace.election.units.names[self.unit]
        text = (
            tr("%1: %2 stations scored, %3 beyond ±3.5 (grey), %4 named in a signal (orange).")
            .replace("%1", where)
            .replace("%2", f"{p.units.size:,}")
            .replace("%3", f"{int(p.outlier.sum()):,}")
            .replace("%4", f"{int(p.signalled.sum()):,}")
        )
        if hidden:
            text += " " + tr("%1 stations within ±2 are not drawn.").replace("%1", f"{hidden:,}")
        self.caption.setText(text + " " + tr("An outlier is a station to look at, not proof."))

    def _on_points_clicked(self, _item: object, points: list[object], _ev: object = None) -> None:
        if len(points):
            self.unit_activated.emit(int(points[0].data()))  # type: ignore[attr-defined]
