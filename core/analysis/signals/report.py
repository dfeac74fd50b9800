"""Run every screen on the nation and each region, apply the one decision rule
(Benjamini-Hochberg across all of them), and turn what it signals into findings."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.analysis.signals import digits, integer_pct, observers, peer_outliers, twins
from core.analysis.signals.screens import (
    FINGERPRINT,
    INTEGER_PCT,
    LAST_DIGIT,
    OBSERVER_GAP,
    PEER_OUTLIER,
    SCREEN_ORDER,
    TWINS,
    Q,
)
from core.analysis.signals.stations import SOURCE, Ratio, Stations, station_table
from core.analysis.signals.stats import benjamini_hochberg, overdispersed_sf, poisson_sf
from core.model.election import BoolArray, Election
from core.rules.finding import SIGNAL, Finding


@dataclass(frozen=True)
class Test:
    """One screen on one unit's stations: what was counted, what chance gives, the p-value."""

    screen: str
    unit: int
    field: str
    stations: int
    observed: float
    expected: float
    p_value: float
    text: str  # the figures in a sentence, for the finding and the sheet
    low: float | None = None  # a confidence interval, where the screen gives one
    high: float | None = None


@dataclass(frozen=True)
class NotRun:
    """A screen that did not run on a unit, and why: it needs more stations, or a figure."""

    screen: str
    unit: int
    has: int
    needs: int
    text: str


@dataclass(frozen=True)
class Digits:
    unit: int
    stations: int
    last: digits.DigitTable
    second: digits.DigitTable


@dataclass
class SignalReport:
    """Every test, the decision on each, the screens that did not run, and the findings."""

    election: Election
    stations: Stations
    tests: list[Test]
    adjusted: list[float]  # Benjamini-Hochberg adjusted p-values, one per test
    signalled: list[bool]
    not_run: list[NotRun]
    digit_tables: list[Digits]
    robust: dict[str, peer_outliers.RobustZ] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    q: float = Q

    @property
    def count(self) -> int:
        return len(self.findings)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}" if abs(x) < 10 else f"{x:,.1f}"


def _p(p: float) -> str:
    return "p < 1e-16" if p < 1e-16 else f"p = {p:.2g}"


def _words(st: Stations, field_id: str) -> str:
    if field_id == "pct:turnout":
        return "turnout"
    if field_id == "pct:invalid":
        return "invalid share"
    return f"share of {_name(st, field_id[4:])}"


def _name(st: Stations, code: str) -> str:
    return next((c.name for c in st.election.info.contestants if c.code == code), code)


def _integer_tests(
    st: Stations, scopes: list[tuple[int, BoolArray]]
) -> tuple[list[Test], list[NotRun]]:
    t, s = st.turnout, st.share
    eligible = t.ok & s.ok & integer_pct.eligible(t.k, t.n, s.k, s.n)
    tests: list[Test] = []
    skipped: list[NotRun] = []
    if eligible.sum() < integer_pct.MIN_STATIONS:
        need = integer_pct.MIN_STATIONS
        has = int(eligible.sum())
        return tests, [NotRun(INTEGER_PCT.id, scopes[0][0], has, need, _needs(has, need))]
    chance = np.zeros(len(st))
    ct = integer_pct.integer_chance(t.k[eligible], t.n[eligible])
    cs = integer_pct.integer_chance(s.k[eligible], s.n[eligible])
    chance[eligible] = 1 - (1 - ct) * (1 - cs)
    hit = eligible & (integer_pct.is_integer_pct(t.k, t.n) | integer_pct.is_integer_pct(s.k, s.n))
    field_id = f"{t.field}|{s.field}"
    for unit, inside in scopes:
        sel = eligible & inside
        has = int(sel.sum())
        if has < integer_pct.MIN_STATIONS:
            skipped.append(
                NotRun(
                    INTEGER_PCT.id,
                    unit,
                    has,
                    integer_pct.MIN_STATIONS,
                    _needs(has, integer_pct.MIN_STATIONS),
                )
            )
            continue
        c = integer_pct.count_test(hit[sel], chance[sel])
        text = (
            f"{c.observed:,} of {has:,} stations have a whole-number turnout or "
            f"{_words(st, s.field)} (within 0.05 points); each station's binomial chance "
            f"gives {_fmt(c.expected)} ± {_fmt(c.variance**0.5)} (observed minus chance: "
            f"{c.excess:+,.0f})"
        )
        tests.append(
            Test(INTEGER_PCT.id, unit, field_id, has, c.observed, c.expected, c.p_value, text)
        )
    return tests, skipped


def _needs(has: int, need: int, what: str = "stations") -> str:
    return f"needs at least {need:,} {what}; has {has:,}"


def _peer_tests(
    st: Stations, scopes: list[tuple[int, BoolArray]], robust: dict[str, peer_outliers.RobustZ]
) -> tuple[list[Test], list[NotRun]]:
    tests: list[Test] = []
    skipped: list[NotRun] = []
    need = peer_outliers.MIN_PEERS
    if not len(st):
        text = f"needs a territory of at least {need} stations; has no stations"
        return tests, [NotRun(PEER_OUTLIER.id, scopes[0][0], 0, need, text)]
    for ratio in (st.turnout, st.share, st.invalid):
        if not ratio.ok.any():
            text = f"{ratio.field}: not reported at any station"
            skipped.append(NotRun(PEER_OUTLIER.id, scopes[0][0], 0, need, text))
            continue
        rz = peer_outliers.robust_z(ratio, st.territory)
        robust[ratio.field] = rz
        for unit, inside in scopes:
            sel = inside & rz.scored
            has = int(sel.sum())
            if not has:
                biggest = int(rz.peers[inside].max(initial=0))
                if unit == scopes[0][0] or biggest:
                    skipped.append(
                        NotRun(
                            PEER_OUTLIER.id,
                            unit,
                            biggest,
                            peer_outliers.MIN_PEERS,
                            f"{ratio.field}: needs a territory of at least "
                            f"{peer_outliers.MIN_PEERS} stations; the largest has {biggest:,}",
                        )
                    )
                if unit == scopes[0][0]:
                    break
                continue
            observed = int(rz.outlier[sel].sum())
            expected = float(rz.chance[sel].sum())
            p = overdispersed_sf(observed, expected, float(rz.variance[sel].sum()))
            text = (
                f"{observed:,} of {has:,} stations lie more than {peer_outliers.THRESHOLD} robust "
                f"standard deviations from their territory's median {_words(st, ratio.field)}; "
                f"chance gives {_fmt(expected)}"
            )
            tests.append(Test(PEER_OUTLIER.id, unit, ratio.field, has, observed, expected, p, text))
    return tests, skipped


def _twin_tests(
    st: Stations, scopes: list[tuple[int, BoolArray]]
) -> tuple[list[Test], list[NotRun], np.ndarray]:
    tests: list[Test] = []
    skipped: list[NotRun] = []
    ok = st.votes_ok & (st.votes.shape[1] > 0)
    observed, expected, group = twins.pair_counts(st.votes, ok, st.territory)
    for unit, inside in scopes:
        sel = inside & ok
        has = int(sel.sum())
        if has < twins.MIN_STATIONS:
            if unit == scopes[0][0] or has:
                skipped.append(
                    NotRun(
                        TWINS.id,
                        unit,
                        has,
                        twins.MIN_STATIONS,
                        _needs(
                            has, twins.MIN_STATIONS, "stations reporting every contestant's votes"
                        ),
                    )
                )
            if unit == scopes[0][0]:
                break
            continue
        obs = float(observed[sel].sum())
        exp = float(expected[sel].sum())
        p = poisson_sf(round(obs), exp)
        text = (
            f"{obs:,.0f} pairs of stations in one territory report identical votes for every "
            f"contestant; chance gives {exp:.2g} pairs"
        )
        tests.append(Test(TWINS.id, unit, "votes:*", has, obs, exp, p, text))
    return tests, skipped, group


def _observer_tests(
    st: Stations, scopes: list[tuple[int, BoolArray]]
) -> tuple[list[Test], list[NotRun]]:
    tests: list[Test] = []
    skipped: list[NotRun] = []
    if not st.observed.any():
        root = scopes[0][0]
        return tests, [
            NotRun(
                OBSERVER_GAP.id, root, 0, observers.MIN_EACH, "no station has an observer's copy"
            )
        ]
    for ratio in (st.turnout, st.share):
        for unit, inside in scopes:
            sub = Ratio(ratio.field, ratio.k, ratio.n, ratio.ok & inside)
            g = observers.observer_gap(sub, st.observed, st.territory)
            has = min(g.observed_stations, g.other_stations)
            if has < observers.MIN_EACH:
                if unit == scopes[0][0] or g.observed_stations:
                    skipped.append(
                        NotRun(
                            OBSERVER_GAP.id,
                            unit,
                            has,
                            observers.MIN_EACH,
                            f"{ratio.field}: needs {observers.MIN_EACH} stations with an "
                            f"observer's copy and {observers.MIN_EACH} without in the same "
                            f"territories; has {g.observed_stations:,} and {g.other_stations:,}",
                        )
                    )
                continue
            side = "higher" if g.gap > 0 else "lower"
            text = (
                f"official {_words(st, ratio.field)} at {g.observed_stations:,} stations with an "
                f"observer's copy is {abs(g.gap):.2f} points {side} (95% CI {g.low:+.2f} to "
                f"{g.high:+.2f}) than at {g.other_stations:,} stations without, in the same "
                "territories; observers were not placed at random"
            )
            tests.append(
                Test(
                    OBSERVER_GAP.id,
                    unit,
                    ratio.field,
                    g.observed_stations + g.other_stations,
                    g.gap,
                    0.0,
                    g.p_value,
                    text,
                    g.low,
                    g.high,
                )
            )
    return tests, skipped


def _digit_tables(
    st: Stations, scopes: list[tuple[int, BoolArray]]
) -> tuple[list[Digits], list[NotRun]]:
    out: list[Digits] = []
    skipped: list[NotRun] = []
    with_votes = st.votes_ok if st.votes.shape[1] else np.zeros(len(st), bool)
    for unit, inside in scopes:
        sel = inside & with_votes
        has = int(sel.sum())
        if has < digits.MIN_STATIONS:
            if unit == scopes[0][0] or has:
                for screen in (LAST_DIGIT.id, "signal.second_digit"):
                    skipped.append(
                        NotRun(
                            screen, unit, has, digits.MIN_STATIONS, _needs(has, digits.MIN_STATIONS)
                        )
                    )
            if unit == scopes[0][0]:
                break
            continue
        last, second = digits.digit_tables(st.votes[sel])
        out.append(Digits(unit, has, last, second))
    return out, skipped


def run_screens(election: Election, q: float = Q) -> SignalReport:
    """Every screen on the nation and on each region, decided together."""
    st = station_table(election)
    scopes = st.scopes()
    robust: dict[str, peer_outliers.RobustZ] = {}
    tests: list[Test] = []
    not_run: list[NotRun] = []
    for found, skipped in (_integer_tests(st, scopes), _peer_tests(st, scopes, robust)):
        tests += found
        not_run += skipped
    found, skipped, twin_group = _twin_tests(st, scopes)
    tests += found
    not_run += skipped
    found, skipped = _observer_tests(st, scopes)
    tests += found
    not_run += skipped
    if not (st.turnout.ok & st.share.ok).any():
        not_run.append(
            NotRun(
                FINGERPRINT.id,
                scopes[0][0],
                0,
                1,
                "needs stations reporting turnout and the leader's share",
            )
        )
    tables, skipped = _digit_tables(st, scopes)
    not_run += skipped
    pvals = np.array([t.p_value for t in tests], np.float64)
    rejected, adjusted = benjamini_hochberg(pvals, q)
    report = SignalReport(
        election, st, tests, adjusted.tolist(), rejected.tolist(), not_run, tables, robust, q=q
    )
    report.findings = _findings(report, twin_group)
    return report


def _findings(report: SignalReport, twin_group: np.ndarray) -> list[Finding]:
    """One finding per signalled test, then the stations behind a signalled peer-outlier or
    twin test (for the integer screen no single station is suspect: a fifth are by chance)."""
    st = report.stations
    tree = report.election.units
    out: list[Finding] = []
    outlier_scopes: dict[str, set[int]] = {}
    twin_scopes: set[int] = set()
    for test, adj, hit in zip(report.tests, report.adjusted, report.signalled, strict=True):
        if not hit:
            continue
        message = (
            f"{tree.names[test.unit]}: {test.text} ({_p(test.p_value)}; signalled at a "
            f"false discovery rate of {report.q:g} across {len(report.tests)} tests, adjusted "
            f"{_p(adj)})"
        )
        expected = None if test.screen == OBSERVER_GAP.id else round(test.expected, 2)
        actual = round(test.observed, 2) if test.screen == OBSERVER_GAP.id else int(test.observed)
        out.append(
            Finding(test.screen, SIGNAL, test.unit, SOURCE, test.field, expected, actual, message)
        )
        if test.screen == PEER_OUTLIER.id:
            outlier_scopes.setdefault(test.field, set()).add(test.unit)
        if test.screen == TWINS.id:
            twin_scopes.add(test.unit)
    root = tree.root
    ratios = {r.field: r for r in (st.turnout, st.share, st.invalid)}
    for field_id, units in outlier_scopes.items():
        rz = report.robust[field_id]
        inside = np.isin(st.region, list(units)) | (root in units)
        pct = ratios[field_id].pct()
        for i in np.flatnonzero(inside & rz.outlier).tolist():
            u = int(st.units[i])
            value = float(pct[i])
            out.append(
                Finding(
                    PEER_OUTLIER.id,
                    SIGNAL,
                    u,
                    SOURCE,
                    field_id,
                    round(float(rz.median[i]), 2),
                    round(value, 2),
                    f"{tree.names[u]}: {_words(st, field_id)} {value:.2f}% lies {rz.z[i]:+.1f} "
                    f"robust standard deviations from the median {rz.median[i]:.2f}% of the "
                    f"{int(rz.peers[i])} stations of {tree.names[int(st.territory[i])]}",
                )
            )
    if twin_scopes:
        inside = np.isin(st.region, list(twin_scopes)) | (root in twin_scopes)
        rows = np.flatnonzero(inside & (twin_group >= 0))
        mates: dict[int, list[int]] = {}
        for j in np.flatnonzero(twin_group >= 0).tolist():
            mates.setdefault(int(twin_group[j]), []).append(j)
        for i in rows.tolist():
            others = [tree.names[int(st.units[j])] for j in mates[int(twin_group[i])] if j != i]
            u = int(st.units[i])
            total = int(st.votes[i].sum())
            out.append(
                Finding(
                    TWINS.id,
                    SIGNAL,
                    u,
                    SOURCE,
                    "votes:*",
                    None,
                    total,
                    f"{tree.names[u]}: every contestant's votes ({total:,} in all) equal those of "
                    f"{', '.join(others[:3])}{' and others' if len(others) > 3 else ''}",
                )
            )
    out.sort(key=lambda f: (SCREEN_ORDER[f.rule], tree.depth[f.unit] > 1, f.unit, f.field))
    return out
