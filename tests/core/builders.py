"""Small election packages written to disk from Python rows, for the core tests."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from core.model.election import Election
from core.opener.load import load

CODES = ("A", "B")


def info_json(codes: tuple[str, ...] = CODES, **extra: Any) -> dict[str, Any]:
    return {
        "format": "sanaq/1",
        "name": "Test election",
        "date": "2024-01-01",
        "levels": ["nation", "region", "district", "station"],
        "contestants": [
            {"code": c, "name": f"Party {c}", "ballot_order": i, "registration_order": i}
            for i, c in enumerate(codes, start=1)
        ],
        **extra,
    }


def write_package(
    folder: Path, rows: list[dict[str, Any]], info: dict[str, Any] | None = None
) -> Path:
    """Write election.json and results.csv; columns are the union of the rows' keys."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.json").write_text(json.dumps(info or info_json()), encoding="utf-8")
    header: list[str] = []
    for row in rows:
        header += [k for k in row if k not in header]
    with open(folder / "results.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(["" if row.get(h) is None else row.get(h) for h in header])
    return folder


def election(tmp_path: Path, rows: list[dict[str, Any]], **info: Any) -> Election:
    return load(write_package(tmp_path / "pkg", rows, info_json(**info) if info else None))


def station(uid: str, parent: str, a: int = 60, b: int = 30, invalid: int | None = 10, **more: Any):
    """A balanced station protocol (valid = a + b, cast = valid + invalid)."""
    return {
        "unit_id": uid,
        "unit_name": f"Station {uid}",
        "level": "station",
        "parent_id": parent,
        "registered": 200,
        "ballots_cast": a + b + (invalid or 0),
        "invalid": invalid,
        "valid": a + b,
        "votes:A": a,
        "votes:B": b,
        **more,
    }
