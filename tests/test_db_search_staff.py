"""Search as staff type it: words in any order, name with phone digits, local and
international numbers, and regulars first among equally good matches."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from db.customers.phones import phone_variants, region_from_locale
from db.customers.purchases import record_purchase
from db.customers.records import create_customer, search_customers, update_customer
from db.customers.search_index import customer_id_of, rank_key
from db.models import CustomerInput, ShopSettings
from db.settings import _seed_settings as save_settings

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def found(db: Database, query: str) -> list[str]:
    return [hit.name for hit in search_customers(db, query)]


def set_visit(db: Database, customer_id: int, days_ago: int, visits: int) -> None:
    when = (datetime(2026, 11, 23, 12, tzinfo=UTC) - timedelta(days=days_ago)).isoformat()
    with db.conn:
        db.execute("UPDATE customers SET last_visit_at = ?, visits = ? WHERE id = ?",
                   [when, visits, customer_id])


@pytest.mark.parametrize("query", ["carter emily", "emily carter", "Carter, Emily",
                                   "car emi", "em carter", "CARTER E"])
def test_words_in_any_order(memory_db: Database, fixed_clock: object, query: str) -> None:
    create_customer(memory_db, CustomerInput(name="Emily Carter"))
    create_customer(memory_db, CustomerInput(name="Emily Walker"))
    create_customer(memory_db, CustomerInput(name="Carter Hall"))
    assert found(memory_db, query) == ["Emily Carter"]


def test_name_and_phone_digits_in_one_query(memory_db: Database, fixed_clock: object) -> None:
    create_customer(memory_db, CustomerInput(name="Wang Wei", phone="+86 138 1234 4567"))
    create_customer(memory_db, CustomerInput(name="Wang Fang", phone="+86 138 1234 1111"))
    create_customer(memory_db, CustomerInput(name="Li Na", phone="+86 139 0000 4567"))
    create_customer(memory_db, CustomerInput(name="王伟", phone="0912 334 567"))
    assert found(memory_db, "wang 4567") == ["Wang Wei"]
    assert found(memory_db, "4567 wang") == ["Wang Wei"]
    assert found(memory_db, "wa 4567") == ["Wang Wei"]
    assert found(memory_db, "li 4567") == ["Li Na"]
    assert found(memory_db, "王 567") == ["王伟"]
    assert found(memory_db, "wang 9999") == []


@pytest.mark.parametrize(
    ("locale", "stored", "typed"),
    [
        ("en_GB", "+44 7700 900123", "07700 900123"),
        ("en_GB", "07700 900123", "+44 7700 900123"),
        ("fi_FI", "+358 40 123 4567", "040 123 4567"),
        ("fi_FI", "040 123 4567", "+358 40 123 4567"),
        ("fi_FI", "040 123 4567", "00358 40 123 4567"),
        ("zh_TW", "+886 912 345 678", "0912-345-678"),
        ("zh_TW", "0912-345-678", "+886 912 345 678"),
        ("zh_TW", "0912 345 678", "886912345678"),
    ],
)
def test_a_local_number_finds_the_international_one_and_back(
    memory_db: Database, fixed_clock: object, locale: str, stored: str, typed: str
) -> None:
    save_settings(memory_db, replace(ShopSettings(), locale=locale))
    create_customer(memory_db, CustomerInput(name="Phone Person", phone=stored))
    create_customer(memory_db, CustomerInput(name="Someone Else", phone="+1 202 555 0100"))
    assert found(memory_db, typed) == ["Phone Person"]
    # typed in pieces, as staff do, the number is still found in both forms
    assert "Phone Person" in found(memory_db, typed[: len(typed) - 3])


def test_phone_variants_use_the_shops_country() -> None:
    assert region_from_locale("fi_FI") == "FI"
    assert region_from_locale("zh_Hant_TW") == "TW"
    assert region_from_locale("en-GB") == "GB"
    assert phone_variants("040 123 4567", "FI") == ("0401234567", "358401234567")
    assert phone_variants("0912-345-678", "TW") == ("0912345678", "886912345678")
    assert phone_variants("+44 7700 900123", "FI") == ("447700900123", "07700900123")
    assert phone_variants("12", "FI") == ("12",)


def test_editing_the_phone_reindexes_every_form(memory_db: Database, fixed_clock: object) -> None:
    save_settings(memory_db, replace(ShopSettings(), locale="en_GB"))
    person = create_customer(memory_db, CustomerInput(name="Moving Mo", phone="07700 900123"))
    update_customer(memory_db, person.id, replace(person.to_input(), phone="07700 900999"))
    assert found(memory_db, "+44 7700 900999") == ["Moving Mo"]
    assert found(memory_db, "+44 7700 900123") == []


def test_regulars_come_first_not_the_lowest_ids(memory_db: Database, fixed_clock: object) -> None:
    """260 Annas, more than the 200 candidates: the one at the counter is the newest."""
    ids = [create_customer(memory_db, CustomerInput(name=f"Anna Laine {n}")).id
           for n in range(260)]
    regular = ids[-1]
    set_visit(memory_db, regular, days_ago=2, visits=30)
    set_visit(memory_db, ids[100], days_ago=40, visits=3)
    for query in ("anna", "an", "anna lai", "laine anna", "a"):
        hits = search_customers(memory_db, query)
        assert [h.id for h in hits[:2]] == [regular, ids[100]], query


def test_same_day_more_visits_first_and_better_matches_before_regulars(
    memory_db: Database, fixed_clock: object
) -> None:
    rare = create_customer(memory_db, CustomerInput(name="Tom Hanna")).id
    few = create_customer(memory_db, CustomerInput(name="Hanna Salo")).id
    many = create_customer(memory_db, CustomerInput(name="Hanna Virtanen")).id
    exact = create_customer(memory_db, CustomerInput(name="Hanna")).id
    set_visit(memory_db, rare, days_ago=0, visits=90)
    set_visit(memory_db, few, days_ago=1, visits=2)
    set_visit(memory_db, many, days_ago=1, visits=12)
    # the exact name, then names that start with it (more visits first on the same day),
    # then a word that starts with it, however regular that customer is
    assert [h.id for h in search_customers(memory_db, "hanna")] == [exact, many, few, rare]


def test_a_purchase_moves_the_customer_up(memory_db: Database, fixed_clock: object) -> None:
    first = create_customer(memory_db, CustomerInput(name="Matti Virtanen")).id
    second = create_customer(memory_db, CustomerInput(name="Matti Virtanen")).id
    memory_db.execute("INSERT INTO products(sku, name, price_minor) VALUES ('X', 'Tea', 300)")
    assert [h.id for h in search_customers(memory_db, "matti")] == [first, second]
    record_purchase(memory_db, second, [(1, 1)])
    for query in ("matti", "mat", "ma", "virtanen m", "matti v"):
        assert search_customers(memory_db, query)[0].id == second, query


def test_rank_key_matches_the_sql_trigger(memory_db: Database, fixed_clock: object) -> None:
    person = create_customer(memory_db, CustomerInput(name="Key Keeper"))
    set_visit(memory_db, person.id, days_ago=3, visits=7)
    row = memory_db.execute("SELECT last_visit_at, visits FROM customers WHERE id = ?",
                            [person.id]).fetchone()
    key = rank_key(person.id, row[0], row[1])
    assert customer_id_of(key) == person.id
    [(fts_key,)] = memory_db.execute("SELECT rowid FROM customer_fts").fetchall()
    assert fts_key == key
    assert {k for (k,) in memory_db.execute("SELECT rank_key FROM customer_terms")} == {key}


def test_the_same_number_written_another_way_is_warned_about(
    memory_db: Database, fixed_clock: object
) -> None:
    from db.customers.records import customers_with_phone

    save_settings(memory_db, replace(ShopSettings(), locale="en_GB"))
    emily = create_customer(memory_db, CustomerInput(name="Emily", phone="+44 7700 900123"))
    assert [h.id for h in customers_with_phone(memory_db, "07700 900123")] == [emily.id]
    assert customers_with_phone(memory_db, "07700 900123", exclude_id=emily.id) == []
    assert customers_with_phone(memory_db, "07700 900999") == []
