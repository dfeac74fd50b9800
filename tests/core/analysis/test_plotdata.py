"""Tests for core.plotdata: the numbers each plot draws, on the 2021 sample and hand-made cases."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from core.analysis import plotdata as pd
from core.cli import audit as cli
from core.model.seat_rules import SeatRules
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from core.seats.allocation import allocate

KZ_VOTES = (5148074, 792828, 659019, 383023, 258618)  # NO, AJ, QHP, AUYL, ADAL
KZ_ORDER = (2, 4, 1, 3, 5)
KZ_CAST = 7539280
HARE_98 = SeatRules(98, "largest_remainder_hare", Fraction(7), "ballots_cast", 2)


@pytest.fixture
def ws() -> Workspace:
    return Workspace(load(cli.SAMPLE))


# --- (1) discrepancy bars ----------------------------------------------------------------------


def test_sample_regions_have_no_bars_but_the_nation_shows_its_own_sums(ws: Workspace) -> None:
    tree = ws.election.units
    almaty = tree.index["KZ-03"]
    assert pd.shown_parent(tree, almaty) == tree.root  # a leaf shows its siblings
    bars = pd.discrepancy_bars(ws.auditor.ctx, ws.auditor.findings, tree.root, "votes:NO")
    assert len(bars) == 0  # regions have nothing below them in the sample
    assert bars.own_reported == 5148074
    assert bars.own_below == 5148074


def test_bars_sorted_signed_and_flagged(tmp_path: Path) -> None:
    csv = (
        "unit_id,unit_name,level,parent_id,source,votes:A,votes:B\n"
        "N,Nation,nation,,,100,50\n"
        "R1,North,region,N,,60,30\n"
        "R2,South,region,N,,40,20\n"
        "S1,s1,station,R1,,25,10\n"
        "S2,s2,station,R1,,30,20\n"
        "S3,s3,station,R2,,40,20\n"
        "S3,s3,station,R2,observer,43,20\n"
        "R2,South,region,N,observer,38,20\n"
    )
    info = (
        '{"format": "sanaq/1", "name": "t", "date": "2021-01-10",'
        ' "levels": ["nation", "region", "station"], "contestants": ['
        '{"code": "A", "name": "Alpha", "ballot_order": 1, "registration_order": 1},'
        '{"code": "B", "name": "Beta", "ballot_order": 2, "registration_order": 2}]}'
    )
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "results.csv").write_text(csv, encoding="utf-8")
    (folder / "election.json").write_text(info, encoding="utf-8")
    w = Workspace(load(folder))
    tree = w.election.units
    bars = pd.discrepancy_bars(w.auditor.ctx, w.auditor.findings, tree.index["N"], "votes:A")
    names = [tree.ids[u] for u in bars.units]
    # North: 60 reported, 55 below (+5); South: 40 vs 40 (0); South observer 38 vs 40 (-2)
    assert names == ["R2", "R2", "R1"]
    assert bars.gap.tolist() == [-2, 0, 5]
    assert bars.kind.tolist() == [pd.OBSERVER_GAP, pd.SUM_GAP, pd.SUM_GAP]
    assert bars.reported.tolist() == [38, 40, 60]
    assert bars.expected.tolist() == [40, 40, 55]
    assert bars.flagged.tolist() == [True, False, True]
    # A station selected: its district's stations are shown, observer copy against official.
    st = pd.discrepancy_bars(w.auditor.ctx, w.auditor.findings, tree.index["S3"], "votes:A")
    assert st.parent == tree.index["R2"]
    assert st.gap.tolist() == [3]
    assert st.flagged.tolist() == [True]


def test_bars_follow_an_edit(ws: Workspace) -> None:
    ws.apply(Change("typo", (CellEdit("KZ", "official", "votes:NO", 5148074, 5148000),)))
    bars = pd.discrepancy_bars(ws.auditor.ctx, ws.auditor.findings, 0, "votes:NO")
    assert (bars.own_reported, bars.own_below) == (5148000, 5148074)


# --- (2) percentages ---------------------------------------------------------------------------


def test_almaty_adal_is_the_one_point_outside_the_band(ws: Workspace) -> None:
    ctx = ws.auditor.ctx
    pairs = pd.pct_pairs(ctx, pd.unit_and_children(ctx.tree, ctx.tree.root))
    assert pairs.tolerance == pytest.approx(0.005, abs=1e-8)
    out = np.flatnonzero(pairs.outside)
    assert len(out) == 1
    i = int(out[0])
    assert ctx.tree.ids[pairs.units[i]] == "KZ-03"
    assert pairs.fields[i] == "pct:ADAL"
    assert pairs.published[i] == 5.21
    assert round(pairs.recomputed[i], 2) == 5.86
    # Everything else the sample publishes is within half a unit of the last decimal.
    assert len(pairs.units) == 17 * 5 + 8
    assert np.abs(np.delete(pairs.deviation, i)).max() <= pairs.tolerance


# --- (3) fingerprint ---------------------------------------------------------------------------


def test_fingerprint_turnout_and_leader_share(tmp_path: Path) -> None:
    csv = (
        "unit_id,unit_name,level,parent_id,source,registered,ballots_cast,valid,votes:A,votes:B\n"
        "N,Nation,nation,,,,,,,\n"
        "R,Region,region,N,,,,,,\n"
        "S1,s1,station,R,,200,100,100,80,20\n"
        "S2,s2,station,N,,100,50,40,10,30\n"
        "S3,s3,station,R,,0,0,0,0,0\n"
    )
    info = (
        '{"format": "sanaq/1", "name": "t", "date": "2021-01-10",'
        ' "levels": ["nation", "region", "station"], "contestants": ['
        '{"code": "A", "name": "Alpha", "ballot_order": 1, "registration_order": 1},'
        '{"code": "B", "name": "Beta", "ballot_order": 2, "registration_order": 2}]}'
    )
    folder = tmp_path / "fp"
    folder.mkdir()
    (folder / "results.csv").write_text(csv, encoding="utf-8")
    (folder / "election.json").write_text(info, encoding="utf-8")
    w = Workspace(load(folder))
    tree = w.election.units
    fp = pd.fingerprint(w.auditor.ctx)
    assert fp.leader == "A"  # 90 votes against 50
    assert [tree.ids[s] for s in fp.stations] == ["S1", "S2"]  # S3 has no one registered
    assert fp.turnout.tolist() == [50.0, 50.0]
    assert fp.share.tolist() == [80.0, 25.0]
    assert pd.in_subtree(tree, fp.stations, tree.index["R"]).tolist() == [True, False]
    assert pd.in_subtree(tree, fp.stations, tree.index["N"]).tolist() == [True, True]
    counts, xe, ye = pd.fingerprint_histogram(fp, bins=10)
    assert counts.sum() == 2
    assert counts[5, 8] == 1  # turnout 50-60, share 80-90
    assert (xe[0], xe[-1], ye[0], ye[-1]) == (0, 100, 0, 100)


def test_histogram_counts_as_numpy_does() -> None:
    rng = np.random.default_rng(7)
    turnout = np.r_[rng.uniform(-5, 105, 5000), [0.0, 100.0, 50.0, 99.999]]
    share = np.r_[rng.uniform(0, 100, 5000), [100.0, 0.0, 0.5, 100.0]]
    fp = pd.Fingerprint("A", np.arange(turnout.size), turnout, share)
    counts, _, _ = pd.fingerprint_histogram(fp)
    expected, _, _ = np.histogram2d(turnout, share, bins=200, range=[[0, 100], [0, 100]])
    assert np.array_equal(counts, expected)


def test_sample_has_no_station_fingerprint(ws: Workspace) -> None:
    # The regions publish no turnout: no point may be invented.
    fp = pd.fingerprint(ws.auditor.ctx)
    assert fp.stations.size == 0


# --- (4) seats ---------------------------------------------------------------------------------


def test_threshold_need_is_inclusive() -> None:
    assert pd.threshold_need(KZ_CAST, Fraction(7)) == 527750  # 7% of 7,539,280 = 527,749.6
    assert pd.threshold_need(100, Fraction(7)) == 7  # exactly 7% passes
    assert pd.threshold_need(101, Fraction(7)) == 8


def test_2021_margins(ws: Workspace) -> None:
    pic = pd.seat_picture(ws.auditor.ctx, ws.findings)
    assert pic is not None
    assert pic.allocation.seats == (76, 12, 10, 0, 0)
    assert pic.threshold_votes == Fraction(7 * KZ_CAST, 100)
    no, aj, qhp, auyl, adal = pic.margins
    assert auyl.to_cross == 527750 - 383023 == 144727
    assert adal.to_cross == 527750 - 258618
    assert auyl.to_fall is None
    assert qhp.to_fall == 659019 - 527750 + 1  # one vote fewer than this keeps it in
    assert aj.to_fall == 792828 - 527750 + 1
    assert no.to_cross is None
    assert pic.in_question == 0  # the sample's only finding is a percentage


@pytest.mark.parametrize("idx", range(5))
def test_2021_seat_margins_are_the_fewest_votes(idx: int) -> None:
    alloc, margins = pd.seat_margins(KZ_VOTES, KZ_ORDER, HARE_98, KZ_CAST)
    m = margins[idx]
    partners = [j for j in range(5) if j != idx]

    def seats_after(k: int, src: int, dst: int) -> int:
        v = list(KZ_VOTES)
        v[src] -= k
        v[dst] += k
        return allocate(v, KZ_ORDER, HARE_98, KZ_CAST).seats[idx]

    assert m.to_win_seat is not None
    assert m.win_from is not None
    assert seats_after(m.to_win_seat, m.win_from, idx) > alloc.seats[idx]
    assert all(seats_after(m.to_win_seat - 1, j, idx) == alloc.seats[idx] for j in partners)
    if alloc.seats[idx]:
        assert m.to_lose_seat is not None
        assert m.lose_to is not None
        assert seats_after(m.to_lose_seat, idx, m.lose_to) < alloc.seats[idx]
        assert all(seats_after(m.to_lose_seat - 1, idx, j) == alloc.seats[idx] for j in partners)
    else:
        assert m.to_lose_seat is None


def test_lists_out_of_parliament_win_seats_by_crossing_the_threshold() -> None:
    _, margins = pd.seat_margins(KZ_VOTES, KZ_ORDER, HARE_98, KZ_CAST)
    assert margins[3].to_win_seat == 144727  # Auyl: crossing 7% is worth several seats at once


def test_hand_made_threshold_edges() -> None:
    rules = SeatRules(10, "largest_remainder_hare", Fraction(7), "valid", None)
    # 7 of 100 is exactly 7%: in, with one seat; one vote less and it is out.
    alloc, m = pd.seat_margins((70, 23, 7), (1, 2, 3), rules, 100)
    assert alloc.seats == (7, 2, 1)
    assert m[2].to_cross is None
    assert m[2].to_fall == 1
    assert m[2].to_lose_seat == 1
    alloc, m = pd.seat_margins((71, 23, 6), (1, 2, 3), rules, 100)
    assert alloc.seats == (8, 2, 0)
    assert m[2].to_cross == 1
    assert m[2].to_win_seat == 1
    assert m[2].to_fall is None


def test_margins_search_each_stretch_between_threshold_crossings() -> None:
    # Moving 3 of A's 5 votes to B takes a seat from A; moving 4 drops A below 5%, and the
    # runner-up rule then gives A two seats back: the search must not jump over k = 3.
    rules = SeatRules(6, "largest_remainder_hare", Fraction(5), "ballots_cast", 2)
    alloc, m = pd.seat_margins((5, 21), (1, 2), rules, 31)
    assert alloc.seats == (1, 5)
    assert allocate((2, 24), (1, 2), rules, 31).seats == (0, 6)
    assert allocate((1, 25), (1, 2), rules, 31).seats == (2, 4)
    assert (m[0].to_lose_seat, m[0].lose_to) == (3, 1)
    assert (m[1].to_win_seat, m[1].win_from) == (3, 0)


def test_votes_in_question_sums_vote_findings(ws: Workspace) -> None:
    ws.apply(Change("typo", (CellEdit("KZ", "official", "votes:NO", 5148074, 5148000),)))
    pic = pd.seat_picture(ws.auditor.ctx, ws.findings)
    assert pic is not None
    # sum.children: 74 votes; protocol.valid_sum fires on `valid`, not on votes, and is left out
    assert pic.in_question == 74


def test_no_seat_rules_no_picture(ws: Workspace) -> None:
    ws.election.info.seats = None
    assert pd.seat_picture(ws.auditor.ctx, ws.findings) is None


def test_nearest_station_is_measured_in_screen_pixels() -> None:
    fp = pd.Fingerprint("A", np.array([7, 8]), np.array([50.0, 60.0]), np.array([40.0, 40.5]))
    # On a squashed y axis (10 data units per pixel) 40.5 is less than a pixel from 40.
    assert pd.nearest_station(fp, 59.0, 40.0, (1.0, 10.0)) == 1
    assert pd.nearest_station(fp, 50.5, 40.5, (0.1, 0.1)) is None  # 7 pixels away
    assert pd.nearest_station(fp, 50.5, 40.0, (1.0, 1.0)) == 0
    empty = pd.Fingerprint(None, np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    assert pd.nearest_station(empty, 1.0, 1.0, (1.0, 1.0)) is None
