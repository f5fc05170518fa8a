"""The proposed compensation lines of a complaint, each with its computed value.

The value is never typed: it comes from `CompensationLine.value_minor` (a percent of the
stated bill, the catalogue price of a free item, a voucher's amount...), so the table, the
authorisation panel and the data API always agree on one number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from db.service_models import COMPENSATION_KINDS, CompensationLine, label, total_value

_Index = QModelIndex | QPersistentModelIndex

KIND, DETAILS, VALUE, STATUS = range(4)


def _plain_money(minor: int) -> str:
    whole, cents = divmod(abs(minor), 100)
    return f"{'-' if minor < 0 else ''}{whole}.{cents:02d}"


class CompensationLinesModel(QAbstractTableModel):
    """Rows of `CompensationLine`; columns kind, details, value, status."""

    total_changed = Signal(int)  # minor units

    def __init__(
        self,
        format_money: Callable[[int], str] = _plain_money,
        product_names: Mapping[int, str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._lines: list[CompensationLine] = []
        self._format_money = format_money
        self._product_names: dict[int, str] = dict(product_names or {})
        self._headers = (
            self.tr("Compensation"), self.tr("Details"), self.tr("Value"), self.tr("Status"),
        )

    # --- the data ----------------------------------------------------------------------

    def lines(self) -> list[CompensationLine]:
        return list(self._lines)

    def line(self, row: int) -> CompensationLine:
        return self._lines[row]

    def total_minor(self) -> int:
        return total_value(self._lines)

    def has_value(self) -> bool:
        return any(line.needs_decision for line in self._lines)

    def set_lines(self, lines: Iterable[CompensationLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
        self.total_changed.emit(self.total_minor())

    def add_line(self, line: CompensationLine) -> None:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        self.total_changed.emit(self.total_minor())

    def replace_line(self, row: int, line: CompensationLine) -> None:
        self._lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.total_changed.emit(self.total_minor())

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        self.total_changed.emit(self.total_minor())

    def set_product_names(self, names: Mapping[int, str]) -> None:
        self._product_names = dict(names)
        if self._lines:
            self.dataChanged.emit(self.index(0, DETAILS), self.index(len(self._lines) - 1, DETAILS))

    # --- Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == VALUE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == KIND:
                return label(COMPENSATION_KINDS, line.kind)
            if column == DETAILS:
                return self.details(line)
            if column == VALUE:
                return self._format_money(line.value_minor)
            if column == STATUS:
                return self._status_text(line)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            if line.status == "refused":
                return QColor("#8e0000")
            if line.status == "approved":
                return QColor("#1b5e20")
        if role == Qt.ItemDataRole.UserRole:
            return line
        return None

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
