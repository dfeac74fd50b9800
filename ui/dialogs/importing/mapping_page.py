"""The wizard's third step: which field each column holds, guessed and open to change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.importer.mapping import IGNORE, PARENT_NAME, guess_mapping, targets
from core.importer.read import RawTable
from ui.dialogs.importing.state import ImportState
from ui.dialogs.importing.widgets import named
from ui.formatting import tr


class MappingPage(QWizardPage):
    """Step 3: which field each column holds, guessed from the headers and open to change."""

    def __init__(self, wizard: ImportState, parent: QWizard) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self._mapped_for: RawTable | None = None
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Choose what each column holds; columns left out are ignored."))
        self.table = named(QTableWidget(0, 3), "importMapping")
        self.table.setTabKeyNavigation(False)  # Tab leaves it: no keyboard trap
        self.table.setAccessibleName(self.tr("Column mapping"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Field")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.table)

    def initializePage(self) -> None:
        raw = self._wizard.raw
        if raw is None or raw is self._mapped_for:
            return  # keep the user's choices when they come back to this page
        self._mapped_for = raw
        guess = guess_mapping(raw.header, self._wizard.election.info)
        fields = targets(self._wizard.election.info)
        self.table.setRowCount(len(raw.header))
        for i, h in enumerate(raw.header):
            first = raw.rows[0][i] if raw.rows else ""
            for c, text in ((0, h), (1, first)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, c, item)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", h))
            combo.addItem(self.tr("(ignore)"), IGNORE)
            for f in fields:
                combo.addItem(self._label(f), f)
            combo.setCurrentIndex(max(combo.findData(guess.get(i, IGNORE)), 0))
            self.table.setCellWidget(i, 2, combo)

    def _label(self, fld: str) -> str:
        """The field as the user knows it: its code, and the contestant's name if it has one."""
        if fld == PARENT_NAME:
            return tr("parent_name (the parent's name, on the level above)")
        kind, _, code = fld.partition(":")
        names = {c.code: c.name for c in self._wizard.election.info.contestants}
        return (
            f"{fld} ({names[code]})" if kind in ("votes", "pct", "seats") and code in names else fld
        )

    def combo(self, column: int) -> QComboBox:
        widget = self.table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(self.table.rowCount()):
            f = self.combo(i).currentData()
            if f:
                out[i] = str(f)
        return out
