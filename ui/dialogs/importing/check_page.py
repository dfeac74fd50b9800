"""The wizard's last step: the options, every problem, and what the import would change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.importer.plan import ImportOptions, ImportPlan
from core.importer.read import ENCODINGS, RawTable
from core.model.election import SOURCES
from ui.dialogs.importing.state import ImportState
from ui.dialogs.importing.widgets import busy_bar, named
from ui.formatting import tr


class CheckPage(QWizardPage):
    """Step 4: the options, every problem found, and what the import would change."""

    def __init__(self, wizard: ImportState, parent: QWizard) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Check and import"))
        self.setSubTitle(self.tr("Nothing changes until you press Finish."))
        self.source = named(QComboBox(), "importSource")
        self.source.setAccessibleName(self.tr("Source"))
        for s, label in zip(SOURCES, (self.tr("official"), self.tr("observer")), strict=True):
            self.source.addItem(label, s)
        self.parent_unit = named(QComboBox(), "importParent")
        self.parent_unit.setAccessibleName(self.tr("Match names under"))
        self.thousands = QCheckBox(self.tr("Accept thousands separators (1 234 567, 1,234,567)"))
        self.percent = QCheckBox(self.tr("Accept % after percentages"))
        self.skip_unmatched = QCheckBox(self.tr("Leave out rows that match no unit"))
        self.keep_totals = QCheckBox(self.tr("Keep rows that look like totals"))
        self.empty_clears = QCheckBox(self.tr("Empty cells clear existing figures"))
        self.create_units = QCheckBox(tr("&Create the units that do not exist yet"))
        names = (
            "Thousands",
            "Percent",
            "SkipUnmatched",
            "KeepTotals",
            "EmptyClears",
            "CreateUnits",
        )
        boxes = (
            self.thousands,
            self.percent,
            self.skip_unmatched,
            self.keep_totals,
            self.empty_clears,
            self.create_units,
        )
        form = QFormLayout()
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Match names under:"), self.parent_unit)
        for name, box in zip(names, boxes, strict=True):
            box.setObjectName("import" + name)
            box.toggled.connect(self._on_option_toggled)
            form.addRow(box)
        self.source.currentIndexChanged.connect(self._on_option_toggled)
        self.parent_unit.currentIndexChanged.connect(self._on_option_toggled)
        self.notes = named(QLabel(wordWrap=True), "importNotes")
        self.summary = named(QLabel(wordWrap=True), "importSummary")
        self.problems = named(QTableView(), "importProblems")
        self.problems.setTabKeyNavigation(False)  # Tab leaves it: no keyboard trap
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setModel(wizard.problems_model)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.summary)
        self.progress = busy_bar("importCheckProgress")
        layout.addWidget(self.progress)
        units = wizard.election.units
        self.parent_unit.addItem(self.tr("(any unit)"), None)
        for u in range(len(units)):
            if units.child_start[u + 1] > units.child_start[u]:
                self.parent_unit.addItem(f"{units.names[u]} ({units.ids[u]})", units.ids[u])

    def options(self) -> ImportOptions:
        return ImportOptions(
            thousands=self.thousands.isChecked(),
            percent_sign=self.percent.isChecked(),
            skip_unmatched=self.skip_unmatched.isChecked(),
            keep_total_rows=self.keep_totals.isChecked(),
            empty_clears=self.empty_clears.isChecked(),
            create_units=self.create_units.isChecked(),
            parent=self.parent_unit.currentData(),
        )

    def initializePage(self) -> None:
        self._wizard.replan()

    def _on_option_toggled(self, *_args: object) -> None:
        if self._wizard.currentPage() is self:
            self._wizard.replan()

    def show_plan(self, plan: ImportPlan, raw: RawTable) -> None:
        notes = []
        if raw.encoding is not None:
            used = ENCODINGS.get(raw.encoding, raw.encoding)
            notes.append(self.tr("Read as %1.").replace("%1", used))
        for t in plan.skipped_total_rows:
            note = self.tr("Row %1 left out as a total row: %2.")
            notes.append(note.replace("%1", str(t.row)).replace("%2", t.reason))
        if plan.unmatched:
            rows = ", ".join(str(u.row) for u in plan.unmatched)
            notes.append(self.tr("Rows left out, matching no unit: %1.").replace("%1", rows))
        unknown = any("no unit" in p.message and "has" in p.message for p in plan.problems)
        if unknown and not self.create_units.isChecked():
            notes.append(
                tr("Rows name units that do not exist: tick “Create the units” to add them.")
            )
        self.notes.setText("\n".join(notes))
        cells, units = len(plan.change.edits), len({e.unit for e in plan.change.edits})
        created = plan.created
        if plan.problems:
            text = self.tr("%1 problems: fix the file or the choices above, then try again.")
            self.summary.setText(text.replace("%1", str(len(plan.problems))))
        elif not cells and not created.count:
            self.summary.setText(self.tr("The file changes nothing."))
        else:
            lines = []
            if created.count:
                under = ", ".join(f"{name} ({n})" for name, n in created.under[:8])
                more = "…" if len(created.under) > 8 else ""
                text = tr("%1 units will be created under %2.").replace("%1", str(created.count))
                lines.append(text.replace("%2", under + more))
            if cells:
                text = self.tr("%1 cells will change in %2 units (%3 rows read).")
                text = text.replace("%1", str(cells)).replace("%2", str(units))
                lines.append(text.replace("%3", str(plan.matched)))
            self.summary.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and plan.ready and not self._wizard.busy
