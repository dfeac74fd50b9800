"""Open any PATH for work: a project file as it is, a package copied into a new project."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core.opener.load import load
from core.project.session import Workspace
from core.project.store import Project, is_project

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


def open_any(path: Path, data_dir: Path) -> Opened:
    """A project file opens as it is; a package is first copied into a new project file, so
    that every change to it is journalled from the first one."""
    if path.is_file() and is_project(path):
        return open_project(Project.open(path))
    election = load(path)
    project = Project.create(new_project_path(data_dir, path), election)
    try:
        return open_project(project, created=True)
    except Exception:
        project.close()
        raise
