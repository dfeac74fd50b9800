"""The numbers behind every plot: discrepancy bars, percentage pairs, fingerprint, seat margins."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from core.model.election import BoolArray, Column, FloatArray, IntArray, UnitTree
from core.model.seat_rules import SeatRules
from core.rules.context import AuditContext
from core.rules.finding import Finding
from core.rules.percentages import pct_terms, pct_tolerance
from core.seats.allocation import SeatAllocation, allocate

FindingMap = Mapping[tuple[str, int, str, str], Finding]

SUM_GAP, OBSERVER_GAP = 0, 1  # what a discrepancy bar measures
HISTOGRAM_ABOVE = 50_000  # more stations than this: a 2-D histogram instead of points


def _empty_int() -> IntArray:
    return np.zeros(0, np.int64)


# --- (1) discrepancies by unit -----------------------------------------------------------------


@dataclass(frozen=True)
class DiscrepancyBars:
    """One bar per (child, kind), sorted by gap: reported minus expected, flagged by a finding."""

    parent: int  # the unit whose children are shown
    field: str
    units: IntArray
    kind: IntArray  # SUM_GAP: reported - sum below; OBSERVER_GAP: observer - official
    reported: IntArray
    expected: IntArray
    gap: IntArray
    flagged: BoolArray
    own_reported: int | None  # the parent's own figure and the sum over its cover
    own_below: int | None

    def __len__(self) -> int:
        return int(self.units.size)


def shown_parent(tree: UnitTree, unit: int) -> int:
    """The unit whose children a bar plot shows: the unit, or its parent for a leaf."""
    if tree.children(unit).size or tree.parent[unit] < 0:
        return unit
    return int(tree.parent[unit])


def bar_fields(ctx: AuditContext, source: str = "official") -> list[str]:
    """The count fields the source reports somewhere, in protocol order."""
    cols = ctx.figs(source).columns if source in ctx.election.sources else {}
    return [f for f in ctx.info.count_fields() if f in cols and cols[f].reported.any()]


def discrepancy_bars(
    ctx: AuditContext, findings: FindingMap, unit: int, field: str
) -> DiscrepancyBars:
    """Gaps of the children of `shown_parent(unit)` for one count field, smallest first."""
    parent = shown_parent(ctx.tree, unit)
    kids = ctx.tree.children(parent)
    parts: list[tuple[IntArray, int, IntArray, IntArray, BoolArray]] = []
    own_rep: int | None = None
    own_below: int | None = None
    off = ctx.election.sources.get("official")
    col = off.columns.get(field) if off is not None else None
    if off is not None and col is not None:
        cov = ctx.cover("official", field)
        u = kids[off.present[kids] & col.reported[kids] & (cov.kids[kids] > 0)]
        u = u[cov.ok[u] == cov.kids[u]]
        flags = np.array([("sum.children", int(k), "official", field) in findings for k in u])
        parts.append((u, SUM_GAP, col.values[u], cov.total[u], flags.astype(bool)))
        own_rep = int(col.values[parent]) if col.reported[parent] else None
        if cov.kids[parent] > 0 and cov.ok[parent] == cov.kids[parent]:
            own_below = int(cov.total[parent])
    obs = ctx.election.sources.get("observer")
    ocol = obs.columns.get(field) if obs is not None else None
    if obs is not None and ocol is not None and col is not None and off is not None:
        u = kids[obs.present[kids] & off.present[kids] & ocol.reported[kids] & col.reported[kids]]
        flags = np.array([("compare.sources", int(k), "observer", field) in findings for k in u])
        parts.append((u, OBSERVER_GAP, ocol.values[u], col.values[u], flags.astype(bool)))
    if parts:
        units = np.concatenate([p[0] for p in parts]).astype(np.int64)
        kind = np.concatenate([np.full(p[0].size, p[1], np.int64) for p in parts])
        rep = np.concatenate([p[2] for p in parts]).astype(np.int64)
        exp = np.concatenate([p[3] for p in parts]).astype(np.int64)
        flagged = np.concatenate([p[4] for p in parts]).astype(bool)
    else:
        units, kind, rep, exp = _empty_int(), _empty_int(), _empty_int(), _empty_int()
        flagged = np.zeros(0, bool)
    gap = rep - exp
    order = np.lexsort((units, gap))
    return DiscrepancyBars(
        parent,
        field,
        units[order],
        kind[order],
        rep[order],
        exp[order],
        gap[order],
        flagged[order],
        own_rep,
        own_below,
    )


# --- (2) published against recomputed percentages ----------------------------------------------


@dataclass(frozen=True)
class PctPairs:
    """Each published percentage of the given units beside the one its figures give."""

    units: IntArray
    fields: tuple[str, ...]  # per point, e.g. "pct:ADAL"
    published: FloatArray
    recomputed: FloatArray
    tolerance: float  # half a unit of the last published decimal, as the rule allows

    @property
    def deviation(self) -> FloatArray:
        out: FloatArray = self.published - self.recomputed
        return out

    @property
    def outside(self) -> BoolArray:
        out: BoolArray = np.abs(self.deviation) > self.tolerance
        return out


def pct_pairs(ctx: AuditContext, units: IntArray, source: str = "official") -> PctPairs:
    """pct.recomputed's own terms (rules.pct_terms), for every point, not just the misses."""
    tol = pct_tolerance(ctx.info.pct_decimals)
    out_u: list[IntArray] = []
    out_f: list[str] = []
    out_p: list[FloatArray] = []
    out_r: list[FloatArray] = []
    terms = pct_terms(ctx, source, units) if source in ctx.election.sources else iter(())
    for t in terms:
        out_u.append(t.units)
        out_f.extend([t.name] * int(t.units.size))
        out_p.append(t.published.astype(np.float64))
        out_r.append(t.computed)
    if not out_u:
        z = np.zeros(0, np.float64)
        return PctPairs(_empty_int(), (), z, z.copy(), tol)
    return PctPairs(
        np.concatenate(out_u).astype(np.int64),
        tuple(out_f),
        np.concatenate(out_p),
        np.concatenate(out_r),
        tol,
    )


def unit_and_children(tree: UnitTree, unit: int) -> IntArray:
    out: IntArray = np.concatenate([np.array([unit], np.int64), tree.children(unit)])
    return out


# --- (3) turnout against the leader's share ----------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """Per station: turnout and the leader's share, both in percent."""

    leader: str | None  # contestant code
    stations: IntArray
    turnout: FloatArray
    share: FloatArray


def station_units(tree: UnitTree, present: BoolArray) -> IntArray:
    """The units at the deepest level any present unit has: the stations of a full election."""
    units = np.flatnonzero(present)
    if not units.size:
        return _empty_int()
    deepest = int(tree.level[units].max())
    out: IntArray = units[tree.level[units] == deepest].astype(np.int64)
    return out


def fingerprint(ctx: AuditContext, source: str = "official") -> Fingerprint:
    empty = np.zeros(0, np.float64)
    figs = ctx.election.sources.get(source)
    if figs is None:
        return Fingerprint(None, _empty_int(), empty, empty.copy())
    st = station_units(ctx.tree, figs.present)
    cast, reg = figs.columns.get("ballots_cast"), figs.columns.get("registered")
    votes = {c: v for c in ctx.info.codes if (v := figs.columns.get(f"votes:{c}")) is not None}
    if cast is None or reg is None or not votes:
        return Fingerprint(None, _empty_int(), empty, empty.copy())
    leader = _leader(ctx, votes, st)
    lv = votes[leader]
    base_vals, base_ok = ctx.base(source, ctx.info.base_of(leader))
    keep = cast.reported[st] & reg.reported[st] & lv.reported[st] & base_ok[st]
    keep &= (reg.values[st] > 0) & (base_vals[st] > 0)
    s = st[keep]
    turnout = 100.0 * cast.values[s] / reg.values[s]
    share = 100.0 * lv.values[s] / base_vals[s]
    return Fingerprint(leader, s, turnout, share)


def _leader(ctx: AuditContext, votes: Mapping[str, Column], st: IntArray) -> str:
    """The contestant with most votes: by the root's own figures when it reports them all
    (one lookup), else by the sum over the stations."""
    root = ctx.tree.root
    if all(v.reported[root] for v in votes.values()):
        totals = {c: int(v.values[root]) for c, v in votes.items()}
    else:
        totals = {c: int(v.values[st][v.reported[st]].sum()) for c, v in votes.items()}
    # ties go to the earlier contestant on the list, as max keeps the first
    return max(totals, key=lambda c: totals[c])


def in_subtree(tree: UnitTree, units: IntArray, top: int) -> BoolArray:
    """Whether each unit is `top` or lies below it (one vector step per level)."""
    inside = units == top
    anc = units.copy()
    for _ in range(int(tree.depth.max(initial=0))):
        ok = anc >= 0
        anc[ok] = tree.parent[anc[ok]]
        inside |= anc == top
    out: BoolArray = inside
    return out


def nearest_station(
    fp: Fingerprint, x: float, y: float, per_pixel: tuple[float, float], within: float = 6.0
) -> int | None:
    """Index into `fp` of the station drawn nearest to (x, y), if within `within` pixels.

    `per_pixel` is the data size of one screen pixel along each axis, so that distance is
    measured as the reader sees it, whatever the zoom.
    """
    if not fp.stations.size:
        return None
    dx = (fp.turnout - x) / per_pixel[0]
    dy = (fp.share - y) / per_pixel[1]
    d2 = dx * dx + dy * dy
    i = int(np.argmin(d2))
    return i if d2[i] <= within * within else None


def fingerprint_histogram(
    fp: Fingerprint, bins: int = 200
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Station counts on a turnout x share grid over [0, 100] x [0, 100] (100 in the last
    cell, points outside left out: what np.histogram2d gives, by bincount, ten times faster)."""
    inside = (fp.turnout >= 0) & (fp.turnout <= 100) & (fp.share >= 0) & (fp.share <= 100)
    ix = np.minimum((fp.turnout[inside] * (bins / 100)).astype(np.int64), bins - 1)
    iy = np.minimum((fp.share[inside] * (bins / 100)).astype(np.int64), bins - 1)
    counts = np.bincount(ix * bins + iy, minlength=bins * bins).reshape(bins, bins)
    edges: FloatArray = np.linspace(0.0, 100.0, bins + 1)
    out: FloatArray = counts.astype(np.float64)
    return out, edges, edges.copy()


# --- (4) seats and what would change them ------------------------------------------------------


@dataclass(frozen=True)
class SeatMargin:
    """For one contestant: votes that, moved between it and one other, change its outcome."""

    to_cross: int | None  # gain this many to reach the threshold (None: already over it)
    to_fall: int | None  # lose this many to fall below it (None: not over it)
    to_win_seat: int | None  # fewest votes moved to it from one other list to win one more seat
    win_from: int | None  # index of that other list
    to_lose_seat: int | None  # fewest votes moved from it to one other list to lose a seat
    lose_to: int | None


@dataclass(frozen=True)
class SeatPicture:
    codes: tuple[str, ...]
    votes: tuple[int, ...]
    base: int
    threshold_votes: Fraction  # the fewest votes that pass: share >= threshold_pct of base
    allocation: SeatAllocation
    margins: tuple[SeatMargin, ...]
    in_question: int  # votes in findings on contestants' votes (see votes_in_question)


def threshold_need(base: int, pct: Fraction) -> int:
    """The fewest votes v with 100 v >= pct x base (the threshold is inclusive)."""
    return math.ceil(pct * base / 100)


def _seats_after(
    votes: Sequence[int],
    order: Sequence[int],
    rules: SeatRules,
    base: int,
    move: tuple[int, int, int],
) -> tuple[int, ...]:
    """Every list's seats after k votes move from list src to list dst; move = (k, src, dst)."""
    k, src, dst = move
    moved = list(votes)
    moved[dst] += k
    moved[src] -= k
    return allocate(moved, order, rules, base).seats


def _first_true(lo: int, hi: int, pred: Callable[[int], bool]) -> int | None:
    """Smallest k in [lo, hi] with pred(k), pred monotone there (False... then True...):
    galloping up from lo, then bisecting, so a small answer costs few calls."""
    if hi < lo or not pred(hi):
        return None
    false_at, step, k = lo - 1, 1, lo
    while k < hi and not pred(k):
        false_at, k, step = k, min(hi, k + step), step * 2
    while k - false_at > 1:
        mid = (false_at + k) // 2
        if pred(mid):
            k = mid
        else:
            false_at = mid
    return k


def _crossings(votes: Sequence[int], need: int, up: int, down: int, hi: int) -> list[int]:
    """The moved counts k in [2, hi] at which a list's side of the threshold flips when k votes
    move from list `down` to list `up`: between them the qualified lists stay the same."""
    ks = set()
    if votes[up] < need:
        ks.add(need - votes[up])
    if votes[down] >= need:
        ks.add(votes[down] - need + 1)
    return sorted(k for k in ks if 2 <= k <= hi)


def seat_move(
    votes: Sequence[int],
    order: Sequence[int],
    rules: SeatRules,
    base: int,
    i: int,
    partners: Iterable[int],
    gain: bool,
) -> tuple[int | None, int | None]:
    """Fewest votes moved from a partner to i (gain) or from i to a partner (not gain) that
    change i's seats, and that partner.

    While the same lists pass the threshold, i's seats only grow as it gains votes (Hare at a
    fixed base, and divisor methods), so each stretch between threshold crossings is searched
    by bisection, the stretches in order; the runner-up rule can still break that in corner
    cases (a list dropping below the threshold brings the runner-up rule into play).
    """
    now = allocate(votes, order, rules, base).seats[i]
    need = threshold_need(base, rules.threshold_pct)
    best: tuple[int | None, int | None] = (None, None)
    for j in partners:
        if j == i:
            continue
        up, down = (i, j) if gain else (j, i)
        hi = votes[down] if best[0] is None else min(votes[down], best[0] - 1)

        def changed(k: int, up: int = up, down: int = down) -> bool:
            seats = _seats_after(votes, order, rules, base, (k, down, up))[i]
            return seats > now if gain else seats < now

        starts = [1, *_crossings(votes, need, up, down, hi)]
        ends = [*(k - 1 for k in starts[1:]), hi]
        for lo, end in zip(starts, ends, strict=True):
            k = _first_true(lo, end, changed)
            if k is not None:
                best = (k, j)
                break
    return best


def seat_partners(alloc: SeatAllocation, votes: Sequence[int]) -> list[int]:
    """Lists worth trying as the other side of a move: every qualified list, and the strongest
    one left out (moving votes among the rest changes nobody's seats but theirs)."""
    qual = [i for i, q in enumerate(alloc.qualified) if q]
    out = [i for i in range(len(votes)) if not alloc.qualified[i]]
    if out:
        qual.append(max(out, key=lambda i: votes[i]))
    return qual


@functools.lru_cache(maxsize=16)  # an edit below the root leaves its votes, and these, unchanged
def seat_margins(
    votes: tuple[int, ...], order: tuple[int, ...], rules: SeatRules, base: int
) -> tuple[SeatAllocation, tuple[SeatMargin, ...]]:
    alloc = allocate(votes, order, rules, base)
    need = threshold_need(base, rules.threshold_pct)
    partners = seat_partners(alloc, votes)
    out = []
    for i, v in enumerate(votes):
        over = v >= need
        win, wfrom = seat_move(votes, order, rules, base, i, partners, gain=True)
        lose, lto = (
            seat_move(votes, order, rules, base, i, partners, gain=False)
            if alloc.seats[i]
            else (None, None)
        )
        out.append(
            SeatMargin(
                None if over else need - v, v - need + 1 if over else None, win, wfrom, lose, lto
            )
        )
    return alloc, tuple(out)


def votes_in_question(findings: Iterable[Finding]) -> int:
    """Sum of |reported - expected| over findings on contestants' votes. A gap found at a
    station and again at its district counts twice: an upper bound, never an understatement."""
    total = 0
    for f in findings:
        if f.field.startswith("votes:") and f.expected is not None and f.actual is not None:
            total += abs(int(f.actual) - int(f.expected))
    return total


def seat_picture(
    ctx: AuditContext, findings: Iterable[Finding], source: str = "official"
) -> SeatPicture | None:
    """The root's seat outcome and margins, or None when seats cannot be computed."""
    rules = ctx.info.seats
    figs = ctx.election.sources.get(source)
    root = ctx.tree.root
    if rules is None or figs is None or not figs.present[root]:
        return None
    raw = [figs.value(f"votes:{c}", root) for c in ctx.info.codes]
    if all(v is None for v in raw):
        return None
    votes = tuple(int(v or 0) for v in raw)
    base_vals, base_ok = ctx.base(source, rules.threshold_base)
    if not base_ok[root]:
        return None
    base = int(base_vals[root])
    order = tuple(c.registration_order for c in ctx.info.contestants)
    alloc, margins = seat_margins(votes, order, rules, base)
    return SeatPicture(
        tuple(ctx.info.codes),
        votes,
        base,
        rules.threshold_pct * base / 100,
        alloc,
        margins,
        votes_in_question(findings),
    )
