"""Every hostile input gets one of two answers, through `audit`, the export and the wizard:
refused with exit status 2 and a message in words, or read correctly. Never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.cli.audit import main as audit
from core.importer.plan import guess_mapping, plan_import, read_table
from core.model.problems import InputRefused
from core.opener.load import load
from tests.core.formats.hostile import CASES, GOOD, Case, package

READ = [c for c in CASES if c.refused is None]
WIZARD = [c for c in CASES if c.table is not None]
_TRACE = re.compile(r"Traceback|Error:|\brepr\b|<class ")


def test_the_corpus_covers_sixty_inputs_and_more() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_audit_refuses_in_words_or_reads_correctly(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.make(tmp_path)
    status = audit([str(path), "--json"])
    out, err = capsys.readouterr()
    if case.refused is not None:
        assert status == 2, out[:300]
        assert err.startswith("refused: ")
        assert case.refused in err
        assert not _TRACE.search(err)
    else:
        assert status in (0, 1), err
        assert case.check is not None
        assert case.check(load(path))


@pytest.mark.parametrize("case", READ, ids=str)
def test_the_text_report_never_prints_control_characters(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.make(tmp_path)
    assert audit([str(path)]) in (0, 1)
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)


@pytest.mark.parametrize("case", READ, ids=str)
def test_the_export_writes_a_workbook(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.make(tmp_path)
    out = tmp_path / "audited.xlsx"
    assert audit([str(path), "--export", str(out)]) in (0, 1)
    assert out.stat().st_size > 0


@pytest.mark.parametrize("case", WIZARD, ids=str)
def test_the_wizard_refuses_or_lists_problems(case: Case, tmp_path: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    election = load(package(GOOD)(base))
    path = case.make(tmp_path)
    table = path if case.table == "." else path / str(case.table)
    try:
        raw = read_table(table)
    except InputRefused as exc:
        refusal = exc
    else:
        refusal = None
    if refusal is not None:
        assert refusal.problems
        assert all(p.message for p in refusal.problems)
        return
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "observer")
    if case.wizard_refuses:
        assert not plan.ready
    if case.refused is None and case.table == "results.csv":
        # What the package reader reads, the wizard reads too.
        assert not plan.problems, [str(p) for p in plan.problems[:3]]
