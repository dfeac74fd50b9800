"""The integer-percentage histogram: stations in 0.1-point bins, with the band chance gives."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QWidget

from core.analysis.signals import plots
from core.analysis.signals.report import SignalReport
from core.project.session import Workspace
from ui.formatting import tr
from ui.plots.base import PlotView
from ui.plots.style import BLUE, GREY, ORANGE

Histograms = Callable[[str, int], "plots.IntegerHistogram | None"]


class IntegerPlot(PlotView):
    """Observed stations per bin over the grey band of expected +- 2 sd; whole percents
    where the observed line leaves the band are what the screen counts."""

    title = "Integer percentages"

    def __init__(
        self, workspace: Workspace, histograms: Histograms, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.histograms = histograms
        self.which = QComboBox(self)
        self.which.setObjectName("integerWhich")
        self.which.setAccessibleName(tr("Percentage shown"))
        self.which.addItem(tr("Turnout"), "turnout")
        self.which.addItem(tr("Leader's share"), "share")
        self.which.currentIndexChanged.connect(self._on_which_changed)
        self.layout_.insertWidget(0, self.which)
        item = self.plot.getPlotItem()
        self.low = pg.PlotCurveItem(pen=pg.mkPen(GREY))
        self.high = pg.PlotCurveItem(pen=pg.mkPen(GREY))
        self.band = pg.FillBetweenItem(self.low, self.high, brush=pg.mkBrush(GREY + "60"))
        self.expected = pg.PlotCurveItem(pen=pg.mkPen(GREY, width=1))
        self.observed = pg.PlotCurveItem(pen=pg.mkPen(BLUE, width=1))
        self.whole = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush(ORANGE))
        for it in (self.band, self.low, self.high, self.expected, self.observed, self.whole):
            item.addItem(it)
        item.setLabel("bottom", tr("percentage (0.1-point bins)"))
        item.setLabel("left", tr("stations per bin"))
        item.setXRange(0, 100)
        item.getViewBox().setLimits(xMin=-1, xMax=101)
        self.hist: plots.IntegerHistogram | None = None
        self.report: SignalReport | None = None

    def set_report(self, report: SignalReport | None) -> None:
        self.report = report
        self.dirty = True

    def redraw(self) -> None:
        self.dirty = False
        which = str(self.which.currentData())
        h = self.histograms(which, self.unit) if self.report is not None else None
        self.hist = h
        if h is None or not h.stations:
            for curve in (self.low, self.high, self.expected, self.observed):
                curve.setData([], [])
            self.whole.setData([], [])
            self.caption.setText(
                tr(
                    "No stations to count here: the screen counts stations with at least "
                    "100 registered voters."
                )
            )
            return
        x = h.centres
        self.low.setData(x, h.low)
        self.high.setData(x, h.high)
        self.expected.setData(x, h.expected)
        self.observed.setData(x, h.observed)
        whole = np.arange(10, 1000, 10)
        above = whole[h.observed[whole] > h.high[whole]]
        self.whole.setData(x=x[above], y=h.observed[above])
        where = self.workspace.election.units.names[self.unit]
        self.caption.setText(
            tr(
                "%1: %2 stations. Grey: the band chance gives (each station's own "
                "binomial, ± 2 sd). Orange dots: whole percents above the band. Observed "
                "minus chance at whole percents: %3. A peak is a question to ask, not proof."
            )
            .replace("%1", where)
            .replace("%2", f"{h.stations:,}")
            .replace("%3", f"{h.excess_at_integers():+,.0f}")
        )

    def _on_which_changed(self, _: int) -> None:
        self.dirty = True
        self.redraw_if_dirty()
