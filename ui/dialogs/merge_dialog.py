"""MergeDialog: the preview of a merge. It lists what the other file adds, the units it may
have under other ids, and every conflict with both values and their entries; nothing changes
until Merge, and then one undoable, journalled change."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.merge.decide import MINE, THEIRS, Decisions
from core.merge.run import Step, decided_change
from core.project.edits import Change
from ui.dialogs.merging.models import ConflictModel, MatchModel
from ui.formatting import tr


class ConflictView(QTableView):
    """Rows are selected whole; typing (or F2) edits the Result of the current row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        typing = bool(text) and text.isprintable() and not text.isspace()
        no_modifier = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (typing and no_modifier) or event.key() == Qt.Key.Key_F2:
            current = self.currentIndex()
            if current.isValid() and current.column() != ConflictModel.RESULT:
                result = current.siblingAtColumn(ConflictModel.RESULT)
                flags = QItemSelectionModel.SelectionFlag.NoUpdate
                self.selectionModel().setCurrentIndex(result, flags)
        super().keyPressEvent(event)


def _table(parent: QWidget, name: str, multi: bool) -> QTableView:
    view = ConflictView(parent) if multi else QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    view.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as in every dialog of the app
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class MergeDialog(QDialog):
    """Decide every conflict (one at a time, or a selection at once), accept or reject the
    matches, then Merge; `change()` is the one change it makes."""

    def __init__(self, step: Step, locale: QLocale | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.step = step
        self.decisions: Decisions = step.decisions
        plan = step.plan
        self.setWindowTitle(tr("Merge %1").replace("%1", plan.theirs.name))
        self.summary = QLabel(self)
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)

        self.matches = MatchModel(self.decisions, self)
        self.match_view = _table(self, "matchView", multi=False)
        self.match_view.setModel(self.matches)
        self.match_label = QLabel(
            tr(
                "Their units under other ids, with the same name and parent as ours: "
                "Space marks a pair as the same unit (its figures then meet ours)."
            ),
            self,
        )
        self.match_label.setWordWrap(True)

        self.conflicts = ConflictModel(self.decisions, locale or QLocale(), self)
        self.view = _table(self, "conflictView", multi=True)
        self.view.setModel(self.conflicts)
        triggers = QAbstractItemView.EditTrigger
        self.view.setEditTriggers(
            triggers.AnyKeyPressed | triggers.EditKeyPressed | triggers.DoubleClicked
        )
        self.conflict_label = QLabel(
            tr(
                "Conflicts: select rows, then Take mine (Alt+M) or Take theirs (Alt+T); "
                "or type a value (F2) for one row; or decide every row at once."
            ),
            self,
        )
        self.conflict_label.setWordWrap(True)

        # keys as actions of the dialog, named on the buttons (not mnemonics: a platform may
        # have none, and a mnemonic and an action on one key would cancel each other)
        self.mine_button = self._button(tr("Take mine (Alt+M)"), "takeMine", self.take_mine)
        self.theirs_button = self._button(tr("Take theirs (Alt+T)"), "takeTheirs", self.take_theirs)
        self.type_button = self._button(tr("Type a value (F2)"), "typeValue", self.type_value)
        self.all_mine_button = self._button(
            tr("All mine (Ctrl+Shift+M)"), "allMine", lambda: self._take_all(MINE)
        )
        self.all_theirs_button = self._button(
            tr("All theirs (Ctrl+Shift+T)"), "allTheirs", lambda: self._take_all(THEIRS)
        )
        for key, slot in (
            ("Alt+M", self.take_mine),
            ("Alt+T", self.take_theirs),
            ("Ctrl+Shift+M", lambda: self._take_all(MINE)),
            ("Ctrl+Shift+T", lambda: self._take_all(THEIRS)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda *_, slot=slot: slot())
            self.addAction(action)
        buttons = QHBoxLayout()
        for b in (self.mine_button, self.theirs_button, self.type_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.all_mine_button)
        buttons.addWidget(self.all_theirs_button)
        self.status = QLabel(self)
        self.status.setObjectName("mergeStatus")
        self.problem = QLabel(self)
        self.problem.setObjectName("mergeProblem")
        self.problem.setStyleSheet("color: #c62828")

        self.box = QDialogButtonBox(self)
        self.merge_button = self.box.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        cancel = self.box.addButton(QDialogButtonBox.StandardButton.Cancel)
        for b in (self.merge_button, cancel):
            b.setAutoDefault(False)  # Enter in a table must not merge
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        merge_key = QAction(self)
        merge_key.setShortcut(QKeySequence("Ctrl+Return"))
        merge_key.triggered.connect(self._merge_if_ready)
        self.addAction(merge_key)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.match_label)
        layout.addWidget(self.match_view, 1)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.view, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(self.box)
        has_matches = bool(plan.units.matches)
        self.match_label.setVisible(has_matches)
        self.match_view.setVisible(has_matches)
        self.matches.toggled.connect(self._on_match_toggled)
        self.conflicts.decided.connect(self._update)
        self.conflicts.problem.connect(self.problem.setText)
        self.resize(1100, 620)
        self.view.setColumnWidth(ConflictModel.UNIT, 190)
        self.view.setColumnWidth(ConflictModel.FIELD, 170)
        for c in (ConflictModel.MINE_VALUE, ConflictModel.THEIRS_VALUE):
            self.view.setColumnWidth(c, 90)
        for c in (ConflictModel.MINE_ENTRY, ConflictModel.THEIRS_ENTRY):
            self.view.setColumnWidth(c, 240)
        self.match_view.setColumnWidth(0, 150)
        self.match_view.setColumnWidth(1, 300)
        first = self.match_view if has_matches else self.view
        model = first.model()
        if model.rowCount():
            first.setCurrentIndex(model.index(0, 0))
        first.setFocus()
        self._update()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAutoDefault(False)
        b.clicked.connect(lambda *_: slot())  # type: ignore[operator]
        return b

    # -- deciding --

    def _selected_rows(self) -> npt.NDArray[np.int64]:
        """The selected rows, read as ranges (a selection of every row stays cheap)."""
        ranges = [
            np.arange(r.top(), r.bottom() + 1, dtype=np.int64)
            for r in self.view.selectionModel().selection()
        ]
        rows = np.sort(np.concatenate(ranges)) if ranges else np.zeros(0, dtype=np.int64)
        if not rows.size and self.view.currentIndex().isValid():
            rows = np.array([self.view.currentIndex().row()], dtype=np.int64)
        return rows

    def _take(self, choice: int) -> None:
        rows = self._selected_rows()
        if not rows.size:
            return
        self.problem.clear()
        self.conflicts.decide(rows, choice)
        nxt = int(rows[-1]) + 1  # on to the next row, so a person can go down the list
        if nxt < self.conflicts.rowCount():
            self.view.setCurrentIndex(self.conflicts.index(nxt, 0))
        self.view.setFocus()

    def _take_all(self, choice: int) -> None:
        self.problem.clear()
        self.conflicts.decide_all(choice)
        self.view.setFocus()

    def take_mine(self) -> None:
        self._take(MINE)

    def take_theirs(self) -> None:
        self._take(THEIRS)

    def type_value(self) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        result = current.siblingAtColumn(ConflictModel.RESULT)
        self.view.setFocus()
        self.view.setCurrentIndex(result)
        self.view.edit(result)

    def _on_match_toggled(self) -> None:
        self.conflicts.refresh()
        self._update()

    def _merge_if_ready(self) -> None:
        if self.merge_button.isEnabled():
            self.accept()

    def _update(self) -> None:
        plan, d = self.step.plan, self.decisions
        rejected = d.rejected()
        added_units = len(plan.units.added) + len(rejected)
        figures = len(plan.cells.added)
        text = tr("%1 into %2: %3 figures added, %4 units added, %5 notes added, %6 figures equal.")
        for key, value in (
            ("%1", plan.theirs.name),
            ("%2", plan.mine.name),
            ("%3", f"{figures:,}"),
            ("%4", f"{added_units:,}"),
            ("%5", f"{len(plan.notes.added):,}"),
            ("%6", f"{plan.cells.equal:,}"),
        ):
            text = text.replace(key, value)
        self.summary.setText(text)
        total, left = len(self.conflicts.rows), d.open_count()
        self.status.setText(
            tr("%1 of %2 conflicts decided.")
            .replace("%1", f"{total - left:,}")
            .replace("%2", f"{total:,}")
        )
        self.merge_button.setEnabled(left == 0)

    def change(self) -> Change | None:
        """The one change the decisions make (None: nothing to apply)."""
        return decided_change([self.step])
