"""Guard against PySide6 releases that drop references to None/True/False.

PySide6 6.12.0 hands back `None`, `True` and `False` without taking a reference: every void
method call (`setText`) drops one from `None`, every `emit()` one from `True`. Python 3.12+
makes those objects immortal, so nothing happens there; on 3.11 the counts drain until the
interpreter aborts ("Fatal Python error: none_dealloc / bool_dealloc"). pyproject.toml pins
`PySide6<6.12` where Python is older than 3.12; these tests fail if the installed release has
the fault, so a future release with it is caught before a till aborts mid-shift.

Each runs in a fresh process: an abort must not take the test session with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHIFT = """
import sys
import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Bus(QObject):
    changed = Signal(str, int)
bus, label = Bus(), QLabel()
before = sys.getrefcount(None), sys.getrefcount(True)
for n in range(5000):
    bus.changed.emit("customer", n)
    label.setText(str(n))
after = sys.getrefcount(None), sys.getrefcount(True)
print(PySide6.__version__, after[0] - before[0], after[1] - before[1])
"""


def run_shift() -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", SHIFT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_5000_emits_and_calls_do_not_abort_or_drain_reference_counts() -> None:
    result = run_shift()
    assert result.returncode == 0, (
        "a shift of 5,000 signal emits and setText calls aborted the interpreter; is this a "
        "PySide6 release with the reference-count fault? " + result.stderr[-2000:]
    )
    version, none_drift, true_drift = result.stdout.split()
    # A sound release leaves both counts where they were (give or take a few references the
    # loop itself holds); the faulty one loses one per call: -5000 each.
    assert abs(int(none_drift)) < 100, f"PySide6 {version} drains None: {none_drift}"
    assert abs(int(true_drift)) < 100, f"PySide6 {version} drains True: {true_drift}"
