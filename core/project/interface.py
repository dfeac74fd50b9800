"""What the workbench, the CLI, the export and merge need from an open project, whatever holds
it: an SQLite file (`core.project.store.Project`) now, a PostgreSQL database later."""

from __future__ import annotations

from typing import Any, Protocol

from core.model.election import Election
from core.project.chain import JournalEntry
from core.project.edits import Change, Reviews
from core.project.verify import Verification


class ProjectStore(Protocol):
    """An open project: the figures with every journalled change replayed, and the journal."""

    election: Election
    reviews: Reviews

    @property
    def label(self) -> str:
        """Where the project lives, for people: a file's path, a database's URL."""
        ...

    def append(self, change: Change) -> None:
        """Record one change (chained to the last entry) before it is applied; ValueError,
        writing nothing, for a change the election could not take."""
        ...

    def journal(self) -> list[JournalEntry]: ...

    def history(self) -> list[dict[str, Any]]:
        """The journal as rows for a report or the audited workbook."""
        ...

    def head(self) -> str:
        """The last entry's hash, or the original snapshot's when there is no entry."""
        ...

    def settle(self) -> None:
        """Do now any housekeeping that would add an entry on closing, so that the head handed
        out next (to an export) stays the head until the next change."""
        ...

    def verify(self) -> Verification:
        """The full replay: every entry from the original snapshot to the current figures."""
        ...

    def close(self) -> None: ...
