"""The plots dock: four linked plots in tabs, following the selected unit, with export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.project.session import Workspace
from ui.plots.base import PlotView
from ui.plots.discrepancy_plot import DiscrepancyPlot
from ui.plots.fingerprint_plot import FingerprintPlot
from ui.plots.pct_plot import PctPlot
from ui.plots.seats_plot import SeatsPlot


class PlotsPanel(QWidget):
    """Docked by the main window: `show_unit` when the selection moves, `refresh` after an edit,
    and `unit_activated` when the user clicks a bar or a point."""

    unit_activated = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.discrepancies = DiscrepancyPlot(workspace)
        self.percentages = PctPlot(workspace)
        self.fingerprint = FingerprintPlot(workspace)
        self.seats = SeatsPlot(workspace)
        self.views: list[PlotView] = [
            self.discrepancies,
            self.percentages,
            self.fingerprint,
            self.seats,
        ]
        self.tabs = QTabWidget()
        for view in self.views:
            self.tabs.addTab(view, view.title)
            view.unit_activated.connect(self.unit_activated)
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        png, svg = QPushButton("Export PNG…"), QPushButton("Export SVG…")
        png.clicked.connect(lambda: self._on_export_clicked("png"))
        svg.clicked.connect(lambda: self._on_export_clicked("svg"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(png)
        row.addWidget(svg)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        self.current.redraw_if_dirty()

    @property
    def current(self) -> PlotView:
        view = self.tabs.currentWidget()
        assert isinstance(view, PlotView)
        return view

    @Slot(int)
    def show_unit(self, unit: int) -> None:
        """The selected unit changed: every plot follows; only the visible one redraws now."""
        for view in self.views:
            view.set_unit(unit)
        if not self._hidden():
            self.current.redraw_if_dirty()

    @Slot()
    @Slot(object)
    def refresh(self, change_result: object = None) -> None:
        """Figures changed (an edit, undo, redo or import): redraw from the live findings."""
        for view in self.views:
            view.invalidate()
        if not self._hidden():
            self.current.redraw_if_dirty()

    def _hidden(self) -> bool:
        """Behind another tab of a shown window: it redraws when it is shown, not on every
        edit (an edit at 100,000 stations would wait on a plot nobody sees)."""
        return self.window().isVisible() and not self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.current.redraw_if_dirty()

    def export_current(self, path: str | Path) -> None:
        self.current.export(path)

    def _on_tabs_changed(self, _index: int) -> None:
        self.current.redraw_if_dirty()

    def _on_export_clicked(self, kind: str) -> None:
        name = f"{self.current.title.lower().replace(' ', '_').replace('×', 'x')}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export plot", name, f"{kind.upper()} (*.{kind})"
        )
        if path:
            self.export_current(path)
