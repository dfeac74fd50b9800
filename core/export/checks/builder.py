"""Plans the Checks sheets, one per level, and finds the Δ cell that shows each finding."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt
import xlsxwriter

from core.export.checks.compare import plan_compare
from core.export.checks.layout import ROW, Col, DepthSheet, blanks
from core.export.checks.percentages import plan_percentages
from core.export.checks.plan import Plan
from core.export.checks.protocol import plan_protocol
from core.export.checks.sheet import write_checks_sheet
from core.export.checks.sums import plan_sums
from core.model.election import SOURCES, Election
from core.rules.context import AuditContext
from core.rules.finding import Finding
from core.rules.protocol import BALANCES

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
        self.plan = Plan(
            election,
            ctx,
            self.sources,
            self.sheets,
            self.count_fields,
            self.pct_fields,
            self.top,
        )
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
        plan_protocol(self.plan, sh, fig)
        plan_percentages(self.plan, sh, fig)
        if not leaf:
            plan_sums(self.plan, sh, fig, kids)
        plan_compare(self.plan, sh, fig)

    # --- findings ------------------------------------------------------------------------------

    def cell_of(self, f: Finding) -> tuple[str, str] | None:
        """The Checks cell (sheet, A1 address) whose difference shows this finding."""
        d = int(self.e.units.depth[f.unit])
        sh = self.sheets[d]
        row = sh.row_of.get((f.unit, f.source))
        if row is None:
            return None
        if f.rule in BALANCES:
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
