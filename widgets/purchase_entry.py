"""Record a purchase at the counter for the open customer: pick items, set quantities.

The catalogue is on the left (type to filter, Enter or a tap adds one); the order is on
the right with quantities and the running total; Record writes it through
`db.customers.purchases.record_purchase` in one transaction. Cancel or Esc with items on the order
asks before throwing the order away.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.customers.purchases import MAX_QUANTITY, list_products, record_purchase
from db.customers.records import get_customer
from db.models import Product, Purchase
from db.service.models import Draft
from db.text import fold
from widgets import data_bus
from widgets.allergen_display import AllergenBanner
from widgets.context import AppContext, format_money
from widgets.local_draft_keeper import PURCHASE_ENTRY, LocalDraftKeeper
from widgets.ops import run_op
from widgets.unsaved_changes import confirm_discard
from widgets.views import ChoiceListView

Index = QModelIndex | QPersistentModelIndex
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2


class ProductListModel(QAbstractListModel):
    """The active catalogue: "Name — price", filterable by a folded name."""

    def __init__(self, currency: str = "EUR", locale: QLocale | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.locale = locale or QLocale()
        self._products: list[Product] = []

    def set_products(self, products: list[Product]) -> None:
        self.beginResetModel()
        self._products = list(products)
        self.endResetModel()

    def product(self, row: int) -> Product | None:
        return self._products[row] if 0 <= row < len(self._products) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._products)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._products):
            return None
        p = self._products[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{p.name}   {format_money(p.price_minor, self.currency, self.locale)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            price = format_money(p.price_minor, self.currency, self.locale)
            return f"{p.name} · {price}\n{p.category} · {p.sku}"
        if role == PRODUCT_ROLE:
            return p
        if role == NAME_ROLE:
            return p.name
        if role == PRICE_ROLE:
            return format_money(p.price_minor, self.currency, self.locale)
        if role == FOLDED_ROLE:
            return fold(f"{p.name} {p.category} {p.sku}")
        return None


NAME_ROLE = Qt.ItemDataRole.UserRole + 3
PRICE_ROLE = Qt.ItemDataRole.UserRole + 4


def match_class(product: Product, wanted: str) -> int | None:
    """How well a product matches the folded filter text: 0 the exact name (or code),
    1 a name that starts with it, 2 a word of the name that does, 3 anywhere in the
    name, 4 the category or code only; None when it does not match."""
    if not wanted:
        return 0
    name = fold(product.name)
    if name == wanted or fold(product.sku) == wanted:
        return 0
    if name.startswith(wanted):
        return 1
    if any(word.startswith(wanted) for word in name.split()) or f" {wanted}" in name:
        return 2
    if wanted in name:
        return 3
    if wanted in fold(f"{product.category} {product.sku}"):
        return 4
    return None


class CatalogueFilterModel(QSortFilterProxyModel):
    """The catalogue filtered by what was typed, best match first: "Croissant" puts
    Croissant before Almond croissant, so Enter adds what was typed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._wanted = ""
        self.setDynamicSortFilter(False)

    def set_filter_text(self, text: str) -> None:
        self._wanted = " ".join(fold(text).split())
        self.invalidate()
        self.sort(0)

    def _class(self, source_row: int) -> int | None:
        model = self.sourceModel()
        product = model.data(model.index(source_row, 0), PRODUCT_ROLE) if model else None
        return match_class(product, self._wanted) if product is not None else None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        return self._class(source_row) is not None

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        return (self._class(left.row()) or 0, left.row()) < (
            self._class(right.row()) or 0, right.row())


class CatalogueRowDelegate(QStyledItemDelegate):
    """Name on the left (elided when long), price on the right: the price always shows."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = str(index.data(NAME_ROLE) or "")
        price = str(index.data(PRICE_ROLE) or "")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(8, 0, -8, 0)
        metrics = opt.fontMetrics
        price_width = metrics.horizontalAdvance(price)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignRight), price)
        name_rect = rect.adjusted(0, 0, -(price_width + 12), 0)
        painter.drawText(name_rect, int(align | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), 200), max(hint.height(), 44))


COL_ITEM, COL_QTY, COL_PRICE, COL_LINE = range(4)


class PurchaseLinesModel(QAbstractTableModel):
    """The order being built: product, quantity (editable), unit price, line total."""

    total_changed = Signal(int)

    def __init__(self, currency: str = "EUR", locale: QLocale | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.locale = locale or QLocale()
        self._lines: list[list[Any]] = []  # [Product, quantity]

    # -- editing
    def add(self, product: Product, quantity: int = 1) -> int:
        """Add to an existing line of the same product or append one; returns its row."""
        for row, line in enumerate(self._lines):
            if line[0].id == product.id:
                self.set_quantity(row, line[1] + quantity)
                return row
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append([product, max(1, min(quantity, MAX_QUANTITY))])
        self.endInsertRows()
        self.total_changed.emit(self.total_minor())
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        if quantity <= 0:
            self.remove(row)
            return
        self._lines[row][1] = min(quantity, MAX_QUANTITY)
        self.dataChanged.emit(self.index(row, COL_QTY), self.index(row, COL_LINE))
        self.total_changed.emit(self.total_minor())

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        self.total_changed.emit(self.total_minor())

    def clear(self) -> None:
        self.beginResetModel()
        self._lines = []
        self.endResetModel()
        self.total_changed.emit(0)

    def items(self) -> list[tuple[int, int]]:
        """(product id, quantity) pairs for `record_purchase`."""
        return [(line[0].id, line[1]) for line in self._lines]

    def quantity(self, row: int) -> int:
        return int(self._lines[row][1])

    def total_minor(self) -> int:
        return sum(line[0].price_minor * line[1] for line in self._lines)

    # -- model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_ITEM: self.tr("Item"),
            COL_QTY: self.tr("Qty"),
            COL_PRICE: self.tr("Price"),
            COL_LINE: self.tr("Line total"),
        }.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_QTY:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        product, quantity = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_ITEM:
                return product.name
            if column == COL_QTY:
                return quantity if role == Qt.ItemDataRole.EditRole else self.locale.toString(
                    quantity)
            if column == COL_PRICE:
                return format_money(product.price_minor, self.currency, self.locale)
            if column == COL_LINE:
                return format_money(product.price_minor * quantity, self.currency, self.locale)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_ITEM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PRODUCT_ROLE:
            return product
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != COL_QTY or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if not 1 <= quantity <= MAX_QUANTITY:
            return False
        self.set_quantity(index.row(), quantity)
        return True


class PurchaseEntry(QWidget):
    """`start(customer_id)`; emits `purchase_recorded(Purchase)` or `cancelled()`."""

    purchase_recorded = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._customer_id: int | None = None
        locale = ctx.locale()
        self.products = ProductListModel(ctx.settings.currency, locale, self)
        self.filtered = CatalogueFilterModel(self)
        self.filtered.setSourceModel(self.products)
        self.lines = PurchaseLinesModel(ctx.settings.currency, locale, self)
        self.lines.total_changed.connect(self._on_total_changed)
        self._client_key = uuid.uuid4().hex  # one per order: a retried save is recognised
        # on a server, the order is also kept on this till's disk (widgets.local_draft_keeper)
        self.local_draft = LocalDraftKeeper(ctx, PURCHASE_ENTRY, self.draft_payload, self)
        self.lines.total_changed.connect(lambda _total: self.local_draft.touch())

        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.allergy_banner = AllergenBanner()  # seen before the first item is added
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter the catalogue"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.returnPressed.connect(self._add_current)
        self.filter_edit.installEventFilter(self)  # + and − change the selected line
        self.catalogue = ChoiceListView()
        self.catalogue.setModel(self.filtered)
        self.catalogue.setItemDelegate(CatalogueRowDelegate(self.catalogue))
        self.catalogue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.catalogue.setUniformItemSizes(True)
        self.catalogue.setAccessibleName(self.tr("Catalogue"))
        self.catalogue.row_chosen.connect(self._on_catalogue_row)

        self.table = QTableView()
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAccessibleName(self.tr("Order lines"))

        self.more_button = QPushButton(self.tr("+1"))
        self.more_button.setToolTip(self.tr("One more of the selected line (+)"))
        self.more_button.clicked.connect(lambda: self._change_selected(+1))
        self.less_button = QPushButton(self.tr("−1"))
        self.less_button.setToolTip(self.tr("One less of the selected line (−)"))
        self.less_button.clicked.connect(lambda: self._change_selected(-1))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected line (Delete)"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.total_label = QLabel()
        self.total_label.setObjectName("RunningTotal")
        self.record_button = QPushButton(self.tr("&Record purchase"))
        self.record_button.setProperty("primary", True)
        self.record_button.setToolTip(self.tr("Ctrl+Enter"))
        self.record_button.clicked.connect(self.record)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Catalogue")))
        left.addWidget(self.filter_edit)
        left.addWidget(self.catalogue, 1)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.more_button)
        line_buttons.addWidget(self.less_button)
        line_buttons.addWidget(self.remove_button)
        line_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Order")))
        right.addWidget(self.table, 1)
        right.addLayout(line_buttons)
        right.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignRight)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.record_button)
        right.addLayout(bottom)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.allergy_banner)
        layout.addLayout(columns, 1)

        ctx_shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.record, context=ctx_shortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.request_cancel,
                  context=ctx_shortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Plus), self.table, lambda: self._change_selected(+1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Minus), self.table, lambda: self._change_selected(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self._remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self._on_total_changed(0)

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def start(self, customer_id: int) -> None:
        """A fresh order for this customer, catalogue reloaded, focus in the filter."""
        customer = get_customer(self.ctx.db, customer_id)
        self._customer_id = customer_id
        self._client_key = uuid.uuid4().hex  # one per order: a retried save is recognised
        self.title.setText(self.tr("Purchase for {name} ({number})").replace(
            "{name}", customer.name).replace("{number}", customer.customer_no))
        self.allergy_banner.set_allergies(customer.allergens, customer.allergies)
        self.products.set_products(list_products(self.ctx.db))
        self.lines.clear()
        self.filter_edit.clear()
        self.filter_edit.setFocus()

    def has_unsaved_changes(self) -> bool:
        return self.lines.rowCount() > 0

    def discard_unsaved_changes(self) -> None:
        self.lines.clear()
        self.local_draft.clear()

    def request_cancel(self) -> bool:
        """Cancel or Esc: with items on the order, asks first; True when it was left."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.discard_unsaved_changes()
        self.cancelled.emit()
        return True

    def add_product(self, product: Product, quantity: int = 1) -> None:
        row = self.lines.add(product, quantity)
        self.table.selectRow(row)

    def record(self) -> Purchase | None:
        if self._customer_id is None:
            return None
        customer_id = self._customer_id
        staff = self.ctx.staff()
        items = self.lines.items()
        key = self._client_key
        self.local_draft.save_now()  # on this till's disk before the save is even tried
        result = run_op(
            self.ctx, self,
            lambda: record_purchase(self.ctx.db, customer_id, items,
                                    staff_id=staff.id if staff else None,
                                    client_key=key),
            changed=lambda p: [(data_bus.PURCHASE, p.id), (data_bus.CUSTOMER, customer_id)],
        )
        if result is not None:
            self._client_key = uuid.uuid4().hex  # the next order is a new purchase
            self.lines.clear()
            self.local_draft.clear()
            self.purchase_recorded.emit(result)
        return result

    # -- this till's own draft (a crash while the server is away loses nothing)
    def draft_payload(self) -> dict[str, Any] | None:
        """The order as it stands (None when it is empty)."""
        if self._customer_id is None or not self.lines.rowCount():
            return None
        return {"customer_id": self._customer_id, "client_key": self._client_key,
                "lines": [[product_id, quantity] for product_id, quantity in self.lines.items()]}

    def restore_draft(self, draft: Draft) -> list[int]:
        """Put an order from this till's disk back on screen (its key too: a save tried
        before the crash is recognised); returns the ids of products no longer sold."""
        p = draft.payload
        customer_id = p.get("customer_id")
        if not isinstance(customer_id, int):
            return []
        self.start(customer_id)
        key = p.get("client_key")
        if isinstance(key, str) and key:
            self._client_key = key
        catalogue = {product.id: product for product in list_products(self.ctx.db)}
        missing: list[int] = []
        lines = p.get("lines")
        for line in lines if isinstance(lines, list) else []:
            if not (isinstance(line, list) and len(line) == 2
                    and all(isinstance(n, int) for n in line)):
                continue
            product = catalogue.get(line[0])
            if product is None:
                missing.append(line[0])
            else:
                self.lines.add(product, line[1])
        self.local_draft.adopt(draft)
        return missing

    # -- internals
    def _on_filter_changed(self, text: str) -> None:
        self.filtered.set_filter_text(text)
        if self.filtered.rowCount():
            self.catalogue.setCurrentIndex(self.filtered.index(0, 0))

    def _add_current(self) -> None:
        index = self.catalogue.currentIndex()
        if not index.isValid() and self.filtered.rowCount():
            index = self.filtered.index(0, 0)
        if index.isValid():
            self._on_catalogue_row(index.row())

    def _on_catalogue_row(self, row: int) -> None:
        source = self.filtered.mapToSource(self.filtered.index(row, 0))
        product = self.products.product(source.row())
        if product is not None:
            self.add_product(product)
            if self.filter_edit.text():
                self.filter_edit.clear()  # ready for the next item
            self.filter_edit.setFocus()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _change_selected(self, delta: int) -> None:
        row = self._selected_row()
        if row >= 0:
            self.lines.set_quantity(row, self.lines.quantity(row) + delta)
            if row < self.lines.rowCount():
                self.table.selectRow(row)

    def _remove_selected(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self.lines.remove(row)

    def _on_total_changed(self, total: int) -> None:
        self.total_label.setText(
            self.tr("Total: {total}").replace("{total}", self.ctx.format_money(total)))
        self.record_button.setEnabled(self.lines.rowCount() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """+ and − in the filter change the selected order line (nobody types them into a
        product name); with no line selected they are typed as usual."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            delta = {Qt.Key.Key_Plus: +1, Qt.Key.Key_Minus: -1}.get(Qt.Key(event.key()))
            if event.text() == "\u2212":  # the minus sign of some keyboard layouts
                delta = -1
            if delta is not None and self._selected_row() >= 0:
                self._change_selected(delta)
                return True
        return super().eventFilter(watched, event)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity == data_bus.PRODUCT and self._customer_id is not None:
            self.products.set_products(list_products(self.ctx.db))
