"""The rule catalogue (CONTRACT §2): every rule, in report order, each declared once."""

from __future__ import annotations

from core.rules import compare, percentages, protocol, seats_check, sums
from core.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    protocol.VALID_SUM,
    protocol.CAST_BALANCE,
    protocol.BALLOT_ACCOUNT,
    protocol.CAST_EXCEEDS_ISSUED,
    protocol.CAST_EXCEEDS_REGISTERED,
    sums.SUM_CHILDREN,
    sums.SUM_INCOMPLETE,
    percentages.PCT_RECOMPUTED,
    seats_check.SEATS_ALLOCATION,
    compare.COMPARE_SOURCES,
    protocol.VOTES_CAST_BALANCE,
)
RULE_BY_ID = {r.id: r for r in RULES}
RULE_ORDER = {r.id: i for i, r in enumerate(RULES)}
