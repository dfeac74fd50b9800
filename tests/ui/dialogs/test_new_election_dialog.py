"""The new-election dialog: typed in, validated with clear messages, saved and loaded again."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton

from core.formats import package
from core.formats.election_json import info_to_json
from core.opener.load import load
from ui.dialogs.new_election_dialog import NewElectionDialog

# The offscreen platform warns when a dialog resizes itself to its contents; harmless there.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot):
    d = NewElectionDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def ok_button(d: NewElectionDialog):
    return d.buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_editor(viewport) -> QLineEdit:
    # closed editors linger until deleted later: the open one is the visible one
    (editor,) = [e for e in viewport.findChildren(QLineEdit) if e.isVisible()]
    return editor


def type_into_cell(qtbot, d: NewElectionDialog, row: int, col: int, text: str) -> None:
    table = d.contestants
    table.setCurrentCell(row, col)
    qtbot.keyClick(table.viewport(), text[0])  # any key opens the editor with that key typed
    editor = open_editor(table.viewport())
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Return through a queued call


def test_typed_election_round_trips_through_a_package(qtbot, dialog, tmp_path) -> None:
    assert not ok_button(dialog).isEnabled()
    assert "Give the election a name." in dialog.messages.text()
    dialog.name_edit.insert("Мәслихат")  # QTest types ASCII only; the rest by keyboard
    qtbot.keyClicks(dialog.name_edit, " 2026")
    dialog.date_edit.setDate(QDate(2026, 3, 15))
    qtbot.mouseClick(dialog.findChild(QPushButton, "addContestant"), Qt.LeftButton)
    type_into_cell(qtbot, dialog, 0, 0, "AMA")
    type_into_cell(qtbot, dialog, 0, 1, "Amanat")
    dialog.add_contestant("RES", "Respublica", 2)
    type_into_cell(qtbot, dialog, 1, 3, "1")
    type_into_cell(qtbot, dialog, 0, 3, "2")
    dialog.seats.setChecked(True)
    dialog.seat_total.setValue(69)
    dialog.seat_method.setCurrentIndex(dialog.seat_method.findData("dhondt"))
    dialog.threshold.setValue(5)
    dialog.runner_up.setValue(2)
    dialog.decimals.setValue(1)
    assert dialog.messages.text() == ""
    assert ok_button(dialog).isEnabled()

    election = dialog.election()
    info = election.info
    assert info.name == "Мәслихат 2026"
    assert info.date == "2026-03-15"
    assert info.levels == ["nation", "region", "district", "station"]
    assert [(c.code, c.name, c.ballot_order, c.registration_order) for c in info.contestants] == [
        ("AMA", "Amanat", 1, 2),
        ("RES", "Respublica", 2, 1),
    ]
    assert info.seats is not None
    assert (info.seats.total, info.seats.method, info.seats.threshold_pct) == (
        69,
        "dhondt",
        Fraction(5),
    )
    assert info.seats.min_seats_runner_up == 2
    assert info.pct_decimals == 1
    assert election.units.ids == ["KZ"]
    assert not election.sources["official"].columns

    package.save(election, tmp_path / "new")
    loaded = load(tmp_path / "new")
    assert info_to_json(loaded.info) == info_to_json(info)
    assert loaded.units.ids == ["KZ"]
    assert loaded.units.names == ["Kazakhstan"]


def test_mistakes_are_named_and_block_ok(qtbot, dialog) -> None:
    dialog.name_edit.setText("Test")
    dialog.add_contestant("A", "First")
    dialog.add_contestant("A", "Second")
    dialog.add_contestant("B:1", "Third")
    dialog.contestants.item(2, 2).setText("x")
    dialog.levels.item(1).setText("nation")
    text = dialog.messages.text()
    assert "The code A appears twice." in text
    assert "Contestant 3: the code B:1 may hold only letters, digits, _ and -." in text
    assert "Contestant 3: the ballot order must be a whole number from 1." in text
    assert "Two levels have the same name." in text
    assert not ok_button(dialog).isEnabled()
    with pytest.raises(ValueError, match="appears twice"):
        dialog.election()

    dialog.contestants.item(1, 0).setText("C")
    dialog.contestants.item(2, 0).setText("B")
    dialog.contestants.item(2, 2).setText("3")
    dialog.levels.item(1).setText("region")
    assert dialog.messages.text() == ""
    assert ok_button(dialog).isEnabled()


def test_levels_can_be_added_and_removed(qtbot, dialog) -> None:
    dialog.name_edit.setText("Test")
    dialog.levels.setCurrentRow(3)
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeLevel"), Qt.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "addLevel"), Qt.LeftButton)
    editor = open_editor(dialog.levels.viewport())
    editor.selectAll()
    qtbot.keyClicks(editor, "polling station")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.election().info.levels == ["nation", "region", "district", "polling station"]


def test_seats_left_off_make_no_seat_rules(dialog) -> None:
    dialog.name_edit.setText("Referendum")
    assert not dialog.seats.isChecked()
    assert dialog.election().info.seats is None


def test_space_does_not_blank_an_order_and_tab_leaves_the_table(qtbot, dialog) -> None:
    from tests.ui.conftest import press

    dialog.add_contestant("NO", "Nur Otan", 1)
    table = dialog.contestants
    table.setFocus()
    table.setCurrentCell(0, 2)  # Ballot order
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert table.item(0, 2).text() == "1"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert QApplication.focusWidget().objectName() == "addContestant"


def test_the_template_gives_the_protocol_fields_and_the_path_follows_the_name(dialog) -> None:
    dialog.name_edit.setText("Mazhilis 2026")
    assert dialog.path().name == "Mazhilis_2026.sanaq"
    dialog.template.setCurrentIndex(dialog.template.findData("kz-pec"))
    dialog.add_contestant("NO", "Nur Otan", 1)
    obj = dialog.info_json()
    assert obj["protocol_template"] == "kz-pec"
    assert obj["protocol_fields"][-1] == "votes:NO"
    assert "valid" not in obj["protocol_fields"]
    dialog.save_path.setText(str(dialog.path().parent / "mine.sanaq"))
    dialog.save_path.textEdited.emit("")  # as typed: the name no longer moves it
    dialog.name_edit.setText("Other")
    assert dialog.path().name == "mine.sanaq"
