"""Search as you type: the field for the top bar and the results list for a page.

Every keystroke calls `db.customers.records.search_customers` (it is index-backed and fast);
an optional debounce (option `search_debounce_ms`, default 0) can be set for slow disks.
Keys in the field: Esc clears, Down moves into the results, Enter opens the first (or
selected) customer. In the results: Enter opens, Up from the top goes back to the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from db.customers.records import search_customers
from db.errors import UserError
from widgets import data_bus
from widgets.context import AppContext
from widgets.errors import show_error
from widgets.search_results_model import SearchResultsModel
from widgets.server_away import away_text, is_away
from widgets.views import ChoiceListView


class CustomerSearch(QObject):
    """Owns the field, the model and the results page; the window places the widgets."""

    customer_chosen = Signal(int)  # customer id
    query_changed = Signal(str)
    cleared = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

        self.field = QLineEdit()
        self.field.setObjectName("SearchField")
        self.field.setPlaceholderText(
            self.tr("Search: name, phone digits or customer number  (Ctrl+F)")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Customer search"))
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)

        self.page = QWidget()
        self.page.setObjectName("SearchPage")
        if parent is None:
            self.setParent(self.page)  # the page owns everything unless a window does
        self.model = SearchResultsModel(self.page)
        self.summary = QLabel()
        self.summary.setObjectName("EmptyHint")
        self.results = ChoiceListView()
        self.results.setObjectName("SearchResults")
        self.results.setModel(self.model)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(True)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.row_chosen.connect(self._on_row_chosen)
        self.results.up_from_top.connect(self.focus_field)
        self.results.escape_pressed.connect(self._on_results_escape)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_search)
        ctx.bus.data_changed.connect(self._on_data_changed)

    # -- public
    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.clear()  # textChanged -> empty results, `cleared`

    def run_search(self) -> None:
        text = self.field.text()
        if not text.strip():
            self.model.clear()
            self.summary.setText("")
            return
        try:
            hits = search_customers(self.ctx.db, text)
        except UserError as exc:
            if is_away(exc):  # quietly, in place of the results (the banner says why)
                self.model.clear()
                self.summary.setText(away_text())
                return
            show_error(self.field, exc)
            return
        self.model.set_results(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
            found = self.tr("%n customer(s) found.", "", len(hits))
            self.summary.setText(found + " " + self.tr("Down to move, Enter to open."))
        else:
            self.summary.setText(
                self.tr("No customer matches \u201c{text}\u201d. Ctrl+N adds a new customer.")
                .replace("{text}", text.strip())
            )

    def open_current(self) -> None:
        """Enter: open the selected hit, or the first one."""
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        row = self.results.currentIndex().row()
        hit = self.model.hit(row if row >= 0 else 0)
        if hit is not None:
            self.customer_chosen.emit(hit.id)

    # -- internals
    def _on_text_changed(self, text: str) -> None:
        self.query_changed.emit(text)
        if not text.strip():
            self._timer.stop()
            self.run_search()
            self.cleared.emit()
            return
        delay = self.ctx.options.get("search_debounce_ms") or 0
        if delay <= 0:
            self.run_search()
        else:
            self._timer.start(int(delay))

    def _on_results_escape(self) -> None:
        self.clear()
        self.focus_field()

    def _on_row_chosen(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.customer_chosen.emit(hit.id)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        # A new or renamed customer should show up in the list already on screen.
        if entity == data_bus.CUSTOMER and self.field.text().strip():
            row = self.results.currentIndex().row()
            self.run_search()
            if 0 <= row < self.model.rowCount():
                self.results.setCurrentIndex(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)
