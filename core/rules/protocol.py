"""Protocol rules: each station's own figures balance (valid, cast, the ballot account)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from core.model.election import IntArray
from core.rules.context import AuditContext
from core.rules.finding import ERROR, Finding, fmt
from core.rules.rule import Evaluator, Rule, columns, reporting


def _valid_sum(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    figs = ctx.figs(src)
    codes = ctx.info.codes
    cols = columns(figs, "valid", *(f"votes:{c}" for c in codes))
    if cols is None or not codes:
        return
    u = reporting(units, cols)
    total = np.zeros(u.size, dtype=np.int64)
    for c in cols[1:]:
        total += c.values[u]
    valid = cols[0].values[u]
    for i in np.flatnonzero(total != valid):
        s, v = int(total[i]), int(valid[i])
        msg = f"the votes add up to {fmt(s)} but valid ballots are {fmt(v)}"
        yield VALID_SUM.finding(ctx, int(u[i]), src, "valid", s, v, msg)


def _cast_balance(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    cols = columns(ctx.figs(src), "valid", "invalid", "ballots_cast")
    if cols is None:
        return
    u = reporting(units, cols)
    valid, invalid, cast = (c.values[u] for c in cols)
    for i in np.flatnonzero(valid + invalid != cast):
        s = int(valid[i] + invalid[i])
        msg = (
            f"valid {fmt(int(valid[i]))} + invalid {fmt(int(invalid[i]))} = {fmt(s)}, "
            f"but ballots cast are {fmt(int(cast[i]))}"
        )
        yield CAST_BALANCE.finding(ctx, int(u[i]), src, "ballots_cast", s, int(cast[i]), msg)


def _ballot_account(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
    figs = ctx.figs(src)
    cols = columns(figs, "ballots_received", "ballots_issued", "ballots_unused")
    if cols is None:
        return
    u = reporting(units, cols)
    received, issued, unused = (c.values[u] for c in cols)
    expected = issued + unused
    for name, sign in (("ballots_spoiled", 1), ("ballots_lost", 1), ("ballots_unaccounted", -1)):
        col = figs.columns.get(name)
        if col is not None:
            expected = expected + sign * np.where(col.reported[u], col.values[u], 0)
    for i in np.flatnonzero(expected != received):
        e, a = int(expected[i]), int(received[i])
        msg = (
            f"ballots received are {fmt(a)}, but issued + unused + spoiled + lost − unaccounted "
            f"= {fmt(e)}"
        )
        yield BALLOT_ACCOUNT.finding(ctx, int(u[i]), src, "ballots_received", e, a, msg)


def _exceeds(rule: str, limit: str, words: str) -> Evaluator:
    def evaluate(ctx: AuditContext, src: str, units: IntArray) -> Iterator[Finding]:
        cols = columns(ctx.figs(src), "ballots_cast", limit)
        if cols is None:
            return
        u = reporting(units, cols)
        cast, lim = cols[0].values[u], cols[1].values[u]
        for i in np.flatnonzero(cast > lim):
            c, m = int(cast[i]), int(lim[i])
            msg = f"{fmt(c)} ballots cast but only {fmt(m)} {words}"
            yield _EXCEEDS[rule].finding(ctx, int(u[i]), src, "ballots_cast", m, c, msg)

    return evaluate


VALID_SUM = Rule(
    "protocol.valid_sum",
    ERROR,
    "The votes for all contestants add up to the valid ballots.",
    "valid = Σ votes:*",
    _valid_sum,
    sheet_formula='IF(AND(ISNUMBER({valid}),COUNT({votes:*})={n:votes}),{valid}-SUM({votes:*}),"")',
)

CAST_BALANCE = Rule(
    "protocol.cast_balance",
    ERROR,
    "Valid and invalid ballots add up to the ballots cast.",
    "ballots_cast = valid + invalid",
    _cast_balance,
    sheet_formula="IF(COUNT({valid},{invalid},{ballots_cast})=3,"
    '{ballots_cast}-({valid}+{invalid}),"")',
)

BALLOT_ACCOUNT = Rule(
    "protocol.ballot_account",
    ERROR,
    "Every ballot received is accounted for: issued, unused, spoiled or lost.",
    "ballots_received = ballots_issued + ballots_unused + ballots_spoiled + ballots_lost"
    " − ballots_unaccounted",
    _ballot_account,
    sheet_formula="IF(COUNT({ballots_received},{ballots_issued},{ballots_unused})=3,"
    "{ballots_received}-(SUM({ballots_issued},{ballots_unused},{?ballots_spoiled},"
    '{?ballots_lost})-SUM({?ballots_unaccounted})),"")',
)

CAST_EXCEEDS_ISSUED = Rule(
    "protocol.cast_exceeds_issued",
    ERROR,
    "No more ballots are found in the boxes than were issued.",
    "ballots_cast ≤ ballots_issued",
    _exceeds("protocol.cast_exceeds_issued", "ballots_issued", "issued"),
    sheet_formula="IF(COUNT({ballots_cast},{ballots_issued})=2,"
    'MAX(0,{ballots_cast}-{ballots_issued}),"")',
)

CAST_EXCEEDS_REGISTERED = Rule(
    "protocol.cast_exceeds_registered",
    ERROR,
    "No more ballots are cast than there are voters on the list.",
    "ballots_cast ≤ registered",
    _exceeds("protocol.cast_exceeds_registered", "registered", "voters registered"),
    sheet_formula='IF(COUNT({ballots_cast},{registered})=2,MAX(0,{ballots_cast}-{registered}),"")',
)
_EXCEEDS = {r.id: r for r in (CAST_EXCEEDS_ISSUED, CAST_EXCEEDS_REGISTERED)}
