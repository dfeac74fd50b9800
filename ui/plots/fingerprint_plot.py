"""Plot 3: turnout against the leader's share per station, the selected unit's stations on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QWidget

from core.analysis import plotdata
from core.project.session import Workspace
from ui.plots.base import PlotView
from ui.plots.style import BLUE, VERMILLION

MAX_HIGHLIGHT = 20_000  # more highlighted stations than this: every k-th, to stay interactive
CAVEAT = "A shape here is a question to ask, not a proof of fraud."


class FingerprintPlot(PlotView):
    title = "Turnout × share"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.fp: plotdata.Fingerprint | None = None
        self.mode = "points"
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem()
        lut = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=True)
        lut[0, 3] = 0  # empty cells stay background: the shape, not a purple slab, is the point
        self.image.setLookupTable(lut)
        self.points = pg.ScatterPlotItem(
            size=4, pen=None, brush=pg.mkBrush(BLUE + "80"), hoverable=False
        )
        self.highlight = pg.ScatterPlotItem(size=8, pen=pg.mkPen("k"), brush=pg.mkBrush(VERMILLION))
        for it in (self.image, self.points, self.highlight):
            item.addItem(it)
        item.setLabel("bottom", "turnout (%)")
        item.setLabel("left", "leader's share (%)")
        item.setXRange(0, 100)
        item.setYRange(0, 100)
        item.getViewBox().setLimits(xMin=-5, xMax=105, yMin=-5, yMax=105)
        self.points.sigClicked.connect(self._on_points_clicked)
        self.highlight.sigClicked.connect(self._on_points_clicked)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def invalidate(self) -> None:
        super().invalidate()
        self.fp = None

    def redraw(self) -> None:
        self.dirty = False
        ctx = self.workspace.auditor.ctx
        if self.fp is None:
            self._draw_all()
        fp = self.fp
        assert fp is not None
        tree = ctx.tree
        if self.unit == tree.root or not fp.stations.size:
            sel = np.zeros(0, np.int64)
        else:
            sel = np.flatnonzero(plotdata.in_subtree(tree, fp.stations, self.unit))
        n_sel = int(sel.size)
        step = max(1, -(-n_sel // MAX_HIGHLIGHT))
        sel = sel[::step]
        few = sel.size <= 200
        self.highlight.setData(
            x=fp.turnout[sel],
            y=fp.share[sel],
            data=fp.stations[sel],
            size=8 if few else 4,
            pen=pg.mkPen("k") if few else None,
        )
        leader = fp.leader or "?"
        names = {c.code: c.name for c in ctx.info.contestants}
        self.plot.getPlotItem().setTitle(
            f"Turnout against {names.get(leader, leader)}'s share, per station. {CAVEAT}"
        )
        where = tree.names[self.unit]
        thinned = f" (every {step}th shown)" if step > 1 else ""
        how = "points" if self.mode == "points" else "a density map (stations per cell)"
        self.caption.setText(
            f"{fp.stations.size:,} stations as {how}; {where}: "
            f"{n_sel:,} highlighted{thinned}. {CAVEAT}"
            if fp.stations.size
            else f"No station reports registered voters, ballots cast and votes. {CAVEAT}"
        )

    def _draw_all(self) -> None:
        fp = plotdata.fingerprint(self.workspace.auditor.ctx)
        self.fp = fp
        if fp.stations.size > plotdata.HISTOGRAM_ABOVE:
            self.mode = "histogram"
            counts, _, _ = plotdata.fingerprint_histogram(fp)
            self.points.setData(x=[], y=[])
            self.image.setImage(np.log1p(counts), levels=(0, float(np.log1p(counts.max()))))
            self.image.setRect(QRectF(0, 0, 100, 100))
            self.image.setVisible(True)
        else:
            self.mode = "points"
            self.image.setVisible(False)
            self.points.setData(x=fp.turnout, y=fp.share, data=fp.stations)

    def _on_points_clicked(self, _item: object, points: list[object], _ev: object = None) -> None:
        if len(points):
            self.unit_activated.emit(int(points[0].data()))  # type: ignore[attr-defined]

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        """The station under the pointer, named in a tooltip (points and density map alike)."""
        fp = self.fp
        box = self.plot.getPlotItem().getViewBox()
        if fp is None or not box.sceneBoundingRect().contains(pos):
            self.plot.setToolTip("")
            return
        at = box.mapSceneToView(pos)
        size = box.viewPixelSize()
        i = plotdata.nearest_station(fp, at.x(), at.y(), (size[0], size[1]))
        if i is None:
            self.plot.setToolTip("")
            return
        ctx = self.workspace.auditor.ctx
        unit = int(fp.stations[i])
        self.plot.setToolTip(
            f"{ctx.tree.names[unit]} ({ctx.tree.ids[unit]}): turnout {fp.turnout[i]:.1f}%, "
            f"{ctx.pct_label(fp.leader or '')} {fp.share[i]:.1f}%"
        )
