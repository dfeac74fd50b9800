"""Property tests: consistent elections are clean; one changed figure gives exactly its findings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from core.rules.audit import Auditor, run_audit
from tests.core.builders import election

CODES = ("A", "B", "C")


@st.composite
def consistent_rows(draw):
    """A nation, regions and stations whose every figure adds up, with percentages."""
    n_regions = draw(st.integers(1, 4))
    rows, region_totals = [], []
    for r in range(n_regions):
        stations = []
        for s in range(draw(st.integers(1, 4))):
            votes = draw(st.lists(st.integers(0, 500), min_size=3, max_size=3))
            invalid = draw(st.integers(0, 50))
            registered = sum(votes) + invalid + draw(st.integers(0, 300))
            stations.append(
                {
                    "unit_id": f"S{r}-{s}",
                    "level": "station",
                    "parent_id": f"R{r}",
                    "registered": registered,
                    "ballots_cast": sum(votes) + invalid,
                    "invalid": invalid,
                    "valid": sum(votes),
                    **{f"votes:{c}": v for c, v in zip(CODES, votes, strict=True)},
                }
            )
        rows.extend(stations)
        region_totals.append(_total(f"R{r}", "region", "N", stations))
    rows = [_total("N", "nation", "", region_totals), *region_totals, *rows]
    for row in rows:
        if row["valid"]:  # published shares, rounded as a commission would
            for c in CODES:
                row[f"pct:{c}"] = round(100 * row[f"votes:{c}"] / row["valid"], 2)
    return rows


def _total(uid, level, parent, children):
    keys = [k for k in children[0] if k not in ("unit_id", "level", "parent_id")]
    return {
        "unit_id": uid,
        "level": level,
        "parent_id": parent,
        **{k: sum(c[k] for c in children) for k in keys},
    }


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load(rows):
    with tempfile.TemporaryDirectory() as d:
        return election(Path(d), rows, codes=CODES)


@SETTINGS
@given(consistent_rows())
def test_consistent_election_has_no_finding(rows):
    assert run_audit(_load(rows)).findings == []


@SETTINGS
@given(consistent_rows(), st.data())
def test_one_changed_vote_gives_exactly_the_findings_it_implies(rows, data):
    row = data.draw(st.sampled_from(rows))
    code = data.draw(st.sampled_from(CODES))
    delta = data.draw(st.integers(1, 40))
    row[f"votes:{code}"] += delta
    e = _load(rows)
    got = {
        (f.rule, e.units.ids[f.unit], f.field)
        for f in run_audit(e).findings
        if f.rule != "pct.recomputed"
    }
    u = e.units.index[row["unit_id"]]
    expected = {("protocol.valid_sum", row["unit_id"], "valid")}
    # Every unit reports votes, so the change is seen by the unit's own check against its
    # children and by its parent's; units further up are checked against the parent's figure.
    checked = [a for a in (u, int(e.units.parent[u])) if a >= 0 and len(e.units.children(a))]
    expected |= {("sum.children", e.units.ids[a], f"votes:{code}") for a in checked}
    assert got == expected


@SETTINGS
@given(consistent_rows(), st.data())
def test_incremental_recheck_equals_a_full_audit(rows, data):
    e = _load(rows)
    ws = Workspace(e)
    for _ in range(data.draw(st.integers(1, 5))):
        row = data.draw(st.sampled_from(rows))
        field = data.draw(st.sampled_from(["valid", "invalid", "votes:A", "pct:B", "registered"]))
        new = data.draw(st.one_of(st.none(), st.integers(0, 2000)))
        old = e.sources["official"].value(field, e.units.index[row["unit_id"]])
        ws.apply(Change("edit", (CellEdit(row["unit_id"], "official", field, old, new),)))
        full = {f.key: f for f in Auditor(e).result().findings}
        assert {f.key: f for f in ws.findings} == full
    while ws.history.can_undo:
        ws.undo()
    assert ws.findings == []
    assert Auditor(e).result().findings == []
