"""What a journal says about a figure, a note or a unit: the entry that last set it (who, when),
the units it removed, and the files merged into it before."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from core.project.chain import JournalEntry

IntArray = npt.NDArray[np.int64]
_0, _1, _2 = itemgetter(0), itemgetter(1), itemgetter(2)  # an edit's unit, source, field
Finding = tuple[str, str, str, str]  # (rule, unit_id, source, field)


@dataclass(frozen=True)
class EntryRef:
    """The journal entry a value comes from; seq 0 is the file's original figures."""

    seq: int
    at: str = ""  # UTC, ISO 8601
    label: str = ""
    who: str = ""  # the operator, when the entry records one

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "label": self.label, "who": self.who}


def operator_of(entry: JournalEntry) -> str:
    """Who made an entry, where the journal records it (an attribute or a payload key)."""
    who = getattr(entry, "operator", None) or entry.payload.get("operator") or ""
    return who if isinstance(who, str) else ""


def _steps(structure: object) -> list[dict[str, Any]]:
    """A change's structure edits in order (one, or a list of steps)."""
    if not isinstance(structure, dict):
        return []
    steps = structure.get("steps")
    if isinstance(steps, list):
        return [s for s in steps if isinstance(s, dict)]
    return [structure]


def _unit_ids(rows: object) -> list[str]:
    if not isinstance(rows, list):
        return []
    return [str(r[0]) if isinstance(r, list) and r else str(r) for r in rows]


class JournalIndex:
    """One side's journal, read once: entries by seq and the unit edits they made."""

    def __init__(self, journal: Iterable[JournalEntry], origin: str) -> None:
        self.entries: list[JournalEntry] = []
        self.refs: dict[int, EntryRef] = {0: EntryRef(0, "", origin)}
        self.removed: dict[str, int] = {}  # unit id -> the entry that removed it (still gone)
        self.named: dict[str, int] = {}  # unit id -> the entry that last set its name
        self.placed: dict[str, int] = {}  # unit id -> the entry that last set its parent
        self.reid: dict[str, str] = {}  # an id this project gave up -> the unit's id now
        self.merged: dict[str, int] = {}  # content hash of a file merged in -> its entry
        for e in journal:
            if e.is_change:
                self.add(e)

    def add(self, e: JournalEntry) -> None:
        """One more entry, after the others (a negative seq: a step of a merge not applied)."""
        self.entries.append(e)
        self.refs[e.seq] = EntryRef(e.seq, e.at, e.label, operator_of(e))
        for step in _steps(e.payload.get("structure")):
            self._structure(e.seq, step)
        for m in e.payload.get("merged", ()) or ():
            if isinstance(m, dict) and isinstance(m.get("content"), str):
                if m.get("undone"):
                    self.merged.pop(m["content"], None)
                else:
                    self.merged[m["content"]] = e.seq

    def _structure(self, seq: int, step: dict[str, Any]) -> None:
        op = step.get("op")
        if op == "add":
            for uid in _unit_ids(step.get("units")):
                self.removed.pop(uid, None)
                self.named[uid] = self.placed[uid] = seq
        elif op == "remove":  # the ids, or the units as rows
            for uid in _unit_ids(step.get("ids") or step.get("units")):
                self.removed[uid] = seq
        elif op in ("move", "move_back"):
            for uid in _unit_ids(step.get("units")):
                self.placed[uid] = seq
        elif op == "rename" and isinstance(step.get("unit"), str):
            self.named[step["unit"]] = seq
        elif op == "reid" and isinstance(step.get("old"), str) and isinstance(step.get("new"), str):
            old, new = step["old"], step["new"]
            self.reid = {k: (new if v == old else v) for k, v in self.reid.items()}
            self.reid[old] = new
            self.reid.pop(new, None)

    def ref(self, seq: int) -> EntryRef:
        return self.refs.get(seq, self.refs[0])

    def cells(
        self, units: dict[str, int], columns: dict[tuple[str, str], int], wanted: IntArray
    ) -> IntArray:
        """The entry that last set each wanted figure (0: none did, it is an original figure).
        A figure is the key unit * len(columns) + column, with units and columns numbered by
        the maps given; done as arrays, since one import entry may hold millions of edits."""
        out = np.zeros(wanted.size, dtype=np.int64)
        if not wanted.size:
            return out
        width = len(columns)
        sources = {s: i for i, s in enumerate(sorted({s for s, _ in columns}))}
        fields = {f: i for i, f in enumerate(sorted({f for _, f in columns}))}
        table = np.full((len(sources) + 1, len(fields) + 1), -1, dtype=np.int64)  # -1: neither
        for (source, name), col in columns.items():
            table[sources[source], fields[name]] = col
        targets = np.sort(wanted)  # each figure once: a conflict is one cell
        keys: list[IntArray] = []
        seqs: list[IntArray] = []
        for e in self.entries:
            edits = e.payload.get("edits")
            if not isinstance(edits, list) or not edits:
                continue
            try:
                n = len(edits)
                u = np.fromiter(map(units.get, map(_0, edits), repeat(-1)), np.int64, n)
                src = np.fromiter(map(sources.get, map(_1, edits), repeat(-1)), np.int64, n)
                fld = np.fromiter(map(fields.get, map(_2, edits), repeat(-1)), np.int64, n)
            except (TypeError, IndexError, KeyError):
                continue  # not a list of edits: nothing it says can be traced
            c = table[src, fld]  # -1 indexes the last row and column, which hold -1
            k = (u * width + c)[(u >= 0) & (c >= 0)]
            at = np.minimum(np.searchsorted(targets, k), targets.size - 1)
            k = k[targets[at] == k]
            if k.size:
                keys.append(k)
                seqs.append(np.full(k.size, e.seq, dtype=np.int64))
        if not keys:
            return out
        all_keys, all_seqs = np.concatenate(keys), np.concatenate(seqs)
        order = np.argsort(all_keys, kind="stable")  # within a key, in journal order
        k_sorted = all_keys[order]
        last = np.flatnonzero(np.append(k_sorted[1:] != k_sorted[:-1], True))
        found, seq_of = k_sorted[last], all_seqs[order[last]]
        at = np.minimum(np.searchsorted(found, wanted), found.size - 1)
        hit = found[at] == wanted
        out[hit] = seq_of[at[hit]]
        return out

    def notes(self, wanted: set[Finding]) -> dict[Finding, int]:
        """The entry that last set each wanted review note."""
        found: dict[Finding, int] = {}
        if not wanted:
            return found
        for e in self.entries:
            for r in e.payload.get("reviews", ()):
                if isinstance(r, list) and r and isinstance(r[0], list):
                    key: Finding = tuple(r[0])
                    if key in wanted:
                        found[key] = e.seq
        return found


def merged_files(journal: Iterable[JournalEntry]) -> list[dict[str, Any]]:
    """The files merged into a project and not undone, in the order merged: file, content
    hash, journal head, and the entry that merged each (what the workbook lists)."""
    live: dict[str, dict[str, Any]] = {}
    for e in journal:
        for m in e.payload.get("merged", ()) or ():
            if not isinstance(m, dict) or not isinstance(m.get("content"), str):
                continue
            live.pop(m["content"], None)
            if not m.get("undone"):
                live[m["content"]] = {
                    "file": str(m.get("source", "")),
                    "content_hash": m["content"],
                    "head": str(m.get("head", "")),
                    "entry": e.seq,
                    "at": e.at,
                }
    return list(live.values())
