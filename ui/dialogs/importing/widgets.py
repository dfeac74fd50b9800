"""Small widget helpers the import wizard's pages share."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QProgressBar, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its objectName set, for automation and scripted tests."""
    widget.setObjectName(name)
    return widget


def busy_bar(name: str) -> QProgressBar:
    """A bar that moves while work runs off the GUI thread (its length is not known)."""
    bar = named(QProgressBar(), name)
    bar.setRange(0, 0)
    bar.hide()
    return bar
