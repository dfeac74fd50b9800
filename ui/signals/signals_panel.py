"""The Signals panel: the screens' tests and plots, run off the GUI thread, apart from the
Findings, and always under the caveat that a signal is a question, not proof."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.analysis.signals import plots
from core.analysis.signals.report import SignalReport, run_screens
from core.analysis.signals.screens import CAVEAT
from core.project.session import Workspace
from ui.formatting import tr
from ui.plots.base import PlotView
from ui.signals.integer_plot import IntegerPlot
from ui.signals.signals_model import UNIT_ROLE, SignalsModel
from ui.signals.voter_map import VoterMapPlot
from ui.signals.zscore_plot import ZScorePlot
from ui.workers import Task

RERUN_AFTER_MS = 800  # after an edit, wait for the typing to pause before screening again


def screen_election(workspace: Workspace) -> tuple[SignalReport, dict[tuple[str, int], Any]]:
    """The work done off the GUI thread: every screen, and the nation's two histograms (the
    null band of 100,000 stations takes about a second each)."""
    report = run_screens(workspace.election)
    root = workspace.election.units.root
    everything = plots.stations_under(report.stations, root)
    hist = {
        (w, root): plots.integer_histogram(report.stations, everything, w)
        for w in ("turnout", "share")
    }
    return report, hist


class SignalsPanel(QWidget):
    """Docked by the main window beside the Findings: `show_unit` follows the selection,
    `refresh` after an edit, and `unit_activated` when a row or a point is chosen."""

    unit_activated = Signal(int)
    screened = Signal()  # a new report is shown

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalsPanel")
        self.workspace = workspace
        self.report: SignalReport | None = None
        self._hist: dict[tuple[str, int], plots.IntegerHistogram] = {}
        self._task: Task | None = None
        self._stale = True
        self.unit = workspace.election.units.root
        self.caveat = QLabel("<b>" + tr("Signals are questions to ask, not proof.") + "</b>")
        self.caveat.setToolTip(tr(CAVEAT))
        self.status = QLabel(tr("Screening…"))
        self.status.setObjectName("signalsStatus")
        self.status.setWordWrap(True)
        self.rerun = QPushButton(tr("Run the screens again"))
        self.rerun.setObjectName("signalsRerun")
        self.rerun.clicked.connect(self.run)
        self.model = SignalsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("signalsView")
        self.table.setAccessibleName(tr("Statistical screens"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.integer = IntegerPlot(workspace, self._histogram)
        self.voters = VoterMapPlot(workspace, self._voter_map)
        self.zscores = ZScorePlot(workspace, self._z_points)
        self.views: list[PlotView] = [self.integer, self.voters, self.zscores]
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, tr("Screens"))
        for view, title in zip(
            self.views,
            (tr("Integer percentages"), tr("Turnout × share (voters)"), tr("Peer z-scores")),
            strict=True,
        ):
            self.tabs.addTab(view, title)
            view.unit_activated.connect(self.unit_activated)
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        top = QHBoxLayout()
        top.addWidget(self.caveat)
        top.addWidget(self.status, 1)
        top.addWidget(self.rerun)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERUN_AFTER_MS)
        self._timer.timeout.connect(self.run)

    # --- the screens, off the GUI thread ------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """Screen the election as it is now; a run already going is left to finish unseen."""
        if self._task is not None:
            self._task.cancel()
        self._stale = False
        self.status.setText(tr("Screening…"))
        workspace = self.workspace
        task = Task(lambda _progress: screen_election(workspace))
        task.signals.succeeded.connect(self._on_task_succeeded)
        task.signals.failed.connect(self._on_task_failed)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the current run is done (tests, and closing the window)."""
        return self._task is None or self._task.done.wait(ms / 1000)

    def _on_task_succeeded(self, result: tuple[SignalReport, dict[tuple[str, int], Any]]) -> None:
        if self.sender() is not (self._task.signals if self._task is not None else None):
            return  # an older run, overtaken by a newer one
        self._task = None
        report, hist = result
        self.report = report
        self._hist = dict(hist)
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.status.setText(self._summary(report))
        for view in self.views:
            view.set_report(report)  # type: ignore[attr-defined]
        self.current_view_redraw()
        self.screened.emit()

    def _on_task_failed(self, exc: Exception) -> None:
        # An edit can change the figures under a run (it reads them off the GUI thread); the
        # edit's own refresh screens again, so only the newest run's failure is shown.
        if self.sender() is not (self._task.signals if self._task is not None else None):
            return
        self._task = None
        self.status.setText(tr("The screens failed: %1").replace("%1", str(exc)))

    @staticmethod
    def _summary(report: SignalReport) -> str:
        if not report.tests:
            return tr(
                "No screen could run: they need station-level figures, and this election "
                "has %1 stations. See the table for what each one needs."
            ).replace("%1", f"{len(report.stations):,}")
        return (
            tr(
                "%1 signals from %2 tests (Benjamini-Hochberg, false discovery rate %3, "
                "across every screen and region)."
            )
            .replace("%1", f"{report.count:,}")
            .replace("%2", f"{len(report.tests):,}")
            .replace("%3", f"{report.q:g}")
        )

    # --- following the window -----------------------------------------------------------------

    @Slot(int)
    def show_unit(self, unit: int) -> None:
        self.unit = unit
        for view in self.views:
            view.set_unit(unit)
        self.current_view_redraw()

    @Slot()
    @Slot(object)
    def refresh(self, change_result: object = None) -> None:
        """The figures changed: screen again once the edits pause, if the panel is shown."""
        self._stale = True
        self._hist.clear()
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._task is None:
            self.run()

    def current_view_redraw(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, PlotView) and self.report is not None:
            view.redraw_if_dirty()

    def _on_tabs_changed(self, _index: int) -> None:
        self.current_view_redraw()

    def _on_table_double_clicked(self, index: Any) -> None:
        unit = self.model.data(index, UNIT_ROLE)
        if unit is not None:
            self.unit_activated.emit(int(unit))

    # --- the plots' numbers (core.analysis.signals.plots), cached per unit --------------------

    def _histogram(self, which: str, unit: int) -> plots.IntegerHistogram | None:
        if self.report is None:
            return None
        key = (which, unit)
        if key not in self._hist:
            inside = plots.stations_under(self.report.stations, unit)
            self._hist[key] = plots.integer_histogram(self.report.stations, inside, which)
        return self._hist[key]

    def _voter_map(self, unit: int) -> plots.VoterMap | None:
        if self.report is None:
            return None
        return plots.voter_map(
            self.report.stations, plots.stations_under(self.report.stations, unit)
        )

    def _z_points(self, unit: int) -> plots.ZPoints | None:
        if self.report is None:
            return None
        return plots.z_points(self.report, plots.stations_under(self.report.stations, unit))
