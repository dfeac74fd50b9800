"""ProtocolForm: one station's protocol, its lines in the paper's order, the arithmetic live."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.model.election import PROTOCOL_FIELDS, Election
from core.project.edits import CellEdit, Change, Value, parse_value
from ui.formatting import editable_text, field_label, source_label, tr


def protocol_fields(election: Election) -> list[str]:
    """Protocol lines, then the contestants in ballot order, as the paper lists them."""
    by_ballot = sorted(election.info.contestants, key=lambda c: c.ballot_order)
    return [*PROTOCOL_FIELDS, *(f"votes:{c.code}" for c in by_ballot)]


def arithmetic(values: dict[str, Value]) -> list[tuple[str, int | None, int | None]]:
    """The protocol's checks as (what, computed, written), for lines that are filled in."""

    def get(name: str) -> int | None:
        v = values.get(name)
        return None if v is None else int(v)

    votes = [int(v) for k, v in values.items() if k.startswith("votes:") and v is not None]
    n_votes = sum(1 for k in values if k.startswith("votes:"))
    out: list[tuple[str, int | None, int | None]] = []
    out.append(("Σ votes = valid", sum(votes) if len(votes) == n_votes else None, get("valid")))
    valid, invalid = get("valid"), get("invalid")
    out.append(
        (
            "valid + invalid = ballots cast",
            None if valid is None or invalid is None else valid + invalid,
            get("ballots_cast"),
        )
    )
    parts = [get(n) for n in ("ballots_issued", "ballots_unused")]
    extra = [get(n) or 0 for n in ("ballots_spoiled", "ballots_lost")]
    known = None if None in parts else sum(p or 0 for p in parts) + sum(extra)
    if known is not None:
        known -= get("ballots_unaccounted") or 0
    out.append(
        (
            "issued + unused + spoiled + lost − unaccounted = received",
            known,
            get("ballots_received"),
        )
    )
    return out


class ProtocolForm(QDialog):
    """Accepting gives one Change with every line that differs; a bad line blocks OK."""

    def __init__(
        self,
        election: Election,
        unit: int,
        source: str,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("protocolForm")
        self._election, self._unit, self._source = election, unit, source
        self._locale = locale or QLocale()
        name = election.units.names[unit]
        title = tr("Protocol of %1 (%2)").replace("%1", name)
        self.setWindowTitle(title.replace("%2", source_label(source)))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        figs = election.source(source)
        for f in protocol_fields(election):
            edit = QLineEdit(self)
            edit.setObjectName(f"line_{f}")
            edit.setAlignment(edit.alignment().AlignRight)
            edit.setText(editable_text(self._locale, f, figs.value(f, unit)))
            edit.setAccessibleName(field_label(election.info, f))
            edit.textChanged.connect(self._on_edit_text_changed)
            form.addRow(field_label(election.info, f), edit)
            self.edits[f] = edit
        self.checks = QLabel(self)
        self.checks.setObjectName("protocolChecks")
        self.problems = QLabel(self)
        self.problems.setObjectName("protocolProblems")
        self.problems.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.checks)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._on_edit_text_changed()

    def values(self) -> tuple[dict[str, Value], list[str]]:
        out: dict[str, Value] = {}
        problems = []
        for f, edit in self.edits.items():
            try:
                out[f] = parse_value(f, edit.text())
            except ValueError as exc:
                problems.append(f"{field_label(self._election.info, f)}: {exc}")
                out[f] = None
        return out, problems

    def _on_edit_text_changed(self, *_: object) -> None:
        values, problems = self.values()
        lines = []
        for what, computed, written in arithmetic(values):
            if computed is None or written is None:
                mark = "…"
            else:
                mark = "✓" if computed == written else "✗"
            shown = "—" if computed is None else self._locale.toString(computed)
            wrote = "—" if written is None else self._locale.toString(written)
            lines.append(f"{mark} {tr(what)}: {shown} / {wrote}")
        self.checks.setText("\n".join(lines))
        self.problems.setText("\n".join(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)

    def change(self) -> Change:
        """The lines that differ from the figures held, as one Change."""
        values, problems = self.values()
        if problems:
            return Change("")
        figs = self._election.source(self._source)
        uid = self._election.units.ids[self._unit]
        edits = tuple(
            CellEdit(uid, self._source, f, figs.value(f, self._unit), v)
            for f, v in values.items()
            if v != figs.value(f, self._unit)
        )
        name = self._election.units.names[self._unit]
        return Change(tr("Protocol of %1").replace("%1", name), edits, kind="edit")
