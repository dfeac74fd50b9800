"""What the main window takes from outside, passed in explicitly: settings, paths, threads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QThreadPool

RECENT_LIMIT = 8
# core.cli.SAMPLE, without importing the command line (and polars) at start-up
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"


@dataclass
class AppContext:
    """Settings (remembered state) and where things live; tests pass their own."""

    settings: QSettings
    sample: Path = SAMPLE
    data_dir: Path = field(
        default_factory=lambda: Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
    )
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)

    @property
    def last_project(self) -> Path | None:
        value = self.settings.value("state/last_project", "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.exists() else None

    def remember(self, path: Path) -> None:
        """Make the path the last one opened and the first of the recent files."""
        self.settings.setValue("state/last_project", str(path))
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("state/recent", [str(path), *recent][:RECENT_LIMIT])

    def recent_files(self) -> list[str]:
        value = self.settings.value("state/recent", [])
        if isinstance(value, str):  # QSettings gives back a lone string for a one-item list
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []
