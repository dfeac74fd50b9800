"""CellDelegate: a line editor that refuses a bad figure in place, and moves like a spreadsheet."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate, QWidget

from core.project.edits import parse_value
from ui.table.results_model import FIELD_ROLE

Hint = QAbstractItemDelegate.EndEditHint


class CellDelegate(QStyledItemDelegate):
    """Validates with core.edits.parse_value before anything reaches the model."""

    rejected = Signal(str)  # the message for the person who typed the value
    move_requested = Signal(int, int)  # rows, columns to move after a commit (Enter: 1, 0)

    def createEditor(
        self, parent: QWidget, option: object, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setProperty("field", index.data(FIELD_ROLE))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QLineEdit)
        if self.problem(editor) is None:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def problem(self, editor: QLineEdit) -> str | None:
        """Why the editor's text cannot be taken, or None when it can."""
        try:
            parse_value(str(editor.property("field")), editor.text())
        except ValueError as exc:
            return str(exc)
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            moves = {
                Qt.Key.Key_Return: (1, 0),
                Qt.Key.Key_Enter: (1, 0),
                Qt.Key.Key_Tab: (0, 1),
                Qt.Key.Key_Backtab: (0, -1),
            }
            if key in moves:
                message = self.problem(obj)
                if message is not None:
                    # refused in place: the editor stays open with the text as typed
                    self.rejected.emit(message)
                    return True
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, Hint.NoHint)
                self.move_requested.emit(*moves[key])
                return True
        if isinstance(obj, QLineEdit) and event.type() == QEvent.Type.FocusOut:
            message = self.problem(obj)
            if message is not None:
                self.rejected.emit(message)
                self.closeEditor.emit(obj, Hint.RevertModelCache)
                return False
        return super().eventFilter(obj, event)
