"""The audited workbook: findings, live re-checks, seats and provenance in one .xlsx."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import tempfile
import tomllib
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import xlsxwriter

from core.analysis.signals.report import SignalReport
from core.export.checks.builder import ChecksBuilder
from core.export.checks.sheet import HOW_TO_READ
from core.export.fast_sheet import FastSheet
from core.export.page import print_setup
from core.export.seats_sheet import SeatsSheet
from core.export.signals_sheet import write_signals_sheet
from core.formats.xlsx import write_election_sheets, write_results_sheet
from core.rules.audit import AuditResult
from core.rules.catalogue import RULES
from core.rules.context import AuditContext
from core.rules.finding import Finding

Progress = Callable[[float], bool]
Reviews = Mapping[tuple[str, str, str, str], tuple[str, str]]
FINDINGS_HEAD = (
    "rule",
    "severity",
    "unit_id",
    "unit_name",
    "region_id",
    "source",
    "field",
    "reported",
    "expected",
    "message",
    "review status",
    "comment",
    "check cell",
)


class _Cancelled(Exception):
    pass


class _FastZipBook(xlsxwriter.Workbook):  # type: ignore[misc]
    """A workbook zipped at deflate level 1: a third of level 6's time on 100 MB sheets, for
    files about 1.4 times the size. XlsxWriter offers no option, so its ZipFile is swapped
    for the duration of the store."""

    def _store_workbook(self) -> None:
        module = xlsxwriter.workbook
        saved = module.ZipFile
        module.ZipFile = functools.partial(zipfile.ZipFile, compresslevel=1)
        try:
            super()._store_workbook()
        finally:
            module.ZipFile = saved


def version() -> str:
    """Sanaq's version, as pyproject.toml declares it."""
    try:
        with open(Path(__file__).resolve().parents[2] / "pyproject.toml", "rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def file_hashes(paths: Sequence[Path]) -> list[tuple[str, str]]:
    """(path, SHA-256) of each input; a package folder lists each file in it."""
    out: list[tuple[str, str]] = []
    for p in paths:
        files = sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]
        for f in files:
            h = hashlib.sha256()
            with open(f, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            out.append((str(f), h.hexdigest()))
    return out


def _formats(book: xlsxwriter.Workbook) -> dict[str, Any]:
    return {
        "header": book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "text": None,
        "count": book.add_format({"num_format": "#,##0"}),
        "pct": book.add_format({"num_format": "0.00"}),
        "quot": book.add_format({"num_format": "#,##0.0000"}),
        "delta": book.add_format({"num_format": "+#,##0;-#,##0;0"}),
        "dpct": book.add_format({"num_format": "+0.0000;-0.0000;0"}),
        "bad": book.add_format({"bg_color": "#F8CBAD", "font_color": "#9C0006"}),
        "unsure": book.add_format({"bg_color": "#FFEB9C", "font_color": "#7F6000"}),
    }


def _region_of(result: AuditResult) -> np.ndarray:
    """Each unit's ancestor one level below the root (the root maps to itself)."""
    tree = result.election.units
    region = np.arange(len(tree), dtype=np.int64)
    parent = tree.parent
    for _ in range(int(tree.depth.max(initial=0))):
        up = parent[region]
        step = (up >= 0) & (parent[np.maximum(up, 0)] >= 0)
        region = np.where(step, up, region)
    return region


def export_workbook(
    result: AuditResult,
    out: Path,
    inputs: Sequence[Path] | None = None,
    progress: Progress | None = None,
    reviews: Reviews | None = None,
    journal_hash: str | None = None,
    journal: Sequence[Mapping[str, Any]] | None = None,
    signals: SignalReport | None = None,
    merged: Sequence[Mapping[str, Any]] | None = None,
) -> bool:
    """Write the audited workbook to `out`; False (and no file at `out`) if progress cancelled.

    `reviews` maps (rule, unit_id, source, field) to (status, comment) as in the session;
    `journal` is the change history (one mapping per entry, e.g. label, at, hash);
    `signals`, when given, adds the Signals sheet (the statistical screens); `merged` lists
    the files merged into the project (file, content_hash, head, entry) on Summary.
    """
    out = Path(out)
    e = result.election
    rows_total = sum(int(f.present.sum()) for f in e.sources.values())
    work = max(1, 2 * rows_total + len(result.findings))
    done = 0

    def on_rows(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and not progress(min(done / work, 0.99)):
            raise _Cancelled

    sheet_class = type("ExportSheet", (FastSheet,), {"on_rows": staticmethod(on_rows)})
    part = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory(prefix="sanaq-export-") as tmp:
        book = _FastZipBook(
            str(part), {"constant_memory": True, "strings_to_formulas": False, "tmpdir": tmp}
        )
        book.worksheet_class = sheet_class
        try:
            if progress is not None and not progress(0.0):
                raise _Cancelled
            _write_all(
                book,
                result,
                inputs or [],
                reviews or {},
                journal_hash,
                journal,
                merged or [],
                signals,
            )
            book.close()
        except _Cancelled:
            _discard(book, part)
            return False
        except BaseException:
            _discard(book, part)
            raise
    part.replace(out)
    if progress is not None:
        progress(1.0)
    return True


def _discard(book: xlsxwriter.Workbook, part: Path) -> None:
    for ws in book.worksheets():
        ws._opt_close()  # its row file lives in the temporary directory, removed with it
    part.unlink(missing_ok=True)


def _write_all(
    book: xlsxwriter.Workbook,
    result: AuditResult,
    inputs: Sequence[Path],
    reviews: Reviews,
    journal_hash: str | None,
    journal: Sequence[Mapping[str, Any]] | None,
    merged: Sequence[Mapping[str, Any]],
    signals: SignalReport | None = None,
) -> None:
    e = result.election
    fm = _formats(book)
    ctx = AuditContext(e)
    checks = ChecksBuilder(e, ctx)
    seats = SeatsSheet(checks)
    summary = book.add_worksheet("Summary")
    findings = book.add_worksheet("Findings")
    checks.write(book, fm)
    seats.write(book, fm)
    _write_findings(findings, result, checks, seats, reviews, fm)
    _write_rules(book.add_worksheet("Rules"), fm)
    if signals is not None:
        write_signals_sheet(book, signals, fm)
    if journal:
        _write_journal(book.add_worksheet("Journal"), journal, fm)
    results = write_results_sheet(book, e)
    print_setup(results)
    write_election_sheets(book, e)
    _write_summary(book, summary, result, checks, inputs, journal_hash, fm, merged)
    book.set_properties(
        {
            "title": f"Audited workbook: {e.info.name}",
            "subject": "Election results audit with live re-checks",
            "author": f"Sanaq {version()}",
            "keywords": "election, audit, Sanaq",
            "comments": "Every check is a live formula; see the Summary sheet.",
            "created": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
    )
    summary.activate()


def _write_findings(
    ws: Any,
    result: AuditResult,
    checks: ChecksBuilder,
    seats: SeatsSheet,
    reviews: Reviews,
    fm: dict[str, Any],
) -> None:
    tree = result.election.units
    region = _region_of(result)
    for c, h in enumerate(FINDINGS_HEAD):
        ws.write_string(0, c, h, fm["header"])
    for r, f in enumerate(result.findings, start=1):
        uid = tree.ids[f.unit]
        status, comment = reviews.get((f.rule, uid, f.source, f.field), ("open", ""))
        texts = [
            f.rule,
            f.severity,
            uid,
            tree.names[f.unit],
            tree.ids[int(region[f.unit])],
            f.source,
            f.field,
        ]
        for c, t in enumerate(texts):
            ws.write_string(r, c, t)
        kind = "pct" if f.field.startswith("pct:") else "count"
        for c, v in ((7, f.actual), (8, f.expected)):
            if v is not None:
                ws.write_number(r, c, v, fm[kind])
        ws.write_string(r, 9, f.message)
        ws.write_string(r, 10, status)
        if comment:
            ws.write_string(r, 11, comment)
        cell = _cell(f, checks, seats)
        if cell is not None:
            sheet, addr = cell
            label = f"{sheet}!{addr}"
            target = f"#'{sheet}'!{addr}".replace('"', '""')
            ws.write_formula(
                r,
                12,
                f'=HYPERLINK("{target}","{label.replace(chr(34), 2 * chr(34))}")',
                None,
                label,
            )
    last = max(1, len(result.findings))
    ws.autofilter(0, 0, last, len(FINDINGS_HEAD) - 1)
    ws.freeze_panes(1, 0)
    for c, w in enumerate((22, 9, 12, 26, 10, 9, 16, 12, 12, 70, 12, 24, 22)):
        ws.set_column(c, c, w)
    print_setup(ws)


def _cell(f: Finding, checks: ChecksBuilder, seats: SeatsSheet) -> tuple[str, str] | None:
    return seats.cell_of(f) if f.rule == "seats.allocation" else checks.cell_of(f)


def _write_rules(ws: Any, fm: dict[str, Any]) -> None:
    head = ("rule", "severity", "what it checks", "formula", "Checks sheet formula (Δ cell)")
    for c, h in enumerate(head):
        ws.write_string(0, c, h, fm["header"])
    for r, rule in enumerate(RULES, start=1):
        for c, t in enumerate(
            (rule.id, rule.severity, rule.sentence, rule.formula, "=" + rule.sheet_formula)
        ):
            ws.write_string(r, c, t)
    ws.write_string(len(RULES) + 2, 0, "How to read the Checks sheets", fm["bold"])
    ws.write_string(len(RULES) + 3, 0, HOW_TO_READ)
    for c, w in enumerate((26, 9, 60, 60, 90)):
        ws.set_column(c, c, w)
    ws.freeze_panes(1, 0)
    print_setup(ws)


def _write_journal(ws: Any, journal: Sequence[Mapping[str, Any]], fm: dict[str, Any]) -> None:
    keys = list(dict.fromkeys(k for entry in journal for k in entry))
    for c, k in enumerate(keys):
        ws.write_string(0, c, k, fm["header"])
        ws.set_column(c, c, 70 if "hash" in k else 24)
    for r, entry in enumerate(journal, start=1):
        for c, k in enumerate(keys):
            v = entry.get(k)
            if isinstance(v, bool) or v is None:
                ws.write_string(r, c, "" if v is None else str(v))
            elif isinstance(v, int | float):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, str(v))
    ws.freeze_panes(1, 0)
    print_setup(ws)


# A reviewer passes this value to `verify --expect-head`: only a head kept outside the project
# file shows that its journal was not rewritten or cut off.
MERGED_HEADERS = (
    "Merged file",
    "Content hash (SHA-256 of its figures and notes)",
    "  its journal head",
    "  merged in",
)
JOURNAL_HEAD_LABEL = "Journal head (compare: python main.py verify PROJECT --expect-head HEAD)"


def _write_summary(
    book: xlsxwriter.Workbook,
    ws: Any,
    result: AuditResult,
    checks: ChecksBuilder,
    inputs: Sequence[Path],
    journal_hash: str | None,
    fm: dict[str, Any],
    merged: Sequence[Mapping[str, Any]] = (),
) -> None:
    e = result.election
    s = result.summary()
    n = max(1, len(result.findings))
    sev = f"Findings!$B$2:$B${n + 1}"
    rows: list[tuple[str, Any, str | None]] = [
        ("Election", e.info.name, None),
        ("Date", e.info.date, None),
        ("Levels", " / ".join(e.info.levels), None),
        ("Units", len(e.units), None),
        ("Stations", e.stations(), None),
        ("Errors", s["error"], f'=COUNTIF({sev},"error")'),
        ("Warnings", s["warning"], f'=COUNTIF({sev},"warning")'),
        ("Notes", s["info"], f'=COUNTIF({sev},"info")'),
        ("Audited at (UTC)", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"), None),
        ("Audited by", f"Sanaq {version()}", None),
        (JOURNAL_HEAD_LABEL, journal_hash or "none (not from a project file)", None),
    ]
    ws.write_string(0, 0, "Audited workbook", fm["title"])
    r = 2
    for label, value, formula in rows:
        ws.write_string(r, 0, label, fm["bold"])
        if formula is not None:
            ws.write_formula(r, 1, formula, fm["count"], value)
        elif isinstance(value, str):
            ws.write_string(r, 1, value)
        else:
            ws.write_number(r, 1, value, fm["count"])
        r += 1
    r += 1
    ws.write_string(r, 0, "Input file", fm["header"])
    ws.write_string(r, 1, "SHA-256", fm["header"])
    for path, digest in file_hashes(inputs):
        r += 1
        ws.write_string(r, 0, path)
        ws.write_string(r, 1, digest)
    if merged:  # each figure a merge brought traces to its file, its content and its journal
        r += 2
        ws.write_string(r, 0, MERGED_HEADERS[0], fm["header"])
        ws.write_string(r, 1, MERGED_HEADERS[1], fm["header"])
        for m in merged:
            head = str(m.get("head", "")) or "none (a package has no journal)"
            lines = (
                (str(m.get("file", "")), str(m.get("content_hash", ""))),
                (MERGED_HEADERS[2], head),
                (MERGED_HEADERS[3], f"journal entry {m.get('entry', '')}, {m.get('at', '')}"),
            )
            for label, value in lines:
                r += 1
                ws.write_string(r, 0, label)
                ws.write_string(r, 1, value)
    r += 2
    ws.write_string(r, 0, "Sheets", fm["bold"])
    r += 1
    ws.write_string(
        r,
        0,
        (
            "Findings: one row per finding, linked to its Δ cell. "
            "Checks: one sheet per level ("
            + ", ".join(sh.name for sh in checks.sheets)
            + "). Seats: the allocation in "
            "formulas. Rules: each rule and its formula. Results, Election, "
            "Contestants: the canonical package, which Sanaq can open again."
        ),
    )
    r += 1
    ws.write_string(r, 0, HOW_TO_READ)
    r += 2
    _region_chart(book, ws, result, r, fm)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 4, 11)
    print_setup(ws)


def _region_chart(
    book: xlsxwriter.Workbook, ws: Any, result: AuditResult, r: int, fm: dict[str, Any]
) -> None:
    tree = result.election.units
    regions = [int(u) for u in np.flatnonzero(tree.depth == 1)] or [tree.root]
    region = _region_of(result)
    counts = Counter((int(region[f.unit]), f.severity) for f in result.findings)
    n = max(1, len(result.findings))
    ws.write_string(r, 0, "Discrepancies by region", fm["bold"])
    head = ("region", "region_id", "errors", "warnings", "notes")
    for c, h in enumerate(head):
        ws.write_string(r + 1, c, h, fm["header"])
    first = r + 2
    for i, u in enumerate(regions):
        x = first + i
        ws.write_string(x, 0, tree.names[u])
        ws.write_string(x, 1, tree.ids[u])
        for c, sev in ((2, "error"), (3, "warning"), (4, "info")):
            ws.write_formula(
                x,
                c,
                f'=COUNTIFS(Findings!$E$2:$E${n + 1},$B{x + 1},Findings!$B$2:$B${n + 1},"{sev}")',
                fm["count"],
                counts.get((u, sev), 0),
            )
    last = first + len(regions) - 1
    chart = book.add_chart({"type": "column"})
    for c, name in ((2, "Errors"), (3, "Warnings")):
        chart.add_series(
            {
                "name": name,
                "categories": ["Summary", first, 0, last, 0],
                "values": ["Summary", first, c, last, c],
            }
        )
    chart.set_title({"name": "Findings by region"})
    chart.set_y_axis({"name": "findings", "major_gridlines": {"visible": True}})
    chart.set_size({"width": 900, "height": 380})
    ws.insert_chart(2, 3, chart)
