"""Time the desktop window: start-up on the sample, and a 100,000-station election's table.

    python benchmarks/bench_ui.py [--package /tmp/ui_g100k] [--runs 3]

Prints figures (no pass/fail). Start-up runs `python main.py` as a whole process (with
SANAQ_QUIT_WHEN_SHOWN, so it quits once the window is shown) in a throwaway settings and
data folder: the first start copies the sample into a project file, later starts open it.
The 100k part generates the package with benchmarks/generate.py if it is missing, loads it
with core.package.load, and times the window's work the way a person meets it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def startup(runs: int) -> None:
    for i in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, XDG_CONFIG_HOME=f"{tmp}/c", XDG_DATA_HOME=f"{tmp}/d")
            for what in ("first start (sample -> new project)", "next start (last project)"):
                env["SANAQ_QUIT_WHEN_SHOWN"] = repr(time.time())
                t = time.perf_counter()
                out = subprocess.run(
                    [sys.executable, "main.py"],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    stderr=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    text=True,
                ).stdout
                whole = time.perf_counter() - t
                shown = float(out.split("shown ")[1].split()[0])
                print(
                    f"run {i + 1}, {what}: python main.py to window painted {shown:.2f} s "
                    f"(process until exit {whole:.2f} s)"
                )


def ms(t: float) -> str:
    return f"{(time.perf_counter() - t) * 1000:.1f} ms"


def big(package: Path) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.opener.load import load
    from core.project.session import Workspace
    from ui.context import AppContext
    from ui.main_window import MainWindow

    if not package.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate.py"),
                str(package),
                "--stations",
                "100000",
                "--parties",
                "30",
                "--errors",
                "20",
            ],
            check=True,
        )
    app = QApplication.instance() or QApplication([])
    t = time.perf_counter()
    election = load(package)
    print(f"load {package.name}: {ms(t)}")
    t = time.perf_counter()
    workspace = Workspace(election)
    print(f"full audit ({len(workspace.auditor.findings)} findings): {ms(t)}")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat), data_dir=Path(tmp))
        t = time.perf_counter()
        window = MainWindow(ctx, workspace)
        window.show()
        window.repaint()
        print(f"window on {election.stations():,} stations shown: {ms(t)}")
        t = time.perf_counter()
        app.processEvents()
        print(f"then plots panel docked (if present) and the id index built: {ms(t)}")
        units = election.units
        districts = [u for u in range(len(units)) if units.level[u] == 2]
        district = max(districts, key=lambda u: len(units.children(u)))
        view = window.results_view

        def paint() -> None:
            # Qt paints what the change made dirty (the offscreen backing store is real).
            app.processEvents()

        t = time.perf_counter()
        window.select_unit(district)
        paint()
        print(
            f"open district {units.ids[district]} ({len(units.children(district))} stations, "
            f"{window.results_model.columnCount()} columns) and paint: {ms(t)}"
        )
        bar = view.verticalScrollBar()
        steps = []
        for scroll in (bar, view.horizontalScrollBar()):
            for v in range(0, scroll.maximum() + 1, max(scroll.pageStep(), 1)):
                t = time.perf_counter()
                scroll.setValue(v)
                paint()
                steps.append(time.perf_counter() - t)
        hbar = view.horizontalScrollBar()
        print(
            f"scroll a page ({len(steps)} pages): mean {1000 * sum(steps) / len(steps):.1f} ms, "
            f"worst {1000 * max(steps):.1f} ms"
        )
        bar.setValue(0)
        hbar.setValue(0)
        column = window.results_model.fields.index("votes:P01") + 1
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            t = time.perf_counter()
            view.sortByColumn(column, order)
            paint()
            print(f"sort by votes:P01 ({order.name}) and paint: {ms(t)}")
        t = time.perf_counter()
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        paint()
        print(f"sort by ID (collated, numeric) and paint: {ms(t)}")

        station = int(units.children(district)[0])
        cell = window.results_model.cell_index(station, "votes:P01")
        view.setFocus()
        view.setCurrentIndex(cell)
        paint()
        old = window.results_model.value(station, "votes:P01")
        before = len(window.findings_panel.model._rows)
        QTest.keyClicks(QApplication.focusWidget(), "7")
        app.processEvents()
        QTest.keyClicks(QApplication.focusWidget(), "77")
        app.processEvents()
        t = time.perf_counter()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        paint()
        after = len(window.findings_panel.model._rows)
        print(
            f"type a figure ({old} -> 777) + Enter: cell, findings ({before} -> {after}), "
            f"tree and summary updated and painted: {ms(t)}"
        )
        t = time.perf_counter()
        window.files.undo()
        paint()
        print(f"undo and paint: {ms(t)}")
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--package", type=Path, default=Path("/tmp/ui_g100k"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-big", action="store_true", help="start-up figures only")
    parser.add_argument("--no-plots", action="store_true", help="time the window without plots")
    args = parser.parse_args()
    if args.no_plots:
        sys.modules["ui.plots.panel"] = None  # type: ignore[assignment]  # import fails: no dock
    if not args.skip_startup:
        startup(args.runs)
    if not args.skip_big:
        big(args.package)


if __name__ == "__main__":
    main()
