"""The dialog that defines an election not yet in any file: contestants, levels, seats, the
protocol's lines, and where its project file goes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.formats.election_json import FORMAT, parse_info
from core.model.election import Election, ElectionInfo, SourceFigures, UnitTree
from core.model.problems import Problem
from core.model.seat_rules import METHODS, THRESHOLD_BASES
from core.model.templates import GENERIC, TEMPLATES
from ui.formatting import tr

DEFAULT_LEVELS = ("nation", "region", "district", "station")
PROJECT_SUFFIX = ".sanaq"
CODE, NAME, BALLOT, REGISTRATION = range(4)
W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its objectName set, for automation and scripted tests."""
    widget.setObjectName(name)
    return widget


def documents_folder() -> Path:
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where else Path.home()


def file_name_for(name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", name).strip("_.") or "election"
    return stem + PROJECT_SUFFIX


class OrderDelegate(QStyledItemDelegate):
    """Ballot and registration orders in a spin box: a stray key (Space) cannot blank them."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spin = QSpinBox(parent, minimum=1, maximum=100_000)
        spin.setFrame(False)
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setValue(int(text) if text.isascii() and text.isdigit() else 1)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, str(editor.value()), Qt.ItemDataRole.EditRole)


class NewElectionDialog(QDialog):
    """Name, date, levels, contestants, seats; `.election()` gives the new, empty election."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newElectionDialog")
        self.setWindowTitle(self.tr("New election"))
        self.name_edit = named(QLineEdit(), "electionName")
        self.date_edit = named(QDateEdit(QDate.currentDate()), "electionDate")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.root_id = named(QLineEdit("KZ"), "rootUnitId")
        self.root_name = named(QLineEdit(self.tr("Kazakhstan")), "rootUnitName")
        self.decimals = named(QSpinBox(minimum=0, maximum=10, value=2), "pctDecimals")
        self.template = named(QComboBox(), "protocolTemplate")
        for t in TEMPLATES.values():
            self.template.addItem(tr(t.title), t.id)
        self.template.setCurrentIndex(self.template.findData(GENERIC.id))
        self.save_path = named(QLineEdit(), "savePath")
        self._path_typed = False  # the user chose a path: the name no longer suggests one
        browse = named(QPushButton(tr("&Browse…")), "browseSavePath")
        browse.clicked.connect(self._on_browse_clicked)
        where = QHBoxLayout()
        where.addWidget(self.save_path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        fields: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Name:"), self.name_edit),
            (self.tr("Date:"), self.date_edit),
            (self.tr("Nation unit id:"), self.root_id),
            (self.tr("Nation unit name:"), self.root_name),
            (self.tr("Decimals of published percentages:"), self.decimals),
            (tr("&Protocol:"), self.template),
        )
        for label, widget in fields:
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.save_path.setAccessibleName(tr("Save the project as"))
        save_label = QLabel(tr("&Save as:"))
        save_label.setBuddy(self.save_path)
        form.addRow(save_label, where)

        self.levels = named(QListWidget(), "levelsList")
        self.levels.setAccessibleName(self.tr("Levels, from the nation down"))
        for level in DEFAULT_LEVELS:
            self._add_level(level)
        # Insert and Delete add and remove a level from the keyboard, as in the unit tree.
        for keys, slot in (
            ("Insert", self._on_add_level_clicked),
            ("Delete", self._on_remove_level_clicked),
        ):
            shortcut = QAction(self.levels)
            shortcut.setShortcut(QKeySequence(keys))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.triggered.connect(slot)
            self.levels.addAction(shortcut)
        levels_box = self._with_buttons(
            self.tr("Levels (from the nation down)"),
            self.levels,
            self._on_add_level_clicked,
            self._on_remove_level_clicked,
            "Level",
        )

        self.contestants = named(QTableWidget(0, 4), "contestantsTable")
        self.contestants.setAccessibleName(self.tr("Contestants"))
        self.contestants.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Ballot order"),
                self.tr("Registration order"),
            ]
        )
        self.contestants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contestants.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        # Tab leaves the table (arrows move inside it): no keyboard trap.
        self.contestants.setTabKeyNavigation(False)
        self._orders = OrderDelegate(self.contestants)
        for col in (BALLOT, REGISTRATION):
            self.contestants.setItemDelegateForColumn(col, self._orders)
        contestants_box = self._with_buttons(
            self.tr("Contestants"),
            self.contestants,
            self._on_add_contestant_clicked,
            self._on_remove_contestant_clicked,
            "Contestant",
        )

        self.seats = named(QGroupBox(self.tr("Seats"), checkable=True), "seatsGroup")
        self.seats.setChecked(False)  # a referendum or a presidential race allocates none
        self.seat_total = named(QSpinBox(minimum=0, maximum=100_000, value=100), "seatTotal")
        self.seat_method = named(QComboBox(), "seatMethod")
        method_names = {
            "largest_remainder_hare": self.tr("Largest remainder (Hare quota)"),
            "dhondt": self.tr("D'Hondt"),
            "sainte_lague": self.tr("Sainte-Laguë"),
        }
        for m in METHODS:
            self.seat_method.addItem(method_names.get(m, m), m)
        self.threshold = named(QDoubleSpinBox(minimum=0, maximum=100), "seatThreshold")
        self.threshold.setDecimals(2)
        self.threshold.setValue(5.0)
        self.threshold_base = named(QComboBox(), "seatThresholdBase")
        base_names = {"valid": self.tr("valid ballots"), "ballots_cast": self.tr("ballots cast")}
        for b in THRESHOLD_BASES:
            self.threshold_base.addItem(base_names.get(b, b), b)
        self.runner_up = named(QSpinBox(minimum=-1, maximum=1000), "seatRunnerUpMinimum")
        self.runner_up.setSpecialValueText(self.tr("none"))
        self.runner_up.setValue(-1)
        seats_form = QFormLayout(self.seats)
        fields = (
            (self.tr("Total seats:"), self.seat_total),
            (self.tr("Method:"), self.seat_method),
            (self.tr("Threshold, %:"), self.threshold),
            (self.tr("Threshold base:"), self.threshold_base),
            (self.tr("Seats for the runner-up at least:"), self.runner_up),
        )
        for label, widget in fields:
            widget.setAccessibleName(label.rstrip(":"))
            seats_form.addRow(label, widget)

        self.messages = named(QLabel(wordWrap=True), "validationMessages")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(levels_box, 1)
        row.addWidget(contestants_box, 3)
        layout.addLayout(row, 1)
        layout.addWidget(self.seats)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._on_name_changed)
        self.save_path.textEdited.connect(self._on_save_path_edited)
        self.save_path.textChanged.connect(self._on_input_changed)
        self._on_name_changed("")
        self.root_id.textChanged.connect(self._on_input_changed)
        self.root_name.textChanged.connect(self._on_input_changed)
        self.levels.itemChanged.connect(self._on_input_changed)
        self.contestants.itemChanged.connect(self._on_input_changed)
        self.seats.toggled.connect(self._on_input_changed)
        self.seat_total.valueChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def _with_buttons(
        self, title: str, view: QWidget, on_add: Any, on_remove: Any, name: str
    ) -> QGroupBox:
        box = QGroupBox(title)
        words = {
            "Level": (tr("Add &level"), tr("Remove level")),
            "Contestant": (tr("&Add contestant"), tr("Remove contestant")),
        }
        add = named(QPushButton(words[name][0]), f"add{name}")
        remove = named(QPushButton(words[name][1]), f"remove{name}")
        add.clicked.connect(on_add)
        remove.clicked.connect(on_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(view)
        layout.addLayout(buttons)
        return box

    def _add_level(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.levels.addItem(item)
        return item

    def _on_add_level_clicked(self) -> None:
        item = self._add_level(self.tr("level %1").replace("%1", str(self.levels.count() + 1)))
        self.levels.setCurrentItem(item)
        self.levels.editItem(item)
        self._on_input_changed()

    def _on_remove_level_clicked(self) -> None:
        row = self.levels.currentRow()
        if row >= 0:
            self.levels.takeItem(row)
            self._on_input_changed()

    def add_contestant(self, code: str = "", name: str = "", ballot: int | None = None) -> int:
        """Append a contestant row (ballot and registration order default to its position)."""
        row = self.contestants.rowCount()
        order = str(ballot if ballot is not None else row + 1)
        self.contestants.blockSignals(True)
        self.contestants.insertRow(row)
        for col, text in ((CODE, code), (NAME, name), (BALLOT, order), (REGISTRATION, order)):
            self.contestants.setItem(row, col, QTableWidgetItem(text))
        self.contestants.blockSignals(False)
        self._on_input_changed()
        return row

    def _on_add_contestant_clicked(self) -> None:
        row = self.add_contestant()
        self.contestants.setCurrentCell(row, CODE)
        self.contestants.setFocus()

    def _on_remove_contestant_clicked(self) -> None:
        row = self.contestants.currentRow()
        if row >= 0:
            self.contestants.removeRow(row)
            self._on_input_changed()

    def _cell(self, row: int, col: int) -> str:
        item = self.contestants.item(row, col)
        return item.text().strip() if item is not None else ""

    def _level_names(self) -> list[str]:
        return [self.levels.item(i).text().strip() for i in range(self.levels.count())]

    def info_json(self) -> dict[str, Any]:
        """The election.json object the dialog describes (orders left as typed)."""

        def number(text: str) -> int | str:
            return int(text) if text.isascii() and text.isdigit() else text

        contestants = []
        for r in range(self.contestants.rowCount()):
            ballot = self._cell(r, BALLOT)
            contestants.append(
                {
                    "code": self._cell(r, CODE),
                    "name": self._cell(r, NAME) or self._cell(r, CODE),
                    "ballot_order": number(ballot),
                    "registration_order": number(self._cell(r, REGISTRATION) or ballot),
                }
            )
        template = TEMPLATES[str(self.template.currentData())]
        obj: dict[str, Any] = {
            "format": FORMAT,
            "name": self.name_edit.text().strip(),
            "date": self.date_edit.date().toString("yyyy-MM-dd"),
            "levels": self._level_names(),
            "contestants": contestants,
            "pct_decimals": self.decimals.value(),
            "protocol_fields": template.fields([c["code"] for c in contestants]),
            "protocol_template": template.id,
        }
        if self.seats.isChecked():
            runner_up = self.runner_up.value()
            obj["seats"] = {
                "total": self.seat_total.value(),
                "method": self.seat_method.currentData(),
                "threshold_pct": round(self.threshold.value(), 2),
                "threshold_base": self.threshold_base.currentData(),
                "min_seats_runner_up": None if runner_up < 0 else runner_up,
                "tie_break": "registration_order",
            }
        return obj

    def problems(self) -> list[str]:
        """Everything that keeps the description from being an election, for people to read."""
        out: list[str] = []
        if not self.name_edit.text().strip():
            out.append(self.tr("Give the election a name."))
        levels = self._level_names()
        if not levels:
            out.append(self.tr("Add at least one level (the nation)."))
        if any(not lv for lv in levels):
            out.append(self.tr("A level has no name."))
        if len(set(levels)) != len(levels):
            out.append(self.tr("Two levels have the same name."))
        if not self.root_id.text().strip():
            out.append(self.tr("Give the nation unit an id."))
        out.extend(self._contestant_problems())
        if self.seats.isChecked() and self.seat_total.value() < 1:
            out.append(self.tr("Seats: the total must be at least 1."))
        out.extend(self._path_problems())
        if not out:
            found: list[Problem] = []
            parse_info(self.info_json(), "election", found)
            out.extend(p.message for p in found)
        return out

    def _contestant_problems(self) -> list[str]:
        out: list[str] = []
        codes: set[str] = set()
        orders: dict[int, set[str]] = {BALLOT: set(), REGISTRATION: set()}
        for r in range(self.contestants.rowCount()):
            n = str(r + 1)
            code = self._cell(r, CODE)
            if not code:
                out.append(self.tr("Contestant %1 has no code.").replace("%1", n))
            elif not all(ch.isalnum() or ch in "_-" for ch in code):
                msg = self.tr("Contestant %1: the code %2 may hold only letters, digits, _ and -.")
                out.append(msg.replace("%1", n).replace("%2", code))
            elif code in codes:
                out.append(self.tr("The code %1 appears twice.").replace("%1", code))
            codes.add(code)
            ballot = self._cell(r, BALLOT)
            registration = self._cell(r, REGISTRATION) or ballot
            for col, text, label in (
                (BALLOT, ballot, self.tr("ballot order")),
                (REGISTRATION, registration, self.tr("registration order")),
            ):
                if not (text.isascii() and text.isdigit() and int(text) > 0):
                    msg = self.tr("Contestant %1: the %2 must be a whole number from 1.")
                    out.append(msg.replace("%1", n).replace("%2", label))
                elif text in orders[col]:
                    msg = self.tr("Contestant %1: the %2 %3 is taken by another contestant.")
                    out.append(msg.replace("%1", n).replace("%2", label).replace("%3", text))
                orders[col].add(text)
        return out

    # --- where the project goes -----------------------------------------------------------

    def path(self) -> Path:
        p = Path(self.save_path.text().strip()).expanduser()
        return p if p.suffix or not p.name else p.with_suffix(PROJECT_SUFFIX)

    def _path_problems(self) -> list[str]:
        p = self.path()
        if not self.save_path.text().strip() or not p.name:
            return [tr("Choose where to save the project.")]
        if p.exists():
            return [tr("%1 exists already: choose another name.").replace("%1", str(p))]
        if p.parent.exists() and not p.parent.is_dir():
            return [tr("%1 is not a folder.").replace("%1", str(p.parent))]
        return []

    def _on_name_changed(self, text: str) -> None:
        if not self._path_typed:
            folder = documents_folder()
            self.save_path.setText(str(folder / file_name_for(text.strip() or "election")))
        self._on_input_changed()

    def _on_save_path_edited(self, _: str) -> None:
        self._path_typed = True

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save the project as"),
            str(self.path()),
            tr("Sanaq project (*%1)").replace("%1", PROJECT_SUFFIX),
        )
        if path:
            self._path_typed = True
            self.save_path.setText(path)

    def _on_input_changed(self, *_args: object) -> None:
        problems = self.problems()
        self.messages.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if not self.problems():
            super().accept()

    def info(self) -> ElectionInfo:
        found: list[Problem] = []
        info = parse_info(self.info_json(), "election", found)
        if info is None:
            raise ValueError("; ".join(p.message for p in found) or "\n".join(self.problems()))
        return info

    def election(self) -> Election:
        """A new election: one root unit (the nation) and no figures."""
        problems = self.problems()
        if problems:
            raise ValueError("\n".join(problems))
        units = UnitTree.build(
            [self.root_id.text().strip()],
            [self.root_name.text().strip() or self.root_id.text().strip()],
            np.zeros(1, dtype=np.int16),
            np.full(1, -1, dtype=np.int64),
        )
        # The root has a row of its own, so the empty election can be saved and loaded again.
        official = SourceFigures(np.ones(1, dtype=bool))
        return Election(self.info(), units, {"official": official})
