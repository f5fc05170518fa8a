"""A field to redeem a voucher code at the counter.

The member of staff taking the voucher types their own PIN beside the code: redeeming gives
value, so it needs a single-use approval like every such write (`db.security.approvals`). The answer
appears right under the field (not in a box to dismiss): the value when it worked, or why
not (unknown, expired, already used, wrong PIN) with the typed code left in place so a typo
can be fixed; the PIN field is always cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db.errors import UserError, ValidationError
from db.service.vouchers import redeem_with_pin
from widgets.context import AppContext
from widgets.data_bus import VOUCHER


class VoucherRedeemPanel(QWidget):
    """Code field + Redeem; emits `voucher_redeemed(Voucher)`."""

    voucher_redeemed = Signal(object)  # db.service.models.Voucher

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("voucherRedeemPanel")
        self.code_edit = QLineEdit(self)
        self.code_edit.setMinimumHeight(44)
        self.code_edit.setPlaceholderText(self.tr("Voucher code, e.g. 7KQ2-M9XD"))
        self.code_edit.setAccessibleName(self.tr("Voucher code"))
        self.code_edit.setMaxLength(20)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setMinimumHeight(44)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setPlaceholderText(self.tr("Your PIN"))
        self.pin_edit.setAccessibleName(self.tr("PIN of the person taking the voucher"))
        self.redeem_button = QPushButton(self.tr("Redeem"), self)
        self.redeem_button.setMinimumHeight(44)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.pin_edit)
        row.addWidget(self.redeem_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self.code_edit.returnPressed.connect(lambda: self.pin_edit.setFocus())
        self.pin_edit.returnPressed.connect(self.redeem)
        self.redeem_button.clicked.connect(self.redeem)

    def reset(self) -> None:
        """Empty fields (no PIN left from the last person) and no message from the
        previous code."""
        self.code_edit.clear()
        self.pin_edit.clear()
        self.result_label.clear()
        self.result_label.hide()

    def message(self) -> str:
        return self.result_label.text() if not self.result_label.isHidden() else ""

    def redeem(self) -> None:
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if not pin:
            self._show(self.tr("Type your PIN to take the voucher."), ok=False)
            self.pin_edit.setFocus()
            return
        try:
            voucher = redeem_with_pin(self.ctx.db, self.code_edit.text(), pin,
                                      self.ctx.console_id)
        except ValidationError as exc:
            self._show(" ".join(exc.fields.values()) or str(exc), ok=False)
            return
        except UserError as exc:
            self._show(str(exc), ok=False)
            return
        self._show(
            self.tr("Voucher %1 redeemed: %2 off.").replace("%1", voucher.code)
            .replace("%2", self.ctx.format_money(voucher.value_minor)), ok=True)
        self.code_edit.clear()
        self.ctx.bus.notify(VOUCHER, voucher.id)
        self.voucher_redeemed.emit(voucher)

    def _show(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(
            "color: #1b5e20; font-weight: bold;" if ok else "color: #b00020; font-weight: bold;")
        self.result_label.show()
