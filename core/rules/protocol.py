"""Protocol rules: each row's own figures balance (valid, cast, votes, the ballot account).

Each rule is one `balance` over rows: which rows it can check, the figure reported there and
the figure the other lines give. The audit fires where they disagree; the workbook's Checks
sheet caches the same difference beside its live formula, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from core.model.election import BoolArray, ElectionInfo, IntArray
from core.rules.context import AuditContext
from core.rules.finding import ERROR, Finding, fmt
from core.rules.rule import Rule

# A field's values and "reported" flags over some rows (one source's units, or a sheet's rows).
Figures = Callable[[str], tuple[IntArray, BoolArray]]


@dataclass(frozen=True)
class Balance:
    """One protocol identity over rows: where it can be checked and both of its sides."""

    field: str  # the line a finding is about (CONTRACT §2, column "field")
    checked: BoolArray
    actual: IntArray  # the figure reported on that line
    expected: IntArray  # what the other lines give
    at_most: bool = False  # `actual ≤ expected` rather than `actual = expected`

    def fires(self) -> BoolArray:
        wrong = self.actual > self.expected if self.at_most else self.actual != self.expected
        out: BoolArray = self.checked & wrong
        return out

    def difference(self) -> IntArray:
        """The Checks sheet's Δ: reported minus expected (only the excess for `at_most`)."""
        d = self.actual - self.expected
        out: IntArray = np.maximum(0, d) if self.at_most else d
        return out


def source_figures(ctx: AuditContext, src: str, units: IntArray) -> Figures:
    """The figures of one source over the given units; a missing column is not reported."""
    figs = ctx.figs(src)
    seen: dict[str, tuple[IntArray, BoolArray]] = {}  # a message asks again for a term

    def get(name: str) -> tuple[IntArray, BoolArray]:
        got = seen.get(name)
        if got is None:
            col = figs.columns.get(name)
            if col is None:
                got = np.zeros(units.size, np.int64), np.zeros(units.size, bool)
            else:
                got = col.values[units], col.reported[units]
            seen[name] = got
        return got

    return get


def _valid_sum(get: Figures, info: ElectionInfo) -> Balance:
    valid, ok = get("valid")
    total = np.zeros(valid.size, np.int64)
    for code in info.codes:
        v, r = get(f"votes:{code}")
        total += v
        ok = ok & r
    return Balance("valid", ok & bool(info.codes), valid, total)


def _cast_balance(get: Figures, info: ElectionInfo) -> Balance:
    (valid, a), (invalid, b), (cast, c) = get("valid"), get("invalid"), get("ballots_cast")
    return Balance("ballots_cast", a & b & c, cast, valid + invalid)


def _votes_cast_balance(get: Figures, info: ElectionInfo) -> Balance:
    """The station tables that publish no valid line: the votes and the invalid ballots
    together must make the ballots cast."""
    (_, v), (invalid, a), (cast, c) = get("valid"), get("invalid"), get("ballots_cast")
    total = np.zeros(cast.size, np.int64)
    ok = a & c & ~v
    for code in info.codes:
        votes, r = get(f"votes:{code}")
        total += votes
        ok = ok & r
    return Balance("ballots_cast", ok & bool(info.codes), cast, total + invalid)


def _ballot_account(get: Figures, info: ElectionInfo) -> Balance:
    (received, a), (issued, b), (unused, c) = (
        get("ballots_received"),
        get("ballots_issued"),
        get("ballots_unused"),
    )
    expected = issued + unused
    for name, sign in (("ballots_spoiled", 1), ("ballots_lost", 1), ("ballots_unaccounted", -1)):
        v, r = get(name)
        expected = expected + sign * np.where(r, v, 0)
    return Balance("ballots_received", a & b & c, received, expected)


def _at_most(limit: str) -> Callable[[Figures, ElectionInfo], Balance]:
    def balance(get: Figures, info: ElectionInfo) -> Balance:
        (cast, a), (lim, b) = get("ballots_cast"), get(limit)
        return Balance("ballots_cast", a & b, cast, lim, at_most=True)

    return balance


BALANCES: dict[str, Callable[[Figures, ElectionInfo], Balance]] = {
    "protocol.valid_sum": _valid_sum,
    "protocol.cast_balance": _cast_balance,
    "protocol.ballot_account": _ballot_account,
    "protocol.cast_exceeds_issued": _at_most("ballots_issued"),
    "protocol.cast_exceeds_registered": _at_most("registered"),
    "protocol.votes_cast_balance": _votes_cast_balance,
}


def _message(rule: str, get: Figures, i: int, b: Balance) -> str:
    a, e = int(b.actual[i]), int(b.expected[i])
    if rule == "protocol.valid_sum":
        return f"the votes add up to {fmt(e)} but valid ballots are {fmt(a)}"
    if rule == "protocol.cast_balance":
        valid, invalid = int(get("valid")[0][i]), int(get("invalid")[0][i])
        return (
            f"valid {fmt(valid)} + invalid {fmt(invalid)} = {fmt(e)}, but ballots cast are {fmt(a)}"
        )
    if rule == "protocol.votes_cast_balance":
        invalid = int(get("invalid")[0][i])
        return (
            f"the votes {fmt(e - invalid)} + invalid {fmt(invalid)} = {fmt(e)}, "
            f"but ballots cast are {fmt(a)} (no valid line reported)"
        )
    if rule == "protocol.ballot_account":
        return (
            f"ballots received are {fmt(a)}, but issued + unused + spoiled + lost − unaccounted "
            f"= {fmt(e)}"
        )
    words = "issued" if rule == "protocol.cast_exceeds_issued" else "voters registered"
    return f"{fmt(a)} ballots cast but only {fmt(e)} {words}"


def _evaluate(rule_id: str) -> Callable[[AuditContext, str, IntArray], Iterator[Finding]]:
    def evaluate(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
        get = source_figures(ctx, src, units)
        b = BALANCES[rule_id](get, ctx.info)
        rule = PROTOCOL_RULES[rule_id]
        for i in np.flatnonzero(b.fires()).tolist():
            a, e = int(b.actual[i]), int(b.expected[i])
            msg = _message(rule_id, get, i, b)
            yield rule.finding(ctx, int(units[i]), src, b.field, e, a, msg)

    return evaluate


VALID_SUM = Rule(
    "protocol.valid_sum",
    ERROR,
    "The votes for all contestants add up to the valid ballots.",
    "valid = Σ votes:*",
    _evaluate("protocol.valid_sum"),
    sheet_formula='IF(AND(ISNUMBER({valid}),COUNT({votes:*})={n:votes}),{valid}-SUM({votes:*}),"")',
)

CAST_BALANCE = Rule(
    "protocol.cast_balance",
    ERROR,
    "Valid and invalid ballots add up to the ballots cast.",
    "ballots_cast = valid + invalid",
    _evaluate("protocol.cast_balance"),
    sheet_formula="IF(COUNT({valid},{invalid},{ballots_cast})=3,"
    '{ballots_cast}-({valid}+{invalid}),"")',
)

BALLOT_ACCOUNT = Rule(
    "protocol.ballot_account",
    ERROR,
    "Every ballot received is accounted for: issued, unused, spoiled or lost.",
    "ballots_received = ballots_issued + ballots_unused + ballots_spoiled + ballots_lost"
    " − ballots_unaccounted",
    _evaluate("protocol.ballot_account"),
    sheet_formula="IF(COUNT({ballots_received},{ballots_issued},{ballots_unused})=3,"
    "{ballots_received}-(SUM({ballots_issued},{ballots_unused},{?ballots_spoiled},"
    '{?ballots_lost})-SUM({?ballots_unaccounted})),"")',
)

CAST_EXCEEDS_ISSUED = Rule(
    "protocol.cast_exceeds_issued",
    ERROR,
    "No more ballots are found in the boxes than were issued.",
    "ballots_cast ≤ ballots_issued",
    _evaluate("protocol.cast_exceeds_issued"),
    sheet_formula="IF(COUNT({ballots_cast},{ballots_issued})=2,"
    'MAX(0,{ballots_cast}-{ballots_issued}),"")',
)

CAST_EXCEEDS_REGISTERED = Rule(
    "protocol.cast_exceeds_registered",
    ERROR,
    "No more ballots are cast than there are voters on the list.",
    "ballots_cast ≤ registered",
    _evaluate("protocol.cast_exceeds_registered"),
    sheet_formula='IF(COUNT({ballots_cast},{registered})=2,MAX(0,{ballots_cast}-{registered}),"")',
)

VOTES_CAST_BALANCE = Rule(
    "protocol.votes_cast_balance",
    ERROR,
    "Where no valid line is reported, the votes and the invalid ballots add up to the "
    "ballots cast.",
    "ballots_cast = Σ votes:* + invalid (valid not reported)",
    _evaluate("protocol.votes_cast_balance"),
    sheet_formula="IF(AND(NOT(ISNUMBER({~valid})),COUNT({votes:*})={n:votes},"
    'COUNT({invalid},{ballots_cast})=2),{ballots_cast}-(SUM({votes:*})+{invalid}),"")',
)

PROTOCOL_RULES = {
    r.id: r
    for r in (
        VALID_SUM,
        CAST_BALANCE,
        BALLOT_ACCOUNT,
        CAST_EXCEEDS_ISSUED,
        CAST_EXCEEDS_REGISTERED,
        VOTES_CAST_BALANCE,
    )
}
