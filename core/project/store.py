"""The project file: one election in SQLite, as a snapshot plus a hash-chained journal.

The file's layout is in `core.project.schema`, the chain in `core.project.chain`, what opening
and `verify` check in `core.project.verify`. Opening reads the snapshot, checks it against the
hash the chain records for it, and replays the entries after it with `apply_change`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from core.model.election import Election
from core.model.problems import InputRefused
from core.project.chain import (
    SNAPSHOT_KIND,
    SNAPSHOT_KINDS,
    ChainProblem,
    JournalEntry,
    RawEntry,
    canonical_json,
    read_payload,
)
from core.project.edits import Change, Reviews, apply_change, check_change
from core.project.journal import ProjectConflict, chained, insert, read_entries
from core.project.migrate import migrate
from core.project.schema import (
    FORMAT,
    FORMAT_V1,
    connect,
    damage,
    durable,
    fsync_dir,
    initialise,
    is_project,
    meta_seq,
    read_blobs,
    read_meta,
    refuse,
    set_meta,
    transaction,
    write_blobs,
)
from core.project.snapshot import election_from_blobs, snapshot_blobs, snapshot_hash
from core.project.verify import (
    Checked,
    StoredHistory,
    Verification,
    check_opening,
    verify_history,
)

if TYPE_CHECKING:
    from core.project.interface import ProjectStore

__all__ = [
    "JournalEntry",
    "Project",
    "ProjectConflict",
    "ReadProject",
    "is_project",
    "load_election",
    "read_project",
]

# close() folds the journal into a fresh snapshot past these, so opening stays fast.
COMPACT_AFTER_ENTRIES = 200
COMPACT_AFTER_CELLS = 20_000


def read_history(conn: sqlite3.Connection, path: Path, *, full: bool) -> StoredHistory:
    """The file's history in one read; `full` adds the original figures (for the replay).

    InputRefused for a format this version does not read; ValueError, in words, for damage."""
    with transaction(conn):
        meta = read_meta(conn)
        fmt = meta.get("format", "")
        if fmt not in (FORMAT, FORMAT_V1):
            raise refuse(path, f"a project of format {fmt!r}; this version reads {FORMAT}")
        if not meta.get("origin_hash"):
            raise ValueError("it does not record where its hash chain starts")
        entries = read_entries(conn)
        snapshot = read_blobs(conn, "snapshot")
        origin = read_blobs(conn, "origin") if full or fmt == FORMAT_V1 else {}
    return StoredHistory(
        fmt,
        meta["origin_hash"],
        meta_seq(meta),
        snapshot,
        origin,
        entries,
        meta.get("snapshot_hash", ""),
    )


def _checked(conn: sqlite3.Connection, path: Path) -> tuple[StoredHistory, Checked]:
    """The checks of an opening; InputRefused naming every problem."""
    found = damage(conn)
    if found:
        raise refuse(path, *(f"the project file is damaged: {m}" for m in found))
    try:
        history = read_history(conn, path, full=False)
    except ValueError as exc:
        raise refuse(path, f"the project file is damaged: {exc}") from None
    checked = check_opening(history, str(path))
    if not checked.verification.ok or checked.election is None:
        raise refuse(path, *(str(p) for p in checked.verification.problems))
    return history, checked


def _opening(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    path = Path(path)
    if not path.is_file():
        raise refuse(path, "no such project file")
    if not is_project(path):
        raise refuse(path, "not a Sanaq project file")
    try:
        return connect(path, readonly=readonly)
    except sqlite3.OperationalError as exc:
        raise refuse(path, f"the project file cannot be opened ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise refuse(path, f"the project file is damaged (SQLite: {exc})") from None


def load_election(path: Path) -> Election:
    """The figures of a project file, checked as every opening checks them; never writes (the
    app may have the file open), so a format 1 file is read as it is, not migrated."""
    conn = _opening(path)
    try:
        election = _checked(conn, Path(path))[1].election
        assert election is not None  # _checked refuses a history that gives no figures
        return election
    except sqlite3.DatabaseError as exc:
        raise refuse(Path(path), f"the project file is damaged (SQLite: {exc})") from None
    finally:
        conn.close()


def _journal_entries(rows: list[RawEntry]) -> list[JournalEntry]:
    out = []
    for e in rows:
        try:
            payload = read_payload(e.payload)
        except ValueError:
            payload = {}
        out.append(JournalEntry(e.seq, e.at, e.kind, e.label, payload, e.prev_hash, e.hash))
    return out


@dataclass
class ReadProject:
    """A project file read and checked as every opening checks it, then closed: its figures,
    notes, journal and head (what a merge reads of another observer's file)."""

    path: Path
    election: Election
    reviews: Reviews
    entries: list[JournalEntry]
    head: str


def read_project(path: Path) -> ReadProject:
    """Read a project without writing to it (it may be on a read-only stick, or open in the
    app); a format 1 file is read as it is. InputRefused, naming every problem, as opening."""
    conn = _opening(path, readonly=True)
    try:
        history, checked = _checked(conn, Path(path))
        assert checked.election is not None  # _checked refuses a history that gives no figures
        entries = _journal_entries(history.entries)
        return ReadProject(Path(path), checked.election, checked.reviews, entries, history.head)
    except sqlite3.DatabaseError as exc:
        raise refuse(Path(path), f"the project file is damaged (SQLite: {exc})") from None
    finally:
        conn.close()


def _verify(conn: sqlite3.Connection, path: Path) -> Verification:
    problems = [ChainProblem(None, m) for m in damage(conn, thorough=True)]
    try:
        history = read_history(conn, path, full=True)
    except (ValueError, sqlite3.DatabaseError) as exc:
        problems.append(ChainProblem(None, f"its history cannot be read ({exc})"))
        return Verification(0, "", problems)
    found = verify_history(history, str(path)).verification
    found.problems[:0] = problems
    return found


def verify_file(path: Path) -> Verification:
    """The full replay of a project file, read only; InputRefused if it is not a project."""
    conn = _opening(path)
    try:
        return _verify(conn, Path(path))
    finally:
        conn.close()


MADE_FROM_PATH, MADE_FROM_HASH = "made_from_path", "made_from_hash"


def made_from(meta: dict[str, str]) -> tuple[str, str] | None:
    if MADE_FROM_HASH not in meta:
        return None
    return meta.get(MADE_FROM_PATH, ""), meta[MADE_FROM_HASH]


def made_from_file(path: Path) -> tuple[str, str] | None:
    """What a project file says it was made from, read without opening the project (None for
    a file that is no project or says nothing)."""
    if not is_project(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return made_from(read_meta(conn))
        finally:
            conn.close()
    except sqlite3.Error:
        return None


class Project:
    """An open project file: the election with every journalled change replayed, and its notes.

    `append` only records a change; applying it to `election` is the caller's job (Workspace
    does, right after). Snapshots are always rebuilt from the file, never from memory.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        election: Election,
        reviews: Reviews,
        history: StoredHistory,
        cells: int = 0,  # edits and notes in the entries after the snapshot
    ) -> None:
        self.path = path
        self.election = election
        self.reviews = reviews
        self._conn: sqlite3.Connection | None = conn
        self._origin_hash = history.origin_hash
        last = history.entries[-1] if history.entries else None
        self._seq, self._last = (last.seq, last.hash) if last else (0, history.origin_hash)
        self._pending_entries = sum(e.seq > history.snapshot_seq for e in history.entries)
        self._pending_cells = cells

    # -- making and opening --

    @classmethod
    def create(
        cls,
        path: Path,
        election: Election,
        *,
        overwrite: bool = False,
        reviews: Reviews | None = None,
        made_from: tuple[str, str] | None = None,
    ) -> Project:
        """Write a new project holding `election` (the same object becomes `project.election`).

        `made_from` is the (path, content hash) of the package it copies, kept in its meta."""
        path = Path(path)
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} already exists")
        notes = dict(reviews or {})
        blobs = snapshot_blobs(election, notes)
        digest = snapshot_hash(blobs)
        part = path.with_name(path.name + ".part")
        for stale in (part, part.with_name(part.name + "-journal")):
            stale.unlink(missing_ok=True)
        conn = sqlite3.connect(part, isolation_level=None)
        try:
            initialise(conn)
            with transaction(conn):
                set_meta(conn, {"format": FORMAT, "snapshot_seq": "0", "origin_hash": digest})
                if made_from is not None:
                    set_meta(conn, {MADE_FROM_PATH: made_from[0], MADE_FROM_HASH: made_from[1]})
                write_blobs(conn, "snapshot", blobs)
        finally:
            conn.close()
        os.replace(part, path)
        fsync_dir(path.parent)
        history = StoredHistory(FORMAT, digest, 0, {}, {}, [])
        return cls(path, connect(path), election, notes, history)

    @classmethod
    def open(cls, path: Path) -> Project:
        """Open a project, or raise InputRefused saying why it cannot be trusted. A file of
        format 1 is verified in full, then migrated in one journalled step."""
        path = Path(path)
        conn = _opening(path)
        try:
            history, checked = _checked(conn, path)
            if history.format == FORMAT_V1:
                assert checked.election is not None
                migrate(conn, path, history, checked.election, checked.reviews)
                history, checked = _checked(conn, path)
            assert checked.election is not None
            return cls(path, conn, checked.election, checked.reviews, history, checked.cells)
        except InputRefused:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise refuse(path, f"the project file is damaged (SQLite: {exc})") from None

    # -- recording --

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("the project is closed")
        return self._conn

    @property
    def label(self) -> str:
        return str(self.path)

    def made_from(self) -> tuple[str, str] | None:
        """The (path, content hash) of the package this project was made from, if any."""
        return made_from(read_meta(self.conn))

    def append(self, change: Change) -> None:
        """Record one change in its own transaction: on disk when this returns.

        Raises ValueError, writing nothing, for a change that could never be replayed (an
        unknown unit or field, a value that is not a figure): one such entry would make the
        file unreadable.
        """
        if change.kind in SNAPSHOT_KINDS:
            raise ValueError(f"{change.label}: {change.kind!r} entries are the store's own")
        check_change(self.election, change)
        text = canonical_json(change.to_json())
        self._write(chained((self._seq, self._last), change.kind, change.label, text))
        self._pending_entries += 1
        self._pending_cells += len(change.edits) + len(change.reviews)

    def _write(self, entry: RawEntry) -> None:
        conn = self.conn
        with transaction(conn, "IMMEDIATE"):
            insert(conn, entry, self._origin_hash, self.path)
        self._seq, self._last = entry.seq, entry.hash

    def journal(self) -> list[JournalEntry]:
        return _journal_entries(read_entries(self.conn))

    def history(self) -> list[dict[str, Any]]:
        """The journal as rows for a report or the audited workbook."""
        return [
            {"seq": e.seq, "at": e.at, "kind": e.kind, "label": e.label, "hash": e.hash}
            for e in read_entries(self.conn)
        ]

    def head(self) -> str:
        return self._last

    def verify(self) -> Verification:
        """The full replay (see `verify_history`), and SQLite's integrity_check of the file."""
        return _verify(self.conn, self.path)

    # -- snapshots and copies --

    def compact(self) -> None:
        """Fold the journal into a fresh snapshot, recorded by a chained entry (one
        transaction); the journal stays whole, and the original figures are kept."""
        conn = self.conn
        with transaction(conn, "IMMEDIATE"):
            snapshot_seq = meta_seq(read_meta(conn))
            rows = read_entries(conn, snapshot_seq)
            if not rows:
                return
            if (rows[-1].seq, rows[-1].hash) != (self._seq, self._last):
                raise ProjectConflict(f"{self.path} was changed by another program; reopen it")
            election, reviews = election_from_blobs(read_blobs(conn, "snapshot"), str(self.path))
            for row in rows:
                apply_change(election, reviews, Change.from_json(read_payload(row.payload)))
            fresh = snapshot_blobs(election, reviews)
            payload = {"covers": self._seq, "snapshot_hash": snapshot_hash(fresh)}
            label = f"Snapshot of the figures after entry {self._seq}"
            entry = chained((self._seq, self._last), SNAPSHOT_KIND, label, canonical_json(payload))
            insert(conn, entry, self._origin_hash, self.path)
            if conn.execute("SELECT COUNT(*) FROM origin").fetchone()[0] == 0:
                conn.execute("INSERT INTO origin SELECT name, data FROM snapshot")
            write_blobs(conn, "snapshot", fresh)
            set_meta(conn, {"snapshot_seq": str(entry.seq)})
        self._seq, self._last = entry.seq, entry.hash
        self._pending_entries = self._pending_cells = 0

    def _due(self) -> bool:
        return (
            self._pending_entries >= COMPACT_AFTER_ENTRIES
            or self._pending_cells >= COMPACT_AFTER_CELLS
        )

    def settle(self) -> None:
        """Compact now if closing would: then the head handed out next (to an export) stays
        the head until the next change."""
        if self._due():
            self.compact()

    def save_as(self, path: Path, *, overwrite: bool = False) -> Project:
        """A consistent copy of the whole file (journal included), opened."""
        path = Path(path)
        if path.exists() and path.resolve() == self.path.resolve():
            raise ValueError("save as: the copy would replace the project itself")
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} already exists")
        part = path.with_name(path.name + ".part")
        part.unlink(missing_ok=True)
        dest = sqlite3.connect(part, isolation_level=None)
        try:
            durable(dest)
            self.conn.backup(dest)
        finally:
            dest.close()
        os.replace(part, path)
        fsync_dir(path.parent)
        return Project.open(path)

    def close(self, *, compact: bool = True) -> None:
        """Compact if the journal has grown since the snapshot, then close the file."""
        if self._conn is None:
            return
        try:
            if compact:
                self.settle()
        finally:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


if TYPE_CHECKING:
    _conforms: type[ProjectStore] = Project  # mypy proves Project implements the interface
