"""The Signals tab's numbers, checked without a window."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.signals_data import clean_stations, stuff_ballots, to_election
from core.analysis.signals import plots
from core.analysis.signals.report import run_screens


@pytest.fixture(scope="module")
def report():
    return run_screens(to_election(stuff_ballots(clean_stations(10_000, 3), 0.05, 0.2, 1)))


def test_histogram_of_a_region_holds_its_eligible_stations_and_a_band_around_chance(report):
    st = report.stations
    tree = report.election.units
    region = int(tree.children(tree.root)[0])
    inside = plots.stations_under(st, region)
    assert inside.sum() == (st.region == region).sum()
    h = plots.integer_histogram(st, inside, "turnout")
    assert h.field == "pct:turnout"
    assert h.observed.sum() == h.stations <= inside.sum()
    assert abs(h.expected.sum() - h.stations) < 0.01 * h.stations
    assert (h.low <= h.expected).all()
    assert (h.expected <= h.high).all()
    assert h.centres[625] == pytest.approx(62.5)
    # the nation's integer bins hold what chance gives, within a few sd (no rounding here)
    nation = plots.integer_histogram(st, plots.stations_under(st, tree.root), "share")
    whole = np.arange(10, 1000, 10)
    sd = np.sqrt(((nation.high - nation.expected)[whole] / 2) ** 2).sum() ** 0.5
    assert abs(nation.excess_at_integers()) < 5 * sd


def test_voter_map_weighs_stations_by_their_registered_voters(report):
    st = report.stations
    everything = plots.voter_map(st, np.ones(len(st), bool))
    ok = st.turnout.ok & st.share.ok
    assert everything.stations == ok.sum()
    assert everything.grid.sum() == st.turnout.n[ok].sum()
    assert everything.leader == "P1"


def test_z_points_mark_outliers_and_the_signalled_stations(report):
    pts = plots.z_points(report, np.ones(len(report.stations), bool))
    assert pts.units.size > 9000
    assert pts.outlier.any()
    assert pts.signalled.any()
    # stuffing pushes both turnout and the leader's share up
    assert np.corrcoef(pts.x, pts.y)[0, 1] > 0.1
