"""The canonical results table of an election: its header and rows, as CSV and as cells."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from core.formats.election_json import info_to_json
from core.model.election import SOURCES, STRUCTURE_COLUMNS, Election, ElectionInfo, is_pct


def _escape_text(value: str) -> str:
    """Keep text that begins like a formula from becoming one in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def table_header(election: Election) -> list[str]:
    """The canonical column order: structure, protocol lines, votes, percentages, seats, extras."""
    info = election.info
    present = {name for figs in election.sources.values() for name in figs.columns}
    present.update(info.protocol_fields or ())  # the protocol's lines, even the empty ones
    ordered = [*info.count_fields(), *info.extra_counts(), *info.pct_fields(), *info.seat_fields()]
    return [*STRUCTURE_COLUMNS, *(f for f in ordered if f in present), *election.extra_columns]


def table_rows(election: Election) -> Iterable[list[Any]]:
    """One row per (unit, source) in unit order; None for a figure that was not reported."""
    header = table_header(election)
    units = election.units
    levels = election.info.levels
    figure_names = header[len(STRUCTURE_COLUMNS) :]
    for u in range(len(units)):
        p = int(units.parent[u])
        for src in SOURCES:
            figs = election.sources.get(src)
            if figs is None or not figs.present[u]:
                continue
            lv = int(units.level[u])
            row: list[Any] = [
                units.ids[u],
                units.names[u],
                levels[lv] if lv >= 0 else "",
                units.ids[p] if p >= 0 else "",
                src,
            ]
            for name in figure_names:
                if name in figs.extras:
                    row.append(figs.extras[name][u])
                else:
                    row.append(figs.value(name, u))
            yield row


def format_cell(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and is_pct(name):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, str):
        return _escape_text(value)
    return str(value)


def results_csv_bytes(election: Election) -> bytes:
    header = table_header(election)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in table_rows(election):
        w.writerow([format_cell(v, h) for v, h in zip(row, header, strict=True)])
    return buf.getvalue().encode("utf-8")


def election_json_bytes(info: ElectionInfo) -> bytes:
    return (json.dumps(info_to_json(info), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
