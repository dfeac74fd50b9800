"""The `audit` command (CONTRACT §3): load, run every rule, report as text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from core.cli.terminal import safe
from core.model.problems import InputRefused
from core.opener.load import load
from core.rules.audit import AuditResult, run_audit
from core.rules.catalogue import RULES
from core.rules.finding import fmt

if TYPE_CHECKING:
    from core.analysis.signals.report import SignalReport

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
EXIT_CLEAN, EXIT_ERRORS, EXIT_REFUSED = 0, 1, 2


def to_json(result: AuditResult) -> dict[str, Any]:
    e = result.election
    tree = e.units
    return {
        "format": "sanaq-audit/1",
        "election": {"name": e.info.name, "units": len(tree), "stations": e.stations()},
        "summary": result.summary(),
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "unit": tree.ids[f.unit],
                "unit_name": tree.names[f.unit],
                "source": f.source,
                "field": f.field,
                "expected": f.expected,
                "actual": f.actual,
                "message": f.message,
            }
            for f in result.findings
        ],
    }


def write_text(result: AuditResult, out: TextIO) -> None:
    s = result.summary()
    e = result.election
    out.write(
        f"{safe(e.info.name)}: {len(e.units):,} units audited, "
        f"{s['error']} errors, {s['warning']} warnings, {s['info']} notes\n"
    )
    for rule in RULES:
        found = [f for f in result.findings if f.rule == rule.id]
        if not found:
            continue
        out.write(f"\n{rule.id} ({rule.severity}, {len(found)}): {rule.sentence}\n")
        for f in found:
            out.write(
                f"  {safe(e.units.names[f.unit])} [{safe(e.units.ids[f.unit])}, {f.source}] "
                f"{f.field}: reported {fmt(f.actual)}, expected "
                f"{'cannot be computed' if f.expected is None else fmt(f.expected)}\n"
                f"    {safe(f.message)}\n"
            )


def export(
    result: AuditResult, source: Path, out: Path, signals: SignalReport | None = None
) -> None:
    """The audited workbook; a project file adds its review notes and journal."""
    from core.export.workbook import export_workbook
    from core.merge.run import merged_into
    from core.project import store

    if source.is_file() and store.is_project(source):
        with store.Project.open(source) as project:
            project.settle()  # so closing adds no entry after the head the workbook prints
            export_workbook(
                result,
                out,
                inputs=[source],
                reviews=dict(project.reviews),
                journal_hash=project.head(),
                journal=project.history(),
                signals=signals,
                merged=merged_into(project),
            )
    else:
        export_workbook(result, out, inputs=[source], signals=signals)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python main.py audit",
        description="Audit an election package: every rule of the contract, every finding.",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("path", nargs="?", help="package folder or .zip, .xlsx, or project file")
    where.add_argument("--sample", action="store_true", help="the bundled 2021 Mazhilis election")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--export", metavar="OUT.xlsx", help="write the audited workbook")
    parser.add_argument(
        "--signals",
        action="store_true",
        help="add the statistical screens (never in the exit status)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    try:
        election = load(SAMPLE if args.sample else args.path)
    except InputRefused as exc:
        sys.stderr.write(f"refused: {len(exc.problems)} problem(s); nothing was loaded\n")
        sys.stderr.write("\n".join(map(safe, exc.report().split("\n"))) + "\n")
        return EXIT_REFUSED
    result = run_audit(election)
    signals = None
    if args.signals:
        from core.analysis.signals.report import run_screens
        from core.cli.signals_output import add_signals, write_signals_text

        signals = run_screens(election)
    if args.export:
        export(result, SAMPLE if args.sample else Path(args.path), Path(args.export), signals)
    try:
        if args.json:
            doc = to_json(result)
            if signals is not None:
                add_signals(doc, signals, to_json(AuditResult(election, signals.findings)))
            json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            write_text(result, sys.stdout)
            if signals is not None:
                write_signals_text(signals, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (`| head`) has had enough; that is not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_ERRORS if result.has_errors else EXIT_CLEAN
