"""A forger's tools: what anyone who can write a project file can do to it, with no key."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import numpy as np

from core.project.chain import RawEntry, entry_hash_of_text
from core.project.snapshot import snapshot_hash


def _conn(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def execute(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = _conn(path)
    try:
        conn.execute(sql, params)
    finally:
        conn.close()


def meta(path: Path, key: str) -> str:
    conn = _conn(path)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])
    finally:
        conn.close()


def blobs(path: Path, table: str) -> dict[str, bytes]:
    conn = _conn(path)
    try:
        return {str(k): bytes(v) for k, v in conn.execute(f"SELECT name, data FROM {table}")}
    finally:
        conn.close()


def set_figure(path: Path, table: str, field: str, unit_id: str, value: int) -> None:
    """Write one official figure straight into a snapshot's column, as a forger would."""
    rows = blobs(path, table)
    ids = json.loads(rows["units"])["ids"]
    name = f"official/values/{field}"
    column = np.load(io.BytesIO(rows[name]))
    column[ids.index(unit_id)] = value
    buf = io.BytesIO()
    np.save(buf, column)
    execute(path, f"UPDATE {table} SET data = ? WHERE name = ?", (buf.getvalue(), name))


def rehash(path: Path) -> None:
    """Make the chain consistent again after an edit: every link and hash recomputed in order,
    from the origin hash in meta. A keyless chain cannot tell this from the genuine one."""
    conn = _conn(path)
    try:
        prev = str(conn.execute("SELECT value FROM meta WHERE key = 'origin_hash'").fetchone()[0])
        rows = conn.execute("SELECT seq, at, kind, label, payload FROM journal ORDER BY seq")
        for seq, at, kind, label, payload in rows.fetchall():
            digest = entry_hash_of_text(prev, seq, at, kind, label, payload)
            conn.execute(
                "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
            )
            prev = digest
    finally:
        conn.close()


def restate_snapshot(path: Path) -> None:
    """After editing the snapshot: record its new content hash wherever the file keeps one
    (meta.snapshot_hash as format 1 did, the origin hash or the snapshot entry), re-hash all."""
    digest = snapshot_hash(blobs(path, "snapshot"))
    seq = int(meta(path, "snapshot_seq"))
    execute(path, "INSERT OR REPLACE INTO meta VALUES ('snapshot_hash', ?)", (digest,))
    if seq == 0:
        execute(path, "UPDATE meta SET value = ? WHERE key = 'origin_hash'", (digest,))
    else:
        conn = _conn(path)
        try:
            row = conn.execute("SELECT payload FROM journal WHERE seq = ?", (seq,)).fetchone()
        finally:
            conn.close()
        payload = json.loads(row[0])
        payload["snapshot_hash"] = digest
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        execute(path, "UPDATE journal SET payload = ? WHERE seq = ?", (text, seq))
    rehash(path)


def append_raw(path: Path, payload: str, kind: str = "edit", label: str = "crafted") -> RawEntry:
    """Append a correctly chained entry holding any payload text."""
    conn = _conn(path)
    try:
        last = conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        origin = conn.execute("SELECT value FROM meta WHERE key = 'origin_hash'").fetchone()[0]
        seq, prev = (int(last[0]), str(last[1])) if last else (0, str(origin))
        at = "2026-01-01T00:00:00.000+00:00"
        entry = RawEntry(
            seq + 1,
            at,
            kind,
            label,
            payload,
            prev,
            entry_hash_of_text(prev, seq + 1, at, kind, label, payload),
        )
        conn.execute("INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)", entry)
        return entry
    finally:
        conn.close()


def destroy_page(path: Path, name: str) -> None:
    """Overwrite the root page of a table or index with garbage, as a bad disk sector would."""
    conn = _conn(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root[0] - 1) * page)
        fh.write(b"\xde\xad\xbe\xef" * 1024)
