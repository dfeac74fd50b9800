"""UnitTreeModel: the unit tree, lazily, with each unit's status mark and count of findings."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core.model.restructure import Reshaped
from core.project.edits import Change
from core.project.session import ChangeResult
from core.project.structure import MoveUnits, RenameUnit
from ui.controller import WorkspaceController
from ui.formatting import tr
from ui.icons import status_icon, worst

Index = QModelIndex | QPersistentModelIndex
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
FETCH_BATCH = 500
COL_NAME, COL_FINDINGS = 0, 1


class UnitTreeModel(QAbstractItemModel):
    """Items are unit indices (internalId); a unit's children are read from the tree's CSR
    arrays and handed to the view in batches as it expands, so nothing is built per unit.

    Units added under a parent are inserted as rows; a structure edit that moves units to
    other positions resets the model between `restructuring` and `restructured`, so the
    window can keep what was expanded and selected."""

    restructuring = Signal()
    restructured = Signal()

    def __init__(
        self,
        controller: WorkspaceController,
        locale: QLocale | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._locale = locale or QLocale()
        self._fetched: dict[int, int] = {}  # unit -> children handed to the view so far
        self._root_units: np.ndarray | None = None
        self._reported_cache: np.ndarray | None = None  # per unit: any figure reported
        self._holding = False  # rows being inserted or moved: nothing fetched meanwhile
        controller.changed.connect(self._on_controller_changed)
        controller.reset.connect(self._on_controller_reset)

    @property
    def _tree(self) -> Any:
        return self._controller.workspace.election.units

    def _roots(self) -> np.ndarray:
        if self._root_units is None:
            self._root_units = np.flatnonzero(self._tree.parent < 0)
        return self._root_units

    def unit_of(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else -1

    def index_of(self, unit: int, column: int = 0) -> QModelIndex:
        """The index of a unit, fetching every ancestor's children on the way down."""
        tree = self._tree
        for a in reversed(tree.ancestors(unit)):
            need = self._row_in_parent(_child_of(tree, a, unit)) + 1
            while self._fetched.get(a, 0) < need:
                self.fetchMore(self.createIndex(self._row_in_parent(a), 0, a))
        return self.createIndex(self._row_in_parent(unit), column, unit)

    def fetched_units(self) -> list[int]:
        """Units whose children the view has been given (those it has expanded)."""
        return [u for u, k in self._fetched.items() if k]

    def _row_in_parent(self, unit: int) -> int:
        tree = self._tree
        p = int(tree.parent[unit])
        siblings = self._roots() if p < 0 else tree.children(p)
        # Children sit in ascending unit order (a stable sort by parent), so a search finds them.
        return int(np.searchsorted(siblings, unit))

    # --- QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or column < 0 or column > 1 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, int(self._roots()[row]))
        unit = int(self._tree.children(self.unit_of(parent))[row])
        return self.createIndex(row, column, unit)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        p = int(self._tree.parent[self.unit_of(child)])
        if p < 0:
            return QModelIndex()
        return self.createIndex(self._row_in_parent(p), 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots())
        if parent.column() != 0:
            return 0
        return self._fetched.get(self.unit_of(parent), 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return True
        if parent.column() != 0:
            return False
        return self._child_count(self.unit_of(parent)) > 0

    def _child_count(self, unit: int) -> int:
        start = self._tree.child_start
        return int(start[unit + 1] - start[unit])

    def canFetchMore(self, parent: Index) -> bool:
        if self._holding or not parent.isValid() or parent.column() != 0:
            return False
        unit = self.unit_of(parent)
        return self._fetched.get(unit, 0) < self._child_count(unit)

    def fetchMore(self, parent: Index) -> None:
        unit = self.unit_of(parent)
        have = self._fetched.get(unit, 0)
        upto = min(self._child_count(unit), have + FETCH_BATCH)
        if upto <= have or self._holding:
            return
        self._holding = True  # a listener asking to fetch meanwhile would fetch twice
        try:
            self.beginInsertRows(parent, have, upto - 1)
            self._fetched[unit] = upto
            self.endInsertRows()
        finally:
            self._holding = False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _NAME_FLAGS if index.column() == COL_NAME else _FLAGS

    # --- drag a unit onto another: a move (the keyboard's way is Ctrl+X, Ctrl+V) -------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [UNITS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = self._tree.ids
        units = dict.fromkeys(ids[self.unit_of(i)] for i in indexes if i.isValid())
        data = QMimeData()
        data.setData(UNITS_MIME, "\n".join(units).encode("utf-8"))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Units dropped on a unit move under it, as one Change (refused with the reason if
        the tree would break). Always False: the model moved them itself, so the view must
        not remove the dragged rows as a plain drop would."""
        if not data.hasFormat(UNITS_MIME) or not parent.isValid():
            return False
        tree = self._tree
        ids = [u for u in bytes(data.data(UNITS_MIME).data()).decode("utf-8").split("\n") if u]
        ids = [u for u in ids if u in tree.index]
        target = self.unit_of(parent)
        if not ids or action != Qt.DropAction.MoveAction:
            return False
        old = tuple(tree.ids[int(tree.parent[tree.index[u]])] for u in ids)
        label = tr("Move of %1 under %2").replace("%1", tree.names[tree.index[ids[0]]])
        edit = MoveUnits(tuple(ids), old, tree.ids[target])
        change = Change(label.replace("%2", tree.names[target]), kind="structure", structure=edit)
        self._controller.apply(change)
        return False

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A name typed in place (F2) is a RenameUnit change; an empty one changes nothing."""
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_NAME:
            return False
        unit, name = self.unit_of(index), str(value).strip()
        tree = self._tree
        if not name or name == tree.names[unit]:
            return False
        label = tr("Renaming of %1").replace("%1", tree.names[unit])
        edit = RenameUnit(tree.ids[unit], tree.names[unit], name)
        return self._controller.apply(Change(label, kind="structure", structure=edit)) is not None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Unit") if section == COL_NAME else tr("Findings")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.unit_of(index)
        if role == UNIT_ROLE:
            return unit
        counts = self._controller.index.counts[unit]
        if role == STATUS_ROLE:
            return self._status(unit)
        if index.column() == COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self._tree.names[unit]
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(self._status(unit))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(unit)
        elif index.column() == COL_FINDINGS:
            if role == Qt.ItemDataRole.DisplayRole:
                n = int(counts[0] + counts[1])
                return self._locale.toString(n) if n else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(unit)
        return None

    def _status(self, unit: int) -> str:
        counts = self._controller.index.counts[unit]
        mark = worst(counts)
        if mark == "clean" and not self._reported(unit):
            return "nothing"
        return mark

    def _reported(self, unit: int) -> bool:
        """A figure is reported on the unit or on one of its children (a station typed in, a
        district published): else its mark says nothing is there yet, not a green tick."""
        reported = self._any_reported()
        if reported[unit]:
            return True
        kids = self._tree.children(unit)
        return bool(kids.size) and bool(reported[kids].any())

    def _any_reported(self) -> np.ndarray:
        if self._reported_cache is None:
            n = len(self._tree)
            out = np.zeros(n, dtype=bool)
            for figs in self._controller.workspace.election.sources.values():
                for col in figs.columns.values():
                    out |= col.reported[:n]
            self._reported_cache = out
        return self._reported_cache

    def _refresh_reported(self, units: set[int]) -> None:
        cache = self._reported_cache
        if cache is None:
            return
        sources = self._controller.workspace.election.sources.values()
        for u in units:
            cache[u] = any(bool(c.reported[u]) for f in sources for c in f.columns.values())

    def _tooltip(self, unit: int) -> str:
        e, w, i = (int(c) for c in self._controller.index.counts[unit])
        if self._status(unit) == "nothing":
            return tr("%1: nothing reported").replace("%1", self._tree.names[unit])
        text = tr("%1 (%2): %3 errors, %4 warnings, %5 notes here and below")
        for k, v in (("%1", self._tree.names[unit]), ("%2", self._tree.ids[unit])):
            text = text.replace(k, v)
        return text.replace("%3", str(e)).replace("%4", str(w)).replace("%5", str(i))

    # --- updates ------------------------------------------------------------------------------

    def _on_controller_changed(self, result: ChangeResult) -> None:
        r = result.reshaped
        if r is not None or len(result.cells) > 1000:
            self._reported_cache = None
        else:
            self._refresh_reported({u for u, _, _ in result.cells})
        if r is not None:
            if r.moved is not None and r.shift is None:
                self._move(*r.moved)
            elif r.shift is not None or (r.dirty.size and not r.added.size and r.renamed < 0):
                self._restructure()  # units moved to other positions, or many moved
                return
            else:
                self._insert(r)
        tree = self._tree
        units = {f.unit for f in (*result.removed, *result.added)}
        units.update(u for u, _, _ in result.cells)
        chain: set[int] = set()
        for u in units:
            chain.update([u, *tree.ancestors(u)])
        for u in chain:
            if self._is_shown(u):
                row = self._row_in_parent(u)
                self.dataChanged.emit(self.createIndex(row, 0, u), self.createIndex(row, 1, u))

    def _is_shown(self, unit: int) -> bool:
        p = int(self._tree.parent[unit])
        return p < 0 or self._row_in_parent(unit) < self._fetched.get(p, 0)

    def _insert(self, r: Reshaped) -> None:
        """New units are the last children of their parents: rows appended where shown."""
        tree = self._tree
        new = set(r.added.tolist())
        by_parent: dict[int, int] = {}
        for u in r.added.tolist():
            p = int(tree.parent[u])
            if p >= 0 and p not in new:
                by_parent[p] = by_parent.get(p, 0) + 1
        for p, k in by_parent.items():
            old = self._child_count(p) - k
            if self._fetched.get(p, 0) != old or not self._is_shown(p):
                continue  # not all fetched yet: the new rows come with the next batch
            self._holding = True  # no fetch in between: rowCount says the old size meanwhile
            try:
                index = self.createIndex(self._row_in_parent(p), 0, p)
                self.beginInsertRows(index, old, old + k - 1)
                self._fetched[p] = old + k
                self.endInsertRows()
            finally:
                self._holding = False

    def _move(self, unit: int, old: int, new: int) -> None:
        """One unit under another parent: positions are the same, so every index keeps its
        unit and only rows change; a layout change moves the view's rows (and what it had
        expanded and selected) instead of a reset."""
        tree = self._tree
        self._holding = True
        # the counts first, so the model answers for the tree as it is from here on
        was = int(np.searchsorted(tree.children(old), unit))
        if self._fetched.get(old, 0) > was:
            self._fetched[old] -= 1  # it was shown there
        kids = tree.children(new)
        shown = self._fetched.get(new, 0)
        if shown and (shown >= len(kids) - 1 or int(np.searchsorted(kids, unit)) < shown):
            self._fetched[new] = shown + 1
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        after = [self._now(i) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        self._holding = False

    def _now(self, index: QModelIndex) -> QModelIndex:
        """Where a unit's row is now, or no index when its parent does not show it."""
        unit = self.unit_of(index)
        if unit < 0 or not self._is_shown_all_the_way(unit):
            return QModelIndex()
        return self.createIndex(self._row_in_parent(unit), index.column(), unit)

    def _is_shown_all_the_way(self, unit: int) -> bool:
        tree, u = self._tree, unit
        while int(tree.parent[u]) >= 0:
            if not self._is_shown(u):
                return False
            u = int(tree.parent[u])
        return True

    def _restructure(self) -> None:
        self.restructuring.emit()
        self._on_controller_reset()
        self.restructured.emit()

    def _on_controller_reset(self) -> None:
        self.beginResetModel()
        self._fetched.clear()
        self._root_units = None
        self._reported_cache = None
        self._holding = True  # nothing fetched while the reset is announced
        try:
            self.endResetModel()
        finally:
            self._holding = False


# built once: Python's enum flags are slow to combine, and a layout asks for every row
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NAME_FLAGS = (
    _FLAGS
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
UNITS_MIME = "application/x-sanaq-unit-ids"


def _child_of(tree: Any, ancestor: int, unit: int) -> int:
    """The child of `ancestor` on the way down to `unit`."""
    u = unit
    while int(tree.parent[u]) != ancestor:
        u = int(tree.parent[u])
    return u
