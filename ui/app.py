"""The desktop app's start: a QApplication, the context, and the window on the last project."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.model.problems import InputRefused
from core.opener.workfile import Opened, open_any
from core.project.session import Workspace
from core.project.store import is_project
from ui import translations
from ui.context import AppContext
from ui.main_window import MainWindow

# Projects up to this size open before the window shows; larger ones open in the background.
OPEN_AT_ONCE_BYTES = 8 * 1024**2


def _quick(path: Path | None) -> bool:
    return path is not None and path.is_file() and path.stat().st_size <= OPEN_AT_ONCE_BYTES


def create_window(context: AppContext, path: Path | None = None) -> MainWindow:
    """The window on the given file, else the last project, else a project copy of the sample.

    A large file opens in the background behind the window, which waits on the sample
    meanwhile (kept in memory only, so nothing is written for it)."""
    target = path or context.last_project
    opened: Opened | None = None
    if target is None or (_quick(target) and is_project(target)):
        try:
            opened = open_any(target or context.sample, context.data_dir)
        except (InputRefused, OSError, RuntimeError):
            # A damaged last project: the window opens on the sample, and the opening is tried
            # again in the background, whose refusal says why.
            opened = None
    if opened is not None:
        context.remember(opened.path)
        window = MainWindow(context, opened.workspace, opened.path, project=opened.project)
    else:
        from core.opener.load import load

        window = MainWindow(context, Workspace(load(context.sample)), None)
        if target is not None:
            window.files.open_path(target)
    window.restore_layout(
        context.settings.value("window/geometry"), context.settings.value("window/state")
    )
    return window


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Sanaq")
    app.setApplicationName("Sanaq")
    translations.install(app)  # the translators belong to the app (their Qt parent)
    context = AppContext(QSettings())
    path = Path(argv[1]) if len(argv) > 1 else None
    window = create_window(context, path)
    window.show()
    started = os.environ.get("SANAQ_QUIT_WHEN_SHOWN")
    if started:  # benchmarks/bench_ui.py: seconds from its spawn to the window painted
        window.repaint()
        print(f"shown {time.time() - float(started):.3f}", flush=True)
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
