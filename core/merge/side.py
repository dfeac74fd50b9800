"""One side of a merge: an election with its notes, its journal and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from core.model.election import Election
from core.model.problems import InputRefused, Problem
from core.opener.load import load
from core.project.chain import JournalEntry
from core.project.edits import Reviews
from core.project.interface import ProjectStore
from core.project.snapshot import snapshot_blobs, snapshot_hash
from core.project.store import Project, is_project, read_project

PACKAGE, PROJECT = "package", "project"


@dataclass
class Side:
    """What a file brings to a merge. A package has no journal: its figures come from it."""

    label: str  # the file as a person named it
    election: Election
    reviews: Reviews
    journal: list[JournalEntry] = field(default_factory=list)
    head: str = ""  # the journal head; "" for a package
    kind: str = PROJECT

    @cached_property
    def content_hash(self) -> str:
        """The hash of its figures and notes, as a snapshot entry would record them."""
        return snapshot_hash(snapshot_blobs(self.election, self.reviews))

    @property
    def name(self) -> str:
        return Path(self.label).name or self.label


def side_of(store: ProjectStore) -> Side:
    """The open project as the side a merge brings files into."""
    return Side(store.label, store.election, store.reviews, store.journal(), store.head())


def open_side(source: str | Path) -> Side:
    """The one way a merge reads a FROM: a project file (read only), or a package folder,
    .zip or .xlsx. InputRefused naming the file and every problem."""
    text = str(source)
    if text.startswith(("postgresql://", "postgres://")):
        raise InputRefused(
            [Problem(text, None, None, None, "a shared project cannot be merged yet")]
        )
    path = Path(text)
    if path.is_file() and is_project(path):
        read = read_project(path)
        return Side(text, read.election, dict(read.reviews), read.entries, read.head)
    return Side(text, load(path), {}, kind=PACKAGE)


def open_into(source: str | Path) -> Project:
    """The project a merge writes into (a project file now, a shared project later)."""
    text = str(source)
    if text.startswith(("postgresql://", "postgres://")):
        raise InputRefused(
            [Problem(text, None, None, None, "a shared project cannot be merged into yet")]
        )
    return Project.open(Path(text))
