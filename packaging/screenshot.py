"""Open the window on the sample under Xvfb and save a screenshot (for the README).

    python packaging/screenshot.py [docs/screenshot.png] [--width 1100]

Starts its own Xvfb when no DISPLAY is set (apt-get install xvfb xauth libxcb-icccm4
libxcb-keysyms1 libxcb-cursor0). Settings and the project copy go to a throwaway folder.
Look at the image: without fonts every letter is a box and nothing fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_xvfb() -> subprocess.Popen[bytes]:
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        display = fh.readline().strip()
    os.environ["DISPLAY"] = f":{display}"
    return proc


def shoot(out: Path, width: int) -> None:
    from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from ui.app import create_window
    from ui.context import AppContext

    app = QApplication(["sanaq"])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat)
        context = AppContext(settings, data_dir=Path(tmp) / "data")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        window = create_window(context)
        window.resize(1400, 860)
        window.show()

        def stage() -> None:
            units = window.workspace.election.units
            window.select_unit(units.root)
            model, view = window.results_model, window.results_view
            almaty = units.index["KZ-03"]
            view.setFocus()
            view.setCurrentIndex(model.cell_index(almaty, "votes:ADAL"))
            # the marked percentage in view, not hidden under the selection
            view.scrollTo(model.cell_index(almaty, "pct:turnout"))

        def grab() -> None:
            image = window.grab().toImage()
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            # 256 colours are plenty for a window and keep the PNG small
            image = image.convertToFormat(QImage.Format.Format_Indexed8)
            out.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(out), "PNG", 9)
            print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
            window.close()
            app.quit()

        QTimer.singleShot(300, stage)
        QTimer.singleShot(1500, grab)
        app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--width", type=int, default=1000)
    args = parser.parse_args()
    xvfb = None
    if not os.environ.get("DISPLAY"):
        xvfb = start_xvfb()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        shoot(args.out.resolve(), args.width)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()


if __name__ == "__main__":
    main()
