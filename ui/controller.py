"""The one door to the Workspace: every edit, undo and redo passes here and is announced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from core.project.edits import Change
from core.project.session import ChangeResult, Workspace
from core.project.store import Project
from core.rules.finding_index import FindingIndex

BUSY_CELLS = 20_000  # beyond this a change takes a noticeable moment (~0.1 s)


class WorkspaceController(QObject):
    """Applies Changes to the Workspace and tells the models exactly what changed.

    It also holds the open document: the project file every change is journalled to, and
    its path (both None for an election that is not saved)."""

    changed = Signal(object)  # ChangeResult, after apply, undo and redo
    reset = Signal()  # a different election was opened
    history_changed = Signal()
    failed = Signal(str)  # a change that could not be saved, so was not made

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        path: Path | None = None,
        project: Project | None = None,
    ) -> None:
        super().__init__(parent)
        self.path, self.project = path, project
        self._set(workspace)

    def _set(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.index = FindingIndex(workspace.election.units, workspace.auditor.findings.values())

    def replace(
        self, workspace: Workspace, path: Path | None = None, project: Project | None = None
    ) -> None:
        """Another election: the old project file is closed, every view resets."""
        if self.project is not None and self.project is not project:
            self.project.close()
        self.path, self.project = path, project
        self._set(workspace)
        self.reset.emit()
        self.history_changed.emit()

    def saved_as(self, copy: Project) -> None:
        """The window goes on in a copy of its project (Save As): later changes go there."""
        if self.project is not None and self.project is not copy:
            self.project.close()
        self.path, self.project = copy.path, copy
        self.workspace.journal = copy

    def close(self) -> None:
        if self.project is not None:
            self.project.close()

    def apply(self, change: Change) -> ChangeResult | None:
        if change.empty:
            return None
        return self._guarded(lambda: self.workspace.apply(change), change.size)

    def undo(self) -> ChangeResult | None:
        if not self.workspace.history.can_undo:
            return None
        return self._guarded(self.workspace.undo, self.workspace.history.done[-1].size)

    def redo(self) -> ChangeResult | None:
        if not self.workspace.history.can_redo:
            return None
        return self._guarded(self.workspace.redo, self.workspace.history.undone[-1].size)

    def _guarded(self, run: Callable[[], ChangeResult], cells: int) -> ChangeResult | None:
        """The journal writes first; if it refuses, nothing was applied and the user is told."""
        history = self.workspace.history
        done, undone = list(history.done), list(history.undone)
        # Applied on the GUI thread, where the project file's connection lives: an import
        # takes ~1.6 s per 300,000 cells, so the window says it is busy meanwhile.
        busy = cells > BUSY_CELLS
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = run()
        except (OSError, ValueError, RuntimeError, sqlite3.Error) as exc:
            history.done[:], history.undone[:] = done, undone  # undo/redo moved it already
            self.failed.emit(str(exc))
            return None
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        return self._announce(result)

    def _announce(self, result: ChangeResult) -> ChangeResult:
        if result.reshaped is not None:
            live = self.workspace.auditor.findings.values()
            self.index.reshape(result.reshaped, live, result.removed, result.added)
        else:
            self.index.update(result.removed, result.added)
        self.changed.emit(result)
        self.history_changed.emit()
        return result
