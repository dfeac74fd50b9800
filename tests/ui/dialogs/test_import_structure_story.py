"""A 10,000-station list, parents given by name, imported into an election that has only
its regions: the wizard says what it will create, and one undo takes it all back."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import press
from tests.ui.test_desk_story import focus_name, keys, tab_to
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
STATIONS, DISTRICTS_PER_REGION = 10_000, 3


def station_list(path, regions: list[str]) -> None:
    lines = ["unit_id,unit_name,level,parent_name,registered,votes:NO"]
    for i, region in enumerate(regions):
        for d in range(DISTRICTS_PER_REGION):
            lines.append(f"D{i}-{d},District {i}-{d},district,{region},,")
    for k in range(STATIONS):
        i, d = k % len(regions), (k // len(regions)) % DISTRICTS_PER_REGION
        lines.append(f"S{k:05},№ {k + 1},station,District {i}-{d},{900 + k % 50},{300 + k % 7}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_ten_thousand_stations_by_parent_name(qtbot, window: MainWindow, tmp_path) -> None:
    election = window.workspace.election
    tree = election.units
    regions = [tree.names[int(u)] for u in tree.children(tree.root)]
    assert len(tree) == 18  # the nation and its 17 regions
    path = tmp_path / "stations.csv"
    station_list(path, regions)

    window.unit_tree.setFocus()
    window.files.import_action.trigger()
    wizard = window.files.dialog
    qtbot.waitUntil(lambda: wizard is not None and wizard.isVisible())
    assert focus_name(qtbot) == "importPath"
    keys(qtbot, str(path))
    press(qtbot, Qt.Key.Key_Return)  # read, and on to the preview (Next is the default)
    qtbot.waitUntil(lambda: wizard.raw is not None and wizard.currentId() == 1)
    assert len(wizard.raw.rows) == STATIONS + 17 * DISTRICTS_PER_REGION
    tab_to(qtbot, "importNext")
    press(qtbot, Qt.Key.Key_Space)  # on to the columns, guessed from the header
    assert wizard.currentId() == 2
    assert wizard.mapping_page.mapping() == {
        0: "unit_id",
        1: "unit_name",
        2: "level",
        3: "parent_name",
        4: "registered",
        5: "votes:NO",
    }
    tab_to(qtbot, "importNext")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: wizard.plan is not None)
    assert wizard.plan.problems  # no unit has these ids, until we say to create them
    assert "Create the units" in wizard.check_page.notes.text()
    tab_to(qtbot, "importCreateUnits")
    press(qtbot, Qt.Key.Key_Space)
    assert wizard.check_page.create_units.isChecked()
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.ready)
    summary = wizard.check_page.summary.text()
    assert summary.startswith(f"{STATIONS + 51} units will be created under Akmola Region (")
    assert len(tree) == 18  # nothing applied yet

    tab_to(qtbot, "importFinish")
    t = time.perf_counter()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    took = time.perf_counter() - t
    assert election.stations() == STATIONS
    assert len(tree) == 18 + 51 + STATIONS
    s = tree.index["S00042"]
    district = int(tree.parent[s])
    assert tree.names[district] == "District 8-2"  # 42 = 2 * 17 + 8
    assert tree.names[int(tree.parent[district])] == regions[8]
    assert election.sources["official"].value("registered", s) == 942
    assert window.files.undo_action.text().startswith("&Undo import of 0 rows and 10051 new units")
    print(f"import of {STATIONS} stations: {took:.2f} s from Finish to the window updated")

    window.results_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tree) == 18
    assert "S00042" not in tree.index
