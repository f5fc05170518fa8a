"""A customer's complaints, compliments and suggestions with their outcomes (profile).

Newest first, as `db.service.complaints.history_for_customer` returns them: when, what kind, the
cause, what they said, and how it ended (status, compensation approved or refused, the
follow-up's outcome and satisfaction), and the till it was taken at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database

from db.service.complaints import history_for_customer
from db.service.models import CAUSES, ENTRY_KINDS, STATUSES, ComplaintSummary, label
from widgets.formats import format_datetime
from widgets.table_model import Column, RowTableModel

WHEN, KIND, CAUSE, PROBLEM, OUTCOME, TILL = range(6)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def _kind_colour(item: ComplaintSummary) -> QColor | None:
    if item.kind == "compliment":
        return QColor("#1b5e20")
    if item.kind == "complaint" and item.status == "open":
        return QColor("#b00020")
    return None


class ComplaintHistoryModel(RowTableModel[ComplaintSummary]):
    """One row per entry; `set_customer` reads the history in one call."""

    item_role = SUMMARY_ROLE

    def __init__(self, db: Database, format_money: Callable[[int], str],
                 format_when: Callable[[datetime], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._customer_id: int | None = None
        self._format_money = format_money
        format_when = format_when or format_datetime
        self.columns = (
            Column(self.tr("When"), lambda item: format_when(item.occurred_at)),
            Column(self.tr("Kind"), lambda item: label(ENTRY_KINDS, item.kind),
                   foreground=_kind_colour),
            Column(self.tr("Cause"), lambda item: (
                label(CAUSES, item.cause) if item.kind == "complaint" else "")),
            Column(self.tr("What they said"), lambda item: item.problem),
            Column(self.tr("Outcome"), self.outcome_text),
            Column(self.tr("Till"), lambda item: item.till),  # where it was taken
        )

    def customer_id(self) -> int | None:
        return self._customer_id

    def set_customer(self, customer_id: int | None) -> None:
        self._customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        self.set_rows(history_for_customer(self._db, self._customer_id)
                      if self._customer_id is not None else [])

    def summary_at(self, row: int) -> ComplaintSummary | None:
        return self.item_at(row)

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
