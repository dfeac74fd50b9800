"""Each rule of CONTRACT §2 fires exactly when its wording says, and stays silent otherwise."""

from __future__ import annotations

import pytest

from core.rules.audit import run_audit
from core.rules.catalogue import RULES
from tests.core.builders import election, station


def findings(e):
    return {(f.rule, e.units.ids[f.unit], f.source, f.field) for f in run_audit(e).findings}


def by_rule(e, rule):
    return [f for f in run_audit(e).findings if f.rule == rule]


def nation(**figs):
    return {"unit_id": "N", "unit_name": "Nation", "level": "nation", "parent_id": "", **figs}


def test_every_contract_rule_is_declared_once():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) >= {
        "protocol.valid_sum",
        "protocol.cast_balance",
        "protocol.ballot_account",
        "protocol.cast_exceeds_issued",
        "protocol.cast_exceeds_registered",
        "sum.children",
        "sum.incomplete",
        "pct.recomputed",
        "seats.allocation",
        "compare.sources",
        "protocol.votes_cast_balance",
    }
    assert all(r.sentence and r.formula for r in RULES)


def test_balanced_election_has_no_finding(tmp_path):
    e = election(
        tmp_path,
        [
            nation(
                registered=400,
                ballots_cast=200,
                invalid=20,
                valid=180,
                **{"votes:A": 120, "votes:B": 60},
            ),
            station("S1", "N"),
            station("S2", "N"),
        ],
    )
    assert findings(e) == set()


def test_valid_sum_fires_with_both_values(tmp_path):
    e = election(tmp_path, [nation(), station("S1", "N", valid=95, ballots_cast=105)])
    [f] = by_rule(e, "protocol.valid_sum")
    assert (f.field, f.expected, f.actual) == ("valid", 90, 95)
    assert "90" in f.message
    assert "95" in f.message


def test_valid_sum_needs_every_vote_reported(tmp_path):
    e = election(tmp_path, [nation(), station("S1", "N", valid=95, **{"votes:B": None})])
    assert by_rule(e, "protocol.valid_sum") == []


def test_cast_balance(tmp_path):
    e = election(tmp_path, [nation(), station("S1", "N", ballots_cast=101)])
    [f] = by_rule(e, "protocol.cast_balance")
    assert (f.field, f.expected, f.actual) == ("ballots_cast", 100, 101)


def test_cast_balance_silent_when_one_is_missing(tmp_path):
    e = election(tmp_path, [nation(), station("S1", "N", ballots_cast=101, invalid=None)])
    assert by_rule(e, "protocol.cast_balance") == []


@pytest.mark.parametrize(
    ("extra", "fires"),
    [
        ({"ballots_received": 150, "ballots_issued": 110, "ballots_unused": 40}, False),
        ({"ballots_received": 150, "ballots_issued": 110, "ballots_unused": 39}, True),
        (
            {
                "ballots_received": 150,
                "ballots_issued": 100,
                "ballots_unused": 40,
                "ballots_spoiled": 5,
                "ballots_lost": 7,
                "ballots_unaccounted": 2,
            },
            False,
        ),
        ({"ballots_received": 150, "ballots_issued": 110}, False),  # unused missing: no check
    ],
)
def test_ballot_account(tmp_path, extra, fires):
    e = election(tmp_path, [nation(), station("S1", "N", **extra)])
    assert bool(by_rule(e, "protocol.ballot_account")) == fires


def test_cast_exceeds_issued_and_registered(tmp_path):
    e = election(tmp_path, [nation(), station("S1", "N", ballots_issued=99, registered=98)])
    [issued] = by_rule(e, "protocol.cast_exceeds_issued")
    [registered] = by_rule(e, "protocol.cast_exceeds_registered")
    assert (issued.actual, issued.expected) == (100, 99)
    assert (registered.actual, registered.expected) == (100, 98)


def test_sum_children_direct(tmp_path):
    e = election(
        tmp_path,
        [nation(**{"votes:A": 121}), station("S1", "N"), station("S2", "N")],
    )
    [f] = by_rule(e, "sum.children")
    assert (f.unit, f.field, f.expected, f.actual) == (0, "votes:A", 120, 121)
    assert "+1" in f.message


def region(uid, **figs):
    return {"unit_id": uid, "unit_name": uid, "level": "region", "parent_id": "N", **figs}


def test_cover_reaches_past_a_level_that_publishes_nothing(tmp_path):
    # Regions publish no votes: the nation is checked against the stations directly.
    e = election(
        tmp_path,
        [
            nation(**{"votes:A": 240}),
            region("R1"),
            region("R2"),
            station("S1", "R1"),
            station("S2", "R1"),
            station("S3", "R2"),
            station("S4", "R2", a=61, valid=91, ballots_cast=101),
        ],
    )
    [f] = by_rule(e, "sum.children")
    assert (e.units.ids[f.unit], f.expected, f.actual) == ("N", 241, 240)


def test_region_that_publishes_is_checked_on_its_own(tmp_path):
    e = election(
        tmp_path,
        [
            nation(**{"votes:A": 240}),
            region("R1", **{"votes:A": 121}),
            region("R2"),
            station("S1", "R1"),
            station("S2", "R1"),
            station("S3", "R2"),
            station("S4", "R2"),
        ],
    )
    got = {(e.units.ids[f.unit], f.expected, f.actual) for f in by_rule(e, "sum.children")}
    # R1 disagrees with its stations; the nation sums R1's published 121 with R2's stations.
    assert got == {("R1", 120, 121), ("N", 241, 240)}


def test_sum_incomplete_when_a_child_does_not_report(tmp_path):
    e = election(
        tmp_path,
        [nation(**{"votes:A": 120}), station("S1", "N"), station("S2", "N", **{"votes:A": None})],
    )
    assert by_rule(e, "sum.children") == []
    [f] = by_rule(e, "sum.incomplete")
    assert (f.field, f.severity, f.actual, f.expected) == ("votes:A", "info", 120, None)


def test_children_of_another_source_do_not_count(tmp_path):
    e = election(
        tmp_path,
        [nation(**{"votes:A": 999}), {**station("S1", "N"), "source": "observer"}],
    )
    assert by_rule(e, "sum.children") == []
    assert by_rule(e, "sum.incomplete") == []


def test_pct_recomputed_tolerance_is_half_a_unit(tmp_path):
    # 1/8 = 12.5% exactly; published 12.50 and 12.505 is within half a unit of the last decimal.
    rows = [
        nation(valid=800, **{"votes:A": 100, "votes:B": 700, "pct:A": 12.505, "pct:B": 87.51}),
    ]
    e = election(tmp_path, rows)
    [f] = by_rule(e, "pct.recomputed")
    assert (f.field, f.expected, f.actual) == ("pct:B", 87.5, 87.51)


def test_pct_base_falls_back_to_sum_of_votes(tmp_path):
    e = election(tmp_path, [nation(**{"votes:A": 1, "votes:B": 3, "pct:A": 33.33})])
    [f] = by_rule(e, "pct.recomputed")
    assert f.expected == 25.0
    e = election(tmp_path, [nation(**{"votes:A": 1, "pct:A": 33.33})])  # B missing: no base
    assert by_rule(e, "pct.recomputed") == []


def test_pct_turnout_invalid_and_valid(tmp_path):
    rows = [
        nation(
            registered=1000,
            ballots_cast=600,
            invalid=30,
            valid=570,
            **{"pct:turnout": 60.0, "pct:invalid": 5.5, "pct:valid": 95.0},
        )
    ]
    e = election(tmp_path, rows)
    assert {f.field for f in by_rule(e, "pct.recomputed")} == {"pct:invalid"}


def test_pct_with_zero_base_is_not_checked(tmp_path):
    e = election(tmp_path, [nation(valid=0, **{"votes:A": 0, "pct:A": 50.0})])
    assert by_rule(e, "pct.recomputed") == []


SEATS = {
    "total": 10,
    "method": "largest_remainder_hare",
    "threshold_pct": 7,
    "threshold_base": "valid",
}


def test_seats_allocation_inclusive_threshold(tmp_path):
    codes = ("A", "B", "C")
    root = nation(**{"votes:A": 70, "votes:B": 23, "votes:C": 7, "seats:A": 7, "seats:B": 3})
    e = election(tmp_path, [root], codes=codes, seats=SEATS)
    got = {(f.field, f.expected, f.actual) for f in by_rule(e, "seats.allocation")}
    # C's empty seats cell counts as 0; with 7% of 100 valid votes it qualifies and gets 1.
    assert got == {("seats:B", 2, 3), ("seats:C", 1, 0)}


def test_seats_without_base_are_not_checked(tmp_path):
    seats = {**SEATS, "threshold_base": "ballots_cast"}
    root = nation(**{"votes:A": 70, "votes:B": 30, "seats:A": 1})
    e = election(tmp_path, [root], seats=seats)
    assert by_rule(e, "seats.allocation") == []


def test_compare_sources(tmp_path):
    official = station("S1", "N")
    observer = {**station("S1", "N", a=61, valid=91, ballots_cast=101), "source": "observer"}
    e = election(tmp_path, [nation(), official, observer])
    got = {(f.field, f.expected, f.actual) for f in by_rule(e, "compare.sources")}
    assert got == {("votes:A", 60, 61), ("valid", 90, 91), ("ballots_cast", 100, 101)}
    assert all(f.source == "observer" for f in by_rule(e, "compare.sources"))


def test_compare_sources_ignores_percentages(tmp_path):
    official = station("S1", "N", **{"pct:A": 66.67})
    observer = {**station("S1", "N", **{"pct:A": 60.0}), "source": "observer"}
    e = election(tmp_path, [nation(), official, observer])
    assert by_rule(e, "compare.sources") == []


def kz_station(uid: str, parent: str, a: int, b: int, invalid: int, cast: int):
    """A station table with no valid line, as the Kazakh precinct protocol has."""
    s = station(uid, parent, a=a, b=b, invalid=invalid, valid=None)
    s["ballots_cast"] = cast
    return s


def test_votes_cast_balance_fires_where_no_valid_line_is_reported(tmp_path):
    # 905 cast, 15 invalid, votes adding up to 895: 895 + 15 = 910, not 905
    e = election(tmp_path, [nation(), kz_station("S1", "N", 600, 295, 15, 905)])
    [f] = by_rule(e, "protocol.votes_cast_balance")
    assert (f.unit, f.source, f.field, f.expected, f.actual) == (
        1,
        "official",
        "ballots_cast",
        910,
        905,
    )
    assert "895" in f.message
    assert "905" in f.message
    assert f.severity == "error"


def test_votes_cast_balance_silent_when_it_balances_or_valid_is_reported(tmp_path):
    e = election(
        tmp_path,
        [
            nation(),
            kz_station("S1", "N", 600, 290, 15, 905),  # 890 + 15 = 905
            station("S2", "N", ballots_cast=101),  # valid reported: cast_balance's business
            kz_station("S3", "N", 600, 295, 15, 905) | {"invalid": None},  # invalid missing
            kz_station("S4", "N", 600, 295, 15, 905) | {"votes:B": None},  # a vote missing
        ],
    )
    assert by_rule(e, "protocol.votes_cast_balance") == []
    assert [e.units.ids[f.unit] for f in by_rule(e, "protocol.cast_balance")] == ["S2"]


def test_votes_cast_balance_needs_contestants(tmp_path):
    s = kz_station("S1", "N", 0, 0, 15, 905)
    del s["votes:A"], s["votes:B"]
    e = election(tmp_path, [nation(), s], codes=())
    assert by_rule(e, "protocol.votes_cast_balance") == []


def test_votes_cast_balance_comes_last_in_the_catalogue():
    assert [r.id for r in RULES][-2:] == ["compare.sources", "protocol.votes_cast_balance"]
