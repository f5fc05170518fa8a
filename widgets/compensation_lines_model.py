"""The proposed compensation lines of a complaint, each with its computed value.

The value is never typed: it comes from `CompensationLine.value_minor` (a percent of the
stated bill, the catalogue price of a free item, a voucher's amount...), so the table, the
authorisation panel and the data API always agree on one number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor

from db.service.models import COMPENSATION_KINDS, CompensationLine, label, total_value
from widgets.table_model import Column, RowTableModel

KIND, DETAILS, VALUE, STATUS = range(4)


def _plain_money(minor: int) -> str:
    whole, cents = divmod(abs(minor), 100)
    return f"{'-' if minor < 0 else ''}{whole}.{cents:02d}"


def _status_colour(line: CompensationLine) -> QColor | None:
    if line.status == "refused":
        return QColor("#8e0000")
    if line.status == "approved":
        return QColor("#1b5e20")
    return None


class CompensationLinesModel(RowTableModel[CompensationLine]):
    """Rows of `CompensationLine`; columns kind, details, value, status."""

    total_changed = Signal(int)  # minor units

    def __init__(
        self,
        format_money: Callable[[int], str] = _plain_money,
        product_names: Mapping[int, str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._format_money = format_money
        self._product_names: dict[int, str] = dict(product_names or {})
        self.columns = (
            Column(self.tr("Compensation"), lambda line: label(COMPENSATION_KINDS, line.kind)),
            Column(self.tr("Details"), self.details),
            Column(self.tr("Value"), lambda line: self._format_money(line.value_minor),
                   align_right=True),
            Column(self.tr("Status"), self._status_text, foreground=_status_colour),
        )

    # --- the data ----------------------------------------------------------------------

    def lines(self) -> list[CompensationLine]:
        return list(self._rows)

    def line(self, row: int) -> CompensationLine:
        return self._rows[row]

    def total_minor(self) -> int:
        return total_value(self._rows)

    def has_value(self) -> bool:
        return any(line.needs_decision for line in self._rows)

    def set_lines(self, lines: Iterable[CompensationLine]) -> None:
        self.set_rows(lines)
        self.total_changed.emit(self.total_minor())

    def add_line(self, line: CompensationLine) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(line)
        self.endInsertRows()
        self.total_changed.emit(self.total_minor())

    def replace_line(self, row: int, line: CompensationLine) -> None:
        self._rows[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.total_changed.emit(self.total_minor())

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.total_changed.emit(self.total_minor())

    def set_product_names(self, names: Mapping[int, str]) -> None:
        self._product_names = dict(names)
        if self._rows:
            self.dataChanged.emit(self.index(0, DETAILS), self.index(len(self._rows) - 1, DETAILS))

    def _status_text(self, line: CompensationLine) -> str:
        if line.status == "approved":
            return self.tr("Approved")
        if line.status == "refused":
            return self.tr("Refused")
        return self.tr("Needs a supervisor") if line.needs_decision else self.tr("No value")

    def details(self, line: CompensationLine) -> str:
        """A short human description of what the line is."""
        parts: list[str] = []
        if line.kind == "discount_percent" and line.percent is not None:
            bill = self._format_money(line.bill_minor or 0)
            parts.append(self.tr("%1 % of %2").replace("%1", str(line.percent))
                         .replace("%2", bill))
        elif line.kind == "free_item" and line.product_id is not None:
            parts.append(self._product_names.get(line.product_id, f"#{line.product_id}"))
        elif line.kind == "voucher":
            if line.voucher_code:
                parts.append(line.voucher_code)
            if line.expires_on is not None:
                parts.append(self.tr("valid until %1").replace(
                    "%1", line.expires_on.isoformat()))
        if line.description and line.description not in parts:
            parts.append(line.description)
        return " · ".join(parts)
