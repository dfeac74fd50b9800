"""What every plot view shares: a themed PlotWidget, a caption line, export, lazy redraw."""

from __future__ import annotations

import re
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QEvent, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.project.session import Workspace
from ui.plots.style import apply_theme

EXPORT_WIDTH = 1200


class PlotView(QWidget):
    """Base of the four plots: subclasses fill `redraw` from core.plotdata and draw only."""

    unit_activated = Signal(int)

    title = ""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.unit = workspace.election.units.root
        self.dirty = True
        self.plot = pg.PlotWidget(axisItems=self.axis_items())
        self.plot.setMenuEnabled(False)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.plot, 1)
        self.layout_.addWidget(self.caption)
        apply_theme(self.plot)

    def axis_items(self) -> dict[str, pg.AxisItem]:
        return {}

    def set_unit(self, unit: int) -> None:
        self.unit = unit
        self.dirty = True

    def invalidate(self) -> None:
        """The figures changed: cached numbers are stale."""
        self.dirty = True

    def redraw_if_dirty(self) -> None:
        if self.dirty:
            self.redraw()
            self.dirty = False

    def redraw(self) -> None:
        raise NotImplementedError

    def export(self, path: str | Path) -> None:
        """PNG or SVG by the file's suffix."""
        self.redraw_if_dirty()
        item = self.plot.getPlotItem()
        if str(path).lower().endswith(".svg"):
            self._export_svg(str(path))
            return
        exporter = pg_exporters.ImageExporter(item)
        exporter.parameters()["width"] = EXPORT_WIDTH
        exporter.export(str(path))

    def _export_svg(self, path: str) -> None:
        # pyqtgraph 0.14's SVGExporter fails on the closed paths Qt 6.12 writes (pyqtgraph#3495)
        # and misplaces bars of large values (#2661): the view paints itself into Qt's own SVG
        # generator instead, exactly as on screen, still as vectors and text.
        item = self.plot.getPlotItem()
        size = self.plot.viewport().size()
        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setResolution(self.plot.logicalDpiX())  # text and shapes at the screen's scale
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle(re.sub("<[^>]+>", "", item.titleLabel.text or self.title))
        painter = QPainter(gen)
        try:
            self.plot.render(painter)
        finally:
            painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            apply_theme(self.plot)
            self.dirty = True
            if self.isVisible():
                self.redraw_if_dirty()
        super().changeEvent(event)


class LabelPool:
    """Text labels reused across redraws: removing items from a scene at every redraw crashes
    PySide6 6.12 with pyqtgraph 0.14 (a refcount error in itemChange), and reuse is cheaper."""

    def __init__(self, plot: pg.PlotItem, anchor: tuple[float, float]) -> None:
        self.plot = plot
        self.anchor = anchor
        self.items: list[pg.TextItem] = []

    def show(self, labels: list[tuple[str, float, float]], color: object) -> None:
        while len(self.items) < len(labels):
            item = pg.TextItem(anchor=self.anchor)
            self.plot.addItem(item)
            self.items.append(item)
        for item, (text, x, y) in zip(self.items, labels, strict=False):
            item.setText(text, color=color)
            item.setPos(x, y)
            item.setVisible(True)
        for item in self.items[len(labels) :]:
            item.setVisible(False)

    def visible(self) -> list[pg.TextItem]:
        return [item for item in self.items if item.isVisible()]
