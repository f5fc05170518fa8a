"""The profile's consent block: contact and allergy consent, with who recorded it, when, how.

Any member of staff may record a consent the customer gives or withdraws at the counter;
the change and its record are saved together through the one write path.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from db.customers.personal_data import ConsentRecord, current_consents, set_consent
from db.security.staff import get_staff
from widgets import data_bus
from widgets.context import AppContext
from widgets.ops import run_op

KINDS = ("contact", "allergies")


def kind_label(kind: str) -> str:
    if kind == "contact":
        return QCoreApplication.translate("ConsentSection", "Contact (letters, birthdays)")
    return QCoreApplication.translate("ConsentSection", "Keeping their allergies on file")


def method_label(method: str) -> str:
    labels = {
        "counter": QCoreApplication.translate("ConsentSection", "at the counter"),
        "import": QCoreApplication.translate("ConsentSection", "imported"),
        "form": QCoreApplication.translate("ConsentSection", "on a form"),
    }
    return labels.get(method, method)


class ConsentSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConsentSection")
        self.ctx = ctx
        self.customer_id: int | None = None
        self.states: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, kind in enumerate(KINDS):
            name = QLabel(kind_label(kind))
            state = QLabel()
            state.setWordWrap(True)
            state.setObjectName(f"consent_{kind}_state")
            button = QPushButton()
            button.setObjectName(f"consent_{kind}_button")
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _checked=False, k=kind: self.toggle(k))
            grid.addWidget(name, row, 0)
            grid.addWidget(state, row, 1)
            grid.addWidget(button, row, 2)
            self.states[kind] = state
            self.buttons[kind] = button
        grid.setColumnStretch(1, 1)
        ctx.bus.data_changed.connect(self._on_data_changed)

    def set_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        if self.customer_id is None:
            return
        latest = current_consents(self.ctx.db, self.customer_id)
        for kind in KINDS:
            record = latest.get(kind)
            self.states[kind].setText(self.describe(record))
            given = record is not None and record.granted
            self.buttons[kind].setText(self.tr("Withdraw") if given else self.tr("Record consent"))

    def describe(self, record: ConsentRecord | None) -> str:
        if record is None:
            return self.tr("Not given")
        when = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(record.recorded_at.timestamp())),
            QLocale.FormatType.ShortFormat)
        who = ""
        if record.recorded_by is not None:
            try:
                who = get_staff(self.ctx.db, record.recorded_by).name
            except Exception:  # noqa: BLE001 - a removed staff member still shows the rest
                who = ""
        text = (self.tr("Given {when}, {how}") if record.granted
                else self.tr("Withdrawn {when}, {how}"))
        text = text.replace("{when}", when).replace("{how}", method_label(record.method))
        return text + (f" ({who})" if who else "")

    def toggle(self, kind: str) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        latest = current_consents(self.ctx.db, customer_id).get(kind)
        granted = not (latest is not None and latest.granted)
        staff = self.ctx.staff()
        run_op(self.ctx, self,
               lambda: set_consent(self.ctx.db, customer_id, kind, granted,
                                   by=staff.id if staff else None),
               changed=[(data_bus.CUSTOMER, customer_id)])

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if data_bus.concerns(entity, entity_id, data_bus.CUSTOMER, self.customer_id):
            self.refresh()
