"""Work off the GUI thread for the import wizard: a function's result (or exception) comes
back to the GUI thread with the ticket it was started with."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal


def call(fn: Callable[[], object]) -> object:
    """The function's result, or the exception it raised (as the thread pool delivers it)."""
    try:
        return fn()
    except Exception as exc:  # shown to the user: a worker thread has nowhere else to raise
        return exc


class Background(QObject):
    """Runs a function on the thread pool; `finished` brings its result to the GUI thread."""

    finished = Signal(int, object)  # ticket, result or exception

    def __init__(self) -> None:
        super().__init__()
        self._tickets = 0

    def start(self, fn: Callable[[], object]) -> int:
        self._tickets += 1
        ticket = self._tickets

        def run() -> None:
            self.finished.emit(ticket, call(fn))

        QThreadPool.globalInstance().start(run)
        return ticket
