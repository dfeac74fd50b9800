"""Plot 1: for the selected unit, a bar per child with its gap, sorted and signed."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from core.analysis import plotdata
from core.project.session import Workspace
from ui.plots.base import PlotView
from ui.plots.style import BLUE, GREY, ORANGE, VERMILLION, CountAxis, theme

MAX_NAMED_TICKS = 25  # beyond this the names overlap; hover tells which bar is which
KIND_WORDS = {
    plotdata.SUM_GAP: "reported − sum below",
    plotdata.OBSERVER_GAP: "observer − official",
}


class DiscrepancyPlot(PlotView):
    title = "Discrepancies"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.bars: plotdata.DiscrepancyBars | None = None
        self.field_combo = QComboBox()
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row = QHBoxLayout()
        row.addWidget(QLabel("Field:"))
        row.addWidget(self.field_combo, 1)
        self.layout_.insertLayout(0, row)
        self._fill_fields()
        self.field_combo.currentIndexChanged.connect(self._on_field_changed)
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.flag_item = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        # Units that agree have no bar: a dot on the zero line shows they were compared.
        self.agree = pg.ScatterPlotItem(size=5, symbol="o", pen=None, brush=pg.mkBrush(GREY))
        self.empty_note = pg.TextItem(anchor=(0.5, 0.5))
        item = self.plot.getPlotItem()
        for it in (self.bar_item, self.flag_item, self.zero, self.agree, self.empty_note):
            item.addItem(it)
        item.setLabel("left", "difference")
        scene = self.plot.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_moved)

    def axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": CountAxis()}

    def _fill_fields(self) -> None:
        ctx = self.workspace.auditor.ctx
        fields = plotdata.bar_fields(ctx)
        shown = [self.field_combo.itemData(i) for i in range(self.field_combo.count())]
        if fields == shown:
            return
        keep = self.field
        votes = [f for f in fields if f.startswith("votes:")]
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for f in fields:
            self.field_combo.addItem(ctx.field_label(f), f)
        if keep in fields:
            self.field_combo.setCurrentIndex(fields.index(keep))
        elif votes:
            self.field_combo.setCurrentIndex(fields.index(votes[0]))
        self.field_combo.blockSignals(False)

    def invalidate(self) -> None:
        super().invalidate()
        self._fill_fields()  # an edit may report a field nobody reported before

    @property
    def field(self) -> str | None:
        data = self.field_combo.currentData()
        return str(data) if data is not None else None

    def set_field(self, field: str) -> None:
        self.field_combo.setCurrentIndex(self.field_combo.findData(field))

    def _on_field_changed(self, _index: int) -> None:
        self.redraw()

    def redraw(self) -> None:
        self.dirty = False
        field = self.field
        if field is None:
            self.caption.setText("No count field is reported.")
            return
        auditor = self.workspace.auditor
        ctx = auditor.ctx
        b = plotdata.discrepancy_bars(ctx, auditor.findings, self.unit, field)
        self.bars = b
        _, fg = theme()
        x = np.arange(len(b), dtype=np.float64)
        colours = [QColor(ORANGE if k == plotdata.OBSERVER_GAP else BLUE) for k in b.kind]
        pens = [
            pg.mkPen(fg, width=3) if u == self.unit else pg.mkPen(c.darker(130))
            for u, c in zip(b.units, colours, strict=True)
        ]
        if len(b):
            self.bar_item.setOpts(x=x, height=b.gap, width=0.8, brushes=colours, pens=pens)
        else:  # pyqtgraph 0.14 fails on an empty `pens` list
            self.bar_item.setOpts(x=x, height=b.gap, brushes=None, pens=None, pen=fg, brush=fg)
        f = np.flatnonzero(b.flagged)
        hatch = QBrush(QColor(VERMILLION), Qt.BrushStyle.BDiagPattern)
        self.flag_item.setOpts(
            x=x[f], height=b.gap[f], width=0.8, brush=hatch, pen=pg.mkPen(VERMILLION, width=2)
        )
        self.zero.setPen(pg.mkPen(fg, width=1))
        same = np.flatnonzero(b.gap == 0)
        self.agree.setData(x=x[same], y=np.zeros(same.size))
        self.empty_note.setVisible(not len(b))
        if not len(b):
            self.empty_note.setText(self._summary(b).replace(". ", ".\n"), color=fg)
            self.empty_note.setPos(0, 0.5)
        names = ctx.tree.names
        ticks = [(float(i), names[u]) for i, u in enumerate(b.units)]
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([ticks] if len(b) <= MAX_NAMED_TICKS else None)
        self.plot.getPlotItem().setTitle(
            f"{ctx.field_label(field)} under {names[b.parent]}: "
            f"<span style='color:{BLUE}'>■ reported − sum below</span> "
            f"<span style='color:{ORANGE}'>■ observer − official</span> "
            f"<span style='color:{VERMILLION}'>▨ finding</span>"
        )
        if len(b):
            self.plot.getPlotItem().enableAutoRange()
        else:
            self.plot.getPlotItem().setRange(xRange=(-1, 1), yRange=(-1, 1))
        self.caption.setText(self._summary(b))

    def _summary(self, b: plotdata.DiscrepancyBars) -> str:
        name = self.workspace.election.units.names[b.parent]
        own = ""
        if b.own_reported is not None and b.own_below is not None:
            d = b.own_reported - b.own_below
            own = f"{name}: {b.own_reported:,} reported, {b.own_below:,} below ({d:+,}). "
        elif b.own_reported is not None:
            own = f"{name}: {b.own_reported:,} reported, not verifiable from below. "
        if not len(b):
            return own + "No unit below has figures of its own below it or an observer's copy."
        return own + f"{len(b)} bars, {int(b.flagged.sum())} with a finding."

    def bar_at(self, x: float) -> int | None:
        """Index of the bar whose column holds x (a whole column, so tiny bars stay clickable)."""
        if self.bars is None or not len(self.bars):
            return None
        i = round(x)
        return i if 0 <= i < len(self.bars) and abs(x - i) <= 0.4 else None

    def _view_x(self, scene_pos: QPointF) -> float | None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        return float(vb.mapSceneToView(scene_pos).x())

    def describe(self, i: int) -> str:
        assert self.bars is not None
        b = self.bars
        name = self.workspace.election.units.names[int(b.units[i])]
        what = KIND_WORDS[int(b.kind[i])]
        flag = " (finding)" if b.flagged[i] else ""
        first, second = (
            ("observer", "official")
            if b.kind[i] == plotdata.OBSERVER_GAP
            else ("reported", "below")
        )
        return (
            f"{name}: {first} {int(b.reported[i]):,}, {second} {int(b.expected[i]):,}, "
            f"{what} = {int(b.gap[i]):+,}{flag}"
        )

    def _on_scene_moved(self, pos: QPointF) -> None:
        x = self._view_x(pos)
        i = None if x is None else self.bar_at(x)
        text = self.describe(i) if i is not None else ""
        self.plot.setToolTip(text)
        if i is not None:
            self.caption.setText(text)

    def _on_scene_clicked(self, event: object) -> None:
        x = self._view_x(event.scenePos())  # type: ignore[attr-defined]
        i = None if x is None else self.bar_at(x)
        if i is not None and self.bars is not None:
            self.unit_activated.emit(int(self.bars.units[i]))
