"""What a project's history proves: the quick checks of every opening, and the full replay.

Both take a `StoredHistory` (what any store holds: the original snapshot, the one held now,
the journal), so the PostgreSQL store verifies with the same code. Neither needs a key: a
keyless chain proves that a file is consistent in itself; that nothing was rewritten or cut
off is shown only by a head recorded elsewhere (`verify --expect-head`, an exported workbook).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model.election import Election
from core.project.chain import (
    SNAPSHOT_KINDS,
    ChainProblem,
    RawEntry,
    link_problems,
    read_payload,
    recorded_snapshot,
)
from core.project.edits import Change, Reviews, apply_change
from core.project.schema import FORMAT_V1
from core.project.snapshot import (
    SnapshotDamaged,
    election_from_blobs,
    snapshot_blobs,
    snapshot_hash,
)


@dataclass
class StoredHistory:
    """A project's history as its store holds it."""

    format: str
    origin_hash: str  # where the chain starts
    snapshot_seq: int  # the entry recording `snapshot` (0: the original snapshot)
    snapshot: dict[str, bytes]
    origin: dict[str, bytes]  # the original snapshot; empty while `snapshot` is still it
    entries: list[RawEntry]
    v1_snapshot_hash: str = ""  # format 1 kept the snapshot's hash beside it, outside the chain

    @property
    def head(self) -> str:
        return self.entries[-1].hash if self.entries else self.origin_hash


@dataclass
class Verification:
    """The outcome: how many entries, the head, and every problem (first failing entry first)."""

    entries: int
    head: str
    problems: list[ChainProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Checked:
    """A history checked, and the figures it gives (None when they cannot be known)."""

    verification: Verification
    election: Election | None
    reviews: Reviews
    cells: int = 0  # edits and notes replayed after the snapshot


def _ordered(problems: list[ChainProblem]) -> list[ChainProblem]:
    return sorted(problems, key=lambda p: -1 if p.entry is None else p.entry)


def _bound_snapshot(history: StoredHistory, problems: list[ChainProblem]) -> None:
    """Check the snapshot held now against the hash the chain records for it."""
    seq, last = history.snapshot_seq, len(history.entries) and history.entries[-1].seq
    if seq > last:
        problems.append(
            ChainProblem(
                seq,
                "it is missing, but the snapshot was taken at it (the journal's tail was cut off)",
            )
        )
        return
    held = snapshot_hash(history.snapshot)
    if history.format == FORMAT_V1:
        if held != history.v1_snapshot_hash:
            problems.append(ChainProblem(seq, "the snapshot held in the file is damaged"))
        if seq == 0 and held != history.origin_hash:
            problems.append(ChainProblem(0, "it does not match the hash the chain starts from"))
        return  # the figures taken at `seq` are compared in the replay
    if seq == 0:
        if held != history.origin_hash:
            problems.append(ChainProblem(0, "it does not match the hash the chain starts from"))
        return
    entry = next((e for e in history.entries if e.seq == seq), None)
    if entry is None:
        problems.append(ChainProblem(seq, "it is missing, but the snapshot was taken at it"))
        return
    try:
        recorded = recorded_snapshot(entry)
    except ValueError as exc:
        problems.append(
            ChainProblem(seq, f"the file's snapshot is said to be taken here, but {exc}")
        )
        return
    if held != recorded:
        problems.append(
            ChainProblem(
                seq, "the snapshot held in the file does not match the hash this entry records"
            )
        )


def _replay(
    election: Election, reviews: Reviews, entry: RawEntry, problems: list[ChainProblem]
) -> int:
    """Apply one change entry: the cells and notes it holds, or -1 (and the problem noted) if
    it cannot be applied."""
    try:
        change = Change.from_json(read_payload(entry.payload))
        apply_change(election, reviews, change)
    except ValueError as exc:
        problems.append(ChainProblem(entry.seq, str(exc)))
        return -1
    return len(change.edits) + len(change.reviews)


def check_opening(history: StoredHistory, file: str) -> Checked:
    """The checks of every opening, within its budget: the chain's links, the snapshot against
    the hash the chain records, the entries after the snapshot replayed. A format 1 file
    (whose snapshot the chain does not record) gets the full replay instead."""
    if history.format == FORMAT_V1:
        return verify_history(history, file)
    problems = link_problems(history.entries, history.origin_hash)
    _bound_snapshot(history, problems)
    if problems:
        return Checked(
            Verification(len(history.entries), history.head, _ordered(problems)), None, {}
        )
    try:
        election, reviews = election_from_blobs(history.snapshot, file)
    except SnapshotDamaged as exc:
        problems.append(ChainProblem(history.snapshot_seq, str(exc)))
        return Checked(Verification(len(history.entries), history.head, problems), None, {})
    cells = 0
    for entry in history.entries:
        if entry.seq <= history.snapshot_seq:
            continue
        if entry.kind in SNAPSHOT_KINDS:
            problems.append(ChainProblem(entry.seq, "it records a snapshot the file does not hold"))
            break
        n = _replay(election, reviews, entry, problems)
        if n < 0:
            break
        cells += n
    verification = Verification(len(history.entries), history.head, problems)
    return Checked(verification, election, reviews, cells)


def verify_history(history: StoredHistory, file: str) -> Checked:
    """The full replay: every link, the original snapshot against the chain's start, every
    entry applied to it in order, every recorded snapshot compared with the figures so far."""
    problems = link_problems(history.entries, history.origin_hash)
    _bound_snapshot(history, problems)
    base = history.origin or history.snapshot
    if not history.origin and history.snapshot_seq != 0:
        problems.append(ChainProblem(0, "the original figures are missing from the file"))
        base = {}
    elif history.origin and snapshot_hash(history.origin) != history.origin_hash:
        problems.append(ChainProblem(0, "it does not match the hash the chain starts from"))
    verification = Verification(len(history.entries), history.head, problems)
    try:
        election, reviews = election_from_blobs(base, file) if base else (None, {})
    except SnapshotDamaged as exc:
        problems.append(ChainProblem(0, str(exc)))
        election = None
    if election is None:
        verification.problems = _ordered(problems)
        return Checked(verification, None, {})
    held = snapshot_hash(history.snapshot) if history.format == FORMAT_V1 else ""
    for entry in history.entries:
        if entry.kind in SNAPSHOT_KINDS:
            try:
                recorded = recorded_snapshot(entry)
            except ValueError as exc:
                problems.append(ChainProblem(entry.seq, str(exc)))
                recorded = ""
            if recorded and snapshot_hash(snapshot_blobs(election, reviews)) != recorded:
                problems.append(
                    ChainProblem(
                        entry.seq,
                        "the snapshot it records is not the figures that the original snapshot "
                        "and the entries before it give",
                    )
                )
        elif _replay(election, reviews, entry, problems) < 0:
            election = None  # the figures after an entry that cannot be applied are unknown
            break
        if (
            held
            and entry.seq == history.snapshot_seq
            and snapshot_hash(snapshot_blobs(election, reviews)) != held
        ):
            problems.append(
                ChainProblem(
                    entry.seq,
                    "the snapshot taken here is not the figures that the original snapshot and "
                    "the entries up to it give",
                )
            )
    verification.problems = _ordered(problems)
    return Checked(verification, election, reviews if election is not None else {})
