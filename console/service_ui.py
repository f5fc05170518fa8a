"""Wires the complaint screen, follow-ups, vouchers, staff admin and first run into the window.

Only the main window's extension points are used (`add_page`, `show_page`,
`profile_panel.add_action`, `home_view.add_section`, the sign-in panel's `add_page`), so the
window itself stays unaware of the service screens. `create_window` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.service_models import ENTRY_KINDS, Complaint, label
from db.staff_admin import needs_first_manager
from widgets import data_bus
from widgets.complaint_form import ComplaintForm
from widgets.complaint_history_model import ComplaintHistoryModel
from widgets.errors import show_error
from widgets.first_run_panel import FirstRunPanel
from widgets.follow_up_list import FollowUpList, format_when
from widgets.staff_admin_panel import StaffAdminPanel
from widgets.voucher_redeem_panel import VoucherRedeemPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_COMPLAINT = "complaint"
PAGE_STAFF_ADMIN = "staff_admin"
SIGN_IN_FIRST_RUN = "first_run"


class ServiceUi(QObject):
    """Holds the service widgets and the small glue between them and the window."""

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

        # Home: promises due and overdue, a walk-in complaint, and the voucher field.
        self.follow_ups = FollowUpList(ctx)
        self.follow_ups.customer_chosen.connect(window.open_customer)
        window.home_view.add_section(self.tr("Promises due and overdue"), self.follow_ups)
        self.walk_in_button = QPushButton(self.tr("Walk-in complaint or compliment"))
        self.walk_in_button.clicked.connect(lambda: self.new_complaint(None))
        self.voucher_panel = VoucherRedeemPanel(ctx)
        counter = QWidget()
        counter_layout = QVBoxLayout(counter)
        counter_layout.setContentsMargins(0, 0, 0, 0)
        counter_layout.addWidget(self.walk_in_button)
        counter_layout.addWidget(self.voucher_panel)
        window.home_view.add_section(self.tr("At the counter"), counter)

        # Managers: staff administration (each change confirmed by the manager's PIN).
        self.staff_admin = StaffAdminPanel(ctx)
        window.add_page(PAGE_STAFF_ADMIN, self.staff_admin)
        self.staff_button = QPushButton(self.tr("Manage staff"))
        self.staff_button.clicked.connect(self.open_staff_admin)
        window.home_view.add_section(self.tr("Manager"), self.staff_button)

        # First run: no manager yet -> ask for one before anything else.
        self.first_run = FirstRunPanel(ctx)
        self.first_run.manager_created.connect(self._on_first_manager)
        window.sign_in_panel.add_page(SIGN_IN_FIRST_RUN, self.first_run)

        window._shortcut("complaint", QKeySequence("Ctrl+K"), self.new_complaint_for_profile)
        window.session.staff_changed.connect(self._on_staff_changed)
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
            show_error(self.window, exc)
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
            show_error(self.window, exc)
            return
        self._return_to = customer_id
        self.window.show_page(PAGE_COMPLAINT)

    def _on_complaint_saved(self, complaint: Complaint) -> None:
        self._return_to = complaint.customer_id
        self.window.statusBar().showMessage(
            self.tr("Saved: %1 #%2").replace("%1", label(ENTRY_KINDS, complaint.kind))
            .replace("%2", str(complaint.id)), 8000)

    def _on_complaint_closed(self) -> None:
        if self._return_to is not None:
            self.window.open_customer(self._return_to)
        else:
            self.window.go_home()

    def _offer_draft(self) -> None:
        """After a restart, an unsaved entry is offered back before anything else."""
        if self.complaint_form.pending_draft() is not None:
            self.new_complaint(None)

    # --- home and staff ----------------------------------------------------------------

    def _on_page_changed(self, key: str) -> None:
        if key == "home":
            self.follow_ups.refresh()
            staff = self.window.session.staff
            self.staff_button.setVisible(staff is not None and staff.role == "manager")

    def open_staff_admin(self) -> None:
        staff = self.window.session.staff
        if staff is None or staff.role != "manager":
            return
        self.staff_admin.reload()
        self.window.show_page(PAGE_STAFF_ADMIN)

    def _on_staff_changed(self) -> None:
        if self.window.session.staff is None:
            if needs_first_manager(self.ctx.db):
                self.window.sign_in_panel.show_page(SIGN_IN_FIRST_RUN)
                self.first_run.name_edit.setFocus()
            return
        self._offer_draft()

    def _on_first_manager(self, manager: object) -> None:
        self.window.sign_in_panel.reload()
        self.window.sign_in_panel.finish(manager)  # type: ignore[arg-type]

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity in (data_bus.COMPLAINT, data_bus.FOLLOW_UP, data_bus.CUSTOMER) and \
                self.history_model.customer_id() is not None:
            self.history_model.refresh()


def install(window: MainWindow) -> ServiceUi:
    """Add the service screens to a freshly built main window."""
    service = ServiceUi(window)
    window.service_ui = service  # type: ignore[attr-defined]
    return service
