"""FindingsPanel: filters, a search box and the findings table; activating one goes to its cell."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model.election import SOURCES
from core.project.edits import REVIEW_STATUSES
from core.rules.catalogue import RULES
from core.rules.finding import AUDIT_SEVERITIES
from ui.controller import WorkspaceController
from ui.findings.findings_model import COL, FINDING_ROLE, REVIEW_LABELS, FindingsModel
from ui.formatting import source_label, tr

SEVERITY_LABELS = {
    "error": QT_TR_NOOP("Errors"),
    "warning": QT_TR_NOOP("Warnings"),
    "info": QT_TR_NOOP("Notes"),
}


class ReviewDelegate(QStyledItemDelegate):
    """The review status is chosen from a list, never typed."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for status in REVIEW_STATUSES:
            combo.addItem(tr(REVIEW_LABELS[status]), status)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class FindingsPanel(QWidget):
    """The findings of the whole election, narrowed by the filters above them."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(controller, parent=self)
        self._controller = controller
        self.severity = self._combo("severityFilter", tr("Severity"))
        for s in AUDIT_SEVERITIES:
            self.severity.addItem(tr(SEVERITY_LABELS[s]), s)
        self.rule = self._combo("ruleFilter", tr("Rule"))
        for r in RULES:
            self.rule.addItem(r.id, r.id)
        self.level = self._combo("levelFilter", tr("Level"))
        self.source = self._combo("sourceFilter", tr("Source"))
        for src in SOURCES:
            self.source.addItem(source_label(src), src)
        self.review = self._combo("reviewFilter", tr("Review"))
        for status in REVIEW_STATUSES:
            self.review.addItem(tr(REVIEW_LABELS[status]), status)
        self.search = QLineEdit(self)
        self.search.setObjectName("findingsSearch")
        self.search.setPlaceholderText(tr("Search findings"))
        self.search.setAccessibleName(tr("Search findings"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)

        self.view = QTableView(self)
        self.view.setObjectName("findingsView")
        self.view.setAccessibleName(tr("Findings"))
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(COL["review"], ReviewDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for name, width in (("severity", 90), ("rule", 170), ("unit", 130), ("field", 110)):
            header.resizeSection(COL[name], width)
        self.view.activated.connect(self._on_view_activated)

        filters = QHBoxLayout()
        for w in (self.severity, self.rule, self.level, self.source, self.review):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        controller.reset.connect(self._fill_levels)
        self._fill_levels()

    def _combo(self, name: str, what: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(tr("Filter by %1").replace("%1", what.lower()))
        combo.addItem(tr("Any %1").replace("%1", what.lower()), "")
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _fill_levels(self) -> None:
        self.level.blockSignals(True)
        while self.level.count() > 1:
            self.level.removeItem(1)
        for level in self._controller.workspace.election.info.levels:
            self.level.addItem(tr(level), level)
        self.level.setCurrentIndex(0)
        self.level.blockSignals(False)
        self._on_filter_changed()

    def _on_filter_changed(self, *_: object) -> None:
        self.model.set_filter(
            severity=self.severity.currentData() or "",
            rule=self.rule.currentData() or "",
            level=self.level.currentData() or "",
            source=self.source.currentData() or "",
            review=self.review.currentData() or "",
        )

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text=text.strip())

    def _on_view_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(index.data(FINDING_ROLE))
