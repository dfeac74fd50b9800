"""Load the election any PATH holds: a package folder or .zip, a canonical .xlsx, a project."""

from __future__ import annotations

from pathlib import Path

from core.model.election import Election
from core.model.problems import InputRefused, Problem


def load(path: str | Path) -> Election:
    """Load an election from a package folder, .zip, canonical .xlsx or project file."""
    p = Path(path)
    if not p.exists():
        raise InputRefused([Problem(str(p), None, None, None, "no such file or folder")])
    suffix = p.suffix.lower()
    if p.is_dir() or suffix == ".zip":
        from core.formats.package import load_package

        return load_package(p)
    if suffix in (".xlsx", ".xlsm"):
        from core.formats.xlsx_read import read_xlsx

        return read_xlsx(p)
    from core.project import store

    if store.is_project(p):
        return store.load_election(p)
    raise InputRefused(
        [
            Problem(
                str(p),
                None,
                None,
                None,
                "not an election package: give a folder or .zip with election.json and "
                "results.csv, a .xlsx workbook, or a Sanaq project file",
            )
        ]
    )
