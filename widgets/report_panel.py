"""The end-of-day report screen for managers: choose a range, preview the PDF, print or save.

The figures and the PDF are made in a worker thread on its own database connection, so a
month's report shows progress and the window stays responsive. Only managers may open the
screen; the data API (`db.report_queries.build_report`) refuses anyone else as well.
Printing and file choice go through the injectable dialog service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, QThread, Signal, Slot
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.clock import today_local
from db.errors import UserError, ValidationError
from db.models import Staff
from db.report_queries import ReportData, build_report, check_can_report, check_range
from db.store.connection import open_database
from reports.report_csv import write_csv
from reports.safe_output import database_files, write_file
from widgets.context import AppContext
from widgets.errors import show_error
from widgets.formats import use_date_format
from widgets.letter_preview import PdfPreview, default_printer, print_pdf
from widgets.text_fit import keep_whole_text

MIN_TARGET = 44  # px: touch-friendly controls

PRESETS: tuple[str, ...] = ("today", "yesterday", "last7", "this_month", "last_month", "custom")


def preset_range(key: str, today: date) -> tuple[date, date]:
    """The local days a preset covers, counted from `today`."""
    if key == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if key == "last7":
        return today - timedelta(days=6), today
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    return today, today


def database_file(db: Any) -> str:
    """The file behind a connection ('' for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class ReportWorker(QObject):
    """Builds the figures and the PDF on its own connection, in the thread it is moved to."""

    progress = Signal(int)
    done = Signal(object, object)  # ReportData, bytes
    failed = Signal(object)  # UserError

    def __init__(self, db_file: str, start: date, end: date, actor: Staff,
                 language: str | None = None) -> None:
        super().__init__()
        self.db_file, self.start, self.end, self.actor = db_file, start, end, actor
        self.language = language

    @Slot()
    def run(self) -> None:
        try:
            db = open_database(self.db_file)
            try:
                data, pdf = make_report(db, self.start, self.end, self.actor,
                                        self.progress.emit, self.language)
            finally:
                db.close()
        except UserError as exc:
            self.failed.emit(exc)
        else:
            self.done.emit(data, pdf)
        finally:
            # Quit from here: a queued quit would wait for the GUI thread.
            QThread.currentThread().quit()


def make_report(
    db: Any, start: date, end: date, actor: Staff, progress: Callable[[int], None],
    language: str | None = None,
) -> tuple[ReportData, bytes]:
    """Figures (first 10 %) and PDF (the rest) of one range, in `language` (default: the
    report language of the settings); amounts and dates are written for that language."""
    from dataclasses import replace

    from db.settings import load_settings

    progress(2)
    settings = load_settings(db)
    if language:
        settings = replace(settings, report_language=language)
    data = build_report(db, start, end, actor=actor, settings=settings)
    progress(10)
    from reports.day_report import build_pdf  # ReportLab loads on first use, not at start-up

    pdf = build_pdf(data, progress=lambda p: progress(10 + p * 90 // 100))
    return data, pdf


class ReportPanel(QWidget):
    """Choose a range, generate (with progress), preview, print or save as PDF or CSV."""

    report_ready = Signal()
    report_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.make_printer: Callable[[], QPrinter] = default_printer
        self.data: ReportData | None = None
        self.pdf = b""
        self._thread: QThread | None = None
        self._worker: ReportWorker | None = None

        self.title = QLabel(self.tr("End-of-day report"))
        self.title.setObjectName("SectionTitle")
        self.preset = QComboBox()
        labels = {
            "today": self.tr("Today"), "yesterday": self.tr("Yesterday"),
            "last7": self.tr("Last 7 days"), "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"), "custom": self.tr("Choose dates"),
        }
        for key in PRESETS:
            self.preset.addItem(labels[key], key)
        self.preset.setAccessibleName(self.tr("Report range"))
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit, name in ((self.from_edit, self.tr("From")), (self.to_edit, self.tr("To"))):
            edit.setCalendarPopup(True)
            use_date_format(edit)
            edit.setAccessibleName(name)
        self.generate_button = QPushButton(self.tr("&Make report"))
        self.generate_button.setDefault(True)
        keep_whole_text(self.generate_button)  # the page's main action: never squeezed
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        for w in (self.preset, self.from_edit, self.to_edit, self.generate_button,
                  self.print_button, self.save_button, self.csv_button):
            w.setMinimumHeight(MIN_TARGET)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = PdfPreview(self)

        controls = QHBoxLayout()
        controls.addWidget(self.preset)
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel(self.tr("To")))
        controls.addWidget(self.to_edit)
        controls.addWidget(self.generate_button)
        controls.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addLayout(actions)

        self.preset.currentIndexChanged.connect(self._on_preset)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        self.csv_button.clicked.connect(self.save_csv)
        self._on_preset()
        self._set_running(False)
        app = QCoreApplication.instance()
        if app is not None:  # never let the application end under a running worker
            app.aboutToQuit.connect(self.wait)

    # -- access

    def can_open(self) -> bool:
        """Only an active manager, signed in with their PIN, sees the report."""
        try:
            check_can_report(self.ctx.require_manager_with_pin())
        except UserError:
            return False
        return True

    def open(self) -> bool:
        """Get ready to show; refuses (with a message) anyone but a manager."""
        try:
            check_can_report(self.ctx.require_manager_with_pin())
        except UserError as exc:
            show_error(self, exc)
            return False
        self._on_preset()
        return True

    # -- range

    def today(self) -> date:
        return today_local(self.ctx.settings.timezone)

    def set_range(self, start: date, end: date) -> None:
        """Choose exact dates (switches the preset to "choose dates")."""
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))

    def chosen_range(self) -> tuple[date, date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def _on_preset(self) -> None:
        key = self.preset.currentData()
        custom = key == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            start, end = preset_range(str(key), self.today())
            self.from_edit.setDate(_qdate(start))
            self.to_edit.setDate(_qdate(end))

    # -- generate

    def is_running(self) -> bool:
        return self._thread is not None

    def wait(self, ms: int = 60_000) -> None:
        """Block until the worker ended (closing the window, tests)."""
        if self._thread is not None:
            self._thread.wait(ms)

    def generate(self) -> None:
        if self.is_running():
            return
        start, end = self.chosen_range()
        try:
            actor = self.ctx.require_manager_with_pin()
            check_can_report(actor)
            check_range(start, end)
        except ValidationError as exc:
            self._fail(UserError(next(iter(exc.fields.values()), str(exc))))
            return
        except UserError as exc:
            self._fail(exc)
            return
        self.progress.setValue(0)
        self.status.setText(self.tr("Making the report…"))
        self._set_running(True)
        path = database_file(self.ctx.db)
        if not path:  # an in-memory database has no second connection: work here
            try:
                data, pdf = make_report(self.ctx.db, start, end, actor, self._on_progress,
                                        self.report_language())
            except UserError as exc:
                self._on_failed(exc)
            else:
                self._on_done(data, pdf)
            self._set_running(False)
            return
        thread = QThread(self)
        worker = ReportWorker(path, start, end, actor, self.report_language())
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def report_language(self) -> str:
        """The report is made in the screen's language (amounts and dates too)."""
        from db.i18n import current_language

        return current_language()

    @Slot(int)
    def _on_progress(self, value: int) -> None:
        self.progress.setValue(value)

    @Slot(object, object)
    def _on_done(self, data: Any, pdf: Any) -> None:
        self.data, self.pdf = data, bytes(pdf)
        self.preview.set_pdf(self.pdf)
        self.progress.setValue(100)
        t = data.totals
        self.status.setText(
            self.tr("{complaints} complaints, {compliments} compliments, {suggestions} "
                    "suggestions; {pages} pages.")
            .replace("{complaints}", str(t.complaints))
            .replace("{compliments}", str(t.compliments))
            .replace("{suggestions}", str(t.suggestions))
            .replace("{pages}", str(self.preview.page_count())))
        self.report_ready.emit()

    @Slot(object)
    def _on_failed(self, exc: Any) -> None:
        self._fail(exc)

    def _fail(self, exc: UserError) -> None:
        self.status.setText(str(exc))
        self.progress.setValue(0)
        show_error(self, exc)
        self.report_failed.emit(str(exc))

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        ready = bool(self.pdf) and not running
        self.generate_button.setEnabled(not running)
        self.preset.setEnabled(not running)
        for button in (self.print_button, self.save_button, self.csv_button):
            button.setEnabled(ready)

    # -- print and save

    def _suggested(self, suffix: str) -> str:
        start, end = (self.data.start, self.data.end) if self.data else self.chosen_range()
        span = start.isoformat() if start == end else f"{start.isoformat()}_{end.isoformat()}"
        return f"complaint-report-{span}{suffix}"

    def print_report(self) -> bool:
        if not self.pdf:
            return False
        printer = self.make_printer()
        printer.setDocName(self._suggested(""))
        if not self.ctx.dialogs.print_setup(self, printer):
            return False
        try:
            print_pdf(self.preview.document, printer)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.status.setText(self.tr("Sent to the printer."))
        return True

    def save_pdf(self) -> Path | None:
        if not self.pdf:
            return None
        name = self.ctx.dialogs.save_file(self, self.tr("Save report as PDF"),
                                          self._suggested(".pdf"), self.tr("PDF (*.pdf)"))
        if not name:
            return None
        try:
            write_file(name, self.pdf, database_files(self.ctx.db))
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", name)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        self.status.setText(self.tr("Saved {path}.").replace("{path}", name))
        return Path(name)

    def save_csv(self) -> Path | None:
        if self.data is None:
            return None
        name = self.ctx.dialogs.save_file(self, self.tr("Save report as CSV"),
                                          self._suggested(".csv"), self.tr("CSV (*.csv)"))
        if not name:
            return None
        try:
            detail, summary = write_csv(self.data, name, database_files(self.ctx.db))
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", name)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        self.status.setText(self.tr("Saved {detail} and {summary}.")
                            .replace("{detail}", str(detail))
                            .replace("{summary}", str(summary)))
        return detail


__all__ = ["ReportPanel", "ReportWorker", "make_report", "preset_range"]
