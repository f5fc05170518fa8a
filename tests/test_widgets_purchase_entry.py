"""Recording a purchase at the counter: items, quantities, running total, one write."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.purchases import purchases_page
from db.customers.records import get_customer
from tests.ui_helpers import add_customers, add_products, add_staff, make_ctx
from widgets import data_bus
from widgets.purchase_entry import COL_QTY, ProductListModel, PurchaseEntry, PurchaseLinesModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def entry(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple:
    people = add_customers(memory_db)
    products = add_products(memory_db)
    staff = add_staff(memory_db)
    ctx, dialogs = make_ctx(memory_db, staff)
    widget = PurchaseEntry(ctx)
    qtbot.addWidget(widget)
    widget.start(people["emily"].id)
    return widget, dialogs, people, products, staff


def test_running_total_follows_items_and_quantities(entry: tuple) -> None:
    widget, _, _, products, _ = entry
    latte, bun, _tart = products
    assert widget.total_label.text() == "Total: 0,00\u00a0€"
    assert not widget.record_button.isEnabled()
    widget.add_product(latte)
    widget.add_product(bun, 2)
    widget.add_product(latte)  # same product: the line's quantity grows
    assert widget.lines.rowCount() == 2
    assert widget.lines.items() == [(latte.id, 2), (bun.id, 2)]
    assert widget.total_label.text() == "Total: 16,80\u00a0€"
    widget.table.selectRow(1)
    widget.less_button.click()
    assert widget.total_label.text() == "Total: 12,90\u00a0€"
    widget.less_button.click()  # quantity 0 removes the line
    assert widget.lines.items() == [(latte.id, 2)]
    assert widget.record_button.isEnabled()


def test_quantity_edit_through_the_model(entry: tuple) -> None:
    widget, _, _, products, _ = entry
    widget.add_product(products[0])
    index = widget.lines.index(0, COL_QTY)
    assert widget.lines.setData(index, 4)
    assert widget.lines.items() == [(products[0].id, 4)]
    assert not widget.lines.setData(index, 0)
    assert not widget.lines.setData(index, "many")
    assert widget.lines.total_minor() == 4 * 450


def test_filter_and_enter_adds_from_the_catalogue(entry: tuple, qtbot: QtBot) -> None:
    widget, _, _, products, _ = entry
    qtbot.keyClicks(widget.filter_edit, "korva")  # folded, part of the name
    assert widget.filtered.rowCount() == 1
    qtbot.keyClick(widget.filter_edit, Qt.Key.Key_Return)
    assert widget.lines.items() == [(products[1].id, 1)]


def test_record_writes_one_purchase_and_notifies(
    entry: tuple, memory_db: Database, qtbot: QtBot
) -> None:
    widget, _, people, products, staff = entry
    emily = people["emily"]
    widget.add_product(products[0], 2)
    widget.add_product(products[2])
    seen: list[tuple[str, int]] = []
    widget.ctx.bus.data_changed.connect(lambda e, i: seen.append((e, i)))
    with qtbot.waitSignal(widget.purchase_recorded) as blocker:
        widget.record_button.click()
    purchase = blocker.args[0]
    assert purchase.total_minor == 2 * 450 + 300
    stored = purchases_page(memory_db, emily.id)
    assert [p.id for p in stored] == [purchase.id]
    assert [(ln.name, ln.quantity) for ln in stored[0].lines] == [
        ("Caffè latte", 2), ("Egg tart 蛋撻", 1)]
    staff_id = memory_db.execute(
        "SELECT staff_id FROM purchases WHERE id = ?", [purchase.id]).fetchone()[0]
    assert staff_id == staff.id
    after = get_customer(memory_db, emily.id)
    assert (after.visits, after.total_spend_minor) == (1, 1200)
    assert (data_bus.CUSTOMER, emily.id) in seen
    assert (data_bus.PURCHASE, purchase.id) in seen
    assert widget.lines.rowCount() == 0


def test_record_error_is_shown_and_the_order_kept(entry: tuple, memory_db: Database) -> None:
    widget, dialogs, _, products, _ = entry
    widget.add_product(products[0])
    memory_db.execute("DELETE FROM products WHERE id = ?", [products[0].id])
    assert widget.record() is None
    assert dialogs.shown and dialogs.shown[-1].kind == "warning"
    assert widget.lines.rowCount() == 1
    assert memory_db.execute("SELECT count(*) FROM purchases").fetchone()[0] == 0


def test_models(entry: tuple, qtmodeltester) -> None:
    widget, _, _, products, _ = entry
    catalogue = ProductListModel()
    catalogue.set_products(products)
    qtmodeltester.check(catalogue)
    lines = PurchaseLinesModel()
    qtmodeltester.check(lines)
    lines.add(products[0], 3)
    lines.add(products[1])
    qtmodeltester.check(lines)
