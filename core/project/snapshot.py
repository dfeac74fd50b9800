"""The snapshot: the election and its review notes as columnar rows, and their content hash."""

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
from core.project.chain import canonical_json
from core.project.edits import Reviews


class SnapshotDamaged(ValueError):
    """The snapshot rows cannot be read back into an election; the message says which."""


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


def _row(blobs: dict[str, bytes], name: str) -> bytes:
    if name not in blobs:
        raise SnapshotDamaged(f"the snapshot has no row {name!r}")
    return blobs[name]


def _doc(blobs: dict[str, bytes], name: str) -> Any:
    try:
        return json.loads(_row(blobs, name))
    except (ValueError, RecursionError):
        raise SnapshotDamaged(f"the snapshot row {name!r} is not valid JSON") from None


def _col(blobs: dict[str, bytes], name: str) -> npt.NDArray[Any]:
    try:
        return _array(_row(blobs, name))
    except (ValueError, OSError, EOFError):
        raise SnapshotDamaged(f"the snapshot row {name!r} is not a column of figures") from None


def election_from_blobs(blobs: dict[str, bytes], file: str) -> tuple[Election, Reviews]:
    """Rebuild the election and review notes; SnapshotDamaged, in words, if the rows are not
    a snapshot this version wrote (InputRefused if the election's description is refused)."""
    try:
        return _election(blobs, file)
    except (KeyError, TypeError, IndexError, AttributeError, ValueError) as exc:
        if isinstance(exc, SnapshotDamaged):
            raise
        raise SnapshotDamaged("the snapshot's rows do not fit together as an election") from None


def _election(blobs: dict[str, bytes], file: str) -> tuple[Election, Reviews]:
    problems: list[Problem] = []
    info = parse_info(_doc(blobs, "info"), file, problems)
    if info is None:
        raise InputRefused(problems)
    unit_doc = _doc(blobs, "units")
    tree = UnitTree.build(
        [str(u) for u in unit_doc["ids"]],
        [str(n) for n in unit_doc["names"]],
        _col(blobs, "units/level").astype(np.int16, copy=False),
        _col(blobs, "units/parent").astype(np.int64, copy=False),
    )
    n = len(tree)
    sources: dict[str, SourceFigures] = {}
    for src, names in _doc(blobs, "sources").items():
        figs = SourceFigures(_col(blobs, f"{src}/present").astype(bool, copy=False))
        for name in names:
            col = Column(_col(blobs, f"{src}/values/{name}"), _col(blobs, f"{src}/reported/{name}"))
            if len(col.values) != n or len(col.reported) != n:
                raise SnapshotDamaged(f"column {src}/{name} does not have one figure per unit")
            if col.values.dtype.kind not in "iuf" or col.reported.dtype.kind != "b":
                raise SnapshotDamaged(f"column {src}/{name} does not hold figures")
            figs.columns[name] = col
        figs.extras = {k: [str(v) for v in vs] for k, vs in _doc(blobs, f"{src}/extras").items()}
        if len(figs.present) != n:
            raise SnapshotDamaged(f"source {src} does not have one row flag per unit")
        sources[src] = figs
    extra_columns = [str(c) for c in _doc(blobs, "extra_columns")]
    reviews: Reviews = {}
    for key, value in _doc(blobs, "reviews"):
        reviews[(str(key[0]), str(key[1]), str(key[2]), str(key[3]))] = (
            str(value[0]),
            str(value[1]),
        )
    return Election(info, tree, sources, extra_columns), reviews
