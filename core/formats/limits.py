"""The limits that keep hostile files out, checked before the work is done (README: Limits)."""

from __future__ import annotations

# An input file, or an archive member once expanded, is at most this large. (Reading a table
# holds its bytes and its cells at once, about twice its size: 768 MB keeps a table of long
# names within 2.5 GB; the 1,000,000-station election is 185 MB.)
MAX_INPUT_BYTES = 768 * 1024**2
# A compressed member may expand at most this many times its compressed size.
MAX_RATIO = 100
# Members an archive may list (a package has two files, a workbook a few dozen).
MAX_MEMBERS = 10_000
# Rows (lines) and columns of a results table, and its cells (rows x columns).
MAX_ROWS = 2_000_000
MAX_COLUMNS = 20_000
MAX_CELLS = 60_000_000
# A spreadsheet's cells become Python objects when read, so a sheet holds fewer.
MAX_SHEET_CELLS = 12_000_000
# Nesting of election.json (objects and lists inside each other).
MAX_JSON_DEPTH = 64
MAX_JSON_BYTES = 16 * 1024**2
# The largest count a package may hold (CONTRACT §1): beyond any electorate.
MAX_COUNT = 999_999_999_999
# Problems listed for one column before the rest are only counted.
MAX_PROBLEMS_PER_COLUMN = 500


def size_text(n: int) -> str:
    """A byte count for people: 1.5 GB, 300 MB, 12 KB."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"
