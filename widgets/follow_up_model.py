"""Due and overdue promises for the home page, oldest (most overdue) first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from db.service.models import FollowUp
from widgets.formats import format_datetime
from widgets.table_model import Column, RowTableModel

DUE, CUSTOMER, PROMISE, OWNER = range(4)
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1


def _overdue_red(item: FollowUp) -> QColor | None:
    return QColor("#b00020") if item.overdue else None


class FollowUpModel(RowTableModel[FollowUp]):
    """Rows of `FollowUp` as read by `db.service.follow_ups.due_follow_ups`; overdue in red."""

    item_role = FOLLOW_UP_ROLE

    def __init__(self, format_when: Callable[[datetime], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._format_when = format_when or format_datetime
        self.columns = (
            Column(self.tr("Due"), self._due_text, foreground=_overdue_red,
                   bold=lambda item: item.overdue),
            Column(self.tr("Customer"), lambda item: item.customer_name or self.tr("Walk-in"),
                   foreground=_overdue_red),
            Column(self.tr("Promise"), lambda item: item.promise, foreground=_overdue_red),
            Column(self.tr("Owner"), lambda item: item.owner_name, foreground=_overdue_red),
        )

    def _due_text(self, item: FollowUp) -> str:
        when = self._format_when(item.due_at)
        return self.tr("%1 (overdue)").replace("%1", when) if item.overdue else when

    def set_follow_ups(self, rows: list[FollowUp]) -> None:
        self.set_rows(sorted(rows, key=lambda f: (f.due_at, f.id)))

    def follow_up_at(self, row: int) -> FollowUp | None:
        return self.item_at(row)

    def overdue_count(self) -> int:
        return sum(1 for f in self._rows if f.overdue)
