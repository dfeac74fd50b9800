"""Units an import creates: the rows that name no unit yet become new units (id, name, level,
a parent by id or by name), with their figures, as one AddUnits; every problem at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.importer.mapping import PARENT_NAME, normalise
from core.importer.read import RawTable
from core.model.election import SOURCES, Election
from core.project.structure import AddUnits, SourceRows, UnitRows, Value

Bad = Callable[[int | None, int | None, str | None, str], None]


@dataclass
class _New:
    """One new unit as the file gives it (several rows when several sources report it)."""

    uid: str
    name: str
    level: int  # -1: from the parent
    parent_id: str
    parent_name: str
    row: int  # the first row's number in the file, for messages
    rows: dict[str, int]  # source -> row index
    parent: str = ""  # resolved parent id


@dataclass
class NewUnits:
    """What an import would create: the AddUnits, and how many go under each existing unit."""

    edit: AddUnits | None
    under: list[tuple[str, int]]  # (existing parent's name, units created below it)

    @property
    def count(self) -> int:
        return 0 if self.edit is None else len(self.edit.rows)


def plan_new_units(
    raw: RawTable,
    seen: dict[str, int],
    candidates: list[int],
    election: Election,
    source: str,
    columns: dict[int, tuple[str, list[Value | None], list[str | None]]],
    bad: Bad,
) -> NewUnits:
    """The rows (indices into raw.rows) that name no unit, as new units.

    `columns` gives, per mapped figure column, its field, each row's value (None: not given)
    and each row's problem (None: fine)."""
    levels = election.info.levels
    news = _read_rows(raw, seen, candidates, levels, source, bad)
    _resolve_parents(news, election, seen, bad)
    _resolve_levels(news, election, seen, bad)
    ok = [u for u in news.values() if u.parent and u.level >= 0]
    if len(ok) != len(news):
        return NewUnits(None, [])
    for u in ok:  # cell problems of the rows that make new units
        for r in u.rows.values():
            for c, (_, _, errors) in columns.items():
                if errors[r] is not None:
                    bad(raw.row_number(r), c, raw.rows[r][c], str(errors[r]))
    figures: dict[str, SourceRows] = {}
    for src in SOURCES:
        present = tuple(src in u.rows for u in ok)
        if not any(present):
            continue
        cols: dict[str, tuple[Value, ...]] = {}
        for fld, values, _ in columns.values():
            got = tuple(values[u.rows[src]] if src in u.rows else None for u in ok)
            if any(v is not None for v in got):
                cols[fld] = got
        figures[src] = SourceRows(present, cols)
    rows = UnitRows(
        tuple(u.uid for u in ok),
        tuple(u.name for u in ok),
        tuple(levels[u.level] for u in ok),
        tuple(u.parent for u in ok),
        figures,
    )
    tree = election.units
    tops: Counter[str] = Counter()
    for u in ok:
        top = u
        while top.parent in news:
            top = news[top.parent]
        tops[tree.names[tree.index[top.parent]]] += 1
    return NewUnits(AddUnits(rows), sorted(tops.items()))


def _text(raw: RawTable, r: int, seen: dict[str, int], name: str) -> str:
    return raw.rows[r][seen[name]].strip() if name in seen else ""


def _read_rows(
    raw: RawTable,
    seen: dict[str, int],
    candidates: list[int],
    levels: list[str],
    source: str,
    bad: Bad,
) -> dict[str, _New]:
    news: dict[str, _New] = {}
    for r in candidates:
        n = raw.row_number(r)
        uid, name = _text(raw, r, seen, "unit_id"), _text(raw, r, seen, "unit_name")
        if not uid:
            col = seen.get("unit_name")
            bad(n, col, name or None, "a new unit needs an id: map a column to unit_id")
            continue
        if not name:
            bad(n, seen.get("unit_name"), None, f"the new unit {uid!r} needs a name")
            continue
        level_text = _text(raw, r, seen, "level")
        level = -1
        if level_text:
            if level_text not in levels:
                bad(
                    n,
                    seen["level"],
                    level_text,
                    f"not a level of this election ({', '.join(levels)})",
                )
                continue
            level = levels.index(level_text)
        pid, pname = _text(raw, r, seen, "parent_id"), _text(raw, r, seen, PARENT_NAME)
        if not pid and not pname:
            col = seen.get("parent_id", seen.get(PARENT_NAME))
            bad(n, col, None, f"the new unit {uid!r} needs a parent (by id or by name)")
            continue
        src = _text(raw, r, seen, "source") or source
        if src not in SOURCES:
            bad(n, seen.get("source"), src, f"the source must be one of {', '.join(SOURCES)}")
            continue
        earlier = news.get(uid)
        if earlier is None:
            news[uid] = _New(uid, name, level, pid, pname, n, {src: r})
        elif src in earlier.rows:
            bad(n, seen["unit_id"], uid, f"row {earlier.row} already gives this unit ({src})")
        elif (earlier.name, earlier.level, earlier.parent_id, earlier.parent_name) != (
            name,
            level,
            pid,
            pname,
        ):
            bad(n, seen["unit_id"], uid, f"row {earlier.row} gives this unit another name or place")
        else:
            earlier.rows[src] = r
    return news


def _resolve_parents(
    news: dict[str, _New], election: Election, seen: dict[str, int], bad: Bad
) -> None:
    """Parent ids as given; parents by name among the units of the level above (existing
    ones and new ones), refused when none or several match."""
    tree, levels = election.units, election.info.levels
    by_name: dict[tuple[int, str], list[str]] = {}  # (level, name) -> unit ids
    wanted = {new.level - 1 for new in news.values() if not new.parent_id}
    if any(new.level < 0 and not new.parent_id for new in news.values()):
        wanted = set(range(len(levels)))  # a level not given: a parent of any level
    # only the levels a parent is looked for on: a station list under its districts need
    # not read the name of every station there already is
    for u in np.flatnonzero(np.isin(tree.level, list(wanted))).tolist() if wanted else []:
        by_name.setdefault((int(tree.level[u]), normalise(tree.names[u])), []).append(tree.ids[u])
    for new in news.values():
        if new.level >= 0:
            by_name.setdefault((new.level, normalise(new.name)), []).append(new.uid)
    for new in news.values():
        if new.parent_id:
            if new.parent_id in tree.index or new.parent_id in news:
                new.parent = new.parent_id
            else:
                msg = f"no unit has the parent id {new.parent_id!r}"
                bad(new.row, seen.get("parent_id"), new.parent_id, msg)
            continue
        key = normalise(new.parent_name)
        if new.level >= 1:
            hits = by_name.get((new.level - 1, key), [])
            where = f" of level {levels[new.level - 1]!r}"
        else:
            hits = [i for (lv, nm), ids in by_name.items() if nm == key for i in ids]
            where = ""
        col = seen.get(PARENT_NAME)
        if len(hits) == 1:
            new.parent = hits[0]
        elif not hits:
            elsewhere = sorted({lv for (lv, nm) in by_name if nm == key})
            hint = ""
            if elsewhere:
                hint = f" (a unit of level {levels[elsewhere[0]]!r} has it: levels are not skipped)"
            bad(new.row, col, new.parent_name, f"no unit{where} has this name{hint}")
        else:
            listed = ", ".join(f"{_name(election, news, h)} ({h})" for h in hits[:10])
            bad(new.row, col, new.parent_name, f"{len(hits)} units{where} have this name: {listed}")


def _name(election: Election, news: dict[str, _New], uid: str) -> str:
    if uid in news:
        return news[uid].name
    tree = election.units
    return tree.names[tree.index[uid]]


def _resolve_levels(
    news: dict[str, _New], election: Election, seen: dict[str, int], bad: Bad
) -> None:
    """A level not given is the one below the parent's; a level given must be that one
    (levels are not skipped). A chain of new parents must reach a unit that exists."""
    tree, levels = election.units, election.info.levels
    for new in news.values():
        if not new.parent:
            continue
        chain, p = [new], new.parent
        while p in news and news[p] not in chain:
            chain.append(news[p])
            p = news[p].parent
        if p in news or not p:
            bad(
                new.row,
                seen.get("parent_id", seen.get(PARENT_NAME)),
                new.parent,
                "the new units' parents form a cycle" if p else "its parent cannot be placed",
            )
            new.parent = ""
            continue
        level = int(tree.level[tree.index[p]])
        for u in reversed(chain):
            expected = level + 1
            if u.level < 0:
                u.level = expected
            level = u.level
        parent_level = (
            news[new.parent].level
            if new.parent in news
            else int(tree.level[tree.index[new.parent]])
        )
        if new.level != parent_level + 1:
            what = levels[new.level] if 0 <= new.level < len(levels) else "?"
            under = levels[parent_level] if 0 <= parent_level < len(levels) else "?"
            bad(
                new.row,
                seen.get("level"),
                what,
                f"a unit of level {what!r} cannot sit under one of level {under!r}: "
                "levels are not skipped",
            )
            new.level = -1
        elif new.level >= len(levels):
            bad(new.row, seen.get("level"), None, "there is no level below its parent's")
            new.level = -1
