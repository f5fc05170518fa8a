"""Purchase entry adds what was typed, and allergens are shown (with icons, in the screen's
language) in purchase entry, on the complaint form and in the customer form's picker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.purchases import add_product
from db.customers.records import create_customer
from db.i18n import set_language
from db.models import CustomerInput
from tests.service_ui_support import make_team
from tests.ui_helpers import add_customers, add_products, add_staff, make_ctx
from widgets.allergen_display import MIN_TARGET, AllergenBanner, AllergenPicker
from widgets.complaint_form import ComplaintForm
from widgets.purchase_entry import PurchaseEntry

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def entry(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple:
    people = add_customers(memory_db)
    products = add_products(memory_db)
    for sku, name, price in (("ALM", "Almond croissant", 420), ("CRO", "Croissant", 330),
                             ("CHO", "Pain au chocolat croissant", 390),
                             ("SAN", "Sandwich of the day with a very long name indeed", 990)):
        products.append(add_product(memory_db, sku, name, "bakery", price))
    ctx, dialogs = make_ctx(memory_db, add_staff(memory_db))
    widget = PurchaseEntry(ctx)
    qtbot.addWidget(widget)
    widget.start(people["paivi"].id)
    return widget, people, products


def catalogue_names(widget: PurchaseEntry) -> list[str]:
    model = widget.filtered
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(model.rowCount())]


def test_exact_name_first_then_prefix_word_start_substring(entry: tuple) -> None:
    widget, _, _ = entry
    widget.filter_edit.setText("Croissant")
    assert catalogue_names(widget) == [
        "Croissant", "Almond croissant", "Pain au chocolat croissant"]
    widget.filter_edit.setText("cro")
    assert catalogue_names(widget)[0] == "Croissant"
    widget.filter_edit.setText("lat")  # word start (latte) before the middle of a word
    assert catalogue_names(widget)[0] == "Caffè latte"
    widget.filter_edit.setText("ssan")  # only inside words: all equally good
    assert sorted(catalogue_names(widget)) == [
        "Almond croissant", "Croissant", "Pain au chocolat croissant"]


def test_enter_adds_what_was_typed_and_the_filter_clears(entry: tuple, qtbot: QtBot) -> None:
    widget, _, _ = entry
    qtbot.keyClicks(widget.filter_edit, "Croissant")
    qtbot.keyClick(widget.filter_edit, Qt.Key.Key_Return)
    assert [line[0] for line in widget.lines._lines][0].name == "Croissant"
    assert widget.filter_edit.text() == ""  # ready for the next item
    assert widget.filtered.rowCount() == widget.products.rowCount()
    qtbot.keyClicks(widget.filter_edit, "almond")
    qtbot.keyClick(widget.filter_edit, Qt.Key.Key_Enter)
    assert [p.name for p, _q in widget.lines._lines] == ["Croissant", "Almond croissant"]
    assert widget.filter_edit.text() == ""


def test_plus_and_minus_change_the_selected_line_from_the_filter(
    entry: tuple, qtbot: QtBot
) -> None:
    widget, _, _ = entry
    widget.show()
    qtbot.keyClicks(widget.filter_edit, "Croissant")
    qtbot.keyClick(widget.filter_edit, Qt.Key.Key_Return)
    widget.filter_edit.setFocus()
    qtbot.keyClicks(widget.filter_edit, "+")
    qtbot.keyClicks(widget.filter_edit, "+")
    assert widget.lines.quantity(0) == 3
    assert widget.filter_edit.text() == ""  # not typed into the filter
    qtbot.keyClicks(widget.filter_edit, "-")
    assert widget.lines.quantity(0) == 2
    widget.lines.clear()
    qtbot.keyClicks(widget.filter_edit, "-")  # no line: typed
    assert widget.filter_edit.text() == "-"


def test_prices_visible_at_1024_by_768(entry: tuple, qtbot: QtBot) -> None:
    widget, _, products = entry
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    for product in products:
        widget.add_product(product)
    QApplication.processEvents()
    assert not widget.catalogue.horizontalScrollBar().isVisible()
    assert not widget.table.horizontalScrollBar().isVisible()
    header = widget.table.horizontalHeader()
    right_edge = max(header.sectionViewportPosition(c) + header.sectionSize(c)
                     for c in range(header.count()))
    assert right_edge <= widget.table.viewport().width()
    # the catalogue row's width fits the list, so its right-aligned price is on screen
    delegate = widget.catalogue.itemDelegate()
    option = widget.catalogue.viewOptions() if hasattr(widget.catalogue, "viewOptions") else None
    if option is None:
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
    index = widget.filtered.index(widget.filtered.rowCount() - 1, 0)
    assert delegate.sizeHint(option, index).width() <= widget.catalogue.viewport().width()
    assert delegate.sizeHint(option, index).height() >= 44


def test_allergens_shown_before_the_first_item(entry: tuple) -> None:
    widget, people, _ = entry
    assert not widget.allergy_banner.isHidden()
    assert widget.lines.rowCount() == 0
    assert widget.allergy_banner.plain_text() == "Gluten (cereals), laktoosi"
    assert "allergen-gluten.svg" in widget.allergy_banner.text()
    widget.start(people["emily"].id)
    assert widget.allergy_banner.isHidden()


def test_finnish_screen_reads_a_chinese_record_in_finnish(entry: tuple) -> None:
    widget, people, _ = entry
    try:
        set_language("fi")
        widget.start(people["chen"].id)  # typed as 花生
        assert widget.allergy_banner.plain_text() == "Maapähkinä"
    finally:
        set_language("en")


def test_complaint_form_names_the_allergens(
    qtbot: QtBot, fresh_db: Database, fixed_clock: object
) -> None:
    from tests.service_ui_support import make_ctx as service_ctx

    team = make_team(fresh_db)
    ctx = service_ctx(fresh_db, team.clerk)
    customer = create_customer(fresh_db, CustomerInput(
        name="Allergic Anna", allergens=["sesame"], allergies=["kiwi"]))
    form = ComplaintForm(ctx)
    qtbot.addWidget(form)
    form.start_new(customer.id, offer_draft=False)
    assert not form.allergy_banner.isHidden()
    assert form.allergy_banner.plain_text() == "Sesame, kiwi"
    form.start_new(None, offer_draft=False)
    assert form.allergy_banner.isHidden()


def test_banner_escapes_free_text(qtbot: QtBot) -> None:
    banner = AllergenBanner()
    qtbot.addWidget(banner)
    banner.set_allergies(["peanuts"], ["<b>kiwi</b>"])
    assert "&lt;b&gt;kiwi" in banner.text()


@pytest.fixture
def finnish() -> Iterator[None]:
    set_language("fi")
    yield
    set_language("en")


def test_picker_is_touch_friendly_and_in_the_screens_language(
    qtbot: QtBot, finnish: None
) -> None:
    picker = AllergenPicker()
    qtbot.addWidget(picker)
    picker.resize(600, 400)
    picker.show()
    qtbot.waitExposed(picker)
    assert len(picker.buttons) == 14
    assert picker.buttons["peanuts"].text() == "Maapähkinä"
    picker.set_allergies(["peanuts"])
    assert picker.buttons["peanuts"].text() == "✓ Maapähkinä"
    for button in picker.buttons.values():
        assert button.height() >= MIN_TARGET and button.width() >= MIN_TARGET
        assert not button.icon().isNull()
    picker.set_allergies(["eggs"], ["kiwi"])
    qtbot.mouseClick(picker.buttons["fish"], Qt.MouseButton.LeftButton)
    assert picker.codes() == ["eggs", "fish"]
    qtbot.mouseClick(picker.buttons["eggs"], Qt.MouseButton.LeftButton)
    assert picker.codes() == ["fish"]
    assert picker.free_text() == ["kiwi"]
