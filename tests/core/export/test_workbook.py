"""The audited workbook: a real spreadsheet engine recomputes every check and agrees with ours."""

import dataclasses
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import python_calamine
import xlsxwriter

from core.cli.audit import SAMPLE
from core.cli.audit import main as cli_main
from core.export.workbook import JOURNAL_HEAD_LABEL, export_workbook
from core.opener.load import load
from core.project.edits import Change, ReviewEdit
from core.project.session import Workspace
from core.project.store import Project
from core.rules.audit import run_audit

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = '=HYPERLINK("http://x","y")'
ERRORS = ("#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")
RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; CI installs it",
)


def sheets(path):
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {n: book.get_sheet_by_name(n).to_python() for n in book.sheet_names}


def recalc(paths, tmp_path):
    """Open each workbook in LibreOffice with 'always recalculate' and save it again."""
    profile = tmp_path / "lo-profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC)
    out = tmp_path / "recalculated"
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        *map(str, paths),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=240)
    return [out / p.name for p in paths]


def col_name(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def failing_cells(book):
    """Every Δ cell (Checks, Seats) that shows a finding: a non-zero number or 'not covered'."""
    out = set()
    for name, rows in book.items():
        if not (name.startswith("Checks") or name == "Seats"):
            continue
        heads = {}
        for r, row in enumerate(rows):
            if (name.startswith("Checks") and r == 0) or (name == "Seats" and "Δ seats" in row):
                heads = {c for c, h in enumerate(row) if isinstance(h, str) and h.startswith("Δ")}
                continue
            if not any(row):  # the end of a Seats block's contestant rows
                heads = set()
            for c in heads:
                v = row[c] if c < len(row) else ""
                if v == "not covered" or (isinstance(v, float) and v != 0):
                    out.add(f"{name}!{col_name(c)}{r + 1}")
    return out


def linked_cells(book):
    rows = book["Findings"]
    c = rows[0].index("check cell")
    return [r[c] for r in rows[1:]]


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def generated(tmp_path):
    """300 stations with observer copies, then errors of every kind injected."""
    folder = tmp_path / "gen"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate.py"),
            str(folder),
            "--stations",
            "300",
            "--parties",
            "6",
            "--regions",
            "3",
            "--observer-share",
            "0.2",
            "--errors",
            "4",
        ],
        check=True,
        capture_output=True,
    )
    e = load(folder)
    off, obs = e.sources["official"], e.sources["observer"]
    ids = e.units.index
    stations = [u for u in np.flatnonzero(obs.present) if e.units.depth[u] == 3]
    obs.columns["votes:P02"].values[stations[0]] += 7  # observer disagrees
    obs.columns["invalid"].values[stations[1]] += 1
    district = int(e.units.parent[stations[2]])
    off.columns["valid"].reported[district] = False  # cover: region checked via stations
    off.columns["ballots_cast"].values[ids["S010"]] += 2  # cast balance and sums
    off.columns["pct:P03"].values[ids["S020"]] += 1.0
    off.columns["registered"].reported[ids["S030"]] = False  # an incomplete total
    off.columns["ballots_received"].values[ids["S050"]] += 1  # ballot account
    off.columns["registered"].values[ids["S060"]] = 10  # more cast than registered
    off.columns["valid"].reported[ids["S070"]] = False  # no valid line: votes + invalid ≠ cast
    off.columns["ballots_cast"].values[ids["S070"]] -= 3
    e.units.names[ids["S040"]] = HOSTILE
    return e


@needs_soffice
def test_libreoffice_recomputes_every_check_like_the_engine(tmp_path):
    sample = load(SAMPLE)
    sample.sources["official"].columns["seats:NO"].values[sample.units.root] = 75
    dhondt = load(SAMPLE)
    dhondt.info.seats = dataclasses.replace(dhondt.info.seats, method="dhondt")
    cases = [
        ("sample.xlsx", sample),
        ("dhondt.xlsx", dhondt),
        ("generated.xlsx", generated(tmp_path)),
    ]
    written = []
    for name, election in cases:
        result = run_audit(election)
        assert result.findings
        if name == "generated.xlsx":
            assert {f.rule for f in result.findings} == {
                "protocol.valid_sum",
                "protocol.cast_balance",
                "protocol.ballot_account",
                "protocol.cast_exceeds_registered",
                "sum.children",
                "sum.incomplete",
                "pct.recomputed",
                "compare.sources",
                "protocol.votes_cast_balance",
            }
        export_workbook(result, tmp_path / name)
        written.append((tmp_path / name, result))
    canary = tmp_path / "canary.xlsx"  # proves LibreOffice recalculates, not trusts the cache
    with xlsxwriter.Workbook(str(canary)) as book:
        book.add_worksheet().write_formula(0, 0, "=1+1", None, 5)
    again = recalc([p for p, _ in written] + [canary], tmp_path)
    assert sheets(again[-1])["Sheet1"][0][0] == 2
    for (path, result), lo_path in zip(written, again[:-1], strict=True):
        ours, theirs = sheets(path), sheets(lo_path)
        for name, rows in theirs.items():
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    assert not (isinstance(v, str) and v.startswith(ERRORS)), (name, r, c, v)
                    cached = ours[name][r][c]
                    assert same(cached, v), f"{path.name} {name}!{col_name(c)}{r + 1}: {cached} {v}"
        links = linked_cells(theirs)
        assert len(links) == len(result.findings)
        assert all(links)
        assert failing_cells(theirs) == set(links)
    seat_rows = [f for f in written[0][1].findings if f.rule == "seats.allocation"]
    assert {f.field for f in seat_rows} == {"seats:NO"}
    seat_rows = [f for f in written[1][1].findings if f.rule == "seats.allocation"]
    assert {f.field for f in seat_rows} == {"seats:NO", "seats:QHP"}  # D'Hondt gives 77/12/9


def findings_of(result):
    return [(f.rule, f.unit, f.source, f.field, f.expected, f.actual) for f in result.findings]


def test_generated_election_round_trips_through_the_workbook(tmp_path):
    result = run_audit(generated(tmp_path))
    out = tmp_path / "generated.xlsx"
    assert export_workbook(result, out)
    assert findings_of(run_audit(load(out))) == findings_of(result)


def test_export_round_trips_and_keeps_hostile_text_as_text(tmp_path):
    e = load(SAMPLE)
    e.units.names[3] = HOSTILE
    result = run_audit(e)
    out = tmp_path / "audited.xlsx"
    seen = []
    reviews = {
        ("pct.recomputed", "KZ-03", "official", "pct:ADAL"): ("confirmed", "typo in the table")
    }
    journal = [{"label": "Edit KZ-03 votes:ADAL", "hash": "ab" * 32}]
    assert export_workbook(
        result,
        out,
        inputs=[SAMPLE],
        progress=lambda x: seen.append(x) or True,
        reviews=reviews,
        journal_hash="ab" * 32,
        journal=journal,
    )
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    back = run_audit(load(out))
    assert findings_of(back) == findings_of(result)
    assert back.election.units.names[3] == HOSTILE
    book = sheets(out)
    assert book["Journal"] == [["label", "hash"], ["Edit KZ-03 votes:ADAL", "ab" * 32]]
    findings = book["Findings"]
    adal = next(r for r in findings if r[0] == "pct.recomputed")
    assert adal[3] == HOSTILE
    assert adal[10:12] == ["confirmed", "typo in the table"]
    summary = {r[0]: r[1] for r in book["Summary"] if r and r[0]}
    assert summary[JOURNAL_HEAD_LABEL] == "ab" * 32
    assert summary["Warnings"] == 1
    assert any(len(r) > 1 and r[1] == _sha256(SAMPLE / "results.csv") for r in book["Summary"])
    import zipfile

    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert '<f>HYPERLINK("http' not in xml


def _sha256(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cancelled_export_leaves_no_file(tmp_path):
    out = tmp_path / "never.xlsx"
    seen = []

    def progress(fraction):
        seen.append(fraction)
        return False

    assert export_workbook(run_audit(load(SAMPLE)), out, progress=progress) is False
    assert seen
    assert not list(tmp_path.iterdir())


def test_cli_export_writes_the_workbook(tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    assert cli_main(["--sample", "--export", str(out)]) == 0
    capsys.readouterr()
    assert "Checks region" in sheets(out)


def test_cli_export_of_a_project_carries_its_notes_and_journal(tmp_path):

    path = tmp_path / "almaty.sanaq"
    project = Project.create(path, load(SAMPLE))
    ws = Workspace(project.election, journal=project)
    adal = ("pct.recomputed", "KZ-03", "official", "pct:ADAL")
    note = ReviewEdit(adal, ("open", ""), ("explained", "typo in the published table"))
    ws.apply(Change("Explain Adal", reviews=(note,)))
    project.close()
    out = tmp_path / "audit.xlsx"
    assert cli_main([str(path), "--export", str(out)]) == 0
    book = python_calamine.CalamineWorkbook.from_path(str(out))
    assert "Journal" in book.sheet_names
    findings = book.get_sheet_by_name("Findings").to_python()
    assert any("typo in the published table" in map(str, row) for row in findings)
    journal = book.get_sheet_by_name("Journal").to_python()
    assert any("Explain Adal" in map(str, row) for row in journal)
