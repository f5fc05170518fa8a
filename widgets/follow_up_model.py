"""Due and overdue promises for the home page, oldest (most overdue) first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from db.service_models import FollowUp
from widgets.formats import format_datetime

_Index = QModelIndex | QPersistentModelIndex
DUE, CUSTOMER, PROMISE, OWNER = range(4)
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1


class FollowUpModel(QAbstractTableModel):
    """Rows of `FollowUp` as read by `db.follow_ups.due_follow_ups`; overdue in red."""

    def __init__(self, format_when: Callable[[datetime], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUp] = []
        self._format_when = format_when or format_datetime
        self._headers = (self.tr("Due"), self.tr("Customer"), self.tr("Promise"),
                         self.tr("Owner"))

    def set_follow_ups(self, rows: list[FollowUp]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda f: (f.due_at, f.id))
        self.endResetModel()

    def follow_up_at(self, row: int) -> FollowUp | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def overdue_count(self) -> int:
        return sum(1 for f in self._rows if f.overdue)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 4):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == DUE:
                when = self._format_when(item.due_at)
                return self.tr("%1 (overdue)").replace("%1", when) if item.overdue else when
            if column == CUSTOMER:
                return item.customer_name or self.tr("Walk-in")
            if column == PROMISE:
                return item.promise
            if column == OWNER:
                return item.owner_name
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.FontRole and item.overdue and column == DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == FOLLOW_UP_ROLE:
            return item
        return None
