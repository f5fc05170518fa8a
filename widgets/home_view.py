"""The home page after sign-in: a greeting, what is due, today's and this week's birthdays.

Other areas add their own sections with `add_section` (e.g. the promises due, at the top).
The places staff go to (walk-in complaint, vouchers, follow-ups, letters, manager screens)
are on the window's navigation rail, not here, so nothing important sits below the fold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from db.clock import today_local
from db.customers.records import birthdays_between
from db.errors import ServerUnavailable
from widgets import data_bus
from widgets.birthday_list_model import BirthdayListModel
from widgets.context import AppContext
from widgets.server_away import AwayNote
from widgets.views import ChoiceListView


class HomeView(QWidget):
    customer_chosen = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_model = BirthdayListModel(parent=self)  # dates in the screen language
        self.week_model = BirthdayListModel(parent=self)
        self.greeting = QLabel()
        self.greeting.setObjectName("SectionTitle")
        hint = QLabel(self.tr("Type a name, phone digits or a customer number above (Ctrl+F)."))
        hint.setObjectName("EmptyHint")
        hint.setWordWrap(True)

        inner = QWidget()
        self.sections = QVBoxLayout(inner)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections.addWidget(self.greeting)
        self.sections.addWidget(hint)
        self._top_end = self.sections.count()  # where the next top section goes
        self.today_list = self._birthday_list(self.today_model)
        self.today_empty = QLabel(self.tr("No birthdays today."))
        self.today_empty.setObjectName("EmptyHint")
        self.week_list = self._birthday_list(self.week_model)
        self.week_empty = QLabel(self.tr("No birthdays in the coming days."))
        self.week_empty.setObjectName("EmptyHint")
        # in place of each list while the database server is away (widgets.server_away)
        self.away_note = AwayNote()
        self.week_away_note = AwayNote()
        self.add_section(self.tr("Birthdays today"), self._stack(
            self.today_empty, self.today_list, self.away_note))
        self.add_section(self.tr("Birthdays this week"), self._stack(
            self.week_empty, self.week_list, self.week_away_note))
        self.sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # down only: a long Finnish line wraps instead of pushing buttons out of view
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addWidget(scroll)
        ctx.bus.data_changed.connect(self._on_data_changed)

    def add_section(self, title: str, widget: QWidget, *, top: bool = False) -> None:
        """A titled block on the home page; added sections go after the existing ones.

        With `top` it goes above the birthdays (after earlier top sections).
        """
        label = QLabel(title)
        label.setObjectName("SectionTitle")
        if top:
            self.sections.insertWidget(self._top_end, label)
            self.sections.insertWidget(self._top_end + 1, widget)
            self._top_end += 2
            return
        position = self.sections.count()
        last = self.sections.itemAt(position - 1) if position else None
        if last is not None and last.spacerItem() is not None:
            position -= 1  # keep the stretch last
        self.sections.insertWidget(position, label)
        self.sections.insertWidget(position + 1, widget)

    def refresh(self) -> None:
        today = today_local(self.ctx.settings.timezone)
        days = int(self.ctx.options.get("birthday_days_ahead") or 7)
        staff = self.ctx.staff()
        self.greeting.setText(
            self.tr("Hello, {name}.").replace("{name}", staff.name) if staff else "")
        try:
            entries = birthdays_between(self.ctx.db, today, days + 1)
        except ServerUnavailable:
            self.show_away()
            return
        self.away_note.hide()
        self.week_away_note.hide()
        self.today_model.set_entries([e for e in entries if e.on == today], today)
        self.week_model.set_entries([e for e in entries if e.on != today], today)
        self.today_empty.setVisible(self.today_model.rowCount() == 0)
        self.today_list.setVisible(self.today_model.rowCount() > 0)
        self.week_empty.setVisible(self.week_model.rowCount() == 0)
        self.week_list.setVisible(self.week_model.rowCount() > 0)
        for view, model in ((self.today_list, self.today_model),
                            (self.week_list, self.week_model)):
            rows = min(model.rowCount(), 5)
            view.setFixedHeight(max(1, rows) * 48 + 6)

    def show_away(self) -> None:
        """The quiet state while the server is away: no lists, no "no birthdays" either
        (that would be untrue); it fills again when the server is back."""
        self.away_note.show()
        self.week_away_note.show()
        for widget in (self.today_list, self.today_empty, self.week_list, self.week_empty):
            widget.hide()

    def _birthday_list(self, model: BirthdayListModel) -> ChoiceListView:
        view = ChoiceListView()
        view.setModel(model)
        view.row_chosen.connect(lambda row, m=model: self._on_row_chosen(m, row))
        return view

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            box.addWidget(w)
        return holder

    def _on_row_chosen(self, model: BirthdayListModel, row: int) -> None:
        entry = model.entry(row)
        if entry is not None:
            self.customer_chosen.emit(entry.customer_id)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity == data_bus.CUSTOMER and self.isVisible():
            self.refresh()
