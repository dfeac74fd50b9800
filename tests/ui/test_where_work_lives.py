"""Where the work lives: a package opened again offers its project, the window and File >
Properties show the project's path, and the workbook is suggested beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.core.builders import station, write_package
from tests.ui.conftest import press
from ui.dialogs.properties_dialog import PropertiesDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def nation():
    return {"unit_id": "N", "unit_name": "Nation", "level": "nation", "parent_id": ""}


def test_a_package_opened_again_goes_on_in_its_project(qtbot, window: MainWindow, tmp_path):
    package = write_package(tmp_path / "pkg", [nation(), station("S1", "N")])
    task = window.files.open_path(package)
    assert task is not None
    qtbot.waitUntil(lambda: window.path is not None and window.path.name == "pkg.sanaq")
    first = window.path
    assert window.project.made_from()[0] == str(package.resolve())
    assert str(first) in window.windowTitle()

    assert window.files.open_path(package) is None  # a question first
    box = window.files.dialog
    assert isinstance(box, QMessageBox)
    assert str(first) in box.text()
    qtbot.waitUntil(box.isVisible)
    press(qtbot, Qt.Key.Key_Return)  # "Go on there" is the default
    qtbot.waitUntil(lambda: window.files.task is not None and window.files.task.done.is_set())
    qtbot.waitUntil(lambda: window.path == first)
    assert sorted(p.name for p in window.context.data_dir.glob("*.sanaq")) == ["pkg.sanaq"]
    assert window.files.export_name() == str(first.with_suffix(".xlsx"))

    dialog = PropertiesDialog(window.workspace.election, window.path, window.project, window)
    qtbot.addWidget(dialog)
    assert dialog.fields["propPath"].text() == str(first)
    assert dialog.fields["propMadeFrom"].text() == str(package.resolve())
    assert len(dialog.fields["propMadeFromHash"].text()) == 64


def test_a_changed_package_is_a_new_copy(qtbot, window: MainWindow, tmp_path):
    package = write_package(tmp_path / "pkg", [nation(), station("S1", "N")])
    window.files.open_path(package)
    qtbot.waitUntil(lambda: window.path is not None and window.path.name == "pkg.sanaq")
    write_package(tmp_path / "pkg", [nation(), station("S1", "N", a=61)])
    task = window.files.open_path(package)  # other content: no question, a new project
    assert task is not None
    qtbot.waitUntil(lambda: window.path is not None and window.path.name == "pkg-2.sanaq")
