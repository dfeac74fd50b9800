"""The project file (SQLite): one election as a columnar snapshot plus a hash-chained journal.

Layout (one file; rollback journal with synchronous=FULL, so nothing lives beside it at rest):

- `meta(key, value)`: `format`, `snapshot_seq` (the last journal entry the snapshot includes),
  `snapshot_hash` and `origin_hash` (see `core.project_format.snapshot_hash`).
- `snapshot(name, data)`: the election as it stood at `snapshot_seq`, one row per numpy column
  (`np.save` bytes, no pickles) or JSON document; never a row per figure.
- `origin(name, data)`: the snapshot as created, moved here by the first compaction, so the
  original figures plus the journal always reproduce the current ones.
- `journal(seq, at, kind, label, payload, prev_hash, hash)`: every Change, append-only.
  hash = sha256(prev_hash + canonical JSON of [seq, at, kind, label, payload]); the first
  entry's prev_hash is the SHA-256 of the original snapshot's content (`origin_hash`).

Loading reads the snapshot and replays the entries after `snapshot_seq` with `apply_change`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from core.model.election import Election
from core.model.problems import InputRefused, Problem
from core.project.edits import Change, apply_change
from core.project.snapshot import (
    Reviews,
    canonical_json,
    chain_problems,
    election_from_blobs,
    entry_hash_of_text,
    snapshot_blobs,
    snapshot_hash,
)

MAGIC = b"SQLite format 3\x00"
FORMAT = "sanaq-project/1"
APPLICATION_ID = 0x53414E51  # "SANQ" in the SQLite header, so a project is known by its bytes
SCHEMA_VERSION = 1
# Large pages make the big column blobs cheap to read (fewer overflow pages to chase).
PAGE_SIZE = 65536
# close() folds the journal into a fresh snapshot past these, so opening stays fast.
COMPACT_AFTER_ENTRIES = 200
COMPACT_AFTER_CELLS = 20_000

_TABLES = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE snapshot(name TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE origin(name TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE journal(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
)
_JOURNAL_COLUMNS = "seq, at, kind, label, payload, prev_hash, hash"


class ProjectConflict(RuntimeError):
    """The file's journal moved on under this Project (another window appended to it)."""


@dataclass(frozen=True)
class JournalEntry:
    """One recorded change: when, what (the Change as JSON), and its link in the hash chain."""

    seq: int
    at: str  # UTC, ISO 8601
    kind: str
    label: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def change(self) -> Change:
        return Change.from_json(self.payload)


# --- the file --------------------------------------------------------------------------------


def is_project(path: Path) -> bool:
    """A Sanaq project file: an SQLite database whose header carries Sanaq's application id."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return header[:16] == MAGIC and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def load_election(path: Path) -> Election:
    project = Project.open(path)
    project.close(compact=False)  # reading must not write: the app may have the file open
    return project.election


def _refuse(path: Path, message: str) -> InputRefused:
    return InputRefused([Problem(str(path), None, None, None, message)])


def _connect(path: Path) -> sqlite3.Connection:
    # mode=rw: never create an empty database where a project was expected.
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=rw",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    _durable(conn)
    return conn


def _durable(conn: sqlite3.Connection) -> None:
    """Rollback journal + full sync: one file at rest, and a commit is on disk when it returns."""
    conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    conn.execute("PRAGMA synchronous = FULL")


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; not possible (nor needed) on every platform."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection, mode: str = "") -> Iterator[None]:
    conn.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _entries(conn: sqlite3.Connection, after: int = 0) -> list[tuple[Any, ...]]:
    return conn.execute(
        f"SELECT {_JOURNAL_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq", (after,)
    ).fetchall()


def _blobs(conn: sqlite3.Connection, table: str) -> dict[str, bytes]:
    # CAST: a damaged or edited row may hold text, which must still be hashed, not decoded.
    rows = conn.execute(f"SELECT name, CAST(data AS BLOB) FROM {table}")
    return {str(k): bytes(v) for k, v in rows}


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}


def _payload(text: str) -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return {}
    return obj if isinstance(obj, dict) else {}


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
        origin_hash: str,
    ) -> None:
        self.path = path
        self.election = election
        self.reviews = reviews
        self._conn: sqlite3.Connection | None = conn
        self._origin_hash = origin_hash
        self._seq = 0
        self._last = origin_hash
        self._pending_entries = 0
        self._pending_cells = 0

    # -- making and opening --

    @classmethod
    def create(
        cls,
        path: Path,
        election: Election,
        *,
        overwrite: bool = False,
        reviews: Reviews | None = None,
    ) -> Project:
        """Write a new project holding `election` (the same object becomes `project.election`)."""
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
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            _durable(conn)
            with _transaction(conn):
                for sql in _TABLES:
                    conn.execute(sql)
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("format", FORMAT),
                        ("snapshot_seq", "0"),
                        ("snapshot_hash", digest),
                        ("origin_hash", digest),
                    ],
                )
                conn.executemany("INSERT INTO snapshot VALUES (?, ?)", blobs.items())
        finally:
            conn.close()
        os.replace(part, path)
        _fsync_dir(path.parent)
        return cls(path, _connect(path), election, notes, digest)

    @classmethod
    def open(cls, path: Path) -> Project:
        """Open a project, or raise InputRefused saying why it cannot be trusted."""
        path = Path(path)
        if not path.is_file():
            raise _refuse(path, "no such project file")
        if not is_project(path):
            raise _refuse(path, "not a Sanaq project file")
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path)
            with _transaction(conn):
                meta = _meta(conn)
                if meta.get("format") != FORMAT:
                    raise _refuse(
                        path,
                        f"a project of format {meta.get('format')!r}; this version reads {FORMAT}",
                    )
                rows = _entries(conn)
                blobs = _blobs(conn, "snapshot")
            origin = meta["origin_hash"]
            problems = chain_problems(rows, origin)
            if snapshot_hash(blobs) != meta["snapshot_hash"]:
                problems.append("the snapshot does not match its hash (it is damaged)")
            if problems:
                raise InputRefused([Problem(str(path), None, None, None, p) for p in problems])
            election, reviews = election_from_blobs(blobs, str(path))
            project = cls(path, conn, election, reviews, origin)
            project._replay(rows, int(meta["snapshot_seq"]))
            return project
        except InputRefused:
            if conn is not None:
                conn.close()
            raise
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, IndexError) as exc:
            if conn is not None:
                conn.close()
            raise _refuse(path, f"the project file is damaged: {exc}") from None

    def _replay(self, rows: list[tuple[Any, ...]], snapshot_seq: int) -> None:
        for row in rows:
            seq = int(row[0])
            self._seq, self._last = seq, str(row[6])
            if seq <= snapshot_seq:
                continue
            change = Change.from_json(json.loads(row[4]))
            apply_change(self.election, self.reviews, change)
            self._pending_entries += 1
            self._pending_cells += change.size

    # -- recording --

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("the project is closed")
        return self._conn

    def append(self, change: Change) -> None:
        """Record one change in its own transaction: on disk when this returns.

        Raises ValueError, writing nothing, for a change that could never be replayed (an
        unknown unit, a value that is not a number): one such entry would make the file
        unreadable.
        """
        self._check(change)
        payload = change.to_json()
        text = canonical_json(payload)
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        seq = self._seq + 1
        digest = entry_hash_of_text(self._last, seq, at, change.kind, change.label, text)
        conn = self.conn
        with _transaction(conn, "IMMEDIATE"):
            last = conn.execute(
                "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            if tuple(last or (0, self._origin_hash)) != (self._seq, self._last):
                raise ProjectConflict(f"{self.path} was changed by another program; reopen it")
            conn.execute(
                f"INSERT INTO journal({_JOURNAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (seq, at, change.kind, change.label, text, self._last, digest),
            )
        self._seq, self._last = seq, digest
        self._pending_entries += 1
        self._pending_cells += change.size

    def _check(self, change: Change) -> None:
        index = self.election.units.index
        for e in change.edits:
            if e.unit not in index:
                raise ValueError(f"{change.label}: no unit has the id {e.unit!r}")
            for v in (e.old, e.new):
                if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
                    raise ValueError(f"{change.label}: {v!r} is not a figure")

    def journal(self) -> list[JournalEntry]:
        return [
            JournalEntry(int(s), str(a), str(k), str(lb), _payload(p), str(ph), str(h))
            for s, a, k, lb, p, ph, h in _entries(self.conn)
        ]

    def history(self) -> list[dict[str, Any]]:
        """The journal as rows for a report or the audited workbook."""
        return [
            {"seq": e.seq, "at": e.at, "kind": e.kind, "label": e.label, "hash": e.hash}
            for e in self.journal()
        ]

    def last_hash(self) -> str:
        return self._last

    def verify(self) -> list[str]:
        """Problems with the hash chain, the snapshot or the original figures; [] when intact."""
        conn = self.conn
        with _transaction(conn):
            meta = _meta(conn)
            rows = _entries(conn)
            current = _blobs(conn, "snapshot")
            origin = _blobs(conn, "origin")
        origin_hash = meta.get("origin_hash", "")
        problems = chain_problems(rows, origin_hash)
        last_seq = int(rows[-1][0]) if rows else 0
        snapshot_seq = int(meta.get("snapshot_seq", "-1"))
        if not 0 <= snapshot_seq <= last_seq:
            problems.append(
                f"the snapshot claims entry {snapshot_seq}, the journal ends at {last_seq}"
            )
        if snapshot_hash(current) != meta.get("snapshot_hash"):
            problems.append("the snapshot does not match its hash (it is damaged)")
        if snapshot_hash(origin or current) != origin_hash:
            problems.append("the original figures do not match the start of the hash chain")
        return problems

    # -- snapshots and copies --

    def compact(self) -> None:
        """Fold the journal into a fresh snapshot (one transaction); the journal stays whole."""
        conn = self.conn
        with _transaction(conn, "IMMEDIATE"):
            snapshot_seq = int(_meta(conn)["snapshot_seq"])
            rows = _entries(conn, snapshot_seq)
            if not rows:
                return
            blobs = _blobs(conn, "snapshot")
            election, reviews = election_from_blobs(blobs, str(self.path))
            for row in rows:
                apply_change(election, reviews, Change.from_json(json.loads(row[4])))
            fresh = snapshot_blobs(election, reviews)
            if conn.execute("SELECT COUNT(*) FROM origin").fetchone()[0] == 0:
                conn.execute("INSERT INTO origin SELECT name, data FROM snapshot")
            conn.execute("DELETE FROM snapshot")
            conn.executemany("INSERT INTO snapshot VALUES (?, ?)", fresh.items())
            conn.executemany(
                "UPDATE meta SET value = ? WHERE key = ?",
                [(str(rows[-1][0]), "snapshot_seq"), (snapshot_hash(fresh), "snapshot_hash")],
            )
        self._pending_entries = self._pending_cells = 0

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
            _durable(dest)
            self.conn.backup(dest)
        finally:
            dest.close()
        os.replace(part, path)
        _fsync_dir(path.parent)
        return Project.open(path)

    def close(self, *, compact: bool = True) -> None:
        """Compact if the journal has grown since the snapshot, then close the file."""
        if self._conn is None:
            return
        try:
            if compact and (
                self._pending_entries >= COMPACT_AFTER_ENTRIES
                or self._pending_cells >= COMPACT_AFTER_CELLS
            ):
                self.compact()
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
