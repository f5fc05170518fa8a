"""Birthdays of customers who agreed to be contacted, soonest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db.models import BirthdayEntry
from widgets.labels import format_date

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class BirthdayListModel(QAbstractListModel):
    def __init__(self, locale: QLocale | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale or QLocale()
        self._entries: list[BirthdayEntry] = []
        self._today: date | None = None

    def set_entries(self, entries: list[BirthdayEntry], today: date) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._today = today
        self.endResetModel()

    def entry(self, row: int) -> BirthdayEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            weekday = self.locale.toString(QDate(e.on.year, e.on.month, e.on.day), "ddd")
            when = f"{weekday} {format_date(e.on, with_year=False)}"
            if self._today is not None and e.on == self._today:
                when = self.tr("today")
            text = f"{e.name}   ·   {when}"
            if e.age is not None:
                text += "   ·   " + self.tr("turns {age}").replace("{age}", str(e.age))
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.customer_no
        if role == ENTRY_ROLE:
            return e
        return None
