"""Protocol templates: the lines of a country's station protocol, in the order people type them.

A template names the lines; the election's contestants add their votes after them. Lines that
are not fields of the contract (the Russian protocol's sub-lines) are extra count columns:
kept, shown and typed like the others, and ignored by the rules (CONTRACT §1).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model.election import PROTOCOL_FIELDS


@dataclass(frozen=True)
class Template:
    """One protocol's lines (before the votes) and its name for people."""

    id: str
    title: str
    lines: tuple[str, ...]

    def fields(self, codes: list[str]) -> list[str]:
        return [*self.lines, *(f"votes:{c}" for c in codes)]


KZ_PEC = Template(
    "kz-pec",
    "Kazakhstan, precinct commission",
    # Mazhilis, party lists. No valid line: protocol.votes_cast_balance checks these tables.
    (
        "registered",
        "ballots_received",
        "ballots_issued",
        "ballots_unused",  # cancelled, unused and spoiled, on one line
        "ballots_cast",
        "invalid",
    ),
)
RU_UIK = Template(
    "ru-uik",
    "Russia, UIK (20-FZ)",
    (
        "registered",
        "ballots_received",
        "ballots_issued",
        "ballots_issued_early",
        "ballots_issued_premises",
        "ballots_issued_outside",
        "ballots_unused",
        "ballots_cast",
        "ballots_in_portable_boxes",
        "ballots_in_stationary_boxes",
        "invalid",
        "valid",
        "ballots_lost",
        "ballots_unaccounted",
    ),
)
GENERIC = Template("generic", "Generic (the contract's fields)", PROTOCOL_FIELDS)
TEMPLATES: dict[str, Template] = {t.id: t for t in (KZ_PEC, RU_UIK, GENERIC)}
# Lines of a template that are not fields of the contract: extra count columns.
EXTRA_LINES: frozenset[str] = frozenset(
    line for t in TEMPLATES.values() for line in t.lines if line not in PROTOCOL_FIELDS
)
