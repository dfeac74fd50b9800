"""Long work off the GUI thread: a QRunnable task, a progress dialog, and Cancel that discards."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.formatting import tr

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a task's progress callback once the user has pressed Cancel."""


class TaskSignals(QObject):
    """Lives in the GUI thread, so the task's results arrive there (queued)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Task(QRunnable):
    """Runs `work(progress)`; `progress(done, total)` raises Cancelled after cancel()."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # every failure reaches the user, none kills the thread
            self.signals.failed.emit(exc)
        else:
            # Cancelled too late to stop: succeeded() hands the result to on_discard instead.
            self.signals.succeeded.emit(result)
        finally:
            self.done.set()


def run_task(
    pool: QThreadPool,
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_discard: Callable[[Any], None] | None = None,
) -> Task:
    """Start `work` with a modal progress dialog; Cancel drops its result, so nothing changes."""
    task = Task(work)
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(tr("Working"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)

    def finish() -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        if not task.is_cancelled:
            on_success(result)
        elif on_discard is not None:
            on_discard(result)

    def failed(exc: Exception) -> None:
        finish()
        on_failure(exc)

    task.signals.progressed.connect(progressed)
    task.signals.succeeded.connect(succeeded)
    task.signals.failed.connect(failed)
    task.signals.cancelled.connect(finish)
    dialog.canceled.connect(task.cancel)
    pool.start(task)
    return task
