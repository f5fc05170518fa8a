"""The complaint form: one screen for a complaint, compliment or suggestion.

It walks the service practice: what happened (cause, the customer's words, severity and
crisis flags, the staff member's own account), putting it right (what they asked for, the
options offered and chosen, compensation lines with their computed value, the resolution)
and any promise with its due time and owner. The recovery checklist and the phrases sit
beside the form; when a line has value, the supervisor authorises it in the inline panel
that takes the phrases' place.

Esc (like Discard) asks before throwing typed input away; a field's error goes as soon as
the field is put right.

What is typed is saved as a draft (debounced, `db.service.drafts`) so a crash or a power cut loses
nothing; the draft is offered back next time and cleared once the entry is saved for real.
Drafts never reach reports: only saved complaints do.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.clock import from_iso, to_iso, utcnow
from db.customers.purchases import list_products
from db.customers.records import get_customer
from db.errors import EditConflict, UserError, ValidationError
from db.models import Customer, Staff
from db.security.staff import get_staff, list_staff
from db.service.compensation import parse_amount, validate_lines
from db.service.complaints import causes, create_complaint, get_complaint, update_complaint
from db.service.complaints import validate as validate_complaint
from db.service.drafts import clear_draft, load_draft, save_draft
from db.service.local_drafts import clear_local, load_local, save_local
from db.service.models import (
    COMPENSATION_KINDS,
    CRISIS_FLAGS,
    DEFAULT_PROMISE_DAYS,
    DEFAULT_VOUCHER_DAYS,
    ENTRY_KINDS,
    SEVERITIES,
    STEPS,
    Authorisation,
    CompensationLine,
    Complaint,
    ComplaintInput,
    Draft,
    PromiseInput,
    label,
)
from db.tills import till_of
from widgets import data_bus
from widgets.allergen_display import AllergenBanner
from widgets.authorisation_panel import AuthorisationPanel
from widgets.compensation_lines_model import CompensationLinesModel
from widgets.context import AppContext
from widgets.edit_conflict_bar import EditConflictBar
from widgets.errors import show_error
from widgets.formats import format_datetime, use_date_format
from widgets.ops import run_op
from widgets.phrases_panel import PhrasesPanel
from widgets.recovery_checklist import RecoveryChecklist
from widgets.unsaved_changes import LiveFieldErrors

DRAFT_FORM = "complaint"
DRAFT_DELAY_MS = 400

# Which inputs each kind of compensation line needs.
_NEEDS: dict[str, tuple[str, ...]] = {
    "apology": (),
    "replacement": ("amount",),
    "discount_percent": ("bill", "percent"),
    "discount_amount": ("amount", "bill"),
    "free_item": ("product",),
    "voucher": ("amount", "expiry"),
    "waived_bill": ("amount",),
    "refund": ("amount",),
}

# Fields the data layer may name in a ValidationError, and where their message goes.
_FIELD_KEYS = (
    "kind", "customer", "walk_in_name", "occurred_at", "about_staff", "cause", "problem",
    "real_cause", "severity", "flags", "staff_account", "customer_request", "options_offered",
    "option_chosen", "lines", "resolution", "promise", "promise_due", "promise_owner", "status",
    "prevention", "letter_words",
)


FIELD_MIN_WIDTH = 260  # px: below this a label moves above its field
WIDE_FORM = 760  # px: a narrower form puts every label above its field
TEXT_BOX_MIN_HEIGHT = 80  # px: two lines and the style's padding


class ComplaintForm(QWidget):
    """Record a complaint, compliment or suggestion for a customer or a walk-in."""

    complaint_saved = Signal(object)  # Complaint, saved as resolved/promised/open
    closed = Signal()  # discarded or finished: the main window goes back

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintForm")
        # the chosen kind and the supervisor's approve/refuse choice must be unmistakable
        self.setStyleSheet("QPushButton:checked { background: #1f6f8b; color: #ffffff; "
                           "border-color: #1f6f8b; } "
                           "QGroupBox { font-weight: bold; } "
                           "QGroupBox::indicator { width: 26px; height: 26px; }")
        self._customer: Customer | None = None
        self._complaint: Complaint | None = None
        # The version of the saved complaint the typing is based on: a save names it, so a
        # change saved meanwhile at another till is refused (EditConflict), not overwritten.
        self._version: int | None = None
        self._taken_by: Staff | None = None
        self._owner_id: int | None = None  # who is typing: the draft is theirs
        self._loading = False
        self._dirty = False
        self._product_names: dict[int, str] = {}
        self.errors: dict[str, QLabel] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)

        self._last_status = "resolved"
        self._build()
        self._narrow_combos()
        self._fit_narrow_screens()
        self._connect_changes()
        self._watch_corrections()

    # =================================================================== building the screen

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("SectionTitle")
        self.title_label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.kind_buttons: dict[str, QPushButton] = {}
        self._kind_group = QButtonGroup(self)
        kinds_row = QHBoxLayout()
        for key, text in ENTRY_KINDS:
            button = QPushButton(label(ENTRY_KINDS, key), self)
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setAccessibleName(text)
            self._kind_group.addButton(button)
            self.kind_buttons[key] = button
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)
        self.kind_buttons["complaint"].setChecked(True)

        form_body = QWidget()
        body = QVBoxLayout(form_body)
        body.addWidget(self._who_group())
        body.addWidget(self._what_group())
        self.remedy_group = self._remedy_group()
        body.addWidget(self.remedy_group)
        body.addWidget(self._promise_group())
        body.addStretch(1)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(form_body)

        self.checklist = RecoveryChecklist(STEPS, self)
        self.phrases = PhrasesPanel("en", self)
        self.auth_panel = AuthorisationPanel(self.ctx, self)
        self.auth_panel.decided.connect(self._on_decided)
        self.auth_panel.cancelled.connect(self._show_phrases)
        self.side_stack = QStackedWidget(self)
        self.side_stack.addWidget(self.phrases)
        self.side_stack.addWidget(self.auth_panel)
        self.side_stack.currentChanged.connect(self._size_to_current_side)
        self._size_to_current_side()
        side_body = QWidget()
        side_body.setObjectName("complaintSide")
        side = QVBoxLayout(side_body)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.checklist)
        side.addWidget(self.side_stack, 1)
        # The steps and the phrases scroll together when a 768 px screen has no room for
        # both; the supervisor's panel (steps hidden) fits without scrolling.
        self.side_scroll = QScrollArea(self)
        self.side_scroll.setObjectName("complaintSideScroll")
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side_body)

        columns = QHBoxLayout()
        columns.addWidget(self.form_scroll, 3)
        columns.addWidget(self.side_scroll, 2)
        self._columns = columns

        self.status_label = QLabel(self)
        self.status_label.setObjectName("formStatus")
        self.status_label.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.keep_open_button = QPushButton(self.tr("Save, keep open"), self)
        self.keep_open_button.setToolTip(self.tr("Save now and finish later (e.g. when the "
                                                 "real cause is known)"))
        self.finish_button = QPushButton(self.tr("Save and finish"), self)
        self.finish_button.setProperty("primary", True)
        self.finish_button.setDefault(True)
        for button in (self.discard_button, self.keep_open_button, self.finish_button):
            button.setMinimumHeight(48)
        self.discard_button.clicked.connect(self.discard)
        self.keep_open_button.clicked.connect(lambda: self.save("open"))
        self.finish_button.clicked.connect(lambda: self.save("resolved"))
        # another till saved this entry after it was opened here: who, where, when, and
        # the two ways on; what was typed stays until the person chooses
        self.conflict_box = EditConflictBar(self)
        self.conflict_label = self.conflict_box.message
        self.load_theirs_button = self.conflict_box.load_theirs_button
        self.keep_mine_button = self.conflict_box.keep_mine_button
        self.conflict_box.load_theirs.connect(self.load_their_version)
        self.conflict_box.keep_mine.connect(self.keep_my_version)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.keep_open_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addLayout(kinds_row)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        layout.addWidget(self.conflict_box)
        layout.addLayout(buttons)
        for button in self.kind_buttons.values():
            button.toggled.connect(self._on_kind_changed)
        self._on_kind_changed()

    def _error_label(self, key: str) -> QLabel:
        error = QLabel(self)
        error.setObjectName("FieldError")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020; font-weight: bold;")
        error.hide()
        self.errors[key] = error
        return error

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(key))
        return box

    @staticmethod
    def _text_edit(placeholder: str, height: int = 66) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(max(height, TEXT_BOX_MIN_HEIGHT))  # the style's minimum fits
        return edit

    def _who_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Who and when"), self)
        form = QFormLayout(group)
        self.customer_label = QLabel(group)
        self.customer_label.setStyleSheet("font-weight: bold;")
        self.walk_in_edit = QLineEdit(group)
        self.walk_in_edit.setPlaceholderText(self.tr("Walk-in: name if given (optional)"))
        self.occurred_edit = QDateTimeEdit(group)
        self.occurred_edit.setCalendarPopup(True)
        use_date_format(self.occurred_edit)
        self.taken_by_label = QLabel(group)
        self.about_staff_box = QComboBox(group)
        form.addRow(self.tr("Customer"), self._with_error("customer", self.customer_label))
        self.allergy_banner = AllergenBanner(group)  # which allergens, before anything is offered
        form.addRow(self.allergy_banner)
        form.addRow(self.tr("Walk-in"), self._with_error("walk_in_name", self.walk_in_edit))
        form.addRow(self.tr("When"), self._with_error("occurred_at", self.occurred_edit))
        form.addRow(self.tr("Taken by"), self.taken_by_label)
        self.till_info_label = QLabel(group)
        self.till_info_label.setObjectName("complaintTill")
        self.till_info_label.setWordWrap(True)
        form.addRow(self.tr("Till"), self.till_info_label)
        self.about_staff_label = QLabel(self.tr("About staff member"), group)
        form.addRow(self.about_staff_label, self._with_error("about_staff", self.about_staff_box))
        return group

    def _what_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("What happened"), self)
        self.what_group = group
        form = QFormLayout(group)
        self.cause_box = QComboBox(group)
        self.problem_edit = self._text_edit(self.tr("In the customer's own words"), 80)
        self.problem_edit.setAccessibleName(self.tr("Stated problem"))
        self.real_cause_box = QComboBox(group)
        self.severity_box = QComboBox(group)
        for level, _text in SEVERITIES:
            self.severity_box.addItem(label(SEVERITIES, level), level)
        flags_box = QWidget(group)
        flags_layout = QGridLayout(flags_box)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for index, (key, _text) in enumerate(CRISIS_FLAGS):
            box = QCheckBox(label(CRISIS_FLAGS, key), flags_box)
            self.flag_boxes[key] = box
            flags_layout.addWidget(box, index, 0)  # one column: long Finnish labels fit
        self.staff_account_edit = self._text_edit(self.tr("What you saw and did"))
        self.cause_label = QLabel(self.tr("Cause"), group)
        cause_row = self._with_error("cause", self.cause_box)
        form.addRow(self.cause_label, cause_row)
        self.problem_label = QLabel(self.tr("Stated problem"), group)
        form.addRow(self.problem_label, self._with_error("problem", self.problem_edit))
        self.real_cause_label = QLabel(self.tr("Real cause"), group)
        real_cause_row = self._with_error("real_cause", self.real_cause_box)
        form.addRow(self.real_cause_label, real_cause_row)
        # What we change so it does not happen again: printed in the apology letter.
        self.prevention_edit = self._text_edit(
            self.tr("Printed in the apology letter, in the customer's language"), 60)
        self.prevention_edit.setAccessibleName(self.tr("What we change"))
        self.prevention_label = QLabel(self.tr("What we change so it does not happen again"),
                                       group)
        self.prevention_label.setWordWrap(True)
        prevention_row = self._with_error("prevention", self.prevention_edit)
        form.addRow(self.prevention_label, prevention_row)
        self.severity_label = QLabel(self.tr("Severity"), group)
        severity_row = self._with_error("severity", self.severity_box)
        form.addRow(self.severity_label, severity_row)
        self.flags_label = QLabel(self.tr("Crisis flags"), group)
        flags_row = self._with_error("flags", flags_box)
        form.addRow(self.flags_label, flags_row)
        form.addRow(self.tr("Own account"),
                    self._with_error("staff_account", self.staff_account_edit))
        # rows a compliment or a suggestion does not have (label and field, error included)
        self._complaint_only = [self.cause_label, cause_row, self.real_cause_label,
                                real_cause_row, self.prevention_label, prevention_row,
                                self.severity_label, severity_row,
                                self.flags_label, flags_row]
        return group

    def _remedy_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Putting it right"), self)
        form = QFormLayout(group)
        self.request_edit = QLineEdit(group)
        self.request_edit.setPlaceholderText(self.tr("What would they like?"))
        self.options_edit = self._text_edit(self.tr("The options you offered"))
        self.chosen_edit = QLineEdit(group)
        self.chosen_edit.setPlaceholderText(self.tr("The one the customer chose"))
        form.addRow(self.tr("Customer asked for"),
                    self._with_error("customer_request", self.request_edit))
        form.addRow(self.tr("Options offered"),
                    self._with_error("options_offered", self.options_edit))
        form.addRow(self.tr("Option chosen"), self._with_error("option_chosen", self.chosen_edit))

        # compensation lines
        self.lines_model = CompensationLinesModel(self.ctx.format_money, parent=self)
        self.lines_model.total_changed.connect(self._on_lines_changed)
        self.lines_view = QTableView(group)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.verticalHeader().hide()
        self.lines_view.verticalHeader().setDefaultSectionSize(44)
        self.lines_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setMinimumHeight(140)  # the header and two 44 px rows
        self.lines_view.setMaximumHeight(180)
        self.lines_view.setAccessibleName(self.tr("Compensation lines"))

        self.line_kind_box = QComboBox(group)
        for key, _text in COMPENSATION_KINDS:
            self.line_kind_box.addItem(label(COMPENSATION_KINDS, key), key)
        self.line_amount_edit = QLineEdit(group)
        self.line_amount_edit.setToolTip(self.tr("Amount"))
        self.line_amount_edit.setAccessibleName(self.tr("Amount"))
        self.line_amount_edit.setPlaceholderText(self.tr("Amount, e.g. 12.50"))
        self.line_bill_edit = QLineEdit(group)
        self.line_bill_edit.setToolTip(self.tr("Bill"))
        self.line_bill_edit.setAccessibleName(self.tr("Bill"))
        self.line_bill_edit.setPlaceholderText(self.tr("Bill, e.g. 48.00"))
        self.line_percent_edit = QLineEdit(group)
        self.line_percent_edit.setToolTip(self.tr("Percent of the bill"))
        self.line_percent_edit.setAccessibleName(self.tr("Percent of the bill"))
        self.line_percent_edit.setPlaceholderText(self.tr("Percent"))
        self.line_percent_edit.setMaximumWidth(110)
        self.line_product_box = QComboBox(group)
        self.line_product_box.setToolTip(self.tr("Free item from the catalogue"))
        self.line_product_box.setAccessibleName(self.tr("Free item from the catalogue"))
        self.line_expiry_edit = QDateEdit(group)
        self.line_expiry_edit.setCalendarPopup(True)
        use_date_format(self.line_expiry_edit)
        self.line_expiry_edit.setToolTip(self.tr("Voucher valid until (inclusive)"))
        self.line_description_edit = QLineEdit(group)
        self.line_description_edit.setToolTip(self.tr("Note"))
        self.line_description_edit.setAccessibleName(self.tr("Note"))
        self.line_description_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.add_line_button = QPushButton(self.tr("Add line"), group)
        self.remove_line_button = QPushButton(self.tr("Remove line"), group)
        self.add_line_button.clicked.connect(self.add_line_from_editor)
        self.remove_line_button.clicked.connect(self.remove_selected_line)
        self.line_kind_box.currentIndexChanged.connect(self._on_line_kind_changed)
        for edit in (self.line_amount_edit, self.line_bill_edit, self.line_percent_edit,
                     self.line_description_edit):
            edit.returnPressed.connect(self.add_line_from_editor)
        editor = QWidget(group)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        inputs = QHBoxLayout()
        inputs.addWidget(self.line_kind_box, 2)
        inputs.addWidget(self.line_amount_edit, 1)
        inputs.addWidget(self.line_bill_edit, 1)
        inputs.addWidget(self.line_percent_edit)
        inputs.addWidget(self.line_product_box, 2)
        inputs.addWidget(self.line_expiry_edit, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.line_description_edit, 1)
        note_row.addWidget(self.add_line_button)
        note_row.addWidget(self.remove_line_button)
        editor_layout.addLayout(inputs)
        editor_layout.addLayout(note_row)
        self.line_error = self._error_label("line")
        editor_layout.addWidget(self.line_error)

        self.total_label = QLabel(group)
        self.total_label.setStyleSheet("font-weight: bold;")
        self.ask_button = QPushButton(self.tr("Ask a supervisor to authorise"), group)
        self.ask_button.setProperty("primary", True)
        self.ask_button.clicked.connect(self.ask_supervisor)
        total_row = QHBoxLayout()
        total_row.addWidget(self.total_label, 1)
        ask_row = QHBoxLayout()
        ask_row.addStretch(1)
        ask_row.addWidget(self.ask_button)
        lines_box = QWidget(group)
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.lines_view)
        lines_layout.addWidget(editor)
        lines_layout.addLayout(total_row)
        lines_layout.addLayout(ask_row)
        lines_layout.addWidget(self._error_label("lines"))
        self.compensation_label = QLabel(self.tr("Compensation"), group)
        form.addRow(self.compensation_label, lines_box)
        self._lines_widgets = [self.compensation_label, lines_box]

        self.resolution_edit = self._text_edit(self.tr("What was done"))
        self.on_spot_box = QCheckBox(self.tr("Settled on the spot"), group)
        form.addRow(self.tr("Resolution"), self._with_error("resolution", self.resolution_edit))
        # What the customer reads: the notes above never print in a letter.
        self.letter_words_edit = self._text_edit(
            self.tr("What the customer will read about what happened and what was done, in "
                    "the letter's language. Your notes never print."), 60)
        self.letter_words_edit.setAccessibleName(self.tr("Words for the letter"))
        form.addRow(self.tr("Words for the letter"),
                    self._with_error("letter_words", self.letter_words_edit))
        form.addRow("", self.on_spot_box)
        form.addRow("", self._error_label("status"))
        self._on_line_kind_changed()
        return group

    def _promise_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Promise and follow-up"), self)
        group.setCheckable(True)
        group.setChecked(False)
        self.promise_group = group
        form = QFormLayout(group)
        self.promise_edit = QLineEdit(group)
        self.promise_edit.setPlaceholderText(self.tr("What we promised, e.g. call back"))
        self.promise_due_edit = QDateTimeEdit(group)
        self.promise_due_edit.setCalendarPopup(True)
        use_date_format(self.promise_due_edit)
        self.promise_owner_box = QComboBox(group)
        form.addRow(self.tr("Promise"), self._with_error("promise", self.promise_edit))
        form.addRow(self.tr("Due"), self._with_error("promise_due", self.promise_due_edit))
        form.addRow(self.tr("Owner"), self._with_error("promise_owner", self.promise_owner_box))
        return group

    def _size_to_current_side(self, _index: int = 0) -> None:
        """Only the page shown counts for the side column's size (a stacked widget asks
        every page), so the wide supervisor panel does not widen the phrases column."""
        current = self.side_stack.currentWidget()
        for index in range(self.side_stack.count()):
            page = self.side_stack.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is current else \
                QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.side_stack.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_narrow_screens()

    def _fit_narrow_screens(self) -> None:
        """On a 1024 or 1366 px till (and in Finnish) labels go above their fields rather
        than squeezing them; a wide form keeps labels beside fields of FIELD_MIN_WIDTH+."""
        narrow = self.width() * 3 // 5 < WIDE_FORM
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else \
            QFormLayout.RowWrapPolicy.WrapLongRows
        for form in self.findChildren(QFormLayout):
            if form.rowWrapPolicy() == policy:
                continue
            form.setRowWrapPolicy(policy)
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                field = item.widget() if item is not None else None
                if field is not None and field.minimumWidth() < FIELD_MIN_WIDTH:
                    field.setMinimumWidth(FIELD_MIN_WIDTH)

    def _narrow_combos(self) -> None:
        """Long product or staff names must not widen the form past the screen."""
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

    def _connect_changes(self) -> None:
        """Every edit marks the form dirty and schedules a draft save."""
        for line_edit in (self.walk_in_edit, self.request_edit, self.chosen_edit,
                          self.promise_edit):
            line_edit.textChanged.connect(self._on_edited)
        for text_edit in (self.problem_edit, self.staff_account_edit, self.options_edit,
                          self.resolution_edit, self.prevention_edit, self.letter_words_edit):
            text_edit.textChanged.connect(self._on_edited)
        for combo in (self.cause_box, self.real_cause_box, self.severity_box,
                      self.about_staff_box, self.promise_owner_box):
            combo.currentIndexChanged.connect(self._on_edited)
        for box in (*self.flag_boxes.values(), self.on_spot_box):
            box.toggled.connect(self._on_edited)
        self.promise_group.toggled.connect(self._on_edited)
        self.occurred_edit.dateTimeChanged.connect(self._on_edited)
        self.promise_due_edit.dateTimeChanged.connect(self._on_edited)
        self.checklist.steps_changed.connect(self._on_edited)
        self._kind_group.buttonToggled.connect(self._on_edited)

    # =================================================================== opening

    def start_new(self, customer_id: int | None = None, *, offer_draft: bool = True) -> None:
        """A fresh entry for a customer (or a walk-in), offering a crash draft back first."""
        taken_by = self.ctx.require_staff()
        if offer_draft:
            draft = self.pending_draft()
            if draft is not None and self._ask_restore(draft):
                self.restore_draft(draft)
                return
            if draft is not None:  # their own draft, their own answer (both copies)
                if self.ctx.draft_dir is not None:
                    with contextlib.suppress(OSError):
                        clear_local(self.ctx.draft_dir, taken_by.id, DRAFT_FORM)
                clear_draft(self.ctx.db, taken_by.id, DRAFT_FORM)
        self._reset(taken_by, get_customer(self.ctx.db, customer_id) if customer_id else None)

    def open_complaint(self, complaint_id: int) -> None:
        """Continue a saved entry (e.g. the real cause is known now)."""
        self.ctx.require_staff()
        complaint = get_complaint(self.ctx.db, complaint_id)
        customer = get_customer(self.ctx.db, complaint.customer_id) \
            if complaint.customer_id else None
        self._reset(get_staff(self.ctx.db, complaint.taken_by), customer)
        self._loading = True
        try:
            self._complaint = complaint
            self._version = complaint.version
            self._fill_from_complaint(complaint)
        finally:
            self._loading = False
        self._refresh_state()

    def _reset(self, taken_by: Staff, customer: Customer | None) -> None:
        self._loading = True
        try:
            self._draft_timer.stop()
            self._taken_by = taken_by
            typist = self.ctx.staff()
            self._owner_id = typist.id if typist is not None else None
            self._customer = customer
            self._complaint = None
            self._version = None
            self._client_key = uuid.uuid4().hex  # one per new entry: a retried save is known
            self._hide_conflict()
            self._dirty = False
            self._load_choices()
            self.show_field_errors({})
            self.status_label.clear()
            self.kind_buttons["complaint"].setChecked(True)
            self.walk_in_edit.clear()
            self._set_when(self.occurred_edit, utcnow())
            self.taken_by_label.setText(taken_by.name)
            self.about_staff_box.setCurrentIndex(0)
            self.cause_box.setCurrentIndex(0)
            self.real_cause_box.setCurrentIndex(0)
            self.severity_box.setCurrentIndex(0)
            for box in self.flag_boxes.values():
                box.setChecked(False)
            for edit in (self.problem_edit, self.staff_account_edit, self.options_edit,
                         self.resolution_edit, self.prevention_edit, self.letter_words_edit):
                edit.clear()
            for line_edit in (self.request_edit, self.chosen_edit, self.promise_edit,
                              self.line_amount_edit, self.line_bill_edit,
                              self.line_percent_edit, self.line_description_edit):
                line_edit.clear()
            self.on_spot_box.setChecked(False)
            self.checklist.set_done([])
            self.lines_model.set_lines([])
            self.promise_group.setChecked(False)
            self._set_when(self.promise_due_edit, utcnow() + timedelta(days=DEFAULT_PROMISE_DAYS))
            self.promise_owner_box.setCurrentIndex(
                max(0, self.promise_owner_box.findData(taken_by.id)))
            self._reset_expiry()
            self.phrases.set_language(customer.language if customer else "en")
            self._show_phrases()
        finally:
            self._loading = False
        self._refresh_state()
        self.problem_edit.setFocus()

    def _load_choices(self) -> None:
        self.cause_box.clear()
        self.real_cause_box.clear()
        self.real_cause_box.addItem(self.tr("Not known yet"), None)
        for key, text in causes(self.ctx.db):
            self.cause_box.addItem(text, key)
            self.real_cause_box.addItem(text, key)
        staff = list_staff(self.ctx.db)
        self.about_staff_box.clear()
        self.about_staff_box.addItem(self.tr("Nobody in particular"), None)
        self.promise_owner_box.clear()
        for person in staff:
            self.about_staff_box.addItem(person.name, person.id)
            self.promise_owner_box.addItem(person.name, person.id)
        products = list_products(self.ctx.db)
        self._product_names = {p.id: p.name for p in products}
        self.line_product_box.clear()
        for product in products:
            self.line_product_box.addItem(
                f"{product.name} ({self.ctx.format_money(product.price_minor)})", product.id)
        self.lines_model.set_product_names(self._product_names)

    def _reset_expiry(self) -> None:
        today = self._today()
        expiry = today + timedelta(days=DEFAULT_VOUCHER_DAYS)
        self.line_expiry_edit.setDate(QDate(expiry.year, expiry.month, expiry.day))

    # =================================================================== time helpers

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.ctx.settings.timezone)

    def _today(self) -> date:
        return utcnow().astimezone(self._zone()).date()

    def _set_when(self, edit: QDateTimeEdit, moment: datetime) -> None:
        local = moment.astimezone(self._zone())
        edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                   QTime(local.hour, local.minute)))

    def _when(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime()
        day, time = value.date(), value.time()
        local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(),
                         tzinfo=self._zone())
        return local.astimezone(UTC)

    # =================================================================== state

    def customer(self) -> Customer | None:
        return self._customer

    def complaint(self) -> Complaint | None:
        return self._complaint

    def kind(self) -> str:
        for key, button in self.kind_buttons.items():
            if button.isChecked():
                return key
        return "complaint"

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def _on_kind_changed(self, _checked: bool = False) -> None:
        is_complaint = self.kind() == "complaint"
        for widget in (*self._complaint_only, *self._lines_widgets):
            widget.setVisible(is_complaint)
        self.checklist.setVisible(is_complaint)
        self.about_staff_label.setText(self.tr("About staff member") if is_complaint
                                       else self.tr("For staff member"))
        self.problem_label.setText(
            {"complaint": self.tr("Stated problem"), "compliment": self.tr("What they praised"),
             "suggestion": self.tr("Their suggestion")}[self.kind()])
        self._refresh_title()

    def _refresh_title(self) -> None:
        who = self._customer.name if self._customer else self.tr("Walk-in customer")
        kind = label(ENTRY_KINDS, self.kind())
        self.title_label.setText(self.tr("%1 · %2").replace("%1", kind).replace("%2", who))
        self.customer_label.setText(
            f"{self._customer.name} ({self._customer.customer_no})" if self._customer
            else self.tr("Walk-in (no profile)"))
        self.walk_in_edit.setEnabled(self._customer is None)
        if self._customer is None:
            self.allergy_banner.set_allergies((), ())
        else:
            self.allergy_banner.set_allergies(self._customer.allergens, self._customer.allergies)

    def _on_lines_changed(self, total: int) -> None:
        self.total_label.setText(self.tr("Compensation total: %1").replace(
            "%1", self.ctx.format_money(total)))
        self._refresh_state()
        self._on_edited()

    def _proposed_lines(self) -> list[CompensationLine]:
        return [line for line in self.lines_model.lines() if line.status == "proposed"]

    def needs_authorisation(self) -> bool:
        return self.kind() == "complaint" and any(
            line.needs_decision for line in self._proposed_lines())

    def _refresh_state(self) -> None:
        """Say what is still needed; the supervisor button only when a line has value."""
        self._refresh_title()
        needs = self.needs_authorisation()
        self.ask_button.setEnabled(needs)
        if needs:
            self.status_label.setText(self.tr(
                "Compensation with a value needs a supervisor before this can be finished."))
        elif self._complaint is not None and self._complaint.authorisations:
            last = self._complaint.authorisations[-1]
            verb = self.tr("Approved") if last.decision == "approved" else self.tr("Refused")
            text = self.tr("%1 by %2 at till %4: %3.") if last.till else self.tr("%1 by %2: %3.")
            self.status_label.setText(text.replace("%1", verb)
                                      .replace("%2", last.decided_by_name)
                                      .replace("%4", last.till)
                                      .replace("%3", self.ctx.format_money(last.total_minor)))
        else:
            self.status_label.clear()
        self._refresh_till_info()

    def _refresh_till_info(self) -> None:
        """Where the entry was taken and, when someone changed it since, who, where, when."""
        complaint = self._complaint
        if complaint is None:
            here = till_of(self.ctx.db)
            self.till_info_label.setText(self.tr("%1 (this till)").replace("%1", here)
                                         if here else self.tr("not named"))
            return
        text = complaint.till or self.tr("not recorded")
        if complaint.version > 1 and complaint.updated_by_name:
            changed = self.tr("last changed by %1 at till %2, %3") if complaint.updated_till \
                else self.tr("last changed by %1, %3")
            text += " · " + changed.replace("%1", complaint.updated_by_name).replace(
                "%2", complaint.updated_till).replace(
                "%3", format_datetime(complaint.updated_at, self._zone()))
        self.till_info_label.setText(text)

    # =================================================================== compensation lines

    def _on_line_kind_changed(self, _index: int = 0) -> None:
        needs = _NEEDS.get(str(self.line_kind_box.currentData()), ())
        self.line_amount_edit.setVisible("amount" in needs)
        self.line_bill_edit.setVisible("bill" in needs)
        self.line_percent_edit.setVisible("percent" in needs)
        self.line_product_box.setVisible("product" in needs)
        self.line_expiry_edit.setVisible("expiry" in needs)
        self.line_error.hide()

    def _amount(self, edit: QLineEdit, field: str, *, required: bool) -> int | None:
        if not edit.text().strip():
            if required:
                raise ValidationError({field: self.tr("Type an amount, such as 12.50.")})
            return None
        try:
            return parse_amount(edit.text(), self.ctx.settings.locale, self.ctx.settings.currency)
        except ValidationError as exc:
            raise ValidationError({field: exc.fields.get("amount", str(exc))}) from exc

    def line_from_editor(self) -> CompensationLine:
        """Read the line editor; ValidationError (keys amount/bill/percent...) if it is wrong."""
        kind = str(self.line_kind_box.currentData())
        needs = _NEEDS.get(kind, ())
        values: dict[str, Any] = {"kind": kind,
                                  "description": self.line_description_edit.text().strip()}
        if "amount" in needs:
            values["amount_minor"] = self._amount(self.line_amount_edit, "amount",
                                                  required=kind != "replacement")
        if "bill" in needs:
            values["bill_minor"] = self._amount(self.line_bill_edit, "bill", required=True)
        if "percent" in needs:
            text = self.line_percent_edit.text().strip().rstrip("%").strip()
            if not (text.isascii() and text.isdigit()):
                raise ValidationError({"percent": self.tr("Type a percentage from 1 to 100.")})
            values["percent"] = int(text)
        if "product" in needs:
            values["product_id"] = self.line_product_box.currentData()
        if "expiry" in needs:
            chosen = self.line_expiry_edit.date()
            values["expires_on"] = date(chosen.year(), chosen.month(), chosen.day())
        line = CompensationLine(**values)
        cleaned = validate_lines(self.ctx.db, [line])  # catalogue price, limits, expiry
        return cleaned[0]

    def add_line_from_editor(self) -> None:
        try:
            line = self.line_from_editor()
        except ValidationError as exc:
            messages = [m for _k, m in sorted(exc.fields.items())]
            self.line_error.setText(" ".join(messages))
            self.line_error.show()
            return
        self.line_error.hide()
        self.lines_model.add_line(line)
        for edit in (self.line_amount_edit, self.line_bill_edit, self.line_percent_edit,
                     self.line_description_edit):
            edit.clear()
        self._reset_expiry()

    def remove_selected_line(self) -> None:
        row = self.lines_view.currentIndex().row()
        if row < 0:
            return
        if self.lines_model.line(row).status != "proposed":
            self.line_error.setText(self.tr("A decided line stays on the record."))
            self.line_error.show()
            return
        self.lines_model.remove_line(row)

    # =================================================================== collecting input

    def collect(self, status: str = "open") -> ComplaintInput:
        """What is on screen, as the data layer's input (validation happens there)."""
        staff = self._taken_by or self.ctx.require_staff()
        kind = self.kind()
        promise = None
        if self.promise_group.isChecked():
            owner = self.promise_owner_box.currentData()
            promise = PromiseInput(promise=self.promise_edit.text(),
                                   owner_id=int(owner) if owner is not None else 0,
                                   due_at=self._when(self.promise_due_edit))
        is_complaint = kind == "complaint"
        return ComplaintInput(
            taken_by=staff.id, kind=kind,  # type: ignore[arg-type]
            customer_id=self._customer.id if self._customer else None,
            walk_in_name="" if self._customer else self.walk_in_edit.text(),
            occurred_at=self._when(self.occurred_edit),
            about_staff_id=self.about_staff_box.currentData(),
            cause=str(self.cause_box.currentData() or "other") if is_complaint else "other",
            real_cause=self.real_cause_box.currentData() if is_complaint else None,
            problem=self.problem_edit.toPlainText(),
            severity=int(self.severity_box.currentData() or 1) if is_complaint else 1,
            flags=[k for k, box in self.flag_boxes.items() if box.isChecked()]
            if is_complaint else [],
            staff_account=self.staff_account_edit.toPlainText(),
            customer_request=self.request_edit.text(),
            options_offered=self.options_edit.toPlainText(),
            option_chosen=self.chosen_edit.text(),
            resolution=self.resolution_edit.toPlainText(),
            steps_done=self.checklist.done() if is_complaint else [],
            resolved_on_spot=self.on_spot_box.isChecked(),
            status=status,  # type: ignore[arg-type]
            lines=self._proposed_lines() if is_complaint else [],
            promise=promise,
            prevention=self.prevention_edit.toPlainText() if is_complaint else "",
            letter_words=self.letter_words_edit.toPlainText(),
            client_key=getattr(self, "_client_key", "") if self._complaint is None else "",
        )

    # =================================================================== saving

    def show_field_errors(self, fields: Mapping[str, str]) -> None:
        """Messages next to their fields; what was typed stays as it is."""
        shown: dict[str, list[str]] = {}
        for key, message in fields.items():
            target = key
            if key.startswith("line") and "." in key:
                number = key[4:key.index(".")]
                message = self.tr("Line %1: %2").replace("%1", number).replace("%2", message)
                target = "lines"
            elif key == "taken_by" or key not in self.errors:
                target = "status"
            shown.setdefault(target, []).append(message)
        for key, error in self.errors.items():
            if key == "line":
                continue
            error.setText(" ".join(shown.get(key, [])))
            error.setVisible(key in shown)
        if shown:
            first = next((self.errors[k] for k in _FIELD_KEYS if k in shown), None)
            if first is not None:
                self.form_scroll.ensureWidgetVisible(first)
            self.status_label.setText(self.tr("Please check the fields marked in red."))

    def _write(self, status: str) -> Complaint | None:
        self._last_status = status
        self._save_local_draft()  # on this till's disk before the save is even tried
        data = self.collect(status)
        complaint_id = self._complaint.id if self._complaint is not None else None
        version = self._version

        def write() -> Complaint:
            if complaint_id is None:
                return create_complaint(self.ctx.db, data)
            return update_complaint(self.ctx.db, complaint_id, data,
                                    actor_id=self.ctx.require_staff().id,
                                    expected_version=version)

        def touched(complaint: Complaint) -> list[tuple[str, int]]:
            changes = [(data_bus.COMPLAINT, complaint.id)]
            if complaint.customer_id is not None:
                changes.append((data_bus.CUSTOMER, complaint.customer_id))
            if complaint.follow_ups:
                changes.append((data_bus.FOLLOW_UP, complaint.follow_ups[-1].id))
            return changes

        # A ValidationError goes next to its fields (this form is a FieldErrorSink).
        try:
            complaint = run_op(self.ctx, self, write, changed=touched, passes=(EditConflict,))
        except EditConflict as exc:  # said on the form itself, not in a message box
            self._show_conflict(exc)
            return None
        if complaint is None:
            return None
        self.show_field_errors({})
        self._hide_conflict()
        self._complaint = complaint
        self._version = complaint.version
        self.lines_model.set_lines(complaint.lines)
        return complaint

    # =================================================================== two tills, one entry

    def conflict(self) -> EditConflict | None:
        """The refused save waiting for "Load their version" or "Keep mine", if any."""
        return self.conflict_box.conflict()

    def _show_conflict(self, exc: EditConflict) -> None:
        """Say who changed the entry, at which till and when; the typed text stays, and so
        does its draft on disk until a save succeeds."""
        self.conflict_box.show_conflict(exc, self._zone())
        self.status_label.setText(self.tr("Not saved: choose their version or yours."))
        self.save_draft_now()

    def _hide_conflict(self) -> None:
        self.conflict_box.clear()

    def load_their_version(self) -> bool:
        """After asking: replace the form with the entry as saved now (what was typed here,
        and its draft, are dropped). True when loaded."""
        if self._complaint is None:
            return False
        exc = self.conflict()
        where = exc.till if exc is not None and exc.till else ""
        question = self.tr("Replace what you typed with the version saved at till %1? What "
                           "you typed on this form is lost.").replace("%1", where) if where \
            else self.tr("Replace what you typed with the saved version? What you typed on "
                         "this form is lost.")
        if not self.ctx.dialogs.question(self, self.tr("Load their version"), question):
            return False
        try:
            complaint = get_complaint(self.ctx.db, self._complaint.id)
        except UserError as exc_:
            show_error(self, exc_)
            return False
        self._draft_timer.stop()
        self._loading = True
        try:
            self.show_field_errors({})
            self._complaint = complaint
            self._version = complaint.version
            self._fill_from_complaint(complaint)
        finally:
            self._loading = False
        self._dirty = False
        self._clear_own_draft()
        self._hide_conflict()
        self._refresh_state()
        self.status_label.setText(self.tr("Loaded the version saved now. Your changes were "
                                          "dropped."))
        return True

    def keep_my_version(self) -> None:
        """Keep what was typed: the next save replaces their change, knowingly."""
        exc = self.conflict()
        if exc is None:
            return
        self._version = exc.version
        self._hide_conflict()
        self.status_label.setText(self.tr("Keeping your version: save again to replace "
                                          "theirs."))

    def save(self, status: str = "resolved") -> Complaint | None:
        """Save for real: "open" to finish later, "resolved" (or promised) to finish now."""
        complaint = self._write(status)
        if complaint is None:
            return None
        self._draft_timer.stop()
        self._dirty = False
        self._clear_own_draft()
        self.complaint_saved.emit(complaint)
        if status != "open":
            self.closed.emit()
        else:
            self._refresh_state()
            self.status_label.setText(self.tr("Saved. You can finish it later."))
        return complaint

    def discard(self) -> None:
        """Leave without saving; asks first when something was typed."""
        if self._dirty and not self.ctx.dialogs.question(
                self, self.tr("Discard"), self.tr("Throw away what was typed on this form?")):
            return
        self.discard_unsaved_changes()
        self.closed.emit()

    # =================================================================== authorisation

    def ask_supervisor(self) -> None:
        """Save the entry as open with its proposed lines, then open the inline panel."""
        if not self.needs_authorisation():
            return
        complaint = self._write("open")
        if complaint is None:
            return
        self.save_draft_now()
        self.auth_panel.set_complaint(complaint, self._product_names)
        self.checklist.hide()  # the supervisor's moment: the panel gets the whole width
        self.form_scroll.hide()  # (its summary shows the problem; a till has no room for both)
        self.side_stack.setCurrentWidget(self.auth_panel)
        self._refresh_state()

    def _on_decided(self, result: Authorisation) -> None:
        complaint = get_complaint(self.ctx.db, result.complaint_id)
        self._complaint = complaint
        self.lines_model.set_lines(complaint.lines)
        if result.decision == "approved":
            self.checklist.set_done([*self.checklist.done(), "compensate"])
        self._show_phrases()
        self._refresh_state()
        self.save_draft_now()

    def _show_phrases(self) -> None:
        self.form_scroll.show()
        self.side_stack.setCurrentWidget(self.phrases)
        self.checklist.setVisible(self.kind() == "complaint")

    def authorisation_open(self) -> bool:
        return self.side_stack.currentWidget() is self.auth_panel

    # =================================================================== drafts

    def _on_edited(self, *_args: object) -> None:
        if self._loading or self._taken_by is None:
            return
        self._dirty = True
        self._draft_timer.start()

    def is_dirty(self) -> bool:
        return self._dirty

    def draft_payload(self) -> dict[str, Any]:
        data = self.collect("open")
        lines = []
        for line in data.lines:
            item = asdict(line)
            item["expires_on"] = line.expires_on.isoformat() if line.expires_on else None
            lines.append(item)
        return {
            "complaint_id": self._complaint.id if self._complaint else None,
            "complaint_version": self._version if self._complaint else None,
            "client_key": getattr(self, "_client_key", ""),
            "taken_by": data.taken_by, "kind": data.kind, "customer_id": data.customer_id,
            "walk_in_name": data.walk_in_name,
            "occurred_at": to_iso(data.occurred_at) if data.occurred_at else None,
            "about_staff_id": data.about_staff_id, "cause": data.cause,
            "real_cause": data.real_cause, "problem": data.problem, "severity": data.severity,
            "flags": data.flags, "staff_account": data.staff_account,
            "customer_request": data.customer_request, "options_offered": data.options_offered,
            "option_chosen": data.option_chosen, "resolution": data.resolution,
            "steps_done": self.checklist.done(), "resolved_on_spot": data.resolved_on_spot,
            "lines": lines, "promise_on": self.promise_group.isChecked(),
            "promise": self.promise_edit.text(),
            "promise_due": to_iso(self._when(self.promise_due_edit)),
            "promise_owner": self.promise_owner_box.currentData(),
            "prevention": data.prevention, "letter_words": data.letter_words,
        }

    def save_draft_now(self) -> None:
        """Write the draft (called by the debounce timer; quick, one statement)."""
        self._draft_timer.stop()
        if self._taken_by is None or self._owner_id is None or not self._dirty:
            return
        # a draft is a safety net; the form itself still holds everything
        self._save_local_draft()
        with contextlib.suppress(UserError):
            save_draft(self.ctx.db, self._owner_id, DRAFT_FORM, self.draft_payload(),
                       console_id=self.ctx.console_id)

    def _save_local_draft(self) -> None:
        """The draft on this till's own disk (`ctx.draft_dir`, set when the database is on
        a server): written even while the server is away."""
        folder = self.ctx.draft_dir
        if folder is None or self._taken_by is None or self._owner_id is None \
                or not self._dirty:
            return
        with contextlib.suppress(OSError):
            save_local(folder, self._owner_id, DRAFT_FORM, self.draft_payload(),
                       console_id=self.ctx.console_id)

    def _clear_own_draft(self) -> None:
        if self._owner_id is not None:
            if self.ctx.draft_dir is not None:
                with contextlib.suppress(OSError):
                    clear_local(self.ctx.draft_dir, self._owner_id, DRAFT_FORM)
            clear_draft(self.ctx.db, self._owner_id, DRAFT_FORM)

    def release(self) -> None:
        """The typist signs out (by hand or idle): keep what they typed as their draft,
        then let go of it, so nothing the next person does lands in that draft."""
        self.save_draft_now()
        self._dirty = False
        self._taken_by = None
        self._owner_id = None

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        """Leaving the page: write what the debounce timer was still holding."""
        if self._draft_timer.isActive():
            self.save_draft_now()
        super().hideEvent(event)

    def pending_draft(self) -> Draft | None:
        """The signed-in person's own unsaved entry, if any (never someone else's)."""
        who = self.ctx.staff()
        if who is None:
            return None
        local = load_local(self.ctx.draft_dir, who.id, DRAFT_FORM) \
            if self.ctx.draft_dir is not None else None
        try:
            stored = load_draft(self.ctx.db, who.id, DRAFT_FORM)
        except UserError:
            if local is None:
                raise
            return local  # the server is away: this till's own copy
        if stored is None or (local is not None and local.updated_at > stored.updated_at):
            return local
        return stored

    def _ask_restore(self, draft: Draft) -> bool:
        when = format_datetime(draft.updated_at, self._zone())
        who = self.tr("a walk-in customer")
        customer_id = draft.payload.get("customer_id")
        if isinstance(customer_id, int):
            with contextlib.suppress(UserError):
                who = get_customer(self.ctx.db, customer_id).name
        return self.ctx.dialogs.question(
            self, self.tr("Unsaved entry"),
            self.tr("An entry for %1 typed at %2 was not saved. Restore it?")
            .replace("%1", who).replace("%2", when), default_yes=True)

    def restore_draft(self, draft: Draft) -> None:
        """Put a saved draft back on screen, exactly as it was typed."""
        p = draft.payload
        taken_by = self.ctx.require_staff()
        taken_by_id = p.get("taken_by")
        if isinstance(taken_by_id, int):
            with contextlib.suppress(UserError):
                taken_by = get_staff(self.ctx.db, taken_by_id)
        customer = None
        customer_id = p.get("customer_id")
        if isinstance(customer_id, int):
            try:
                customer = get_customer(self.ctx.db, customer_id)
            except UserError:
                customer = None
        self._reset(taken_by, customer)
        key = p.get("client_key")
        if isinstance(key, str) and key:
            self._client_key = key  # a save tried before the crash is recognised
        self._loading = True
        try:
            complaint_id = p.get("complaint_id")
            decided: list[CompensationLine] = []
            if isinstance(complaint_id, int):
                try:
                    self._complaint = get_complaint(self.ctx.db, complaint_id)
                    decided = [ln for ln in self._complaint.lines if ln.status != "proposed"]
                    # the version it was typed on: a change saved since is not overwritten
                    typed_on = p.get("complaint_version")
                    self._version = typed_on if isinstance(typed_on, int) \
                        else self._complaint.version
                except UserError:
                    self._complaint = None
            self.set_kind(str(p.get("kind", "complaint")))
            self.walk_in_edit.setText(str(p.get("walk_in_name", "")))
            occurred_text = p.get("occurred_at")
            occurred = from_iso(occurred_text if isinstance(occurred_text, str) else None)
            if occurred is not None:
                self._set_when(self.occurred_edit, occurred)
            self._choose(self.about_staff_box, p.get("about_staff_id"))
            self._choose(self.cause_box, p.get("cause"))
            self._choose(self.real_cause_box, p.get("real_cause"))
            self._choose(self.severity_box, p.get("severity"))
            flags = set(_strings(p.get("flags")))
            for key, box in self.flag_boxes.items():
                box.setChecked(key in flags)
            self.problem_edit.setPlainText(str(p.get("problem", "")))
            self.staff_account_edit.setPlainText(str(p.get("staff_account", "")))
            self.request_edit.setText(str(p.get("customer_request", "")))
            self.options_edit.setPlainText(str(p.get("options_offered", "")))
            self.chosen_edit.setText(str(p.get("option_chosen", "")))
            self.resolution_edit.setPlainText(str(p.get("resolution", "")))
            self.prevention_edit.setPlainText(str(p.get("prevention", "")))
            self.letter_words_edit.setPlainText(str(p.get("letter_words", "")))
            self.on_spot_box.setChecked(bool(p.get("resolved_on_spot")))
            self.checklist.set_done(_strings(p.get("steps_done")))
            self.lines_model.set_lines(decided + _lines_from(p.get("lines")))
            self.promise_group.setChecked(bool(p.get("promise_on")))
            self.promise_edit.setText(str(p.get("promise", "")))
            due_text = p.get("promise_due")
            due = from_iso(due_text if isinstance(due_text, str) else None)
            if due is not None:
                self._set_when(self.promise_due_edit, due)
            self._choose(self.promise_owner_box, p.get("promise_owner"))
        finally:
            self._loading = False
        self._dirty = True  # still unsaved: keep the draft until it is saved or discarded
        self._refresh_state()
        self.status_label.setText(self.tr("Restored the unsaved entry. Check it and save."))

    def _fill_from_complaint(self, complaint: Complaint) -> None:
        self.set_kind(complaint.kind)
        self.walk_in_edit.setText(complaint.walk_in_name)
        self._set_when(self.occurred_edit, complaint.occurred_at)
        self._choose(self.about_staff_box, complaint.about_staff_id)
        self._choose(self.cause_box, complaint.cause)
        self._choose(self.real_cause_box, complaint.real_cause)
        self._choose(self.severity_box, complaint.severity)
        for key, box in self.flag_boxes.items():
            box.setChecked(key in complaint.flags)
        self.problem_edit.setPlainText(complaint.problem)
        self.staff_account_edit.setPlainText(complaint.staff_account)
        self.request_edit.setText(complaint.customer_request)
        self.options_edit.setPlainText(complaint.options_offered)
        self.chosen_edit.setText(complaint.option_chosen)
        self.resolution_edit.setPlainText(complaint.resolution)
        self.prevention_edit.setPlainText(complaint.prevention)
        self.letter_words_edit.setPlainText(complaint.letter_words)
        self.on_spot_box.setChecked(complaint.resolved_on_spot)
        self.checklist.set_done(complaint.steps_done)
        self.lines_model.set_lines(complaint.lines)
        open_promises = [f for f in complaint.follow_ups if f.status == "open"]
        if open_promises:
            self.promise_group.setChecked(True)
            self.promise_edit.setText(open_promises[0].promise)
            self._set_when(self.promise_due_edit, open_promises[0].due_at)
            self._choose(self.promise_owner_box, open_promises[0].owner_id)

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # =================================================================== leaving, corrections

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def discard_unsaved_changes(self) -> None:
        """Drop what was typed without asking (the person already agreed), draft included."""
        self._draft_timer.stop()
        self._dirty = False
        self._clear_own_draft()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Esc anywhere on the form (the PIN pad keeps its own Esc) is the same as Discard."""
        if event.key() == Qt.Key.Key_Escape:
            self.discard()
            event.accept()
            return
        super().keyPressEvent(event)

    def _watch_corrections(self) -> None:
        """Errors next to fields go as soon as the field is put right."""
        labels = {key: label for key, label in self.errors.items() if key != "line"}
        self.live_errors = LiveFieldErrors(labels, self._current_problems,
                                           on_all_clear=self._refresh_state)
        self.live_errors.watch(
            self.walk_in_edit, self.occurred_edit, self.about_staff_box, self.cause_box,
            self.problem_edit, self.real_cause_box, self.severity_box,
            *self.flag_boxes.values(), self.staff_account_edit, self.request_edit,
            self.options_edit, self.chosen_edit, self.resolution_edit, self.on_spot_box,
            self.promise_group, self.promise_edit, self.promise_due_edit,
            self.promise_owner_box, *self.kind_buttons.values())
        self.lines_model.total_changed.connect(lambda _total: self.live_errors.recheck())
        for edit in (self.line_amount_edit, self.line_bill_edit, self.line_percent_edit):
            edit.textChanged.connect(self._recheck_line_editor)
        self.line_product_box.currentIndexChanged.connect(self._recheck_line_editor)
        self.line_expiry_edit.dateChanged.connect(self._recheck_line_editor)

    def _current_problems(self) -> dict[str, str] | None:
        """The data layer's verdict on the form as it stands, keyed like the error labels."""
        if self._loading or self._taken_by is None:
            return None
        try:
            validate_complaint(self.ctx.db, self.collect(self._last_status),
                               existing_id=self._complaint.id if self._complaint else None)
        except ValidationError as exc:
            targets: dict[str, str] = {}
            for key, message in exc.fields.items():
                if key.startswith("line") and "." in key:
                    targets["lines"] = message
                elif key == "taken_by" or key not in self.errors:
                    targets["status"] = message
                else:
                    targets[key] = message
            return targets
        except UserError:
            return None  # e.g. a busy database: leave the messages as they are
        return {}

    def _recheck_line_editor(self, *_args: object) -> None:
        if self.line_error.isHidden():
            return
        try:
            self.line_from_editor()
        except ValidationError:
            return
        except UserError:
            return
        self.line_error.clear()
        self.line_error.hide()


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _lines_from(value: object) -> list[CompensationLine]:
    """Draft JSON -> proposed lines; anything unreadable is dropped, not a crash."""
    lines: list[CompensationLine] = []
    if not isinstance(value, list):
        return lines
    allowed = set(CompensationLine.__dataclass_fields__)
    for item in value:
        if not isinstance(item, dict):
            continue
        data = {k: v for k, v in item.items() if k in allowed}
        expires = data.get("expires_on")
        try:
            data["expires_on"] = date.fromisoformat(expires) if isinstance(expires, str) \
                else None
            line = CompensationLine(**data)
        except (TypeError, ValueError):
            continue
        lines.append(replace(line, id=None, status="proposed"))
    return lines


