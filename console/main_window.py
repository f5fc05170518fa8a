"""The console's one window: header bar, search always at the top, pages below.

Pages live in a QStackedWidget: sign-in, home, search results, profile, customer form,
purchase entry; other areas add theirs with `add_page(key, widget)` / `show_page(key)`.
The navigation rail on the left (`widgets.nav_rail`) puts the main places one tap away;
areas add their entries with `add_nav_item` (button + shortcut, manager-only if asked).
Leaving a page through the rail or a shortcut asks first when the page has unsaved input
(`widgets.unsaved_changes.UnsavedChanges`).
Shortcuts: Ctrl+F or F3 focus search from anywhere; Esc in search clears it; Down moves
into the results; Enter opens the profile; Ctrl+N new customer; Ctrl+E edit and Ctrl+R
record a purchase for the open profile; Alt+Home goes home; the other rail entries bring
their own (Ctrl+Shift+K walk-in, V voucher, F follow-ups, L letters, R report, S staff,
G settings, I import). Opening a profile empties the search field, so it never shows a stale
query.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.idle import IdleSignOut
from console.options import Options
from console.session import SIGNED_OUT_IDLE, Session
from db.errors import UserError
from db.models import Purchase, Staff
from db.settings import load_settings
from widgets.context import AppContext
from widgets.customer_form import CustomerForm
from widgets.customer_profile_panel import CustomerProfilePanel
from widgets.customer_search import CustomerSearch
from widgets.errors import show_error
from widgets.home_view import HomeView
from widgets.nav_rail import NavRail, RailButton
from widgets.notice_bar import NoticeBar
from widgets.purchase_entry import PurchaseEntry
from widgets.server_away import show_read_error
from widgets.sign_in_panel import SignInPanel
from widgets.status_line import StatusLine
from widgets.unsaved_changes import UnsavedChanges, confirm_discard

PAGE_SIGN_IN = "sign_in"
PAGE_HOME = "home"
PAGE_SEARCH = "search"
PAGE_PROFILE = "profile"
PAGE_CUSTOMER_FORM = "customer_form"
PAGE_PURCHASE = "purchase"

_NEEDS_STAFF = (PAGE_HOME, PAGE_SEARCH, PAGE_PROFILE, PAGE_CUSTOMER_FORM, PAGE_PURCHASE)
# Manager screens open only for a manager signed in with their PIN (db.security.sign_in).
MANAGER_PAGES = ("report", "staff_admin", "settings", "import")


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    def __init__(
        self, ctx: AppContext, session: Session, options: Options | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        ctx.current_sign_in = session.current_sign_in  # how they signed in (PIN or tap)
        self.options = options
        self._pages: dict[str, QWidget] = {}
        self._page_before_search = PAGE_HOME
        self.setWindowTitle(self.tr("Counterpart — {shop}").replace(
            "{shop}", ctx.settings.shop_name))
        self.setMinimumSize(1024, 700)

        # Header bar.
        header = QWidget()
        header.setObjectName("HeaderBar")
        self.shop_label = QLabel(ctx.settings.shop_name)
        self.shop_label.setObjectName("ShopName")
        self.staff_label = QLabel()
        self.staff_label.setObjectName("SignedInAs")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(16, 8, 16, 8)
        header_row.addWidget(self.shop_label)
        self._header_row = header_row
        self._header_extras = 0
        # Short messages ("Purchase recorded") go here, never below the pages (see StatusLine).
        self.status_line = StatusLine()
        header_row.addWidget(self.status_line, 1)
        header_row.addWidget(self.staff_label)
        header_row.addWidget(self.sign_out_button)

        # Search, always at the top.
        self.search = CustomerSearch(ctx, self)
        self.search.customer_chosen.connect(self.open_customer)
        self.search.query_changed.connect(self._on_query_changed)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(16, 8, 16, 0)
        search_row.addWidget(self.search.field)

        # Pages.
        self.stack = QStackedWidget()
        self.sign_in_panel = SignInPanel(ctx)
        self.sign_in_panel.signed_in.connect(self._on_signed_in)
        self.home_view = HomeView(ctx)
        self.home_view.customer_chosen.connect(self.open_customer)
        self.profile_panel = CustomerProfilePanel(ctx)
        self.profile_panel.edit_requested.connect(self.edit_customer)
        self.profile_panel.purchase_requested.connect(self.record_purchase)
        self.customer_form = CustomerForm(ctx)
        self.customer_form.saved.connect(self._on_customer_saved)
        self.customer_form.cancelled.connect(self._on_form_cancelled)
        self.purchase_entry = PurchaseEntry(ctx)
        self.purchase_entry.purchase_recorded.connect(self._on_purchase_recorded)
        self.purchase_entry.cancelled.connect(self._back_to_profile)
        self.add_page(PAGE_SIGN_IN, self.sign_in_panel)
        self.add_page(PAGE_HOME, self.home_view)
        self.add_page(PAGE_SEARCH, self.search.page)
        self.add_page(PAGE_PROFILE, self.profile_panel)
        self.add_page(PAGE_CUSTOMER_FORM, self.customer_form)
        self.add_page(PAGE_PURCHASE, self.purchase_entry)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The navigation rail beside the search and the pages.
        self.nav_rail = NavRail()
        self.nav_rail.manager_allowed = lambda _staff: self.ctx.manager_with_pin()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav_rail)
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addLayout(search_row)
        self.notice_bar = NoticeBar()
        pages.addWidget(self.notice_bar)
        pages.addWidget(self.stack, 1)
        body.addLayout(pages, 1)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        # Shortcuts that work from anywhere in the window.
        self.shortcuts: dict[str, QShortcut] = {}
        self._shortcut("search", QKeySequence.StandardKey.Find, self.focus_search)
        self._shortcut("search_f3", QKeySequence(Qt.Key.Key_F3), self.focus_search)
        self._shortcut("edit", QKeySequence("Ctrl+E"), self._edit_open_customer)
        self._shortcut("purchase", QKeySequence("Ctrl+R"), self._purchase_open_customer)
        self.home_button = self.add_nav_item(
            "home", self.tr("Home"), self.go_home, keys="Alt+Home", order=0,
            pages=(PAGE_HOME,))
        self.new_customer_button = self.add_nav_item(
            "new_customer", self.tr("New customer"), self.new_customer, keys="Ctrl+N",
            order=10, pages=(PAGE_CUSTOMER_FORM,))
        self.page_changed.connect(self.nav_rail.set_current_page)
        self.page_changed.connect(self.notice_bar.on_page_changed)

        # Idle sign-out after the shop's idle minutes (read at each sign-in, so a change
        # made at another console applies here too); the draft stays with its owner.
        self.idle = IdleSignOut(
            session, lambda: load_settings(self.ctx.db).idle_sign_out_minutes, self)

        session.staff_changed.connect(self._on_staff_changed)
        self._on_staff_changed()
        self._restore_geometry()

    # -- extension points
    def add_page(self, key: str, widget: QWidget) -> None:
        """Register a page; other areas add theirs (complaint form, report, ...)."""
        if key in self._pages:
            raise ValueError(f"page {key!r} exists")
        self._pages[key] = widget
        self.stack.addWidget(widget)

    def add_nav_item(
        self, key: str, text: str, slot: Callable[[], object], *, keys: str = "",
        order: int = 50, pages: tuple[str, ...] = (), manager_only: bool = False,
    ) -> RailButton:
        """An entry on the navigation rail with its window-wide shortcut (`keys`).

        Both ask before leaving a page with unsaved input; a manager-only entry is hidden,
        and its shortcut ignored, unless a manager is signed in. Returns the rail button.
        """
        sequence = QKeySequence(keys) if keys else None
        shown_keys = sequence.toString(QKeySequence.SequenceFormat.NativeText) \
            if sequence is not None else ""
        button = self.nav_rail.add_item(
            key, text, lambda: self.navigate(slot), order=order, pages=pages,
            manager_only=manager_only, shortcut_text=shown_keys)
        if sequence is not None:
            self._shortcut(key, sequence, lambda: self._on_nav_shortcut(key, slot))
        self.nav_rail.set_staff(self.session.staff)
        self.nav_rail.set_current_page(self.current_page())
        return button

    def add_header_widget(self, widget: QWidget) -> None:
        """A small widget in the header bar after the shop's name (e.g. the till name)."""
        self._header_extras += 1
        self._header_row.insertWidget(self._header_extras, widget)

    def show_notice(self, text: str,
                    actions: list[tuple[str, Callable[[], object]]]) -> None:
        """Offer the next step above the current page until used, closed or left."""
        self.notice_bar.show_notice(text, actions, self.current_page())

    def _on_nav_shortcut(self, key: str, slot: Callable[[], object]) -> None:
        if self.nav_rail.allows(key):
            self.navigate(slot)

    def navigate(self, slot: Callable[[], object]) -> bool:
        """Run a navigation step unless the person keeps the unsaved input on screen."""
        if not self.may_leave_page():
            return False
        slot()
        return True

    def may_leave_page(self) -> bool:
        """True when the current page has nothing unsaved, or the person agreed to drop it."""
        page = self.stack.currentWidget()
        guard = page if isinstance(page, UnsavedChanges) else \
            getattr(page, "unsaved_changes", None)
        if not isinstance(guard, UnsavedChanges) or not guard.has_unsaved_changes():
            return True
        if not confirm_discard(self.ctx.dialogs, self):
            return False
        guard.discard_unsaved_changes()
        return True

    def show_page(self, key: str) -> None:
        if (key in _NEEDS_STAFF or key in MANAGER_PAGES) and self.session.staff is None:
            key = PAGE_SIGN_IN
        elif key in MANAGER_PAGES:
            try:
                self.ctx.require_manager_with_pin()
            except UserError as exc:
                show_error(self, exc)
                return
        self.stack.setCurrentWidget(self._pages[key])
        self.page_changed.emit(key)

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self._pages.items() if w is current), "")

    # -- navigation
    def focus_search(self) -> None:
        if self.session.staff is not None:
            self.search.focus_field()

    def go_home(self) -> None:
        self.search.clear()
        self.home_view.refresh()
        self.show_page(PAGE_HOME)

    def open_customer(self, customer_id: int) -> None:
        """Show the profile; the search field is emptied so it never shows a stale query."""
        try:
            self.profile_panel.set_customer(customer_id)
        except UserError as exc:  # NotFound after a concurrent delete, a locked db, ...
            show_read_error(self, exc)  # the server away: a quiet line, the banner says why
            return
        self._page_before_search = PAGE_PROFILE
        self.show_page(PAGE_PROFILE)
        self.search.clear()  # on the profile now, so clearing does not change the page
        self.profile_panel.purchase_button.setFocus()

    def new_customer(self) -> None:
        if self.session.staff is None:
            return
        typed = self.search.field.text().strip()
        looks_like_name = typed and not any(ch.isdigit() for ch in typed)
        self.customer_form.new_customer(typed if looks_like_name else "")
        self.show_page(PAGE_CUSTOMER_FORM)
        self.customer_form.name_edit.setFocus()

    def edit_customer(self, customer_id: int) -> None:
        try:
            self.customer_form.edit_customer(customer_id)
        except UserError as exc:
            show_read_error(self, exc)
            return
        self.show_page(PAGE_CUSTOMER_FORM)

    def record_purchase(self, customer_id: int) -> None:
        try:
            self.purchase_entry.start(customer_id)
        except UserError as exc:
            show_read_error(self, exc)
            return
        self.show_page(PAGE_PURCHASE)

    def sign_out(self) -> None:
        self.session.sign_out()

    # -- handlers
    def _shortcut(self, name: str, keys: QKeySequence | QKeySequence.StandardKey,
                  slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self.shortcuts[name] = shortcut

    def _edit_open_customer(self) -> None:
        if self.current_page() == PAGE_PROFILE and self.profile_panel.customer_id is not None:
            self.edit_customer(self.profile_panel.customer_id)

    def _purchase_open_customer(self) -> None:
        if self.current_page() == PAGE_PROFILE and self.profile_panel.customer_id is not None:
            self.record_purchase(self.profile_panel.customer_id)

    def _on_query_changed(self, text: str) -> None:
        if self.session.staff is None:
            return
        if text.strip():
            if self.current_page() != PAGE_SEARCH:
                self._page_before_search = self.current_page() or PAGE_HOME
                self.show_page(PAGE_SEARCH)
        elif self.current_page() == PAGE_SEARCH:
            back = self._page_before_search
            if back == PAGE_PROFILE and self.profile_panel.customer_id is None:
                back = PAGE_HOME
            if back == PAGE_HOME:
                self.home_view.refresh()
            self.show_page(back)

    def _on_signed_in(self, staff: Staff, with_pin: bool) -> None:
        self.session.sign_in(staff, with_pin=with_pin)

    def _on_staff_changed(self) -> None:
        staff = self.session.staff
        signed_in = staff is not None
        self.search.field.setEnabled(signed_in)
        self.sign_out_button.setVisible(signed_in)
        self.nav_rail.set_staff(staff)
        if staff is None:
            self.staff_label.setText(self.tr("Nobody signed in"))
            self.search.clear()
            self.profile_panel.profile = None
            self.sign_in_panel.reset()
            if self.session.last_sign_out_reason == SIGNED_OUT_IDLE:
                self.sign_in_panel.show_notice(self.tr(
                    "Signed out: the console was not used for a while. Anything typed is "
                    "kept for whoever typed it."))
            self.show_page(PAGE_SIGN_IN)
        else:
            self.staff_label.setText(self.tr("Signed in: {name}").replace("{name}", staff.name))
            self.go_home()
            self.focus_search()

    def _on_customer_saved(self, customer_id: int) -> None:
        self.open_customer(customer_id)

    def _on_form_cancelled(self) -> None:
        if self.customer_form.customer_id is not None:
            self.open_customer(self.customer_form.customer_id)
        else:
            self.go_home()

    def _on_purchase_recorded(self, purchase: Purchase) -> None:
        self.status_line.show_message(
            self.tr("Purchase recorded: {total}").replace(
                "{total}", self.ctx.format_money(purchase.total_minor)), 8000)
        self._back_to_profile()

    def _back_to_profile(self) -> None:
        customer_id = self.purchase_entry.customer_id or self.profile_panel.customer_id
        if customer_id is not None:
            self.open_customer(customer_id)
        else:
            self.go_home()

    # -- window state and first exposure
    def _restore_geometry(self) -> None:
        if self.options is None:
            return
        state = self.options.window_state("main_geometry")
        if state is not None:
            self.restoreGeometry(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.idle.timer.stop()
        if self.options is not None:
            self.options.save_window_state("main_geometry", self.saveGeometry())
            self.options.sync()
        super().closeEvent(event)

