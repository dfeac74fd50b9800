"""Stories on the app's files: the sample becomes a project, every edit is journalled at once,
a killed process loses nothing, files open and save off the GUI thread, Cancel changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from core.cli.audit import SAMPLE
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.store import Project
from ui.app import create_window
from ui.context import AppContext
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


def _edit(window: MainWindow, unit_id: str, field: str, new: int) -> None:
    figs = window.workspace.election.source("official")
    old = figs.value(field, window.workspace.election.units.index[unit_id])
    window.controller.apply(Change("Entry", (CellEdit(unit_id, "official", field, old, new),)))


def _open_window(qtbot, context: AppContext) -> MainWindow:
    window = create_window(context)
    qtbot.addWidget(window)
    return window


def test_first_start_copies_the_sample_into_a_project(qtbot, context: AppContext) -> None:
    window = _open_window(qtbot, context)
    assert window.project is not None
    assert window.path is not None
    assert window.path.parent == context.data_dir
    assert context.last_project == window.path
    _edit(window, "KZ-01", "votes:NO", 278210)
    assert [e.label for e in window.project.journal()] == ["Entry"]
    window.close()

    again = _open_window(qtbot, context)
    assert again.path == window.path
    units = again.workspace.election.units
    assert (
        again.workspace.election.source("official").value("votes:NO", units.index["KZ-01"])
        == 278210
    )
    assert again.project is not None
    assert again.project.verify().problems == []
    again.close()


def test_a_killed_process_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = textwrap.dedent(
        f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from core.project.edits import CellEdit, Change
        from ui.app import create_window
        from ui.context import AppContext
        app = QApplication([])
        ctx = AppContext(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat),
                         data_dir=__import__("pathlib").Path({str(data)!r}))
        w = create_window(ctx)
        print(w.path, flush=True)
        for i in range(1000):
            figs = w.workspace.election.source("official")
            u = w.workspace.election.units.index["KZ-05"]
            old = figs.value("votes:AJ", u)
            edit = CellEdit("KZ-05", "official", "votes:AJ", old, i)
            w.controller.apply(Change("Entry", (edit,)))
            print(i, flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    path = Path(proc.stdout.readline().strip())
    acked = -1
    while acked < 20:
        acked = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    project = Project.open(path)
    try:
        units = project.election.units
        value = project.election.source("official").value("votes:AJ", units.index["KZ-05"])
        assert value is not None
        assert value >= acked  # every acknowledged edit, maybe one more that was on its way
        assert project.verify().problems == []
    finally:
        project.close()


def test_open_a_package_in_the_background(qtbot, window: MainWindow, small_package: Path) -> None:
    before = window.workspace
    task = window.files.open_path(small_package)
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=20000)
    assert task.done.is_set()
    assert window.workspace.election.stations() == 3000
    assert window.project is not None
    assert window.path is not None
    assert window.path.suffix == ".sanaq"
    assert window.context.last_project == window.path
    assert window.tree_model.rowCount() == 1
    assert window.results_model.rowCount() > 1


def test_cancel_leaves_the_project_as_it_was(qtbot, window: MainWindow, small_package) -> None:
    before = window.workspace
    files = set(window.context.data_dir.glob("*")) if window.context.data_dir.exists() else set()
    task = window.files.open_path(small_package)
    task.cancel()
    qtbot.waitUntil(task.done.is_set, timeout=20000)
    qtbot.wait(50)
    assert window.workspace is before
    after = set(window.context.data_dir.glob("*")) if window.context.data_dir.exists() else set()
    assert after == files  # the copy made for the opening is gone again


def test_a_refused_file_says_why_and_changes_nothing(qtbot, window: MainWindow, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not an election")
    before = window.workspace
    task = window.files.open_path(bad)
    qtbot.waitUntil(task.done.is_set, timeout=10000)
    qtbot.waitUntil(lambda: "not an election package" in window.message_label.toolTip())
    assert window.workspace is before


def test_save_as_goes_on_in_the_copy(qtbot, context: AppContext, tmp_path: Path) -> None:
    window = _open_window(qtbot, context)
    _edit(window, "KZ-01", "votes:NO", 1)
    copy = tmp_path / "copy.sanaq"
    task = window.files.save_to(copy)
    qtbot.waitUntil(lambda: window.path == copy, timeout=10000)
    assert task.done.is_set()
    _edit(window, "KZ-01", "votes:NO", 2)
    window.close()
    project = Project.open(copy)
    try:
        assert [e.label for e in project.journal()] == ["Entry", "Entry"]
        units = project.election.units
        assert project.election.source("official").value("votes:NO", units.index["KZ-01"]) == 2
    finally:
        project.close()


def test_dropping_a_file_opens_it(qtbot, window: MainWindow, small_package: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(small_package))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    before = window.workspace
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=20000)
    assert window.workspace.election.stations() == 3000


def test_review_notes_are_kept_in_the_project(qtbot, context: AppContext) -> None:
    window = _open_window(qtbot, context)
    model = window.findings_panel.model
    row = next(r for r in range(model.rowCount()) if model.finding_at(r).rule == "pct.recomputed")
    model.apply_review(model.finding_at(row), ("explained", "misprint in the table"))
    window.close()
    again = _open_window(qtbot, context)
    finding = next(f for f in again.workspace.findings if f.rule == "pct.recomputed")
    assert again.workspace.review_of(finding) == ("explained", "misprint in the table")
    again.close()


def test_export_the_audited_workbook_in_the_background(qtbot, window: MainWindow, tmp_path):
    out = tmp_path / "audited.xlsx"
    task = window.files.export_to(out)
    qtbot.waitUntil(task.done.is_set, timeout=30000)
    qtbot.waitUntil(lambda: "Exported" in window.message_label.text())
    assert out.stat().st_size > 0


def test_cancelled_export_leaves_no_file(qtbot, window: MainWindow, tmp_path) -> None:
    out = tmp_path / "audited.xlsx"
    task = window.files.export_to(out)
    task.cancel()
    qtbot.waitUntil(task.done.is_set, timeout=30000)
    qtbot.wait(50)
    assert not out.exists()


def test_a_dialog_applying_through_the_window_updates_every_view(qtbot, window: MainWindow):
    from ui.file_actions import RoutedWorkspace

    routed = RoutedWorkspace(window.controller)
    assert routed.election is window.workspace.election
    units = window.workspace.election.units
    change = Change("Import of 1 row", (CellEdit("KZ-03", "official", "pct:ADAL", 5.21, 5.86),))
    with qtbot.waitSignal(window.workspace_changed) as signal:
        routed.apply(change)
    assert signal.args[0].removed
    assert "0 warnings" in window.summary_bar.text()
    assert window.files.undo_action.text() == "&Undo import of 1 row"
    pct = {f.unit for f in window.workspace.findings if f.rule == "pct.recomputed"}
    assert units.index["KZ-03"] not in pct


def test_recent_files_put_the_last_opened_first(qtbot, window: MainWindow, small_package):
    first = window.context.recent_files()
    task = window.files.open_path(small_package)
    qtbot.waitUntil(task.done.is_set, timeout=20000)
    qtbot.waitUntil(lambda: window.path is not None and window.path.name == "small.sanaq")
    recent = window.context.recent_files()
    assert recent[0] == str(window.path)
    assert recent[1:] == [p for p in first if p != str(window.path)]
    window.files._fill_recent()
    assert [a.text() for a in window.files.recent_menu.actions()] == recent


def test_a_new_election_gets_its_own_project(qtbot, window: MainWindow) -> None:
    from core.cli.audit import SAMPLE
    from core.opener.load import load

    election = load(SAMPLE)
    chosen = window.context.data_dir / "chosen" / "new election.sanaq"
    window.files.open_election(election, chosen)
    assert window.workspace.election is election
    assert window.project is not None
    assert window.path == chosen
    assert chosen.is_file()


@pytest.mark.parametrize(
    "damage",
    [
        ("deep", "journal entry 2: its payload is nested deeper than 64 levels"),
        ("page", "the project file is damaged: SQLite's quick_check finds"),
    ],
)
def test_a_damaged_last_project_opens_the_sample_and_says_why(
    qtbot, context: AppContext, tmp_path: Path, damage: tuple[str, str]
) -> None:
    from tests.core.project import forger

    how, says = damage
    last = tmp_path / "last.sanaq"
    with Project.create(last, load(SAMPLE)) as project:
        project.append(Change("Entry", (CellEdit("KZ-01", "official", "votes:NO", None, 1),)))
    if how == "deep":
        forger.append_raw(last, '{"label": "x", "edits": ' + "[" * 50_000 + "]" * 50_000 + "}")
    else:
        forger.destroy_page(last, "sqlite_autoindex_snapshot_1")
    context.remember(last)
    window = _open_window(qtbot, context)  # no RecursionError, no exit: the window is there
    assert window.project is None
    assert window.workspace.election.units.ids[0] == "KZ"  # the sample
    qtbot.waitUntil(lambda: says in window.message_label.toolTip(), timeout=10000)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None
    assert says in box.informativeText()
    box.close()
