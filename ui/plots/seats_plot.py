"""Plot 4: votes against the threshold, quotas and remainders, and the votes that move seats."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QSplitter, QTableWidget, QTableWidgetItem, QWidget

from core.analysis import plotdata
from core.project.session import Workspace
from ui.plots.base import LabelPool, PlotView
from ui.plots.style import BLUE, GREY, VERMILLION, CountAxis, theme

COLUMNS = (
    "Contestant",
    "Votes",
    "Seats",
    "Quota",
    "Remainder",
    "To cross threshold",
    "To fall below",
    "To win a seat",
    "To lose a seat",
)


def _n(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


class SeatsPlot(PlotView):
    title = "Seats"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.picture: plotdata.SeatPicture | None = None
        item = self.plot.getPlotItem()
        self.bar_item = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.threshold = pg.InfiniteLine(angle=0, movable=False)
        item.addItem(self.bar_item)
        item.addItem(self.threshold)
        item.setLabel("left", "votes")
        self.labels = LabelPool(item, anchor=(0.5, 1))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self._table_key: object = None
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # The plot and the margins share the height; the user moves the line between them.
        split = QSplitter(Qt.Orientation.Vertical)
        self.layout_.replaceWidget(self.plot, split)
        split.addWidget(self.plot)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

    def axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": CountAxis()}

    def redraw(self) -> None:
        self.dirty = False
        auditor = self.workspace.auditor
        ctx = auditor.ctx
        pic = plotdata.seat_picture(ctx, auditor.findings.values())
        self.picture = pic
        item = self.plot.getPlotItem()
        if pic is None:
            self.labels.show([], None)
            self.bar_item.setOpts(x=[], height=[], width=0.7)
            self.threshold.setVisible(False)
            self.table.setRowCount(0)
            item.setTitle("Seats")
            self.caption.setText("No seat rules, or the root reports no votes: nothing to show.")
            return
        _, fg = theme()
        names = {c.code: c.name for c in ctx.info.contestants}
        alloc = pic.allocation
        x = np.arange(len(pic.codes), dtype=np.float64)
        brushes = [QColor(BLUE if q else GREY) for q in alloc.qualified]
        self.bar_item.setOpts(
            x=x, height=np.array(pic.votes, np.float64), width=0.7, brushes=brushes, pen=fg
        )
        rules = ctx.info.seats
        assert rules is not None
        self.threshold.setVisible(True)
        self.threshold.setPos(float(pic.threshold_votes))
        self.threshold.setPen(pg.mkPen(VERMILLION, width=2, style=Qt.PenStyle.DashLine))
        item.getAxis("bottom").setTicks([[(float(i), c) for i, c in enumerate(pic.codes)]])
        labels = []
        for i, v in enumerate(pic.votes):
            text = f"{alloc.seats[i]} seats"
            if alloc.quota is not None and alloc.qualified[i]:
                text += (
                    f"\nquota {float(alloc.quotas[i]):.2f}\nrem. {float(alloc.remainders[i]):.3f}"
                )
            if alloc.qualified[i] or len(pic.votes) <= 10:  # dozens of "0 seats" only overlap
                labels.append((text, float(i), float(v)))
        self.labels.show(labels, fg)
        need = plotdata.threshold_need(pic.base, rules.threshold_pct)
        base_words = ctx.base_words(rules.threshold_base)
        item.setTitle(
            f"{rules.total} seats, {rules.method.replace('_', ' ')}; "
            f"<span style='color:{VERMILLION}'>- - threshold {float(rules.threshold_pct):g}% "
            f"of {pic.base:,} {base_words} = {need:,} votes</span>"
        )
        item.setYRange(0, max(pic.votes) * 1.2)
        self._fill_table(pic, names)
        self.caption.setText(
            f"Votes in question in the findings: {pic.in_question:,}. "
            f"Margins in red are within it: what was found could change that outcome."
        )
        self.caption.setToolTip(
            "Votes in question: the sum of the differences the findings show on contestants' "
            "votes (a gap seen at a station and again at its district counts twice).\n"
            "A margin is the fewest votes that, moved from one list to another, change the "
            "outcome; the threshold's base (ballots cast or valid votes) stays the same."
        )

    def set_unit(self, unit: int) -> None:
        self.unit = unit  # the seats are the whole election's: a selection changes nothing here

    def _fill_table(self, pic: plotdata.SeatPicture, names: dict[str, str]) -> None:
        key = (pic.votes, pic.base, pic.in_question, tuple(names.items()))
        if key == self._table_key:
            return
        self._table_key = key
        alloc = pic.allocation
        self.table.setRowCount(len(pic.codes))
        hot = QBrush(QColor(VERMILLION))
        for r, code in enumerate(pic.codes):
            m = pic.margins[r]
            win = _n(m.to_win_seat) + (
                f" from {pic.codes[m.win_from]}" if m.win_from is not None else ""
            )
            lose = _n(m.to_lose_seat) + (
                f" to {pic.codes[m.lose_to]}" if m.lose_to is not None else ""
            )
            cells = [
                (f"{names.get(code, code)} ({code})", None),
                (f"{pic.votes[r]:,}", None),
                (str(alloc.seats[r]), None),
                (f"{float(alloc.quotas[r]):.3f}" if alloc.qualified[r] else "—", None),
                (f"{float(alloc.remainders[r]):.3f}" if alloc.qualified[r] else "—", None),
                (_n(m.to_cross), m.to_cross),
                (_n(m.to_fall), m.to_fall),
                (win, m.to_win_seat),
                (lose, m.to_lose_seat),
            ]
            for c, (text, margin) in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if margin is not None and margin <= pic.in_question:
                    cell.setForeground(hot)
                    cell.setToolTip("within the votes in question")
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
