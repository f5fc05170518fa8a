"""The home page's list of due and overdue promises, and closing one in place.

Oldest first, overdue in red. Choosing a row and "Close follow-up" (or Enter) opens the
close form in the list's place (its heading names the customer and the promise), so the form
and its buttons fit a 1024×768 screen; Cancel or saving brings the list back. "Open customer"
goes to the profile.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ServerUnavailable
from db.service.follow_ups import due_follow_ups, get_follow_up
from db.service.models import Draft, FollowUp
from widgets import data_bus
from widgets.context import AppContext
from widgets.follow_up_close_form import FollowUpCloseForm
from widgets.follow_up_model import FollowUpModel
from widgets.formats import format_datetime
from widgets.server_away import AwayNote

DUE_WITHIN = timedelta(days=1)


def format_when(ctx: AppContext, moment: datetime) -> str:
    """An instant in the shop's time zone, in the screen language's one format."""
    return format_datetime(moment, ZoneInfo(ctx.settings.timezone))


class _FollowUpTable(QTableView):
    """Enter on a row asks to close it."""

    row_chosen = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_chosen.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class FollowUpList(QWidget):
    """Due and overdue promises with an inline close form."""

    customer_chosen = Signal(int)
    follow_up_closed = Signal(object)  # FollowUp
    refreshed = Signal(int, int)  # how many are due, how many of them overdue
    unavailable = Signal()  # could not be read: the database server is away

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("followUpList")
        self.model = FollowUpModel(lambda moment: format_when(ctx, moment), self)
        self.table = _FollowUpTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(250)
        self.table.setAccessibleName(self.tr("Due and overdue promises"))
        self.table.row_chosen.connect(self.close_row)
        self.table.doubleClicked.connect(lambda index: self.close_row(index.row()))

        self.empty_label = QLabel(self.tr("No promises due. Well done."), self)
        self.empty_label.setObjectName("EmptyHint")
        self.away_note = AwayNote(self)
        self.summary_label = QLabel(self)
        self.close_button = QPushButton(self.tr("Close follow-up"), self)
        self.open_customer_button = QPushButton(self.tr("Open customer"), self)
        for button in (self.close_button, self.open_customer_button):
            button.setMinimumHeight(44)
        self.close_button.clicked.connect(lambda: self.close_row(self._current_row()))
        self.open_customer_button.clicked.connect(self._open_customer)
        self.list_buttons = QWidget(self)
        buttons = QHBoxLayout(self.list_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.open_customer_button)
        buttons.addWidget(self.close_button)

        self.close_form = FollowUpCloseForm(ctx, self)
        self.close_form.follow_up_closed.connect(self._on_closed)
        self.close_form.cancelled.connect(self._hide_form)
        self.close_form.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.away_note)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addWidget(self.list_buttons)
        layout.addWidget(self.close_form)
        ctx.bus.data_changed.connect(self._on_data_changed)

    def refresh(self) -> None:
        """Re-read what is due within a day (and everything overdue); the row chosen
        stays chosen (a change at another till does not move it)."""
        chosen = self.model.follow_up_at(self._current_row())
        try:
            due = due_follow_ups(self.ctx.db, within=DUE_WITHIN)
        except ServerUnavailable:
            self.show_away()
            return
        self.away_note.hide()
        self.model.set_follow_ups(due)
        if chosen is not None:
            for row in range(self.model.rowCount()):
                item = self.model.follow_up_at(row)
                if item is not None and item.id == chosen.id:
                    self.table.setCurrentIndex(self.model.index(row, 0))
                    break
        count = self.model.rowCount()
        form_open = not self.close_form.isHidden()
        self.empty_label.setVisible(count == 0 and not form_open)
        self.table.setVisible(count > 0 and not form_open)
        self.close_button.setEnabled(count > 0)
        self.open_customer_button.setEnabled(count > 0)
        overdue = self.model.overdue_count()
        self.summary_label.setText(
            self.tr("%n due", "", count) + (" · " + self.tr("%n overdue", "", overdue)
                                           if overdue else ""))
        if count and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.refreshed.emit(count, overdue)

    def show_away(self) -> None:
        """The quiet state while the server is away (a close form being typed stays)."""
        self.away_note.show()
        self.empty_label.hide()
        self.table.hide()
        self.close_button.setEnabled(False)
        self.open_customer_button.setEnabled(False)
        self.summary_label.clear()
        self.unavailable.emit()

    def _current_row(self) -> int:
        return self.table.currentIndex().row()

    def close_row(self, row: int) -> None:
        item = self.model.follow_up_at(row)
        if item is None:
            return
        self.close_form.set_follow_up(item)
        self.close_form.show()
        self._show_list(False)
        self.close_form.outcome_edit.setFocus()
        self._scroll_into_view(self.close_form)

    def restore_draft(self, draft: Draft) -> bool:
        """Open the close form on the follow-up of a draft from this till's disk, as it was
        typed; False (and the draft dropped) when that follow-up is closed already."""
        follow_up_id = draft.payload.get("follow_up_id")
        item = get_follow_up(self.ctx.db, follow_up_id) if isinstance(follow_up_id, int) \
            else None
        if item is None or item.status != "open":
            self.close_form.local_draft.adopt(draft)
            self.close_form.local_draft.clear()
            return False
        self.close_form.restore_draft(item, draft)
        self.close_form.show()
        self._show_list(False)
        self.close_form.outcome_edit.setFocus()
        return True

    def _scroll_into_view(self, widget: QWidget) -> None:
        """On a scrolling home page, bring the close form up to where the eyes are."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)

    def _open_customer(self) -> None:
        item = self.model.follow_up_at(self._current_row())
        if item is not None and item.customer_id is not None:
            self.customer_chosen.emit(item.customer_id)

    # --- unsaved input (the main window asks before leaving the page) ----------------------

    def has_unsaved_changes(self) -> bool:
        return not self.close_form.isHidden() and self.close_form.has_unsaved_changes()

    def discard_unsaved_changes(self) -> None:
        self.close_form.discard_unsaved_changes()
        self.close_form.hide()
        self._show_list(True)

    def _show_list(self, shown: bool) -> None:
        """The list and its buttons, or (while a follow-up is being closed) the form alone."""
        count = self.model.rowCount()
        self.table.setVisible(shown and count > 0)
        self.empty_label.setVisible(shown and count == 0)
        self.list_buttons.setVisible(shown)

    def _hide_form(self) -> None:
        self.close_form.hide()
        self._show_list(True)
        self.table.setFocus()

    def _on_closed(self, item: FollowUp) -> None:
        self.close_form.hide()
        self._show_list(True)
        self.refresh()
        self.follow_up_closed.emit(item)

    def _on_data_changed(self, entity: str, _entity_id: int) -> None:
        if entity in (data_bus.FOLLOW_UP, data_bus.COMPLAINT):
            self.refresh()

