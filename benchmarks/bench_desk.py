"""Time the observers' desk on a large election, each from the keypress to the re-audited,
painted window, journal included (the election is a project file, as in the app):

    python benchmarks/bench_desk.py [--package /tmp/desk_g100k] [--runs 3]

- add 60 stations to a district (Insert, 60, Enter);
- move a 500-station district to another region (Ctrl+X, Ctrl+V);
- delete a 6,000-station region (Delete, then the Delete button);
- type a figure (digits, then Enter), in a 500-station district's table;
- add 10,000 stations from a list (the import wizard: reading and checking the list, then
  Finish), into the large election and into one that has only its regions.

Prints figures (no pass/fail), the median of `--runs` where a step can repeat (each undone
before the next run). The package is generated with benchmarks/generate.py if missing; a
district or region smaller than the sizes above is first grown to them (not timed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--package", type=Path, default=Path("/tmp/desk_g100k"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.package.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate.py"),
                str(args.package),
                "--stations",
                "100000",
                "--parties",
                "30",
                "--observer-share",
                "0.1",
                "--errors",
                "20",
            ],
            check=True,
        )

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from core.model.restructure import subtree
    from core.opener.load import load
    from core.opener.workfile import open_project
    from core.project.edits import Change
    from core.project.store import Project
    from core.project.structure import new_children
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench_desk"))
    context = AppContext(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), tmp / "data")

    def paint() -> None:
        app.processEvents()

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        paint()
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, k, mod)

    profile = os.environ.get("BENCH_PROFILE")

    def timed(setup: Callable[[], None], act: Callable[[], None], undo: bool = True) -> float:
        """The median over the runs of act() plus painting; each run undone after."""
        took = []
        for run in range(args.runs):
            setup()
            paint()
            t = time.perf_counter()
            if profile and run == 0:
                import cProfile
                import pstats

                with cProfile.Profile() as prof:
                    act()
                    paint()
                order = os.environ.get("BENCH_SORT", "cumulative")
                pstats.Stats(prof).sort_stats(order).print_stats(int(profile))
            else:
                act()
                paint()
            took.append(time.perf_counter() - t)
            if undo:
                window.files.undo()
                paint()
        return statistics.median(took)

    t = time.perf_counter()
    election = load(args.package)
    project = Project.create(tmp / "big.sanaq", election)
    opened = open_project(project)
    window = MainWindow(context, opened.workspace, project.path, project=project)
    window.show()
    paint()
    print(
        f"{election.stations():,} stations, project made and window shown: "
        f"{ms(time.perf_counter() - t)}"
    )
    ws, controller = window.workspace, window.controller
    tree = election.units
    levels = election.info.levels
    district_level = levels.index("district")

    def grow(unit: int, stations: int) -> None:
        """Untimed set-up: give the unit at least this many stations below it."""
        below = subtree(tree, unit)
        have = int((tree.level[below] == len(levels) - 1).sum())
        if have >= stations:
            return
        parent = (
            unit
            if int(tree.level[unit]) == district_level
            else int(next(u for u in tree.children(unit) if tree.level[int(u)] == district_level))
        )
        ids = [f"{tree.ids[parent]}-x{i}" for i in range(stations - have)]
        controller.apply(
            Change("grow", kind="structure", structure=new_children(election, parent, ids, ids))
        )
        ws.history.done.clear()

    districts = [u for u in range(len(tree)) if tree.level[u] == district_level]
    district = max(districts, key=lambda u: len(tree.children(u)))
    grow(district, 500)
    regions = [int(u) for u in tree.children(tree.root)]
    sizes = {r: int((tree.level[subtree(tree, r)] == len(levels) - 1).sum()) for r in regions}
    region = min(regions, key=lambda r: abs(sizes[r] - 6000))
    grow(region, 6000)
    paint()
    n_district = len(tree.children(district))
    n_region = int((tree.level[subtree(tree, region)] == len(levels) - 1).sum())

    # --- add 60 stations -----------------------------------------------------------------
    def open_add() -> None:
        window.select_unit(district)
        window.unit_tree.setFocus()
        key(Qt.Key.Key_Insert)
        paint()
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
        )
        QTest.keyClicks(QApplication.focusWidget(), "60")

    def commit() -> None:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    before = len(tree)
    took = timed(open_add, commit)
    assert len(tree) == before, "each run undone"
    print(
        f"add 60 stations to a district ({n_district} stations) at {election.stations():,}: "
        f"{ms(took)}"
    )

    # --- move a 500-station district --------------------------------------------------------
    other = next(r for r in regions if r != int(tree.parent[district]))

    def cut() -> None:
        window.select_unit(district)
        window.unit_tree.setFocus()
        key(Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
        window.select_unit(other)
        window.unit_tree.setFocus()
        paint()

    def paste() -> None:
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
        )

    took = timed(cut, paste)
    print(f"move a district of {n_district} stations to another region: {ms(took)}")

    # --- delete a 6,000-station region ------------------------------------------------------
    def ask() -> None:
        window.select_unit(region)
        window.unit_tree.setFocus()
        key(Qt.Key.Key_Delete)
        paint()
        box = window.structure.dialog
        assert isinstance(box, QMessageBox)
        button = next(b for b in box.buttons() if b.text() == "&Delete")
        button.setFocus()

    def confirm() -> None:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    took = timed(ask, confirm)
    print(f"delete a region of {n_region:,} stations (with its districts): {ms(took)}")
    t = time.perf_counter()
    ask()
    confirm()
    paint()
    window.files.undo()
    paint()
    print(
        f"  (delete and its undo, which journals every figure back: {ms(time.perf_counter() - t)})"
    )

    # --- typing ------------------------------------------------------------------------------
    window.select_unit(district)
    paint()
    view, model = window.results_view, window.results_model
    column = model.fields.index("votes:P01") + 1
    took_keys = []
    for row in range(1, 21):
        view.setFocus()
        view.setCurrentIndex(model.index(row, column))
        paint()
        QTest.keyClicks(QApplication.focusWidget(), "777")
        paint()
        t = time.perf_counter()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        paint()
        took_keys.append(time.perf_counter() - t)
    print(
        f"type a figure in a {model.rowCount() - 1}-station table (Enter to painted), 20 figures: "
        f"median {ms(statistics.median(took_keys))}, worst {ms(max(took_keys))}"
    )

    # --- 10,000 stations from a list ---------------------------------------------------------
    def station_list(path: Path, parents: list[str], prefix: str) -> None:
        lines = ["unit_id,unit_name,level,parent_name,registered"]
        for i, p in enumerate(parents):
            for d in range(3):
                lines.append(f"{prefix}D{i}-{d},{prefix} district {i}-{d},district,{p},")
        for k in range(10_000):
            i, d = k % len(parents), (k // len(parents)) % 3
            lines.append(
                f"{prefix}S{k},{prefix} № {k},station,{prefix} district {i}-{d},{900 + k % 50}"
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def import_list(w: MainWindow, path: Path) -> tuple[float, float]:
        w.files.import_action.trigger()
        wizard = w.files.dialog
        paint()
        t = time.perf_counter()
        wizard.file_page.path_edit.setText(str(path))
        wizard.file_page.reload()
        while wizard.raw is None:
            paint()
        wizard.next()
        wizard.next()
        wizard.check_page.create_units.setChecked(True)
        wizard.next()
        while wizard.plan is None or not wizard.plan.ready:
            paint()
            assert not (wizard.plan and wizard.plan.problems), wizard.plan.problems[:3]
        checked = time.perf_counter() - t
        finish = wizard.button(wizard.WizardButton.FinishButton)
        finish.setFocus()
        t = time.perf_counter()
        QTest.keyClick(finish, Qt.Key.Key_Space)
        paint()
        return checked, time.perf_counter() - t

    names = [tree.names[r] for r in regions]
    big_list = tmp / "big_list.csv"
    station_list(big_list, names, "N")
    checked, applied = import_list(window, big_list)
    print(
        f"add 10,000 stations from a list into {election.stations() - 10_000:,}: read and "
        f"checked {ms(checked)}, then Finish to painted {ms(applied)}; "
        f"total {ms(checked + applied)}"
    )
    window.close()

    from core.cli.audit import SAMPLE

    sample = load(SAMPLE)
    small = Project.create(tmp / "regions.sanaq", sample)
    w = MainWindow(context, open_project(small).workspace, small.path, project=small)
    w.show()
    paint()
    small_list = tmp / "small_list.csv"
    station_list(
        small_list,
        [sample.units.names[int(u)] for u in sample.units.children(sample.units.root)],
        "R",
    )
    checked, applied = import_list(w, small_list)
    print(
        f"add 10,000 stations from a list into an election of only its regions: read and "
        f"checked {ms(checked)}, then Finish to painted {ms(applied)}; "
        f"total {ms(checked + applied)}"
    )
    w.close()
    QGuiApplication.processEvents()


if __name__ == "__main__":
    main()
