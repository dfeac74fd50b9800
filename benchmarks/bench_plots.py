"""Time each plot's redraw after a selection and after an edit, on a large synthetic package.

    python benchmarks/generate.py /tmp/g100k --stations 100000 --parties 30 --observer-share 0.05
    python benchmarks/bench_plots.py /tmp/g100k [--repeat 5] [--shots DIR]

A redraw is what the user waits for: the numbers from core.plotdata, the items' new data, and
one synchronous repaint of the plot at 1000 x 700. The budget is 100 ms per plot.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from core.analysis import plotdata
from core.model.seat_rules import SeatRules
from core.opener.load import load
from core.project.edits import CellEdit, Change
from core.project.session import Workspace
from ui.plots.base import PlotView
from ui.plots.panel import PlotsPanel


def _redraw_ms(app: QApplication, view: PlotView) -> float:
    t0 = time.perf_counter()
    view.redraw()
    app.processEvents()  # delivers the one pending paint, as the event loop would
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("package", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--shots", type=Path, help="save a screenshot of each plot here")
    args = p.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    t0 = time.perf_counter()
    election = load(args.package)
    if election.info.seats is None:  # synthetic packages carry no seat rules: use Kazakhstan's
        election.info.seats = SeatRules(
            98, "largest_remainder_hare", Fraction(7), "ballots_cast", 2
        )
    ws = Workspace(election)
    tree = election.units
    print(
        f"loaded {len(tree):,} units ({election.stations():,} stations) and audited "
        f"in {time.perf_counter() - t0:.1f} s; {len(ws.auditor.findings):,} findings"
    )

    panel = PlotsPanel(ws)
    panel.resize(1000, 700)
    panel.show()
    app.processEvents()

    root = tree.root
    region = int(tree.children(root)[0])
    district = int(tree.children(region)[0])
    station = int(tree.children(district)[0]) if tree.children(district).size else district
    targets = [("region", region), ("district", district), ("station", station)]
    station_id = tree.ids[station]
    field = f"votes:{election.info.codes[0]}"
    old = election.sources["official"].value(field, station)
    assert isinstance(old, int)

    print(
        f"{'plot':<16}{'first':>9}"
        + "".join(f"{'sel ' + n:>14}" for n, _ in targets)
        + f"{'edit':>10}{'undo':>10}   (median ms of {args.repeat})"
    )
    for i, view in enumerate(panel.views):
        panel.tabs.setCurrentIndex(i)
        view.set_unit(root)
        view.invalidate()
        first = _redraw_ms(app, view)
        cells = []
        for _, unit in targets:
            runs = []
            for _ in range(args.repeat):
                view.set_unit(root)
                view.redraw()
                view.set_unit(unit)
                runs.append(_redraw_ms(app, view))
            cells.append(statistics.median(runs))
        edits, undos = [], []
        for _ in range(args.repeat):
            ws.apply(Change("bench", (CellEdit(station_id, "official", field, old, old + 7),)))
            view.invalidate()
            edits.append(_redraw_ms(app, view))
            ws.undo()
            view.invalidate()
            undos.append(_redraw_ms(app, view))
        print(
            f"{view.title:<16}{first:>9.1f}"
            + "".join(f"{c:>14.1f}" for c in cells)
            + f"{statistics.median(edits):>10.1f}{statistics.median(undos):>10.1f}"
        )
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
            view.set_unit(region)
            view.redraw()
            app.processEvents()
            panel.grab().save(str(args.shots / f"{i}_{view.title.split()[0].lower()}.png"))
    panel.tabs.setCurrentWidget(panel.seats)
    runs = []
    for _ in range(args.repeat):
        plotdata.seat_margins.cache_clear()  # as after an edit of the national votes
        panel.seats.invalidate()
        runs.append(_redraw_ms(app, panel.seats))
    print(
        f"seats after an edit of the national votes (margins recomputed): "
        f"{statistics.median(runs):.1f} ms for {len(election.info.codes)} contestants, "
        f"{election.info.seats.method}"
    )
    fp = panel.fingerprint
    print(f"fingerprint drawn as {fp.mode} ({fp.fp.stations.size if fp.fp else 0:,} stations)")
    # Delete the widgets while the QApplication lives: left to interpreter shutdown, PySide6
    # 6.12 destroys them in an order that segfaults ("shared QObject was deleted directly").
    panel.close()
    panel.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


if __name__ == "__main__":
    main()
