"""The letters a customer was sent, on the profile, each reprintable byte for byte."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
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

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

_LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "zh-TW": "繁體中文", "zh-CN": "简体中文"}


class LetterListModel(QAbstractTableModel):
    """Columns: when, kind, language, complaint, by whom. Newest first."""

    def __init__(self, format_when: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LetterRecord] = []
        self._format_when = format_when or (lambda moment: format_datetime(moment))
        self._headers = [self.tr("When"), self.tr("Letter"), self.tr("Language"),
                         self.tr("Complaint"), self.tr("By")]
        self._kinds = {"apology": self.tr("Apology"), "thank-you": self.tr("Thank you"),
                       "birthday": self.tr("Birthday")}

    def set_records(self, records: list[LetterRecord]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> LetterRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return self._format_when(r.created_at)
            if column == 1:
                return self._kinds.get(r.kind, r.kind)
            if column == 2:
                return _LANGUAGE_NAMES.get(r.language, r.language)
            if column == 3:
                return f"#{r.complaint_id}" if r.complaint_id is not None else ""
            if column == 4:
                return r.created_by_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.body[:300]
        if role == RECORD_ROLE:
            return r
        return None


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
            from pathlib import Path

            Path(path).write_bytes(letter_pdf(self.ctx.db, record.id))
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot save {path}: {reason}")
                                       .replace("{path}", path)
                                       .replace("{reason}", exc.strerror or str(exc))))
            return None
        return path
