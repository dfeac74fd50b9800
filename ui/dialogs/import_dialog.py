"""The import wizard: choose a file, preview it, map its columns, check it, import as one edit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from core.importer.mapping import IGNORE, guess_mapping, targets
from core.importer.plan import ImportOptions, ImportPlan, plan_import
from core.importer.read import ENCODINGS, RawTable, read_table
from core.model.election import SOURCES
from core.model.problems import InputRefused, Problem
from core.project.session import ChangeResult, Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 200

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its objectName set, for automation and scripted tests."""
    widget.setObjectName(name)
    return widget


def busy_bar(name: str) -> QProgressBar:
    """A bar that moves while work runs off the GUI thread (its length is not known)."""
    bar = named(QProgressBar(), name)
    bar.setRange(0, 0)
    bar.hide()
    return bar


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


class FilePage(QWizardPage):
    """Step 1: the file and its encoding; says how it was read, or why it could not be."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A CSV (comma, semicolon or tab), XLSX or ODS table."))
        self.path_edit = named(QLineEdit(), "importPath")
        self.path_edit.setAccessibleName(self.tr("File to import"))
        browse = named(QPushButton(self.tr("Browse…")), "importBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        self.encoding = named(QComboBox(), "importEncoding")
        self.encoding.setAccessibleName(self.tr("Encoding"))
        self.encoding.addItem(self.tr("Detect"), None)
        for key, name in ENCODINGS.items():
            self.encoding.addItem(name, key)
        self.status = named(QLabel(wordWrap=True), "importFileStatus")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.status)
        self.progress = busy_bar("importReadProgress")
        form.addRow(self.progress)
        self.path_edit.editingFinished.connect(self._on_path_edit_finished)
        self.encoding.currentIndexChanged.connect(self._on_encoding_changed)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a table"), "", self.tr("Tables (*.csv *.txt *.xlsx *.ods)")
        )
        if path:
            self.path_edit.setText(path)
            self.reload()

    def _on_path_edit_finished(self) -> None:
        self.reload()

    def _on_encoding_changed(self, _index: int) -> None:
        self.reload()

    def reload(self) -> None:
        text = self.path_edit.text().strip()
        self.status.setText(self.tr("Reading…"))
        self._wizard.load(text, self.encoding.currentData() if text else None)

    def show_table(self) -> None:
        raw = self._wizard.raw
        if raw is None:
            self.status.setText(self._wizard.load_error)
        else:
            if raw.encoding is None:
                used = self.tr("sheet “%1” of a workbook").replace("%1", raw.sheet or "")
            else:
                used = ENCODINGS.get(raw.encoding, raw.encoding)
            msg = self.tr("Read as %1: %2 columns, %3 rows.")
            msg = msg.replace("%1", used).replace("%2", str(len(raw.header)))
            self.status.setText(msg.replace("%3", str(len(raw.rows))))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.raw is not None and not self._wizard.busy


class PreviewPage(QWizardPage):
    """Step 2: the first rows, as read."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows of the file, as they were read."))
        self.view = named(QTableView(), "importPreview")
        self.view.setAccessibleName(self.tr("Preview of the file"))
        self.view.setModel(wizard.preview_model)
        QVBoxLayout(self).addWidget(self.view)


class MappingPage(QWizardPage):
    """Step 3: which field each column holds, guessed from the headers and open to change."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._mapped_for: RawTable | None = None
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Choose what each column holds; columns left out are ignored."))
        self.table = named(QTableWidget(0, 3), "importMapping")
        self.table.setAccessibleName(self.tr("Column mapping"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Field")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.table)

    def initializePage(self) -> None:
        raw = self._wizard.raw
        if raw is None or raw is self._mapped_for:
            return  # keep the user's choices when they come back to this page
        self._mapped_for = raw
        guess = guess_mapping(raw.header, self._wizard.election.info)
        fields = targets(self._wizard.election.info)
        self.table.setRowCount(len(raw.header))
        for i, h in enumerate(raw.header):
            first = raw.rows[0][i] if raw.rows else ""
            for c, text in ((0, h), (1, first)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, c, item)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", h))
            combo.addItem(self.tr("(ignore)"), IGNORE)
            for f in fields:
                combo.addItem(self._label(f), f)
            combo.setCurrentIndex(max(combo.findData(guess.get(i, IGNORE)), 0))
            self.table.setCellWidget(i, 2, combo)

    def _label(self, fld: str) -> str:
        """The field as the user knows it: its code, and the contestant's name if it has one."""
        kind, _, code = fld.partition(":")
        names = {c.code: c.name for c in self._wizard.election.info.contestants}
        return (
            f"{fld} ({names[code]})" if kind in ("votes", "pct", "seats") and code in names else fld
        )

    def combo(self, column: int) -> QComboBox:
        widget = self.table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(self.table.rowCount()):
            f = self.combo(i).currentData()
            if f:
                out[i] = str(f)
        return out


class CheckPage(QWizardPage):
    """Step 4: the options, every problem found, and what the import would change."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check and import"))
        self.setSubTitle(self.tr("Nothing changes until you press Finish."))
        self.source = named(QComboBox(), "importSource")
        self.source.setAccessibleName(self.tr("Source"))
        for s, label in zip(SOURCES, (self.tr("official"), self.tr("observer")), strict=True):
            self.source.addItem(label, s)
        self.parent_unit = named(QComboBox(), "importParent")
        self.parent_unit.setAccessibleName(self.tr("Match names under"))
        self.thousands = QCheckBox(self.tr("Accept thousands separators (1 234 567, 1,234,567)"))
        self.percent = QCheckBox(self.tr("Accept % after percentages"))
        self.skip_unmatched = QCheckBox(self.tr("Leave out rows that match no unit"))
        self.keep_totals = QCheckBox(self.tr("Keep rows that look like totals"))
        self.empty_clears = QCheckBox(self.tr("Empty cells clear existing figures"))
        names = ("Thousands", "Percent", "SkipUnmatched", "KeepTotals", "EmptyClears")
        boxes = (
            self.thousands,
            self.percent,
            self.skip_unmatched,
            self.keep_totals,
            self.empty_clears,
        )
        form = QFormLayout()
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Match names under:"), self.parent_unit)
        for name, box in zip(names, boxes, strict=True):
            box.setObjectName("import" + name)
            box.toggled.connect(self._on_option_toggled)
            form.addRow(box)
        self.source.currentIndexChanged.connect(self._on_option_toggled)
        self.parent_unit.currentIndexChanged.connect(self._on_option_toggled)
        self.notes = named(QLabel(wordWrap=True), "importNotes")
        self.summary = named(QLabel(wordWrap=True), "importSummary")
        self.problems = named(QTableView(), "importProblems")
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setModel(wizard.problems_model)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.summary)
        self.progress = busy_bar("importCheckProgress")
        layout.addWidget(self.progress)
        units = wizard.election.units
        self.parent_unit.addItem(self.tr("(any unit)"), None)
        for u in range(len(units)):
            if units.child_start[u + 1] > units.child_start[u]:
                self.parent_unit.addItem(f"{units.names[u]} ({units.ids[u]})", units.ids[u])

    def options(self) -> ImportOptions:
        return ImportOptions(
            thousands=self.thousands.isChecked(),
            percent_sign=self.percent.isChecked(),
            skip_unmatched=self.skip_unmatched.isChecked(),
            keep_total_rows=self.keep_totals.isChecked(),
            empty_clears=self.empty_clears.isChecked(),
            parent=self.parent_unit.currentData(),
        )

    def initializePage(self) -> None:
        self._wizard.replan()

    def _on_option_toggled(self, *_args: object) -> None:
        if self._wizard.currentPage() is self:
            self._wizard.replan()

    def show_plan(self, plan: ImportPlan, raw: RawTable) -> None:
        notes = []
        if raw.encoding is not None:
            used = ENCODINGS.get(raw.encoding, raw.encoding)
            notes.append(self.tr("Read as %1.").replace("%1", used))
        for t in plan.skipped_total_rows:
            note = self.tr("Row %1 left out as a total row: %2.")
            notes.append(note.replace("%1", str(t.row)).replace("%2", t.reason))
        if plan.unmatched:
            rows = ", ".join(str(u.row) for u in plan.unmatched)
            notes.append(self.tr("Rows left out, matching no unit: %1.").replace("%1", rows))
        self.notes.setText("\n".join(notes))
        cells, units = len(plan.change.edits), len({e.unit for e in plan.change.edits})
        if plan.problems:
            text = self.tr("%1 problems: fix the file or the choices above, then try again.")
            self.summary.setText(text.replace("%1", str(len(plan.problems))))
        elif not cells:
            self.summary.setText(self.tr("The file changes nothing."))
        else:
            text = self.tr("%1 cells will change in %2 units (%3 rows read).")
            text = text.replace("%1", str(cells)).replace("%2", str(units))
            self.summary.setText(text.replace("%3", str(plan.matched)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and plan.ready and not self._wizard.busy


class ImportDialog(QWizard):
    """Import a table into the workspace's election as one undoable Change."""

    imported = Signal(object)  # the ChangeResult
    table_read = Signal()
    checked = Signal()

    # Files and tables at least this large are read and checked off the GUI thread.
    background_bytes = 2 * 1024**2
    background_rows = 20_000

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a table"))
        self.workspace = workspace
        self.election = workspace.election
        self.raw: RawTable | None = None
        self.load_error = ""
        self.plan: ImportPlan | None = None
        self._load_ticket = self._plan_ticket = 0  # 0: nothing running, -1: running here
        # unparented, so a result arriving after the dialog closed finds it still alive
        self._background = _Background()
        self._background.finished.connect(self._on_background_finished)
        self.preview_model = RawTableModel(self)
        self.problems_model = ProblemsModel(self)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        for page in (self.file_page, self.preview_page, self.mapping_page, self.check_page):
            self.addPage(page)
        if path is not None:
            self.file_page.path_edit.setText(str(path))
            self.file_page.reload()

    def load(self, path: str, encoding: str | None) -> None:
        """Read the file, on the thread pool when it is large (nothing in the election changes)."""
        self.raw, self.load_error, self.plan = None, "", None
        self.preview_model.set_table(None)
        self._plan_ticket = 0
        if not path:
            self._load_ticket = 0
            self.file_page.show_table()
            return
        p = Path(path)
        large = p.is_file() and p.stat().st_size >= self.background_bytes
        if large:
            self._load_ticket = self._background.start(lambda: read_table(p, encoding))
            self.file_page.progress.show()
            self.file_page.completeChanged.emit()
        else:
            self._load_ticket = -1
            self._on_table_read(_call(lambda: read_table(p, encoding)))

    def replan(self) -> None:
        """Check the file against the election, on the thread pool when it is large."""
        raw = self.raw
        if raw is None:
            return
        opts = self.check_page.options()
        source = str(self.check_page.source.currentData())
        mapping = self.mapping_page.mapping()
        self.plan = None

        def run() -> ImportPlan:
            return plan_import(raw, mapping, self.election, source, opts)

        if len(raw.rows) >= self.background_rows:
            self.check_page.summary.setText(self.tr("Checking…"))
            self.check_page.completeChanged.emit()
            self._plan_ticket = self._background.start(run)
            self.check_page.progress.show()
        else:
            self._plan_ticket = -1
            self._on_plan_made(_call(run))

    def _on_background_finished(self, ticket: int, result: object) -> None:
        if ticket == self._load_ticket:
            self._on_table_read(result)
        elif ticket == self._plan_ticket:
            self._on_plan_made(result)
        # any other ticket is a result nobody waits for any more

    def _on_table_read(self, result: object) -> None:
        self.file_page.progress.hide()
        self._load_ticket = 0
        if isinstance(result, RawTable):
            self.raw = result
        elif isinstance(result, InputRefused):
            self.load_error = result.report()
        else:
            self.load_error = self.tr("The file could not be read: %1").replace("%1", str(result))
        self.preview_model.set_table(self.raw)
        self.file_page.show_table()
        self.table_read.emit()

    def _on_plan_made(self, result: object) -> None:
        self.check_page.progress.hide()
        self._plan_ticket = 0
        if not isinstance(result, ImportPlan) or self.raw is None:
            text = self.tr("The check failed: %1").replace("%1", str(result))
            self.check_page.summary.setText(text)
            self.check_page.completeChanged.emit()
            return
        self.plan = result
        self.problems_model.set_problems(result.problems)
        self.check_page.show_plan(result, self.raw)
        self.checked.emit()

    @property
    def busy(self) -> bool:
        return bool(self._load_ticket or self._plan_ticket)

    def reject(self) -> None:
        self._load_ticket = self._plan_ticket = 0  # work still running is thrown away
        super().reject()

    def accept(self) -> None:
        plan = self.plan
        if plan is None or not plan.ready or self.busy:
            return
        result: ChangeResult = self.workspace.apply(plan.change)
        self.plan = None
        super().accept()
        self.imported.emit(result)


def _call(fn: Callable[[], object]) -> object:
    """The function's result, or the exception it raised (as the thread pool delivers it)."""
    try:
        return fn()
    except Exception as exc:  # shown to the user: a worker thread has nowhere else to raise
        return exc


class _Background(QObject):
    """Runs a function on the thread pool; `finished` brings its result to the GUI thread."""

    finished = Signal(int, object)  # ticket, result or exception

    def __init__(self) -> None:
        super().__init__()
        self._tickets = 0

    def start(self, fn: Callable[[], object]) -> int:
        self._tickets += 1
        ticket = self._tickets

        def run() -> None:
            self.finished.emit(ticket, _call(fn))

        QThreadPool.globalInstance().start(run)
        return ticket
