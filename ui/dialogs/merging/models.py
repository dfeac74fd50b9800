"""The merge preview's tables: units offered as matches by name, and the conflicts to decide,
each with both values and the journal entries that set them."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from core.merge.decide import MINE, THEIRS, TYPED, UNDECIDED, Decisions
from core.merge.history import EntryRef
from core.merge.listing import FIGURE, NOTE, ConflictList, ConflictRow
from core.merge.units import NAME, PARENT, REMOVED
from core.project.edits import parse_value
from ui.formatting import NOT_REPORTED, field_label, format_value, source_label, tr

Index = QModelIndex | QPersistentModelIndex
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable
_ORIGINS = {  # how core names a file's original figures, for tr()
    "the original figures": QT_TR_NOOP("the original figures"),
    "the package": QT_TR_NOOP("the package"),
}


def entry_text(ref: EntryRef) -> str:
    """A journal entry for a person: its number, when, by whom, and its label."""
    if ref.seq == 0:
        return tr(_ORIGINS.get(ref.label, ref.label))
    if ref.seq < 0:
        return tr("this merge: %1").replace("%1", ref.label)
    when = ref.at[:19].replace("T", " ")
    text = tr("entry %1 (%2 UTC): %3") if not ref.who else tr("entry %1 (%2 UTC, %4): %3")
    return (
        text.replace("%1", str(ref.seq))
        .replace("%2", when)
        .replace("%4", ref.who)
        .replace("%3", ref.label)
    )


class MatchModel(QAbstractTableModel):
    """Their units that may be ours under another id: checked, they are taken as the same."""

    toggled = Signal()
    HEADERS = (QT_TR_NOOP("Same unit"), QT_TR_NOOP("Their unit"), QT_TR_NOOP("Our unit"))

    def __init__(self, decisions: Decisions, parent: Any = None) -> None:
        super().__init__(parent)
        self.decisions = decisions
        plan = decisions.plan
        self._theirs, self._ours = plan.theirs.election.units, plan.mine.election.units

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.decisions.plan.units.matches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.decisions.plan.units.matches[index.row()]
        accepted = bool(self.decisions.matches[index.row()])
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return tr("same unit") if accepted else tr("a unit of its own")
            tree, u = (self._theirs, m.theirs) if index.column() == 1 else (self._ours, m.mine)
            return f"{tree.names[u]} ({tree.ids[u]})"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.decisions.matches[index.row()] = checked
        self.dataChanged.emit(index, index)
        self.toggled.emit()
        return True


class ConflictModel(QAbstractTableModel):
    """Every conflict that stands, one a row; the Result column says what was decided."""

    decided = Signal()
    problem = Signal(str)  # a typed value that is not one
    UNIT, FIELD, MINE_VALUE, MINE_ENTRY, THEIRS_VALUE, THEIRS_ENTRY, RESULT = range(7)
    HEADERS = (
        QT_TR_NOOP("Unit"),
        QT_TR_NOOP("Field"),
        QT_TR_NOOP("Mine"),
        QT_TR_NOOP("Set by (mine)"),
        QT_TR_NOOP("Theirs"),
        QT_TR_NOOP("Set by (theirs)"),
        QT_TR_NOOP("Result"),
    )

    def __init__(self, decisions: Decisions, locale: QLocale, parent: Any = None) -> None:
        super().__init__(parent)
        self.decisions = decisions
        self.locale = locale
        self.info = decisions.plan.mine.election.info
        self.rows = ConflictList(decisions, matches=False)
        self._count = len(self.rows)  # asked for every index Qt makes: kept, not summed
        self._units = decisions.plan.units.conflicts
        self._cache: dict[int, ConflictRow] = {}

    def refresh(self) -> None:
        """The rows that stand, read again (a match was accepted or rejected)."""
        self.beginResetModel()
        self.rows.refresh()
        self._count = len(self.rows)
        self._cache.clear()
        self.endResetModel()

    def row(self, r: int) -> ConflictRow:
        got = self._cache.get(r)
        if got is None:
            if len(self._cache) > 512:
                self._cache.clear()
            got = self._cache[r] = self.rows.row(r)
        return got

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # asked of every selected cell: by kind alone, never by reading the row
        if index.column() != self.RESULT:
            return _PLAIN
        kind, i = self.rows.locate(index.row())
        if kind == FIGURE or (kind == "unit" and self._units[i].what == NAME):
            return _EDITABLE
        return _PLAIN

    def decide_all(self, choice: int) -> None:
        """Take mine or theirs for every row, without selecting them (a selection of
        hundreds of thousands of rows takes Qt seconds to paint)."""
        self.decide(np.arange(self.rowCount(), dtype=np.int64), choice)

    def _field(self, row: ConflictRow) -> str:
        if row.kind == FIGURE:
            return f"{field_label(self.info, row.field)} · {source_label(row.source)}"
        if row.kind == NOTE:
            return tr("review note: %1").replace("%1", row.field)
        return {NAME: tr("name"), PARENT: tr("parent unit"), REMOVED: tr("the unit")}[row.kind]

    def _value(self, row: ConflictRow, value: Any) -> str:
        if row.kind == FIGURE:
            return format_value(self.locale, row.field, value, self.info.pct_decimals)
        if row.kind == REMOVED and value == "(removed)":
            return tr("removed here")
        return NOT_REPORTED if value is None else str(value)

    def _result(self, row: ConflictRow) -> str:
        if row.choice == UNDECIDED:
            return tr("to decide")
        if row.choice == MINE:
            return tr("mine: %1").replace("%1", self._value(row, row.mine))
        if row.choice == THEIRS:
            return tr("theirs: %1").replace("%1", self._value(row, row.theirs))
        return tr("typed: %1").replace("%1", self._value(row, row.typed))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, c = self.row(index.row()), index.column()
        if role == Qt.ItemDataRole.EditRole and c == self.RESULT:
            value = row.typed if row.choice == TYPED else row.theirs
            return "" if value is None else str(value)
        values = (self.MINE_VALUE, self.THEIRS_VALUE)
        if role == Qt.ItemDataRole.TextAlignmentRole and c in values and row.kind == FIGURE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and c == self.RESULT and row.choice == UNDECIDED:
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if c == self.UNIT:
            return f"{row.unit_name} ({row.unit})"
        if c == self.FIELD:
            return self._field(row)
        if c == self.MINE_VALUE:
            return self._value(row, row.mine)
        if c == self.THEIRS_VALUE:
            return self._value(row, row.theirs)
        if c == self.MINE_ENTRY:
            return entry_text(row.mine_ref)
        if c == self.THEIRS_ENTRY:
            return entry_text(row.theirs_ref)
        return self._result(row)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.RESULT:
            return False
        row = self.row(index.row())
        text = str(value).strip()
        if row.kind == FIGURE:
            try:
                typed = parse_value(row.field, text)
            except ValueError as exc:
                self.problem.emit(f"{row.unit} {field_label(self.info, row.field)}: {exc}")
                return False
            self.decisions.cell_values[row.at] = typed
            self.decisions.cells[row.at] = TYPED
        elif row.kind == NAME:
            if not text:
                self.problem.emit(tr("%1: a unit's name cannot be empty").replace("%1", row.unit))
                return False
            self.decisions.unit_values[row.at] = text
            self.decisions.units[row.at] = TYPED
        else:
            return False
        self._changed([index.row()])
        return True

    def decide(self, rows: npt.NDArray[np.int64], choice: int) -> None:
        """Take mine or theirs for every row given (a selection of any size, at once)."""
        d = self.decisions
        parts = self.rows.split(rows)
        d.cells[parts[FIGURE]] = choice
        d.units[parts["unit"]] = choice
        d.notes[parts[NOTE]] = choice
        # typed values are few: those no longer chosen go
        d.cell_values = {i: v for i, v in d.cell_values.items() if d.cells[i] == TYPED}
        d.unit_values = {i: v for i, v in d.unit_values.items() if d.units[i] == TYPED}
        self._changed(rows)

    def _changed(self, rows: npt.NDArray[np.int64] | list[int]) -> None:
        self._cache.clear()
        if len(rows):
            top, bottom = int(min(rows)), int(max(rows))
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, self.RESULT))
        self.decided.emit()
