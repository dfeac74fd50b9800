"""The protocol form: lines in the paper's order, the arithmetic live, one Change on OK."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from core.model.election import PROTOCOL_FIELDS
from tests.ui.conftest import ENGLISH
from ui.dialogs.protocol_form import ProtocolForm, arithmetic, protocol_fields
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_arithmetic_shows_each_check() -> None:
    values = {"valid": 10, "invalid": 2, "ballots_cast": 13, "votes:A": 4, "votes:B": 6}
    checks = {what: (computed, written) for what, computed, written in arithmetic(values)}
    assert checks["Σ votes = valid"] == (10, 10)
    assert checks["valid + invalid = ballots cast"] == (12, 13)


def test_the_form_lists_lines_in_paper_order_and_applies_one_change(
    qtbot, window: MainWindow
) -> None:
    election = window.workspace.election
    almaty = election.units.index["KZ-03"]
    form = ProtocolForm(election, almaty, "official", ENGLISH, window)
    qtbot.addWidget(form)
    fields = protocol_fields(election)
    assert fields[: len(PROTOCOL_FIELDS)] == list(PROTOCOL_FIELDS)
    assert fields[len(PROTOCOL_FIELDS)] == "votes:QHP"  # ballot order 1
    assert form.edits["votes:ADAL"].text() == "18835"
    assert form.edits["valid"].text() == ""  # derived, so not filled in as if reported

    form.edits["valid"].setText("321322")
    assert "✓ Σ votes = valid: 321,322 / 321,322" in form.checks.text()
    form.edits["valid"].setText("321000")
    assert "✗ Σ votes = valid" in form.checks.text()
    form.edits["invalid"].setText("-3")
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "negative" in form.problems.text()
    form.edits["invalid"].setText("")
    assert ok.isEnabled()

    change = form.change()
    assert [(e.field, e.new) for e in change.edits] == [("valid", 321000)]
    window.controller.apply(change)
    assert election.source("official").value("valid", almaty) == 321000
    found = window.workspace.findings
    assert any(f.rule == "protocol.valid_sum" and f.unit == almaty for f in found)


def test_plots_panel_is_docked(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.plots_dock is not None)
    assert window.plots_panel is not None
    assert window.plots_dock.objectName() == "dock_plotsPanel"
