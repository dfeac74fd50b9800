"""What a figure cell may hold (CONTRACT §1): the grammar of counts and percentages, one place.

A count is the digits 0-9, optionally with a leading `+` and spaces around them, at most
999,999,999,999. A percentage is a plain decimal number. The same grammar serves the package
reader (vectorised over a column of text) and the import wizard and typed cells (one cell).
"""

from __future__ import annotations

import math
import re

from core.formats.limits import MAX_COUNT

COUNT_PATTERN = r"^\+?0*[0-9]{1,12}$"  # after the surrounding spaces are stripped
SPACES = " \t"
_COUNT = re.compile(COUNT_PATTERN)
PCT_PATTERN = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_PCT = re.compile(PCT_PATTERN)


def count_problem(text: str) -> str:
    """Why a cell is not a count, in words (the cell is known to fail the grammar)."""
    t = text.strip(SPACES)
    if t.endswith("%"):
        return "a count cannot be a percentage; put percentages in a pct: column"
    if any(ch.isdigit() and not ch.isascii() for ch in t):
        return "a count is written with the digits 0-9 (this cell uses another script's digits)"
    if any(sep in t for sep in (",", " ", "\u00a0", "\u202f", "'")) and any(
        ch.isdigit() for ch in t
    ):
        return "a count must be written without thousands separators (1234567, not 1,234,567)"
    body = t.removeprefix("-")
    if t.startswith("-") and body.isascii() and body.isdigit():
        return "a count cannot be negative"
    if t.removeprefix("+").lstrip("0").isascii() and t.removeprefix("+").isdigit():
        return f"the count is above {MAX_COUNT:,}, too large to be a real figure"
    if "." in t and t.replace(".", "", 1).isascii() and t.replace(".", "", 1).isdigit():
        return "a count must be a whole number"
    return "a count must be a non-negative whole number"


def pct_problem(text: str) -> str:
    """Why a cell is not a percentage, in words."""
    t = text.strip(SPACES)
    if t.endswith("%"):
        return "a percentage is written as a plain number, without the % sign (71.09)"
    if any(ch.isdigit() and not ch.isascii() for ch in t):
        return (
            "a percentage is written with the digits 0-9 (this cell uses another script's digits)"
        )
    if "," in t:
        return "a percentage uses a decimal point, not a comma (71.09)"
    return "a percentage must be a number"


def parse_count(text: str) -> int | None:
    """The count a cell holds, None for an empty cell; ValueError says what is wrong."""
    t = text.strip(SPACES)
    if not t:
        return None
    if not _COUNT.fullmatch(t):
        raise ValueError(count_problem(t))
    return int(t)


def parse_pct(text: str) -> float | None:
    """The percentage a cell holds, None for an empty cell; ValueError says what is wrong."""
    t = text.strip(SPACES)
    if not t:
        return None
    if not _PCT.fullmatch(t):
        raise ValueError(pct_problem(t))
    v = float(t)
    if not math.isfinite(v):
        raise ValueError(pct_problem(t))
    return v
