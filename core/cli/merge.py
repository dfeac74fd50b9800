"""The `merge` command (CONTRACT §3): other observers' files brought into a project."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from core.cli.verify import _printable
from core.merge.decide import MINE, THEIRS
from core.merge.listing import FIGURE, MATCH, ConflictList, ConflictRow, describe
from core.merge.run import Step, apply_merge, open_conflicts, plan_sources
from core.merge.side import Side, open_into, open_side, side_of
from core.model.problems import InputRefused, Problem
from core.project.interface import ProjectStore

EXIT_APPLIED, EXIT_CONFLICTS, EXIT_REFUSED = 0, 1, 2

_ABOUT = """\
Bring each FROM (a project file, or a package folder, .zip or .xlsx) into the project INTO,
unit by unit and field by field: a figure only FROM has is added, an equal one changes
nothing, a differing one is a conflict. Units match by id; a unit only FROM has is added
under its parent, and one FROM has under another id with the same name and parent is offered
as a match (only the app can accept it; --take adds it as a unit of its own).

Exit status: 0 applied as one journalled change (recording each FROM's content hash and
journal head), or nothing to do; 1 conflicts and no --take: nothing changed, the conflicts
are listed with both values and the journal entries that set them; 2 an input was refused,
or the command was misused.
"""
_TAKEN = {MINE: "mine", THEIRS: "theirs"}


Listed = list[tuple[Step, list[ConflictRow]]]  # each FROM's conflicts, read before applying


def _counts(step: Step, rows: list[ConflictRow]) -> dict[str, int]:
    p = step.plan
    return {
        "added": len(p.cells.added),
        "units_added": len(p.units.added),
        "notes_added": len(p.notes.added),
        "equal": p.cells.equal,
        "conflicts": len(rows),
    }


def _taken(row: ConflictRow, take: str | None) -> str | None:
    """How a conflict was decided: mine or theirs; a match, "apart" (never matched unless a
    person accepts it) or "same"."""
    if row.kind == MATCH:
        return "same" if row.choice else ("apart" if take else None)
    return _TAKEN.get(row.choice)


def _row_json(side: Side, row: ConflictRow, take: str | None) -> dict[str, Any]:
    return {
        "from": side.label,
        "kind": row.kind,
        "unit": row.unit,
        "unit_name": row.unit_name,
        "source": row.source or None,
        "field": row.field,
        "mine": row.mine,
        "theirs": row.theirs,
        "mine_entry": row.mine_ref.to_json(),
        "theirs_entry": row.theirs_ref.to_json(),
        "taken": _taken(row, take),
    }


def to_json(
    into: str, listed: Listed, entry: int | None, head: str, take: str | None = None
) -> dict[str, Any]:
    return {
        "format": "sanaq-merge/1",
        "into": into,
        "applied": entry is not None,
        "entry": entry,
        "head": head,
        "from": [
            {
                "file": s.plan.theirs.label,
                "content_hash": s.plan.theirs.content_hash,
                "head": s.plan.theirs.head,
                "already_merged": s.plan.already or None,
                **_counts(s, rows),
            }
            for s, rows in listed
        ],
        "conflicts": [_row_json(s.plan.theirs, r, take) for s, rows in listed for r in rows],
    }


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _value(v: object) -> str:
    return "not reported" if v is None else f"{v:,}" if isinstance(v, int) else str(v)


def _row_text(row: ConflictRow, take: str | None) -> str:
    where = f"{row.unit} {row.unit_name}"
    what = f"{row.source} {row.field}" if row.kind == FIGURE else row.field
    if row.kind == MATCH:
        what = "the same unit under another id?"
    taken = _taken(row, take)
    shown = {"apart": "kept apart", "same": "the same unit"}.get(taken or "", f"took {taken}")
    return (
        f"  {where} · {what}: mine {_value(row.mine)} ({describe(row.mine_ref)})"
        f" · theirs {_value(row.theirs)} ({describe(row.theirs_ref)})"
        f"{f' -> {shown}' if taken else ''}\n"
    )


def write_text(
    into: str,
    listed: Listed,
    entry: int | None,
    head: str,
    status: int,
    out: TextIO,
    take: str | None = None,
) -> None:
    lines = [f"merge into {into}\n"]
    for s, rows in listed:
        p, c = s.plan, _counts(s, rows)
        theirs = p.theirs
        head_text = f", head {theirs.head[:12]}" if theirs.head else ""
        lines.append(f"from {theirs.label} (content {theirs.content_hash[:12]}{head_text}): ")
        if p.already:
            lines.append(f"already merged (entry {p.already}): nothing to do\n")
            continue
        lines.append(
            f"{_n(c['added'], 'figure')} added, {_n(c['units_added'], 'unit')} added, "
            f"{_n(c['notes_added'], 'note')} added, {c['equal']:,} equal, "
            f"{_n(c['conflicts'], 'conflict')}\n"
        )
        lines.extend(_row_text(r, take) for r in rows)
    if entry is not None:
        lines.append(f"applied as journal entry {entry}; head {head}\n")
    elif status == EXIT_CONFLICTS:
        lines.append(
            "nothing changed: decide the conflicts in the app (File > Merge…), "
            "or pass --take mine|theirs\n"
        )
    else:
        lines.append("nothing to do\n")
    out.write(_printable("".join(lines)))


def _refuse(text: str) -> int:
    sys.stderr.write(_printable(f"refused: {text}\n"))
    return EXIT_REFUSED


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python main.py merge",
        description=_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("into", metavar="INTO", help="the project file to merge into")
    parser.add_argument("sources", metavar="FROM", nargs="+", help="a project file or package")
    parser.add_argument(
        "--take", choices=("mine", "theirs"), help="decide every conflict for INTO or for FROM"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    problems: list[Problem] = []
    sides: list[Side] = []
    for source in args.sources:
        try:
            sides.append(open_side(source))
        except InputRefused as exc:
            problems += exc.problems
    try:
        store = open_into(args.into)
    except InputRefused as exc:
        problems += exc.problems
        return _refuse(InputRefused(problems).report())
    if problems:
        store.close(compact=False)
        return _refuse(InputRefused(problems).report())
    try:
        return _run(args, store, sides)
    finally:
        store.close()


def _run(args: argparse.Namespace, store: ProjectStore, sides: list[Side]) -> int:
    try:
        steps = plan_sources(side_of(store), sides, args.take)
    except InputRefused as exc:
        return _refuse(exc.report())
    listed: Listed = [(s, list(ConflictList(s.decisions))) for s in steps]
    entry: int | None = None
    status = EXIT_APPLIED
    if open_conflicts(steps, matches=args.take is None):
        status = EXIT_CONFLICTS
    else:
        try:
            change = apply_merge(store, steps)
        except ValueError as exc:  # a change the project refused: nothing was written
            return _refuse(f"{args.into}: {exc}")
        if change is not None:
            entry = int(store.history()[-1]["seq"])
    head = store.head()
    if args.json:
        doc = to_json(args.into, listed, entry, head, args.take)
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        write_text(args.into, listed, entry, head, status, sys.stdout, args.take)
    return status
