"""Every dialog can be used without a mouse: Tab reaches each control and leaves it, and
Shift+Tab walks the same ring backwards. A table or list that kept Tab would be a trap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialog, QWidget, QWizard

from core.project.structure import figures_in, removal
from tests.ui.conftest import ENGLISH, press
from ui.dialogs.add_units_dialog import AddUnitsDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.new_election_dialog import NewElectionDialog
from ui.dialogs.properties_dialog import PropertiesDialog
from ui.dialogs.protocol_form import ProtocolForm
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def controls(dialog: QWidget) -> set[QWidget]:
    """What a person can put the keyboard on: visible, enabled, taking Tab focus."""
    out = set()
    for w in dialog.findChildren(QWidget):
        if not (w.isVisibleTo(dialog) and w.isEnabled()):
            continue
        if not w.focusPolicy() & Qt.FocusPolicy.TabFocus or w.focusProxy() is not None:
            continue
        if isinstance(w.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own line edit: the spin box takes the focus
        out.add(w)
    return out


def walk(qtbot, dialog: QWidget, key: Qt.Key) -> list[QWidget]:
    """Press the key until the focus comes back to where it started; the ring it walked."""
    QApplication.processEvents()
    start = QApplication.focusWidget()
    assert start is not None
    ring: list[QWidget] = []
    for _ in range(200):
        press(qtbot, key)
        now = QApplication.focusWidget()
        assert now is not None
        assert now.window() is dialog.window(), f"{key.name} left the dialog for {now}"
        if now is start:
            return ring
        ring.append(now)
    raise AssertionError(f"{key.name} never came back to {start.objectName()}: a trap")


def assert_tab_walk(qtbot, dialog: QWidget) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    forward = walk(qtbot, dialog, Qt.Key.Key_Tab)
    backward = walk(qtbot, dialog, Qt.Key.Key_Backtab)
    start = QApplication.focusWidget()
    assert set(forward) | {start} == controls(dialog)
    assert backward == forward[::-1]


@pytest.fixture
def dialogs(window: MainWindow):
    made: list[QDialog] = []
    yield made
    for d in made:
        d.close()
        d.deleteLater()


def test_new_election(qtbot, window, dialogs) -> None:
    d = NewElectionDialog(window)
    dialogs.append(d)
    d.add_contestant("NO", "Nur Otan", 1)  # a table with a row in it, not only the header
    d.seats.setChecked(True)  # the seat controls too
    assert_tab_walk(qtbot, d)


def test_add_units(qtbot, window, dialogs) -> None:
    d = AddUnitsDialog(window.workspace.election, window.workspace.election.units.root, window)
    dialogs.append(d)
    assert_tab_walk(qtbot, d)


def test_protocol_form(qtbot, window, dialogs) -> None:
    e = window.workspace.election
    d = ProtocolForm(e, e.units.index["KZ-03"], "official", ENGLISH, window)
    dialogs.append(d)
    assert_tab_walk(qtbot, d)


def test_properties(qtbot, window, dialogs) -> None:
    d = PropertiesDialog(window.workspace.election, window.path, window.project, window)
    dialogs.append(d)
    assert_tab_walk(qtbot, d)


def test_import_every_page(qtbot, window, dialogs, tmp_path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("unit_id,votes:NO\nKZ-01,5\nKZ-02,6\n", encoding="utf-8")
    d = ImportDialog(window.workspace, window, path)
    dialogs.append(d)
    d.show()
    for page in range(4):
        assert d.currentId() == page
        assert_tab_walk(qtbot, d)
        if page < 3:
            d.button(QWizard.WizardButton.NextButton).click()


def test_structure_dialogs(qtbot, window, dialogs) -> None:
    """Change id and the delete confirmation: Qt's own dialogs, opened by the tree's actions."""
    tree = window.workspace.election.units
    window.select_unit(tree.index["KZ-03"])
    window.unit_tree.setFocus()
    for action, name in (
        (window.structure.change_id_action, "changeIdDialog"),
        (window.structure.delete_action, "deleteUnitBox"),
    ):
        action.trigger()
        d = window.structure.dialog
        assert d is not None
        assert d.objectName() == name
        assert_tab_walk(qtbot, d)
        d.reject()
    edit = removal(window.workspace.election, [tree.index["KZ-03"]])
    assert figures_in(edit.rows) > 0
