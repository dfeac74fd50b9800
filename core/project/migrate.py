"""Project files of format 1 brought to format 2 in one journalled step, once verified."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.model.election import Election
from core.project.chain import MIGRATION_KIND, canonical_json
from core.project.edits import Reviews
from core.project.journal import ProjectConflict, chained, insert, read_entries
from core.project.schema import (
    FORMAT,
    FORMAT_V1,
    SCHEMA_VERSION,
    set_meta,
    transaction,
    write_blobs,
)
from core.project.snapshot import snapshot_blobs, snapshot_hash
from core.project.verify import StoredHistory


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    history: StoredHistory,
    election: Election,
    reviews: Reviews,
) -> None:
    """Format 1 kept its snapshot outside the chain. Given its history and the figures its full
    replay gave (verified), those figures become the snapshot, recorded by one chained entry,
    all in one transaction."""
    fresh = snapshot_blobs(election, reviews)
    last = history.entries[-1] if history.entries else None
    covers, prev = (last.seq, last.hash) if last else (0, history.origin_hash)
    payload = {
        "from": FORMAT_V1,
        "to": FORMAT,
        "covers": covers,
        "snapshot_hash": snapshot_hash(fresh),
    }
    entry = chained(
        (covers, prev), MIGRATION_KIND, f"Project file brought to {FORMAT}", canonical_json(payload)
    )
    with transaction(conn, "IMMEDIATE"):
        if read_entries(conn, covers) or conn.execute(
            "SELECT value FROM meta WHERE key = 'format'"
        ).fetchone() != (FORMAT_V1,):
            raise ProjectConflict(f"{path} was changed by another program while it was migrated")
        insert(conn, entry, history.origin_hash, path)
        if not history.origin:  # the snapshot held until now is the original one
            conn.execute("INSERT INTO origin SELECT name, data FROM snapshot")
        write_blobs(conn, "snapshot", fresh)
        conn.execute("DELETE FROM meta WHERE key = 'snapshot_hash'")
        set_meta(conn, {"format": FORMAT, "snapshot_seq": str(entry.seq)})
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
