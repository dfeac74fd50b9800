"""SignalsModel: every screen's test on every unit, then the screens that did not run."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.analysis.signals.report import SignalReport
from core.analysis.signals.screens import SCREEN_BY_ID
from ui.formatting import tr

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
SCREEN, UNIT, FIGURES, OBSERVED, CHANCE, P, ADJUSTED, DECISION = range(8)
HEADERS = (
    QT_TR_NOOP("Screen"),
    QT_TR_NOOP("Unit"),
    QT_TR_NOOP("Figures"),
    QT_TR_NOOP("Observed"),
    QT_TR_NOOP("Chance gives"),
    QT_TR_NOOP("p"),
    QT_TR_NOOP("Adjusted p"),
    QT_TR_NOOP("Decision"),
)
# The screens' titles as core declares them, marked here for translation (a test keeps them
# equal to core.analysis.signals.screens).
TITLES = {
    "signal.integer_pct": QT_TR_NOOP("Integer percentages"),
    "signal.peer_outlier": QT_TR_NOOP("Peer outliers"),
    "signal.twins": QT_TR_NOOP("Twin protocols"),
    "signal.observer_gap": QT_TR_NOOP("Observed against unobserved stations"),
    "signal.fingerprint": QT_TR_NOOP("Turnout × leader's share"),
    "signal.last_digit": QT_TR_NOOP("Last digits"),
    "signal.second_digit": QT_TR_NOOP("Second digits (Benford)"),
}
SIGNAL_COLOUR = QColor("#E69F00")  # Okabe-Ito orange: apart from the errors' red

Index = QModelIndex | QPersistentModelIndex


class SignalsModel(QAbstractTableModel):
    """Rows: the tests (signalled ones first), then one row per screen and unit not run."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: SignalReport | None = None
        self._rows: list[tuple[str, int]] = []  # ("test", i) or ("not_run", i)

    def set_report(self, report: SignalReport | None) -> None:
        self.beginResetModel()
        self.report = report
        rows: list[tuple[str, int]] = []
        if report is not None:
            order = sorted(range(len(report.tests)), key=lambda i: (not report.signalled[i], i))
            rows = [("test", i) for i in order] + [
                ("not_run", i) for i in range(len(report.not_run))
            ]
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def unit_at(self, row: int) -> int:
        assert self.report is not None
        kind, i = self._rows[row]
        return self.report.tests[i].unit if kind == "test" else self.report.not_run[i].unit

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        kind, i = self._rows[index.row()]
        report, col = self.report, index.column()
        tree = report.election.units
        if role == UNIT_ROLE:
            return self.unit_at(index.row())
        if kind == "not_run":
            n = report.not_run[i]
            if role == Qt.ItemDataRole.DisplayRole:
                texts = {
                    SCREEN: tr(TITLES[n.screen]),
                    UNIT: tree.names[n.unit],
                    FIGURES: n.text,
                    DECISION: tr("not run"),
                }
                return texts.get(col)
            if role == Qt.ItemDataRole.ToolTipRole:
                return SCREEN_BY_ID[n.screen].sentence
            return None
        t = report.tests[i]
        hit = report.signalled[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                SCREEN: tr(TITLES[t.screen]),
                UNIT: tree.names[t.unit],
                FIGURES: t.field,
                OBSERVED: f"{t.observed:,.2f}" if t.low is not None else f"{t.observed:,.0f}",
                CHANCE: f"{t.expected:,.1f}" if t.low is None else tr("no gap"),
                P: f"{t.p_value:.2g}",
                ADJUSTED: f"{report.adjusted[i]:.2g}",
                DECISION: tr("signal") if hit else tr("no signal"),
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{t.text}\n\n{SCREEN_BY_ID[t.screen].sentence}\n{SCREEN_BY_ID[t.screen].paper}"
        if role == Qt.ItemDataRole.BackgroundRole and hit:
            return QBrush(
                QColor(SIGNAL_COLOUR.red(), SIGNAL_COLOUR.green(), SIGNAL_COLOUR.blue(), 70)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (OBSERVED, CHANCE, P, ADJUSTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
