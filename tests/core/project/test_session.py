"""The workspace: edits, undo and redo keep figures, rows and findings exactly in step."""

from __future__ import annotations

from core.cli.audit import SAMPLE
from core.formats.rows import results_csv_bytes
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.session import Workspace


def test_undo_of_a_first_observer_figure_removes_the_row_it_created():
    e = load(SAMPLE)
    before = results_csv_bytes(e)
    ws = Workspace(e)
    ws.apply(Change("Type votes", (CellEdit("KZ-03", "observer", "votes:ADAL", None, 18835),)))
    assert e.sources["observer"].present[3]
    assert b"KZ-03,Almaty,region,KZ,observer" in results_csv_bytes(e)
    ws.undo()
    assert not e.sources["observer"].present[3]
    assert results_csv_bytes(e) == before
    ws.redo()
    assert e.sources["observer"].value("votes:ADAL", 3) == 18835


def test_typing_the_right_percentage_clears_the_finding_and_undo_brings_it_back():
    ws = Workspace(load(SAMPLE))
    assert [f.field for f in ws.findings if f.rule == "pct.recomputed"] == ["pct:ADAL"]
    result = ws.apply(Change("Type 5.86", (CellEdit("KZ-03", "official", "pct:ADAL", 5.21, 5.86),)))
    assert [f.rule for f in result.removed] == ["pct.recomputed"]
    assert all(f.rule != "pct.recomputed" for f in ws.findings)
    assert ws.history.undo_label == "Type 5.86"
    ws.undo()
    assert [f.field for f in ws.findings if f.rule == "pct.recomputed"] == ["pct:ADAL"]
