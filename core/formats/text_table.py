"""A results table as read from a file: its header as written, and its cells as text."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass
class TextTable:
    """A results table as read: the header as written, and the cells as text.

    `frame` has one String column per distinct header name (the first of two columns of one
    name); its row i is the file's row `first_row + i`.
    """

    file: str
    header: list[str]
    frame: pl.DataFrame
    first_row: int = 2
