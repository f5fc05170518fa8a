"""Managers see unsaved drafts nobody came back to, and can discard them.

A draft belongs to the person who typed it and is offered back to them at their next
sign-in; one left for longer than `db.service.drafts.STALE_AFTER`, or whose owner is unknown or no
longer active, is listed here (oldest first) with who typed it, what it is about and when.
Discarding asks first and goes through `db.service.drafts.discard_draft`, which refuses anyone but
a manager (or the owner).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.customers.records import get_customer
from db.errors import ServerUnavailable, UserError
from db.service.drafts import discard_draft, stale_drafts
from db.service.models import Draft
from widgets.context import AppContext
from widgets.errors import show_error
from widgets.follow_up_list import format_when

_Index = QModelIndex | QPersistentModelIndex
OWNER, ABOUT, WHEN = range(3)


class StaleDraftsModel(QAbstractTableModel):
    """One row per stale draft: who typed it, what it is about, when it was last changed."""

    def __init__(self, format_moment: Callable[[datetime], str],
                 about: Callable[[Draft], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Draft] = []
        self._format = format_moment
        self._about = about
        self._headers = (self.tr("Typed by"), self.tr("About"), self.tr("Last changed"))

    def set_drafts(self, rows: list[Draft]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def draft_at(self, row: int) -> Draft | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 3):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        draft = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == OWNER:
                return draft.owner_name or self.tr("Unknown (an older draft)")
            if column == ABOUT:
                return self._about(draft)
            if column == WHEN:
                return self._format(draft.updated_at)
        return None


class StaleDraftsPanel(QWidget):
    """The list and a Discard button; shown on the home page to managers."""

    discarded = Signal(int)  # the draft's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staleDrafts")
        self.model = StaleDraftsModel(lambda moment: format_when(ctx, moment), self._about,
                                      self)
        self.table = QTableView(self)
        self.table.setObjectName("StaleDraftsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(220)
        self.table.setAccessibleName(self.tr("Unsaved drafts"))
        self.hint = QLabel(self.tr("Entries typed but never saved, and not taken up again by "
                                   "whoever typed them. Discard those nobody needs."), self)
        self.hint.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("&Discard the selected draft"), self)
        self.discard_button.setMinimumHeight(44)
        self.discard_button.clicked.connect(self.discard_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.discard_button)

    def refresh(self) -> None:
        """Read the list again (only for a manager signed in with a PIN)."""
        try:
            rows = stale_drafts(self.ctx.db) if self.ctx.manager_with_pin() else []
        except ServerUnavailable:
            return  # the server is away (the banner says so): the list stays as it was
        self.model.set_drafts(rows)
        if rows:
            self.table.selectRow(0)

    def count(self) -> int:
        return self.model.rowCount()

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _about(self, draft: Draft) -> str:
        customer_id = draft.payload.get("customer_id")
        if isinstance(customer_id, int):
            with contextlib.suppress(UserError):
                return get_customer(self.ctx.db, customer_id).name
        name = draft.payload.get("walk_in_name")
        problem = str(draft.payload.get("problem", "")).strip().splitlines()
        head = problem[0][:60] if problem else ""
        who = str(name) if isinstance(name, str) and name.strip() else self.tr("Walk-in")
        return f"{who}: {head}" if head else who

    def discard_selected(self) -> None:
        draft = self.model.draft_at(self.table.currentIndex().row())
        if draft is None:
            return
        owner = draft.owner_name or self.tr("someone")
        if not self.ctx.dialogs.question(
                self, self.tr("Discard draft"),
                self.tr("Throw away the unsaved entry %1 typed? It cannot be brought back.")
                .replace("%1", owner)):
            return
        try:
            discard_draft(self.ctx.db, draft.id, self.ctx.require_manager_with_pin())
        except UserError as exc:
            show_error(self, exc)
            self.refresh()
            return
        self.refresh()
        self.discarded.emit(draft.id)
