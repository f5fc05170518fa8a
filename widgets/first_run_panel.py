"""First run: a database without a manager asks for the first manager's name and PIN.

Nothing else can be done until a manager exists, because every staff change and every
compensation above a supervisor's limit needs one. The PIN is typed twice on the pad (it is
never shown) so a slip of the finger does not lock the shop out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from db.security.staff_admin import create_first_manager, min_pin_length
from widgets import data_bus
from widgets.context import AppContext
from widgets.ops import run_op
from widgets.pin_pad import PinPad


class FirstRunPanel(QWidget):
    """Name, then a PIN entered twice; emits `manager_created(Staff)` when done."""

    manager_created = Signal(object)  # Staff

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._first_pin: str | None = None
        self.setObjectName("firstRunPanel")

        title = QLabel(self.tr("Welcome to Counterpart"), self)
        title.setObjectName("SectionTitle")
        intro = QLabel(self.tr(
            "This database has no manager yet. The first manager adds the other staff and "
            "authorises larger compensation. Enter your name and choose a PIN of %1 to 12 "
            "digits.").replace("%1", str(min_pin_length(ctx.db, "manager"))), self)
        intro.setWordWrap(True)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMinimumHeight(44)
        self.name_edit.setMaximumWidth(640)
        self.name_edit.setPlaceholderText(self.tr("Manager's name"))
        self.name_edit.setAccessibleName(self.tr("Manager's name"))
        self.name_error = QLabel(self)
        self.name_error.setObjectName("FieldError")
        self.name_error.setStyleSheet("color: #b00020;")
        self.name_error.hide()

        self.step_label = QLabel(self)
        self.step_label.setStyleSheet("font-weight: bold;")
        self.pad = PinPad(self)
        self.pad.pin_entered.connect(self._on_pin_entered)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Name"), self))
        layout.addWidget(self.name_edit)
        layout.addWidget(self.name_error)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.name_edit.returnPressed.connect(self.pad.setFocus)
        self.restart()

    def restart(self) -> None:
        """Back to the first PIN entry (the name stays)."""
        self._first_pin = None
        self.step_label.setText(self.tr("Choose a PIN"))
        self.pad.clear()

    def show_field_errors(self, fields: dict[str, str]) -> None:
        """ValidationError from the data layer: name next to the name, PIN on the pad."""
        if "name" in fields:
            self.name_error.setText(fields["name"])
            self.name_error.show()
            self.name_edit.setFocus()
        if "pin" in fields:
            self.restart()
            self.pad.show_message(fields["pin"])
        other = [v for k, v in fields.items() if k not in ("name", "pin")]
        if other:
            self.pad.show_message(" ".join(other))

    def _on_pin_entered(self, pin: str) -> None:
        self.name_error.hide()
        if not self.name_edit.text().strip():
            self.show_field_errors({"name": self.tr("A name is required.")})
            self.pad.clear()
            return
        if self._first_pin is None:
            self._first_pin = pin
            self.step_label.setText(self.tr("Enter the same PIN again"))
            self.pad.setFocus()
            return
        if pin != self._first_pin:
            self.restart()
            self.pad.show_message(self.tr("The two PINs differ. Choose a PIN again."))
            return
        self.restart()  # both PINs are used up: a failed write starts again from the first
        # A ValidationError goes to show_field_errors (name next to the name, PIN on the pad).
        manager = run_op(self.ctx, self,
                         lambda: create_first_manager(self.ctx.db, self.name_edit.text(), pin),
                         changed=lambda m: [(data_bus.STAFF, m.id)])
        if manager is not None:
            self.manager_created.emit(manager)
