"""Plot 2: each published percentage against the one its figures give, with the tolerance band."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from core.analysis import plotdata
from core.project.session import Workspace
from ui.plots.base import LabelPool, PlotView
from ui.plots.style import SKY, VERMILLION, theme

MAX_LABELS = 12  # label the worst points only; hover names the rest


class PctPlot(PlotView):
    title = "Percentages"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.pairs: plotdata.PctPairs | None = None
        item = self.plot.getPlotItem()
        self.band = pg.LinearRegionItem(
            values=(-0.005, 0.005), orientation="horizontal", movable=False
        )
        self.inside = pg.ScatterPlotItem(size=7, symbol="o", pen=None, brush=pg.mkBrush(SKY))
        self.outside = pg.ScatterPlotItem(
            size=13, symbol="t", pen=pg.mkPen(VERMILLION, width=1), brush=pg.mkBrush(VERMILLION)
        )
        for it in (self.band, self.inside, self.outside):
            item.addItem(it)
        self.labels = LabelPool(item, anchor=(0, 1))
        item.setLabel("bottom", "recomputed from the figures (%)")
        item.setLabel("left", "published − recomputed (percentage points)")
        item.getAxis("left").enableAutoSIPrefix(False)
        for line in self.band.lines:
            line.setPen(pg.mkPen(SKY, width=1))
        for scatter in (self.inside, self.outside):
            scatter.sigClicked.connect(self._on_points_clicked)
            scatter.sigHovered.connect(self._on_points_hovered)

    def redraw(self) -> None:
        self.dirty = False
        ctx = self.workspace.auditor.ctx
        parent = plotdata.shown_parent(ctx.tree, self.unit)
        p = plotdata.pct_pairs(ctx, plotdata.unit_and_children(ctx.tree, parent))
        self.pairs = p
        _, fg = theme()
        self.band.setRegion((-p.tolerance, p.tolerance))
        self.band.setBrush(pg.mkBrush(SKY + "40"))
        out = p.outside
        idx = np.arange(p.units.size)
        dev = p.deviation
        self.inside.setData(x=p.recomputed[~out], y=dev[~out], data=idx[~out])
        self.outside.setData(x=p.recomputed[out], y=dev[out], data=idx[out])
        item = self.plot.getPlotItem()
        worst = idx[out][np.argsort(-np.abs(dev[out]))][:MAX_LABELS]
        self.labels.show(
            [
                (self.describe(int(i), short=True), float(p.recomputed[i]), float(dev[i]))
                for i in worst
            ],
            fg,
        )
        names = ctx.tree.names
        item.setTitle(
            f"Published against recomputed percentages, {names[parent]} and the units below; "
            f"band ±{p.tolerance:.3f}"
        )
        # The band is thin against a typo: always show it, and the outliers, at once.
        lo = float(min(dev.min(initial=0.0), -p.tolerance * 4))
        hi = float(max(dev.max(initial=0.0), p.tolerance * 4))
        pad = 0.1 * (hi - lo)
        item.setYRange(lo - pad, hi + pad)
        item.setXRange(0, float(max(p.recomputed.max(initial=0.0), 1.0)) * 1.05)
        n_out = int(out.sum())
        self.caption.setText(
            f"{p.units.size} published percentages; {n_out} outside the tolerance "
            f"(half a unit of the last decimal)."
        )

    def describe(self, i: int, short: bool = False) -> str:
        assert self.pairs is not None
        p = self.pairs
        ctx = self.workspace.auditor.ctx
        name = ctx.tree.names[int(p.units[i])]
        what = ctx.pct_label(p.fields[i][4:])
        if short:
            return f"{name} · {what}: {p.published[i]:.2f} vs {p.recomputed[i]:.2f}"
        return (
            f"{name}, {what}: published {p.published[i]:.2f}%, recomputed "
            f"{p.recomputed[i]:.4f}%, difference {p.deviation[i]:+.4f}"
        )

    def _on_points_clicked(self, _item: object, points: list[object], _ev: object = None) -> None:
        if points and self.pairs is not None:
            i = int(points[0].data())  # type: ignore[attr-defined]
            self.unit_activated.emit(int(self.pairs.units[i]))

    def _on_points_hovered(self, _item: object, points: list[object], _ev: object = None) -> None:
        if len(points) and self.pairs is not None:
            text = self.describe(int(points[0].data()))  # type: ignore[attr-defined]
            self.plot.setToolTip(text)
            self.caption.setText(text)
