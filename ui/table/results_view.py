"""ResultsView: the figures table, keyboard first: type over, Enter/Tab move, Delete, Ctrl+V."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from core.project.edits import CellEdit, Change, parse_value
from ui.controller import WorkspaceController
from ui.formatting import field_label, tr
from ui.table.cell_delegate import CellDelegate
from ui.table.results_model import ResultsModel

Trigger = QAbstractItemView.EditTrigger


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated rows as spreadsheets copy them (a trailing newline is not a row)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return [line.split("\t") for line in lines]


class ResultsView(QTableView):
    """Edits go to the model one Change at a time; refusals are announced, never swallowed."""

    message = Signal(str)  # a refusal or a note for the status line
    protocol_requested = Signal(int)  # unit whose protocol form to open

    def __init__(
        self, model: ResultsModel, controller: WorkspaceController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("resultsTable")
        self.setAccessibleName(tr("Results of the selected unit"))
        self.setModel(model)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.rejected.connect(self.message)
        self.delegate.move_requested.connect(self._on_delegate_move_requested)
        self.setEditTriggers(Trigger.AnyKeyPressed | Trigger.EditKeyPressed | Trigger.DoubleClicked)
        # No sort indicator before sorting is on, or the view sorts by the first column at once.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.horizontalHeader().setDefaultSectionSize(104)
        self.verticalHeader().setDefaultSectionSize(22)
        self.verticalHeader().setResizeContentsPrecision(64)  # ids are alike in width
        self.setAlternatingRowColors(True)
        self._run_start = -1  # the column a run of Tabs began in (-1: none)

    def results(self) -> ResultsModel:
        model = self.model()
        assert isinstance(model, ResultsModel)
        return model

    def _on_delegate_move_requested(self, rows: int, cols: int) -> None:
        """Tab and Shift+Tab go along the row; Enter goes down, back to the column where the
        run of Tabs began (as a spreadsheet does), so a protocol is typed row after row."""
        cur = self.currentIndex()
        model = self.results()
        if not cur.isValid() or model.rowCount() == 0:
            return
        col = cur.column()
        if cols:
            if self._run_start < 0:
                self._run_start = col
        elif rows:
            if self._run_start >= 0:
                col = self._run_start
            self._run_start = -1
        row = min(max(cur.row() + rows, 0), model.rowCount() - 1)
        col = min(max(col + cols, 1), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, col))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            return
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if self.currentIndex().isValid():
                    self.protocol_requested.emit(self.results().unit_at(self.currentIndex().row()))
                return
            self._on_delegate_move_requested(1, 0)
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                QWidget.focusNextPrevChild(self, not back)  # Ctrl+Tab leaves the table
                return
            if not editing:  # along the row, never out of the table by itself
                self._on_delegate_move_requested(0, -1 if back else 1)
                return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._run_start = -1
        super().keyPressEvent(event)

    def delete_selected(self) -> None:
        """Make every selected figure not reported, as one undoable Change."""
        model = self.results()
        election = model.election
        edits = []
        for index in self.selectedIndexes() or [self.currentIndex()]:
            name = model.field_at(index.column())
            if name is None:
                continue
            unit = model.unit_at(index.row())
            old = model.value(unit, name)
            if old is not None:
                edits.append(CellEdit(election.units.ids[unit], model.source, name, old, None))
        if edits:
            label = tr("Deletion of %1 cells").replace("%1", str(len(edits)))
            self._controller.apply(Change(label, tuple(edits), kind="delete"))

    def paste(self, text: str) -> bool:
        """A tab-separated block from the current cell on: all of it, or nothing if any is bad."""
        start = self.currentIndex()
        model = self.results()
        if not start.isValid() or not text:
            return False
        election = model.election
        edits, problems = [], []
        for r, values in enumerate(parse_block(text)):
            for c, raw in enumerate(values):
                index = model.index(start.row() + r, max(start.column(), 1) + c)
                name = model.field_at(index.column()) if index.isValid() else None
                if name is None:
                    continue
                try:
                    new = parse_value(name, raw)
                except ValueError as exc:
                    label = field_label(election.info, name)
                    problems.append(f"{label}, {tr('row')} {index.row() + 1}: {exc}")
                    continue
                unit = model.unit_at(index.row())
                old = model.value(unit, name)
                if new != old:
                    edits.append(CellEdit(election.units.ids[unit], model.source, name, old, new))
        if problems:
            head = tr("Nothing was pasted: %1 values refused").replace("%1", str(len(problems)))
            self.message.emit(head + "\n" + "\n".join(problems[:20]))
            return False
        if edits:
            label = tr("Paste of %1 cells").replace("%1", str(len(edits)))
            self._controller.apply(Change(label, tuple(edits), kind="paste"))
        return True

    def fit_name_column(self) -> None:
        """Row headers (names) and the ID column as wide as their longest text, measured once
        per unit shown rather than by the header asking every row."""
        model = self.results()
        units = model.election.units
        rows = [model.unit_at(r) for r in range(model.rowCount())]
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        pad = metrics.averageCharWidth() * 3
        names = _widest(metrics, [units.names[u] for u in rows]) + pad
        self.verticalHeader().setFixedWidth(min(max(names, 80), 280))
        ids = _widest(metrics, [units.ids[u] for u in rows]) + pad
        self.setColumnWidth(0, min(max(ids, 48), 160))


def _widest(metrics: QFontMetrics, texts: list[str]) -> int:
    """The widest of the texts, measuring only the longest few: a district's 400 names cost
    a measurement each, and the longest in characters is as good as widest for a column."""
    longest = sorted(texts, key=len)[-16:]
    return max((metrics.horizontalAdvance(t) for t in longest), default=0)
