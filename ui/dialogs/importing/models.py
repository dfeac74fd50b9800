"""The import wizard's table models: the file as read, and the problems found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from core.importer.read import RawTable
from core.model.problems import Problem

AnyIndex = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 200


class RawTableModel(QAbstractTableModel):
    """The first rows of the file as read, with the file's row numbers down the side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._raw: RawTable | None = None

    def set_table(self, raw: RawTable | None) -> None:
        self.beginResetModel()
        self._raw = raw
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._raw is None:
            return 0
        return min(len(self._raw.rows), PREVIEW_ROWS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._raw is None else len(self._raw.header)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._raw is None or not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._raw.rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._raw is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._raw.header[section] if 0 <= section < len(self._raw.header) else None
        return self._raw.row_number(section)


class ProblemsModel(QAbstractTableModel):
    """Every problem of an import: row, column, value and what is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._titles = (self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem"))

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self._problems[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        p = self._problems[index.row()]
        cells = (p.row, p.column, p.value, p.message)
        value = cells[index.column()]
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            return self._titles[section]
        return section + 1 if orientation == Qt.Orientation.Vertical else None
