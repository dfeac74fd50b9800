"""Colours every plot shares (Okabe-Ito, safe for colour-blind readers) and the desktop theme."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"


def theme() -> tuple[QColor, QColor]:
    """The background and text colours of the application's current (light or dark) palette."""
    pal = QApplication.palette()
    return pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)


def is_dark() -> bool:
    return theme()[0].lightness() < 128


def apply_theme(widget: pg.PlotWidget) -> None:
    bg, fg = theme()
    widget.setBackground(bg)
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(fg))
        axis.setTextPen(pg.mkPen(fg))
    item.titleLabel.setAttr("color", fg.name())
    item.titleLabel.setText(item.titleLabel.text)


class CountAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis of counts written in full with group separators (no 6e+06, no ×1e6 prefix)."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.setWidth(78)  # room for "-10,000,000": pyqtgraph drops labels that do not fit

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing * scale >= 1 else min(6, -math.floor(math.log10(spacing * scale)))
        return [f"{v * scale:,.{decimals}f}" for v in values]
