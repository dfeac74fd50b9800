"""The screens together: what runs where, the one decision rule, and the findings it gives."""

from __future__ import annotations

import pytest

from benchmarks.signals_data import (
    clean_stations,
    push_turnout_to_integers,
    stuff_ballots,
    to_election,
)
from core.analysis.signals.report import run_screens
from core.analysis.signals.screens import SCREENS
from core.cli import audit as cli
from core.opener.load import load
from core.rules.finding import SIGNAL


@pytest.fixture(scope="module")
def clean10k():
    return to_election(clean_stations(10_000, 7))


def test_the_sample_says_every_screen_needs_more_stations():
    report = run_screens(load(cli.SAMPLE))
    assert report.tests == []
    assert report.findings == []
    assert {n.screen for n in report.not_run} == {s.id for s in SCREENS}
    integer = next(n for n in report.not_run if n.screen == "signal.integer_pct")
    assert (integer.has, integer.needs) == (0, 1000)
    assert "needs at least 1,000 stations" in integer.text


def test_a_clean_election_gives_no_signal_and_runs_every_screen_on_nation_and_regions(clean10k):
    report = run_screens(clean10k)
    assert report.findings == []
    assert not any(report.signalled)
    tree = clean10k.units
    ran = {(t.screen, t.unit) for t in report.tests}
    for screen in (
        "signal.integer_pct",
        "signal.peer_outlier",
        "signal.twins",
        "signal.observer_gap",
    ):
        assert (screen, tree.root) in ran
    regions = set(tree.children(tree.root).tolist())
    assert {u for s, u in ran if s == "signal.peer_outlier"} >= regions  # 30-station territories
    # regions of some 600 stations are below the integer screen's 1,000
    skipped = {n.unit for n in report.not_run if n.screen == "signal.integer_pct"}
    assert skipped
    assert skipped <= regions
    assert len(report.adjusted) == len(report.tests)
    assert report.digit_tables
    assert report.digit_tables[0].unit == tree.root


def test_turnout_written_to_whole_percents_is_signalled_by_the_integer_screen():
    a = push_turnout_to_integers(clean_stations(10_000, 8), 0.05, 1)
    report = run_screens(to_election(a))
    nation = next(
        f
        for f in report.findings
        if f.rule == "signal.integer_pct" and f.unit == report.election.units.root
    )
    assert nation.severity == SIGNAL
    assert nation.field == "pct:turnout|pct:P1"
    assert isinstance(nation.actual, int)
    assert nation.expected is not None
    assert nation.actual - nation.expected > 300
    assert "whole-number turnout" in nation.message
    assert "false discovery rate" in nation.message


def test_stuffed_ballots_are_signalled_with_the_stations_that_stand_out():
    a = stuff_ballots(clean_stations(10_000, 9), 0.05, 0.2, 2)
    report = run_screens(to_election(a))
    rules = {f.rule for f in report.findings}
    assert {"signal.peer_outlier", "signal.observer_gap"} <= rules
    tree = report.election.units
    stations = [
        f for f in report.findings if f.rule == "signal.peer_outlier" and tree.level[f.unit] == 3
    ]
    assert stations, "the outlying stations are listed"
    stuffed = {int(report.stations.units[i]) for i in a.changed.nonzero()[0]}
    share = sum(f.unit in stuffed for f in stations) / len(stations)
    assert share > 0.6  # most of the stations that stand out are the stuffed ones
    gap = next(
        f for f in report.findings if f.rule == "signal.observer_gap" and f.unit == tree.root
    )
    assert gap.actual is not None
    assert gap.actual < 0
    assert "not placed at random" in gap.message


def test_a_copied_protocol_is_signalled_as_twins():
    a = clean_stations(10_000, 10)
    same = a.district == a.district[500]
    b, c = [int(i) for i in same.nonzero()[0][:2]]
    a.votes[c] = a.votes[b]
    a.cast[c], a.invalid[c], a.registered[c] = a.cast[b], a.invalid[b], a.registered[b]
    report = run_screens(to_election(a))
    twins = [f for f in report.findings if f.rule == "signal.twins"]
    units = {int(report.stations.units[b]), int(report.stations.units[c])}
    assert units <= {f.unit for f in twins}
