"""The importer: any encoding and layout read, headers guessed, every problem listed, one Change."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from core.cli import audit as cli
from core.formats import package
from core.importer.mapping import guess_field
from core.importer.plan import ImportOptions, guess_mapping, plan_import, read_table
from core.model.election import Election
from core.opener.load import load
from core.project.session import Workspace


@pytest.fixture
def election() -> Election:
    return load(cli.SAMPLE)


def table(rows: list[list[str]], sep: str = ",") -> str:
    # cells kept apart: ruff would take Cyrillic next to Latin for a confusable
    return "".join(sep.join(r) + "\n" for r in rows)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_utf16_file_is_read_and_named(tmp_path: Path) -> None:
    p = write(
        tmp_path, "t.csv", table([["Регион", "Явка"], ["Ақмола облысы", "70,1"]], ";"), "utf-16"
    )
    raw = read_table(p)
    assert raw.encoding == "utf-16"
    assert raw.delimiter == ";"
    assert raw.header == ["Регион", "Явка"]
    assert raw.rows == [["Ақмола облысы", "70,1"]]
    assert not raw.problems


def test_cp1251_file_is_detected(tmp_path: Path) -> None:
    text = table([["Участок", "Число избирателей"], ["Алматы", "1000"]], "\t")
    p = write(tmp_path, "t.csv", text, "cp1251")
    raw = read_table(p)
    assert (raw.encoding, raw.delimiter) == ("cp1251", "\t")
    assert raw.header == ["Участок", "Число избирателей"]
    assert raw.rows[0][0] == "Алматы"


def test_utf8_bom_is_not_part_of_the_header(tmp_path: Path) -> None:
    raw = read_table(write(tmp_path, "t.csv", "unit_id,valid\nKZ,5\n", "utf-8-sig"))
    assert raw.encoding == "utf-8-sig"
    assert raw.header == ["unit_id", "valid"]


def test_a_forced_wrong_encoding_names_the_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "t.csv", table([["name", "valid"], ["KZ", "5"], ["Алматы", "6"]]), "cp1251")
    raw = read_table(p, encoding="utf-8")
    assert [pr.row for pr in raw.problems] == [3]
    assert "not valid utf-8" in raw.problems[0].message


def test_xlsx_sheet_is_read_with_whole_numbers(tmp_path: Path) -> None:
    p = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["Регион", "Nur Otan", "Явка"])
    ws.write_row(1, 0, ["Almaty", 178461, 55.5])
    wb.close()
    raw = read_table(p)
    assert raw.encoding is None
    assert raw.header == ["Регион", "Nur Otan", "Явка"]
    assert raw.rows == [["Almaty", "178461", "55.5"]]


def write_ods(path: Path, rows: list[list[object]]) -> None:
    """The least ODS a spreadsheet program would write: one sheet of strings and numbers."""
    ns = "urn:oasis:names:tc:opendocument:xmlns"

    def cell(v: object) -> str:
        kind = "float" if isinstance(v, int | float) else "string"
        value = f' office:value="{v}"' if kind == "float" else ""
        return (
            f'<table:table-cell office:value-type="{kind}"{value}>'
            f"<text:p>{v}</text:p></table:table-cell>"
        )

    body = "".join(
        f"<table:table-row>{''.join(cell(v) for v in r)}</table:table-row>" for r in rows
    )
    content = (
        f'<office:document-content xmlns:office="{ns}:office:1.0" xmlns:table="{ns}:table:1.0" '
        f'xmlns:text="{ns}:text:1.0" office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Sheet1">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    mime = "application/vnd.oasis.opendocument.spreadsheet"
    manifest = (
        f'<manifest:manifest xmlns:manifest="{ns}:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", mime)
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def test_ods_sheet_is_read(tmp_path: Path, election: Election) -> None:
    p = tmp_path / "t.ods"
    write_ods(p, [["Аймақ", "Adal"], ["Almaty", 18900], ["Almaty Region", 12.5]])
    raw = read_table(p)
    assert raw.header == ["Аймақ", "Adal"]
    assert raw.rows == [["Almaty", "18900"], ["Almaty Region", "12.5"]]
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "observer")
    assert [(p.row, p.column, p.value) for p in plan.problems] == [(3, "Adal", "12.5")]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Явка", "pct:turnout"),
        ("Явка, %", "pct:turnout"),
        ("Turnout", "pct:turnout"),
        ("  Недействительные   бюллетени ", "invalid"),
        ("Число недействительных бюллетеней", "invalid"),
        ("Жарамсыз бюллетеньдер", "invalid"),
        ("Invalid ballots", "invalid"),
        ("Недействительные бюллетени, %", "pct:invalid"),
        ("ЧИСЛО ИЗБИРАТЕЛЕЙ", "registered"),
        ("Сайлаушылар саны", "registered"),
        ("Registered voters", "registered"),
        ("Действительные", "valid"),
        ("Жарамды бюллетеньдер", "valid"),
        ("Участок", "unit_name"),
        ("Учаске", "unit_name"),
        ("Учаск\u0065", "unit_name"),  # a Latin e typed inside a Cyrillic word
        ("Код участка", "unit_id"),
        ("Nur Otan", "votes:NO"),
        ("adal", "votes:ADAL"),
        ("Nur Otan, %", "pct:NO"),
        ("votes:QHP", "votes:QHP"),
        ("Примечание", ""),
    ],
)
def test_headers_are_guessed_in_three_languages(
    election: Election, header: str, field: str
) -> None:
    assert guess_field(header, election.info) == field


def test_mapping_keeps_the_first_of_two_columns_for_one_field(election: Election) -> None:
    assert guess_mapping(["Регион", "Явка", "Turnout"], election.info) == {
        0: "unit_name",
        1: "pct:turnout",
    }


REGIONS = "Регион;Nur Otan;Явка\nAkmola Region;1 278 209;75%\nAlmaty;178461;55,5%\n"


def test_thousands_separators_and_percent_refused_unless_allowed(
    tmp_path: Path, election: Election
) -> None:
    raw = read_table(write(tmp_path, "r.csv", REGIONS))
    mapping = guess_mapping(raw.header, election.info)
    plan = plan_import(raw, mapping, election, "observer")
    assert [(p.row, p.column, p.value) for p in plan.problems] == [
        (2, "Nur Otan", "1 278 209"),
        (2, "Явка", "75%"),
        (3, "Явка", "55,5%"),
    ]
    assert not plan.ready
    opts = ImportOptions(thousands=True, percent_sign=True)
    plan = plan_import(raw, mapping, election, "observer", opts)
    assert plan.ready
    got = {(e.unit, e.field): e.new for e in plan.change.edits}
    assert got[("KZ-01", "votes:NO")] == 1278209
    assert got[("KZ-03", "pct:turnout")] == 55.5


def test_total_row_is_spotted_by_name_and_by_sum(tmp_path: Path, election: Election) -> None:
    text = table(
        [
            ["Регион", "Nur Otan"],
            ["Akmola Region", "10"],
            ["Aktobe Region", "20"],
            ["Almaty", "30"],
            ["Итого по стране", "60"],
            ["Almaty Region", "40"],
            ["", "100"],
        ]
    )
    raw = read_table(write(tmp_path, "t.csv", text))
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "observer")
    assert [t.row for t in plan.skipped_total_rows] == [5, 7]
    assert plan.matched == 4
    assert plan.ready
    kept = plan_import(
        raw,
        guess_mapping(raw.header, election.info),
        election,
        "observer",
        ImportOptions(keep_total_rows=True),
    )
    assert {p.row for p in kept.problems} == {5, 7}  # they name no unit


def test_text_in_a_count_is_listed_with_row_and_column(tmp_path: Path, election: Election) -> None:
    text = "unit_id,Действительные,Adal\nKZ-01,abc,5\nKZ-02,12,7.5\nKZ-03,-3,1\n"
    raw = read_table(write(tmp_path, "t.csv", text))
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "official")
    where = [(p.row, p.column, p.value) for p in plan.problems]
    assert where == [(2, "Действительные", "abc"), (3, "Adal", "7.5"), (4, "Действительные", "-3")]
    assert "negative" in plan.problems[2].message


def test_unmatched_units_are_problems_unless_skipped(tmp_path: Path, election: Election) -> None:
    text = "Регион,Adal\nAlmaty,1\nAtlantis,2\nAlmaty Region,3\n"
    raw = read_table(write(tmp_path, "t.csv", text))
    mapping = guess_mapping(raw.header, election.info)
    plan = plan_import(raw, mapping, election, "observer")
    assert [(p.row, p.value) for p in plan.problems] == [(3, "Atlantis")]
    plan = plan_import(raw, mapping, election, "observer", ImportOptions(skip_unmatched=True))
    assert plan.ready
    assert [u.row for u in plan.unmatched] == [3]
    assert plan.matched == 2


def test_names_are_matched_under_the_chosen_parent(tmp_path: Path, election: Election) -> None:
    raw = read_table(write(tmp_path, "t.csv", "Регион,Adal\nalmaty ,1\n"))
    mapping = guess_mapping(raw.header, election.info)
    plan = plan_import(raw, mapping, election, "observer", ImportOptions(parent="KZ-01"))
    assert "no unit under KZ-01" in plan.problems[0].message
    plan = plan_import(raw, mapping, election, "observer", ImportOptions(parent="KZ"))
    assert [e.unit for e in plan.change.edits] == ["KZ-03"]


def test_the_change_applies_as_one_undoable_command(tmp_path: Path, election: Election) -> None:
    text = "unit_id;Nur Otan;Adal;Жарамсыз бюллетеньдер\nKZ-03;178461;18900;1200\nKZ-04;1;2;3\n"
    raw = read_table(write(tmp_path, "regions.csv", text))
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "official")
    assert plan.change.label == "Import of 2 rows from regions.csv"
    assert plan.change.kind == "import"
    # 178461 is already there: unchanged cells are not edits
    assert len(plan.change.edits) == 5
    ws = Workspace(election)
    figs = election.sources["official"]
    ws.apply(plan.change)
    assert figs.value("votes:ADAL", 3) == 18900
    assert figs.value("invalid", 4) == 3
    ws.undo()
    assert figs.value("votes:ADAL", 3) == 18835
    assert figs.value("invalid", 4) is None
    assert not ws.history.can_undo


def test_nothing_changes_while_planning(tmp_path: Path, election: Election) -> None:
    raw = read_table(write(tmp_path, "t.csv", "unit_id,Adal\nKZ-03,1\n"))
    plan_import(raw, guess_mapping(raw.header, election.info), election, "observer")
    assert "observer" not in election.sources
    assert election.sources["official"].value("votes:ADAL", 3) == 18835


def test_the_canonical_workbook_imports_onto_itself_as_no_change(
    tmp_path: Path, election: Election
) -> None:
    package.save(election, tmp_path / "sample.xlsx")
    raw = read_table(tmp_path / "sample.xlsx")
    assert raw.sheet == "Results"
    mapping = guess_mapping(raw.header, election.info)
    assert [raw.header[i] for i in mapping] == raw.header  # every canonical column recognised
    assert all(raw.header[i] == f for i, f in mapping.items())
    plan = plan_import(raw, mapping, election, "official")
    assert plan.problems == []
    assert plan.matched == 18
    assert plan.change.edits == ()
    assert not plan.ready  # nothing to import


def test_a_row_of_the_wrong_level_is_a_problem(tmp_path: Path, election: Election) -> None:
    raw = read_table(write(tmp_path, "t.csv", "unit_id,level,Adal\nKZ-03,station,1\n"))
    plan = plan_import(raw, guess_mapping(raw.header, election.info), election, "observer")
    assert [(p.row, p.column, p.value) for p in plan.problems] == [(2, "level", "station")]


def test_a_mapping_that_cannot_work_is_explained(tmp_path: Path, election: Election) -> None:
    raw = read_table(write(tmp_path, "t.csv", "a,b,c\nx,1,2\n"))
    plan = plan_import(raw, {1: "votes:NO", 2: "votes:NO"}, election, "observer")
    messages = [p.message for p in plan.problems]
    assert messages == [
        "is mapped to votes:NO, as column 'b' already is",
        "map a column to unit_id or unit_name, to know which unit a row is",
    ]
    assert plan.problems[0].column == "c"


def test_empty_cells_clear_figures_only_when_asked(tmp_path: Path, election: Election) -> None:
    raw = read_table(write(tmp_path, "t.csv", "unit_id,Adal,Nur Otan\nKZ-03,,1\n"))
    mapping = guess_mapping(raw.header, election.info)
    plan = plan_import(raw, mapping, election, "official")
    assert [(e.field, e.old, e.new) for e in plan.change.edits] == [("votes:NO", 178461, 1)]
    plan = plan_import(raw, mapping, election, "official", ImportOptions(empty_clears=True))
    assert ("votes:ADAL", 18835, None) in [(e.field, e.old, e.new) for e in plan.change.edits]


def test_title_lines_above_the_table_are_passed_over(tmp_path: Path) -> None:
    text = table(
        [
            ["Итоги голосования"],
            ["по областям"],
            [],
            ["Область", "Явка", "Действительные"],
            ["Акмолинская", "75,3", "5100"],
            ["Актюбинская", "70", "4000"],
        ],
        ";",
    )
    raw = read_table(write(tmp_path, "t.csv", text))
    assert raw.delimiter == ";"
    assert raw.header == ["Область", "Явка", "Действительные"]
    assert raw.row_number(0) == 5
    assert len(raw.rows) == 2


def test_a_mostly_latin_table_with_russian_headers_is_windows_1251(tmp_path: Path) -> None:
    text = "Регион;Nur Otan;Явка\nAkmola Region;278209;60,1\nAlmaty;178461;55\n"
    p = write(tmp_path, "t.csv", text, "cp1251")
    raw = read_table(p)
    assert raw.encoding == "cp1251"
    assert raw.header[0] == "Регион"
