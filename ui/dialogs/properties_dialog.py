"""PropertiesDialog (File > Properties): where the work lives and what it was made from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.model.election import Election
from core.project.store import Project
from ui.formatting import tr


class PropertiesDialog(QDialog):
    """Read-only fields (selectable, so a path or a hash can be copied), and Close."""

    def __init__(
        self,
        election: Election,
        path: Path | None,
        project: Project | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(tr("Properties"))
        info = election.info
        made = project.made_from() if project is not None else None
        rows = [
            (tr("Election:"), info.name, "propElection"),
            (tr("Project file:"), str(path) if path else tr("not saved"), "propPath"),
            (tr("Made from:"), made[0] if made else "", "propMadeFrom"),
            (tr("Its content hash:"), made[1] if made else "", "propMadeFromHash"),
            (
                tr("Protocol:"),
                info.protocol_template or tr("the contract's fields"),
                "propTemplate",
            ),
            (
                tr("Units:"),
                tr("%1, of which %2 stations")
                .replace("%1", str(len(election.units)))
                .replace("%2", str(election.stations())),
                "propUnits",
            ),
        ]
        if project is not None:
            rows.append((tr("Journal head:"), project.head(), "propHead"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for label, text, name in rows:
            edit = QLineEdit(text)
            edit.setReadOnly(True)
            edit.setObjectName(name)
            edit.setAccessibleName(label.rstrip(":"))
            edit.setMinimumWidth(420)
            form.addRow(label, edit)
            self.fields[name] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
