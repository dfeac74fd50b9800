"""FindingsModel: the live findings, filtered and sorted, with each one's review status."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from core.project.edits import REVIEW_STATUSES, Change, ReviewEdit
from core.project.session import ChangeResult
from core.rules.catalogue import RULE_BY_ID, RULE_ORDER
from core.rules.finding import SEVERITIES, Finding
from ui.controller import WorkspaceController
from ui.formatting import field_label, format_value, source_label, tr
from ui.icons import COLORS, status_icon

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    "severity",
    "rule",
    "unit",
    "level",
    "source",
    "field",
    "reported",
    "expected",
    "review",
    "comment",
    "message",
)
HEADERS = {
    "severity": QT_TR_NOOP("Severity"),
    "rule": QT_TR_NOOP("Rule"),
    "unit": QT_TR_NOOP("Unit"),
    "level": QT_TR_NOOP("Level"),
    "source": QT_TR_NOOP("Source"),
    "field": QT_TR_NOOP("Field"),
    "reported": QT_TR_NOOP("Reported"),
    "expected": QT_TR_NOOP("Expected"),
    "review": QT_TR_NOOP("Review"),
    "comment": QT_TR_NOOP("Comment"),
    "message": QT_TR_NOOP("Finding"),
}
REVIEW_LABELS = {
    "open": QT_TR_NOOP("Open"),
    "explained": QT_TR_NOOP("Explained"),
    "confirmed": QT_TR_NOOP("Confirmed"),
}
SEVERITY_NAMES = {
    "error": QT_TR_NOOP("Error"),
    "warning": QT_TR_NOOP("Warning"),
    "info": QT_TR_NOOP("Note"),
}
COL = {name: i for i, name in enumerate(COLUMNS)}


@dataclass
class FindingsFilter:
    """Empty strings mean 'any'."""

    severity: str = ""
    rule: str = ""
    level: str = ""
    source: str = ""
    review: str = ""
    text: str = ""


class FindingsModel(QAbstractTableModel):
    """Rows are kept sorted ascending by the sort key; a descending view reads them backwards,
    so a change inserts or removes single rows instead of re-sorting everything."""

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
        self._filter = FindingsFilter()
        self._sort_column = -1
        self._descending = False
        self._rows: list[Finding] = []
        self._keys: list[Any] = []
        controller.changed.connect(self._on_controller_changed)
        controller.reset.connect(self.refilter)
        self.refilter()

    @property
    def filter(self) -> FindingsFilter:
        return self._filter

    def set_filter(self, **kwargs: str) -> None:
        for k, v in kwargs.items():
            setattr(self._filter, k, v)
        self.refilter()

    def finding_at(self, row: int) -> Finding:
        return self._rows[len(self._rows) - 1 - row] if self._descending else self._rows[row]

    def row_of(self, finding: Finding) -> int:
        i = self._rows.index(finding)
        return len(self._rows) - 1 - i if self._descending else i

    def review_of(self, f: Finding) -> tuple[str, str]:
        return self._controller.workspace.review_of(f)

    # --- filtering and sorting ----------------------------------------------------------------

    def _accepts(self, f: Finding) -> bool:
        flt = self._filter
        election = self._controller.workspace.election
        if flt.severity and f.severity != flt.severity:
            return False
        if flt.rule and f.rule != flt.rule:
            return False
        if flt.source and f.source != flt.source:
            return False
        if flt.level and election.info.levels[int(election.units.level[f.unit])] != flt.level:
            return False
        if flt.review and self.review_of(f)[0] != flt.review:
            return False
        if flt.text:
            needle = flt.text.casefold()
            units = election.units
            hay = f"{units.names[f.unit]} {units.ids[f.unit]} {f.message} {f.rule} {f.field}"
            if needle not in hay.casefold() and needle not in self.review_of(f)[1].casefold():
                return False
        return True

    def _key_function(self) -> Callable[[Finding], Any]:
        name = COLUMNS[self._sort_column] if self._sort_column >= 0 else ""
        units = self._controller.workspace.election.units
        sev = {s: i for i, s in enumerate(SEVERITIES)}

        def default(f: Finding) -> tuple[int, int, str, str]:
            return (RULE_ORDER[f.rule], f.unit, f.source, f.field)

        text_keys: dict[str, Callable[[Finding], str]] = {
            "unit": lambda f: units.names[f.unit],
            "message": lambda f: f.message,
            "comment": lambda f: self.review_of(f)[1],
            "field": lambda f: f.field,
            "source": lambda f: f.source,
        }
        if name in text_keys:
            get = text_keys[name]
            return lambda f: (self._collator.sortKey(get(f)), default(f))
        if name == "severity":
            return lambda f: (sev[f.severity], default(f))
        if name == "level":
            return lambda f: (int(units.level[f.unit]), default(f))
        if name == "review":
            order = {s: i for i, s in enumerate(REVIEW_STATUSES)}
            return lambda f: (order[self.review_of(f)[0]], default(f))
        if name in ("reported", "expected"):

            def number(f: Finding) -> tuple[Any, ...]:
                v = f.actual if name == "reported" else f.expected
                return (v is None, float(v or 0), default(f))

            return number
        return default

    def refilter(self) -> None:
        self.beginResetModel()
        key = self._key_function()
        live = self._controller.workspace.auditor.findings.values()
        found = [f for f in live if self._accepts(f)]
        self._keys = sorted(((key(f), i) for i, f in enumerate(found)))
        self._rows = [found[i] for _, i in self._keys]
        self._keys = [k for k, _ in self._keys]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        held = [(self.finding_at(i.row()), i.column()) for i in kept]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        key = self._key_function()
        pairs = sorted(((key(f), i) for i, f in enumerate(self._rows)))
        self._rows = [self._rows[i] for _, i in pairs]
        self._keys = [k for k, _ in pairs]
        self.changePersistentIndexList(kept, [self.index(self.row_of(f), c) for f, c in held])
        self.layoutChanged.emit()

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return tr(HEADERS[COLUMNS[section]])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in ("review", "comment"):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.finding_at(index.row())
        name = COLUMNS[index.column()]
        if role == FINDING_ROLE:
            return f
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(f, name, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.DecorationRole and name == "severity":
            return status_icon(f.severity)
        if role == Qt.ItemDataRole.ForegroundRole and name == "severity":
            return QBrush(COLORS[f.severity])
        if role == Qt.ItemDataRole.ToolTipRole:
            sentence = QCoreApplication.translate("rules", RULE_BY_ID[f.rule].sentence)
            return f"{f.rule}: {sentence}\n{f.message}"
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("reported", "expected"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, f: Finding, name: str, edit: bool) -> str:
        election = self._controller.workspace.election
        units = election.units
        dec = election.info.pct_decimals
        if name == "severity":
            return tr(SEVERITY_NAMES[f.severity])
        if name == "rule":
            return f.rule
        if name == "unit":
            return units.names[f.unit]
        if name == "level":
            return tr(election.info.levels[int(units.level[f.unit])])
        if name == "source":
            return source_label(f.source)
        if name == "field":
            return field_label(election.info, f.field)
        if name == "reported":
            return format_value(self._locale, f.field, f.actual, dec)
        if name == "expected":
            return format_value(self._locale, f.field, f.expected, dec)
        if name == "review":
            status = self.review_of(f)[0]
            return status if edit else tr(REVIEW_LABELS[status])
        if name == "comment":
            return self.review_of(f)[1]
        return f.message

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A review status or comment becomes a ReviewEdit Change: undoable and journalled."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        name = COLUMNS[index.column()]
        if name not in ("review", "comment"):
            return False
        f = self.finding_at(index.row())
        old = self.review_of(f)
        new = (str(value), old[1]) if name == "review" else (old[0], str(value))
        if new[0] not in REVIEW_STATUSES:
            return False
        if new == old:
            return True
        self.apply_review(f, new)
        return True

    def apply_review(self, f: Finding, new: tuple[str, str]) -> None:
        ws = self._controller.workspace
        key = (f.rule, ws.election.units.ids[f.unit], f.source, f.field)
        label = tr("Review of a finding in %1").replace("%1", ws.election.units.names[f.unit])
        edit = ReviewEdit(key, self.review_of(f), new)
        self._controller.apply(Change(label, reviews=(edit,), kind="review"))

    # --- updates ------------------------------------------------------------------------------

    def _on_controller_changed(self, result: ChangeResult) -> None:
        if len(result.removed) + len(result.added) > 2000:
            self.refilter()  # an import: one reset beats thousands of single-row signals
            return
        key = self._key_function()
        for f in result.removed:
            self._remove(f, key(f))
        for f in result.added:
            if self._accepts(f):
                self._insert(f, key(f))
        if result.change.reviews:
            self._on_reviews_changed(result)

    def _remove(self, f: Finding, k: Any) -> None:
        i = self._find(f, k)
        if i < 0:
            return
        row = len(self._rows) - 1 - i if self._descending else i
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[i]
        del self._keys[i]
        self.endRemoveRows()

    def _find(self, f: Finding, k: Any) -> int:
        """Where f sits: a binary search by its key, then a look along equal keys."""
        i = bisect.bisect_left(self._keys, k)
        while i < len(self._keys) and self._keys[i] == k:
            if self._rows[i] == f:
                return i
            i += 1
        try:  # its key moved since it was placed (a review changed): look everywhere
            return self._rows.index(f)
        except ValueError:
            return -1

    def _insert(self, f: Finding, k: Any) -> None:
        i = bisect.bisect_right(self._keys, k)
        row = len(self._rows) - i if self._descending else i
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(i, f)
        self._keys.insert(i, k)
        self.endInsertRows()

    def _on_reviews_changed(self, result: ChangeResult) -> None:
        ids = self._controller.workspace.election.units.ids
        keys = {r.finding for r in result.change.reviews}
        for i, f in enumerate(self._rows):
            if (f.rule, ids[f.unit], f.source, f.field) in keys:
                row = len(self._rows) - 1 - i if self._descending else i
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if self._filter.review or self._sort_column in (COL["review"], COL["comment"]):
            self.refilter()
