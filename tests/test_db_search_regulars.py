"""Regulars first: search ranks customers who share a name by how often and how lately
they come (a frecency score, `db.customers.search_index`), so the person at the counter is near the
top after a few letters."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from db.customers.purchases import record_purchase
from db.customers.records import create_customer, search_customers
from db.customers.search_index import (
    current_key,
    estimated_score,
    key_for_score,
    visit_score,
)
from db.models import CustomerInput
from db.store.connection import _log2, _pow
from db.store.migrations import migrations

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def _product(db: Database) -> int:
    db.execute("INSERT INTO products(sku, name, price_minor) VALUES ('T', 'Tea', 300)")
    return int(db.execute("SELECT id FROM products WHERE sku = 'T'").fetchone()[0])


def _visits(db: Database, now: datetime, name: str, days_ago: list[int]) -> int:
    """A customer who bought something on each of these days (oldest first)."""
    customer = create_customer(db, CustomerInput(name=name)).id
    product = int(db.execute("SELECT id FROM products LIMIT 1").fetchone()[0])
    for ago in sorted(days_ago, reverse=True):
        record_purchase(db, customer, [(product, 1)], purchased_at=now - timedelta(days=ago))
    return customer


def _ids(db: Database, query: str) -> list[int]:
    return [hit.id for hit in search_customers(db, query)]


def test_a_weekly_regular_outranks_a_one_off_guest_from_yesterday(
    memory_db: Database, fixed_clock: datetime
) -> None:
    _product(memory_db)
    one_off = _visits(memory_db, fixed_clock, "Aino Koskinen", [1])
    regular = _visits(memory_db, fixed_clock, "Aino Korhonen", [3 + 7 * w for w in range(10)])
    for query in ("a", "ai", "aino", "aino k", "aino ko", "ko"):
        assert _ids(memory_db, query)[:2] == [regular, one_off], query


def test_a_guest_from_today_outranks_a_regular_gone_for_months(
    memory_db: Database, fixed_clock: datetime
) -> None:
    _product(memory_db)
    lapsed = _visits(memory_db, fixed_clock, "Emily Carter",
                     [120 + 7 * w for w in range(20)])
    today = _visits(memory_db, fixed_clock, "Emily Carson", [0])
    assert _ids(memory_db, "emily car")[:2] == [today, lapsed]
    assert _ids(memory_db, "emily")[:2] == [today, lapsed]


def test_among_single_visits_the_most_recent_comes_first(
    memory_db: Database, fixed_clock: datetime
) -> None:
    _product(memory_db)
    older = _visits(memory_db, fixed_clock, "陳美玲", [9])
    newer = _visits(memory_db, fixed_clock, "陳美玲", [2])
    never = create_customer(memory_db, CustomerInput(name="陳美玲")).id
    assert _ids(memory_db, "陳美玲") == [newer, older, never]
    assert _ids(memory_db, "陳") == [newer, older, never]


def test_the_score_counts_each_visit_on_its_day(
    memory_db: Database, fixed_clock: datetime
) -> None:
    _product(memory_db)
    days = [40, 30, 9, 2]
    customer = _visits(memory_db, fixed_clock, "Kalle Aho", days)
    stored = memory_db.execute("SELECT search_score FROM customers WHERE id = ?",
                               [customer]).fetchone()[0]
    expected = visit_score([(fixed_clock - timedelta(days=d)).isoformat() for d in days])
    assert expected is not None
    assert stored == pytest.approx(expected, abs=1e-9)
    key = current_key(memory_db, customer)
    assert key == key_for_score(customer, stored)
    assert memory_db.execute("SELECT rowid FROM customer_fts").fetchall() == [(key,)]
    assert {k for (k,) in memory_db.execute("SELECT rank_key FROM customer_terms")} == {key}


def test_visits_known_only_as_a_count_are_taken_as_weekly(
    memory_db: Database, fixed_clock: datetime
) -> None:
    """An import that sets twelve visits at once: weekly up to the last visit, so more than
    a single visit on that day and less than twelve on it."""
    imported = create_customer(memory_db, CustomerInput(name="Matti Mäki")).id
    one_off = create_customer(memory_db, CustomerInput(name="Matti Mäkelä")).id
    last = (fixed_clock - timedelta(days=5)).isoformat()
    with memory_db.conn:
        memory_db.execute("UPDATE customers SET visits = 12, last_visit_at = ? WHERE id = ?",
                          [last, imported])
        memory_db.execute("UPDATE customers SET visits = 1, last_visit_at = ? WHERE id = ?",
                          [(fixed_clock - timedelta(days=2)).isoformat(), one_off])
    stored = memory_db.execute("SELECT search_score FROM customers WHERE id = ?",
                               [imported]).fetchone()[0]
    assert stored == pytest.approx(estimated_score(last, 12), abs=1e-9)
    assert visit_score([last]) < stored < visit_score([last] * 12)  # type: ignore[operator]
    assert _ids(memory_db, "matti mak") == [imported, one_off]


@pytest.mark.sqlite_only("removes SQLite's math functions")
def test_the_score_is_the_same_without_sqlite_math_functions(
    memory_db: Database, fixed_clock: datetime
) -> None:
    """An SQLite built without `pow` and `log2` gets them from Python (`ensure_math_functions`)
    and computes the same score."""
    _product(memory_db)
    builtin = _visits(memory_db, fixed_clock, "Ville Virta", [20, 6, 1])
    memory_db.conn.create_function("pow", 2, _pow, deterministic=True)
    memory_db.conn.create_function("log2", 1, _log2, deterministic=True)
    python = _visits(memory_db, fixed_clock, "Ville Virta", [20, 6, 1])
    scores = dict(memory_db.execute("SELECT id, search_score FROM customers").fetchall())
    assert scores[python] == pytest.approx(scores[builtin], abs=1e-12)


def test_an_existing_database_gets_scores_from_its_purchases() -> None:
    """`m016_search_frecency` on a database indexed by the older key: scores from each
    customer's purchases, the index re-keyed, and the trigger working afterwards."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m016_search_frecency")
    db.execute("DROP TRIGGER customers_search_rank")  # an older database: another trigger
    now = datetime.fromisoformat("2026-11-23T12:00:00+00:00")
    people = {1: ("Aino Korhonen", [1]), 2: ("Aino Korpela", [3, 10, 17, 24, 31]),
              3: ("Aino Koski", [])}
    for cid, (name, days) in people.items():
        last = (now - timedelta(days=min(days))).isoformat() if days else None
        db.execute("INSERT INTO customers (id, customer_no, name, visits, last_visit_at, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [cid, f"C{cid:06d}", name, len(days), last, now.isoformat(),
                    now.isoformat()])
        for ago in days:
            db.execute("INSERT INTO purchases (customer_id, purchased_at, total_minor, "
                       "created_at) VALUES (?, ?, 300, '')",
                       [cid, (now - timedelta(days=ago)).isoformat()])
        old_key = (cid * 7 << 26) | cid  # whatever the older key was: the id is its low bits
        db.execute("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)",
                   [old_key, name.lower()])
        for term in {name.lower().split()[0], "ai", "a"}:
            db.execute("INSERT INTO customer_terms(term, rank_key) VALUES (?, ?)",
                       [term, old_key])
    migrations.apply(db)
    keys = {cid: current_key(db, cid) for cid in people}
    assert sorted(k for (k,) in db.execute("SELECT rowid FROM customer_fts")) == sorted(
        keys.values())
    assert {k for (k,) in db.execute("SELECT rank_key FROM customer_terms")} == set(
        keys.values())
    assert _ids(db, "aino") == [2, 1, 3]
    assert _ids(db, "ai") == [2, 1, 3]
    db.execute("INSERT INTO products(sku, name, price_minor) VALUES ('T', 'Tea', 300)")
    for _ in range(6):
        record_purchase(db, 3, [(1, 1)], purchased_at=now)
    assert _ids(db, "aino") == [3, 2, 1]
    assert [k for (k,) in db.execute("SELECT rowid FROM customer_fts ORDER BY rowid")][0] == \
        current_key(db, 3)


def test_several_visits_added_at_once_count_as_weekly_up_to_the_last(
    memory_db: Database, fixed_clock: datetime
) -> None:
    """An import adding three visits to a customer seen 20 days ago, the last 2 days ago:
    counted on days 2, 9 and 16 ago, beside the visit already on record."""
    _product(memory_db)
    customer = _visits(memory_db, fixed_clock, "Outi Oja", [20])

    def ago(days: int) -> str:
        return (fixed_clock - timedelta(days=days)).isoformat()

    with memory_db.conn:
        memory_db.execute("UPDATE customers SET visits = visits + 3, last_visit_at = ? "
                          "WHERE id = ?", [ago(2), customer])
    stored = memory_db.execute("SELECT search_score FROM customers WHERE id = ?",
                               [customer]).fetchone()[0]
    assert stored == pytest.approx(visit_score([ago(d) for d in (20, 16, 9, 2)]), abs=1e-9)
    assert current_key(memory_db, customer) == memory_db.execute(
        "SELECT rowid FROM customer_fts").fetchone()[0]


def test_the_demo_shop_ranks_by_every_purchase(memory_db: Database) -> None:
    """The demo writes purchases in bulk: each customer's score is still the one of their
    purchases, and the index is keyed by it."""
    from datetime import date

    from db.demo import build_demo

    build_demo(memory_db, customers=60, today=date(2026, 11, 23))
    days: dict[int, list[str]] = {}
    for cid, at in memory_db.execute("SELECT customer_id, purchased_at FROM purchases"):
        days.setdefault(cid, []).append(at)
    rows = memory_db.execute("SELECT id, search_score FROM customers").fetchall()
    assert any(len(d) > 10 for d in days.values())
    for cid, stored in rows:
        expected = visit_score(days.get(cid, []))
        assert stored == (pytest.approx(expected, abs=1e-9) if expected is not None else None)
    keys = {current_key(memory_db, cid) for cid, _score in rows}
    assert {k for (k,) in memory_db.execute("SELECT rowid FROM customer_fts")} == keys
    assert {k for (k,) in memory_db.execute("SELECT DISTINCT rank_key FROM customer_terms")} \
        == keys


def test_a_visit_before_1970_keeps_the_key_in_range(memory_db: Database) -> None:
    """A mistyped year (1960) gives a negative score, taken as 0: no overflow, still found."""
    person = create_customer(memory_db, CustomerInput(name="Vanha Vierailija")).id
    with memory_db.conn:
        memory_db.execute("UPDATE customers SET visits = 1, last_visit_at = ? WHERE id = ?",
                          ["1960-01-01T12:00:00+00:00", person])
    key = current_key(memory_db, person)
    assert key is not None and 0 < key < 2**63
    assert key == key_for_score(person, estimated_score("1960-01-01", 1))
    assert memory_db.execute("SELECT rowid FROM customer_fts").fetchone()[0] == key
    assert _ids(memory_db, "vanha") == [person]
