"""The letters a customer was sent, on the profile, each reprintable byte for byte."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from reports.letter_service import LetterRecord, letter_pdf, list_letters
from widgets.context import AppContext
from widgets.data_bus import ANY_ID, CUSTOMER, LETTER
from widgets.errors import show_error
from widgets.formats import format_datetime
from widgets.letter_preview import MIN_TARGET, PdfPreview, default_printer, print_pdf
from widgets.table_model import Column, RowTableModel

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

_LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "zh-TW": "繁體中文", "zh-CN": "简体中文"}


class LetterListModel(RowTableModel[LetterRecord]):
    """Columns: when, kind, language, complaint, by whom. Newest first."""

    item_role = RECORD_ROLE

    def __init__(self, format_when: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._format_when = format_when or format_datetime
        self._kinds = {"apology": self.tr("Apology"), "thank-you": self.tr("Thank you"),
                       "birthday": self.tr("Birthday")}

        def preview(r: LetterRecord) -> str:
            return r.body[:300]

        self.columns = (
            Column(self.tr("When"), lambda r: self._format_when(r.created_at), preview),
            Column(self.tr("Letter"), lambda r: self._kinds.get(r.kind, r.kind), preview),
            Column(self.tr("Language"), lambda r: _LANGUAGE_NAMES.get(r.language, r.language),
                   preview),
            Column(self.tr("Complaint"), lambda r: (
                f"#{r.complaint_id}" if r.complaint_id is not None else ""), preview),
            Column(self.tr("By"), lambda r: r.created_by_name, preview),
        )

    def set_records(self, records: list[LetterRecord]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> LetterRecord | None:
        return self.item_at(row)


def _local(ctx: AppContext) -> Any:
    def fmt(moment: datetime) -> str:
        from zoneinfo import ZoneInfo

        return format_datetime(moment, ZoneInfo(ctx.settings.timezone))
    return fmt


class LetterHistoryPanel(QWidget):
    """A customer's letters with "Reprint" and "Save a copy" of the stored PDF."""

    reprinted = Signal(int)  # letter id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.make_printer = default_printer
        self.customer_id: int | None = None
        self.model = LetterListModel(_local(ctx), self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(44)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setMaximumHeight(150)
        self.view.setAccessibleName(self.tr("Letters sent"))
        self.title = QLabel(self.tr("Letters"))
        self.title.setObjectName("SectionTitle")
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        for b in (self.reprint_button, self.save_button):
            b.setMinimumHeight(MIN_TARGET)
        self._document = PdfPreview(self)
        self._document.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        head.addWidget(self.reprint_button)
        layout.addLayout(head)
        layout.addWidget(self.view)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.view.doubleClicked.connect(lambda _index: self.reprint_selected())
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.view.selectionModel().selectionChanged.connect(self._update_enabled)
        self._update_enabled()

    def set_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        records = list_letters(self.ctx.db, self.customer_id) if self.customer_id else []
        self.model.set_records(records)
        self.setVisible(bool(records))
        self._update_enabled()

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if self.customer_id is None:
            return
        if entity == LETTER or (entity == CUSTOMER and entity_id in (ANY_ID, self.customer_id)):
            self.refresh()

    def selected(self) -> LetterRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_enabled(self, *_args: Any) -> None:
        has = self.selected() is not None
        self.reprint_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def reprint_selected(self) -> bool:
        """Print the stored PDF exactly as it was sent (nothing new is recorded)."""
        record = self.selected()
        if record is None:
            return False
        try:
            self._document.set_pdf(letter_pdf(self.ctx.db, record.id))
            printer = self.make_printer()
            if not self.ctx.dialogs.print_setup(self, printer):
                return False
            print_pdf(self._document.document, printer)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.reprinted.emit(record.id)
        return True

    def save_selected(self) -> str | None:
        record = self.selected()
        if record is None:
            return None
        path = self.ctx.dialogs.save_file(
            self, self.tr("Save a copy of the letter"),
            f"{record.kind}-{record.created_at.date().isoformat()}-{record.id}.pdf",
            self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        try:
            from reports.safe_output import database_files, write_file

            write_file(path, letter_pdf(self.ctx.db, record.id), database_files(self.ctx.db))
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", path)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        return path
