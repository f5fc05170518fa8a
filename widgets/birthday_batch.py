"""This week's birthday letters in one PDF, made in a worker thread with its own connection.

The panel lists this week's (Monday to Sunday) birthdays of customers who agreed to be
contacted, makes every letter in a `QThread` (so the window stays responsive and shows
progress, and can be stopped), previews the combined PDF and prints or saves it. The letters
are recorded, each with its own PDF, once they have been printed or saved.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.clock import today_local
from db.customers.records import birthdays_between
from db.errors import UserError
from db.store.connection import open_database
from reports.letter_service import (
    BatchCancelled,
    PreparedLetter,
    birthday_batch,
    record_letters,
    week_start,
)
from reports.safe_output import database_files, stage
from widgets.birthday_list_model import BirthdayListModel
from widgets.context import AppContext
from widgets.data_bus import ANY_ID, LETTER
from widgets.errors import show_error
from widgets.formats import format_date
from widgets.letter_preview import MIN_TARGET, PdfPreview, default_printer, print_pdf
from widgets.ops import run_op


def database_file(db: Database) -> str:
    """The file behind a connection ('' for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


class BatchWorker(QObject):
    """Makes the letters on its own database connection, in the thread it is moved to."""

    progress = Signal(int, int)
    done = Signal(object, object)  # list[PreparedLetter], bytes
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_file: str, customer_ids: list[int], today: date) -> None:
        super().__init__()
        self.db_file = db_file
        self.customer_ids = customer_ids
        self.today = today
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    @Slot()
    def run(self) -> None:
        try:
            db = open_database(self.db_file)
        except UserError as exc:
            self.failed.emit(str(exc))
            QThread.currentThread().quit()
            return
        try:
            letters, pdf = birthday_batch(
                db, self.customer_ids, today=self.today,
                progress=self.progress.emit, cancelled=lambda: self._stop,
            )
        except BatchCancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        else:
            self.done.emit(letters, pdf)
        finally:
            db.close()
            # Quit from here: a queued quit would wait for the (possibly blocked) GUI thread.
            QThread.currentThread().quit()


class BirthdayBatchPanel(QWidget):
    """Birthday letters for the week: list, make (with progress), preview, print or save."""

    batch_ready = Signal(int)  # number of letters
    batch_recorded = Signal(object)  # list[LetterRecord]
    batch_stopped = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.make_printer = default_printer
        self.letters: list[PreparedLetter] = []
        self.pdf = b""
        self.today: date | None = None
        self._thread: QThread | None = None
        self._worker: BatchWorker | None = None

        self.title = QLabel(self.tr("Birthdays this week"))
        self.title.setObjectName("pageTitle")
        self.hint = QLabel(self.tr("Only customers who agreed to be contacted."))
        self.hint.setWordWrap(True)
        self.model = BirthdayListModel(parent=self)  # dates in the screen language
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.tr("Birthdays this week"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.make_button = QPushButton(self.tr("Make letters"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        for b in (self.make_button, self.stop_button, self.print_button, self.save_button):
            b.setMinimumHeight(MIN_TARGET)
        self.preview = PdfPreview()

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.title)
        lv.addWidget(self.hint)
        lv.addWidget(self.list_view, 1)
        lv.addWidget(self.progress)
        lv.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.make_button)
        row.addWidget(self.stop_button)
        lv.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.save_button)
        row2.addWidget(self.print_button)
        lv.addLayout(row2)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

        self.make_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.print_button.clicked.connect(self.print_batch)
        self.save_button.clicked.connect(self.save_batch)
        self._set_running(False)

    # -- the week's list
    def reload(self, today: date | None = None) -> None:
        self.today = today or today_local(self.ctx.settings.timezone)
        start = week_start(self.today)
        entries = birthdays_between(self.ctx.db, start, 7, consenting_only=True)
        self.model.set_entries(entries, self.today)
        end = start + timedelta(days=6)
        self.hint.setText(
            self.tr("{start} – {end}: only customers who agreed to be contacted.")
            .replace("{start}", format_date(start))
            .replace("{end}", format_date(end))
        )
        self.status.setText(self.tr("%n letter(s) to make.", "", len(entries)))
        self.letters, self.pdf = [], b""
        self.preview.clear()
        self._set_running(False)

    def customer_ids(self) -> list[int]:
        ids = []
        for row in range(self.model.rowCount()):
            entry = self.model.entry(row)
            if entry is not None:
                ids.append(entry.customer_id)
        return ids

    # -- making the letters
    def start(self) -> None:
        ids = self.customer_ids()
        if not ids:
            self.status.setText(self.tr("No birthdays this week."))
            return
        today = self.today or today_local(self.ctx.settings.timezone)
        self.progress.setRange(0, 2 * len(ids))
        self.progress.setValue(0)
        self.status.setText(self.tr("Making %n letter(s)…", "", len(ids)))
        self.letters, self.pdf = [], b""
        path = database_file(self.ctx.db)
        self._set_running(True)
        if not path:  # an in-memory database has no second connection: work here
            self._run_here(ids, today)
            return
        thread = QThread(self)
        worker = BatchWorker(path, ids, today)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def _run_here(self, ids: list[int], today: date) -> None:
        try:
            letters, pdf = birthday_batch(self.ctx.db, ids, today=today,
                                          progress=self._on_progress)
        except UserError as exc:
            self._on_failed(str(exc))
        else:
            self._on_done(letters, pdf)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self.status.setText(self.tr("Stopping…"))

    def is_running(self) -> bool:
        return self._thread is not None

    def wait(self, ms: int = 30_000) -> None:
        """Block until the worker thread ended (used when closing, and by tests)."""
        if self._thread is not None:
            self._thread.wait(ms)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    @Slot(object, object)
    def _on_done(self, letters: Any, pdf: Any) -> None:
        self.letters, self.pdf = list(letters), bytes(pdf)
        self.preview.set_pdf(self.pdf)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("%n letter(s) ready to print.", "",
                                    len(self.letters)))
        self._set_running(False)
        self.batch_ready.emit(len(self.letters))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        show_error(self, UserError(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Stopped; no letters were made."))
        self.progress.setValue(0)
        self._set_running(False)
        self.batch_stopped.emit()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread, self._worker = None, None

    def _set_running(self, running: bool) -> None:
        self.make_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        ready = bool(self.letters) and not running
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- output
    def print_batch(self) -> list[Any] | None:
        if not self.letters:
            return None
        printer: QPrinter = self.make_printer()
        printer.setDocName(self.tr("Birthday letters"))
        if not self.ctx.dialogs.print_setup(self, printer):
            return None
        try:
            print_pdf(self.preview.document, printer)
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._record()

    def save_batch(self) -> list[Any] | None:
        if not self.letters:
            return None
        day = (self.today or date.today()).isoformat()
        path = self.ctx.dialogs.save_file(self, self.tr("Save birthday letters"),
                                          f"birthday-letters-{day}.pdf",
                                          self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        # The PDF waits beside its target until the letters are recorded: a refused record
        # (read-only database) leaves no PDF behind.
        try:
            with stage([(path, self.pdf)], database_files(self.ctx.db)) as pending:
                records = self._record()
                if records is not None:
                    pending.commit()
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", path)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        return records

    def _record(self) -> list[Any] | None:
        staff = self.ctx.staff()
        records = run_op(
            self.ctx, self,
            lambda: record_letters(self.ctx.db, self.letters,
                                   created_by=staff.id if staff else None),
            changed=[(LETTER, ANY_ID)],
        )
        if records is not None:
            self.status.setText(self.tr("%n letter(s) kept on the customers' profiles.",
                                        "", len(records)))
            self.batch_recorded.emit(records)
        return records

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.stop()
        self.wait()
        super().closeEvent(event)

