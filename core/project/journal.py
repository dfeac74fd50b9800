"""The journal table: entries read in order, and one chained entry appended at a time."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from core.project.chain import RawEntry, entry_hash_of_text

_COLUMNS = "seq, at, kind, label, payload, prev_hash, hash"
# CAST: an edited row may hold a number or a blob where text belongs; it is hashed as text.
_SELECT = (
    "SELECT seq, CAST(at AS TEXT), CAST(kind AS TEXT), CAST(label AS TEXT), "
    "CAST(payload AS TEXT), CAST(prev_hash AS TEXT), CAST(hash AS TEXT) FROM journal"
)


class ProjectConflict(RuntimeError):
    """The file's journal moved on under this Project (another window appended to it)."""


def read_entries(conn: sqlite3.Connection, after: int = 0) -> list[RawEntry]:
    rows = conn.execute(f"{_SELECT} WHERE seq > ? ORDER BY seq", (after,))
    return [RawEntry(int(r[0]), *(str(x) for x in r[1:])) for r in rows]


def chained(prev: tuple[int, str], kind: str, label: str, payload_text: str) -> RawEntry:
    """The entry that follows (seq, hash) `prev`, stamped now."""
    seq = prev[0] + 1
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    digest = entry_hash_of_text(prev[1], seq, at, kind, label, payload_text)
    return RawEntry(seq, at, kind, label, payload_text, prev[1], digest)


def insert(conn: sqlite3.Connection, entry: RawEntry, origin_hash: str, path: object) -> None:
    """Write `entry` inside the caller's write transaction, if the file's journal still ends
    where `entry` follows; ProjectConflict otherwise (another program appended meanwhile)."""
    last = conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    if tuple(last or (0, origin_hash)) != (entry.seq - 1, entry.prev_hash):
        raise ProjectConflict(f"{path} was changed by another program; reopen it")
    conn.execute(f"INSERT INTO journal({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", entry)
