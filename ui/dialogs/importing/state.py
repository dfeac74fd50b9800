"""What the wizard's pages read and ask of the wizard (Anki's browser/table/state.py): the
file read, the plan made, and the work running; the pages never import the wizard itself."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWizardPage

from core.importer.plan import ImportPlan
from core.importer.read import RawTable
from core.model.election import Election
from ui.dialogs.importing.models import ProblemsModel, RawTableModel


class ImportState(Protocol):
    """The wizard as its pages see it."""

    election: Election
    raw: RawTable | None
    load_error: str
    plan: ImportPlan | None
    preview_model: RawTableModel
    problems_model: ProblemsModel

    @property
    def busy(self) -> bool: ...

    def load(self, path: str, encoding: str | None) -> None: ...

    def replan(self) -> None: ...

    def currentPage(self) -> QWizardPage: ...
