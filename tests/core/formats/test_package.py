"""Packages load as folder, zip and xlsx; every refusal of CONTRACT §1 names file, row, column."""

from __future__ import annotations

import json
import zipfile

import pytest

from core.cli.audit import SAMPLE
from core.cli.audit import main as cli
from core.formats.package import save
from core.model.problems import InputRefused
from core.opener.load import load
from core.rules.audit import run_audit
from tests.core.builders import info_json, station, write_package


def refused(path) -> list:
    with pytest.raises(InputRefused) as info:
        load(path)
    return info.value.problems


def nation(**figs):
    return {"unit_id": "N", "unit_name": "Nation", "level": "nation", "parent_id": "", **figs}


def write_csv(tmp_path, text: str, encoding="utf-8"):
    folder = tmp_path / "pkg"
    folder.mkdir(exist_ok=True)
    (folder / "election.json").write_text(json.dumps(info_json()), encoding="utf-8")
    (folder / "results.csv").write_bytes(text.encode(encoding))
    return folder


def keyset(problems):
    return {(p.row, p.column, p.value) for p in problems}


def test_every_bad_cell_is_reported_at_once(tmp_path):
    folder = write_csv(
        tmp_path,
        "unit_id,parent_id,level,valid,votes:A,pct:A\n"
        "N,,nation,1000,12.5,abc\n"
        "S1,N,station,-3,1,000,5\n"
        'S2,N,station,"1,000",7%,5.5%\n',
    )
    problems = refused(folder)
    # The second row has one cell too many: reported as such (no partial reading).
    assert any(p.row == 3 and "cells" in p.message for p in problems)


def test_counts_and_percentages_are_checked_cell_by_cell(tmp_path):
    folder = write_csv(
        tmp_path,
        "unit_id,parent_id,level,valid,votes:A,pct:A\n"
        "N,,nation,1000,12.5,abc\n"
        "S1,N,station,-3,4a,5\n"
        'S2,N,station,"1,000",7%,5.5%\n',
    )
    problems = refused(folder)
    assert keyset(problems) == {
        (2, "votes:A", "12.5"),
        (2, "pct:A", "abc"),
        (3, "valid", "-3"),
        (3, "votes:A", "4a"),
        (4, "valid", "1,000"),
        (4, "votes:A", "7%"),
        (4, "pct:A", "5.5%"),
    }
    by_cell = {(p.row, p.column): p.message for p in problems}
    assert "thousands separators" in by_cell[(4, "valid")]
    assert "percentage" in by_cell[(4, "votes:A")]
    assert "negative" in by_cell[(3, "valid")]
    assert all(p.file.endswith("results.csv") for p in problems)
    text = str(problems[0])
    assert "results.csv" in text
    assert "row 2" in text
    assert "votes:A" in text
    assert "'12.5'" in text


def test_structure_refusals_all_at_once(tmp_path):
    folder = write_csv(
        tmp_path,
        "unit_id,parent_id,level,votes:A,votes:Z,pct:Q,seats:A\n"
        "N,,nation,1,,,\n"
        "M,,nation,1,,,\n"
        "S1,N,station,1,,,\n"
        "S1,N,station,2,,,\n"
        "S2,NOPE,station,1,,,\n"
        "C1,C2,station,1,,,\n"
        "C2,C1,station,1,,,\n",
    )
    problems = refused(folder)
    messages = " | ".join(str(p) for p in problems)
    assert "no contestant has the code 'Z'" in messages
    assert "no contestant has the code 'Q'" in messages
    assert "already has an official row (row 4)" in messages
    assert any(p.column == "parent_id" and p.value == "NOPE" for p in problems)
    assert "exactly one root" in messages
    assert "'M'" in messages
    # With two roots the cycle cannot be told apart from an orphan; fix the root and it shows.
    folder = write_csv(
        tmp_path,
        "unit_id,parent_id,level,votes:A\nN,,nation,1\nC1,C2,station,1\nC2,C1,station,1\n",
    )
    problems = refused(folder)
    assert any("cycle" in p.message and p.row == 3 for p in problems)
    assert any("cycle" in p.message and p.row == 4 for p in problems)


def test_source_must_be_known(tmp_path):
    folder = write_csv(tmp_path, "unit_id,parent_id,source\nN,,official\nS,N,journalist\n")
    [p] = refused(folder)
    assert (p.row, p.column, p.value) == (3, "source", "journalist")


def test_missing_required_column(tmp_path):
    folder = write_csv(tmp_path, "unit_id,level\nN,nation\n")
    [p] = refused(folder)
    assert p.column == "parent_id"


def test_utf16_with_a_bom_is_read(tmp_path):
    folder = write_csv(tmp_path, "unit_id,unit_name,parent_id\nN,Қазақстан,\n", encoding="utf-16")
    assert load(folder).units.names == ["Қазақстан"]


def test_windows_1251_is_read(tmp_path):
    text = "unit_id,unit_name,parent_id\nN,Республика Казахстан,\nS,Участок №1,N\n"
    folder = write_csv(tmp_path, text, encoding="cp1251")
    assert load(folder).units.names == ["Республика Казахстан", "Участок №1"]


def test_bom_is_accepted(tmp_path):
    folder = write_csv(tmp_path, "\ufeffunit_id,parent_id,votes:A\nN,,5\n")
    assert load(folder).sources["official"].value("votes:A", 0) == 5


def test_empty_cell_is_not_reported_and_differs_from_zero(tmp_path):
    folder = write_package(tmp_path / "p", [nation(**{"votes:A": 0, "votes:B": None})])
    figs = load(folder).sources["official"]
    assert figs.value("votes:A", 0) == 0
    assert figs.value("votes:B", 0) is None


def test_bad_election_json(tmp_path):
    folder = write_package(tmp_path / "p", [nation()])
    (folder / "election.json").write_text('{"levels": "nation", "contestants": [{"code": 1}]')
    [p] = refused(folder)
    assert "not valid JSON" in p.message
    (folder / "election.json").write_text(
        json.dumps({"levels": [], "contestants": [{"code": "A"}, {"code": "A"}]})
    )
    problems = refused(folder)
    assert {p.column for p in problems} == {"levels", "contestants[2]"}


def test_missing_files(tmp_path):
    (tmp_path / "empty").mkdir()
    problems = refused(tmp_path / "empty")
    assert len(problems) == 2
    assert refused(tmp_path / "nothing-here")


def test_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("results.csv", b"0" * (64 * 1024 * 1024))
        zf.writestr("election.json", json.dumps(info_json()))
    [p] = refused(bomb)
    assert "expand" in p.message


def test_zip_and_folder_and_xlsx_round_trip(tmp_path):
    sample = load(SAMPLE)
    expected = [(f.rule, f.unit, f.field, f.actual) for f in run_audit(sample).findings]
    for target in (tmp_path / "copy", tmp_path / "copy.zip", tmp_path / "copy.xlsx"):
        save(sample, target)
        again = load(target)
        assert again.units.ids == sample.units.ids
        assert again.units.names == sample.units.names
        assert [(f.rule, f.unit, f.field, f.actual) for f in run_audit(again).findings] == expected


def test_formula_like_text_survives_and_is_never_a_formula(tmp_path):
    hostile = '=HYPERLINK("http://x","y")'
    rows = [nation(unit_name=hostile), station("S1", "N", unit_name="+1 station")]
    e = load(write_package(tmp_path / "p", rows))
    out = tmp_path / "out"
    save(e, out)
    assert "'=HYPERLINK" in (out / "results.csv").read_text(encoding="utf-8")
    assert load(out).units.names == [hostile, "+1 station"]
    save(e, tmp_path / "out.xlsx")
    assert load(tmp_path / "out.xlsx").units.names == [hostile, "+1 station"]
    with zipfile.ZipFile(tmp_path / "out.xlsx") as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def test_cli_exit_statuses(tmp_path, capsys):
    assert cli(["--sample"]) == 0
    bad = write_csv(tmp_path, "unit_id,parent_id,votes:A\nN,,x\n")
    assert cli([str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 2" in err
    assert "votes:A" in err
    assert "nothing was loaded" in err
    wrong = write_package(tmp_path / "w", [nation(**{"votes:A": 5}), station("S1", "N")])
    assert cli([str(wrong), "--json"]) == 1
    assert cli([]) == 2  # misuse


def test_trailing_rows_of_bare_commas_are_not_data(tmp_path):
    folder = write_csv(tmp_path, "unit_id,parent_id,votes:A\nN,,5\n,,\n , ,\n")
    assert len(load(folder).units) == 1
    folder = write_csv(tmp_path, "unit_id,parent_id,votes:A\nN,,5\n,,\nS,N,5\n")
    [p] = refused(folder)  # a blank row inside the data is still a row without unit_id
    assert (p.row, p.column) == (3, "unit_id")


def test_hand_made_workbook_with_flattened_election_sheet(tmp_path):
    import xlsxwriter

    path = tmp_path / "hand.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Election")
    for r, (k, v) in enumerate(
        [
            ("name", "2021"),
            ("levels", "nation, region"),
            ("seats.total", 10),
            ("seats.method", "dhondt"),
            ("seats.threshold_pct", 5),
            ("seats.threshold_base", "valid"),
        ]
    ):
        sheet.write(r, 0, k)
        sheet.write(r, 1, v)
    cs = book.add_worksheet("Contestants")
    cs.write_row(0, 0, ["code", "name", "ballot_order", "registration_order"])
    cs.write_row(1, 0, ["A", "Party A", 1, 1])
    cs.write_row(2, 0, ["B", "Party B", 2, 2])
    rs = book.add_worksheet("Results")
    rs.write_row(0, 0, ["unit_id", "parent_id", "votes:A", "votes:B", "seats:A", "seats:B"])
    rs.write_row(1, 0, [1, "", 600, 400, 6, 4])
    rs.write_row(2, 0, [2, 1, 600, 401])
    book.close()
    e = load(path)
    assert e.info.name == "2021"
    assert e.info.levels == ["nation", "region"]
    assert e.info.seats is not None
    assert e.info.seats.method == "dhondt"
    assert e.units.ids == ["1", "2"]
    got = {(f.rule, f.field) for f in run_audit(e).findings}
    assert got == {("sum.children", "votes:B")}
