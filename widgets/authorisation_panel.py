"""The supervisor's inline authorisation panel on the complaint screen (not a modal chain).

It shows what is proposed (each line with its value, and the total), the customer's
complaints and compensation in the last 90 days, and a PIN pad. The supervisor approves as
proposed, changes the lines (remove one, change an amount) and approves, or refuses with a
reason. Every rule - role, limit, lockout, two consoles at once - is checked by
`db.service.compensation`; the panel only shows the answers: a wrong PIN with the attempts left,
the lock with its remaining time, and after an over-limit refusal the person's limit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import PermissionDenied, UserError, ValidationError
from db.security import lockout
from db.security.staff import list_staff
from db.service.compensation import OverLimit, authorise, parse_amount, refuse
from db.service.complaints import facts_90d, get_complaint
from db.service.models import Authorisation, CompensationLine, Complaint
from db.settings import load_settings
from widgets import data_bus
from widgets.compensation_lines_model import CompensationLinesModel
from widgets.context import AppContext
from widgets.elided import ElidedButton
from widgets.pin_pad import PinPad
from widgets.text_fit import keep_whole_text

APPROVE = "approve"
REFUSE = "refuse"

_AMOUNT_KINDS = ("replacement", "discount_amount", "voucher", "waived_bill", "refund")


class AuthorisationPanel(QFrame):
    """Approve / change and approve / refuse with a reason, confirmed by a PIN."""

    decided = Signal(object)  # db.service.models.Authorisation
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("authorisationPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#authorisationPanel { border: 2px solid #e0a000; border-radius: 8px; "
            "background: #fffbea; } "
            "QPushButton:checked { background: #1f6f8b; color: #ffffff; "
            "border-color: #1f6f8b; }")
        self._complaint: Complaint | None = None
        self._changed = False
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh_lockout)

        title = QLabel(self.tr("Supervisor authorisation"), self)
        title.setObjectName("SectionTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setWordWrap(True)
        self.customer_label = QLabel(self)
        self.customer_label.setWordWrap(True)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("authFacts")
        self.facts_label.setWordWrap(True)
        # who may approve how much, shown before any PIN is typed
        self._supervisor_limits: list[tuple[str, int]] = []
        self._manager_limit = 0
        self.limits_label = QLabel(self)
        self.limits_label.setObjectName("authLimits")
        self.limits_label.setWordWrap(True)
        self.needs_manager_label = QLabel(self)
        self.needs_manager_label.setObjectName("authNeedsManager")
        self.needs_manager_label.setWordWrap(True)
        self.needs_manager_label.setStyleSheet("color: #8e0000; font-weight: bold;")
        self.needs_manager_label.hide()

        self.model = CompensationLinesModel(ctx.format_money, parent=self)
        self.model.total_changed.connect(self._on_total_changed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setColumnHidden(3, True)
        self.table.setMinimumHeight(136)
        self.table.setMaximumHeight(180)
        self.table.selectionModel().currentRowChanged.connect(self._on_line_selected)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("authTotal")
        self.total_label.setStyleSheet("font-size: 16pt; font-weight: bold;")

        # changing lines: a new amount for the selected line, or remove it
        self.change_edit = QLineEdit(self)
        self.change_edit.setMinimumHeight(44)
        self.change_edit.setPlaceholderText(self.tr("New amount"))
        self.change_edit.setAccessibleName(self.tr("New amount for the chosen line"))
        self.change_button = QPushButton(self.tr("Change"), self)
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        for button in (self.change_button, self.remove_button):
            button.setMinimumHeight(44)
        self.change_button.clicked.connect(self.change_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # the amount on its own row, its two buttons below: the column is narrow at 1024 px
        # and "Poista rivi" needs its width
        change_row = QVBoxLayout()
        change_row.addWidget(self.change_edit)
        change_buttons = QHBoxLayout()
        change_buttons.addWidget(self.change_button)
        change_buttons.addWidget(self.remove_button)
        change_row.addLayout(change_buttons)

        # decision: approve or refuse
        self.approve_choice = QPushButton(self.tr("Approve"), self)
        self.refuse_choice = QPushButton(self.tr("Refuse"), self)
        self._choices = QButtonGroup(self)
        for button in (self.approve_choice, self.refuse_choice):
            button.setCheckable(True)
            button.setMinimumHeight(48)
            self._choices.addButton(button)
        self.approve_choice.setChecked(True)
        keep_whole_text(self.approve_choice, self.refuse_choice, self.change_button,
                        self.remove_button)
        self.approve_choice.toggled.connect(self._on_mode_changed)
        # one above the other: each gets the column's full width ("Hyväksy", "Hylkää")
        choice_row = QVBoxLayout()
        choice_row.addWidget(self.approve_choice)
        choice_row.addWidget(self.refuse_choice)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMinimumHeight(44)
        self.reason_edit.setPlaceholderText(self.tr("Reason for refusing (required)"))
        self.reason_edit.setAccessibleName(self.tr("Reason for refusing"))
        self.reason_edit.hide()

        self.prompt_label = QLabel(self)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setStyleSheet("font-weight: bold;")
        self.limit_label = QLabel(self)
        self.limit_label.setObjectName("authLimit")
        self.limit_label.setWordWrap(True)
        self.limit_label.setStyleSheet("color: #8e0000; font-weight: bold;")
        self.limit_label.hide()
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("authLock")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.lock_label.hide()
        self.message_label = QLabel(self)
        self.message_label.setObjectName("authMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        self.pad = PinPad(self)
        self.pad.pin_entered.connect(self._on_pin_entered)
        self.cancel_button = ElidedButton(self.tr("Back to the form"), self)
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.clicked.connect(self.cancel)

        # Three columns: what is proposed (scrolls when long), the decision, and the pad, so
        # the decision and every key stay in view on a 1024 x 768 till in every language.
        choice_row.setSpacing(6)
        decision = QVBoxLayout()
        decision.addLayout(choice_row)
        decision.addWidget(self.reason_edit)
        decision.addWidget(self.prompt_label)
        decision.addWidget(self.limit_label)
        decision.addWidget(self.lock_label)
        decision.addWidget(self.message_label)
        decision.addStretch(1)
        decision.addWidget(self.cancel_button)
        info = QWidget()
        info.setObjectName("authInfo")
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 4, 0)
        info_layout.setSpacing(6)
        for widget in (title, self.customer_label, self.facts_label, self.limits_label,
                       self.needs_manager_label, self.table, self.total_label):
            widget.setParent(info)
            info_layout.addWidget(widget)
        for control in (self.change_edit, self.change_button, self.remove_button):
            control.setParent(info)
        info_layout.addLayout(change_row)
        info_layout.addStretch(1)
        self.info_scroll = QScrollArea(self)
        self.info_scroll.setObjectName("authInfoScroll")
        self.info_scroll.setWidgetResizable(True)
        self.info_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.info_scroll.setWidget(info)
        # its content's height must not set the panel's: the page around the panel scrolls
        # to the panel's preferred height, which would push "Back to the form" out of view
        self.info_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        info.setStyleSheet("#authInfo { background: transparent; }")
        self.info_scroll.viewport().setAutoFillBackground(False)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(self.info_scroll, 3)
        columns.addLayout(decision, 2)
        columns.addWidget(self.pad, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(columns, 1)  # the title heads the first column: the pad needs the height

    # --- showing a complaint -----------------------------------------------------------

    def complaint(self) -> Complaint | None:
        return self._complaint

    def set_complaint(self, complaint: Complaint,
                      product_names: Mapping[int, str] | None = None) -> None:
        """Show a saved complaint's proposed lines and its customer's last 90 days."""
        self._complaint = complaint
        self._changed = False
        self._load_limits()
        self.model.set_product_names(product_names or {})
        self.model.set_lines(complaint.proposed_lines)
        who = complaint.customer_name or self.tr("Walk-in customer")
        self.customer_label.setText(
            self.tr("%1 · %2").replace("%1", who).replace("%2", complaint.problem[:120]))
        facts = facts_90d(self.ctx.db, complaint.customer_id)
        if complaint.customer_id is None:
            self.facts_label.setText(self.tr("Walk-in: no history."))
        else:
            earlier = max(0, facts.complaints - (1 if complaint.kind == "complaint" else 0))
            if earlier == 0:
                text = self.tr("No earlier complaints in the last 90 days")
            else:
                text = self.tr("%n earlier complaint(s) in the last 90 days", "", earlier)
            text += " · " + self.tr("compensation %1").replace(
                "%1", self.ctx.format_money(facts.compensation_minor))
            if facts.refusals:
                text += " · " + self.tr("%n refusal(s)", "", facts.refusals)
            self.facts_label.setText(text)
        self.approve_choice.setChecked(True)
        keep_whole_text(self.approve_choice, self.refuse_choice, self.change_button,
                        self.remove_button)
        self.reason_edit.clear()
        self.change_edit.clear()
        self.limit_label.hide()
        self._set_message("")
        self.pad.clear()
        self._on_mode_changed()
        self.refresh_lockout()
        self.pad.setFocus()

    def lines(self) -> list[CompensationLine]:
        return self.model.lines()

    def mode(self) -> str:
        return REFUSE if self.refuse_choice.isChecked() else APPROVE

    def set_mode(self, mode: str) -> None:
        (self.refuse_choice if mode == REFUSE else self.approve_choice).setChecked(True)

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def _set_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _on_total_changed(self, total: int) -> None:
        self.total_label.setText(self.tr("Total: %1").replace(
            "%1", self.ctx.format_money(total)))
        self._show_limits(total)
        self._on_mode_changed()

    def _load_limits(self) -> None:
        """Active supervisors' limits (highest first) and the manager's, from the db."""
        self._supervisor_limits = sorted(
            ((s.name, s.limit_minor) for s in list_staff(self.ctx.db) if s.role == "supervisor"),
            key=lambda pair: (-pair[1], pair[0].casefold()))
        self._manager_limit = load_settings(self.ctx.db).manager_limit_minor
        self._show_limits(self.model.total_minor())

    def _show_limits(self, total: int) -> None:
        """The limits per complaint, and a flag when no supervisor may approve `total`."""
        money = self.ctx.format_money
        parts = [f"{name} {money(limit)}" for name, limit in self._supervisor_limits]
        parts.append(self.tr("manager %1").replace("%1", money(self._manager_limit)))
        self.limits_label.setText(self.tr("Limits per complaint: %1").replace(
            "%1", " · ".join(parts)))
        flag = ""
        if total > self._manager_limit:
            flag = self.tr("Over the manager's limit too: reduce the lines.")
        elif total > 0 and all(total > limit for _name, limit in self._supervisor_limits):
            flag = self.tr("%1 is over every supervisor's limit: needs a manager.").replace(
                "%1", money(total))
        self.needs_manager_label.setText(flag)
        self.needs_manager_label.setVisible(bool(flag))

    def needs_manager(self) -> bool:
        return not self.needs_manager_label.isHidden()

    def _on_mode_changed(self, _checked: bool = False) -> None:
        refusing = self.mode() == REFUSE
        self.reason_edit.setVisible(refusing)
        total = self.ctx.format_money(self.model.total_minor())
        if refusing:
            self.prompt_label.setText(self.tr(
                "Supervisor: write the reason, then enter your PIN to refuse %1.")
                .replace("%1", total))
            self.reason_edit.setFocus()
        else:
            verb = self.tr("approve the changed lines") if self._changed else self.tr("approve")
            self.prompt_label.setText(self.tr("Supervisor: enter your PIN to %1 (%2).")
                                      .replace("%1", verb).replace("%2", total))

    # --- changing lines ----------------------------------------------------------------

    def _selected_row(self) -> int:
        return self.table.currentIndex().row()

    def _on_line_selected(self, *_args: object) -> None:
        row = self._selected_row()
        if row < 0:
            return
        line = self.model.line(row)
        if line.kind == "discount_percent":
            self.change_edit.setPlaceholderText(self.tr("New percentage"))
        else:
            self.change_edit.setPlaceholderText(self.tr("New amount"))

    def change_selected(self) -> None:
        """Set a new amount (or percentage) on the chosen line; the total follows."""
        row = self._selected_row()
        if row < 0:
            self._set_message(self.tr("Choose a line in the list first."))
            return
        line = self.model.line(row)
        text = self.change_edit.text()
        try:
            if line.kind == "discount_percent":
                if not text.strip().isdigit():
                    raise ValidationError({"percent": self.tr("Type a percentage from 1 to 100.")})
                new = replace(line, percent=int(text.strip()))
            elif line.kind in _AMOUNT_KINDS:
                amount = parse_amount(text, self.ctx.settings.locale, self.ctx.settings.currency)
                new = replace(line, amount_minor=amount)
            else:
                raise ValidationError({"line": self.tr(
                    "This line has no amount to change; remove it instead.")})
        except ValidationError as exc:
            self._set_message(" ".join(exc.fields.values()))
            return
        self.model.replace_line(row, new)
        self._changed = True
        self.change_edit.clear()
        self._set_message("")
        self._on_mode_changed()

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row < 0:
            self._set_message(self.tr("Choose a line in the list first."))
            return
        self.model.remove_line(row)
        self._changed = True
        self._set_message("")
        self._on_mode_changed()

    # --- deciding ----------------------------------------------------------------------

    def cancel(self) -> None:
        self.pad.clear()
        self._lock_timer.stop()
        self.cancelled.emit()

    def _on_pin_entered(self, pin: str) -> None:
        complaint = self._complaint
        if complaint is None:
            return
        self._set_message("")
        refusing = self.mode() == REFUSE
        if refusing and not self.reason_edit.text().strip():
            self._set_message(self.tr("Write why the compensation is refused, then enter "
                                      "the PIN again."))
            self.reason_edit.setFocus()
            return
        seen = len(complaint.authorisations)
        lines = self.model.lines()
        try:
            if refusing:
                result = refuse(self.ctx.db, complaint.id, pin, self.ctx.console_id,
                                self.reason_edit.text(), lines=lines, seen_decisions=seen)
            else:
                result = authorise(self.ctx.db, complaint.id, lines, pin, self.ctx.console_id,
                                   seen_decisions=seen)
        except lockout.WrongPin as exc:
            self._on_wrong_pin(exc)
            return
        except lockout.PinLocked:
            self.refresh_lockout()
            return
        except OverLimit as exc:
            self._show_limit(exc)
            return
        except ValidationError as exc:
            self._set_message(" ".join(exc.fields.values()) or str(exc))
            return
        except (PermissionDenied, UserError) as exc:
            self._set_message(str(exc))
            return
        self._on_decided(result)

    def _on_wrong_pin(self, exc: lockout.WrongPin) -> None:
        """A wrong PIN, or the PIN of someone who may not decide this (floor staff, a
        supervisor over their limit): the data layer answers both alike, so the panel never
        tells whose PIN it was; the limits shown above say who may approve."""
        if exc.status.locked:
            self.refresh_lockout()
        elif self.needs_manager() and self.mode() != REFUSE:
            self.pad.show_message(str(exc) + " " + self.needs_manager_label.text())
        else:
            self.pad.show_message(str(exc))

    def _show_limit(self, exc: OverLimit) -> None:
        """After an over-limit refusal, say whose limit it was and how much it is."""
        if exc.staff.role == "manager":
            text = self.tr("Manager limit per complaint: %1.")
        else:
            text = self.tr("%2's limit per complaint: %1. A manager must authorise this, or "
                           "change the lines.").replace("%2", exc.staff.name)
        self.limit_label.setText(text.replace("%1", self.ctx.format_money(exc.limit_minor)))
        self.limit_label.show()
        self._set_message(str(exc))

    def _on_decided(self, result: Authorisation) -> None:
        self._lock_timer.stop()
        complaint = get_complaint(self.ctx.db, result.complaint_id)
        self._complaint = complaint
        self.ctx.bus.notify(data_bus.COMPLAINT, complaint.id)
        if complaint.customer_id is not None:
            self.ctx.bus.notify(data_bus.CUSTOMER, complaint.customer_id)
        self.decided.emit(result)

    # --- lockout -----------------------------------------------------------------------

    def refresh_lockout(self) -> None:
        """Show the lock and its remaining time (kept in the db, so it survives restarts)."""
        status = lockout.status(self.ctx.db, self.ctx.console_id)
        if status.locked:
            minutes, seconds = divmod(status.remaining_seconds, 60)
            text = self.tr("Too many wrong PINs. PIN entry is locked for %1:%2 more.") \
                .replace("%1", str(minutes)).replace("%2", f"{seconds:02d}")
            self.lock_label.setText(text)
            self.lock_label.show()
            minutes_left = max(1, math.ceil(status.remaining_seconds / 60))
            self.pad.set_locked(
                True, self.tr("Locked for %n more minute(s).", "", minutes_left))
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        else:
            self._lock_timer.stop()
            self.lock_label.hide()
            if self.pad.is_locked():
                self.pad.set_locked(False)

    def is_locked(self) -> bool:
        return self.pad.is_locked()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        self._lock_timer.stop()
        super().hideEvent(event)

