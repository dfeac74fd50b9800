"""Clean and manipulated elections in memory, for calibrating the statistical screens.

Clean means binomial counting and nothing else: every station has its own true turnout,
invalid rate and party shares (regions, districts and stations differ, on the logit scale),
and its counts are binomial and multinomial draws from them. No figure is rounded, copied or
stuffed. The manipulations then change some stations' official figures:

- `push_turnout_to_integers`: the turnout is rewritten to the nearest whole percent of the
  registered voters, the difference given to (or taken from) the leader;
- `stuff_ballots`: ballots for the leader equal to `size` of the registered voters are added
  (no more than the voters who stayed home), at stations no observer watched.

Used by benchmarks/bench_signals.py and, in a short version, by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.model.election import (
    Column,
    Contestant,
    Election,
    ElectionInfo,
    SourceFigures,
    UnitTree,
)

SHARES = np.array([0.46, 0.2, 0.14, 0.11, 0.09])  # national party shares, the first leads


@dataclass
class StationArrays:
    """The figures of every station, and the tree around them."""

    region: np.ndarray  # region index per station
    district: np.ndarray  # district index per station (global)
    registered: np.ndarray
    cast: np.ndarray
    invalid: np.ndarray
    votes: np.ndarray  # (stations, parties); column 0 is the leader
    observed: np.ndarray  # an observer copied the protocol (observer figures = official)
    n_regions: int
    n_districts: int
    changed: np.ndarray | None = None  # stations a manipulation touched

    def copy(self) -> StationArrays:
        return StationArrays(
            self.region,
            self.district,
            self.registered.copy(),
            self.cast.copy(),
            self.invalid.copy(),
            self.votes.copy(),
            self.observed,
            self.n_regions,
            self.n_districts,
        )


def _logit(p: np.ndarray | float) -> np.ndarray:
    return np.log(np.asarray(p) / (1 - np.asarray(p)))


def _expit(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1 / (1 + np.exp(-x))
    return out


def clean_stations(
    stations: int,
    seed: int,
    regions: int = 17,
    per_district: int = 60,
    observer_share: float = 0.1,
    heavy_tails: bool = False,
) -> StationArrays:
    """A clean election of about `stations` stations in districts of ~`per_district`.

    `heavy_tails` draws each station's own departure from its district (on the logit scale)
    from Student's t with 4 degrees of freedom, scaled to the same spread, instead of a bell
    curve: still honest counting, but outside the peer screen's null model."""
    rng = np.random.default_rng(seed)
    sizes = 10 + rng.poisson(per_district - 10, max(1, stations // per_district))
    sizes[-1] += stations - sizes.sum()
    while sizes[-1] < 1:  # the remainder went negative: take it from the others
        sizes = np.array([*sizes[:-2].tolist(), sizes[-2] + sizes[-1]])
    n_d = sizes.size
    district = np.repeat(np.arange(n_d), sizes)
    d_region = np.sort(rng.integers(0, regions, n_d))
    region = d_region[district]
    n = district.size
    registered = np.clip(np.round(rng.lognormal(np.log(1100), 0.55, n)), 40, 5000).astype(np.int64)

    def level(mean: float, r_sd: float, d_sd: float, s_sd: float) -> np.ndarray:
        x = _logit(mean) + rng.normal(0, r_sd, regions)[region]
        x = x + rng.normal(0, d_sd, n_d)[district]
        own = rng.standard_t(4, n) / np.sqrt(2) if heavy_tails else rng.standard_normal(n)
        return _expit(x + s_sd * own)

    turnout = level(0.6, 0.35, 0.2, 0.22)
    cast = rng.binomial(registered, turnout)
    invalid = rng.binomial(cast, level(0.02, 0.3, 0.25, 0.3))
    valid = cast - invalid
    logs = np.log(SHARES)[None, :] + rng.normal(0, 0.25, (regions, SHARES.size))[region]
    logs = logs + rng.normal(0, 0.15, (n_d, SHARES.size))[district]
    logs = logs + rng.normal(0, 0.12, (n, SHARES.size))
    p = np.exp(logs)
    p /= p.sum(axis=1, keepdims=True)
    votes = rng.multinomial(valid, p)
    observed = rng.random(n) < observer_share
    return StationArrays(region, district, registered, cast, invalid, votes, observed, regions, n_d)


def push_turnout_to_integers(a: StationArrays, share: float, seed: int) -> StationArrays:
    """Rewrite the turnout of `share` of the stations to the nearest whole percent."""
    rng = np.random.default_rng(seed)
    out = a.copy()
    pick = rng.choice(a.cast.size, round(share * a.cast.size), replace=False)
    reg = out.registered[pick]
    target = np.round(100 * out.cast[pick] / reg)
    new_cast = np.round(target * reg / 100).astype(np.int64)
    delta = new_cast - out.cast[pick]
    delta = np.maximum(delta, -out.votes[pick, 0])  # the leader cannot lose more than it has
    out.cast[pick] += delta
    out.votes[pick, 0] += delta
    out.changed = np.zeros(a.cast.size, bool)
    out.changed[pick] = True
    return out


def stuff_ballots(a: StationArrays, share: float, size: float, seed: int) -> StationArrays:
    """Add ballots for the leader, `size` of the registered voters, at `share` of the stations
    (chosen among those without an observer)."""
    rng = np.random.default_rng(seed)
    out = a.copy()
    unobserved = np.flatnonzero(~a.observed)
    pick = rng.choice(unobserved, min(unobserved.size, round(share * a.cast.size)), replace=False)
    room = out.registered[pick] - out.cast[pick]
    extra = np.minimum(room, np.round(size * out.registered[pick]).astype(np.int64))
    out.cast[pick] += extra
    out.votes[pick, 0] += extra
    out.changed = np.zeros(a.cast.size, bool)
    out.changed[pick] = True
    return out


def to_election(a: StationArrays, name: str = "Synthetic election") -> Election:
    """The stations under districts, regions and a nation, official and observer figures.
    Parents carry no figures of their own: the screens read stations only."""
    n_r, n_d, n_s = a.n_regions, a.n_districts, a.cast.size
    parties = a.votes.shape[1]
    codes = [f"P{i + 1}" for i in range(parties)]
    info = ElectionInfo(
        name,
        "2024-01-01",
        ["nation", "region", "district", "station"],
        [Contestant(c, f"Party {c}", i + 1, i + 1) for i, c in enumerate(codes)],
    )
    ids = ["N", *(f"R{i}" for i in range(n_r)), *(f"D{i}" for i in range(n_d))]
    ids += [f"S{i}" for i in range(n_s)]
    d_region = np.zeros(n_d, np.int64)
    d_region[a.district] = a.region
    parent = np.concatenate(
        [[-1], np.zeros(n_r, np.int64), 1 + d_region, 1 + n_r + a.district]
    ).astype(np.int64)
    level = np.concatenate([[0], np.full(n_r, 1), np.full(n_d, 2), np.full(n_s, 3)]).astype(
        np.int16
    )
    names = ["Nation", *(f"Region {i}" for i in range(n_r)), *(f"District {i}" for i in range(n_d))]
    names += [f"Station {i}" for i in range(n_s)]
    tree = UnitTree.build(ids, names, level, parent)
    total = len(ids)
    first = 1 + n_r + n_d

    def figures(rows: np.ndarray) -> SourceFigures:
        present = np.zeros(total, bool)
        present[:first] = True
        present[first + rows] = True
        figs = SourceFigures(present)
        valid = a.cast - a.invalid
        for name_, values in (
            ("registered", a.registered),
            ("ballots_cast", a.cast),
            ("invalid", a.invalid),
            ("valid", valid),
            *((f"votes:{c}", a.votes[:, j]) for j, c in enumerate(codes)),
        ):
            col = np.zeros(total, np.int64)
            col[first + rows] = values[rows]
            rep = np.zeros(total, bool)
            rep[first + rows] = True
            figs.columns[name_] = Column(col, rep)
        return figs

    sources = {"official": figures(np.arange(n_s))}
    if a.observed.any():
        sources["observer"] = figures(np.flatnonzero(a.observed))
    return Election(info, tree, sources)
