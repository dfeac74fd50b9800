"""The file and edit actions: open, save as, recent files, import, merge, export, new, undo,
redo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from core.merge.run import Step, merged_into, plan_sources
from core.merge.side import Side, open_side
from core.model.election import Election
from core.model.problems import InputRefused
from core.opener.workfile import (
    PROJECT_SUFFIX,
    Opened,
    discard,
    open_any,
    open_project,
    project_for,
)
from core.project.edits import Change
from core.project.session import ChangeResult, Workspace
from core.project.store import Project
from ui.context import AppContext
from ui.controller import WorkspaceController
from ui.formatting import tr
from ui.workers import Cancelled, Progress, Task, run_task

if TYPE_CHECKING:
    from ui.dialogs.merge_dialog import MergeDialog

OPEN_FILTER = "Projects and election packages (*.sanaq *.zip *.xlsx *.xlsm);;All files (*)"


class RoutedWorkspace:
    """The workspace as dialogs see it: reading is direct, but apply() goes through the
    controller, so every view and panel hears about the change."""

    def __init__(self, controller: WorkspaceController) -> None:
        self._controller = controller

    def apply(self, change: Change) -> ChangeResult | None:
        return self._controller.apply(change)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._controller.workspace, name)


class FileActions(QObject):
    """Owns the file and edit actions (the window lays them out in its menus); opening,
    saving and exporting run off the GUI thread."""

    message = Signal(str)
    history_moved = Signal(object)  # ChangeResult of an undo or redo

    def __init__(
        self, window: QWidget, controller: WorkspaceController, context: AppContext
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of dialogs and progress
        self.controller = controller
        self.context = context
        self.task: Task | None = None
        self.dialog: QWidget | None = None  # a dialog open now, for tests and automation
        self.new_action = self._action(
            tr("&New election…"), self.new_election, "newAction", QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            tr("&Open…"), self.open_file, "openAction", QKeySequence.StandardKey.Open
        )
        self.open_folder_action = self._action(
            tr("Open &folder…"), self.open_folder, "openFolderAction"
        )
        self.recent_menu = QMenu(tr("Open &recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.import_action = self._action(tr("&Import…"), self.import_table, "importAction")
        self.merge_action = self._action(tr("&Merge…"), self.merge_file, "mergeAction")
        self.merge_dialog: MergeDialog | None = None
        self.save_as_action = self._action(
            tr("Save &as…"), self.save_as, "saveAsAction", QKeySequence.StandardKey.SaveAs
        )
        self.export_action = self._action(
            tr("&Export audited workbook…"), self.export_workbook, "exportAction"
        )
        self.properties_action = self._action(
            tr("P&roperties…"), self.show_properties, "propertiesAction"
        )
        self.undo_action = self._action(tr("&Undo"), self.undo, "undoAction")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self._action(tr("&Redo"), self.redo, "redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        controller.history_changed.connect(self._on_history_changed)
        self._on_history_changed()

    def _action(
        self,
        text: str,
        slot: Any,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    # --- undo and redo mirror the workspace's history ----------------------------------------

    def undo(self) -> None:
        result = self.controller.undo()
        if result is not None:
            self.history_moved.emit(result)

    def redo(self) -> None:
        result = self.controller.redo()
        if result is not None:
            self.history_moved.emit(result)

    def _on_history_changed(self) -> None:
        h = self.controller.workspace.history
        self.undo_action.setEnabled(h.can_undo)
        self.redo_action.setEnabled(h.can_redo)
        self.undo_action.setText(tr("&Undo %1").replace("%1", _lower_first(h.undo_label)).strip())
        self.redo_action.setText(tr("&Redo %1").replace("%1", _lower_first(h.redo_label)).strip())

    # --- opening ------------------------------------------------------------------------------

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open"), "", tr(OPEN_FILTER))
        if path:
            self.open_path(Path(path))

    def open_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("Open package folder"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path, *, again: bool = True) -> Task | None:
        """Open and audit off the GUI thread; the election shown stays until that succeeds.

        A package is copied into a new project file first, so every change is journalled.
        A package already copied once (the same content) offers that project instead, and
        returns None while the question is open."""
        data_dir = self.context.data_dir
        if again:
            places = [data_dir, *(Path(p) for p in self.context.recent_files())]
            existing = project_for(path, places)
            if existing is not None:
                self._offer(path, existing)
                return None

        def work(progress: Progress) -> Opened:
            progress(0, 0)
            opened = open_any(path, data_dir)
            try:
                progress(1, 1)
            except Cancelled:
                discard(opened)
                raise
            return opened

        def done(opened: Opened) -> None:
            self.controller.replace(opened.workspace, opened.path, opened.project)
            self.context.remember(opened.path)
            self.message.emit(tr("Opened %1").replace("%1", str(path)))

        label = tr("Opening %1…").replace("%1", path.name)
        self.task = run_task(self.context.pool, self.window, label, work, done, self._fail, discard)
        return self.task

    def _offer(self, package: Path, project: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Opened before"),
            tr("%1 was opened before: its work is in %2.")
            .replace("%1", package.name)
            .replace("%2", str(project)),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("reopenBox")
        box.setInformativeText(tr("Go on in that project, or make a new copy of the package?"))
        go_on = box.addButton(tr("&Go on there"), QMessageBox.ButtonRole.AcceptRole)
        fresh = box.addButton(tr("Make a &new copy"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(go_on)
        self.dialog = box

        def done(_: int) -> None:
            self.dialog = None
            if box.clickedButton() is go_on:
                self.open_path(project)
            elif box.clickedButton() is fresh:
                self.open_path(package, again=False)

        box.finished.connect(done)
        box.open()

    def _fail(self, exc: Exception) -> None:
        text = exc.report(40) if isinstance(exc, InputRefused) else str(exc)
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Sanaq"), tr("Refused"), parent=self.window)
        box.setObjectName("errorBox")
        box.setInformativeText(text)
        box.open()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.context.recent_files():
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda *_, p=p: self.open_path(Path(p)))
        self.recent_menu.setEnabled(True)

    # --- saving, import, export, new ----------------------------------------------------------

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save as"), "", tr("Sanaq project (*%1)").replace("%1", PROJECT_SUFFIX)
        )
        if path:
            p = Path(path)
            self.save_to(p if p.suffix else p.with_suffix(PROJECT_SUFFIX))

    def save_to(self, path: Path) -> Task:
        """A copy of the project, journal and notes included; the window goes on in the copy."""
        controller = self.controller
        project, workspace = controller.project, controller.workspace

        def work(progress: Progress) -> Project:
            progress(0, 0)
            if project is not None:
                return project.save_as(path, overwrite=True)
            notes = dict(workspace.reviews)
            return Project.create(path, workspace.election, overwrite=True, reviews=notes)

        def done(copy: Project) -> None:
            controller.saved_as(copy)
            self.context.remember(copy.path)
            self.message.emit(tr("Saved as %1").replace("%1", str(copy.path)))

        def drop(copy: Project) -> None:
            copy.close(compact=False)

        label = tr("Saving %1…").replace("%1", path.name)
        self.task = run_task(self.context.pool, self.window, label, work, done, self._fail, drop)
        return self.task

    def import_table(self) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        # duck-typed: reads go to the workspace, apply() through the controller
        dialog = ImportDialog(cast(Workspace, RoutedWorkspace(self.controller)), self.window)
        self.dialog = dialog

        def done(_: int) -> None:
            self.dialog = None
            self.window.activateWindow()

        dialog.finished.connect(done)
        dialog.open()

    def merge_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("Merge another observer's file"), "", tr(OPEN_FILTER)
        )
        if path:
            self.merge_path(Path(path))

    def merge_path(self, path: Path) -> Task:
        """Read the other file and plan the merge off the GUI thread, then show the preview;
        nothing changes until the preview is accepted."""
        ws, project = self.controller.workspace, self.controller.project
        # read here: the project's connection belongs to the GUI thread's edits
        mine = Side(
            str(project.path) if project is not None else tr("this election"),
            ws.election,
            ws.reviews,
            project.journal() if project is not None else [],
            project.head() if project is not None else "",
        )

        def work(progress: Progress) -> Step:
            progress(0, 0)
            theirs = open_side(path)
            step = plan_sources(mine, [theirs])[0]
            progress(1, 1)
            return step

        label = tr("Reading %1…").replace("%1", path.name)
        self.task = run_task(
            self.context.pool, self.window, label, work, self._review_merge, self._fail
        )
        return self.task

    def _review_merge(self, step: Step) -> None:
        from ui.dialogs.merge_dialog import MergeDialog

        plan = step.plan
        if plan.already or plan.empty:
            if plan.already:
                text = tr("%1 was merged into this project already (journal entry %2).")
                text = text.replace("%2", str(plan.already))
            else:
                text = tr("%1 brings nothing new: every figure and note it has is here.")
            self._inform(text.replace("%1", plan.theirs.name) + " " + tr("Nothing to do."))
            return
        dialog = MergeDialog(step, getattr(self.window, "locale_", None), self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.merge_dialog = dialog

        def accepted() -> None:
            change = dialog.change()
            if change is not None and self.controller.apply(change) is not None:
                self.message.emit(tr("Merged %1").replace("%1", plan.theirs.name))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _inform(self, text: str) -> None:
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Information, tr("Sanaq"), text, parent=self.window)
        box.setObjectName("infoBox")
        box.open()

    def new_election(self) -> None:
        """The dialog opens window-modal (the keyboard drives it like the window); on OK the
        election is saved where the user chose and opened."""
        from ui.dialogs.new_election_dialog import NewElectionDialog

        dialog = NewElectionDialog(self.window)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            if result == NewElectionDialog.DialogCode.Accepted:
                try:
                    self.open_election(dialog.election(), dialog.path())
                except (OSError, ValueError) as exc:
                    self._fail(exc)
            self.window.activateWindow()  # the keyboard goes back to the window

        dialog.finished.connect(done)
        dialog.open()

    def open_election(self, election: Election, path: Path) -> None:
        """An election made in the app gets its own project file, where the user chose."""
        path.parent.mkdir(parents=True, exist_ok=True)
        project = Project.create(path, election)
        opened = open_project(project, created=True)
        self.controller.replace(opened.workspace, opened.path, opened.project)
        self.context.remember(opened.path)

    def show_properties(self) -> None:
        from ui.dialogs.properties_dialog import PropertiesDialog

        c = self.controller
        dialog = PropertiesDialog(c.workspace.election, c.path, c.project, self.window)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()

    def export_name(self) -> str:
        """The workbook's suggested path: beside the project, named after it."""
        if self.controller.path is not None:
            return str(self.controller.path.with_suffix(".xlsx"))
        return ""

    def export_workbook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("Export audited workbook"), self.export_name(), tr("Workbook (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> Task:
        """The audited workbook, written off the GUI thread; Cancel leaves no file behind."""
        from core.export.workbook import export_workbook

        ws = self.controller.workspace
        result = ws.auditor.result()
        inputs = [self.controller.path] if self.controller.path else []
        reviews = dict(ws.reviews)
        project = self.controller.project
        # read here: the project's connection belongs to the GUI thread's edits
        if project is not None:
            project.settle()  # closing later adds no entry after the head the workbook prints
        journal = project.history() if project is not None else None
        last_hash = project.head() if project is not None else None
        merged = merged_into(project) if project is not None else []

        def work(progress: Progress) -> Path:
            def report(fraction: float) -> bool:
                try:
                    progress(int(fraction * 1000), 1000)
                except Cancelled:
                    return False
                return True

            finished = export_workbook(
                result,
                out,
                inputs=inputs,
                progress=report,
                reviews=reviews,
                journal_hash=last_hash,
                journal=journal,
                merged=merged,
            )
            if not finished:
                raise Cancelled
            return out

        def done(p: Path) -> None:
            self.message.emit(tr("Exported %1").replace("%1", str(p)))

        def drop(p: Path) -> None:
            p.unlink(missing_ok=True)  # finished as Cancel was pressed: no file, as asked

        label = tr("Exporting %1…").replace("%1", out.name)
        self.task = run_task(self.context.pool, self.window, label, work, done, self._fail, drop)
        return self.task

    def close_project(self) -> None:
        if self.task is not None:
            self.task.cancel()


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]
