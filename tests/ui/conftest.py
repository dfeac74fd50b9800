"""Fixtures for the window's stories: the sample open in a fresh window, with its own settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication

from core.cli.audit import SAMPLE
from core.opener.load import load
from core.project.session import Workspace
from ui.context import AppContext
from ui.main_window import MainWindow

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(settings, data_dir=tmp_path / "data")


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    w = MainWindow(context, Workspace(load(SAMPLE)), locale=ENGLISH)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def click_unit(qtbot, window: MainWindow, unit_id: str) -> None:
    """Click the unit's row in the tree, as a person would."""
    unit = window.workspace.election.units.index[unit_id]
    index = window.tree_model.index_of(unit)
    window.unit_tree.scrollTo(index)
    rect = window.unit_tree.visualRect(index)
    qtbot.mouseClick(window.unit_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def focus_cell(window: MainWindow, unit_id: str, field: str) -> QModelIndex:
    unit = window.workspace.election.units.index[unit_id]
    cell = window.results_model.cell_index(unit, field)
    assert cell.isValid()
    window.results_view.setFocus()
    window.results_view.setCurrentIndex(cell)
    QApplication.processEvents()
    return cell


def type_keys(qtbot, text: str, end: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """Type into whatever has focus, key by key: the first key opens the editor."""
    for ch in text:
        QApplication.processEvents()
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClicks(target, ch)
    if end is not None:
        QApplication.processEvents()
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClick(target, end)
    QApplication.processEvents()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    QApplication.processEvents()
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    QApplication.processEvents()


@pytest.fixture(scope="session")
def small_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic election with every level: 3,000 stations, 5 parties, observer copies."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("pkg") / "small"
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
    subprocess.run(
        [
            sys.executable,
            str(script),
            str(out),
            "--stations",
            "3000",
            "--parties",
            "5",
            "--observer-share",
            "0.1",
            "--errors",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    return out
