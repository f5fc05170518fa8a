"""Wires the complaint screen, follow-ups, vouchers, staff admin and first run into the window.

Only the main window's extension points are used (`add_page`, `show_page`, `add_nav_item`,
`profile_panel.add_action`, `home_view.add_section`, the sign-in panel's `add_page`), so the
window itself stays unaware of the service screens. `create_window` calls `install`.
The navigation rail gets: walk-in complaint (Ctrl+Shift+K), redeem a voucher
(Ctrl+Shift+V), follow-ups (Ctrl+Shift+F, with the number due) and, for managers, staff
(Ctrl+Shift+S). Home keeps a one-line summary of the promises due.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.security.staff_admin import needs_first_manager
from db.service.models import ENTRY_KINDS, Complaint, label
from widgets import data_bus
from widgets.complaint_form import ComplaintForm
from widgets.complaint_history_model import ComplaintHistoryModel
from widgets.first_run_panel import FirstRunPanel
from widgets.follow_up_list import FollowUpList, format_when
from widgets.server_away import away_text, show_read_error
from widgets.staff_admin_panel import StaffAdminPanel
from widgets.voucher_redeem_panel import VoucherRedeemPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_COMPLAINT = "complaint"
PAGE_STAFF_ADMIN = "staff_admin"
PAGE_FOLLOW_UPS = "follow_ups"
PAGE_VOUCHER = "voucher"
SIGN_IN_FIRST_RUN = "first_run"


class _TitledPage(QWidget):
    """A page with a title over one widget; `unsaved_changes` is the widget if it has any."""

    def __init__(self, title: str, content: QWidget, *, stretch: bool = True) -> None:
        super().__init__()
        heading = QLabel(title)
        heading.setObjectName("SectionTitle")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(content, 1 if stretch else 0)
        if not stretch:
            column.addStretch(1)
        scroll = QScrollArea()  # scrolls rather than squeezes when a long language needs it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 12)
        layout.addWidget(scroll)
        self.unsaved_changes = content


class ServiceUi(QObject):
    """Holds the service widgets and the small glue between them and the window."""

    complaint_finished = Signal(object)  # Complaint, after "Save and finish", back on a page

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.ctx = ctx

        # The complaint form is its own page, opened from a profile or for a walk-in.
        self.complaint_form = ComplaintForm(ctx)
        self.complaint_form.closed.connect(self._on_complaint_closed)
        self.complaint_form.complaint_saved.connect(self._on_complaint_saved)
        window.add_page(PAGE_COMPLAINT, self.complaint_form)
        self._return_to: int | None = None
        self._finished: Complaint | None = None

        self.complaint_button = QPushButton(self.tr("New &complaint / compliment"))
        self.complaint_button.setToolTip(self.tr("Ctrl+K"))
        self.complaint_button.clicked.connect(self.new_complaint_for_profile)
        window.profile_panel.add_action(self.complaint_button)

        # The profile's complaint history with outcomes, under the actions row.
        self.history_model = ComplaintHistoryModel(
            ctx.db, ctx.format_money, lambda moment: format_when(ctx, moment), self)
        self.history_view = QTableView()
        self.history_view.setObjectName("ComplaintHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.verticalHeader().setDefaultSectionSize(44)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # what they said
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # outcome
        self.history_view.setWordWrap(False)
        self.history_view.setMinimumHeight(150)
        self.history_view.setMaximumHeight(260)
        self.history_view.setAccessibleName(self.tr("Complaint history"))
        self.history_view.doubleClicked.connect(
            lambda index: self.continue_complaint(index.row()))
        self.history_section = QWidget()
        history_layout = QVBoxLayout(self.history_section)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_title = QLabel(self.tr("Complaints, compliments and suggestions"))
        history_title.setObjectName("SectionTitle")
        history_layout.addWidget(history_title)
        history_layout.addWidget(self.history_view)
        self._insert_into_profile(self.history_section)
        window.profile_panel.profile_shown.connect(self.history_model.set_customer)
        ctx.bus.data_changed.connect(self._on_data_changed)

        # Follow-ups: their own page; home shows how many are due, with a way there.
        self.follow_ups = FollowUpList(ctx)
        self.follow_ups.customer_chosen.connect(window.open_customer)
        self.follow_ups.refreshed.connect(self._on_follow_ups_refreshed)
        self.follow_ups.unavailable.connect(self._on_follow_ups_unavailable)
        window.add_page(PAGE_FOLLOW_UPS,
                        _TitledPage(self.tr("Promises due and overdue"), self.follow_ups))
        self.follow_ups_summary = QLabel()
        self.follow_ups_summary.setWordWrap(True)
        self.open_follow_ups_button = QPushButton(self.tr("Open follow-ups"))
        self.open_follow_ups_button.setMinimumHeight(44)
        self.open_follow_ups_button.clicked.connect(self.open_follow_ups)
        summary = QWidget()
        summary_row = QHBoxLayout(summary)
        summary_row.setContentsMargins(0, 0, 0, 0)
        summary_row.addWidget(self.follow_ups_summary, 1)
        summary_row.addWidget(self.open_follow_ups_button)
        window.home_view.add_section(self.tr("Promises due and overdue"), summary, top=True)

        # At the counter: a walk-in complaint and the voucher field, one tap from anywhere.
        self.voucher_panel = VoucherRedeemPanel(ctx)
        window.add_page(PAGE_VOUCHER, _TitledPage(self.tr("Redeem a voucher"),
                                                  self.voucher_panel, stretch=False))
        self.walk_in_button = window.add_nav_item(
            "walk_in", self.tr("Walk-in complaint"), lambda: self.new_complaint(None),
            keys="Ctrl+Shift+K", order=20, pages=(PAGE_COMPLAINT,))
        self.voucher_button = window.add_nav_item(
            "voucher", self.tr("Redeem voucher"), self.open_voucher, keys="Ctrl+Shift+V",
            order=30, pages=(PAGE_VOUCHER,))
        self.follow_ups_button = window.add_nav_item(
            "follow_ups", self.tr("Follow-ups"), self.open_follow_ups, keys="Ctrl+Shift+F",
            order=40, pages=(PAGE_FOLLOW_UPS,))

        # Managers: staff administration (each change confirmed by the manager's PIN).
        self.staff_admin = StaffAdminPanel(ctx)
        self.staff_admin.closed.connect(window.go_home)
        window.add_page(PAGE_STAFF_ADMIN, self.staff_admin)
        self.staff_button = window.add_nav_item(
            "staff", self.tr("Staff"), self.open_staff_admin, keys="Ctrl+Shift+S", order=80,
            pages=(PAGE_STAFF_ADMIN,), manager_only=True)

        # First run: no manager yet -> ask for one before anything else.
        self.first_run = FirstRunPanel(ctx)
        self.first_run.manager_created.connect(self._on_first_manager)
        window.sign_in_panel.add_page(SIGN_IN_FIRST_RUN, self.first_run)

        window._shortcut("complaint", QKeySequence("Ctrl+K"), self.new_complaint_for_profile)
        window.session.staff_changed.connect(self._on_staff_changed)
        # signing out (by hand or idle): what they typed stays a draft under their name
        window.session.signing_out.connect(lambda _staff, _reason: self.complaint_form.release())
        window.page_changed.connect(self._on_page_changed)
        self._on_staff_changed()

    # --- profile -----------------------------------------------------------------------

    def _insert_into_profile(self, widget: QWidget) -> None:
        """Put the history right under the profile's actions row (before purchases)."""
        panel = self.window.profile_panel
        if hasattr(panel, "add_section"):  # the profile's own place for added sections
            panel.add_section(widget)
            return
        layout = panel.layout()
        if not isinstance(layout, QVBoxLayout):
            return
        index = layout.indexOf(panel.tip_label) if hasattr(panel, "tip_label") else -1
        if index >= 0:
            layout.insertWidget(index + 2, widget)
        else:
            layout.addWidget(widget)

    def continue_complaint(self, row: int) -> None:
        summary = self.history_model.summary_at(row)
        if summary is None:
            return
        try:
            self.complaint_form.open_complaint(summary.id)
        except UserError as exc:
            show_read_error(self.window, exc)
            return
        self._return_to = self.window.profile_panel.customer_id
        self.window.show_page(PAGE_COMPLAINT)

    # --- complaints --------------------------------------------------------------------

    def new_complaint_for_profile(self) -> None:
        customer_id = self.window.profile_panel.customer_id
        if self.window.current_page() == "profile" and customer_id is not None:
            self.new_complaint(customer_id)

    def new_complaint(self, customer_id: int | None) -> None:
        """Open the form for a customer (or a walk-in); a crash draft is offered first."""
        if self.window.session.staff is None:
            return
        try:
            self.complaint_form.start_new(customer_id)
        except UserError as exc:
            show_read_error(self.window, exc)  # the server away: quietly (the banner)
            return
        self._return_to = customer_id
        self.window.show_page(PAGE_COMPLAINT)

    def _on_complaint_saved(self, complaint: Complaint) -> None:
        self._return_to = complaint.customer_id
        self._finished = complaint if complaint.status != "open" else None
        self.window.status_line.show_message(
            self.tr("Saved: %1 #%2").replace("%1", label(ENTRY_KINDS, complaint.kind))
            .replace("%2", str(complaint.id)), 8000)

    def _on_complaint_closed(self) -> None:
        finished, self._finished = self._finished, None
        if self._return_to is not None:
            self.window.open_customer(self._return_to)
        else:
            self.window.go_home()
        if finished is not None:
            self.complaint_finished.emit(finished)

    def _offer_draft(self) -> None:
        """After a restart, an unsaved entry is offered back before anything else."""
        if self.complaint_form.pending_draft() is not None:
            self.new_complaint(None)

    # --- home and staff ----------------------------------------------------------------

    def _on_page_changed(self, key: str) -> None:
        if key in ("home", PAGE_FOLLOW_UPS):
            self.follow_ups.refresh()

    def _on_follow_ups_refreshed(self, due: int, overdue: int) -> None:
        self.window.nav_rail.set_badge("follow_ups", due)
        if due == 0:
            text = self.tr("No promises due. Well done.")
        else:
            text = self.tr("%n due", "", due)
            if overdue:
                text += " · " + self.tr("%n overdue", "", overdue)
        self.follow_ups_summary.setText(text)
        self.open_follow_ups_button.setVisible(due > 0)

    def _on_follow_ups_unavailable(self) -> None:
        """Home's promises while the server is away: the quiet note, never "none due"."""
        self.follow_ups_summary.setText(away_text())
        self.open_follow_ups_button.setVisible(False)

    def open_follow_ups(self) -> None:
        if self.window.session.staff is None:
            return
        self.window.show_page(PAGE_FOLLOW_UPS)
        self.follow_ups.table.setFocus()

    def open_voucher(self) -> None:
        """The voucher field, empty and focused (no message left from the last code)."""
        if self.window.session.staff is None:
            return
        self.voucher_panel.reset()
        self.window.show_page(PAGE_VOUCHER)
        self.voucher_panel.code_edit.setFocus()

    def open_staff_admin(self) -> None:
        if not self.ctx.manager_with_pin():
            return
        self.staff_admin.cancel()  # no PIN box left armed from an earlier visit
        self.staff_admin.reload()
        self.window.show_page(PAGE_STAFF_ADMIN)

    def _on_staff_changed(self) -> None:
        if self.window.session.staff is not None:
            self.follow_ups.refresh()
        if self.window.session.staff is None:
            if needs_first_manager(self.ctx.db):
                self.window.sign_in_panel.show_page(SIGN_IN_FIRST_RUN)
                self.first_run.name_edit.setFocus()
            return
        self._offer_draft()

    def _on_first_manager(self, manager: object) -> None:
        self.window.sign_in_panel.reload()
        # they have just typed their new PIN twice: signed in with it
        self.window.sign_in_panel.finish(manager, with_pin=True)  # type: ignore[arg-type]

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity in (data_bus.COMPLAINT, data_bus.FOLLOW_UP, data_bus.CUSTOMER) and \
                self.history_model.customer_id() is not None:
            self.history_model.refresh()


def install(window: MainWindow) -> ServiceUi:
    """Add the service screens to a freshly built main window."""
    service = ServiceUi(window)
    window.service_ui = service  # type: ignore[attr-defined]
    return service
