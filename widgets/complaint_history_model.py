"""A customer's complaints, compliments and suggestions with their outcomes (profile).

Newest first, as `db.complaints.history_for_customer` returns them: when, what kind, the
cause, what they said, and how it ended (status, compensation approved or refused, the
follow-up's outcome and satisfaction).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database

from db.complaints import history_for_customer
from db.service_models import CAUSES, ENTRY_KINDS, STATUSES, ComplaintSummary, label
from widgets.formats import format_datetime

_Index = QModelIndex | QPersistentModelIndex
WHEN, KIND, CAUSE, PROBLEM, OUTCOME = range(5)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


class ComplaintHistoryModel(QAbstractTableModel):
    """One row per entry; `set_customer` reads the history in one call."""

    def __init__(self, db: Database, format_money: Callable[[int], str],
                 format_when: Callable[[datetime], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[ComplaintSummary] = []
        self._customer_id: int | None = None
        self._format_money = format_money
        self._format_when = format_when or format_datetime
        self._headers = (self.tr("When"), self.tr("Kind"), self.tr("Cause"),
                         self.tr("What they said"), self.tr("Outcome"))

    def customer_id(self) -> int | None:
        return self._customer_id

    def set_customer(self, customer_id: int | None) -> None:
        self._customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = (history_for_customer(self._db, self._customer_id)
                      if self._customer_id is not None else [])
        self.endResetModel()

    def summary_at(self, row: int) -> ComplaintSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def outcome_text(self, item: ComplaintSummary) -> str:
        parts = [label(STATUSES, item.status)]
        if item.approved_minor:
            parts.append(self.tr("%1 compensation").replace(
                "%1", self._format_money(item.approved_minor)))
        if item.refused:
            parts.append(self.tr("compensation refused"))
        if item.satisfaction is not None:
            parts.append(self.tr("satisfaction %1/5").replace("%1", str(item.satisfaction)))
        if item.outcome:
            parts.append(item.outcome)
        return " · ".join(parts)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 5):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == WHEN:
                return self._format_when(item.occurred_at)
            if column == KIND:
                return label(ENTRY_KINDS, item.kind)
            if column == CAUSE:
                return label(CAUSES, item.cause) if item.kind == "complaint" else ""
            if column == PROBLEM:
                return item.problem
            if column == OUTCOME:
                return self.outcome_text(item)
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            if item.kind == "compliment":
                return QColor("#1b5e20")
            if item.kind == "complaint" and item.status == "open":
                return QColor("#b00020")
        if role == SUMMARY_ROLE:
            return item
        return None
