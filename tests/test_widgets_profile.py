"""The profile shows each fact at a glance; the purchase history loads lazily."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.purchases import purchases_page
from db.customers.records import update_customer
from tests.ui_helpers import add_customers, add_products, add_purchases, make_ctx
from widgets import data_bus
from widgets.customer_profile_panel import CustomerProfilePanel
from widgets.labels import format_date
from widgets.purchase_history_model import COL_ITEMS, COL_TOTAL, PurchaseHistoryModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def setup(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple:
    people = add_customers(memory_db)
    products = add_products(memory_db)
    ctx, dialogs = make_ctx(memory_db)
    panel = CustomerProfilePanel(ctx)
    qtbot.addWidget(panel)
    return panel, people, products


def test_profile_shows_each_fact(setup: tuple, memory_db: Database, fixed_clock) -> None:
    panel, people, products = setup
    paivi = people["paivi"]
    add_purchases(memory_db, paivi.id, products[0], 3, fixed_clock - timedelta(days=2))
    add_purchases(memory_db, paivi.id, products[1], 1, fixed_clock - timedelta(days=1))
    panel.set_customer(paivi.id)
    f = panel.facts
    assert panel.name_label.text() == "Päivi Järvinen"
    assert panel.number_label.text() == paivi.customer_no
    assert panel.tier_badge.text() == "Bronze"
    assert f["phone"].text() == "040 123 4567"
    assert f["email"].text() == "paivi@example.fi"
    assert f["language"].text() == "Suomi"
    assert "1972" in f["birthday"].text()
    assert "Hääpäivä" in f["family_dates"].text()
    assert f["preferences"].text() == "Kauramaito, ei sokeria."
    assert f["tags"].text() == "kanta-asiakas, ikkunapaikka"
    assert f["personality"].text() == "Lively"
    assert "chat" in panel.tip_label.text()
    assert f["visits"].text() == "4"
    # 1+2+3 lattes at 4.50 and one bun at 3.90 = 30.90, in the shop's locale (fi_FI).
    assert f["total_spend"].text() == "30,90\u00a0€"
    # Dates follow the screen language (the default locale); money the shop's locale.
    yesterday = format_date(date(2026, 11, 22))
    assert f["last_visit"].text() == f"{yesterday} (yesterday)"
    assert f["favourites"].text().splitlines() == [
        "Caffè latte × 6", "Cinnamon bun (korvapuusti) × 1"]
    assert f["complaints_90d"].text() == "0"
    assert f["compensation_90d"].text() == "0 · 0,00\u00a0€"


def test_allergies_in_a_banner(setup: tuple) -> None:
    panel, people, _ = setup
    panel.set_customer(people["paivi"].id)
    assert not panel.allergy_banner.isHidden()
    # gluteeni was typed: stored as the code, shown in the screen's language with its icon
    assert panel.allergy_banner.plain_text() == "Gluten (cereals), laktoosi"
    assert "allergen-gluten.svg" in panel.allergy_banner.text()
    panel.set_customer(people["emily"].id)
    assert panel.allergy_banner.isHidden()


def test_allergies_read_in_the_screens_language_not_the_customers(setup: tuple) -> None:
    from db.i18n import set_language

    panel, people, _ = setup
    try:
        set_language("fi")
        panel.set_customer(people["chen"].id)  # typed as 花生
        assert panel.allergy_banner.plain_text() == "Maapähkinä"
        assert "花生" not in panel.allergy_banner.text()
    finally:
        set_language("en")
    panel.set_customer(people["chen"].id)
    assert panel.allergy_banner.plain_text() == "Peanuts"


def test_birthday_badges(setup: tuple) -> None:
    panel, people, _ = setup  # fixed clock: 23 November
    panel.set_customer(people["paivi"].id)  # 23 November
    assert panel.birthday_badge.text() == "Birthday today!"
    assert not panel.birthday_badge.isHidden()
    panel.set_customer(people["chen"].id)  # 26 November
    assert panel.birthday_badge.text() == "Birthday in 3 days"
    panel.set_customer(people["pekka"].id)  # none known
    assert panel.birthday_badge.isHidden()
    assert panel.facts["birthday"].text() == "—"


def test_empty_facts_show_a_dash_and_never(setup: tuple) -> None:
    panel, people, _ = setup
    panel.set_customer(people["pekka"].id)
    assert panel.facts["email"].text() == "—"
    assert panel.facts["last_visit"].text() == "Never"
    assert panel.facts["favourites"].text() == "—"
    assert not panel.history_empty.isHidden()
    assert panel.tip_label.isHidden()


def test_refreshes_when_its_customer_changes(setup: tuple, memory_db: Database) -> None:
    panel, people, _ = setup
    panel.set_customer(people["emily"].id)
    data = people["emily"].to_input()
    data.name = "Emily Carter-Jones"
    update_customer(memory_db, people["emily"].id, data)
    panel.ctx.bus.notify(data_bus.CUSTOMER, people["pekka"].id)  # someone else: no refresh
    assert panel.name_label.text() == "Emily Carter"
    panel.ctx.bus.notify(data_bus.CUSTOMER, people["emily"].id)
    assert panel.name_label.text() == "Emily Carter-Jones"


def test_add_action_puts_a_button_on_the_actions_row(setup: tuple, qtbot: QtBot) -> None:
    panel, people, _ = setup
    button = QPushButton("New complaint")
    panel.add_action(button)
    assert button.parentWidget() is panel
    panel.set_customer(people["emily"].id)
    with qtbot.waitSignal(panel.purchase_requested) as blocker:
        panel.purchase_button.click()
    assert blocker.args == [people["emily"].id]


def test_history_loads_lazily_newest_first(
    setup: tuple, memory_db: Database, fixed_clock, qtmodeltester
) -> None:
    panel, people, products = setup
    chen = people["chen"]
    add_purchases(memory_db, chen.id, products[2], 300, fixed_clock)
    model = PurchaseHistoryModel(memory_db, page_size=50, locale=QLocale("fi_FI"))
    model.set_customer(chen.id)
    assert model.rowCount() == 50  # only the first page
    assert model.canFetchMore()
    dates = [model.purchase(r).purchased_at for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    model.fetchMore()
    assert model.rowCount() == 100
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 300
    ids = [model.purchase(r).id for r in range(300)]
    assert len(set(ids)) == 300
    expected = [p.id for p in purchases_page(memory_db, chen.id, limit=300)]
    assert ids == expected
    assert "× Egg tart 蛋撻" in model.data(model.index(0, COL_ITEMS))
    assert model.data(model.index(0, COL_TOTAL)) == "3,00\u00a0€"
    qtmodeltester.check(model)


def test_panel_history_view_fetches_on_scroll(
    setup: tuple, memory_db: Database, fixed_clock, qtbot: QtBot
) -> None:
    panel, people, products = setup
    chen = people["chen"]
    add_purchases(memory_db, chen.id, products[2], 120, fixed_clock)
    panel.resize(1200, 800)
    panel.show()
    panel.set_customer(chen.id)
    first = panel.history_model.rowCount()
    assert 0 < first < 120
    view = panel.history_view
    for _ in range(10):
        view.scrollToBottom()
        qtbot.wait(1)
    assert panel.history_model.rowCount() > first


def test_history_model_empty_and_switching(memory_db: Database, qtmodeltester) -> None:
    people = add_customers(memory_db)
    model = PurchaseHistoryModel(memory_db)
    qtmodeltester.check(model)
    model.set_customer(people["pekka"].id)
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_add_section_goes_below_the_history_in_the_scrolling_area(setup: tuple) -> None:
    panel, _people, _ = setup
    extra = QPushButton("complaint history here")
    panel.add_section(extra, "Complaints")
    layout = panel.sections_layout
    items = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert items.index(extra) > items.index(panel.history_view)
    titles = [w.text() for w in items if w is not None and w.objectName() == "SectionTitle"]
    assert titles == ["Purchase history", "Complaints"]
    assert layout.itemAt(layout.count() - 1).spacerItem() is not None  # stretch stays last
    assert extra.parentWidget() is panel.sections
