"""Two observers' files of one small election, built from rows, for the merge tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from core.merge.side import Side
from core.model.election import Election, column_dtype
from core.opener.load import load
from core.project.edits import Reviews
from core.project.store import Project
from tests.core.builders import station, write_package

Figures = dict[tuple[str, str, str], int | float]
STATIONS = ("S1", "S2", "S3", "S4")
FIELDS = ("registered", "ballots_cast", "valid", "votes:A", "votes:B", "pct:A")


def rows(stations: tuple[str, ...] = STATIONS) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"unit_id": "KZ", "unit_name": "Nation", "level": "nation", "parent_id": ""},
        {"unit_id": "R1", "unit_name": "Region 1", "level": "region", "parent_id": "KZ"},
        {"unit_id": "D1", "unit_name": "District 1", "level": "district", "parent_id": "R1"},
        {"unit_id": "D2", "unit_name": "District 2", "level": "district", "parent_id": "R1"},
    ]
    for i, s in enumerate(stations):
        out.append(station(s, "D1" if i < 2 else "D2"))
    return out


def base(tmp: Path) -> Election:
    return load(write_package(tmp / "base", rows()))


def figures(e: Election) -> Figures:
    """Every reported figure by (unit id, source, field)."""
    out: Figures = {}
    for source, figs in e.sources.items():
        for name, col in figs.columns.items():
            for u in col.reported.nonzero()[0].tolist():
                v = col.get(u)
                assert v is not None
                out[(e.units.ids[u], source, name)] = v
    return out


def with_figures(e: Election, cells: dict[tuple[str, str, str], int | float | None]) -> Election:
    """A copy of the election with the given figures set (None: not reported)."""
    e = copy.deepcopy(e)
    index = e.units.index
    for (uid, source, name), v in cells.items():
        figs = e.source(source)
        col = figs.ensure(name, column_dtype(name))
        u = index[uid]
        figs.present[u] = True
        col.reported[u] = v is not None
        col.values[u] = 0 if v is None else v
    return e


def side(e: Election, label: str = "theirs.sanaq", reviews: Reviews | None = None) -> Side:
    return Side(label, e, dict(reviews or {}))


def project(path: Path, e: Election, reviews: Reviews | None = None) -> Path:
    Project.create(path, e, reviews=reviews).close()
    return path
