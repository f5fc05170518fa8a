"""PySide6 6.12 on Python 3.11 drops references to None/True/False on every call; without
the work-around in widgets/qt_compat.py a long shift of clicks and signals aborts the
interpreter. This runs such a shift in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHIFT = """
import widgets  # applies the work-around
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Bus(QObject):
    changed = Signal(str, int)
bus, label = Bus(), QLabel()
for n in range(5000):
    bus.changed.emit("customer", n)
    label.setText(str(n))
print("done")
"""


def test_many_emits_and_calls_do_not_abort_the_interpreter() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", SHIFT], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
