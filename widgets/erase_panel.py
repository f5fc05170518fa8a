"""The page where a manager erases one or more customers' personal data with their PIN.

It says plainly what goes and what stays, asks why (the reason is kept, without names),
and takes the manager's PIN on the same screen; what was typed stays if the PIN is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.customers.personal_data import erase_customers
from db.errors import UserError, ValidationError
from db.security.lockout import PinLocked
from widgets import data_bus
from widgets.context import AppContext
from widgets.pin_pad import PinPad


class ErasePanel(QWidget):
    erased = Signal(list)  # the customer ids whose data is gone
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErasePanel")
        self.ctx = ctx
        self.customer_ids: list[int] = []
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        explain = QLabel(self.tr(
            "Erasing removes the name, phone, email, birthday, allergies, preferences, family "
            "dates and the words of their complaints and letters. Visits, amounts and report "
            "counts stay, without the person. This cannot be undone."))
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("erase_reason")
        self.reason.setMinimumHeight(44)
        self.reason.setPlaceholderText(self.tr("Why, e.g. asked at the counter on 20 November "
                                               "(no names)"))
        self.error = QLabel()
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        self.pad = PinPad(self)
        self.pad.pin_entered.connect(self._on_pin)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(44)
        cancel.clicked.connect(self.cancelled)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(explain)
        left.addWidget(QLabel(self.tr("Reason")))
        left.addWidget(self.reason)
        left.addWidget(self.error)
        left.addStretch(1)
        left.addWidget(cancel)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Manager's PIN")))
        right.addWidget(self.pad)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def set_customers(self, customer_ids: list[int], label: str) -> None:
        """Who is to be erased; `label` names them (a number, or "12 customers")."""
        self.customer_ids = list(customer_ids)
        self.title.setText(self.tr("Erase the personal data of {who}").replace("{who}", label))
        self.reason.clear()
        self.error.clear()
        self.pad.clear()
        self.pad.clear_message()
        self.reason.setFocus()

    def _on_pin(self, pin: str) -> None:
        reason = self.reason.text()
        if not reason.strip():
            self.error.setText(self.tr("Say why the data is erased."))
            self.pad.clear()
            self.reason.setFocus()
            return
        self.error.clear()
        done: list[int] = []
        try:
            results = erase_customers(self.ctx.db, self.customer_ids, reason=reason,
                                      manager_pin=pin, console_id=self.ctx.console_id)
            done = [r.customer_id for r in results]
        except PinLocked as exc:
            self.pad.set_locked(True, str(exc))
        except ValidationError as exc:
            self.error.setText(" ".join(exc.fields.values()))
        except UserError as exc:
            self.pad.show_message(str(exc))
        finally:
            self.pad.clear()
            for customer_id in done:
                self.ctx.bus.notify(data_bus.CUSTOMER, customer_id)
        if done:
            self.customer_ids = [c for c in self.customer_ids if c not in done]
            self.erased.emit(done)
