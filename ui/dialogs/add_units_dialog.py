"""AddUnitsDialog: N units under a parent, ids and names from numbering patterns."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.model.election import Election
from core.model.restructure import StructureRefused
from core.project.structure import AddUnits, new_children, numbered
from ui.formatting import tr

MAX_UNITS = 100_000


class AddUnitsDialog(QDialog):
    """How many, their ids and names (`#` stands for the number); `.edit()` gives the
    AddUnits the dialog describes. Problems (an id taken) show as one types."""

    def __init__(self, election: Election, parent_unit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUnitsDialog")
        self.setWindowTitle(tr("Add units"))
        self._election, self._parent = election, parent_unit
        tree, levels = election.units, election.info.levels
        depth = int(tree.level[parent_unit]) + 1
        self.level = levels[depth] if depth < len(levels) else ""
        first = len(tree.children(parent_unit)) + 1
        self.count = QSpinBox(minimum=1, maximum=MAX_UNITS, value=1)
        self.count.setObjectName("unitCount")
        self.first = QSpinBox(minimum=0, maximum=10**9, value=first)
        self.first.setObjectName("firstNumber")
        self.ids = QLineEdit(f"{tree.ids[parent_unit]}-#")
        self.ids.setObjectName("idPattern")
        last = depth == len(levels) - 1
        self.names = QLineEdit("№ #" if last else f"{tr(self.level).capitalize()} #")
        self.names.setObjectName("namePattern")
        self.preview = QLabel(wordWrap=True)
        self.preview.setObjectName("addUnitsPreview")
        form = QFormLayout()
        where = tr("%1 (%2) gets units of level %3").replace("%1", tree.names[parent_unit])
        where = where.replace("%2", tree.ids[parent_unit]).replace("%3", tr(self.level))
        form.addRow(QLabel(where))
        for label, widget in (
            (tr("&How many:"), self.count),
            (tr("&Ids (# is the number):"), self.ids),
            (tr("&Names (# is the number):"), self.names),
            (tr("&First number:"), self.first),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.preview)
        box.addWidget(self.buttons)
        for spin in (self.count, self.first):
            spin.valueChanged.connect(self._on_input_changed)
        for edit in (self.ids, self.names):
            edit.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def texts(self) -> tuple[list[str], list[str]]:
        n, first = self.count.value(), self.first.value()
        return numbered(self.ids.text(), first, n), numbered(self.names.text(), first, n)

    def edit(self) -> AddUnits:
        ids, names = self.texts()
        return new_children(self._election, self._parent, ids, names)

    def problem(self) -> str | None:
        if not self.level:
            return tr("A unit of this level has no level below it.")
        if "#" not in self.ids.text() and self.count.value() > 1:
            return tr("Put # in the ids, so that each unit gets its own.")
        try:
            self.edit().check(self._election)
        except StructureRefused as exc:
            return str(exc)
        return None

    def _on_input_changed(self, *_: object) -> None:
        problem = self.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        if problem is not None:
            self.preview.setText(problem)
            return
        ids, names = self.texts()
        span = names[0] if len(names) == 1 else f"{names[0]} … {names[-1]}"
        text = tr("%1 units: %2 (%3 … %4)").replace("%1", str(len(ids))).replace("%2", span)
        self.preview.setText(text.replace("%3", ids[0]).replace("%4", ids[-1]))

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()
