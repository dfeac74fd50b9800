"""ResultsModel: the selected unit and its children, one column per field, read from numpy."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from core.model.election import Election, SourceFigures
from core.model.restructure import Reshaped
from core.project.edits import CellEdit, Change, parse_value
from core.project.session import ChangeResult
from core.rules.catalogue import RULE_BY_ID
from core.rules.finding import Finding
from ui.controller import WorkspaceController
from ui.formatting import (
    NOT_REPORTED,
    editable_text,
    field_label,
    format_value,
    header_label,
    tr,
)
from ui.icons import BACKGROUNDS, COLORS, DERIVED, status_icon

Index = QModelIndex | QPersistentModelIndex
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # "reported", "derived" or "missing"
SEVERITY_ORDER = ("error", "warning", "info")


def shown_fields(election: Election) -> list[str]:
    """The protocol's fields first, whether or not anything is reported yet (its
    `protocol_fields`; else the count columns the table has; else the contract's), then every
    other column a source has, in the contract's order: lines, votes, %, seats."""
    info = election.info
    have: set[str] = set()
    for figs in election.sources.values():
        have.update(figs.columns)
    counts = [*info.count_fields(), *info.extra_counts()]
    if info.protocol_fields is not None:
        first = list(info.protocol_fields)
    else:
        first = [f for f in counts if f in have] or info.count_fields()
    order = [*counts, *info.pct_fields(), *info.seat_fields()]
    return first + [f for f in order if f in have and f not in first]


class ResultsModel(QAbstractTableModel):
    """Row 0 is the selected unit itself (its totals); the rows below are its children."""

    def __init__(
        self,
        controller: WorkspaceController,
        locale: QLocale | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._locale = locale or QLocale()
        self._collator = QCollator(self._locale)
        self._collator.setNumericMode(True)
        self.source = "official"
        self._unit = -1
        self._rows = np.zeros(0, dtype=np.int64)
        self._row_of: dict[int, int] = {}
        self._fields: list[str] = []
        self._col_of: dict[str, int] = {}
        self._looks: dict[tuple[int, str], tuple[Any, ...]] = {}  # (unit, field): _look()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._brushes = {k: QBrush(c) for k, c in BACKGROUNDS.items()}
        self._pens = {k: QBrush(c) for k, c in {**COLORS, "derived": DERIVED}.items()}
        controller.changed.connect(self._on_controller_changed)
        controller.reset.connect(self._on_controller_reset)
        self._on_controller_reset()

    @property
    def election(self) -> Election:
        return self._controller.workspace.election

    @property
    def unit(self) -> int:
        return self._unit

    @property
    def fields(self) -> list[str]:
        return list(self._fields)

    def set_unit(self, unit: int) -> None:
        self.beginResetModel()
        self._looks.clear()
        self._unit = unit
        tree = self.election.units
        self._rows = np.concatenate(([unit], tree.children(unit))).astype(np.int64)
        self._row_of = {int(u): i for i, u in enumerate(self._rows)}
        self.endResetModel()

    def set_source(self, source: str) -> None:
        self.beginResetModel()
        self._looks.clear()
        self.source = source
        self._figs = self._source_figs()
        self.endResetModel()

    def unit_at(self, row: int) -> int:
        return int(self._rows[row])

    def field_at(self, column: int) -> str | None:
        return self._fields[column - 1] if column >= 1 else None

    def row_of(self, unit: int) -> int:
        return self._row_of.get(unit, -1)

    def cell_index(self, unit: int, field: str) -> QModelIndex:
        row, col = self._row_of.get(unit), self._col_of.get(field)
        if row is None or col is None:
            return QModelIndex()
        return self.index(row, col)

    def _source_figs(self) -> SourceFigures:
        """The source's figures; an empty stand-in (not added to the election) if it has none."""
        figs = self.election.sources.get(self.source)
        if figs is None:
            figs = SourceFigures(np.zeros(len(self.election.units), dtype=bool))
        return figs

    def value(self, unit: int, field: str) -> int | float | None:
        return self._figs.value(field, unit)

    def derived_valid(self, unit: int) -> int | None:
        """`valid` as the sum of votes, when valid is not reported and every vote is: the
        audit's own percent base (AuditContext.base), kept current by every edit."""
        if self.source not in self.election.sources:
            return None
        values, ok = self._controller.workspace.auditor.ctx.base(self.source, "valid")
        return int(values[unit]) if ok[unit] else None

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # Names sit in the row header, so they stay in view however far one scrolls right.
            if not 0 <= section < len(self._rows):
                return None
            unit = int(self._rows[section])
            if role == Qt.ItemDataRole.DisplayRole:
                return self.election.units.names[unit]
            if role == Qt.ItemDataRole.FontRole and section == 0:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._describe(unit)
            return None
        if section < 0 or section > len(self._fields):
            return None
        name = self.field_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("ID") if name is None else header_label(self.election.info, name)
        if role == Qt.ItemDataRole.ToolTipRole and name is not None:
            return f"{field_label(self.election.info, name)} ({name})"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _NAME_FLAGS if index.column() == 0 else _CELL_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each paint: unserved roles leave first.
        if role not in _SERVED or not index.isValid():
            return None
        unit = int(self._rows[index.row()])
        if role == UNIT_ROLE:
            return unit
        if index.column() == 0:
            return self._name_data(unit, index.row(), role)
        name = self._fields[index.column() - 1]
        if role == FIELD_ROLE:
            return name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        slot = _SLOTS.get(role)
        if slot is not None:
            # A paint asks each cell for six roles, and opening or closing an editor repaints
            # the whole table: each cell is worked out once, until it changes.
            look = self._looks.get((unit, name))
            if look is None:
                look = self._look(unit, name, index.row() == 0)
                self._looks[(unit, name)] = look
            return look[slot]
        col = self._figs.columns.get(name)
        value = col.get(unit) if col is not None else None
        if role == Qt.ItemDataRole.EditRole:
            return editable_text(self._locale, name, value)  # a derived figure is never offered
        derived = self.derived_valid(unit) if value is None and name == "valid" else None
        findings = self._controller.index.on_cell(unit, self.source, name)
        return self._tooltip(findings, value, derived)  # ToolTipRole

    def _look(self, unit: int, name: str, own_row: bool) -> tuple[Any, ...]:
        """A cell's display, font, colours, mark and state, in the order of _SLOTS."""
        col = self._figs.columns.get(name)
        value = col.get(unit) if col is not None else None
        derived = self.derived_valid(unit) if value is None and name == "valid" else None
        if derived is not None:
            display = format_value(self._locale, name, derived, 0)
        else:
            display = format_value(self._locale, name, value, self.election.info.pct_decimals)
        severity = _worst(self._controller.index.by_cell.get((unit, self.source, name)))
        state = "reported" if value is not None else "derived" if derived else "missing"
        font = self._italic if derived is not None else self._bold if own_row else None
        pen = self._pens[severity or "derived"] if severity or value is None else None
        icon = status_icon(severity) if severity else None
        brush = self._brushes[severity] if severity else None
        return (display, icon, brush, state, font, pen)

    def _name_data(self, unit: int, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.election.units.ids[unit]
        if role == Qt.ItemDataRole.FontRole and row == 0:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._describe(unit)
        return None

    def _describe(self, unit: int) -> str:
        tree = self.election.units
        level = self.election.info.levels[int(tree.level[unit])]
        return f"{tree.names[unit]} ({tree.ids[unit]}, {tr(level)})"

    def _tooltip(self, findings: list[Finding], value: Any, derived: int | None) -> str:
        if findings:
            parts = []
            for f in findings:
                sentence = QCoreApplication.translate("rules", RULE_BY_ID[f.rule].sentence)
                dec = self.election.info.pct_decimals
                expected = (
                    tr("cannot be computed")
                    if f.expected is None
                    else format_value(self._locale, f.field, f.expected, dec)
                )
                reported = format_value(self._locale, f.field, f.actual, dec)
                parts.append(
                    "\n".join(
                        (
                            f"{f.rule}: {sentence}",
                            tr("Reported: %1").replace("%1", reported),
                            tr("Expected: %1").replace("%1", expected),
                            f.message,
                        )
                    )
                )
            return "\n\n".join(parts)
        if derived is not None:
            return tr("Not reported; shown as the sum of the votes (derived, never saved)")
        if value is None:
            return tr("Not reported (%1)").replace("%1", NOT_REPORTED)
        return None  # type: ignore[return-value]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Typed text becomes one Change through the workspace; a rejected text changes nothing."""
        name = self.field_at(index.column()) if index.isValid() else None
        if name is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = parse_value(name, str(value))
        except ValueError:
            return False
        unit = int(self._rows[index.row()])
        old = self.value(unit, name)
        if new == old:
            return True
        uid = self.election.units.ids[unit]
        label = tr("Entry of %1 in %2").replace("%1", field_label(self.election.info, name))
        label = label.replace("%2", self.election.units.names[unit])
        edit = CellEdit(uid, self.source, name, old, new)
        self._controller.apply(Change(label, (edit,), kind="edit"))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the children (the unit's own row stays on top); not reported goes last.

        IDs sort as people read them (S2 before S10), by the locale's collation."""
        if len(self._rows) < 3 or column < 0 or column > len(self._fields):
            return
        kids = self._rows[1:]
        descending = order == Qt.SortOrder.DescendingOrder
        name = self.field_at(column)
        if name is None:
            ids = self.election.units.ids
            keys = [self._collator.sortKey(ids[int(u)]) for u in kids]
            perm = np.array(sorted(range(len(kids)), key=keys.__getitem__), dtype=np.int64)
            if descending:
                perm = perm[::-1]
        else:
            col = self.election.source(self.source).column(name)
            if col is None:
                return
            vals = col.values[kids].astype(np.float64)
            missing = ~col.reported[kids]
            vals = np.where(missing, np.inf, -vals if descending else vals)
            perm = np.argsort(vals, kind="stable")
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = np.concatenate((self._rows[:1], kids[perm]))
        self._row_of = {int(u): i for i, u in enumerate(self._rows)}
        kept = self.persistentIndexList()
        moved = [self.index(self._row_of[int(before[i.row()])], i.column()) for i in kept]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    # --- updates ------------------------------------------------------------------------------

    def _on_controller_changed(self, result: ChangeResult) -> None:
        self._figs = self._source_figs()  # an edit may have created the source
        self._add_new_fields()
        if result.reshaped is not None or len(result.cells) > 200:
            self._looks.clear()
        if result.reshaped is not None:
            self._follow(result.reshaped)
            return
        # Cell by cell: a view repaints its whole viewport for a range of cells, which at a
        # figure a keystroke is most of the time a figure takes.
        cells: set[tuple[int, str]] = set()
        for u, src, fld in result.cells:
            if src == self.source and u in self._row_of:
                cells.add((u, fld))
                if fld.startswith("votes:"):
                    cells.add((u, "valid"))  # shown as the sum of the votes when not reported
        for f in (*result.removed, *result.added):
            if f.source == self.source and f.unit in self._row_of:
                cells.add((f.unit, f.field))
        for key in cells:
            self._looks.pop(key, None)
        if len(cells) > 200:
            last = len(self._fields)
            for r in sorted({self._row_of[u] for u, _ in cells}):
                self.dataChanged.emit(self.index(r, 1), self.index(r, last))
            return
        for u, fld in cells:
            col = self._col_of.get(fld)
            if col is not None:
                cell = self.index(self._row_of[u], col)
                self.dataChanged.emit(cell, cell)

    def _add_new_fields(self) -> None:
        """Columns never vanish while someone types: a field new to the election (an import,
        a paste) is added after the others, and nothing is taken away until another unit or
        election is shown."""
        new = [f for f in shown_fields(self.election) if f not in self._col_of]
        if not new:
            return
        first = 1 + len(self._fields)
        self.beginInsertColumns(QModelIndex(), first, first + len(new) - 1)
        self._fields.extend(new)
        self._col_of = {f: i + 1 for i, f in enumerate(self._fields)}
        self.endInsertColumns()

    def _follow(self, r: Reshaped) -> None:
        """After a structure edit: the same unit (where it now stands) and its children now;
        a unit removed gives way to the root (the window then shows the removed one's parent)."""
        unit = self._unit
        if r.shift is not None:
            unit = int(r.shift.remap[unit]) if 0 <= unit < len(r.shift.remap) else -1
        if unit < 0:
            unit = self.election.units.root
        tree = self.election.units
        rows = np.concatenate(([unit], tree.children(unit))).astype(np.int64)
        if r.shift is None and unit == self._unit and self._splice(rows):
            return
        self.set_unit(unit)

    def _splice(self, rows: np.ndarray) -> bool:
        """Rows that differ from those shown by one run put in or taken out (units added
        here, a unit moved in or away): inserted or removed as rows, not a reset. False when
        the change is another (or the table is sorted): the caller resets."""
        old = self._rows
        if len(rows) == len(old):
            return bool(np.array_equal(rows, old))
        short, long_ = (old, rows) if len(rows) > len(old) else (rows, old)
        k = len(long_) - len(short)
        same = long_[: len(short)] == short
        at = int(np.argmin(same)) if not same.all() else len(short)
        if not (
            np.array_equal(long_[:at], short[:at]) and np.array_equal(long_[at + k :], short[at:])
        ):
            return False
        if len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), at, at + k - 1)
        else:
            self.beginRemoveRows(QModelIndex(), at, at + k - 1)
        self._rows = rows
        self._row_of = {int(u): i for i, u in enumerate(rows)}
        if len(rows) > len(old):
            self.endInsertRows()
        else:
            self.endRemoveRows()
        return True

    def _on_controller_reset(self, keep_unit: bool = False) -> None:
        self.beginResetModel()
        self._looks.clear()
        self._figs = self._source_figs()
        self._fields = shown_fields(self.election)
        self._col_of = {f: i + 1 for i, f in enumerate(self._fields)}
        tree = self.election.units
        unit = self._unit if keep_unit and 0 <= self._unit < len(tree) else tree.root
        self._unit = unit
        self._rows = np.concatenate(([unit], tree.children(unit))).astype(np.int64)
        self._row_of = {int(u): i for i, u in enumerate(self._rows)}
        self.endResetModel()


_SERVED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        UNIT_ROLE,
        FIELD_ROLE,
        STATE_ROLE,
    }
)
_SLOTS = {
    Qt.ItemDataRole.DisplayRole: 0,
    Qt.ItemDataRole.DecorationRole: 1,
    Qt.ItemDataRole.BackgroundRole: 2,
    STATE_ROLE: 3,
    Qt.ItemDataRole.FontRole: 4,
    Qt.ItemDataRole.ForegroundRole: 5,
}
_NAME_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CELL_FLAGS = _NAME_FLAGS | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _worst(findings: list[Finding] | None) -> str | None:
    if not findings:
        return None
    for s in SEVERITY_ORDER:
        if any(f.severity == s for f in findings):
            return s
    return None
