"""The `verify` command (CONTRACT §3): a project's journal replayed entry by entry."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from core.model.problems import InputRefused
from core.project.chain import ChainProblem
from core.project.store import verify_file
from core.project.verify import Verification

EXIT_VERIFIED, EXIT_BROKEN, EXIT_REFUSED = 0, 1, 2
_HEX = re.compile(r"[0-9a-f]{64}")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Text from the file with its control characters shown, so none can drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_ABOUT = """\
Recompute a project's hash chain from its original snapshot through every journal entry to
the current figures, and print the number of entries and the head (the last entry's hash, or
the original snapshot's when there is none).

What this proves: that the file is consistent in itself. The chain has no secret key, so
whoever can write the file can rewrite its journal, or cut its tail off, and hash the rest
again: such a file verifies. Only a head recorded elsewhere shows it: the one printed in an
exported workbook (Summary sheet), or sent in a message, given here as --expect-head.

Exit status: 0 every entry verifies (and the head is the expected one); 1 the chain is
broken, the file is damaged, or the head differs (the first failing entry is named);
2 not a project file, or the command was misused.
"""


def to_json(v: Verification) -> dict[str, Any]:
    return {
        "format": "sanaq-verify/1",
        "entries": v.entries,
        "head": v.head,
        "ok": v.ok,
        "problems": [{"entry": p.entry, "what": p.what} for p in v.problems],
    }


def write_text(path: str, v: Verification, out: TextIO) -> None:
    out.write(_printable(_text(path, v)))


def _text(path: str, v: Verification) -> str:
    lines = [f"{path}: {v.entries:,} journal entries, head {v.head or '(unreadable)'}"]
    if v.ok:
        lines.append(
            "verified: every entry follows from the one before, and the original snapshot with "
            "the journal gives the current figures"
        )
    else:
        first = v.problems[0]
        fails = "fails" if first.entry is None else "is the first that fails"
        lines.append(f"NOT verified: {first.where} {fails}: {first.what}")
        lines.extend(f"  also {p}" for p in v.problems[1:])
    return "".join(f"{line}\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python main.py verify",
        description=_ABOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("project", help="a Sanaq project file")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--expect-head",
        metavar="HASH",
        help="the head recorded elsewhere (an exported workbook, a message): any other fails",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    expected = (args.expect_head or "").strip().lower()
    if args.expect_head is not None and not _HEX.fullmatch(expected):
        sys.stderr.write("refused: --expect-head takes a head: 64 hexadecimal digits\n")
        return EXIT_REFUSED
    try:
        v = verify_file(Path(args.project))
    except InputRefused as exc:
        sys.stderr.write(f"refused: {exc.report()}\n")
        return EXIT_REFUSED
    if expected and v.head != expected:
        v.problems.append(
            ChainProblem(
                v.entries,
                f"the head is {v.head}, not the expected {expected}: the journal was "
                "rewritten, cut off or added to since that head was recorded",
            )
        )
    if args.json:
        json.dump(to_json(v), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        write_text(args.project, v, sys.stdout)
    return EXIT_VERIFIED if v.ok else EXIT_BROKEN
