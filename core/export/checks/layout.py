"""The shape of a Checks sheet: columns, rows, and rule formulas filled with cell references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from xlsxwriter.utility import xl_col_to_name

Cached = list[Any]  # per row: a number, "" (the formula gives empty text), or None (no cell)
NOT_COVERED = "not covered"
# {field} a cell of the row; {?field} 0 when the sheet has no such column; {~field} empty text
# then (ISNUMBER of it is FALSE: "not reported", as a blank cell of a column that exists).
_PLACEHOLDER = re.compile(r"\{([?~]?)([^{}]+)\}")
ROW = "§"  # stands for the row number in a column's formula


def fill(template: str, refs: dict[str, str]) -> str | None:
    """A rule's sheet formula with cell references; None when a required field has no column."""
    missing = False

    def sub(m: re.Match[str]) -> str:
        nonlocal missing
        ref = refs.get(m.group(2))
        if ref is None:
            missing = missing or not m.group(1)
            return '""' if m.group(1) == "~" else "0"
        return ref

    out = _PLACEHOLDER.sub(sub, template)
    return None if missing else out


def sheet_ref(sheet: str, col: int, first: int, last: int) -> str:
    c = xl_col_to_name(col)
    return f"'{sheet}'!${c}${first + 1}:${c}${last + 1}"


@dataclass
class Col:
    """One column of a Checks sheet: its header, number format, formula and cached values."""

    key: tuple[str, ...]
    header: str
    kind: str  # text, count, pct, delta, dpct, helper
    formula: str | None = None  # with ROW for the row number
    values: Cached = field(default_factory=list)
    # Reported cells that this difference column colours when it is non-zero.
    colours: list[int] = field(default_factory=list)
    row_formulas: dict[int, str] | None = None  # instead of `formula`: only these rows


@dataclass
class DepthSheet:
    """One level's Checks sheet: its rows (unit, source) and columns."""

    depth: int
    name: str
    units: npt.NDArray[np.int64]
    sources: list[str]
    cols: list[Col] = field(default_factory=list)
    index: dict[tuple[str, ...], int] = field(default_factory=dict)
    row_of: dict[tuple[int, str], int] = field(default_factory=dict)  # 0-based data row
    masks: dict[str, npt.NDArray[np.bool_]] = field(default_factory=dict)  # rows of each source

    def add(self, col: Col) -> int:
        self.index[col.key] = len(self.cols)
        self.cols.append(col)
        return len(self.cols) - 1

    def letter(self, key: tuple[str, ...]) -> str | None:
        i = self.index.get(key)
        return None if i is None else xl_col_to_name(i)

    def span(self, key: tuple[str, ...]) -> str:
        i = self.index[key]
        return sheet_ref(self.name, i, 1, max(1, len(self.units)))


def blanks(rep: npt.NDArray[np.bool_], vals: npt.NDArray[Any]) -> Cached:
    out: Cached = vals.tolist()
    for i in np.flatnonzero(~rep).tolist():
        out[i] = None
    return out


def cells(ok: npt.NDArray[np.bool_], vals: npt.NDArray[Any]) -> Cached:
    out: Cached = vals.tolist()
    for i in np.flatnonzero(~ok).tolist():
        out[i] = ""
    return out
