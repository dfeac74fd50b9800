"""Whether a widget is out of the user's sight in a shown window (a dock tabbed behind another
stays "visible" to Qt, moved out of the window): work for it can wait until it is raised."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget


def out_of_sight(widget: QWidget) -> bool:
    window = widget.window()
    if not window.isVisible():
        return False  # not shown at all (a test, a report): nothing to wait for
    if not widget.isVisible():
        return True
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return not window.rect().intersects(where)
