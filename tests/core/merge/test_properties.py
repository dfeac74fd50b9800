"""Properties of a merge on generated projects (hypothesis): merging twice changes nothing,
A into B and B into A agree once their conflicts are decided alike, and no figure is lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.merge.decide import MINE, THEIRS, TYPED
from core.merge.listing import FIGURE, ConflictList
from core.merge.plan import plan_merge
from core.merge.run import apply_merge, plan_sources
from core.merge.side import Side, open_side, side_of
from core.model.election import Election
from core.opener.load import load
from core.project.store import Project
from tests.core.builders import write_package
from tests.core.merge.observers import STATIONS, Figures, figures, project, rows, with_figures

CELLS = [
    (s, source, f)
    for s in STATIONS
    for source, fields in (
        ("official", ("registered", "valid", "votes:A", "pct:A")),
        ("observer", ("votes:A", "votes:B")),
    )
    for f in fields
]
value = st.none() | st.integers(0, 4)
pairs = st.lists(st.tuples(value, value), min_size=len(CELLS), max_size=len(CELLS))
NOTE_KEY = ("sum.children", "D1", "official", "valid")
notes = st.none() | st.sampled_from([("explained", "recount"), ("confirmed", "")])
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _v(field: str, v: int | None) -> int | float | None:
    return None if v is None else (v / 4 if field.startswith("pct:") else v)


def _elections(
    tmp: Path, cells: list[tuple[int | None, int | None]], extra: str = ""
) -> tuple[Election, Election]:
    """A and B: the generated figures of S1 to S4, and S5 (a station only one of them has, or
    both) when `extra` is "a", "b" or "ab"."""
    blank = {c: None for c in CELLS}
    out = []
    for k, name in enumerate("ab"):
        stations = (*STATIONS, "S5") if name in extra else STATIONS
        e = load(write_package(tmp / f"{name}-pkg", rows(stations)))
        values = {c: _v(c[2], pair[k]) for c, pair in zip(CELLS, cells, strict=True)}
        out.append(with_figures(e, {**blank, **values}))
    return out[0], out[1]


def _projects(tmp: Path, cells, note_a, note_b, extra="") -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    a, b = _elections(tmp, cells, extra)
    pa = project(tmp / "a.sanaq", a, {NOTE_KEY: note_a} if note_a else None)
    pb = project(tmp / "b.sanaq", b, {NOTE_KEY: note_b} if note_b else None)
    return pa, pb


def _merge(into: Path, source: Path, choose) -> Figures:  # type: ignore[no-untyped-def]
    """Merge `source` into `into`, each conflict decided by `choose(row) -> value`."""
    with Project.open(into) as store:
        steps = plan_sources(side_of(store), [open_side(source)])
        d = steps[0].decisions
        for row in ConflictList(d):
            want = choose(row)
            pick = MINE if want == row.mine else THEIRS if want == row.theirs else TYPED
            target = d.cells if row.kind == FIGURE else d.notes
            target[row.at] = pick
            if pick == TYPED:
                d.cell_values[row.at] = want
        apply_merge(store, steps)
        return figures(store.election)


@SETTINGS
@given(pairs, notes, notes, st.sampled_from(["mine", "theirs"]))
def test_merging_the_same_file_twice_changes_nothing_and_adds_no_entry(cells, na, nb, take):
    with tempfile.TemporaryDirectory() as tmp:
        a, b = _projects(Path(tmp), cells, na, nb)
        with Project.open(a) as store:
            apply_merge(store, plan_sources(side_of(store), [open_side(b)], take))
        with Project.open(a) as store:
            entries, head, before = len(store.history()), store.head(), figures(store.election)
            notes_before = dict(store.reviews)
            steps = plan_sources(side_of(store), [open_side(b)], take)
            assert apply_merge(store, steps) is None
            assert (len(store.history()), store.head()) == (entries, head)
            assert figures(store.election) == before
            assert store.reviews == notes_before
            if take == "theirs":  # nothing left to bring, even without the merge's record
                fresh = Side("a", store.election, store.reviews)
                assert plan_merge(fresh, open_side(b)).empty


extras = st.sampled_from(["", "a", "b", "ab"])


@SETTINGS
@given(pairs, st.lists(st.sampled_from(["a", "b", "typed"]), min_size=len(CELLS)), extras)
def test_a_into_b_and_b_into_a_give_the_same_figures_when_decided_alike(cells, ways, extra):
    way = dict(zip(CELLS, ways, strict=False))

    def choose(fig_of_a: bool):  # type: ignore[no-untyped-def]
        def pick(row):  # type: ignore[no-untyped-def]
            a, b = (row.mine, row.theirs) if fig_of_a else (row.theirs, row.mine)
            w = way[(row.unit, row.source, row.field)]
            return a if w == "a" else b if w == "b" else _v(row.field, 9)

        return pick

    with tempfile.TemporaryDirectory() as tmp:
        a, b = _projects(Path(tmp), cells, None, None, extra)
        one = Path(tmp) / "one.sanaq"
        one.write_bytes(a.read_bytes())
        into_a = _merge(one, b, choose(True))
        into_b = _merge(b, a, choose(False))
        assert into_a == into_b


@SETTINGS
@given(pairs, st.sampled_from(["mine", "theirs"]), extras)
def test_no_figure_is_lost_every_one_is_in_the_result_or_in_a_decided_conflict(cells, take, extra):
    with tempfile.TemporaryDirectory() as tmp:
        a, b = _projects(Path(tmp), cells, None, None, extra)
        fig_a, fig_b = figures(open_side(a).election), figures(open_side(b).election)
        with Project.open(a) as store:
            steps = plan_sources(side_of(store), [open_side(b)], take)
            decided = {(r.unit, r.source, r.field) for r in ConflictList(steps[0].decisions)}
            apply_merge(store, steps)
            result = figures(store.election)
        for cell in fig_a.keys() | fig_b.keys():
            kept = result.get(cell)
            if cell in fig_a and cell in fig_b and fig_a[cell] != fig_b[cell]:
                assert cell in decided
                assert kept == (fig_a if take == "mine" else fig_b)[cell]
            else:
                assert kept == fig_a.get(cell, fig_b.get(cell)), cell
        assert result.keys() == fig_a.keys() | fig_b.keys()
