"""Managers manage staff: add, deactivate, change role or limit, reset a PIN.

Each change is prepared first (checked for obvious mistakes on screen) and then confirmed
by the manager's PIN on an inline pad, right below the list. The data API checks the PIN,
the manager role and the lockout again, so the pad is a convenience, not the guard.
Esc closes the PIN box first; with no PIN box it leaves the page (`closed`), asking first
when the editor holds typed changes ("New" asks too); a field's error goes as soon as the
field is put right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError, ValidationError
from db.models import ROLES, Role, Staff
from db.security import staff_admin
from db.security.pins import MAX_LENGTH as MAX_PIN_LENGTH
from db.security.staff import list_staff
from db.service.compensation import parse_amount
from widgets import data_bus
from widgets.context import AppContext
from widgets.pin_pad import build_pin_confirm
from widgets.table_model import Column, RowTableModel
from widgets.unsaved_changes import ChangeTracker, LiveFieldErrors, confirm_discard

NAME, ROLE, LIMIT, ACTIVE = range(4)


ROLE_NAMES = {
    "staff": QT_TRANSLATE_NOOP("StaffAdmin", "Staff"),
    "supervisor": QT_TRANSLATE_NOOP("StaffAdmin", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("StaffAdmin", "Manager"),
}


def role_name(role: str) -> str:
    """A role code as the person reads it, in the UI language."""
    return QCoreApplication.translate("StaffAdmin", str(ROLE_NAMES.get(role, role)))


class StaffTableModel(RowTableModel[Staff]):
    """All staff (active first), with role, authorisation limit and whether active."""

    def __init__(self, format_money: Callable[[int], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._format_money = format_money
        self.columns = (
            Column(self.tr("Name"), lambda person: person.name),
            Column(self.tr("Role"), lambda person: role_name(person.role)),
            Column(self.tr("Limit"), self._limit_text, align_right=True),
            Column(self.tr("Active"),
                   lambda person: self.tr("Yes") if person.active else self.tr("No")),
        )

    def _limit_text(self, person: Staff) -> str:
        if person.role == "supervisor":
            return self._format_money(person.limit_minor)
        return self.tr("settings") if person.role == "manager" else "–"

    def set_staff(self, staff: list[Staff]) -> None:
        self.set_rows(sorted(staff, key=lambda s: (not s.active, s.name.casefold())))

    def staff_at(self, row: int) -> Staff | None:
        return self.item_at(row)

    def row_of(self, staff_id: int) -> int:
        for row, person in enumerate(self._rows):
            if person.id == staff_id:
                return row
        return -1


class StaffAdminPanel(QWidget):
    """The staff list, an editor for one person, and the manager's PIN pad to confirm."""

    staff_changed = Signal(object)  # Staff
    closed = Signal()  # Esc: leave the page (after asking, when something was typed)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffAdminPanel")
        self._pending: Callable[[str], Staff] | None = None

        self.model = StaffTableModel(ctx.format_money, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.name_edit = QLineEdit(self)
        self.role_box = QComboBox(self)
        for role in ROLES:
            self.role_box.addItem(role_name(role), role)
        self.limit_edit = QLineEdit(self)
        self.limit_edit.setPlaceholderText(self.tr("e.g. 50.00"))
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setValidator(QRegularExpressionValidator(
            rf"[0-9]{{0,{MAX_PIN_LENGTH}}}", self.pin_edit))
        self.pin_edit.setPlaceholderText(self.tr("4 to 12 digits"))
        self.pin_edit.setAccessibleName(self.tr("New PIN"))
        for edit in (self.name_edit, self.role_box, self.limit_edit, self.pin_edit):
            edit.setMinimumHeight(44)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title, widget in (
            ("name", self.tr("Name"), self.name_edit),
            ("role", self.tr("Role"), self.role_box),
            ("limit", self.tr("Limit per complaint"), self.limit_edit),
            ("pin", self.tr("New PIN"), self.pin_edit),
        ):
            error = QLabel(self)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            self.errors[key] = error
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(title, box)

        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setToolTip(self.tr("Empty the fields to add someone new"))
        self.new_button.clicked.connect(self.request_new_staff)
        self.add_button = QPushButton(self.tr("Add staff member"), self)
        self.change_button = QPushButton(self.tr("Change role or limit"), self)
        self.deactivate_button = QPushButton(self.tr("Deactivate"), self)
        self.reset_pin_button = QPushButton(self.tr("Reset PIN"), self)
        buttons = QGridLayout()  # two per row: long Finnish labels fit beside the PIN pad
        for index, button in enumerate((self.new_button, self.add_button, self.change_button,
                                        self.reset_pin_button, self.deactivate_button)):
            button.setMinimumHeight(44)
            buttons.addWidget(button, index // 2, index % 2)
        self.add_button.clicked.connect(self.prepare_add)
        self.change_button.clicked.connect(self.prepare_change)
        self.deactivate_button.clicked.connect(self.prepare_deactivate)
        self.reset_pin_button.clicked.connect(self.prepare_reset_pin)

        self.confirm_box, self.confirm_label, self.pad, self.cancel_button = build_pin_confirm(
            self, self.tr("Cancel"), self._on_manager_pin, self.cancel
        )

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        left = QVBoxLayout()
        heading = QLabel(self.tr("Staff"), self)
        heading.setObjectName("SectionTitle")
        left.addWidget(heading)
        left.addWidget(self.table, 1)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.status_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.confirm_box, 2, Qt.AlignmentFlag.AlignTop)
        ctx.bus.data_changed.connect(self._on_data_changed)
        editor = [self.name_edit, self.role_box, self.limit_edit, self.pin_edit]
        self.changes = ChangeTracker(lambda: editor)
        self.live_errors = LiveFieldErrors(self.errors, self._current_problems)
        self.live_errors.watch(*editor)
        self.reload()
        self.changes.mark_clean()

    # --- data --------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected_staff()
        self.model.set_staff(list_staff(self.ctx.db, active_only=False))
        if current is not None:
            self.select(current.id)
        else:
            self.table.setCurrentIndex(QModelIndex())

    def selected_staff(self) -> Staff | None:
        return self.model.staff_at(self.table.currentIndex().row())

    def select(self, staff_id: int) -> None:
        row = self.model.row_of(staff_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person = self.model.staff_at(current.row())
        if person is None:
            return
        self.name_edit.setText(person.name)
        self.role_box.setCurrentIndex(self.role_box.findData(person.role))
        self.limit_edit.setText(
            self._amount_text(person.limit_minor) if person.role == "supervisor" else "")
        self.pin_edit.clear()
        self.changes.mark_clean()

    def new_staff(self) -> None:
        """Empty the editor (and the selection) to add someone new."""
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.name_edit.clear()
        self.role_box.setCurrentIndex(self.role_box.findData("staff"))
        self.limit_edit.clear()
        self.pin_edit.clear()
        self._clear_errors()
        self.changes.mark_clean()
        self.name_edit.setFocus()

    # --- leaving without saving ------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.changes.is_changed()

    def discard_unsaved_changes(self) -> None:
        person = self.selected_staff()
        if person is None:
            self.new_staff()
        else:
            self._on_row_changed(self.table.currentIndex(), QModelIndex())
        self.cancel()

    def request_new_staff(self) -> bool:
        """"New": asks first when the editor holds typed changes."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.cancel()
        self.new_staff()
        return True

    def request_close(self) -> bool:
        """Esc: leave the page, asking first when the editor holds typed changes."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.discard_unsaved_changes()
        self.closed.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            if not self.confirm_box.isHidden():
                self.cancel()  # only the PIN box closes; the editor keeps what was typed
            else:
                self.request_close()
            event.accept()
            return
        super().keyPressEvent(event)

    def _current_problems(self) -> dict[str, str]:
        """What is still wrong in the editor (only errors already shown are affected)."""
        problems: dict[str, str] = {}
        if not self.name_edit.text().strip():
            problems["name"] = self.tr("A name is required.")
        if not 4 <= len(self.pin_edit.text()) <= 8:
            problems["pin"] = self.tr("A PIN has 4 to 8 digits.")
        try:
            self._limit()
        except ValidationError as exc:
            problems.update(exc.fields)
        return problems

    def _amount_text(self, minor: int) -> str:
        whole, cents = divmod(minor, 100)
        return f"{whole}{self.ctx.locale().decimalPoint()}{cents:02d}"

    def _on_data_changed(self, entity: str, _entity_id: int) -> None:
        if entity == data_bus.STAFF:
            self.reload()

    # --- preparing a change ------------------------------------------------------------

    def show_field_errors(self, fields: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setVisible(key in fields)
            label.setText(fields.get(key, ""))
        other = [v for k, v in fields.items() if k not in self.errors]
        if other:
            self._status(" ".join(other), ok=False)

    def _clear_errors(self) -> None:
        self.show_field_errors({})
        self.status_label.clear()

    def _role(self) -> Role:
        role: Role = self.role_box.currentData()
        return role

    def _limit(self) -> int:
        if self._role() != "supervisor" or not self.limit_edit.text().strip():
            return 0
        try:
            return parse_amount(self.limit_edit.text(), self.ctx.settings.locale,
                                self.ctx.settings.currency)
        except ValidationError as exc:
            raise ValidationError({"limit": exc.fields.get("amount", str(exc))}) from exc

    def _ask_manager(self, text: str, call: Callable[[str], Staff]) -> None:
        self._pending = call
        self.confirm_label.setText(text + "\n" + self.tr("Manager: enter your PIN to confirm."))
        self.confirm_box.show()
        self.pad.clear()
        self.pad.setFocus()

    def _prepare(self, build: Callable[[], tuple[str, Callable[[str], Staff]]]) -> None:
        self._clear_errors()
        try:
            text, call = build()
        except ValidationError as exc:
            self.show_field_errors(exc.fields)
            return
        except UserError as exc:
            self._status(str(exc), ok=False)
            return
        self._ask_manager(text, call)

    def _need_selected(self) -> Staff:
        person = self.selected_staff()
        if person is None:
            raise UserError(self.tr("Choose a staff member in the list first."))
        return person

    def _need_pin(self) -> str:
        pin = self.pin_edit.text()
        low = staff_admin.min_pin_length(self.ctx.db, self._role())
        if not low <= len(pin) <= MAX_PIN_LENGTH:
            raise ValidationError({"pin": self.tr("A PIN has %1 to %2 digits.")
                                   .replace("%1", str(low))
                                   .replace("%2", str(MAX_PIN_LENGTH))})
        return pin

    def prepare_add(self) -> None:
        def build() -> tuple[str, Callable[[str], Staff]]:
            name = self.name_edit.text().strip()
            problems: dict[str, str] = {}
            if not name:
                problems["name"] = self.tr("A name is required.")
            try:
                pin = self._need_pin()
            except ValidationError as exc:
                problems.update(exc.fields)
            if problems:
                raise ValidationError(problems)
            role, limit = self._role(), self._limit()
            return (self.tr("Add %1 as %2.").replace("%1", name).replace("%2", role_name(role)),
                    lambda manager_pin: staff_admin.add_staff(
                        self.ctx.db, manager_pin, self.ctx.console_id, name=name, role=role,
                        pin=pin, limit_minor=limit))
        self._prepare(build)

    def prepare_change(self) -> None:
        def build() -> tuple[str, Callable[[str], Staff]]:
            person = self._need_selected()
            role, limit = self._role(), self._limit()
            return (self.tr("Change %1 to %2.").replace("%1", person.name)
                    .replace("%2", role_name(role)),
                    lambda manager_pin: staff_admin.change_staff(
                        self.ctx.db, manager_pin, self.ctx.console_id, person.id, role=role,
                        limit_minor=limit))
        self._prepare(build)

    def prepare_deactivate(self) -> None:
        def build() -> tuple[str, Callable[[str], Staff]]:
            person = self._need_selected()
            return (self.tr("Deactivate %1. Their PIN stops working.").replace("%1", person.name),
                    lambda manager_pin: staff_admin.deactivate_staff(
                        self.ctx.db, manager_pin, self.ctx.console_id, person.id))
        self._prepare(build)

    def prepare_reset_pin(self) -> None:
        def build() -> tuple[str, Callable[[str], Staff]]:
            person = self._need_selected()
            pin = self._need_pin()
            return (self.tr("Set a new PIN for %1.").replace("%1", person.name),
                    lambda manager_pin: staff_admin.reset_pin(
                        self.ctx.db, manager_pin, self.ctx.console_id, person.id, pin))
        self._prepare(build)

    def cancel(self) -> None:
        self._pending = None
        self.pad.clear()
        self.confirm_box.hide()

    # --- confirming --------------------------------------------------------------------

    def _on_manager_pin(self, manager_pin: str) -> None:
        call = self._pending
        if call is None:
            return
        try:
            person = call(manager_pin)
        except ValidationError as exc:
            self.cancel()
            self.show_field_errors(exc.fields)
            return
        except UserError as exc:
            # wrong PIN, lockout, not a manager: stay on the pad and say so
            self.pad.show_message(str(exc))
            return
        self.cancel()
        self.pin_edit.clear()
        self.changes.mark_clean()
        self._status(self.tr("Saved: %1.").replace("%1", person.name), ok=True)
        self.ctx.bus.notify(data_bus.STAFF, person.id)
        self.select(person.id)
        self.staff_changed.emit(person)

    def _status(self, text: str, *, ok: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
