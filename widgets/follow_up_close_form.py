"""Closing a follow-up: what came of it, how satisfied the customer is, what they'd change.

Scores are big 1-5 buttons (touch first, and keys 1-5 work once a row has focus); the
satisfaction score is required, the four service dimensions (reliability, empathy,
tangibles, responsiveness) are optional. Cancel or Esc asks before throwing away what was
typed; a field's error goes as soon as the field is put right.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.service.follow_ups import close_follow_up, validate_close
from db.service.models import Draft, FollowUp, FollowUpClose
from widgets import data_bus
from widgets.context import AppContext
from widgets.local_draft_keeper import FOLLOW_UP_CLOSE, LocalDraftKeeper
from widgets.ops import run_op
from widgets.unsaved_changes import (
    ChangeTracker,
    LiveFieldErrors,
    confirm_discard,
    connect_edits,
)

SCORES = ("satisfaction", "reliability", "empathy", "tangibles", "responsiveness")


class ScoreRow(QWidget):
    """Five checkable buttons 1-5; `value()` is None until one is chosen."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int, QPushButton] = {}
        self.setStyleSheet("QPushButton:checked { background: #1f6f8b; color: #ffffff; "
                           "border-color: #1f6f8b; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for score in range(1, 6):
            button = QPushButton(str(score), self)
            button.setCheckable(True)
            button.setMinimumSize(52, 44)
            button.setAccessibleName(f"{name} {score}")
            self.group.addButton(button, score)
            self.buttons[score] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)


class FollowUpCloseForm(QWidget):
    """Outcome, satisfaction 1-5, the four dimensions and the one thing they'd change."""

    follow_up_closed = Signal(object)  # FollowUp
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("followUpCloseForm")
        self._follow_up: FollowUp | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("SectionTitle")
        self.heading.setWordWrap(True)
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setPlaceholderText(self.tr("What did the customer say? Did the fix "
                                                     "work?"))
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setFixedHeight(80)
        titles = {
            "satisfaction": self.tr("Satisfaction"),
            "reliability": self.tr("Reliability"),
            "empathy": self.tr("Empathy"),
            "tangibles": self.tr("Tangibles"),
            "responsiveness": self.tr("Responsiveness"),
        }
        self.scores = {name: ScoreRow(titles[name], self) for name in SCORES}
        self.would_change_edit = QLineEdit(self)
        self.would_change_edit.setMinimumHeight(44)
        self.would_change_edit.setPlaceholderText(self.tr("The one thing they would change"))
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self._with_error("outcome", self.outcome_edit))
        for name in SCORES:
            form.addRow(titles[name], self._with_error(name, self.scores[name]))
        form.addRow(self.tr("Would change"),
                    self._with_error("would_change", self.would_change_edit))
        self.save_button = QPushButton(self.tr("Close follow-up"), self)
        self.save_button.setProperty("primary", True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        for button in (self.save_button, self.cancel_button):
            button.setMinimumHeight(44)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self._with_error("general", QWidget(self)))
        layout.addLayout(buttons)
        self._inputs: list[QWidget] = [self.outcome_edit, self.would_change_edit]
        for row in self.scores.values():
            self._inputs.extend(row.buttons.values())
        self.changes = ChangeTracker(lambda: self._inputs)
        self.live_errors = LiveFieldErrors(self.errors, lambda: validate_close(self.collect()))
        self.live_errors.watch(*self._inputs)
        # on a server, what is typed is also kept on this till's disk (a crash while the
        # server is away loses nothing): widgets.local_draft_keeper
        self.local_draft = LocalDraftKeeper(ctx, FOLLOW_UP_CLOSE, self.draft_payload, self)
        for widget in self._inputs:
            connect_edits(widget, self.local_draft.touch)

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(box)
        error.setStyleSheet("color: #b00020; font-weight: bold;")
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        return box

    def follow_up(self) -> FollowUp | None:
        return self._follow_up

    def set_follow_up(self, follow_up: FollowUp) -> None:
        self._follow_up = follow_up
        who = follow_up.customer_name or self.tr("Walk-in")
        self.heading.setText(self.tr("Follow-up for %1: %2").replace("%1", who)
                             .replace("%2", follow_up.promise))
        self.outcome_edit.clear()
        self.would_change_edit.clear()
        for row in self.scores.values():
            row.set_value(None)
        self.show_field_errors({})
        self.changes.mark_clean()
        self.outcome_edit.setFocus()

    # --- leaving without saving ------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._follow_up is not None and self.changes.is_changed()

    def discard_unsaved_changes(self) -> None:
        self.local_draft.clear()
        if self._follow_up is not None:
            self.set_follow_up(self._follow_up)

    def request_cancel(self) -> bool:
        """Cancel or Esc: asks first when something was typed; True when the form closed."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.discard_unsaved_changes()
        self.cancelled.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def show_field_errors(self, fields: dict[str, str]) -> None:
        other = " ".join(v for k, v in fields.items() if k not in self.errors)
        for key, label in self.errors.items():
            text = fields.get(key, "") if key != "general" else other
            label.setText(text)
            label.setVisible(bool(text))

    def collect(self) -> FollowUpClose:
        return FollowUpClose(
            outcome=self.outcome_edit.toPlainText(),
            satisfaction=self.scores["satisfaction"].value(),  # type: ignore[arg-type]
            reliability=self.scores["reliability"].value(),
            empathy=self.scores["empathy"].value(),
            tangibles=self.scores["tangibles"].value(),
            responsiveness=self.scores["responsiveness"].value(),
            would_change=self.would_change_edit.text(),
        )

    def save(self) -> FollowUp | None:
        if self._follow_up is None:
            return None
        follow_up_id, data = self._follow_up.id, self.collect()
        self.local_draft.save_now()  # on this till's disk before the save is even tried

        def touched(closed: FollowUp) -> list[tuple[str, int]]:
            changes = [(data_bus.FOLLOW_UP, closed.id), (data_bus.COMPLAINT, closed.complaint_id)]
            if closed.customer_id is not None:
                changes.append((data_bus.CUSTOMER, closed.customer_id))
            return changes

        # A ValidationError goes next to its fields (this form is a FieldErrorSink).
        closed = run_op(self.ctx, self, lambda: close_follow_up(
            self.ctx.db, follow_up_id, data, closed_by=self.ctx.require_staff().id),
            changed=touched)
        if closed is None:
            return None
        self.local_draft.clear()
        self.changes.mark_clean()
        self.show_field_errors({})
        self.follow_up_closed.emit(closed)
        return closed

    # --- this till's own draft --------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any] | None:
        """What is typed, with the follow-up it closes (None when nothing was typed)."""
        if self._follow_up is None or not self.changes.is_changed():
            return None
        return {"follow_up_id": self._follow_up.id, "outcome": self.outcome_edit.toPlainText(),
                "would_change": self.would_change_edit.text(),
                **{name: row.value() for name, row in self.scores.items()}}

    def restore_draft(self, follow_up: FollowUp, draft: Draft) -> None:
        """Put a draft from this till's disk back on screen, exactly as it was typed."""
        p = draft.payload
        self.set_follow_up(follow_up)
        self.outcome_edit.setPlainText(str(p.get("outcome", "")))
        self.would_change_edit.setText(str(p.get("would_change", "")))
        for name, row in self.scores.items():
            value = p.get(name)
            row.set_value(value if isinstance(value, int) and value in row.buttons else None)
        self.local_draft.adopt(draft)
