"""What every rule's planner reads: the election, the engine's caches and each level's sheet."""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import xl_col_to_name

from core.export.checks.layout import ROW, DepthSheet
from core.model.election import Election
from core.rules.context import AuditContext


@dataclass
class Plan:
    """The Checks sheets being planned, deepest level first, and what the planners share."""

    election: Election
    ctx: AuditContext
    sources: list[str]
    sheets: list[DepthSheet]
    count_fields: list[str]
    pct_fields: list[str]
    top: dict[str, int | None]  # per count field: the shallowest depth that reports it

    def refs(self, sh: DepthSheet) -> dict[str, str]:
        refs = {k[1]: f"{xl_col_to_name(i)}{ROW}" for k, i in sh.index.items() if k[0] == "rep"}
        votes = [
            sh.index[("rep", f"votes:{c}")]
            for c in self.election.info.codes
            if ("rep", f"votes:{c}") in sh.index
        ]
        if votes:
            refs["votes:*"] = f"{xl_col_to_name(votes[0])}{ROW}:{xl_col_to_name(votes[-1])}{ROW}"
        refs["n:votes"] = str(len(self.election.info.codes))
        return refs
