"""The Checks sheets: each level's reported figures beside live formulas that re-run the rules."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from core.export.checks_sheet import write_checks_sheet
from core.export.layout import (
    NOT_COVERED,
    PROTOCOL_RULES,
    ROW,
    Cached,
    Col,
    DepthSheet,
    blanks,
    cells,
    fill,
    sheet_ref,
)
from core.model.election import SOURCES, SPECIAL_PCTS, Election
from core.rules.catalogue import RULE_BY_ID
from core.rules.context import AuditContext
from core.rules.finding import Finding

_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\']")


def _sheet_names(depth_levels: list[str]) -> list[str]:
    out: list[str] = []
    taken: set[str] = set()  # spreadsheets compare sheet names without regard to case
    for d, level in enumerate(depth_levels):
        name = _SHEET_UNSAFE.sub("", f"Checks {level}")[:31].strip() or f"Checks {d}"
        n = 1
        while name.casefold() in taken:
            name = f"Checks depth {d}" + (f" ({n})" if n > 1 else "")
            n += 1
        taken.add(name.casefold())
        out.append(name)
    return out


class ChecksBuilder:
    """Plans every Checks sheet from the election and the engine's caches, then writes them."""

    def __init__(self, election: Election, ctx: AuditContext) -> None:
        self.e = election
        self.ctx = ctx
        tree = election.units
        self.n_depths = int(tree.depth.max(initial=0)) + 1
        self.sources = [s for s in SOURCES if s in election.sources] + [
            s for s in election.sources if s not in SOURCES
        ]
        depth_levels = []
        for d in range(self.n_depths):
            lv = Counter(int(x) for x in tree.level[tree.depth == d]).most_common(1)
            idx = lv[0][0] if lv else -1
            depth_levels.append(election.info.levels[idx] if idx >= 0 else str(d))
        names = _sheet_names(depth_levels)
        self.sheets = [self._rows(d, names[d]) for d in range(self.n_depths)]
        self.count_fields = election.info.count_fields()
        self.pct_fields = election.info.pct_fields()
        self._reported = {
            (d, f): self._any_reported(self.sheets[d], f)
            for d in range(self.n_depths)
            for f in [*self.count_fields, *self.pct_fields]
        }
        self.top = {
            f: min((d for d in range(self.n_depths) if self._reported[d, f]), default=None)
            for f in self.count_fields
        }
        for d in range(self.n_depths - 1, -1, -1):
            self._plan(self.sheets[d])

    # --- rows and figures ----------------------------------------------------------------------

    def _rows(self, d: int, name: str) -> DepthSheet:
        tree = self.e.units
        at = tree.depth == d
        units: list[npt.NDArray[np.int64]] = []
        order: list[npt.NDArray[np.int64]] = []
        for i, s in enumerate(self.sources):
            u = np.flatnonzero(at & self.e.sources[s].present).astype(np.int64)
            units.append(u)
            order.append(np.full(u.size, i, dtype=np.int64))
        all_u = np.concatenate(units) if units else np.zeros(0, np.int64)
        all_s = np.concatenate(order) if order else np.zeros(0, np.int64)
        perm = np.lexsort((all_s, all_u))
        sheet = DepthSheet(d, name, all_u[perm], [self.sources[i] for i in all_s[perm].tolist()])
        sheet.row_of = {
            (u, s): r
            for r, (u, s) in enumerate(zip(sheet.units.tolist(), sheet.sources, strict=True))
        }
        sheet.masks = {s: all_s[perm] == i for i, s in enumerate(self.sources)}
        return sheet

    def figures(self, sheet: DepthSheet, name: str) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        """Values and 'reported' of one field over the sheet's rows (all sources)."""
        n = len(sheet.units)
        dtype = np.float64 if name.startswith("pct:") else np.int64
        vals = np.zeros(n, dtype=dtype)
        rep = np.zeros(n, dtype=bool)
        for s in self.sources:
            col = self.e.sources[s].columns.get(name)
            if col is None:
                continue
            sel = sheet.masks[s]
            u = sheet.units[sel]
            vals[sel] = col.values[u]
            rep[sel] = col.reported[u]
        return vals, rep

    def _any_reported(self, sheet: DepthSheet, name: str) -> bool:
        for s in self.sources:
            col = self.e.sources[s].columns.get(name)
            if col is not None and bool(col.reported[sheet.units].any()):
                return True
        return False

    # --- planning ------------------------------------------------------------------------------

    def _plan(self, sh: DepthSheet) -> None:
        tree = self.e.units
        d = sh.depth
        u = sh.units
        parents = tree.parent[u]
        sh.add(Col(("unit_id",), "unit_id", "text", values=[tree.ids[i] for i in u.tolist()]))
        sh.add(Col(("unit_name",), "unit_name", "text", values=[tree.names[i] for i in u]))
        sh.add(
            Col(
                ("parent_id",),
                "parent_id",
                "text",
                values=[tree.ids[p] if p >= 0 else None for p in parents.tolist()],
            )
        )
        sh.add(Col(("source",), "source", "text", values=list(sh.sources)))
        leaf = d == self.n_depths - 1
        kids = np.zeros(len(u), np.int64)
        if not leaf:
            child = self.sheets[d + 1]
            for s in self.sources:
                sel = sh.masks[s]
                cs = child.masks[s]
                counts = np.bincount(tree.parent[child.units[cs]], minlength=len(tree))
                kids[sel] = counts[u[sel]]
            sh.add(
                Col(
                    ("kids",),
                    "units below",
                    "count",
                    f"COUNTIFS({child.span(('parent_id',))},$A{ROW},"
                    f"{child.span(('source',))},$D{ROW})",
                    kids.tolist(),
                )
            )
        fig: dict[str, tuple[npt.NDArray[Any], npt.NDArray[Any]]] = {}
        for f in [*self.count_fields, *self.pct_fields]:
            if self._reported[d, f]:
                vals, rep = self.figures(sh, f)
                fig[f] = (vals, rep)
                sh.add(
                    Col(
                        ("rep", f),
                        f,
                        "pct" if f.startswith("pct:") else "count",
                        values=blanks(rep, vals),
                    )
                )
        self._plan_protocol(sh, fig)
        self._plan_pcts(sh, fig)
        if not leaf:
            self._plan_sums(sh, fig, kids)
        self._plan_compare(sh, fig)

    def _refs(self, sh: DepthSheet) -> dict[str, str]:
        refs = {k[1]: f"{xl_col_to_name(i)}{ROW}" for k, i in sh.index.items() if k[0] == "rep"}
        votes = [
            sh.index[("rep", f"votes:{c}")]
            for c in self.e.info.codes
            if ("rep", f"votes:{c}") in sh.index
        ]
        if votes:
            refs["votes:*"] = f"{xl_col_to_name(votes[0])}{ROW}:{xl_col_to_name(votes[-1])}{ROW}"
        refs["n:votes"] = str(len(self.e.info.codes))
        return refs

    def _plan_protocol(self, sh: DepthSheet, fig: dict[str, Any]) -> None:
        refs = self._refs(sh)
        codes = self.e.info.codes
        n = len(sh.units)

        def get(f: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
            got: tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]] | None = fig.get(f)
            return got if got is not None else (np.zeros(n, np.int64), np.zeros(n, bool))

        for rule in PROTOCOL_RULES:
            formula = fill(RULE_BY_ID[rule].sheet_formula, refs)
            if formula is None or (rule == "protocol.valid_sum" and not codes):
                continue
            if rule == "protocol.valid_sum":
                valid, ok = get("valid")
                total = np.zeros(n, np.int64)
                for c in codes:
                    v, r = get(f"votes:{c}")
                    total += v
                    ok = ok & r
                diff, target = valid - total, "valid"
            elif rule == "protocol.cast_balance":
                (valid, a), (inv, b), (cast, c_) = get("valid"), get("invalid"), get("ballots_cast")
                ok, diff, target = a & b & c_, cast - (valid + inv), "ballots_cast"
            elif rule == "protocol.ballot_account":
                (rec, a), (iss, b), (unu, c_) = (
                    get("ballots_received"),
                    get("ballots_issued"),
                    get("ballots_unused"),
                )
                exp = iss + unu
                for f, sign in (
                    ("ballots_spoiled", 1),
                    ("ballots_lost", 1),
                    ("ballots_unaccounted", -1),
                ):
                    v, r = get(f)
                    exp = exp + sign * np.where(r, v, 0)
                ok, diff, target = a & b & c_, rec - exp, "ballots_received"
            else:
                limit = "ballots_issued" if rule.endswith("issued") else "registered"
                (cast, a), (lim, b) = get("ballots_cast"), get(limit)
                ok, diff, target = a & b, np.maximum(0, cast - lim), "ballots_cast"
            label = rule.split(".", 1)[1]
            sh.add(
                Col(
                    ("check", rule),
                    f"Δ {label}",
                    "delta",
                    formula,
                    cells(ok, diff),
                    [sh.index[("rep", target)]],
                )
            )

    def _plan_pcts(self, sh: DepthSheet, fig: dict[str, Any]) -> None:
        info = self.e.info
        tol = 0.5 * 10.0 ** (-info.pct_decimals) + 1e-9
        codes = info.codes
        template = RULE_BY_ID["pct.recomputed"].sheet_formula
        base_cols: dict[str, tuple[str, npt.NDArray[Any], npt.NDArray[Any]]] = {}
        for p in self.pct_fields:
            if p not in fig:
                continue
            what = p[4:]
            numer = (
                {"turnout": "ballots_cast"}.get(what, what)
                if what in SPECIAL_PCTS
                else f"votes:{what}"
            )
            base = info.base_of(what)
            if numer not in fig:
                continue
            if base not in base_cols:
                got = self._base(sh, fig, base, codes)
                if got is None:
                    continue
                base_cols[base] = got
            bref, bvals, bok = base_cols[base]
            refs = {
                "pct": f"{sh.letter(('rep', p))}{ROW}",
                "numerator": f"{sh.letter(('rep', numer))}{ROW}",
                "base": bref,
                "tol": repr(tol),
            }
            formula = fill(template, refs)
            assert formula is not None
            pub, prep = fig[p]
            num, nrep = fig[numer]
            ok = prep & nrep & bok & (bvals > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                d = pub - 100.0 * num / np.where(ok, bvals, 1)
            diff = np.where(np.abs(d) > tol, d, 0.0)
            sh.add(
                Col(
                    ("check", "pct.recomputed", p),
                    f"Δ {p}",
                    "dpct",
                    formula,
                    cells(ok, diff),
                    [sh.index[("rep", p)]],
                )
            )

    def _base(
        self, sh: DepthSheet, fig: dict[str, Any], base: str, codes: list[str]
    ) -> tuple[str, npt.NDArray[Any], npt.NDArray[Any]] | None:
        n = len(sh.units)
        if base != "valid":
            if base not in fig:
                return None
            vals, rep = fig[base]
            return f"{sh.letter(('rep', base))}{ROW}", vals, rep
        refs = self._refs(sh)
        have_votes = "votes:*" in refs and codes
        if not have_votes:
            if "valid" not in fig:
                return None
            vals, rep = fig["valid"]
            return f"{sh.letter(('rep', 'valid'))}{ROW}", vals, rep
        total = np.zeros(n, np.int64)
        all_rep = np.ones(n, bool)
        for c in codes:
            v, r = fig.get(f"votes:{c}", (np.zeros(n, np.int64), np.zeros(n, bool)))
            total += v
            all_rep &= r
        votes_part = f'IF(COUNT({refs["votes:*"]})={len(codes)},SUM({refs["votes:*"]}),"")'
        if "valid" in fig:
            valid, vrep = fig["valid"]
            formula = f"IF(ISNUMBER({refs['valid']}),{refs['valid']},{votes_part})"
            vals, ok = np.where(vrep, valid, total), vrep | all_rep
        else:
            formula, vals, ok = votes_part, total, all_rep
        i = sh.add(Col(("base", "valid"), "valid base", "count", formula, cells(ok, vals)))
        return f"{xl_col_to_name(i)}{ROW}", vals, ok

    def _plan_sums(self, sh: DepthSheet, fig: dict[str, Any], kids: npt.NDArray[Any]) -> None:
        d = sh.depth
        child = self.sheets[d + 1]
        template = RULE_BY_ID["sum.children"].sheet_formula
        n = len(sh.units)
        for f in self.count_fields:
            top = self.top[f]
            if top is None or d < top:
                continue
            # What each unit below passes up: its own F, or its own covered sum.
            up_key = child.index.get(("up", f), child.index.get(("rep", f)))
            below_ok = np.zeros(n, bool)
            below = np.zeros(n, np.int64)
            for s in self.sources:
                col = self.e.sources[s].columns.get(f)
                if col is None:
                    continue
                cov = self.ctx.cover(s, f)
                sel = sh.masks[s]
                u = sh.units[sel]
                below_ok[sel] = (cov.kids[u] > 0) & (cov.ok[u] == cov.kids[u])
                below[sel] = cov.total[u]
            below_ref = None
            if up_key is not None:
                up = sheet_ref(child.name, up_key, 1, max(1, len(child.units)))
                pc, sc = child.span(("parent_id",)), child.span(("source",))
                crit = f"{pc},$A{ROW},{sc},$D{ROW}"
                formula = (
                    f'IF($E{ROW}>0,IF(COUNTIFS({up},">=0",{crit})=$E{ROW},'
                    f'SUMIFS({up},{crit}),""),"")'
                )
                i = sh.add(
                    Col(("below", f), f"Σ {f} below", "count", formula, cells(below_ok, below))
                )
                below_ref = f"{xl_col_to_name(i)}{ROW}"
            else:
                below_ok[:] = False
            if f in fig and below_ref is not None and d > 0:  # the root passes nothing up
                rep_ref = f"{sh.letter(('rep', f))}{ROW}"
                vals, rep = fig[f]
                sh.add(
                    Col(
                        ("up", f),
                        f"{f} passed up",
                        "count",
                        f"IF(ISNUMBER({rep_ref}),{rep_ref},{below_ref})",
                        cells(rep | below_ok, np.where(rep, vals, below)),
                    )
                )
            elif below_ref is not None:
                sh.index[("up", f)] = sh.index[("below", f)]
            if f in fig:
                refs = {
                    "F": f"{sh.letter(('rep', f))}{ROW}",
                    "below:F": below_ref or '""',
                    "kids": f"$E{ROW}",
                }
                check = fill(template, refs)
                assert check is not None
                vals, rep = fig[f]
                values: Cached = []
                for r, ok, v, b, k in zip(
                    rep.tolist(),
                    below_ok.tolist(),
                    vals.tolist(),
                    below.tolist(),
                    kids.tolist(),
                    strict=True,
                ):
                    values.append((v - b if ok else (NOT_COVERED if k > 0 else "")) if r else "")
                sh.add(
                    Col(
                        ("check", "sum", f),
                        f"Δ {f} vs below",
                        "delta",
                        check,
                        values,
                        [sh.index[("rep", f)]],
                    )
                )

    def _plan_compare(self, sh: DepthSheet, fig: dict[str, Any]) -> None:
        if "observer" not in self.e.sources or "official" not in self.e.sources:
            return
        obs, off = self.e.sources["observer"], self.e.sources["official"]
        rows = [
            (r, sh.row_of[(u, "official")])
            for (u, s), r in sh.row_of.items()
            if s == "observer" and (u, "official") in sh.row_of
        ]
        if not rows:
            return
        template = RULE_BY_ID["compare.sources"].sheet_formula
        for f in self.count_fields:
            if f not in fig or f not in obs.columns or f not in off.columns:
                continue
            vals, rep = fig[f]
            letter = sh.letter(("rep", f))
            values: Cached = [None] * len(sh.units)
            formulas: dict[int, str] = {}
            for r, o in rows:
                # The official row of the same unit sits on this sheet: a direct reference.
                refs = {"F": f"{letter}{ROW}", "official:F": f"{letter}{o + 2}"}
                formulas[r] = fill(template, refs) or ""
                values[r] = int(vals[r] - vals[o]) if rep[r] and rep[o] else ""
            sh.add(
                Col(
                    ("check", "compare", f),
                    f"Δ {f} observer − official",
                    "delta",
                    values=values,
                    row_formulas=formulas,
                    colours=[sh.index[("rep", f)]],
                )
            )

    # --- findings ------------------------------------------------------------------------------

    def cell_of(self, f: Finding) -> tuple[str, str] | None:
        """The Checks cell (sheet, A1 address) whose difference shows this finding."""
        d = int(self.e.units.depth[f.unit])
        sh = self.sheets[d]
        row = sh.row_of.get((f.unit, f.source))
        if row is None:
            return None
        if f.rule in PROTOCOL_RULES:
            key: tuple[str, ...] = ("check", f.rule)
        elif f.rule in ("sum.children", "sum.incomplete"):
            key = ("check", "sum", f.field)
        elif f.rule == "pct.recomputed":
            key = ("check", "pct.recomputed", f.field)
        elif f.rule == "compare.sources":
            key = ("check", "compare", f.field)
        else:
            return None
        letter = sh.letter(key)
        return None if letter is None else (sh.name, f"{letter}{row + 2}")

    # --- writing -------------------------------------------------------------------------------

    def write(self, book: xlsxwriter.Workbook, formats: dict[str, Any]) -> None:
        for sh in self.sheets:
            write_checks_sheet(book, sh, formats)
