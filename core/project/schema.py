"""The project file's SQLite side: tables, application id, connections, durability, integrity.

Layout (one file; rollback journal with synchronous=FULL, so nothing lives beside it at rest):

- `meta(key, value)`: `format`, `origin_hash` (the content hash of the original snapshot, where
  the chain starts) and `snapshot_seq` (the entry that records the snapshot held now; 0: the
  snapshot is the original one).
- `snapshot(name, data)`: the election as it stood at `snapshot_seq`, one row per numpy column
  (`np.save` bytes, no pickles) or JSON document; never a row per figure.
- `origin(name, data)`: the original snapshot, moved here by the first compaction, so the
  original figures plus the journal always reproduce the current ones.
- `journal(seq, at, kind, label, payload, prev_hash, hash)`: append-only (`core.project.chain`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from core.model.problems import InputRefused, Problem

MAGIC = b"SQLite format 3\x00"
FORMAT = "sanaq-project/2"
FORMAT_V1 = "sanaq-project/1"  # until 0.1: snapshots outside the chain; migrated on opening
APPLICATION_ID = 0x53414E51  # "SANQ" in the SQLite header, so a project is known by its bytes
SCHEMA_VERSION = 2
# Large pages make the big column blobs cheap to read (fewer overflow pages to chase).
PAGE_SIZE = 65536

TABLES = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE snapshot(name TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE origin(name TEXT PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE journal(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
)


def is_project(path: Path) -> bool:
    """A Sanaq project file: an SQLite database whose header carries Sanaq's application id."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return header[:16] == MAGIC and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def refuse(path: Path, *messages: str) -> InputRefused:
    return InputRefused([Problem(str(path), None, None, None, m) for m in messages])


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    # mode=rw: never create an empty database where a project was expected.
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    # An edited row may hold bytes that are not UTF-8: they are read (and fail their hash).
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    if not readonly:
        durable(conn)
    return conn


def durable(conn: sqlite3.Connection) -> None:
    """Rollback journal + full sync: one file at rest, and a commit is on disk when it returns."""
    conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    conn.execute("PRAGMA synchronous = FULL")


def initialise(conn: sqlite3.Connection) -> None:
    """Page size, application id and tables of a new, empty file (inside no transaction)."""
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    durable(conn)
    with transaction(conn):
        for sql in TABLES:
            conn.execute(sql)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; not possible (nor needed) on every platform."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, mode: str = "") -> Iterator[None]:
    conn.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def damage(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """What SQLite's own check finds wrong with the file's pages and indexes; [] when sound.

    quick_check (at every opening) walks every page; integrity_check also compares each
    index with its table."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        found = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read it ({exc})"]
    if found == ["ok"]:
        return []
    lines = [x for m in found for x in m.splitlines() if not x.startswith("*** in database")]
    return [f"SQLite's {pragma} finds: {x}" for x in lines]


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}


def read_blobs(conn: sqlite3.Connection, table: str) -> dict[str, bytes]:
    # CAST: a damaged or edited row may hold text, which must still be hashed, not decoded.
    rows = conn.execute(f"SELECT name, CAST(data AS BLOB) FROM {table}")
    return {str(k): bytes(v) for k, v in rows}


def write_blobs(conn: sqlite3.Connection, table: str, blobs: dict[str, bytes]) -> None:
    conn.execute(f"DELETE FROM {table}")
    conn.executemany(f"INSERT INTO {table} VALUES (?, ?)", blobs.items())


def set_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())


def meta_seq(meta: dict[str, str], key: str = "snapshot_seq") -> int:
    """A sequence number kept in meta; ValueError, in words, when it is not one."""
    text = meta.get(key, "")
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"its {key} is {text!r}, not an entry number")
    return int(text)
