"""The hash chain, whatever store holds it: canonical JSON, entry hashes, the links between them.

Entry n's hash is sha256(prev_hash + canonical JSON of [seq, at, kind, label, payload]), over
the payload text exactly as stored; entry 1's prev_hash is the content hash of the original
snapshot. A snapshot written later (a compaction, a migration) is an entry too, recording the
content hash of the figures it holds, so every snapshot hangs on the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from core.project.edits import Change

# Entries the store writes itself: they record a snapshot's content hash and change no figure.
SNAPSHOT_KIND = "snapshot"
MIGRATION_KIND = "migration"
SNAPSHOT_KINDS = (SNAPSHOT_KIND, MIGRATION_KIND)
MAX_NESTING = 64  # JSON nesting a payload may have (a Change needs 3)
_STEP = np.zeros(256, dtype=np.int8)  # a byte's step in nesting depth: [ { in, ] } out
_STEP[[0x5B, 0x7B]], _STEP[[0x5D, 0x7D]] = 1, -1


def _json_default(obj: object) -> object:
    if isinstance(obj, np.generic):
        return obj.item()
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def canonical_json(obj: object) -> str:
    return json.dumps(
        obj,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_json_default,
    )


def entry_hash(prev_hash: str, seq: int, at: str, kind: str, label: str, payload: object) -> str:
    return entry_hash_of_text(prev_hash, seq, at, kind, label, canonical_json(payload))


def entry_hash_of_text(
    prev_hash: str, seq: int, at: str, kind: str, label: str, payload_text: str
) -> str:
    """entry_hash for a payload already in canonical JSON: the same bytes, encoded once
    (canonical JSON of a list is its items' canonical JSON, comma-joined in brackets)."""
    head = ",".join(canonical_json(x) for x in (seq, at, kind, label))
    doc = f"[{head},{payload_text}]"
    return hashlib.sha256((prev_hash + doc).encode("utf-8")).hexdigest()


class RawEntry(NamedTuple):
    """A journal entry as stored: the payload still as its JSON text."""

    seq: int
    at: str
    kind: str
    label: str
    payload: str
    prev_hash: str
    hash: str

    def hash_ok(self) -> bool:
        digest = entry_hash_of_text(
            self.prev_hash, self.seq, self.at, self.kind, self.label, self.payload
        )
        return digest == self.hash


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

    @property
    def is_change(self) -> bool:
        """A change of figures or notes, not an entry the store wrote about its snapshot."""
        return self.kind not in SNAPSHOT_KINDS

    def change(self) -> Change:
        return Change.from_json(self.payload)


@dataclass(frozen=True)
class ChainProblem:
    """What does not verify, and where: a journal entry, 0 for the original snapshot, None for
    the file as a whole."""

    entry: int | None
    what: str

    @property
    def where(self) -> str:
        if self.entry is None:
            return "the file"
        return "the original snapshot" if self.entry == 0 else f"journal entry {self.entry}"

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def nested_deeper(text: str, limit: int = MAX_NESTING) -> bool:
    """Whether the arrays and objects of a JSON text nest deeper than `limit`, found without
    parsing it (so a hostile depth costs no recursion); brackets inside strings do not count."""
    if text.count("[") + text.count("{") <= limit:
        return False
    # Without escaped backslashes, then escaped quotes, every quote left opens or closes a string.
    raw = text.encode("utf-8").replace(b"\\\\", b"").replace(b'\\"', b"")
    codes = np.frombuffer(raw, dtype=np.uint8)
    quotes = np.flatnonzero(codes == 0x22)
    brackets = np.flatnonzero(_STEP[codes])
    outside = np.searchsorted(quotes, brackets) % 2 == 0  # an even number of quotes before it
    steps = _STEP[codes[brackets[outside]]].astype(np.int64)
    return int(np.cumsum(steps).max(initial=0)) > limit


def read_payload(text: str) -> dict[str, Any]:
    """An entry's payload as an object; ValueError, in words, if it is not one."""
    if nested_deeper(text):
        raise ValueError(f"its payload is nested deeper than {MAX_NESTING} levels")
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        raise ValueError("its payload is not valid JSON") from None
    if not isinstance(obj, dict):
        raise ValueError("its payload is not a JSON object")
    return obj


def recorded_snapshot(entry: RawEntry) -> str:
    """The content hash a snapshot entry records; ValueError, in words, if it records none."""
    if entry.kind not in SNAPSHOT_KINDS:
        raise ValueError(f"it is a {entry.kind!r} entry, not a snapshot")
    digest = read_payload(entry.payload).get("snapshot_hash")
    if not isinstance(digest, str):
        raise ValueError("it records no snapshot hash")
    return digest


def link_problems(rows: list[RawEntry], origin_hash: str) -> list[ChainProblem]:
    """Every break in the chain of entries (in seq order) from `origin_hash`; [] when intact.

    A chain recomputed after an edit, or cut short, has no break: only a head recorded
    elsewhere shows either."""
    problems: list[ChainProblem] = []
    prev, expected = origin_hash, 1
    for row in rows:
        if row.seq != expected:
            gap = f"entry {expected} is" if row.seq == expected + 1 else "entries before it are"
            problems.append(ChainProblem(row.seq, f"{gap} missing"))
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.seq, "it does not follow the entry before it"))
        if not row.hash_ok():
            problems.append(
                ChainProblem(
                    row.seq,
                    "its content does not match its hash (it was changed after it was written)",
                )
            )
        prev, expected = row.hash, row.seq + 1
    return problems
