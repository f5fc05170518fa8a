"""One import (or dry run) off the window's thread, its progress and outcome as signals.

The job runs in the thread pool (`widgets.background_job.BackgroundJob`, low priority) on
its own database connection. The import engine calls `progress` and `cancelled` on that
worker thread; progress goes to the window as a queued signal (at most every 50 ms, and at
every change of stage), and `cancel()` sets a flag the engine's `cancelled` reads. The
outcome (an ImportReport, a UserError to show in a sentence, or "cancelled") arrives on
`finished` in the window's thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlite_utils import Database

from db.errors import UserError
from db.imports.formats import ImportOptions, RefusedRow
from db.imports.job import ImportProgress, ImportReport, abandon_import, resume_import
from db.store.connection import open_database
from widgets.background_job import BackgroundJob
from widgets.import_kinds import ImportKind

PROGRESS_EVERY_S = 0.05

Outcome = ImportReport | UserError | BaseException | None
"""What a run ended with: a report (also when cancelled), a known error, or a bug."""


class ImportRun(QObject):
    """Start with `start()`; `progressed(ImportProgress)` while it runs, then
    `finished(outcome)` once, in the thread that created the run."""

    progressed = Signal(object)
    finished = Signal(object)

    def __init__(self, kind: ImportKind, db_file: str, path: Path, options: ImportOptions, *,
                 dry_run: bool, refused_sink: Callable[[RefusedRow], None] | None = None,
                 pending: tuple[str, int] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind, self.db_file, self.path, self.options = kind, db_file, path, options
        self.dry_run = dry_run
        self.pending = pending
        """("resume" or "abandon", import id): an interrupted import instead of the file."""
        self.refused_sink = refused_sink
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self._last_stage = ""
        self.outcome: Outcome = None
        self.running = False
        self._job: BackgroundJob | None = None

    # -- the window's side
    def start(self) -> None:
        self.running = True
        self._job = BackgroundJob(self._call)
        self._job.signals.finished.connect(self._on_job_finished)
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        """Ask the engine to stop; it undoes what it did and the run ends as cancelled."""
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _on_job_finished(self, error: str) -> None:
        self.running = False
        self._job = None
        outcome = self.outcome
        if outcome is None and error:  # a bug BackgroundJob caught outside the import call
            outcome = RuntimeError(error)
        self.finished.emit(outcome)

    # -- the worker's side
    def _call(self) -> None:
        if not self.db_file:
            self.outcome = UserError(self.tr("Importing needs a database file."))
            return
        try:
            db = open_database(self.db_file, quick_check_ms=None)
        except UserError as exc:
            self.outcome = exc
            return
        try:
            if self.pending is not None:
                self.outcome = self._finish_pending(db, *self.pending)
            else:
                self.outcome = self.kind.run(
                    db, self.path, self.options, dry_run=self.dry_run,
                    progress=self._progress, cancelled=self._cancel.is_set,
                    refused_sink=self.refused_sink)
        except UserError as exc:
            self.outcome = exc
        except Exception as exc:  # noqa: BLE001 - shown to the person, never ends the console
            if self._cancel.is_set():
                # the engine stopped by raising; its transaction or staging was undone
                self.outcome = ImportReport(self.kind.key, "", dry_run=self.dry_run,
                                            cancelled=True)
            else:
                self.outcome = exc
        finally:
            db.close()

    def _finish_pending(self, db: Database, action: str, import_id: int) -> ImportReport:
        if action == "abandon":
            return abandon_import(db, import_id, progress=self._progress)
        return resume_import(db, import_id, progress=self._progress,
                             cancelled=self._cancel.is_set, refused_sink=self.refused_sink)

    def _progress(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        stage_changed = progress.stage != self._last_stage
        last = progress.total is not None and progress.done >= progress.total
        if stage_changed or last or now - self._last_emit >= PROGRESS_EVERY_S:
            self._last_emit = now
            self._last_stage = progress.stage
            self.progressed.emit(progress)  # queued: the run lives in the window's thread
