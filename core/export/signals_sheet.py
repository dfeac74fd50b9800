"""The Signals sheet: every statistical screen's figures, the decision on each, what did not
run and why, and the caveats, kept apart from the arithmetic's findings."""

from __future__ import annotations

from typing import Any

import xlsxwriter

from core.analysis.signals.report import SignalReport
from core.analysis.signals.screens import CAVEAT, SCREEN_BY_ID, SCREENS
from core.export.page import print_setup

SHEET = "Signals"
TEST_HEAD = (
    "rule",
    "screen",
    "unit_id",
    "unit_name",
    "field",
    "stations",
    "observed",
    "chance gives",
    "p-value",
    "adjusted p",
    "signal",
    "95% CI low",
    "95% CI high",
    "in words",
)
WIDTHS = (20, 24, 12, 28, 22, 10, 11, 12, 10, 10, 8, 10, 10, 110)


def _decision(report: SignalReport) -> str:
    return (
        f"Decision rule: Benjamini-Hochberg at a false discovery rate of {report.q:g} across "
        f"all {len(report.tests)} tests below (every screen, the nation and each region). A "
        "test is signalled when its p-value is at most q x rank / tests. Among many "
        "signals, about one in twenty may be a false alarm, and once many tests are "
        "signalled a p-value of 0.02 can be signalled too. The digit tables and the "
        "fingerprint take no part: they describe, never flag."
    )


def write_signals_sheet(
    book: xlsxwriter.Workbook, report: SignalReport, fm: dict[str, Any]
) -> None:
    """Written row by row, top to bottom (the workbook is in constant-memory mode)."""
    ws = book.add_worksheet(SHEET)
    tree = report.election.units
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.write_string(0, 0, "Statistical screens: questions to ask, not proof", fm["title"])
    ws.write_string(1, 0, CAVEAT)
    ws.write_string(2, 0, _decision(report))
    row = 4
    ws.write_string(row, 0, f"Tests ({sum(report.signalled)} signalled)", fm["bold"])
    row += 1
    for c, h in enumerate(TEST_HEAD):
        ws.write_string(row, c, h, fm["header"])
    for t, adj, hit in zip(report.tests, report.adjusted, report.signalled, strict=True):
        row += 1
        screen = SCREEN_BY_ID[t.screen]
        for c, text in enumerate(
            (t.screen, screen.title, tree.ids[t.unit], tree.names[t.unit], t.field)
        ):
            ws.write_string(row, c, text)
        ws.write_number(row, 5, t.stations, fm["count"])
        ws.write_number(row, 6, t.observed)
        ws.write_number(row, 7, t.expected)
        ws.write_number(row, 8, t.p_value)
        ws.write_number(row, 9, adj)
        ws.write_string(row, 10, "yes" if hit else "no", fm["unsure"] if hit else None)
        if t.low is not None and t.high is not None:
            ws.write_number(row, 11, t.low, fm["pct"])
            ws.write_number(row, 12, t.high, fm["pct"])
        ws.write_string(row, 13, t.text)
    row += 2
    ws.write_string(row, 0, "Not run, and why", fm["bold"])
    row += 1
    for c, h in enumerate(("rule", "screen", "unit_id", "unit_name", "has", "needs", "why")):
        ws.write_string(row, c, h, fm["header"])
    for n in report.not_run:
        row += 1
        for c, text in enumerate(
            (n.screen, SCREEN_BY_ID[n.screen].title, tree.ids[n.unit], tree.names[n.unit])
        ):
            ws.write_string(row, c, text)
        ws.write_number(row, 4, n.has, fm["count"])
        ws.write_number(row, 5, n.needs, fm["count"])
        ws.write_string(row, 6, n.text)
    row += 2
    ws.write_string(row, 0, f"Signals ({report.count})", fm["bold"])
    row += 1
    for c, h in enumerate(
        ("rule", "screen", "unit_id", "unit_name", "field", "reported", "chance gives", "message")
    ):
        ws.write_string(row, c, h, fm["header"])
    for f in report.findings:
        row += 1
        for c, text in enumerate(
            (f.rule, SCREEN_BY_ID[f.rule].title, tree.ids[f.unit], tree.names[f.unit], f.field)
        ):
            ws.write_string(row, c, text)
        for c, value in ((5, f.actual), (6, f.expected)):
            if value is not None:
                ws.write_number(row, c, value)
        ws.write_string(row, 7, f.message)
    row += 2
    ws.write_string(row, 0, "Digits, described only (never a flag)", fm["bold"])
    row += 1
    head = ("unit_id", "unit_name", "digit", *(str(d) for d in range(10)), "chi-square (9 df), p")
    for c, h in enumerate(head):
        ws.write_string(row, c, h, fm["header"])
    for d in report.digit_tables:
        for table in (d.last, d.second):
            row += 1
            ws.write_string(row, 0, tree.ids[d.unit])
            ws.write_string(row, 1, tree.names[d.unit])
            ws.write_string(row, 2, f"{table.kind}: counts")
            for i, count in enumerate(table.counts.tolist()):
                ws.write_number(row, 3 + i, count, fm["count"])
            ws.write_string(row, 13, f"{table.chi2:.1f}, p = {table.p_value:.2g}")
            row += 1
            ws.write_string(row, 2, f"{table.kind}: expected share")
            for i, share in enumerate(table.expected_share.tolist()):
                ws.write_number(row, 3 + i, share, fm["quot"])
    row += 2
    ws.write_string(row, 0, "The screens", fm["bold"])
    row += 1
    for c, h in enumerate(
        ("rule", "screen", "decides", "what it shows, and what it does not", "source", "needs")
    ):
        ws.write_string(row, c, h, fm["header"])
    for s in SCREENS:
        row += 1
        for c, text in enumerate(
            (s.id, s.title, "yes" if s.decides else "no", s.sentence, s.paper, s.needs)
        ):
            ws.write_string(row, c, text)
    print_setup(ws)
