"""Figures brought together, one (source, field) column at a time as arrays: a figure only
they report is an addition, an equal one is nothing, a differing one a conflict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from core.model.election import Election

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def _ints() -> IntArray:
    return np.zeros(0, dtype=np.int64)


def _floats() -> FloatArray:
    return np.zeros(0, dtype=np.float64)


@dataclass
class Figures:
    """Figures as parallel arrays: column (an index into `CellPlan.columns`), our unit, their
    unit, and values (counts are whole numbers below 2**53, exact as float64)."""

    column: IntArray = field(default_factory=_ints)
    mine: IntArray = field(default_factory=_ints)  # our unit position
    theirs: IntArray = field(default_factory=_ints)  # their unit position
    value: FloatArray = field(default_factory=_floats)  # theirs
    mine_value: FloatArray = field(default_factory=_floats)  # ours (conflicts only)

    def __len__(self) -> int:
        return int(self.column.size)

    def take(self, keep: npt.NDArray[np.bool_] | IntArray) -> Figures:
        return Figures(
            self.column[keep],
            self.mine[keep],
            self.theirs[keep],
            self.value[keep],
            self.mine_value[keep] if self.mine_value.size else self.mine_value,
        )


@dataclass
class CellPlan:
    """Every figure of units both files have (by id or an offered match)."""

    columns: list[tuple[str, str]]  # (source, field)
    added: Figures
    conflicts: Figures
    equal: int


def _cat(parts: list[npt.NDArray[Any]], dtype: type[np.generic]) -> npt.NDArray[Any]:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def plan_cells(mine: Election, theirs: Election, align: IntArray) -> CellPlan:
    """Compare every figure they report on a unit we have (align[t] >= 0)."""
    columns: list[tuple[str, str]] = []
    parts: dict[str, list[npt.NDArray[Any]]] = {k: [] for k in ("ac", "am", "at", "av")}
    conf: dict[str, list[npt.NDArray[Any]]] = {k: [] for k in ("c", "m", "t", "v", "w")}
    equal = 0
    known = align >= 0
    for source, figs in theirs.sources.items():
        ours = mine.sources.get(source)
        for name, col in figs.columns.items():
            t = np.flatnonzero(col.reported & known)
            if not t.size:
                continue
            o = align[t]
            v = col.values[t].astype(np.float64)
            mcol = ours.columns.get(name) if ours is not None else None
            if mcol is None:
                rep = np.zeros(t.size, dtype=bool)
                mv = np.zeros(t.size, dtype=np.float64)
            else:
                rep, mv = mcol.reported[o], mcol.values[o].astype(np.float64)
            k = len(columns)
            columns.append((source, name))
            new = ~rep
            differ = rep & (mv != v)
            equal += int(np.count_nonzero(rep)) - int(np.count_nonzero(differ))
            if new.any():
                parts["ac"].append(np.full(int(new.sum()), k, dtype=np.int64))
                parts["am"].append(o[new])
                parts["at"].append(t[new])
                parts["av"].append(v[new])
            if differ.any():
                conf["c"].append(np.full(int(differ.sum()), k, dtype=np.int64))
                conf["m"].append(o[differ])
                conf["t"].append(t[differ])
                conf["v"].append(v[differ])
                conf["w"].append(mv[differ])
    added = Figures(
        _cat(parts["ac"], np.int64),
        _cat(parts["am"], np.int64),
        _cat(parts["at"], np.int64),
        _cat(parts["av"], np.float64),
    )
    conflicts = Figures(
        _cat(conf["c"], np.int64),
        _cat(conf["m"], np.int64),
        _cat(conf["t"], np.int64),
        _cat(conf["v"], np.float64),
        _cat(conf["w"], np.float64),
    )
    # listed unit by unit, in the order of our tree, each unit's fields in column order
    order = np.lexsort((conflicts.column, conflicts.mine))
    return CellPlan(columns, added, conflicts.take(order), equal)
