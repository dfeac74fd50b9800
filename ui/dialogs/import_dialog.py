"""The import wizard: choose a file, preview it, map its columns, check it, import as one edit.

Its pages live in ui/dialogs/importing/ (one module per page, the models, the state they read);
this module holds the wizard that runs them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from core.importer.plan import ImportPlan, plan_import
from core.importer.read import RawTable, read_table
from core.model.problems import InputRefused
from core.project.session import ChangeResult, Workspace
from ui.dialogs.importing.background import Background, call
from ui.dialogs.importing.check_page import CheckPage
from ui.dialogs.importing.file_page import FilePage, PreviewPage
from ui.dialogs.importing.mapping_page import MappingPage
from ui.dialogs.importing.models import ProblemsModel, RawTableModel
from ui.formatting import tr

__all__ = ["ImportDialog", "ProblemsModel", "RawTableModel"]


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
        # mnemonics on every style, so the keyboard reaches each step (Alt+N, Alt+B, Alt+F)
        for button, text, name in (
            (QWizard.WizardButton.NextButton, tr("&Next >"), "importNext"),
            (QWizard.WizardButton.BackButton, tr("< &Back"), "importBack"),
            (QWizard.WizardButton.FinishButton, tr("&Finish"), "importFinish"),
            (QWizard.WizardButton.CancelButton, tr("Cancel"), "importCancel"),
        ):
            self.setButtonText(button, text)
            self.button(button).setObjectName(name)
        self.workspace = workspace
        self.election = workspace.election
        self.raw: RawTable | None = None
        self.load_error = ""
        self.plan: ImportPlan | None = None
        self._load_ticket = self._plan_ticket = 0  # 0: nothing running, -1: running here
        # unparented, so a result arriving after the dialog closed finds it still alive
        self._background = Background()
        self._background.finished.connect(self._on_background_finished)
        self.preview_model = RawTableModel(self)
        self.problems_model = ProblemsModel(self)
        self.file_page = FilePage(self, self)
        self.preview_page = PreviewPage(self, self)
        self.mapping_page = MappingPage(self, self)
        self.check_page = CheckPage(self, self)
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
            self._on_table_read(call(lambda: read_table(p, encoding)))

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
            self._on_plan_made(call(run))

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
