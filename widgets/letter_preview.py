"""Letter preview: choose kind and language, edit the body, see the real PDF, print or save.

The preview shows the very PDF that will be printed (ReportLab output shown by Qt's
`QPdfView`), re-rendered a moment after the body is edited. Printing goes through the
injectable dialog service (`print_setup`), then each PDF page is drawn onto the printer;
saving writes the bytes. Either way the letter (with the edited body and the exact PDF) is
recorded through `reports.letter_service.record_letter`, and `letter_recorded` is emitted.
Each `open_for` starts from an empty screen (`reset`), so a letter that cannot be written
never shows the previous customer's or complaint's text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from reports.letter_service import (
    LetterRecord,
    VoucherNotUsable,
    prepare_letter,
    record_letter,
    render,
    with_body,
)
from reports.letter_templates import LetterData
from reports.safe_output import database_files, stage
from widgets.context import AppContext
from widgets.data_bus import CUSTOMER, LETTER
from widgets.errors import show_error
from widgets.formats import format_date
from widgets.ops import run_op

REFRESH_MS = 600
NO_VOUCHER = -1
PRINT_DPI = 300  # pages are rasterised for the printer at most at this resolution
MIN_TARGET = 44  # px: touch-friendly buttons
BODY_MIN_HEIGHT = 160  # px: a few lines of the letter stay editable on a small screen


class PdfPreview(QWidget):
    """A `QPdfView` over PDF bytes held in memory (the document keeps its own buffer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_pdf(self, pdf: bytes) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def clear(self) -> None:
        self.document.close()

    def page_count(self) -> int:
        return self.document.pageCount()


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Draw every page of `document` onto `printer`, scaled to the printable page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(QCoreApplication.translate(
            "LetterPreview", "The printer could not be started. Check that it is connected "
            "and try again."))
    try:
        dpi = min(printer.resolution(), PRINT_DPI)  # a 1200 dpi A4 image would be ~500 MB
        for page in range(document.pageCount()):
            if page > 0:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()


def default_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


class LetterPreview(QWidget):
    """Preview, edit and print one letter for a customer or a complaint."""

    letter_recorded = Signal(object)  # LetterRecord
    preview_updated = Signal()

    KINDS = ("apology", "thank-you", "birthday")
    LANGUAGES = ("en", "fi", "zh-TW", "zh-CN")
    REASONS = ("", "loyal", "compliment", "resolved", "suggestion")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.make_printer: Callable[[], QPrinter] = default_printer
        self.customer_id: int | None = None
        self.complaint_id: int | None = None
        self.data: LetterData | None = None
        self.pdf: bytes = b""
        self._template_body = ""
        self._loading = False

        self.kind_box = QComboBox()
        for key, text in zip(self.KINDS, (self.tr("Apology"), self.tr("Thank you"),
                                          self.tr("Birthday")), strict=True):
            self.kind_box.addItem(text, key)
        self.reason_box = QComboBox()
        for key, text in zip(self.REASONS, (self.tr("Automatic"), self.tr("Loyal customer"),
                                            self.tr("Compliment"),
                                            self.tr("After a resolved complaint"),
                                            self.tr("Suggestion")),
                             strict=True):
            self.reason_box.addItem(text, key)
        self.about_box = QComboBox()
        self.about_box.setMinimumHeight(MIN_TARGET)
        self.about_box.setAccessibleName(self.tr("Complaint or compliment the letter is about"))
        self.voucher_box = QComboBox()
        self.voucher_box.setMinimumHeight(MIN_TARGET)
        self.voucher_box.setAccessibleName(self.tr("Voucher printed on the letter"))
        self._voucher_choice: int | None = None  # None: the complaint's; NO_VOUCHER: none
        self.language_box = QComboBox()
        for key, text in zip(self.LANGUAGES, ("English", "Suomi", "繁體中文", "简体中文"),
                             strict=True):
            self.language_box.addItem(text, key)
        for box in (self.kind_box, self.reason_box, self.language_box):
            box.setMinimumHeight(MIN_TARGET)
        self.kind_box.setAccessibleName(self.tr("Kind of letter"))
        self.reason_box.setAccessibleName(self.tr("What the thank-you is for"))
        self.language_box.setAccessibleName(self.tr("Language of the letter"))

        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Letter text"))
        self.body_edit.setPlaceholderText(self.tr("The letter's text; a blank line starts a "
                                                  "new paragraph."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("letterMessage")
        self.message.hide()
        # Which parts were worded by default (nothing customer-facing was written).
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setObjectName("letterNotes")
        self.notes_label.hide()

        self.reset_button = QPushButton(self.tr("Reset text"))
        self.refresh_button = QPushButton(self.tr("Update preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        for button in (self.reset_button, self.refresh_button, self.print_button,
                       self.save_button):
            button.setMinimumHeight(MIN_TARGET)
        self.print_button.setDefault(True)

        self.preview = PdfPreview()
        self.preview.setAccessibleName(self.tr("Letter preview"))

        self.form = form = QFormLayout()
        form.addRow(self.tr("Letter"), self.kind_box)
        form.addRow(self.tr("About"), self.about_box)
        form.addRow(self.tr("Thank-you for"), self.reason_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Voucher"), self.voucher_box)
        # The choices, the text and the notes scroll when a 768 px high till has no room for
        # them all; the buttons below stay in view (Print is the page's main action).
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 4, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(QLabel(self.tr("Text (you may edit it)")))
        self.body_edit.setMinimumHeight(BODY_MIN_HEIGHT)
        fields_layout.addWidget(self.body_edit, 1)
        fields_layout.addWidget(self.message)
        fields_layout.addWidget(self.notes_label)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setObjectName("letterFieldsScroll")
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_scroll.setWidget(fields)
        fields.setObjectName("letterFields")
        fields.setStyleSheet("#letterFields { background: transparent; }")
        self.fields_scroll.viewport().setAutoFillBackground(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.fields_scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addWidget(self.refresh_button)
        left_layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.save_button)
        row2.addWidget(self.print_button)
        left_layout.addLayout(row2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.body_edit.textChanged.connect(self._on_body_edited)
        self.kind_box.currentIndexChanged.connect(self._on_choice_changed)
        self.reason_box.currentIndexChanged.connect(self._on_choice_changed)
        self.language_box.currentIndexChanged.connect(self._on_choice_changed)
        self.about_box.currentIndexChanged.connect(self._on_about_changed)
        self.voucher_box.currentIndexChanged.connect(self._on_voucher_changed)
        self.reset_button.clicked.connect(self._on_reset)
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        self._update_enabled()

    # -- choosing what to write
    def reset(self) -> None:
        """Nothing from the previous letter: no text, no preview, no choices, no message."""
        self._timer.stop()
        self._loading = True
        try:
            self.customer_id = None
            self.complaint_id = None
            self.data = None
            self.pdf = b""
            self._template_body = ""
            self._voucher_choice = None
            self.body_edit.clear()
            self.about_box.clear()
            self.voucher_box.clear()
            self.preview.clear()
            self._show_message("")
        finally:
            self._loading = False
        self._update_enabled()

    def open_for(self, *, customer_id: int | None = None, complaint_id: int | None = None,
                 kind: str | None = None, language: str | None = None) -> bool:
        """Prepare a letter for a customer or a complaint; False (message shown) if it can't."""
        self.reset()
        entry_kind = None
        if complaint_id is not None:
            from db.service.complaints import get_complaint

            try:
                complaint = get_complaint(self.ctx.db, complaint_id)
            except UserError as exc:
                self._show_message(str(exc))
                return False
            entry_kind = complaint.kind
            if customer_id is None:
                customer_id = complaint.customer_id
        self.customer_id = customer_id
        self.complaint_id = complaint_id
        self._voucher_choice = None
        self._loading = True
        try:
            self._fill_about(customer_id, complaint_id)
            if kind is None:  # an apology for a complaint, else thanks
                kind = "apology" if entry_kind == "complaint" else "thank-you"
            self.kind_box.setCurrentIndex(self.KINDS.index(kind))
            self.reason_box.setCurrentIndex(0)
            if language is not None:
                self.language_box.setCurrentIndex(self.LANGUAGES.index(language))
            elif customer_id is not None:
                # the customer's language even when this kind is refused (a loyal thank-you
                # to a customer without visits), so the next choice is already in it
                self._select_customer_language(customer_id)
        finally:
            self._loading = False
        return self._prepare(language_from_customer=language is None)

    def _select_customer_language(self, customer_id: int) -> None:
        from db.customers.records import get_customer
        from reports.letter_templates import normalise_language

        try:
            lang = normalise_language(get_customer(self.ctx.db, customer_id).language)
        except UserError:
            return
        if lang in self.LANGUAGES:
            self.language_box.setCurrentIndex(self.LANGUAGES.index(lang))

    def _fill_about(self, customer_id: int | None, complaint_id: int | None) -> None:
        """The customer's complaints and compliments, to write about one of them."""
        from db.service.complaints import history_for_customer

        self.about_box.clear()
        self.about_box.addItem(self.tr("The customer (no complaint)"), None)
        if customer_id is not None:
            for entry in history_for_customer(self.ctx.db, customer_id, limit=50):
                when = format_date(entry.occurred_at.astimezone(
                    ZoneInfo(self.ctx.settings.timezone)).date())
                problem = entry.problem if len(entry.problem) <= 40 else entry.problem[:39] + "…"
                self.about_box.addItem(f"#{entry.id} · {when} · {problem}", entry.id)
        if complaint_id is not None:
            index = self.about_box.findData(complaint_id)
            if index < 0:
                self.about_box.addItem(f"#{complaint_id}", complaint_id)
                index = self.about_box.count() - 1
            self.about_box.setCurrentIndex(index)

    def _on_about_changed(self) -> None:
        if self._loading:
            return
        chosen = self.about_box.currentData()
        previous = self.complaint_id
        self.complaint_id = int(chosen) if chosen is not None else None
        previous_voucher, self._voucher_choice = self._voucher_choice, None
        if self.is_edited() and not self.ctx.dialogs.question(
            self, self.tr("Discard your changes?"),
            self.tr("Writing about another complaint starts again from the template. "
                    "Your changes to the text will be lost."),
        ):
            self.complaint_id = previous
            self._voucher_choice = previous_voucher
            self._loading = True
            try:
                self.about_box.setCurrentIndex(max(0, self.about_box.findData(previous)))
            finally:
                self._loading = False
            return
        self._prepare()

    def _fill_vouchers(self, data: LetterData) -> None:
        """No voucher, or one of the customer's unused ones; the letter's own is selected."""
        from reports.letter_service import offer_vouchers

        self.voucher_box.clear()
        self.voucher_box.addItem(self.tr("No voucher"), NO_VOUCHER)
        offers = offer_vouchers(self.ctx.db, data.customer_id) if data.customer_id else []
        selected = 0
        for v in offers:
            until = format_date(v.expires_on)
            self.voucher_box.addItem(
                f"{v.code} · {self.ctx.format_money(v.value_minor)} · {until}", v.id)
            if data.voucher is not None and v.code == data.voucher.code:
                selected = self.voucher_box.count() - 1
        if data.voucher is not None and selected == 0:  # e.g. already used: still shown
            self.voucher_box.addItem(data.voucher.code, self._voucher_choice)
            selected = self.voucher_box.count() - 1
        self.voucher_box.setCurrentIndex(selected)

    def _offer_other_vouchers(self) -> None:
        """After a refused voucher: "No voucher" and the still valid ones, none chosen yet."""
        from reports.letter_service import offer_vouchers

        self._loading = True
        try:
            self.voucher_box.clear()
            self.voucher_box.addItem(self.tr("Choose: no voucher or a valid one"), None)
            self.voucher_box.addItem(self.tr("No voucher"), NO_VOUCHER)
            offers = offer_vouchers(self.ctx.db, self.customer_id) if self.customer_id else []
            for v in offers:
                self.voucher_box.addItem(f"{v.code} · {self.ctx.format_money(v.value_minor)}",
                                         v.id)
            self.voucher_box.setCurrentIndex(0)
        finally:
            self._loading = False

    def _show_notes(self, notes: tuple[str, ...]) -> None:
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _on_voucher_changed(self) -> None:
        if self._loading:
            return
        if self.data is None:  # the letter was refused for its voucher: try the new choice
            chosen = self.voucher_box.currentData()
            if chosen is not None:
                self._voucher_choice = int(chosen)
                self._prepare()
            return
        chosen = self.voucher_box.currentData()
        previous = self._voucher_choice
        self._voucher_choice = int(chosen) if chosen is not None else None
        if self.is_edited() and not self.ctx.dialogs.question(
            self, self.tr("Discard your changes?"),
            self.tr("Changing the voucher starts again from the template. Your changes to "
                    "the text will be lost."),
        ):
            self._voucher_choice = previous
            self._loading = True
            try:
                self._fill_vouchers(self.data)
            finally:
                self._loading = False
            return
        self._prepare()

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def language(self) -> str:
        return str(self.language_box.currentData())

    def _prepare(self, *, language_from_customer: bool = False) -> bool:
        reason = str(self.reason_box.currentData()) or None
        self.reason_box.setEnabled(self.kind() == "thank-you")
        self.form.setRowVisible(self.reason_box, self.kind() == "thank-you")
        try:
            data = prepare_letter(
                self.ctx.db, self.kind(), customer_id=self.customer_id,
                complaint_id=self.complaint_id,
                language=None if language_from_customer else self.language(),
                reason=reason if self.kind() == "thank-you" else None,
                voucher_id=self._voucher_choice if self._voucher_choice != NO_VOUCHER else None,
                with_voucher=self._voucher_choice != NO_VOUCHER,
            )
        except UserError as exc:
            self.data = None
            self.pdf = b""
            self.preview.clear()
            self._loading = True
            try:  # no text left from a letter that was about something else
                self._template_body = ""
                self.body_edit.clear()
            finally:
                self._loading = False
            self._show_message(str(exc))
            self._show_notes(())
            if isinstance(exc, VoucherNotUsable):
                self._offer_other_vouchers()
            self._update_enabled()
            return False
        self._show_message("")
        self._show_notes(data.notes)
        self.data = data
        self._loading = True
        try:
            if language_from_customer:
                self.language_box.setCurrentIndex(self.LANGUAGES.index(data.language))
            self._template_body = data.body
            self.body_edit.setPlainText(data.body)
            self._fill_vouchers(data)
        finally:
            self._loading = False
        self.refresh_preview()
        return True

    def _on_choice_changed(self) -> None:
        if self._loading:
            return
        if self.is_edited() and not self.ctx.dialogs.question(
            self, self.tr("Discard your changes?"),
            self.tr("Changing the letter or its language starts again from the template. "
                    "Your changes to the text will be lost."),
        ):
            return self._restore_choice()
        self._prepare()

    def _restore_choice(self) -> None:
        if self.data is None:
            return
        self._loading = True
        try:
            self.kind_box.setCurrentIndex(self.KINDS.index(self.data.kind))
            self.language_box.setCurrentIndex(self.LANGUAGES.index(self.data.language))
            self.reason_box.setCurrentIndex(
                self.REASONS.index(self.data.reason) if self.data.reason in self.REASONS else 0)
        finally:
            self._loading = False

    def _on_reset(self) -> None:
        if self.data is not None:
            self.body_edit.setPlainText(self._template_body)
            self.refresh_preview()

    def is_edited(self) -> bool:
        return self.data is not None and self.body_edit.toPlainText() != self._template_body

    # -- preview
    def _on_body_edited(self) -> None:
        if not self._loading:
            self._timer.start()

    def current_letter(self) -> LetterData | None:
        """The letter as it will be printed: the prepared data with the body as edited."""
        if self.data is None:
            return None
        return with_body(self.data, self.body_edit.toPlainText())

    def refresh_preview(self) -> None:
        """Render the letter as it stands and show that PDF."""
        self._timer.stop()
        try:
            letter = self.current_letter()
        except UserError as exc:
            self._show_message(str(exc))
            return
        if letter is None:
            return
        self.pdf = render(letter)
        self.preview.set_pdf(self.pdf)
        self._show_message("")
        self._update_enabled()
        self.preview_updated.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_enabled(self) -> None:
        ready = self.data is not None
        for w in (self.print_button, self.save_button, self.refresh_button, self.reset_button,
                  self.body_edit):
            w.setEnabled(ready)

    # -- output
    def _final(self) -> tuple[LetterData, bytes] | None:
        """Re-render if the text changed since the last preview, so what is kept is exact."""
        if self._timer.isActive() or self.data is None or not self.pdf:
            self.refresh_preview()
        letter = self.current_letter() if self.data is not None else None
        if letter is None or not self.pdf:
            return None
        return letter, self.pdf

    def print_letter(self) -> LetterRecord | None:
        final = self._final()
        if final is None:
            return None
        letter, pdf = final
        printer = self.make_printer()
        printer.setDocName(letter.subject or "letter")
        if not self.ctx.dialogs.print_setup(self, printer):
            return None
        try:
            print_pdf(self.preview.document, printer)
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._record(letter, pdf)

    def save_letter(self) -> LetterRecord | None:
        final = self._final()
        if final is None:
            return None
        letter, pdf = final
        suggested = f"{letter.kind}-{letter.customer_no or 'letter'}-{letter.language}.pdf"
        path = self.ctx.dialogs.save_file(self, self.tr("Save letter as PDF"), suggested,
                                          self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        # The PDF waits beside its target until the letter is recorded: a refused record
        # (read-only database) leaves no PDF behind.
        try:
            with stage([(path, pdf)], database_files(self.ctx.db)) as pending:
                record = self._record(letter, pdf)
                if record is not None:
                    pending.commit()
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", path)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        return record

    def _record(self, letter: LetterData, pdf: bytes) -> LetterRecord | None:
        staff = self.ctx.staff()
        changes: list[tuple[str, int]] = []

        def touched(record: LetterRecord) -> list[tuple[str, int]]:
            changes.append((LETTER, record.id))
            if record.customer_id is not None:
                changes.append((CUSTOMER, record.customer_id))
            return changes

        record: Any = run_op(
            self.ctx, self,
            lambda: record_letter(self.ctx.db, letter, pdf,
                                  created_by=staff.id if staff else None),
            changed=touched,
        )
        if record is not None:
            self.letter_recorded.emit(record)
        return record if isinstance(record, LetterRecord) else None
