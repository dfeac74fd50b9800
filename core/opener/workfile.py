"""Open any PATH for work: a project file as it is, a package copied into a new project."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.opener.load import load
from core.project.session import Workspace
from core.project.store import Project, is_project, made_from_file

PROJECT_SUFFIX = ".sanaq"


@dataclass
class Opened:
    """A workspace journalled into its project file."""

    workspace: Workspace
    project: Project
    created: bool = False  # a new copy made for this opening (removed if the opening is dropped)

    @property
    def path(self) -> Path:
        return self.project.path


def new_project_path(data_dir: Path, source: Path) -> Path:
    """A fresh file in the data folder named after the package it copies."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", source.stem or source.name).strip("_") or "election"
    path = data_dir / f"{stem}{PROJECT_SUFFIX}"
    n = 2
    while path.exists():
        path = data_dir / f"{stem}-{n}{PROJECT_SUFFIX}"
        n += 1
    return path


def open_project(project: Project, created: bool = False) -> Opened:
    workspace = Workspace(project.election, journal=project, reviews=dict(project.reviews))
    return Opened(workspace, project, created)


def discard(opened: Opened) -> None:
    """Undo an opening nobody will see: close the file, and remove it if it was just made."""
    opened.project.close(compact=False)
    if opened.created:
        opened.project.path.unlink(missing_ok=True)


def package_hash(path: Path) -> str:
    """SHA-256 of what a package holds: a file's bytes; a folder's election.json and
    results.csv, each length-prefixed (the same content hashes the same wherever it lies)."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else [path / "election.json", path / "results.csv"]
    for f in files:
        data = f.read_bytes() if f.is_file() else b""
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def project_for(path: Path, places: Iterable[Path]) -> Path | None:
    """A project already made from this package (same content), among the project files in
    `places` (folders and files): opening the package again goes on there."""
    if not path.exists() or (path.is_file() and is_project(path)):
        return None
    digest = package_hash(path)
    seen: set[Path] = set()
    for place in places:
        candidates = sorted(place.glob(f"*{PROJECT_SUFFIX}")) if place.is_dir() else [place]
        for c in candidates:
            if c in seen or not c.is_file():
                continue
            seen.add(c)
            made = made_from_file(c)
            if made is not None and made[1] == digest:
                return c
    return None


def open_any(path: Path, data_dir: Path) -> Opened:
    """A project file opens as it is; a package is first copied into a new project file, so
    that every change to it is journalled from the first one. The copy records the package's
    path and content hash, so that opening the package again can offer the copy."""
    if path.is_file() and is_project(path):
        return open_project(Project.open(path))
    election = load(path)
    made_from = (str(path.resolve()), package_hash(path))
    project = Project.create(new_project_path(data_dir, path), election, made_from=made_from)
    try:
        return open_project(project, created=True)
    except Exception:
        project.close()
        raise
