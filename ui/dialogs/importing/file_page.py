"""The wizard's first steps: the file and its encoding, then a preview of what was read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.importer.read import ENCODINGS
from ui.dialogs.importing.state import ImportState
from ui.dialogs.importing.widgets import busy_bar, named


class FilePage(QWizardPage):
    """Step 1: the file and its encoding; says how it was read, or why it could not be."""

    def __init__(self, wizard: ImportState, parent: QWizard) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A CSV (comma, semicolon or tab), XLSX or ODS table."))
        self.path_edit = named(QLineEdit(), "importPath")
        self.path_edit.setAccessibleName(self.tr("File to import"))
        browse = named(QPushButton(self.tr("Browse…")), "importBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        self.encoding = named(QComboBox(), "importEncoding")
        self.encoding.setAccessibleName(self.tr("Encoding"))
        self.encoding.addItem(self.tr("Detect"), None)
        for key, name in ENCODINGS.items():
            self.encoding.addItem(name, key)
        self.status = named(QLabel(wordWrap=True), "importFileStatus")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.status)
        self.progress = busy_bar("importReadProgress")
        form.addRow(self.progress)
        self.path_edit.editingFinished.connect(self._on_path_edit_finished)
        self.encoding.currentIndexChanged.connect(self._on_encoding_changed)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a table"), "", self.tr("Tables (*.csv *.txt *.xlsx *.ods)")
        )
        if path:
            self.path_edit.setText(path)
            self.reload()

    def _on_path_edit_finished(self) -> None:
        self.reload()

    def _on_encoding_changed(self, _index: int) -> None:
        self.reload()

    def reload(self) -> None:
        text = self.path_edit.text().strip()
        self.status.setText(self.tr("Reading…"))
        self._wizard.load(text, self.encoding.currentData() if text else None)

    def show_table(self) -> None:
        raw = self._wizard.raw
        if raw is None:
            self.status.setText(self._wizard.load_error)
        else:
            if raw.encoding is None:
                used = self.tr("sheet “%1” of a workbook").replace("%1", raw.sheet or "")
            else:
                used = ENCODINGS.get(raw.encoding, raw.encoding)
            msg = self.tr("Read as %1: %2 columns, %3 rows.")
            msg = msg.replace("%1", used).replace("%2", str(len(raw.header)))
            self.status.setText(msg.replace("%3", str(len(raw.rows))))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.raw is not None and not self._wizard.busy


class PreviewPage(QWizardPage):
    """Step 2: the first rows, as read."""

    def __init__(self, wizard: ImportState, parent: QWizard) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows of the file, as they were read."))
        self.view = named(QTableView(), "importPreview")
        self.view.setTabKeyNavigation(False)  # Tab leaves it: no keyboard trap
        self.view.setAccessibleName(self.tr("Preview of the file"))
        self.view.setModel(wizard.preview_model)
        QVBoxLayout(self).addWidget(self.view)
