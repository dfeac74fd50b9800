"""What `audit --signals` adds (CONTRACT §3): the screens' findings, counted in
`summary.signal`, and every test and screen that did not run, as JSON or as text."""

from __future__ import annotations

from typing import Any, TextIO

from core.analysis.signals.report import SignalReport
from core.analysis.signals.screens import CAVEAT, SCREEN_BY_ID, SCREENS
from core.cli.terminal import safe
from core.rules.finding import fmt


def _p(p: float) -> float:
    return float(f"{p:.3g}")


def signals_json(report: SignalReport) -> dict[str, Any]:
    """The `signals` block of the JSON document: how the screens were decided, every test,
    what did not run and why, and the descriptive digit tables."""
    tree = report.election.units
    return {
        "rule": "benjamini_hochberg",
        "q": report.q,
        "caveat": CAVEAT,
        "screens": [
            {
                "rule": s.id,
                "title": s.title,
                "sentence": s.sentence,
                "paper": s.paper,
                "needs": s.needs,
                "decides": s.decides,
            }
            for s in SCREENS
        ],
        "tests": [
            {
                "rule": t.screen,
                "unit": tree.ids[t.unit],
                "unit_name": tree.names[t.unit],
                "field": t.field,
                "stations": t.stations,
                "observed": round(t.observed, 4),
                "expected": round(t.expected, 4),
                "p": _p(t.p_value),
                "p_adjusted": _p(adj),
                "signal": hit,
                **(
                    {"ci95": [round(t.low, 4), round(t.high, 4)]}
                    if t.low is not None and t.high is not None
                    else {}
                ),
                "message": t.text,
            }
            for t, adj, hit in zip(report.tests, report.adjusted, report.signalled, strict=True)
        ],
        "not_run": [
            {
                "rule": n.screen,
                "unit": tree.ids[n.unit],
                "unit_name": tree.names[n.unit],
                "has": n.has,
                "needs": n.needs,
                "message": n.text,
            }
            for n in report.not_run
        ],
        "digits": [
            {
                "unit": tree.ids[d.unit],
                "stations": d.stations,
                **{
                    table.kind: {
                        "counts": table.counts.tolist(),
                        "expected_share": [round(float(x), 5) for x in table.expected_share],
                        "chi2": round(table.chi2, 3),
                        "p": _p(table.p_value),
                    }
                    for table in (d.last, d.second)
                },
            }
            for d in report.digit_tables
        ],
    }


def write_signals_text(report: SignalReport, out: TextIO) -> None:
    """The screens for a person: what was signalled, then what did not run, then the
    descriptive tables; each screen with its sentence and its paper."""
    tree = report.election.units
    hits = sum(report.signalled)
    if not report.tests:
        out.write(
            f"\nStatistical screens: none could run. They need station-level figures, and "
            f"this election has {len(report.stations):,} stations. {CAVEAT}\n"
        )
    else:
        out.write(
            f"\nStatistical screens: {report.count} signals ({hits} of {len(report.tests)} "
            f"tests signalled by Benjamini-Hochberg at q = {report.q:g}, across every screen "
            f"and region). {CAVEAT}\n"
        )
    for screen in SCREENS:
        found = [f for f in report.findings if f.rule == screen.id]
        if not found:
            continue
        out.write(f"\n{screen.id} (signal, {len(found)}): {screen.title}. {screen.sentence}\n")
        out.write(f"  Source: {screen.paper}.\n")
        for f in found:
            out.write(
                f"  {safe(tree.names[f.unit])} [{safe(tree.ids[f.unit])}, {f.source}] {f.field}: "
                f"reported {fmt(f.actual)}, chance gives "
                f"{'no figure' if f.expected is None else fmt(f.expected)}\n"
                f"    {safe(f.message)}\n"
            )
    quiet = [t for t, hit in zip(report.tests, report.signalled, strict=True) if not hit]
    if quiet:
        out.write(f"\nNot signalled ({len(quiet)} tests):\n")
        for t in quiet:
            name, uid = safe(tree.names[t.unit]), safe(tree.ids[t.unit])
            out.write(f"  {t.screen} on {name} [{uid}]: {safe(t.text)}\n")
    if report.not_run:
        out.write("\nNot run:\n")
        for n in report.not_run:
            title = SCREEN_BY_ID[n.screen].title
            out.write(
                f"  {n.screen} ({title}) on {tree.names[n.unit]} [{tree.ids[n.unit]}]: {n.text}\n"
            )
    if report.digit_tables:
        out.write("\nDescribed, never flagged (digit tests are 'essentially a coin toss'):\n")
        for d in report.digit_tables:
            for table in (d.last, d.second):
                out.write(
                    f"  {table.kind} digits on {tree.names[d.unit]}: {table.total:,} counts, "
                    f"chi-square {table.chi2:.1f} (9 df), p = {table.p_value:.2g}, mean digit "
                    f"{table.mean:.2f}\n"
                )


def add_signals(doc: dict[str, Any], report: SignalReport, signal_doc: dict[str, Any]) -> None:
    """Extend the audit's JSON document: the signal findings after the audit's own (in the
    form `signal_doc`, the audit's JSON of just those findings, gives them), their count in
    the summary, and the `signals` block."""
    doc["summary"]["signal"] = report.count
    doc["findings"].extend(signal_doc["findings"])
    doc["signals"] = signals_json(report)
