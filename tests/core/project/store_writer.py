"""Appends changes to a project until killed, printing `ack N` once each append has returned."""

from __future__ import annotations

import sys
from pathlib import Path

from core.project.edits import CellEdit, Change, ReviewEdit
from core.project.store import Project

REGIONS = [f"KZ-{i:02d}" for i in range(1, 18)]


def change_for(n: int) -> Change:
    """The n-th change (n from 1): a vote figure, now and then with a review note."""
    unit = REGIONS[n % len(REGIONS)]
    edits = (CellEdit(unit, "official", "votes:AJ", None, 1000 + n),)
    reviews: tuple[ReviewEdit, ...] = ()
    if n % 5 == 0:
        key = ("pct.recomputed", "KZ-03", "official", "pct:ADAL")
        reviews = (ReviewEdit(key, ("open", ""), ("explained", f"note {n}")),)
    return Change(f"change {n}", edits, reviews)


def main(path: str, start: int) -> None:
    project = Project.open(Path(path))
    n = start
    while True:
        project.append(change_for(n))
        sys.stdout.write(f"ack {n}\n")
        sys.stdout.flush()
        if n % 10 == 0:
            project.compact()  # so some kills land inside a compaction too
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
