"""One call off the window's thread (a backup, an export's PDF), its outcome as a signal.

The thread runs at low priority (Linux: `nice` for this thread only), so the counter's
searches and saves go first; the window stays responsive and learns the result through
`signals.finished` (queued to the window's thread).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from db.errors import UserError


class JobSignals(QObject):
    finished = Signal(str)  # "" when all went well, else the failure's sentence


class BackgroundJob(QRunnable):
    """One call to `call` in the thread pool; its outcome is emitted on `signals.finished`."""

    def __init__(self, call: Callable[[], object]) -> None:
        super().__init__()
        self.call = call
        self.signals = JobSignals()

    def run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        try:
            self.call()
        except UserError as exc:
            self.signals.finished.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a bug in the job must not end the console
            self.signals.finished.emit(str(exc))
            return
        self.signals.finished.emit("")
