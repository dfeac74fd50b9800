"""The station figures every screen reads: one row per official station, with its region,
its territory, and the turnout, leader's share and invalid share as counts over their bases."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.model.election import BoolArray, Election, FloatArray, IntArray
from core.rules.context import AuditContext

SOURCE = "official"


@dataclass(frozen=True)
class Ratio:
    """One percentage per station as a count over its base; `ok` where both are reported,
    the base is positive and the count does not exceed it."""

    field: str  # the percentage's field id: pct:turnout, pct:<leader>, pct:invalid
    k: IntArray
    n: IntArray
    ok: BoolArray

    def pct(self) -> FloatArray:
        out: FloatArray = 100.0 * self.k / np.maximum(self.n, 1)
        return out


@dataclass(frozen=True)
class Stations:
    """The official stations of an election (units at the deepest declared level)."""

    election: Election
    units: IntArray
    region: IntArray  # the station's ancestor just below the root (the root if there is none)
    territory: IntArray  # the station's parent: the peers its figures are compared with
    leader: str | None
    turnout: Ratio
    share: Ratio
    invalid: Ratio
    votes: IntArray  # (stations, contestants), every contestant's votes
    votes_ok: BoolArray  # every contestant's votes reported
    observed: BoolArray  # an observer's copy of the station's protocol exists

    def __len__(self) -> int:
        return int(self.units.size)

    def scopes(self) -> list[tuple[int, BoolArray]]:
        """The units each screen runs on, nation first, then each region, with the mask of
        the stations inside it."""
        tree = self.election.units
        out = [(tree.root, np.ones(len(self), dtype=bool))]
        last = len(self.election.info.levels) - 1
        for r in tree.children(tree.root).tolist():
            if int(tree.level[r]) != last:
                out.append((r, self.region == r))
        return out


def _up_to_depth_one(election: Election, units: IntArray) -> IntArray:
    tree = election.units
    out = units.copy()
    for _ in range(int(tree.depth.max(initial=0))):
        deep = tree.depth[out] > 1
        if not deep.any():
            break
        out[deep] = tree.parent[out[deep]]
    root = tree.root
    out[tree.depth[out] < 1] = root
    return out


def leader_of(election: Election, units: IntArray) -> str | None:
    """The contestant with most votes: by the root's figures when it reports them all, else by
    the sum over the stations; ties go to the earlier contestant on the list."""
    figs = election.sources.get(SOURCE)
    if figs is None or not election.info.codes:
        return None
    cols = {c: figs.columns.get(f"votes:{c}") for c in election.info.codes}
    votes = {c: v for c, v in cols.items() if v is not None}
    if not votes:
        return None
    root = election.units.root
    if len(votes) == len(cols) and all(v.reported[root] for v in votes.values()):
        totals = {c: int(v.values[root]) for c, v in votes.items()}
    else:
        totals = {c: int(v.values[units][v.reported[units]].sum()) for c, v in votes.items()}
    return max(totals, key=lambda c: totals[c])


def station_table(election: Election, ctx: AuditContext | None = None) -> Stations:
    """Every official station's figures, as the screens read them."""
    ctx = ctx or AuditContext(election, keep_covers=False)
    tree = election.units
    last = len(election.info.levels) - 1
    figs = election.sources.get(SOURCE)
    present = figs.present if figs is not None else np.zeros(len(tree), bool)
    units = np.flatnonzero(present & (tree.level == last)).astype(np.int64)
    leader = leader_of(election, units)
    empty = np.zeros(units.size, np.int64)
    none = np.zeros(units.size, bool)

    def ratio(field: str, numerator: str | None, base: str) -> Ratio:
        if figs is None or numerator is None or numerator not in figs.columns:
            return Ratio(field, empty, empty, none)
        col = figs.columns[numerator]
        base_vals, base_ok = ctx.base(SOURCE, base)
        k, n = col.values[units], base_vals[units]
        ok = col.reported[units] & base_ok[units] & (n > 0) & (k >= 0) & (k <= n)
        return Ratio(field, k, n, ok)

    info = election.info
    turnout = ratio("pct:turnout", "ballots_cast", info.base_of("turnout"))
    share = (
        ratio(f"pct:{leader}", f"votes:{leader}", info.base_of(leader))
        if leader
        else Ratio("pct:", empty, empty, none)
    )
    invalid = ratio("pct:invalid", "invalid", info.base_of("invalid"))
    codes = info.codes
    votes = np.zeros((units.size, len(codes)), np.int64)
    votes_ok = np.ones(units.size, bool) if codes else none
    for j, c in enumerate(codes):
        col = figs.columns.get(f"votes:{c}") if figs is not None else None
        if col is None:
            votes_ok = none
            continue
        votes[:, j] = col.values[units]
        votes_ok = votes_ok & col.reported[units]
    obs = election.sources.get("observer")
    observed = obs.present[units] if obs is not None else none
    return Stations(
        election,
        units,
        _up_to_depth_one(election, units),
        tree.parent[units].astype(np.int64),
        leader,
        turnout,
        share,
        invalid,
        votes,
        votes_ok,
        observed,
    )
