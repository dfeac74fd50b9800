"""The pinned Qt binding survives a long session: no reference to None is lost per call.

PySide6 6.12.0 on Python 3.11 loses one per void call and aborts ("deallocating None") after
about 30,000 of them, minutes into a real session; this keeps such a release out.
"""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("x")
before = sys.getrefcount(None)
for _ in range(50_000):
    label.setText("y")
    label.hide()
print(sys.getrefcount(None) - before)
"""


def test_fifty_thousand_qt_calls_keep_none_alive():
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-300:]
    assert abs(int(done.stdout.strip())) < 1_000
