"""Writes a planned Checks sheet: figures, shared formulas, conditional formats, print setup."""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from core.export.checks.layout import NOT_COVERED, ROW, Col, DepthSheet
from core.export.fast_sheet import cell_text, xml_text
from core.export.page import print_setup

WIDTHS = {"text": 14, "count": 11, "pct": 8, "delta": 11, "dpct": 9}


def write_checks_sheet(book: xlsxwriter.Workbook, sh: DepthSheet, formats: dict[str, Any]) -> None:
    ws = book.add_worksheet(sh.name)
    for c, col in enumerate(sh.cols):
        ws.write_string(0, c, col.header, formats["header"])
    n = len(sh.units)
    last_col = len(sh.cols) - 1
    for lo in range(0, n, _CHUNK):
        hi = min(n, lo + _CHUNK)
        columns = [
            _column_xml(c, col, formats[col.kind], lo, hi, n) for c, col in enumerate(sh.cols)
        ]
        for i, cells in enumerate(zip(*columns, strict=True)):
            ws.write_row_xml(lo + i + 1, 0, last_col, "".join(cells))
    _decorate(ws, sh, formats)


def _decorate(ws: Any, sh: DepthSheet, formats: dict[str, Any]) -> None:
    last = max(1, len(sh.units))
    for c, col in enumerate(sh.cols):
        width = 28 if col.key == ("unit_name",) else WIDTHS.get(col.kind, 11)
        ws.set_column(c, c, max(width, min(len(col.header) + 2, 24)))
        if col.key[0] != "check":
            continue
        x = xl_col_to_name(c)
        # Driven by the Δ formula, so a figure edited in the spreadsheet re-colours its row.
        bad = {
            "type": "formula",
            "criteria": f"=AND(ISNUMBER(${x}2),${x}2<>0)",
            "format": formats["bad"],
        }
        unsure = {
            "type": "formula",
            "criteria": f'=${x}2="{NOT_COVERED}"',
            "format": formats["unsure"],
        }
        ws.conditional_format(1, c, last, c, bad)
        ws.conditional_format(1, c, last, c, unsure)
        for target in col.colours:
            ws.conditional_format(1, target, last, target, bad)
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, last, len(sh.cols) - 1)
    print_setup(ws)


HOW_TO_READ = (
    "Each Checks sheet holds one level: the figures each unit reported, then Δ columns that "
    "recompute each rule from those figures (a non-zero Δ is a finding; edit a figure and the "
    "row re-colours). 'Σ F below' sums the rows one level down (same parent, same source) with "
    "SUMIFS over their 'F passed up' value: the unit's own F if it reports it, otherwise its "
    "own sum from below when every unit below it is covered. That is the contract's cover: a "
    "total is checked against the deepest units that report F where the levels in between "
    "publish nothing. 'not covered' means a total that cannot be verified from below."
)


_CHUNK = 4096


def _column_xml(c: int, col: Col, fmt: Any, lo: int, hi: int, n: int) -> list[str]:
    """The `<c>` elements of one column for data rows lo..hi-1 ("" where there is no cell).

    Built a column at a time because per-cell method calls cost more than the XML itself at
    100,000 rows; formulas are shared (written once per column, as Excel does a fill-down).
    """
    x = xl_col_to_name(c)
    style = "" if fmt is None else f' s="{fmt._get_xf_index()}"'
    out: list[str] = []
    values = col.values[lo:hi]
    if col.formula is None and col.row_formulas is None:
        for r, v in enumerate(values, start=lo + 2):
            if v is None:
                out.append("")
            elif isinstance(v, str):
                space = ' xml:space="preserve"' if v[:1].isspace() or v[-1:].isspace() else ""
                out.append(
                    f'<c r="{x}{r}"{style} t="inlineStr"><is><t{space}>{cell_text(v)}</t></is></c>'
                )
            else:
                out.append(f'<c r="{x}{r}"{style}><v>{v}</v></c>')
        return out
    for r, v in enumerate(values, start=lo + 2):
        if v is None:
            out.append("")
            continue
        if col.row_formulas is not None:
            f = f"<f>{xml_text(col.row_formulas[r - 2].replace(ROW, str(r)))}</f>"
        elif r == 2:
            assert col.formula is not None
            f = (
                f'<f t="shared" ref="{x}2:{x}{n + 1}" si="{c}">'
                f"{xml_text(col.formula.replace(ROW, '2'))}</f>"
            )
        else:
            f = f'<f t="shared" si="{c}"/>'
        if isinstance(v, str):
            out.append(f'<c r="{x}{r}"{style} t="str">{f}<v>{cell_text(v)}</v></c>')
        else:
            out.append(f'<c r="{x}{r}"{style}>{f}<v>{v}</v></c>')
    return out
