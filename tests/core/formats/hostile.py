"""A corpus of hostile and malformed inputs, made on the spot (nothing big is committed).

Each case writes one input and says what must become of it: refused (exit 2) with a phrase
the message must hold, or read, with a check of what was read. The tests run every case
through `audit`, the export and the import wizard's core path.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.model.election import Election

INFO: dict[str, Any] = {
    "format": "sanaq/1",
    "name": "Hostile",
    "levels": ["nation", "station"],
    "contestants": [{"code": "A", "name": "Party A"}, {"code": "B", "name": "Party B"}],
}
HEADER = "unit_id,unit_name,level,parent_id,registered,ballots_cast,invalid,valid,votes:A,votes:B"
ROWS = [
    "N,Nation,nation,,400,190,10,180,120,60",
    "S1,One,station,N,200,100,10,90,60,30",
    "S2,Two,station,N,200,90,0,90,60,30",
]
GOOD = "\n".join([HEADER, *ROWS]) + "\n"


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, and what must become of it."""

    name: str
    make: Callable[[Path], Path]  # writes the input in a folder, returns the PATH to audit
    refused: str | None = None  # a phrase of the refusal; None: read correctly
    check: Callable[[Election], bool] | None = None
    table: str | None = None  # the file the import wizard reads, relative to the PATH
    wizard_refuses: bool = False  # the wizard too must refuse it or list a problem

    def __str__(self) -> str:
        return self.name


def package(csv: bytes | str, info: dict[str, Any] | bytes | None = None) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        folder = root / "pkg"
        folder.mkdir()
        j = info if isinstance(info, bytes) else json.dumps(info or INFO).encode()
        (folder / "election.json").write_bytes(j)
        (folder / "results.csv").write_bytes(csv.encode() if isinstance(csv, str) else csv)
        return folder

    return make


def cell(unit: int, col: str, value: str) -> str:
    """The good table with one cell of a unit replaced (0 the nation, 1 and 2 its stations)."""
    names = HEADER.split(",")
    rows = [r.split(",") for r in ROWS]
    rows[unit][names.index(col)] = value
    return "\n".join([HEADER, *(",".join(r) for r in rows)]) + "\n"


def with_pct(value: str) -> str:
    """The good table with a pct:A column holding `value` on every row."""
    lines = [HEADER + ",pct:A", *(r + "," + value for r in ROWS)]
    return "\n".join(lines) + "\n"


def votes_a(value: int) -> Callable[[Election], bool]:
    return lambda e: e.sources["official"].value("votes:A", 1) == value


def seats(**s: Any) -> dict[str, Any]:
    return {**INFO, "seats": s}


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def good_members(prefix: str = "pkg/") -> dict[str, bytes]:
    return {
        f"{prefix}election.json": json.dumps(INFO).encode(),
        f"{prefix}results.csv": GOOD.encode(),
    }


def zip_file(data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        path = root / "pkg.zip"
        path.write_bytes(data() if callable(data) else data)
        return path

    return make


def patch_central(
    data: bytes, offset: int, fmt: str, value: int, local: int | None = None
) -> bytes:
    """Set a field of every central directory entry (and of the local headers at `local`)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into(fmt, out, at + offset, value)
        at = out.find(b"PK\x01\x02", at + 4)
    if local is not None:
        at = out.find(b"PK\x03\x04")
        while at >= 0:
            struct.pack_into(fmt, out, at + local, value)
            at = out.find(b"PK\x03\x04", at + 4)
    return bytes(out)


def encrypted() -> bytes:
    return patch_central(zipped(good_members()), 8, "<H", 1, local=6)


def deflate64() -> bytes:
    return patch_central(zipped(good_members()), 10, "<H", 9, local=8)


def lying_size(size: int) -> Callable[[], bytes]:
    return lambda: patch_central(zipped(good_members()), 24, "<I", size, local=22)


def bad_crc() -> bytes:
    data = bytearray(zipped(good_members(), zipfile.ZIP_STORED))
    at = data.find(b"S1,One")
    data[at] = ord("X")
    return bytes(data)


def overlapping() -> bytes:
    """Many central entries that all point at the one local header and its data."""
    data = zipped(
        {"pkg/results.csv": GOOD.encode(), "pkg/election.json": json.dumps(INFO).encode()}
    )
    cd = data.find(b"PK\x01\x02")
    first_end = data.find(b"PK\x01\x02", cd + 4)
    entry = bytearray(data[cd:first_end])
    entries = b""
    for i in range(200):
        e = bytearray(entry)
        struct.pack_into("<I", e, 42, 0)  # every entry at offset 0
        entries += bytes(e) if i else bytes(entry)
    end = data.find(b"PK\x05\x06")
    eocd = bytearray(data[end:])
    struct.pack_into("<HHII", eocd, 8, 200, 200, len(entries), cd)
    return data[:cd] + entries + bytes(eocd)


def bomb() -> bytes:
    return zipped(
        {
            "pkg/election.json": json.dumps(INFO).encode(),
            "pkg/results.csv": GOOD.encode() + b" " * (60 * 1024**2),
        }
    )


def workbook(patch: Callable[[dict[str, bytes]], None] | None = None) -> Callable[[Path], Path]:
    """The good package as a canonical .xlsx, with its XML members patched."""

    def make(root: Path) -> Path:
        from core.formats.package import save
        from core.opener.load import load

        path = root / "pkg.xlsx"
        save(load(package(GOOD)(root)), path)
        if patch is not None:
            with zipfile.ZipFile(path) as zf:
                members = {i.filename: zf.read(i) for i in zf.infolist()}
            patch(members)
            path.write_bytes(zipped(members))
        return path

    return make


def sheet_patch(old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    def patch(members: dict[str, bytes]) -> None:
        name = "xl/worksheets/sheet1.xml"
        assert old in members[name]
        members[name] = members[name].replace(old, new, 1)

    return patch


def error_cell(members: dict[str, bytes]) -> None:
    """votes:A of S1 (column I, row 3) holds #DIV/0!, as a spreadsheet writes an error."""
    name = "xl/worksheets/sheet1.xml"
    xml = members[name]
    start = xml.find(b'<c r="I3"')
    end = xml.find(b"</c>", start) + 4
    members[name] = xml[:start] + b'<c r="I3" t="e"><v>#DIV/0!</v></c>' + xml[end:]


def nested(depth: int) -> bytes:
    return (json.dumps(INFO)[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}").encode()


def wide_header(columns: int) -> str:
    return "unit_id,parent_id," + ",".join(f"extra{i}" for i in range(columns)) + "\nN,\n"


def many_lines(lines: int) -> bytes:
    return b"unit_id,parent_id\nN,\n" + b"S,N\n" * lines


CSV_CASES = [
    Case(
        "duplicated header",
        package(HEADER + ",votes:A\n" + ROWS[0] + ",1\n"),
        "appears twice",
        table="results.csv",
    ),
    Case(
        "header of 100,000 columns (>64 KiB)",
        package(wide_header(100_000)),
        "columns",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "header of 20,001 columns",
        package(wide_header(20_001)),
        "at most 20,000",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "CR-only line endings",
        package(GOOD.replace("\n", "\r")),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "CRLF line endings",
        package(GOOD.replace("\n", "\r\n")),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "mixed line endings",
        package(GOOD.replace("\n", "\r", 1)),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "a ragged row",
        package(GOOD + "S3,Three,station,N,1,1,1,1,1,1,1,1\n"),
        "the header has",
        table="results.csv",
    ),
    Case("empty file", package(b""), "empty", table="results.csv", wizard_refuses=True),
    Case("header only", package(HEADER + "\n"), "no rows", table="results.csv"),
    Case(
        "a BOM and nothing else",
        package(b"\xef\xbb\xbf"),
        "empty",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "NUL byte in a name",
        package(cell(1, "unit_name", "O\x00ne")),
        check=lambda e: "\x00" in e.units.names[1],
        table="results.csv",
    ),
    Case(
        "escape sequence in a name",
        package(cell(1, "unit_name", "\x1b[2J\x1b[31mOne")),
        check=lambda e: e.units.names[1].startswith("\x1b"),
        table="results.csv",
    ),
    Case(
        "bidi override in a name",
        package(cell(1, "unit_name", "\u202eenO")),
        check=lambda e: "\u202e" in e.units.names[1],
        table="results.csv",
    ),
    Case(
        "quoted name with a newline",
        package(cell(1, "unit_name", '"O\nne"')),
        check=lambda e: e.units.names[1] == "O\nne",
        table="results.csv",
    ),
    Case("unbalanced quote", package(cell(1, "unit_name", '"One')), "", table="results.csv"),
    Case(
        "count 999,999,999,999",
        package(cell(1, "votes:A", "999999999999")),
        check=votes_a(999_999_999_999),
        table="results.csv",
    ),
    Case(
        "count 1,000,000,000,000",
        package(cell(1, "votes:A", "1000000000000")),
        "999,999,999,999",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "count 2**63-1",
        package(cell(1, "votes:A", str(2**63 - 1))),
        "999,999,999,999",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "count of 25 digits",
        package(cell(1, "votes:A", "9" * 25)),
        "999,999,999,999",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "count with leading zeros",
        package(cell(1, "votes:A", "0000000000060")),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "negative count",
        package(cell(1, "votes:A", "-60")),
        "negative",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "minus zero",
        package(cell(1, "votes:A", "-0")),
        "negative",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case("plus sign", package(cell(1, "votes:A", "+60")), check=votes_a(60), table="results.csv"),
    Case(
        "spaces around a count",
        package(cell(1, "votes:A", "  60 ")),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "Arabic-Indic digits",
        package(cell(1, "votes:A", "٦٠")),
        "digits 0-9",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "full-width digits",
        package(cell(1, "votes:A", "６０")),
        "digits 0-9",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "Devanagari digits",
        package(cell(1, "votes:A", "६०")),
        "digits 0-9",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "thousands separator",
        package(cell(1, "votes:A", '"6,0"')),
        "separators",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "decimal count",
        package(cell(1, "votes:A", "60.0")),
        "whole number",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "hex count",
        package(cell(1, "votes:A", "0x3C")),
        "whole number",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "percentage NaN",
        package(with_pct("nan")),
        "percentage",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "percentage infinity",
        package(with_pct("inf")),
        "percentage",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "percentage with a comma", package(with_pct('"66,7"')), "decimal point", table="results.csv"
    ),
    Case(
        "percentage in Arabic digits",
        package(with_pct("٦٦")),
        "digits 0-9",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "unknown contestant code",
        package(GOOD.replace("votes:B", "votes:C")),
        "no contestant",
        table="results.csv",
    ),
    Case(
        "no unit_id column",
        package(GOOD.replace("unit_id", "id")),
        "required column",
        table="results.csv",
    ),
    Case("two roots", package(cell(2, "parent_id", "")), "exactly one root", table="results.csv"),
    Case(
        "a cycle",
        package(GOOD + "X,X,station,Y,1,1,0,1,1,0\nY,Y,station,X,1,1,0,1,1,0\n"),
        "cycle",
        table="results.csv",
    ),
    Case(
        "parent names no unit",
        package(cell(2, "parent_id", "Q")),
        "no unit has this unit_id",
        table="results.csv",
    ),
    Case(
        "repeated unit and source",
        package(GOOD + ROWS[1] + "\n"),
        "already has",
        table="results.csv",
    ),
    Case(
        "2,000,001 lines",
        package(many_lines(2_000_001)),
        "at most 2,000,000",
        table="results.csv",
        wizard_refuses=True,
    ),
]

ENCODING_CASES = [
    Case(
        "UTF-8 with a BOM",
        package(b"\xef\xbb\xbf" + GOOD.encode()),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "UTF-16 LE with a BOM",
        package(GOOD.replace("One", "Бір").encode("utf-16")),
        check=lambda e: e.units.names[1] == "Бір",
        table="results.csv",
    ),
    Case(
        "UTF-16 BE with a BOM",
        package(b"\xfe\xff" + GOOD.encode("utf-16-be")),
        check=votes_a(60),
        table="results.csv",
    ),
    Case(
        "UTF-16 without a BOM",
        package(GOOD.encode("utf-16-le")),
        "UTF-16 without a byte-order mark",
    ),
    Case(
        "Windows-1251",
        package(
            GOOD.replace("One", "Участок номер один").replace("Two", "Второй").encode("cp1251")
        ),
        check=lambda e: e.units.names[1] == "Участок номер один",
        table="results.csv",
    ),
    Case(
        "Latin-1",
        package(GOOD.replace("One", "Zürich Straße").replace("Two", "Genève").encode("latin-1")),
        "charset detector",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "KOI8-R",
        package(
            GOOD.replace("One", "Участок номер один")
            .replace("Two", "Второй участок")
            .encode("koi8-r")
        ),
        "is not UTF-8",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "Shift-JIS",
        package(GOOD.replace("One", "東京都").replace("Two", "大阪府").encode("shift_jis")),
        "is not UTF-8",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "a stray byte in UTF-8",
        package(
            GOOD.replace("One", "Бірінші")
            .replace("Two", "Екі")
            .encode()
            .replace("Екі".encode(), "Ек".encode() + b"\xff")
        ),
        "byte offset",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "binary noise",
        package(bytes(range(256)) * 64),
        "",
        table="results.csv",
        wizard_refuses=True,
    ),
    Case(
        "UTF-16 BOM, odd bytes",
        package(b"\xff\xfe" + GOOD.encode("utf-16-le") + b"\x00\xd8"),
        "not valid UTF-16",
    ),
    Case(
        "election.json in Windows-1251",
        package(GOOD, json.dumps({**INFO, "name": "Выборы"}, ensure_ascii=False).encode("cp1251")),
        check=lambda e: e.info.name == "Выборы",
    ),
    Case(
        "election.json with a stray byte",
        package(
            GOOD, json.dumps({**INFO, "name": "Сайлау"}, ensure_ascii=False).encode() + b"\xff"
        ),
        "byte offset",
    ),
]

JSON_CASES = [
    Case("election.json nested 5,000 deep", package(GOOD, nested(5000)), "nested"),
    Case("election.json nested 65 deep", package(GOOD, nested(64)), "at most 64"),
    Case(
        "election.json nested 60 deep", package(GOOD, nested(58)), check=lambda e: len(e.units) == 3
    ),
    Case("election.json not JSON", package(GOOD, b"{levels: nation"), "not valid JSON"),
    Case("election.json a list", package(GOOD, b"[1, 2]"), "one JSON object"),
    Case(
        "election.json of 17 MB",
        package(GOOD, b"{" + b" " * (17 * 1024**2) + b"}"),
        "at most 16 MB",
    ),
    Case("seats.total 0", package(GOOD, seats(total=0, method="dhondt")), "seats.total"),
    Case(
        "seats.total 20,000",
        package(GOOD, seats(total=20_000, method="dhondt")),
        "from 1 to 10,000",
    ),
    Case("seats.total 10**7", package(GOOD, seats(total=10**7, method="dhondt")), "seats.total"),
    Case("seats.total true", package(GOOD, seats(total=True, method="dhondt")), "seats.total"),
    Case(
        "seats.threshold_pct text",
        package(GOOD, seats(total=10, method="dhondt", threshold_pct="7")),
        "seats.threshold_pct",
    ),
    Case(
        "seats.threshold_pct 101",
        package(GOOD, seats(total=10, method="dhondt", threshold_pct=101)),
        "from 0 to 100",
    ),
    Case(
        "seats.min_seats_runner_up above total",
        package(GOOD, seats(total=10, method="dhondt", min_seats_runner_up=11)),
        "seats.min_seats_runner_up",
    ),
    Case("seats.method unknown", package(GOOD, seats(total=10, method="borda")), "seats.method"),
    Case(
        "seats with only total and method",
        package(GOOD, seats(total=10, method="dhondt")),
        check=lambda e: (
            e.info.seats is not None
            and e.info.seats.threshold_pct == 0
            and e.info.seats.threshold_base == "valid"
        ),
    ),
]

ZIP_CASES = [
    Case(
        "zip with two results.csv",
        zip_file(zipped({**good_members(), "results.csv": GOOD.encode()})),
        "results.csv twice",
    ),
    Case(
        "zip with two election.json",
        zip_file(zipped({**good_members(), "other/election.json": b"{}"})),
        "election.json twice",
    ),
    Case("zip member encrypted", zip_file(encrypted), "encrypted"),
    Case("zip member with a bad CRC", zip_file(bad_crc), "damaged"),
    Case("zip member in Deflate64", zip_file(deflate64), "compression method 9"),
    Case("zip member claiming fewer bytes", zip_file(lying_size(10)), ""),
    Case("zip member claiming more bytes", zip_file(lying_size(10_000)), ""),
    Case("zip member claiming 5 GB", zip_file(lying_size(4_000_000_000)), "beyond the limit"),
    Case("zip of overlapping entries", zip_file(overlapping), "overlaps"),
    Case("zip bomb past ratio 100", zip_file(bomb), "100 times"),
    Case("not a zip at all", zip_file(b"PK\x03\x04 this is not a zip"), "not a readable zip"),
    Case("truncated zip", zip_file(lambda: zipped(good_members())[:-30]), "not a readable zip"),
    Case("empty zip", zip_file(lambda: zipped({})), "missing"),
    Case("package two folders deep", zip_file(lambda: zipped(good_members("a/b/"))), "missing"),
    Case("good zip", zip_file(lambda: zipped(good_members())), check=votes_a(60)),
]

XLSX_CASES = [
    Case(
        "one cell at XFD1048576",
        workbook(
            sheet_patch(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
            )
        ),
        "1,048,576",
        table=".",
        wizard_refuses=True,
    ),
    Case(
        "a dimension of the whole sheet",
        workbook(sheet_patch(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>')),
        "16,384",
        table=".",
        wizard_refuses=True,
    ),
    Case(
        "#DIV/0! in a count column", workbook(error_cell), "cell I3", table=".", wizard_refuses=True
    ),
    Case(
        "workbook zip bomb",
        workbook(lambda m: m.update({"xl/media/pad.bin": b"\x00" * (60 * 1024**2)})),
        "100 times",
        table=".",
        wizard_refuses=True,
    ),
    Case(
        "workbook that is no zip",
        lambda root: _write(root / "x.xlsx", b"not a workbook"),
        "not a readable zip",
        table=".",
        wizard_refuses=True,
    ),
    Case(
        "workbook without a Results sheet",
        workbook(
            lambda m: m.update(
                {
                    "xl/workbook.xml": m["xl/workbook.xml"].replace(
                        b'name="Results"', b'name="Figures"'
                    )
                }
            )
        ),
        "Results",
    ),
    Case(
        "workbook member encrypted",
        lambda root: _reencrypt(workbook()(root)),
        "encrypted",
        table=".",
        wizard_refuses=True,
    ),
    Case("good workbook", workbook(), check=votes_a(60), table="."),
    Case(
        "ODS repeating one cell 16 billion times",
        lambda root: ods_bomb(root),
        "not an election package",
        table=".",
        wizard_refuses=True,
    ),
]


def ods_bomb(root: Path) -> Path:
    """A small OpenDocument sheet whose one cell is repeated over a million rows."""
    ns = "urn:oasis:names:tc:opendocument:xmlns"
    cell = (
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>'
    )
    content = (
        f'<office:document-content xmlns:office="{ns}:office:1.0" xmlns:table="{ns}:table:1.0" '
        f'xmlns:text="{ns}:text:1.0"><office:body><office:spreadsheet><table:table '
        f'table:name="Results"><table:table-row table:number-rows-repeated="1000000">{cell}'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    mime = b"application/vnd.oasis.opendocument.spreadsheet"
    return _write(root / "t.ods", zipped({"mimetype": mime, "content.xml": content.encode()}))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _reencrypt(path: Path) -> Path:
    path.write_bytes(patch_central(path.read_bytes(), 8, "<H", 1, local=6))
    return path


EXPORT_CASES = [
    Case(
        "levels differing only in case",
        package(GOOD.replace(",station,", ",Nation,"), {**INFO, "levels": ["nation", "Nation"]}),
        check=lambda e: len(e.units) == 3,
    ),
    Case(
        "10,000 seats by D'Hondt",
        package(GOOD, seats(total=10_000, method="dhondt")),
        check=lambda e: e.info.seats is not None,
    ),
]

CASES = CSV_CASES + ENCODING_CASES + JSON_CASES + ZIP_CASES + XLSX_CASES + EXPORT_CASES
