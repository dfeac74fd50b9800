"""The fingerprint (Klimek et al. 2012): registered voters by turnout and the leader's share."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from core.analysis.signals import plots
from core.analysis.signals.fingerprint import READING
from core.analysis.signals.report import SignalReport
from core.project.session import Workspace
from ui.formatting import tr
from ui.plots.base import PlotView


class VoterMapPlot(PlotView):
    """A 100 x 100 map, log colour scale; the selected unit's stations only."""

    title = "Turnout × share (voters)"

    def __init__(
        self,
        workspace: Workspace,
        maps: Callable[[int], plots.VoterMap | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.maps = maps
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem()
        lut = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=True)
        lut[0, 3] = 0  # empty cells stay background
        self.image.setLookupTable(lut)
        item.addItem(self.image)
        item.setLabel("bottom", tr("turnout (%)"))
        item.setLabel("left", tr("leader's share (%)"))
        item.setXRange(0, 100)
        item.setYRange(0, 100)
        item.getViewBox().setLimits(xMin=-5, xMax=105, yMin=-5, yMax=105)
        self.caption.setToolTip(tr(READING))
        self.map: plots.VoterMap | None = None
        self.report: SignalReport | None = None

    def set_report(self, report: SignalReport | None) -> None:
        self.report = report
        self.dirty = True

    def redraw(self) -> None:
        self.dirty = False
        m = self.maps(self.unit) if self.report is not None else None
        self.map = m
        if m is None or not m.stations:
            self.image.setVisible(False)
            self.caption.setText(tr("No station reports turnout and the leader's share here."))
            return
        shown = np.log1p(m.grid)
        self.image.setImage(shown, levels=(0, float(shown.max()) or 1.0))
        self.image.setRect(QRectF(0, 0, 100, 100))
        self.image.setVisible(True)
        names = {c.code: c.name for c in self.workspace.election.info.contestants}
        leader = names.get(m.leader or "", m.leader or "?")
        self.caption.setText(
            tr("%1: %2 stations, coloured by registered voters (log scale); leader: %3. ")
            .replace("%1", self.workspace.election.units.names[self.unit])
            .replace("%2", f"{m.stations:,}")
            .replace("%3", leader)
            + tr(READING)
        )
