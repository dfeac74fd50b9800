"""SummaryBar: the status line's totals by severity, with each severity's own mark."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.rules.finding import AUDIT_SEVERITIES
from ui.controller import WorkspaceController
from ui.formatting import tr
from ui.icons import status_icon

LABELS = {
    "error": QT_TR_NOOP("%1 errors"),
    "warning": QT_TR_NOOP("%1 warnings"),
    "info": QT_TR_NOOP("%1 notes"),
}


class SummaryBar(QWidget):
    """How far from clean the election is, kept current with every change."""

    def __init__(
        self,
        controller: WorkspaceController,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBar")
        self.setAccessibleName(tr("Findings by severity"))
        self._controller = controller
        self._locale = locale or QLocale()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self._labels: dict[str, QLabel] = {}
        for s in AUDIT_SEVERITIES:
            icon = QLabel(self)
            icon.setPixmap(status_icon(s).pixmap(14, 14))
            text = QLabel(self)
            text.setObjectName(f"summary_{s}")
            layout.addWidget(icon)
            layout.addWidget(text)
            layout.addSpacing(8)
            self._labels[s] = text
        controller.changed.connect(self.refresh)
        controller.reset.connect(self.refresh)
        self.refresh()

    def totals(self) -> dict[str, int]:
        return self._controller.index.totals()

    def text(self) -> str:
        return "  ".join(label.text() for label in self._labels.values())

    def refresh(self, *_: object) -> None:
        totals = self.totals()
        for s, label in self._labels.items():
            label.setText(tr(LABELS[s]).replace("%1", self._locale.toString(totals[s])))
        self.setToolTip(self.text())
