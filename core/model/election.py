"""The election model: contestants, the unit tree, and each source's figures as masked columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from core.model.seat_rules import SeatRules

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Protocol lines in the order of the paper protocol (CONTRACT §1).
PROTOCOL_FIELDS: tuple[str, ...] = (
    "registered",
    "ballots_received",
    "ballots_issued",
    "ballots_unused",
    "ballots_spoiled",
    "ballots_lost",
    "ballots_unaccounted",
    "ballots_cast",
    "invalid",
    "valid",
)
SOURCES: tuple[str, ...] = ("official", "observer")
SPECIAL_PCTS: tuple[str, ...] = ("turnout", "invalid", "valid")
STRUCTURE_COLUMNS: tuple[str, ...] = ("unit_id", "unit_name", "level", "parent_id", "source")
DEFAULT_PERCENT_BASE: dict[str, str] = {
    "party": "valid",
    "invalid": "ballots_cast",
    "valid": "ballots_cast",
    "turnout": "registered",
}


@dataclass(frozen=True)
class Contestant:
    """A party or candidate on the ballot."""

    code: str
    name: str
    ballot_order: int
    registration_order: int


@dataclass
class ElectionInfo:
    """What `election.json` says: the election's name, levels, contestants and counting rules."""

    name: str
    date: str
    levels: list[str]
    contestants: list[Contestant]
    seats: SeatRules | None = None
    percent_base: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PERCENT_BASE))
    pct_decimals: int = 2
    extra: dict[str, Any] = field(default_factory=dict)
    # The protocol's columns in typing order (CONTRACT §1 `protocol_fields`), and the template
    # they came from; None: the count columns the results table has.
    protocol_fields: list[str] | None = None
    protocol_template: str = ""

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.contestants]

    def base_of(self, pct_name: str) -> str:
        """The field a published percentage is taken of (`party` for contestants)."""
        key = pct_name if pct_name in SPECIAL_PCTS else "party"
        return self.percent_base.get(key, DEFAULT_PERCENT_BASE[key])

    def count_fields(self) -> list[str]:
        """Every count a protocol carries: its lines, then each contestant's votes."""
        return [*PROTOCOL_FIELDS, *(f"votes:{c}" for c in self.codes)]

    def extra_counts(self) -> list[str]:
        """Protocol lines that are not fields of the contract (a template's sub-lines): counts
        that are kept, shown and typed, and that the rules ignore."""
        known = set(self.count_fields())
        return [f for f in self.protocol_fields or () if f not in known]

    def pct_fields(self) -> list[str]:
        return [*(f"pct:{c}" for c in self.codes), *(f"pct:{p}" for p in SPECIAL_PCTS)]

    def seat_fields(self) -> list[str]:
        return [f"seats:{c}" for c in self.codes]


@dataclass
class UnitTree:
    """Units of any depth: ids, names, levels and parents as arrays, children in CSR form."""

    ids: list[str]
    names: list[str]
    level: npt.NDArray[np.int16]  # index into ElectionInfo.levels
    parent: npt.NDArray[np.int64]  # -1 for the root
    depth: npt.NDArray[np.int16]
    child_start: npt.NDArray[
        np.int64
    ]  # children of u are child_order[child_start[u]:child_start[u+1]]
    child_order: npt.NDArray[np.int64]
    _index: dict[str, int] | None = None
    _root: int = -1

    @classmethod
    def build(
        cls, ids: list[str], names: list[str], level: npt.NDArray[np.int16], parent: IntArray
    ) -> UnitTree:
        """Build from parent links that are known to form one tree (the reader checks that)."""
        n = len(ids)
        has_parent = parent >= 0
        order = np.argsort(np.where(has_parent, parent, n), kind="stable")
        counts = np.bincount(parent[has_parent], minlength=n)
        child_start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=child_start[1:])
        child_order = order[: int(has_parent.sum())].astype(np.int64)
        depth = _depths(parent, child_start, child_order)
        return cls(ids, names, level, parent, depth, child_start, child_order)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def index(self) -> dict[str, int]:
        """unit_id -> position, built on first use (a million-unit audit never needs it)."""
        if self._index is None:
            self._index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._index

    @property
    def root(self) -> int:
        if self._root < 0:
            self._root = int(np.flatnonzero(self.parent < 0)[0])
        return self._root

    def children(self, unit: int) -> IntArray:
        return self.child_order[self.child_start[unit] : self.child_start[unit + 1]]

    def ancestors(self, unit: int) -> list[int]:
        """The unit's parent, grandparent, ... up to the root."""
        out: list[int] = []
        p = int(self.parent[unit])
        while p >= 0:
            out.append(p)
            p = int(self.parent[p])
        return out


def _depths(
    parent: IntArray, child_start: IntArray, child_order: IntArray
) -> npt.NDArray[np.int16]:
    """Breadth-first depth from the root; units not reached (cycles) get -1."""
    depth = np.full(len(parent), -1, dtype=np.int16)
    frontier = np.flatnonzero(parent < 0)
    d = 0
    while frontier.size:
        depth[frontier] = d
        starts, ends = child_start[frontier], child_start[frontier + 1]
        sizes = ends - starts
        if not sizes.sum():
            break
        offsets = np.repeat(starts - np.cumsum(sizes) + sizes, sizes)
        frontier = child_order[np.arange(int(sizes.sum())) + offsets]
        d += 1
    return depth


@dataclass
class Column:
    """One field of one source over all units: values, and whether each was reported."""

    values: npt.NDArray[Any]
    reported: BoolArray

    def get(self, unit: int) -> int | float | None:
        if not self.reported[unit]:
            return None
        v = self.values[unit]
        return float(v) if self.values.dtype.kind == "f" else int(v)


@dataclass
class SourceFigures:
    """Every figure one source reported, unit-aligned: `present[u]` says the unit has a row."""

    present: BoolArray
    columns: dict[str, Column] = field(default_factory=dict)  # counts (int64) and pcts (float64)
    extras: dict[str, list[str]] = field(default_factory=dict)  # extra columns, kept as text

    def column(self, name: str) -> Column | None:
        return self.columns.get(name)

    def value(self, name: str, unit: int) -> int | float | None:
        col = self.columns.get(name)
        return None if col is None else col.get(unit)

    def ensure(self, name: str, dtype: type[np.generic]) -> Column:
        """The column, created empty (nothing reported) if it does not exist yet."""
        col = self.columns.get(name)
        if col is None:
            n = len(self.present)
            col = Column(np.zeros(n, dtype=dtype), np.zeros(n, dtype=bool))
            self.columns[name] = col
        return col


def is_pct(name: str) -> bool:
    return name.startswith("pct:")


def column_dtype(name: str) -> type[np.generic]:
    return np.float64 if is_pct(name) else np.int64


@dataclass
class Election:
    """One election: its description, its unit tree, and the figures of each source."""

    info: ElectionInfo
    units: UnitTree
    sources: dict[str, SourceFigures]
    extra_columns: list[str] = field(default_factory=list)

    def source(self, name: str) -> SourceFigures:
        """The figures of a source, created empty on first use."""
        figs = self.sources.get(name)
        if figs is None:
            figs = SourceFigures(np.zeros(len(self.units), dtype=bool))
            self.sources[name] = figs
        return figs

    def stations(self) -> int:
        """Units at the deepest declared level."""
        last = len(self.info.levels) - 1
        return int(np.count_nonzero(self.units.level == last))
