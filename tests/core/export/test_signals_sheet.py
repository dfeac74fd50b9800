"""The Signals sheet: written only when the screens ran, with their figures and caveats."""

from __future__ import annotations

import python_calamine

from core.analysis.signals.report import run_screens
from core.analysis.signals.screens import CAVEAT
from core.cli.audit import SAMPLE
from core.export.workbook import export_workbook
from core.opener.load import load
from core.rules.audit import run_audit
from tests.core.cli.test_signals_cli import twin_package


def sheet(path, name):
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    if name not in book.sheet_names:
        return None
    return book.get_sheet_by_name(name).to_python()


def cell(c: object) -> str:
    return str(int(c)) if isinstance(c, float) and c.is_integer() else str(c)


def test_no_screens_no_sheet_and_the_sample_sheet_says_what_did_not_run(tmp_path):
    e = load(SAMPLE)
    export_workbook(run_audit(e), tmp_path / "plain.xlsx")
    assert sheet(tmp_path / "plain.xlsx", "Signals") is None
    export_workbook(run_audit(e), tmp_path / "signals.xlsx", signals=run_screens(e))
    rows = sheet(tmp_path / "signals.xlsx", "Signals")
    assert rows is not None
    assert rows[1][0] == CAVEAT
    text = [" | ".join(cell(c) for c in r if c != "") for r in rows]
    assert "Tests (0 signalled)" in text
    assert any(
        "signal.integer_pct | Integer percentages | KZ | Kazakhstan | 0 | 1000" in t for t in text
    )
    assert any(t.startswith("signal.last_digit | Last digits | no |") for t in text)


def test_signalled_twins_are_listed_with_their_figures(tmp_path):
    e = load(twin_package(tmp_path, broken=False))
    report = run_screens(e)
    export_workbook(run_audit(e), tmp_path / "twins.xlsx", signals=report)
    rows = sheet(tmp_path / "twins.xlsx", "Signals")
    assert rows is not None
    tests = [r for r in rows if r[0] == "signal.twins" and r[10] in ("yes", "no")]
    assert {r[2] for r in tests} == {"N", "R"}
    assert all(r[10] == "yes" for r in tests)
    assert all(r[6] == 1 for r in tests)  # one pair observed
    stations = [r for r in rows if r[0] == "signal.twins" and r[2] in ("S58", "S59") and r[7]]
    assert len(stations) == 2
    assert "equal those of Station" in stations[0][7]
