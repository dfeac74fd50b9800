"""The Seats sheet: the root's seat allocation worked out in live formulas, step by step."""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from core.export.checks.builder import ChecksBuilder
from core.export.checks.layout import ROW
from core.export.page import print_setup
from core.rules.catalogue import RULE_BY_ID
from core.rules.finding import Finding
from core.seats.allocation import allocate

# Column letter and header of each step; the method-specific steps (I to L) differ.
COLUMNS = {
    "code": "code",
    "name": "contestant",
    "reg": "registration order",
    "votes": "votes",
    "share": "share of base %",
    "pass": "passes threshold",
    "ru": "runner-up admitted",
    "q": "qualified",
    "quot": "",
    "whole": "",
    "rem": "",
    "rank": "",
    "pre": "seats before runner-up rule",
    "seats": "seats computed",
    "pub": "seats published",
    "delta": "Δ seats",
}
LETTER = {key: chr(ord("A") + i) for i, key in enumerate(COLUMNS)}
HARE_HEADS = {
    "quot": "quotient (votes / quota)",
    "whole": "whole seats",
    "rem": "remainder × seats",
    "rank": "rank of remainder",
}
DIVISOR_HEADS = {
    "whole": "quotients above the last seat's",
    "rem": "quotients equal to it",
}
Cell = tuple[str, str, Any, str]  # column key, formula, cached value, format


class SeatsSheet:
    """Writes one block per source whose root row the seat rule checks; remembers Δ cells."""

    def __init__(self, checks: ChecksBuilder) -> None:
        self.checks = checks
        self.delta: dict[tuple[str, str], str] = {}  # (source, seats:CODE) -> A1 address

    def cell_of(self, f: Finding) -> tuple[str, str] | None:
        cell = self.delta.get((f.source, f.field))
        return None if cell is None else ("Seats", cell)

    def write(self, book: xlsxwriter.Workbook, formats: dict[str, Any]) -> None:
        e = self.checks.e
        rules = e.info.seats
        if rules is None:
            return
        ws = book.add_worksheet("Seats")
        root = e.units.root
        top = self.checks.sheets[0]
        r = 0
        for src in self.checks.sources:
            row = top.row_of.get((root, src))
            figs = e.sources[src]
            codes = e.info.codes
            seats = [figs.value(f"seats:{c}", root) for c in codes]
            votes = [figs.value(f"votes:{c}", root) for c in codes]
            base_key = ("base", "valid") if rules.threshold_base == "valid" else None
            base_col = top.letter(base_key) if base_key and base_key in top.index else None
            base_col = base_col or top.letter(("rep", rules.threshold_base))
            base_vals, base_ok = self.checks.ctx.base(src, rules.threshold_base)
            if (
                row is None
                or all(s is None for s in seats)
                or all(v is None for v in votes)
                or not base_ok[root]
                or base_col is None
            ):
                continue
            r = self._block(ws, formats, src, r, row + 2, base_col, int(base_vals[root]))
        ws.set_column(0, 0, 8)
        ws.set_column(1, 1, 34)
        ws.set_column(2, len(COLUMNS) - 1, 13)
        print_setup(ws)

    def _block(
        self, ws: Any, fm: dict[str, Any], src: str, r: int, top_row: int, base_col: str, base: int
    ) -> int:
        e = self.checks.e
        rules = e.info.seats
        assert rules is not None
        top = self.checks.sheets[0]
        root = e.units.root
        figs = e.sources[src]
        cts = e.info.contestants
        n = len(cts)
        votes = [int(figs.value(f"votes:{c.code}", root) or 0) for c in cts]
        alloc = allocate(votes, [c.registration_order for c in cts], rules, base)
        hare = rules.method == "largest_remainder_hare"
        ws.write_string(r, 0, f"{src}: {rules.method}", fm["title"])
        params = [
            ("seats to fill", rules.total, None),
            ("threshold %", float(rules.threshold_pct), None),
            (
                f"threshold base ({rules.threshold_base})",
                base,
                f"='{top.name}'!{base_col}{top_row}",
            ),
            ("runner-up minimum seats", rules.min_seats_runner_up, None),
        ]
        for i, (label, value, formula) in enumerate(params, start=r + 1):
            ws.write_string(i, 0, label)
            if formula is not None:
                ws.write_formula(i, 3, formula, fm["count"], value)
            elif value is not None:
                ws.write_number(i, 3, value, fm["count"])
        cell = [f"$D${r + 2 + i}" for i in range(4)]
        h = r + 6
        heads = {**COLUMNS, **(HARE_HEADS if hare else DIVISOR_HEADS)}
        for c, key in enumerate(COLUMNS):
            ws.write_string(h, c, heads[key], fm["header"])
        first = h + 2
        sums = h + 2 + n  # 0-based row of the first summary line
        g = _Grid(first, n, cell, [f"$D${sums + 1 + i}" for i in range(4)])
        raw = [
            (base > 0 or rules.threshold_pct == 0) and v * 100 >= rules.threshold_pct * base
            for v in votes
        ]
        runner = [int(q and not x) for q, x in zip(alloc.qualified, raw, strict=True)]
        pool_v = sum(v for v, q in zip(votes, alloc.qualified, strict=True) if q)
        steps = (
            _Hare(g, rules.total, votes, alloc.qualified, pool_v, cts)
            if hare
            else _Divisor(
                g, rules.total, votes, alloc.qualified, pool_v, cts, rules.method, sums + 5
            )
        )
        pre = steps.pre
        moved_v = 0
        if any(runner):
            first_i, ru_i = raw.index(True), runner.index(1)
            target = min(rules.min_seats_runner_up or 0, pre[first_i] + pre[ru_i])
            moved_v = max(0, target - pre[ru_i])
        seats = [p + (ru - int(q)) * moved_v for p, ru, q in zip(pre, runner, raw, strict=True)]
        template = RULE_BY_ID["seats.allocation"].sheet_formula
        for i, ct in enumerate(cts):
            x = first + i
            rs = str(x)
            vref = top.letter(("rep", f"votes:{ct.code}"))
            ws.write_string(x - 1, 0, ct.code)
            ws.write_string(x - 1, 1, ct.name)
            ws.write_number(x - 1, 2, ct.registration_order)
            if vref is not None:
                ws.write_formula(
                    x - 1, 3, f"=N('{top.name}'!{vref}{top_row})", fm["count"], votes[i]
                )
            else:
                ws.write_number(x - 1, 3, 0, fm["count"])
            bse, thr, mins = cell[2], cell[1], cell[3]
            passes = g.rng("pass")
            cells: list[Cell] = [
                (
                    "share",
                    f'=IF({bse}>0,100*D{rs}/{bse},"")',
                    100 * votes[i] / base if base > 0 else "",
                    "pct",
                ),
                (
                    "pass",
                    f"=IF(OR({bse}>0,{thr}=0),IF(D{rs}*100>={thr}*{bse},1,0),0)",
                    int(raw[i]),
                    "count",
                ),
                # The runner-up: not past the threshold, most votes, then lowest registration.
                (
                    "ru",
                    f"=IF(AND(ISNUMBER({mins}),SUM({passes})=1,F{rs}=0,"
                    f"SUMPRODUCT(({passes}=0)*({g.rng('votes')}>D{rs}))"
                    f"+SUMPRODUCT(({passes}=0)*({g.rng('votes')}=D{rs})*({g.rng('reg')}<C{rs}))=0),"
                    "1,0)",
                    runner[i],
                    "count",
                ),
                ("q", f"=F{rs}+G{rs}", int(alloc.qualified[i]), "count"),
                *steps.cells(i),
                ("seats", f"=M{rs}+(G{rs}-F{rs})*{g.sums[2]}", seats[i], "count"),
            ]
            for key, formula, value, kind in cells:
                ws.write_formula(x - 1, ord(LETTER[key]) - 65, formula, fm[kind], value)
            published = figs.value(f"seats:{ct.code}", root)
            if published is not None:
                ws.write_number(x - 1, 14, published, fm["count"])
            formula = template.replace("{seats}", f"O{ROW}").replace("{allocated}", f"N{ROW}")
            ws.write_formula(
                x - 1,
                15,
                "=" + formula.replace(ROW, rs),
                fm["delta"],
                int(published or 0) - seats[i],
            )
            self.delta[(src, f"seats:{ct.code}")] = f"P{x}"
        summary = [
            (
                "pool: votes of the qualified",
                f"=SUMPRODUCT({g.rng('q')},{g.rng('votes')})",
                pool_v,
                "count",
            ),
            *steps.summary(),
            (
                "seats moved to the runner-up",
                f"=IF(SUM({g.rng('ru')})=1,MAX(0,MIN({cell[3]},SUMPRODUCT({g.rng('pass')},"
                f"{g.rng('pre')})+SUMPRODUCT({g.rng('ru')},{g.rng('pre')}))"
                f"-SUMPRODUCT({g.rng('ru')},{g.rng('pre')})),0)",
                moved_v,
                "count",
            ),
            steps.last_line(),
        ]
        for i, (label, formula, value, kind) in enumerate(summary, start=sums):
            ws.write_string(i, 0, label)
            ws.write_formula(i, 3, formula, fm[kind], value)
        end = steps.write_table(ws, fm)
        ws.conditional_format(
            first - 1,
            15,
            first + n - 2,
            15,
            {
                "type": "formula",
                "criteria": f"=AND(ISNUMBER($P{first}),$P{first}<>0)",
                "format": fm["bad"],
            },
        )
        return max(end, sums + 4) + 2


class _Grid:
    """Where a block's cells are: contestant rows, parameter cells, summary cells."""

    def __init__(self, first: int, n: int, params: list[str], sums: list[str]) -> None:
        self.first, self.n = first, n
        self.total, self.params, self.sums = params[0], params, sums

    def rng(self, key: str) -> str:
        c = LETTER[key]
        return f"${c}${self.first}:${c}${self.first + self.n - 1}"


class _Hare:
    """Largest remainder (Hare): whole quotas, then the largest remainders, exact integers."""

    def __init__(
        self, g: _Grid, total: int, votes: list[int], qual: tuple[bool, ...], pool: int, cts: Any
    ) -> None:
        self.g = g
        self.total, self.pool = total, pool
        n = len(votes)
        self.quot: list[Any] = [
            votes[i] * total / pool if qual[i] and pool > 0 and total > 0 else "" for i in range(n)
        ]
        self.whole = [
            votes[i] * total // pool if qual[i] and pool > 0 and total > 0 else 0 for i in range(n)
        ]
        # Remainders scaled by the seat total, so that ranking them compares integers.
        self.rems = [votes[i] * total - self.whole[i] * pool if qual[i] else 0 for i in range(n)]
        self.left = total - sum(w for w, q in zip(self.whole, qual, strict=True) if q)
        reg = [c.registration_order for c in cts]
        self.rank: list[Any] = [
            1
            + sum(
                1 for j in range(n) if qual[j] and (self.rems[j], -reg[j]) > (self.rems[i], -reg[i])
            )
            if qual[i]
            else ""
            for i in range(n)
        ]
        self.pre = [
            self.whole[i] + (1 if self.rank[i] != "" and self.rank[i] <= self.left else 0)
            if qual[i]
            else 0
            for i in range(n)
        ]

    def cells(self, i: int) -> list[Cell]:
        g, rs = self.g, str(self.g.first + i)
        t, pool, left = g.total, g.sums[0], g.sums[1]
        q = g.rng("q")
        return [
            ("quot", f'=IF(AND(H{rs}=1,{pool}>0,{t}>0),D{rs}*{t}/{pool},"")', self.quot[i], "quot"),
            (
                "whole",
                f"=IF(AND(H{rs}=1,{pool}>0,{t}>0),INT(D{rs}*{t}/{pool}),0)",
                self.whole[i],
                "count",
            ),
            ("rem", f"=IF(H{rs}=1,D{rs}*{t}-J{rs}*{pool},0)", self.rems[i], "count"),
            (
                "rank",
                f"=IF(H{rs}=1,1+SUMPRODUCT(({q}=1)*({g.rng('rem')}>K{rs}))"
                f'+SUMPRODUCT(({q}=1)*({g.rng("rem")}=K{rs})*({g.rng("reg")}<C{rs})),"")',
                self.rank[i],
                "count",
            ),
            ("pre", f"=IF(H{rs}=1,J{rs}+IF(L{rs}<={left},1,0),0)", self.pre[i], "count"),
        ]

    def summary(self) -> list[Cell]:
        g = self.g
        return [
            (
                "seats left after whole quotas",
                f"={g.total}-SUMPRODUCT({g.rng('q')},{g.rng('whole')})",
                self.left,
                "count",
            )
        ]

    def last_line(self) -> Cell:
        pool = self.g.sums[0]
        quota = self.pool / self.total if self.pool > 0 and self.total > 0 else ""
        return ("quota (pool / seats)", f'=IF({pool}>0,{pool}/{self.g.total},"")', quota, "quot")

    def write_table(self, ws: Any, fm: dict[str, Any]) -> int:
        return 0


class _Divisor:
    """D'Hondt or Sainte-Laguë: a table of quotients; the seats go to the largest ones."""

    def __init__(
        self,
        g: _Grid,
        total: int,
        votes: list[int],
        qual: tuple[bool, ...],
        pool: int,
        cts: Any,
        method: str,
        table_row: int,
    ) -> None:
        self.g, self.total, self.pool, self.row = g, total, pool, table_row
        self.codes = [c.code for c in cts]
        step = 1 if method == "dhondt" else 2
        self.divisors = [1 + step * k for k in range(max(total, 1))]
        n = len(votes)
        self.q = [[votes[i] / d if qual[i] else 0.0 for d in self.divisors] for i in range(n)]
        ranked = sorted((x for row in self.q for x in row), reverse=True)
        self.star = ranked[total - 1] if pool > 0 and total > 0 else 0.0
        s = self.star
        self.above = [
            sum(1 for x in row if x > s) if qual[i] and s > 0 else 0 for i, row in enumerate(self.q)
        ]
        self.tied = [
            sum(1 for x in row if x == s) if qual[i] and s > 0 else 0
            for i, row in enumerate(self.q)
        ]
        self.left = total - sum(self.above)
        reg = [c.registration_order for c in cts]
        self.pre = [
            self.above[i]
            + min(
                self.tied[i],
                max(0, self.left - sum(self.tied[j] for j in range(n) if reg[j] < reg[i])),
            )
            if qual[i]
            else 0
            for i in range(n)
        ]

    def _row_range(self, i: int) -> str:
        x = self.row + 2 + i
        return f"$B${x}:${_col(len(self.divisors))}${x}"

    def cells(self, i: int) -> list[Cell]:
        g, rs = self.g, str(self.g.first + i)
        star, left = g.sums[3], g.sums[1]
        row = self._row_range(i)
        return [
            (
                "whole",
                f"=IF(AND(H{rs}=1,{star}>0),SUMPRODUCT(({row}>{star})*1),0)",
                self.above[i],
                "count",
            ),
            (
                "rem",
                f"=IF(AND(H{rs}=1,{star}>0),SUMPRODUCT(({row}={star})*1),0)",
                self.tied[i],
                "count",
            ),
            # Quotients equal to the last seat's go in registration order.
            (
                "pre",
                f"=IF(H{rs}=1,J{rs}+MIN(K{rs},MAX(0,{left}-SUMPRODUCT(({g.rng('reg')}<C{rs})"
                f"*{g.rng('rem')}))),0)",
                self.pre[i],
                "count",
            ),
        ]

    def summary(self) -> list[Cell]:
        g = self.g
        return [
            (
                "seats left for quotients equal to the last seat's",
                f"={g.total}-SUM({g.rng('whole')})",
                self.left,
                "count",
            )
        ]

    def last_line(self) -> Cell:
        g = self.g
        last = self.row + 1 + g.n
        table = f"$B${self.row + 2}:${_col(len(self.divisors))}${last}"
        return (
            "quotient of the last seat",
            f"=IF(AND({g.sums[0]}>0,{g.total}>0),LARGE({table},{g.total}),0)",
            self.star,
            "quot",
        )

    def write_table(self, ws: Any, fm: dict[str, Any]) -> int:
        ws.write_string(self.row, 0, "divisor", fm["header"])
        for k, d in enumerate(self.divisors, start=1):
            ws.write_number(self.row, k, d, fm["header"])
        for i in range(self.g.n):
            x, y = self.row + 1 + i, self.g.first + i
            ws.write_string(x, 0, self.codes[i])
            for k, value in enumerate(self.q[i], start=1):
                formula = f"=IF($H${y}=1,$D${y}/{_col(k)}${self.row + 1},0)"
                ws.write_formula(x, k, formula, fm["quot"], value)
        return self.row + self.g.n


def _col(c: int) -> str:
    return str(xl_col_to_name(c))
