"""Purchases: totals, the customer's facts and tier kept current, keyset paging."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from db.customers.purchases import (
    add_product,
    get_product,
    list_products,
    purchase_cursor,
    purchases_page,
    record_purchase,
)
from db.customers.records import create_customer, get_customer, get_profile
from db.errors import NotFound, ValidationError
from db.models import CustomerInput, Product

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


@pytest.fixture
def shop(memory_db: Database, fixed_clock: datetime) -> dict[str, Product]:
    return {
        "latte": add_product(memory_db, "COF-LAT", "Caffè latte", "Coffee", 450),
        "bun": add_product(memory_db, "BAK-KOR", "Korvapuusti", "Bakery", 390),
        "soup": add_product(memory_db, "FOO-BNS", "牛肉麵", "Food", 1450),
    }


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_catalogue(memory_db: Database, shop: dict[str, Product]) -> None:
    assert [p.name for p in list_products(memory_db)] == ["Korvapuusti", "Caffè latte",
                                                          "牛肉麵"]
    assert get_product(memory_db, shop["soup"].id).price_minor == 1450
    with pytest.raises(ValidationError) as info:
        add_product(memory_db, " ", "", "x", -1)
    assert set(info.value.fields) == {"sku", "name", "price"}
    with pytest.raises(NotFound):
        get_product(memory_db, 999)


def test_a_purchase_totals_its_lines_and_updates_the_facts(
    memory_db: Database, shop: dict[str, Product], fixed_clock: datetime
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="Aino Virtanen"))
    purchase = record_purchase(memory_db, customer.id,
                               [(shop["latte"].id, 2), (shop["bun"].id, 1)])
    assert purchase.total_minor == 2 * 450 + 390
    assert [(ln.name, ln.quantity, ln.unit_price_minor, ln.total_minor)
            for ln in purchase.lines] == [("Caffè latte", 2, 450, 900),
                                          ("Korvapuusti", 1, 390, 390)]
    after = get_customer(memory_db, customer.id)
    assert (after.visits, after.total_spend_minor, after.last_visit_at, after.tier) == (
        1, 1290, fixed_clock, "bronze")
    [page] = purchases_page(memory_db, customer.id)
    assert page == purchase


def test_the_tier_is_re_rated_as_spend_grows(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="Big Spender"))
    assert get_customer(memory_db, customer.id).tier == "new"
    record_purchase(memory_db, customer.id, [(shop["soup"].id, 20)])  # 290.00
    assert get_customer(memory_db, customer.id).tier == "bronze"
    record_purchase(memory_db, customer.id, [(shop["latte"].id, 3)])  # 303.50 in all
    assert get_customer(memory_db, customer.id).tier == "silver"


def test_an_older_purchase_does_not_move_the_last_visit_back(
    memory_db: Database, shop: dict[str, Product], fixed_clock: datetime
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1)])
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1)],
                    purchased_at=fixed_clock - timedelta(days=30))
    after = get_customer(memory_db, customer.id)
    assert after.last_visit_at == fixed_clock and after.visits == 2


def test_a_walk_in_purchase_touches_no_customer(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    purchase = record_purchase(memory_db, None, [(shop["latte"].id, 1)])
    assert purchase.customer_id is None and purchase.total_minor == 450
    assert get_customer(memory_db, customer.id).visits == 0


@pytest.mark.parametrize(
    ("items", "field"),
    [([], "items"), ([(1, 0)], "quantity"), ([(1, 1000)], "quantity"),
     ([(1, 1)] * 201, "items")],
)
def test_bad_purchases_write_nothing(
    memory_db: Database, shop: dict[str, Product], items: list[tuple[int, int]], field: str
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    with pytest.raises(ValidationError) as info:
        record_purchase(memory_db, customer.id, items)
    assert field in info.value.fields
    assert count(memory_db, "purchases") == 0


def test_unknown_product_or_customer_writes_nothing(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    with pytest.raises(NotFound):
        record_purchase(memory_db, customer.id, [(shop["latte"].id, 1), (999, 1)])
    with pytest.raises(NotFound):
        record_purchase(memory_db, 999, [(shop["latte"].id, 1)])
    assert (count(memory_db, "purchases"), count(memory_db, "purchase_items")) == (0, 0)
    assert get_customer(memory_db, customer.id).visits == 0


def test_a_receipt_is_recorded_once(memory_db: Database, shop: dict[str, Product]) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1)], receipt_id="R-1")
    with pytest.raises(ValidationError) as info:
        record_purchase(memory_db, customer.id, [(shop["bun"].id, 2)], receipt_id="R-1")
    assert "R-1" in info.value.fields["receipt_id"]
    assert count(memory_db, "purchases") == 1
    assert get_customer(memory_db, customer.id).visits == 1


def test_favourites_follow_the_quantities(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1), (shop["soup"].id, 1)])
    record_purchase(memory_db, customer.id, [(shop["latte"].id, 2)])
    record_purchase(memory_db, customer.id, [(shop["latte"].id, 1), (shop["bun"].id, 1)])
    assert [(f.name, f.quantity) for f in get_profile(memory_db, customer.id).favourites] == [
        ("Caffè latte", 3), ("Korvapuusti", 2), ("牛肉麵", 1)]
    memory_db.execute("DELETE FROM purchases WHERE id = 2")  # e.g. a voided receipt
    assert [(f.name, f.quantity) for f in get_profile(memory_db, customer.id).favourites] == [
        ("Korvapuusti", 2), ("Caffè latte", 1), ("牛肉麵", 1)]


def test_keyset_paging_returns_every_purchase_once_newest_first(
    memory_db: Database, shop: dict[str, Product], fixed_clock: datetime
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="Regular"))
    other = create_customer(memory_db, CustomerInput(name="Other"))
    for n in range(57):
        # several purchases share a moment: the id breaks the tie
        when = fixed_clock - timedelta(hours=n // 3)
        record_purchase(memory_db, customer.id, [(shop["latte"].id, 1 + n % 3)],
                        purchased_at=when)
    record_purchase(memory_db, other.id, [(shop["bun"].id, 1)])
    seen = []
    after = None
    while True:
        page = purchases_page(memory_db, customer.id, after=after, limit=10)
        if not page:
            break
        assert len(page) <= 10
        seen.extend(page)
        after = purchase_cursor(page[-1])
    assert len(seen) == 57 == len({p.id for p in seen})
    keys = [(p.purchased_at, p.id) for p in seen]
    assert keys == sorted(keys, reverse=True)
    assert all(p.customer_id == customer.id for p in seen)
    assert purchases_page(memory_db, 999) == []


@pytest.mark.sqlite_only("SQLite query plans via set_trace_callback")
def test_paging_reads_the_customer_index(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    customer = create_customer(memory_db, CustomerInput(name="A"))
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1)])
    statements: list[str] = []
    memory_db.conn.set_trace_callback(statements.append)
    try:
        first = purchases_page(memory_db, customer.id)
        purchases_page(memory_db, customer.id, after=purchase_cursor(first[-1]))
    finally:
        memory_db.conn.set_trace_callback(None)
    for sql in statements:
        plan = " | ".join(r[3] for r in memory_db.execute("EXPLAIN QUERY PLAN " + sql))
        assert not re.search(r"SCAN (purchases|purchase_items)\b", plan), plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan or "purchase_items" in sql, plan


def test_purchase_moments_are_stored_in_utc(
    memory_db: Database, shop: dict[str, Product]
) -> None:
    from zoneinfo import ZoneInfo

    customer = create_customer(memory_db, CustomerInput(name="A"))
    local = datetime(2026, 6, 1, 9, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
    record_purchase(memory_db, customer.id, [(shop["bun"].id, 1)], purchased_at=local)
    stored = memory_db.execute("SELECT purchased_at FROM purchases").fetchone()[0]
    assert stored == "2026-06-01T06:30:00+00:00"
    assert purchases_page(memory_db, customer.id)[0].purchased_at == local.astimezone(UTC)
