"""Write the canonical .xlsx form of a package: sheets Results, Election and Contestants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import xlsxwriter

from core.formats.election_json import info_to_json
from core.formats.rows import table_header, table_rows
from core.model.election import Election


def write_results_sheet(
    book: xlsxwriter.Workbook, election: Election, name: str = "Results"
) -> Any:
    """The Results sheet in canonical layout; text is always written as text, never a formula."""
    sheet = book.add_worksheet(name)
    header = table_header(election)
    bold = book.add_format({"bold": True})
    for c, h in enumerate(header):
        sheet.write_string(0, c, h, bold)
    for r, row in enumerate(table_rows(election), start=1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                sheet.write_string(r, c, v)
            else:
                sheet.write_number(r, c, v)
    sheet.freeze_panes(1, 0)
    return sheet


def write_election_sheets(book: xlsxwriter.Workbook, election: Election) -> None:
    obj = info_to_json(election.info)
    sheet = book.add_worksheet("Election")
    for r, (key, value) in enumerate((k, v) for k, v in obj.items() if k != "contestants"):
        sheet.write_string(r, 0, key)
        if isinstance(value, (dict, list)):
            sheet.write_string(r, 1, json.dumps(value, ensure_ascii=False))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(r, 1, value)
        else:
            sheet.write_string(r, 1, str(value))
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 60)
    cs = book.add_worksheet("Contestants")
    head = ["code", "name", "ballot_order", "registration_order"]
    for c, h in enumerate(head):
        cs.write_string(0, c, h)
    for r, ct in enumerate(election.info.contestants, start=1):
        cs.write_string(r, 0, ct.code)
        cs.write_string(r, 1, ct.name)
        cs.write_number(r, 2, ct.ballot_order)
        cs.write_number(r, 3, ct.registration_order)


def write_xlsx(election: Election, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False})
    write_results_sheet(book, election)
    write_election_sheets(book, election)
    book.close()
    tmp.replace(path)
