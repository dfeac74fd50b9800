"""The import wizard as a user meets it: a messy file refused whole, a clean one imported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from core.cli import audit as cli
from core.opener.load import load
from core.project.session import Workspace
from ui.dialogs.import_dialog import ImportDialog, ProblemsModel, RawTableModel

# The offscreen platform warns when a wizard resizes itself to its pages; harmless there.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def table(rows: list[list[str]], sep: str = ";") -> str:
    return "".join(sep.join(r) + "\n" for r in rows)


MESSY = table(
    [
        ["Регион", "Nur Otan", "Недействительные бюллетени", "Явка, %"],
        ["Akmola Region", "278209", "5100", "75,3"],
        ["Aktobe Region", "двести", "4000", "70"],
        ["Almaty", "178461", "3 100", "55,5"],
        ["Итого", "456670", "12200", "66"],
    ]
)
CLEAN = table(
    [
        ["unit_id", "Регион", "Adal", "Жарамсыз бюллетеньдер"],
        ["KZ-03", "Almaty", "18900", "4321"],
        ["KZ-04", "Almaty Region", "51544", "2000"],
    ],
    ",",
)


@pytest.fixture
def workspace() -> Workspace:
    return Workspace(load(cli.SAMPLE))


def problems_shown(model: ProblemsModel) -> list[tuple[str, str, str]]:
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def walk_to_check_page(qtbot, dialog: ImportDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    while dialog.currentPage() is not dialog.check_page:
        dialog.next()


def test_messy_csv_lists_every_problem_and_changes_nothing(
    qtbot, qtmodeltester, workspace, tmp_path
):
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode("cp1251"))
    official = workspace.election.sources["official"]
    before = official.value("votes:NO", 1)
    dialog = ImportDialog(workspace, path=path)
    qtbot.addWidget(dialog)

    # Forced to UTF-8, the Cyrillic lines are named as unreadable.
    dialog.file_page.encoding.setCurrentIndex(dialog.file_page.encoding.findData("utf-8"))
    assert dialog.raw is not None
    assert {p.row for p in dialog.raw.problems} == {1, 3, 5}
    # Detected, the file reads as Windows-1251 and the wizard says so.
    dialog.file_page.encoding.setCurrentIndex(0)
    assert "Windows-1251" in dialog.file_page.status.text()
    assert dialog.preview_model.index(0, 0).data() == "Akmola Region"
    assert dialog.preview_model.headerData(0, Qt.Orientation.Vertical) == 2
    qtmodeltester.check(dialog.preview_model)

    walk_to_check_page(qtbot, dialog)
    mapping = dialog.mapping_page.mapping()
    assert mapping == {0: "unit_name", 1: "votes:NO", 2: "invalid", 3: "pct:turnout"}
    shown = problems_shown(dialog.problems_model)
    assert shown == [("3", "Nur Otan", "двести"), ("4", "Недействительные бюллетени", "3 100")]
    qtmodeltester.check(dialog.problems_model)
    assert "Row 5 left out as a total row" in dialog.check_page.notes.text()
    assert "Windows-1251" in dialog.check_page.notes.text()
    assert not dialog.button(QWizard.WizardButton.FinishButton).isEnabled()

    # Allowing thousands separators clears one problem, not the text in a count.
    dialog.check_page.thousands.setChecked(True)
    assert problems_shown(dialog.problems_model) == [("3", "Nur Otan", "двести")]
    assert not dialog.button(QWizard.WizardButton.FinishButton).isEnabled()

    dialog.reject()
    assert official.value("votes:NO", 1) == before
    assert "observer" not in workspace.election.sources
    assert not workspace.history.can_undo


def test_clean_file_is_imported_as_one_undoable_change(qtbot, workspace, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    official = workspace.election.sources["official"]
    dialog = ImportDialog(workspace, path=path)
    walk_to_check_page(qtbot, dialog)
    assert dialog.check_page.summary.text() == "3 cells will change in 2 units (2 rows read)."
    finish = dialog.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert official.value("votes:ADAL", 3) == 18900
    assert official.value("invalid", 4) == 2000
    assert workspace.history.undo_label == "Import of 2 rows from clean.csv"

    workspace.undo()
    assert official.value("votes:ADAL", 3) == 18835
    assert official.value("invalid", 3) is None
    assert not workspace.history.can_undo


def test_a_column_set_to_ignore_is_left_out(qtbot, workspace, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    dialog = ImportDialog(workspace, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.next()
    dialog.next()
    combo = dialog.mapping_page.combo(3)
    assert combo.currentData() == "invalid"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert combo.currentData() == ""
    dialog.next()
    assert {e.field for e in dialog.plan.change.edits} == {"votes:ADAL"}


def test_an_unreadable_file_keeps_the_wizard_on_the_first_page(qtbot, workspace, tmp_path):
    dialog = ImportDialog(workspace, path=tmp_path / "missing.csv")
    qtbot.addWidget(dialog)
    assert "no such file" in dialog.file_page.status.text()
    assert not dialog.file_page.isComplete()


def test_models_are_empty_before_a_file(qtmodeltester) -> None:
    qtmodeltester.check(RawTableModel())
    qtmodeltester.check(ProblemsModel())


def test_a_large_file_is_read_and_checked_off_the_gui_thread(
    qtbot, workspace, tmp_path, monkeypatch
):
    monkeypatch.setattr(ImportDialog, "background_bytes", 0)
    monkeypatch.setattr(ImportDialog, "background_rows", 0)
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    dialog = ImportDialog(workspace, path=path)
    qtbot.addWidget(dialog)
    assert dialog.busy
    assert not dialog.file_page.isComplete()
    assert not dialog.file_page.progress.isHidden()
    with qtbot.waitSignal(dialog.table_read):
        pass
    assert dialog.file_page.isComplete()
    assert dialog.file_page.progress.isHidden()
    dialog.show()
    dialog.next()
    dialog.next()
    with qtbot.waitSignal(dialog.checked):
        dialog.next()
        assert not dialog.check_page.isComplete()  # not while the check runs
    assert dialog.check_page.isComplete()
    dialog.accept()
    assert workspace.election.sources["official"].value("votes:ADAL", 3) == 18900


def test_cancel_while_reading_throws_the_result_away(qtbot, workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(ImportDialog, "background_bytes", 0)
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    dialog = ImportDialog(workspace, path=path)
    qtbot.addWidget(dialog)
    dialog.reject()
    with qtbot.assertNotEmitted(dialog.table_read, wait=200):
        pass
    assert dialog.raw is None
    assert not workspace.history.can_undo
