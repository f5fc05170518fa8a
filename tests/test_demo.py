"""The demo database: deterministic, realistic, and every fact the issue asks for."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.customers import tiers
from db.customers.records import birthdays_between, search_customers
from db.demo import STAFF, build_demo
from db.security.pins import verify_pin
from db.store.connection import open_database
from db.text import has_cjk
from tests.conftest import TEST_KEY
from tests.service_data_support import use_test_key

TODAY = date(2026, 11, 23)
TABLES = ("customers", "customer_terms", "products", "purchases", "purchase_items",
          "customer_items", "settings", "complaints")


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    content = {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    # PIN hashes have random salts, and the audit chain hashes them: compare the rest
    content["settings"] = [row for row in content["settings"] if row[0] != "audit.head"]
    # voucher codes come from `secrets` on purpose: everything else must repeat
    content["vouchers"] = db.execute(
        "SELECT id, value_minor, expires_on, customer_id, complaint_id, issued_at, redeemed_at "
        "FROM vouchers ORDER BY id").fetchall()
    content["audit"] = db.execute(
        "SELECT id, at, actor_id, action, entity, entity_id FROM audit_log ORDER BY id"
    ).fetchall()
    content["staff"] = db.execute(
        "SELECT id, name, role, limit_minor, active FROM staff ORDER BY id").fetchall()
    content["fts"] = db.execute("SELECT rowid, doc FROM customer_fts ORDER BY rowid").fetchall()
    return content


@pytest.fixture(scope="module")
def demo() -> Database:
    from datetime import UTC, datetime

    from db import clock

    clock.set_clock(lambda: datetime(2026, 11, 23, 12, tzinfo=UTC))
    db = open_database(":memory:")
    use_test_key(db)  # the key file is in every test's config folder
    build_demo(db, today=TODAY)
    clock.set_clock(None)
    return db


def test_same_seed_same_database_other_seed_other_people(
    demo: Database, fixed_clock: object
) -> None:
    again, other = open_database(":memory:"), open_database(":memory:")
    build_demo(again, today=TODAY)  # the fixture's seed and size
    build_demo(other, customers=60, seed=8, today=TODAY)
    assert dump(again) == dump(demo)
    ours = dump(demo)
    theirs = dump(other)
    assert theirs["customers"] != ours["customers"][:60]
    assert theirs["purchases"] != ours["purchases"][: len(theirs["purchases"])]


def test_names_and_languages_match_in_four_languages(demo: Database) -> None:
    rows = demo.execute("SELECT name, language, preferences FROM customers").fetchall()
    assert len(rows) == 400
    languages = {lang for _n, lang, _p in rows}
    assert languages == {"en", "fi", "zh-TW", "zh-CN"}
    for name, language, preferences in rows:
        assert has_cjk(name) == language.startswith("zh"), (name, language)
        if preferences and language.startswith("zh"):
            assert has_cjk(preferences), (name, preferences)
    finnish = " ".join(n for n, lang, _p in rows if lang == "fi")
    assert {"ä", "ö", "Å"} <= set(finnish)
    traditional = " ".join(n for n, lang, _p in rows if lang == "zh-TW")
    simplified = " ".join(n for n, lang, _p in rows if lang == "zh-CN")
    assert any(c in traditional for c in "陳黃張劉鄭謝")
    assert any(c in simplified for c in "张刘陈杨赵黄")


def test_birthdays_allergies_tags_personalities_and_consent(demo: Database) -> None:
    def one(sql: str) -> int:
        return int(demo.execute(sql).fetchone()[0])

    assert one("SELECT count(*) FROM customers WHERE birth_month IS NOT NULL "
               "AND birth_year IS NOT NULL") > 50
    assert one("SELECT count(*) FROM customers WHERE birth_month IS NOT NULL "
               "AND birth_year IS NULL") > 50
    assert one("SELECT count(*) FROM customers WHERE birth_month IS NULL") > 10
    assert one("SELECT count(*) FROM customers WHERE birth_month = 2 AND birth_day = 29") >= 1
    week = birthdays_between(demo, TODAY, 7, consenting_only=False)
    assert len(week) >= 5
    assert any(entry.on == TODAY for entry in week)
    assert one("SELECT count(*) FROM customers WHERE allergens != '[]'") > 30
    assert one("SELECT count(*) FROM customers WHERE allergies != '[]'") > 10  # free text
    assert one("SELECT count(*) FROM customers WHERE tags != '[]'") > 100
    personalities = {r[0] for r in demo.execute("SELECT DISTINCT personality FROM customers")}
    assert personalities == {None, "lively", "decisive", "steady", "analytical"}
    consent = one("SELECT sum(consent_contact) FROM customers")
    assert 150 < consent < 380
    assert one("SELECT count(*) FROM customers WHERE family_dates != '[]'") > 10


def test_catalogue_and_two_years_of_purchases(demo: Database) -> None:
    products = demo.execute("SELECT count(*), min(price_minor) FROM products").fetchone()
    assert 25 <= products[0] <= 35 and products[1] > 0
    first, last = demo.execute(
        "SELECT min(purchased_at), max(purchased_at) FROM purchases").fetchone()
    assert first >= (TODAY - timedelta(days=731)).isoformat()
    assert last <= (TODAY + timedelta(days=1)).isoformat()
    assert date.fromisoformat(last[:10]) - date.fromisoformat(first[:10]) > timedelta(days=700)
    assert demo.execute("SELECT count(*) FROM purchases").fetchone()[0] > 3000


def test_every_customers_facts_match_their_purchases(demo: Database) -> None:
    rows = demo.execute(
        """
        SELECT c.visits, c.total_spend_minor, c.last_visit_at, c.tier,
               count(p.id), coalesce(sum(p.total_minor), 0), max(p.purchased_at)
        FROM customers c LEFT JOIN purchases p ON p.customer_id = c.id GROUP BY c.id
        """
    ).fetchall()
    for visits, spend, last, tier, n, total, latest in rows:
        assert (visits, spend, last) == (n, total, latest)
        assert tier == tiers.rate(spend, visits)
    assert {r[3] for r in rows} >= {"new", "bronze", "silver", "gold", "platinum"}
    totals = demo.execute(
        "SELECT p.total_minor, sum(i.quantity * i.unit_price_minor) FROM purchases p "
        "JOIN purchase_items i ON i.purchase_id = p.id GROUP BY p.id").fetchall()
    assert all(a == b for a, b in totals)


def test_staff_of_each_role_with_the_documented_pins(demo: Database) -> None:
    rows = demo.execute("SELECT name, role, limit_minor, pin_hash FROM staff").fetchall()
    assert {r[1] for r in rows} == {"staff", "supervisor", "manager"}
    by_name = {r[0]: r for r in rows}
    for name, role, pin, _limit in STAFF:
        assert by_name[name][1] == role
        assert verify_pin(pin, by_name[name][3], TEST_KEY)  # hashed with the shop key
        assert not verify_pin(pin, by_name[name][3])  # the file alone is not enough
        assert pin not in by_name[name][3]
    assert by_name["Sami Supervisor"][2] == 5000
    assert by_name["Maria Manager"][2] == 50_000  # the manager limit from settings


def test_showcase_customers_are_findable(demo: Database) -> None:
    assert search_customers(demo, "陳美玲")[0].customer_no == "C000001"
    assert search_customers(demo, "王伟")[0].customer_no == "C000002"
    assert search_customers(demo, "paivi jarvinen")[0].name == "Päivi Järvinen"


def test_demo_command_refuses_to_overwrite_without_force(
    tmp_path: Path, fixed_clock: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    open_database(path).close()  # an existing but empty database is fine to fill
    assert main(["demo", "--db", str(path), "--customers", "30", "--seed", "2"]) == 0
    out, err = capsys.readouterr()
    assert "30 customers" in out and "Maria Manager" in out and "9999" in out
    assert "demo: customers" in err
    assert main(["demo", "--db", str(path), "--customers", "40"]) == 2
    assert "--force" in capsys.readouterr().err
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 30
    db.close()
    assert main(["demo", "--db", str(path), "--customers", "40", "--force"]) == 0
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 40
    assert db.execute("SELECT count(*) FROM staff").fetchone()[0] == len(STAFF)
    db.close()
    assert main(["demo", "--db", str(path), "--customers", "-1"]) == 2
