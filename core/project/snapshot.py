"""The project file's contents: the election as columnar snapshot rows, and the hash chain."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import numpy as np
import numpy.typing as npt

from core.formats.election_json import info_to_json, parse_info
from core.model.election import Column, Election, SourceFigures, UnitTree
from core.model.problems import InputRefused, Problem
from core.project.edits import ReviewEdit

Reviews = dict[tuple[str, str, str, str], tuple[str, str]]


# --- hashing ---------------------------------------------------------------------------------


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


def snapshot_hash(blobs: dict[str, bytes]) -> str:
    """SHA-256 over the snapshot rows in name order, each length-prefixed (name, then data)."""
    h = hashlib.sha256()
    for name in sorted(blobs):
        key, data = name.encode("utf-8"), blobs[name]
        h.update(len(key).to_bytes(8, "big"))
        h.update(key)
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


# --- the snapshot ----------------------------------------------------------------------------


def _npy(a: npt.NDArray[Any]) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a, allow_pickle=False)
    return buf.getvalue()


def _array(data: bytes) -> npt.NDArray[Any]:
    out: npt.NDArray[Any] = np.load(io.BytesIO(data), allow_pickle=False)
    return out


def _js(obj: object) -> bytes:
    return canonical_json(obj).encode("utf-8")


def snapshot_blobs(election: Election, reviews: Reviews) -> dict[str, bytes]:
    """The election and review notes as snapshot rows: one per column, never one per figure."""
    units = election.units
    blobs = {
        "info": _js(info_to_json(election.info)),
        "units": _js({"ids": units.ids, "names": units.names}),
        "units/level": _npy(units.level),
        "units/parent": _npy(units.parent),
        "extra_columns": _js(election.extra_columns),
        "reviews": _js([[list(k), list(v)] for k, v in sorted(reviews.items())]),
    }
    layout: dict[str, list[str]] = {}
    for src, figs in election.sources.items():
        layout[src] = list(figs.columns)
        blobs[f"{src}/present"] = _npy(figs.present)
        for name, col in figs.columns.items():
            blobs[f"{src}/values/{name}"] = _npy(col.values)
            blobs[f"{src}/reported/{name}"] = _npy(col.reported)
        blobs[f"{src}/extras"] = _js(figs.extras)
    blobs["sources"] = _js(layout)
    return blobs


def election_from_blobs(blobs: dict[str, bytes], file: str) -> tuple[Election, Reviews]:
    """Rebuild the election and review notes; KeyError or ValueError if the rows are damaged."""
    problems: list[Problem] = []
    info = parse_info(json.loads(blobs["info"]), file, problems)
    if info is None:
        raise InputRefused(problems)
    unit_doc = json.loads(blobs["units"])
    tree = UnitTree.build(
        [str(u) for u in unit_doc["ids"]],
        [str(n) for n in unit_doc["names"]],
        _array(blobs["units/level"]).astype(np.int16, copy=False),
        _array(blobs["units/parent"]).astype(np.int64, copy=False),
    )
    n = len(tree)
    sources: dict[str, SourceFigures] = {}
    for src, names in json.loads(blobs["sources"]).items():
        figs = SourceFigures(_array(blobs[f"{src}/present"]).astype(bool, copy=False))
        for name in names:
            col = Column(
                _array(blobs[f"{src}/values/{name}"]), _array(blobs[f"{src}/reported/{name}"])
            )
            if len(col.values) != n or len(col.reported) != n:
                raise ValueError(f"column {src}/{name} does not have one figure per unit")
            figs.columns[name] = col
        figs.extras = {
            k: [str(v) for v in vs] for k, vs in json.loads(blobs[f"{src}/extras"]).items()
        }
        if len(figs.present) != n:
            raise ValueError(f"source {src} does not have one row flag per unit")
        sources[src] = figs
    extra_columns = [str(c) for c in json.loads(blobs["extra_columns"])]
    reviews: Reviews = {}
    for key, value in json.loads(blobs["reviews"]):
        reviews[(str(key[0]), str(key[1]), str(key[2]), str(key[3]))] = (
            str(value[0]),
            str(value[1]),
        )
    return Election(info, tree, sources, extra_columns), reviews


def apply_reviews(reviews: Reviews, edits: tuple[ReviewEdit, ...]) -> None:
    """Review notes as Workspace keeps them: back to ("open", "") means no note at all."""
    for r in edits:
        if r.new == ("open", ""):
            reviews.pop(r.finding, None)
        else:
            reviews[r.finding] = r.new


def chain_problems(rows: list[tuple[Any, ...]], origin_hash: str) -> list[str]:
    """Every break in the hash chain of journal rows (seq order); [] when intact."""
    problems: list[str] = []
    prev, expected = origin_hash, 1
    for seq, at, kind, label, payload, prev_hash, digest in rows:
        if seq != expected:
            problems.append(f"journal entry {seq}: expected entry {expected} (entries are missing)")
        if prev_hash != prev:
            problems.append(f"journal entry {seq}: does not follow the entry before it")
        try:
            obj = json.loads(payload)
        except (json.JSONDecodeError, TypeError):
            problems.append(f"journal entry {seq}: its payload is not valid JSON")
        else:
            if entry_hash(str(prev_hash), seq, at, kind, label, obj) != digest:
                problems.append(
                    f"journal entry {seq}: its content does not match its hash "
                    "(it was changed after it was written)"
                )
        prev, expected = str(digest), int(seq) + 1
    return problems
