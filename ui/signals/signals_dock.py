"""The Signals dock, attached to the main window through its extension points (`workspace`,
`unit_selected`, `select_unit`, `workspace_changed`, `add_dock`), tabbed beside Findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDockWidget

from ui.formatting import tr
from ui.signals.signals_panel import SignalsPanel


def attach_signals(window: Any, old: QDockWidget | None = None) -> QDockWidget:
    """A Signals dock for the window's current election, replacing `old` if there is one."""
    if old is not None:
        panel = old.widget()
        if isinstance(panel, SignalsPanel):
            window.unit_selected.disconnect(panel.show_unit)
            window.workspace_changed.disconnect(panel.refresh)
            panel.wait()
        window.removeDockWidget(old)
        old.deleteLater()
    panel = SignalsPanel(window.workspace, window)
    panel.unit_activated.connect(window.select_unit)
    window.unit_selected.connect(panel.show_unit)
    window.workspace_changed.connect(panel.refresh)
    dock: QDockWidget = window.add_dock(panel, tr("Signals"))
    dock.setObjectName("signalsDock")
    window.tabifyDockWidget(window.findings_dock, dock)
    return dock
