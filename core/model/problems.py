"""Problems found in input, reported all at once, and the refusal that carries them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (file, row, column), its value, what is wrong."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        text = ", ".join(where)
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            text += f", value {shown!r}"
        return f"{text}: {self.message}"


class InputRefused(Exception):
    """The input was refused; `problems` lists every problem found, and nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        # In reading order: a person fixes a file from top to bottom.
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0))
        super().__init__(self.report())

    def report(self, limit: int = 200) -> str:
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more problems")
        return "\n".join(lines)
