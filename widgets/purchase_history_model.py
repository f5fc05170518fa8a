"""A customer's purchase history, newest first, loaded a page at a time.

Opening a profile reads one page (`db.customers.purchases.purchases_page`, keyset paging); the view
asks for more (`canFetchMore`/`fetchMore`) only as the person scrolls, so a customer with
10,000 purchases opens as fast as one with ten.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from sqlite_utils import Database

from db.customers.purchases import PAGE_SIZE, purchase_cursor, purchases_page
from db.models import Purchase
from widgets.context import format_money
from widgets.formats import format_datetime

Index = QModelIndex | QPersistentModelIndex
PURCHASE_ROLE = Qt.ItemDataRole.UserRole + 1

COL_WHEN, COL_ITEMS, COL_TOTAL, COL_RECEIPT = range(4)


class PurchaseHistoryModel(QAbstractTableModel):
    def __init__(
        self,
        db: Database,
        *,
        currency: str = "EUR",
        locale: QLocale | None = None,
        date_locale: QLocale | None = None,
        page_size: int = PAGE_SIZE,
        timezone: str = "UTC",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.currency = currency
        self.locale = locale or QLocale()  # money: the shop's locale
        self.date_locale = date_locale or QLocale()  # dates: the screen language
        self.page_size = page_size
        self.tz = ZoneInfo(timezone)
        self._customer_id: int | None = None
        self._rows: list[Purchase] = []
        self._exhausted = True

    # -- loading
    def set_customer(self, customer_id: int | None) -> None:
        """Show another customer's history: the first page only."""
        self.beginResetModel()
        self._customer_id = customer_id
        self._rows = []
        self._exhausted = customer_id is None
        if customer_id is not None:
            page = purchases_page(self.db, customer_id, limit=self.page_size)
            self._rows = page
            self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def reload(self) -> None:
        self.set_customer(self._customer_id)

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._customer_id is None:
            return
        after = purchase_cursor(self._rows[-1]) if self._rows else None
        page = purchases_page(self.db, self._customer_id, after=after, limit=self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def purchase(self, row: int) -> Purchase | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_WHEN: self.tr("When"),
            COL_ITEMS: self.tr("Items"),
            COL_TOTAL: self.tr("Total"),
            COL_RECEIPT: self.tr("Receipt"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        purchase = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_WHEN:
                return format_datetime(purchase.purchased_at, self.tz, self.date_locale)
            if column == COL_ITEMS:
                return ", ".join(f"{line.quantity} × {line.name}" for line in purchase.lines)
            if column == COL_TOTAL:
                return format_money(purchase.total_minor, self.currency, self.locale)
            if column == COL_RECEIPT:
                return purchase.receipt_id or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ITEMS:
            return "\n".join(
                f"{line.quantity} × {line.name}  "
                f"{format_money(line.total_minor, self.currency, self.locale)}"
                for line in purchase.lines
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PURCHASE_ROLE:
            return purchase
        return None
