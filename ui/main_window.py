"""MainWindow: the unit tree, the results table, the findings panel and the status line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.model.election import SOURCES
from core.project.session import ChangeResult, Workspace
from core.project.store import Project
from core.rules.finding import Finding
from ui.context import AppContext
from ui.controller import WorkspaceController
from ui.dialogs.protocol_form import ProtocolForm
from ui.file_actions import FileActions
from ui.findings.findings_panel import FindingsPanel
from ui.formatting import display_locale, source_label, tr
from ui.summary_bar import SummaryBar
from ui.table.results_model import ResultsModel
from ui.table.results_view import ResultsView
from ui.tree.structure_actions import StructureActions
from ui.tree.unit_tree_model import UnitTreeModel


class MainWindow(QMainWindow):
    """Extension points for other panels: `workspace`, `unit_selected`, `select_unit`,
    `workspace_changed` and `add_dock`."""

    unit_selected = Signal(int)
    workspace_changed = Signal(object)  # ChangeResult, also after undo and redo

    def __init__(
        self,
        context: AppContext,
        workspace: Workspace,
        path: Path | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
        project: Project | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.locale_ = display_locale(locale)
        # the controller holds the project file every change is journalled to (None: not saved)
        self.controller = WorkspaceController(workspace, self, path, project)
        self.controller.changed.connect(self.workspace_changed)
        self.controller.reset.connect(self._on_controller_reset)
        self.controller.failed.connect(self._on_controller_failed)

        self.tree_model = UnitTreeModel(self.controller, self.locale_, self)
        self.unit_tree = QTreeView(self)
        self.unit_tree.setObjectName("unitTree")
        self.unit_tree.setAccessibleName(tr("Units"))
        self.unit_tree.setModel(self.tree_model)
        self.unit_tree.setUniformRowHeights(True)  # lets the view skip measuring every row
        self.unit_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed width: fitting it to contents would ask every expanded row on each change.
        self.unit_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.unit_tree.header().setStretchLastSection(False)
        self.unit_tree.header().resizeSection(1, 64)
        self.unit_tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        # a unit dragged onto another moves under it (the model makes the Change)
        self.unit_tree.setDragEnabled(True)
        self.unit_tree.setAcceptDrops(True)
        self.unit_tree.setDropIndicatorShown(True)
        self.unit_tree.setDragDropMode(QTreeView.DragDropMode.DragDrop)
        self.unit_tree.setDefaultDropAction(Qt.DropAction.MoveAction)

        self.results_model = ResultsModel(self.controller, self.locale_, self)
        self.results_view = ResultsView(self.results_model, self.controller, self)
        self.results_view.message.connect(self.show_message)
        self.results_view.protocol_requested.connect(self.open_protocol_form)
        self.source_switch = QComboBox(self)
        self.source_switch.setObjectName("sourceSwitch")
        self.source_switch.setAccessibleName(tr("Source of the figures"))
        for src in SOURCES:
            self.source_switch.addItem(source_label(src), src)
        self.source_switch.currentIndexChanged.connect(self._on_source_switch_changed)
        self.table_title = QLabel(self)
        self.table_title.setObjectName("tableTitle")

        right = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.table_title, 1)
        switch_label = QLabel(tr("&Source:"), right)
        switch_label.setBuddy(self.source_switch)
        bar.addWidget(switch_label)
        bar.addWidget(self.source_switch)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.results_view)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.unit_tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 980])
        self.setCentralWidget(splitter)

        self.findings_panel = FindingsPanel(self.controller, self)
        self.findings_panel.finding_activated.connect(self.go_to_finding)
        self.findings_dock = self.add_dock(self.findings_panel, tr("Findings"))
        self.findings_dock.setObjectName("findingsDock")

        self.message_label = QLabel(self)
        self.message_label.setObjectName("entryMessage")
        self.message_label.setStyleSheet("color: #c62828")
        self.summary_bar = SummaryBar(self.controller, self.locale_, self)
        self.statusBar().addWidget(self.message_label, 1)
        self.statusBar().addPermanentWidget(self.summary_bar)

        self.files = FileActions(self, self.controller, context)
        self.files.message.connect(self.show_message)
        self.files.history_moved.connect(self._on_files_history_moved)
        self.structure = StructureActions(self, self.unit_tree, self.tree_model, self.controller)
        self.structure.message.connect(self.show_message)
        self.tree_model.restructuring.connect(self._on_tree_model_restructuring)
        self.tree_model.restructured.connect(self._on_tree_model_restructured)
        self._expanded: list[str] = []
        self._cell: tuple[str, str] | None = None  # (unit id, field) of the table's cursor
        self.results_view.selectionModel().currentChanged.connect(self._on_results_current_changed)
        self.results_model.modelReset.connect(self._on_results_model_reset)
        # after every model: they have followed the change when the window places the cursor
        self.controller.changed.connect(self._on_controller_changed)
        self._build_menus()
        self.setAcceptDrops(True)
        self._layout_restored = False
        self.plots_panel: QWidget | None = None
        self.plots_dock: QDockWidget | None = None
        self.signals_dock: QDockWidget | None = None
        # pyqtgraph takes longer to import than the window takes to show: dock it right after.
        QTimer.singleShot(0, self._attach_plots)
        self.resize(1280, 800)
        self.resizeDocks([self.findings_dock], [240], Qt.Orientation.Vertical)
        self._on_controller_reset()

    # --- extension points ---------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self.controller.workspace

    @property
    def project(self) -> Project | None:
        return self.controller.project

    @property
    def path(self) -> Path | None:
        return self.controller.path

    def add_dock(self, widget: QWidget, title: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title}")
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def restore_layout(self, geometry: object, state: object) -> None:
        """Window size and dock places as saved on closing (absent on a first start)."""
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self._layout_restored = self.restoreState(state)

    def select_unit(self, unit: int) -> None:
        """Show the unit in the tree (expanding its ancestors) and its table."""
        index = self.tree_model.index_of(unit)
        parent = index.parent()
        while parent.isValid():
            self.unit_tree.expand(parent)
            parent = parent.parent()
        self.unit_tree.setCurrentIndex(index)
        self.unit_tree.scrollTo(index)
        if self.results_model.unit != unit:
            self._show_unit(unit)

    # --- slots --------------------------------------------------------------------------------

    def _show_unit(self, unit: int) -> None:
        self.results_model.set_unit(unit)
        self.results_view.fit_name_column()
        self._title(unit)
        self.unit_selected.emit(unit)

    def _title(self, unit: int) -> None:
        tree = self.workspace.election.units
        level = self.workspace.election.info.levels[int(tree.level[unit])]
        self.table_title.setText(f"<b>{tree.names[unit]}</b> ({tr(level)}, {tree.ids[unit]})")

    def _on_tree_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            unit = self.tree_model.unit_of(indexes[0])
            if unit != self.results_model.unit:
                self._show_unit(unit)

    def _on_source_switch_changed(self, _: int) -> None:
        self.results_model.set_source(str(self.source_switch.currentData()))

    def _build_menus(self) -> None:
        files, menus = self.files, self.menuBar()
        file = menus.addMenu(tr("&File"))
        file.addActions([files.new_action, files.open_action, files.open_folder_action])
        file.addMenu(files.recent_menu)
        file.addSeparator()
        file.addActions([files.import_action, files.merge_action])
        file.addActions([files.save_as_action, files.export_action])
        file.addAction(files.properties_action)
        file.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file.addAction(quit_action)
        edit = menus.addMenu(tr("&Edit"))
        edit.addActions([files.undo_action, files.redo_action])
        edit.addSeparator()
        form = QAction(tr("&Protocol form…"), self)
        form.setObjectName("protocolAction")
        form.setShortcut(QKeySequence("Ctrl+Return"))
        form.triggered.connect(self._on_protocol_action_triggered)
        edit.addAction(form)
        units = menus.addMenu(tr("&Units"))
        units.setObjectName("unitsMenu")
        units.addActions(self.structure.actions)
        view = menus.addMenu(tr("&View"))
        view.addAction(self.findings_dock.toggleViewAction())

    def _on_protocol_action_triggered(self) -> None:
        view = self.results_view
        if view.currentIndex().isValid():
            self.open_protocol_form(view.results().unit_at(view.currentIndex().row()))

    def _on_controller_reset(self) -> None:
        if self.plots_dock is not None:
            self._attach_plots()  # built anew for the other election
        e = self.workspace.election
        where = f" — {self.path}" if self.path else " — " + tr("not saved")
        self.setWindowTitle(f"{e.info.name}{where} — Sanaq")
        root = e.units.root
        # The id index is built on first use; build it now, not on the first figure typed.
        QTimer.singleShot(0, lambda: e.units.index)
        self.unit_tree.expand(self.tree_model.index_of(root))
        self._show_unit(root)  # even when the table already holds the root: title, announce
        self.select_unit(root)
        if len(e.units) == 1:
            self.unit_tree.setFocus()  # a new election: its first job is to build the units

    # --- structure edits and the cursor -------------------------------------------------------

    def _on_tree_model_restructuring(self) -> None:
        """Remember what was expanded (by unit id: positions may change)."""
        tree, model, view = self.workspace.election.units, self.tree_model, self.unit_tree
        ids = tree.ids
        self._expanded = [
            ids[u]
            for u in model.fetched_units()
            if u < len(ids) and view.isExpanded(model.index_of(u))
        ]

    def _on_tree_model_restructured(self) -> None:
        tree = self.workspace.election.units
        units = [tree.index[u] for u in self._expanded if u in tree.index]
        for u in sorted(units, key=lambda u: int(tree.depth[u])):
            self.unit_tree.expand(self.tree_model.index_of(u))

    def _on_results_current_changed(self, current: object, _: object) -> None:
        model = self.results_model
        index = self.results_view.currentIndex()
        if index.isValid() and 0 <= index.row() < model.rowCount():
            field = model.field_at(index.column()) or ""
            self._cell = (self.workspace.election.units.ids[model.unit_at(index.row())], field)

    def _on_results_model_reset(self) -> None:
        """The table was rebuilt (another unit, a structure edit): the cursor goes back to
        the unit and field it was on, if they are still in the table."""
        if self._cell is None:
            return
        uid, field = self._cell
        tree = self.workspace.election.units
        unit = tree.index.get(uid, -1)
        cell = self.results_model.cell_index(unit, field) if field else QModelIndex()
        if not cell.isValid() and unit >= 0:
            row = self.results_model.row_of(unit)
            cell = self.results_model.index(row, 0) if row >= 0 else QModelIndex()
        if cell.isValid():
            self.results_view.setCurrentIndex(cell)

    def _on_controller_changed(self, result: ChangeResult) -> None:
        r = result.reshaped
        if r is None:
            return
        tree = self.workspace.election.units
        shown = self.results_model.unit
        if r.shift is not None and r.dirty.size and shown == tree.root:
            # a removal: the removed unit's parent is shown (the root when it was the parent)
            shown = int(r.dirty[0])
        focus_tree = self.unit_tree.hasFocus()
        new = set(r.added.tolist())
        for p in {int(tree.parent[u]) for u in new} - new - {-1}:
            kids = tree.children(p)
            if len(new) <= 1000 and all(int(k) in new for k in kids):
                # its first units: show them (a parent that had units stays as it was)
                self.unit_tree.expand(self.tree_model.index_of(p))
        current = self.tree_model.unit_of(self.unit_tree.currentIndex())
        target = shown if current < 0 or r.shift is not None else current
        if target != current or not self.unit_tree.currentIndex().isValid():
            self.select_unit(target)  # else the tree already shows it (units were added)
        elif self.results_model.unit != target:
            self._show_unit(target)
        if r.shift is not None:
            self.unit_selected.emit(self.results_model.unit)  # positions moved: panels follow
        self._title(self.results_model.unit)  # the unit shown may be another, or renamed
        if focus_tree:
            self.unit_tree.setFocus()

    def _on_files_history_moved(self, result: ChangeResult) -> None:
        """After undo or redo the cursor goes to the cell that changed (its unit's table)."""
        if not result.cells:
            if result.reshaped is not None:
                units = [*result.reshaped.added.tolist(), *result.reshaped.dirty.tolist()]
                if units:
                    self.select_unit(int(units[0]))
            return
        unit, source, field = result.cells[0]
        tree = self.workspace.election.units
        if self.results_model.row_of(unit) < 0:  # not in the table shown: show its unit's
            has_kids = tree.child_start[unit + 1] > tree.child_start[unit]
            parent = int(tree.parent[unit])
            self.select_unit(unit if has_kids or parent < 0 else parent)
        i = self.source_switch.findData(source)
        if i >= 0 and i != self.source_switch.currentIndex():
            self.source_switch.setCurrentIndex(i)
        cell = self.results_model.cell_index(unit, field)
        if cell.isValid():
            self.results_view.setCurrentIndex(cell)
            self.results_view.scrollTo(cell)
        self.results_view.setFocus()

    def _on_controller_failed(self, text: str) -> None:
        self.show_message(tr("Not changed: %1").replace("%1", text))

    def show_message(self, text: str) -> None:
        self.message_label.setText(text.splitlines()[0] if text else "")
        self.message_label.setToolTip(text)
        self.statusBar().setToolTip(text)

    def go_to_finding(self, f: Finding) -> None:
        """Select the unit that shows the finding's cell, switch source, and put focus on it."""
        tree = self.workspace.election.units
        has_kids = tree.child_start[f.unit + 1] > tree.child_start[f.unit]
        parent = int(tree.parent[f.unit])
        self.select_unit(f.unit if has_kids or parent < 0 else parent)
        i = self.source_switch.findData(f.source)
        if i >= 0:
            self.source_switch.setCurrentIndex(i)
        cell = self.results_model.cell_index(f.unit, f.field)
        if cell.isValid():
            self.results_view.setCurrentIndex(cell)
            self.results_view.scrollTo(cell)
        self.results_view.setFocus()

    def open_protocol_form(self, unit: int) -> None:
        form = ProtocolForm(
            self.workspace.election, unit, self.results_model.source, self.locale_, self
        )
        if form.exec():
            self.controller.apply(form.change())

    # --- plots, docked once the window shows -------------------------------------------------

    def _attach_plots(self) -> None:
        if self.plots_dock is not None and self.plots_panel is not None:
            self.unit_selected.disconnect(self.plots_panel.show_unit)  # type: ignore[attr-defined]
            self.workspace_changed.disconnect(self.plots_panel.refresh)  # type: ignore[attr-defined]
        from ui.plots.panel import PlotsPanel  # imported late: pyqtgraph takes ~0.5 s

        if self.plots_dock is not None:
            self.removeDockWidget(self.plots_dock)
            self.plots_dock.deleteLater()
        panel = PlotsPanel(self.workspace, self)
        panel.setObjectName("plotsPanel")
        panel.unit_activated.connect(self.select_unit)
        self.unit_selected.connect(panel.show_unit)
        self.workspace_changed.connect(panel.refresh)
        self.plots_panel = panel
        self.plots_dock = self.add_dock(panel, tr("Plots"))
        self.plots_dock.visibilityChanged.connect(self._on_plots_dock_visibility_changed)
        self.tabifyDockWidget(self.findings_dock, self.plots_dock)
        if self._layout_restored:
            self.restoreDockWidget(self.plots_dock)  # where the user left it last time
        self._attach_signals()
        self.findings_dock.raise_()
        if self.results_model.unit >= 0:
            panel.show_unit(self.results_model.unit)

    def _on_plots_dock_visibility_changed(self, shown: bool) -> None:
        if shown and self.plots_panel is not None:
            self.plots_panel.redraw_now()  # type: ignore[attr-defined]

    def _attach_signals(self) -> None:
        """The statistical screens, in their own dock beside Findings (never inside it)."""
        from ui.signals.signals_dock import attach_signals

        self.signals_dock = attach_signals(self, self.signals_dock)
        if self._layout_restored:
            self.restoreDockWidget(self.signals_dock)

    def replace_workspace(
        self, workspace: Workspace, path: Path | None, project: Project | None = None
    ) -> None:
        """Another election: every model resets, and the plots panel is built anew for it."""
        self.controller.replace(workspace, path, project)

    # --- drag and drop, closing ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.settings.setValue("window/geometry", self.saveGeometry())
        self.context.settings.setValue("window/state", self.saveState())
        self.files.close_project()
        self.controller.close()
        super().closeEvent(event)
