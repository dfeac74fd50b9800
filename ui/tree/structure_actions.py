"""The unit tree's structure actions: add, rename, change id, cut and paste (move), delete,
and paste a column of names as new units. QActions, so menus and other panels can reuse them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTreeView, QWidget

from core.project.edits import Change
from core.project.structure import (
    MoveUnits,
    ReidUnit,
    StructureEdit,
    figures_in,
    new_children,
    removal,
)
from ui.controller import WorkspaceController
from ui.dialogs.add_units_dialog import AddUnitsDialog
from ui.formatting import tr
from ui.tree.unit_tree_model import UnitTreeModel

TREE_ONLY = Qt.ShortcutContext.WidgetWithChildrenShortcut


class StructureActions(QObject):
    """Each action works on the tree's current unit; its shortcut works while the tree has
    the focus (the table keeps Delete and Ctrl+V for figures). Dialogs open window-modal
    (`open`), so the keyboard drives them like any other window."""

    message = Signal(str)  # a refusal, for the status line

    def __init__(
        self,
        window: QWidget,
        view: QTreeView,
        model: UnitTreeModel,
        controller: WorkspaceController,
    ) -> None:
        super().__init__(window)
        self.window, self.view, self.model, self.controller = window, view, model, controller
        self._cut: list[str] = []  # unit ids waiting to be pasted elsewhere
        self.dialog: QWidget | None = None  # the dialog open now, for tests and automation
        self.add_action = self._action(tr("&Add units…"), "addUnitsAction", "Insert", self.add)
        self.rename_action = self._action(tr("&Rename"), "renameUnitAction", "F2", self.rename)
        self.change_id_action = self._action(
            tr("Change &id…"), "changeIdAction", "Shift+F2", self.change_id
        )
        self.cut_action = self._action(tr("Cu&t unit"), "cutUnitAction", "Ctrl+X", self.cut)
        self.paste_action = self._action(tr("&Paste here"), "pasteUnitAction", "Ctrl+V", self.paste)
        self.delete_action = self._action(
            tr("&Delete unit…"), "deleteUnitAction", "Delete", self.delete
        )
        self.actions = [
            self.add_action,
            self.rename_action,
            self.change_id_action,
            self.cut_action,
            self.paste_action,
            self.delete_action,
        ]
        view.addActions(self.actions)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(self, text: str, name: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(TREE_ONLY)
        action.triggered.connect(lambda *_: slot())  # type: ignore[operator]
        return action

    def current(self) -> int:
        return self.model.unit_of(self.view.currentIndex())

    @property
    def _election(self):  # type: ignore[no-untyped-def]
        return self.controller.workspace.election

    def _apply(self, label: str, edit: StructureEdit) -> bool:
        return self.controller.apply(Change(label, kind="structure", structure=edit)) is not None

    # --- the actions --------------------------------------------------------------------------

    def add(self) -> None:
        unit = self.current()
        if unit < 0:
            return
        dialog = AddUnitsDialog(self._election, unit, self.window)
        if dialog.level == "":
            self.message.emit(tr("A unit of this level has no level below it."))
            return

        def done(result: int) -> None:
            self.dialog = None
            if result == AddUnitsDialog.DialogCode.Accepted:
                n = dialog.count.value()
                label = tr("Adding of %1 units under %2").replace("%1", str(n))
                self._apply(label.replace("%2", self._election.units.names[unit]), dialog.edit())
            self.window.activateWindow()
            self.view.setFocus()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def rename(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(0))

    def change_id(self) -> None:
        unit = self.current()
        if unit < 0:
            return
        tree = self._election.units
        old = tree.ids[unit]
        dialog = QInputDialog(self.window)
        dialog.setObjectName("changeIdDialog")
        dialog.setWindowTitle(tr("Change id"))
        dialog.setLabelText(tr("New id of %1:").replace("%1", tree.names[unit]))
        dialog.setTextValue(old)

        def done(result: int) -> None:
            self.dialog = None
            new = dialog.textValue().strip()
            if result == QInputDialog.DialogCode.Accepted and new != old:
                self._apply(tr("New id for %1").replace("%1", old), ReidUnit(old, new))
            self.window.activateWindow()
            self.view.setFocus()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def cut(self) -> None:
        unit = self.current()
        if unit < 0:
            return
        tree = self._election.units
        self._cut = [tree.ids[unit]]
        text = tr("%1 cut: choose where it goes and paste (Ctrl+V)")
        self.message.emit(text.replace("%1", tree.names[unit]))

    def paste(self) -> None:
        """A cut unit moves under the current one; else the clipboard's lines become new
        units under it (one column of names, or ids and names in two)."""
        target = self.current()
        if target < 0:
            return
        tree = self._election.units
        cut = [u for u in self._cut if u in tree.index]
        if cut:
            self._cut = []
            parents = tuple(tree.ids[int(tree.parent[tree.index[u]])] for u in cut)
            label = tr("Move of %1 under %2").replace("%1", tree.names[tree.index[cut[0]]])
            self._apply(
                label.replace("%2", tree.names[target]),
                MoveUnits(tuple(cut), parents, tree.ids[target]),
            )
            return
        self.paste_names(target, QGuiApplication.clipboard().text())

    def paste_names(self, parent: int, text: str) -> bool:
        rows = [line.split("\t") for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        if not rows:
            return False
        tree = self._election.units
        if all(len(r) >= 2 for r in rows):
            ids, names = [r[0].strip() for r in rows], [r[1].strip() for r in rows]
        else:
            first = len(tree.children(parent)) + 1
            names = [r[0].strip() for r in rows]
            ids = [f"{tree.ids[parent]}-{first + i}" for i in range(len(rows))]
        try:
            edit = new_children(self._election, parent, ids, names)
        except ValueError as exc:
            self.message.emit(tr("Not changed: %1").replace("%1", str(exc)))
            return False
        label = tr("Paste of %1 units under %2").replace("%1", str(len(ids)))
        return self._apply(label.replace("%2", tree.names[parent]), edit)

    def delete(self) -> None:
        unit = self.current()
        if unit < 0:
            return
        election = self._election
        tree = election.units
        if int(tree.parent[unit]) < 0:
            self.message.emit(tr("Not changed: the root unit cannot be removed"))
            return
        edit = removal(election, [unit])
        units, figures = len(edit.rows), figures_in(edit.rows)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Delete unit"),
            tr("Delete %1 and everything below it?").replace("%1", tree.names[unit]),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("deleteUnitBox")
        info = tr("%1 units and %2 figures go. Undo (Ctrl+Z) brings them back.")
        box.setInformativeText(info.replace("%1", str(units)).replace("%2", str(figures)))
        delete = box.addButton(tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        name = tree.names[unit]

        def done(_: int) -> None:
            self.dialog = None
            if box.clickedButton() is delete:
                self._apply(tr("Deletion of %1").replace("%1", name), edit)
            self.window.activateWindow()
            self.view.setFocus()

        box.finished.connect(done)
        self.dialog = box
        box.open()
