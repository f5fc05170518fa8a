"""Hostile text: NUL, control characters and bidi overrides never reach the database.

Typed or imported text goes through `db.text.clean_text` (customers, complaints with
their lines and promises, follow-ups, refusal reasons, imports, products, letters); staff
names and shop settings refuse it with a message. Search ignores zero-width characters
and a NUL in a query finds no one instead of raising.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db.customers.purchases import add_product
from db.customers.records import create_customer, get_customer, search_customers, update_customer
from db.errors import ValidationError
from db.imports.importer import import_customers
from db.models import CustomerInput, FamilyDate, ShopSettings
from db.service.compensation import refuse
from db.service.follow_ups import add_promise, close_follow_up
from db.service.models import ComplaintInput, FollowUpClose, PromiseInput
from db.settings import _seed_settings as save_settings
from db.settings import settings_problems
from db.text import clean_fields, clean_text, has_forbidden, needs_cleaning
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    make_complaint,
    make_team,
    voucher_line,
)
from tests.service_data_support import seed_staff as insert_staff

NASTY = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u202a\u202b\u202c\u202d\u202e" \
        "\u2066\u2067\u2068\u2069\ud800"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def hostile(text: str) -> str:
    """`text` with every forbidden character spliced in after its first letter."""
    return text[:1] + NASTY + text[1:]


def test_clean_text_removes_controls_and_bidi_and_keeps_lines_and_tabs() -> None:
    assert clean_text(hostile("Anna")) == "Anna"
    assert clean_text("one\r\ntwo\rthree\u2028four\tfive") == "one\ntwo\nthree\nfour\tfive"
    assert clean_text("Ann\u200ba") == "Ann\u200ba"  # zero-width kept, search ignores it
    assert clean_text("Mäkinen 王小明") == "Mäkinen 王小明"
    assert has_forbidden("a\u202eb") and has_forbidden("a\x00") and not has_forbidden("a\r\nb")


def test_clean_fields_walks_records_lines_and_promises() -> None:
    data = ComplaintInput(taken_by=1, problem=hostile("Cold soup"),
                          lines=[voucher_line(100)], promise=PromiseInput(hostile("Call"), 1))
    data.lines[0] = replace(data.lines[0], description=hostile("Next visit"))
    clean = clean_fields(data)
    assert clean.problem == "Cold soup" and clean.lines[0].description == "Next visit"
    assert clean.promise is not None and clean.promise.promise == "Call"


def _scan(db: Database) -> list[tuple[str, str, str]]:
    """Every text value in every table that holds a forbidden character."""
    found = []
    for table in db.table_names():
        if table.startswith(("customer_fts", "sqlite_")):
            continue
        columns = [r[1] for r in db.execute(f"PRAGMA table_info([{table}])")]
        for row in db.execute(f"SELECT * FROM [{table}]"):
            for column, value in zip(columns, row, strict=True):
                if isinstance(value, str) and FORBIDDEN.search(value):
                    found.append((table, column, value))
    return found


def test_nothing_hostile_reaches_any_table(fresh_db: Database, tmp_path: Path) -> None:
    """Every path that takes text from a person or a file, then one scan of every table."""
    db = fresh_db
    team = make_team(db)
    customer = create_customer(db, CustomerInput(
        name=hostile("Anna Virtanen"), phone=hostile("040 123 4567"),
        email=hostile("anna@example.com"), preferences=hostile("Window seat\nquiet"),
        allergies=[hostile("peanuts"), hostile("kiwi")], tags=[hostile("regular")],
        family_dates=[FamilyDate(label=hostile("Wedding"), month=6, day=14)],
        external_id=hostile("EXT-1")))
    stored = get_customer(db, customer.id)
    assert (stored.name, stored.phone, stored.email) == ("Anna Virtanen", "040 123 4567",
                                                         "anna@example.com")
    assert stored.preferences == "Window seat\nquiet"
    # "peanuts" names an EU allergen, so it is stored as the code; "kiwi" stays free text
    assert stored.allergens == ("peanuts",) and stored.allergies == ("kiwi",)
    assert stored.family_dates[0].label == "Wedding"
    update_customer(db, customer.id, replace(stored.to_input(), name=hostile("Anna V")))
    complaint = make_complaint(
        db, team, replace(voucher_line(1200), description=hostile("Next visit")),
        problem=hostile("The soup was cold."), staff_account=hostile("Kitchen late"),
        walk_in_name="", customer_request=hostile("A voucher"),
        promise=PromiseInput(hostile("Call back"), team.clerk.id))
    assert complaint.problem == "The soup was cold."
    refuse(db, complaint.id, SUPERVISOR_PIN, CONSOLE, hostile("Not this time"))
    follow_up = add_promise(db, complaint.id, PromiseInput(hostile("Check"), team.clerk.id),
                            team.clerk.id)
    close_follow_up(db, follow_up.id, FollowUpClose(outcome=hostile("Happy"), satisfaction=5,
                                                     would_change=hostile("Nothing")),
                    team.clerk.id)
    add_product(db, hostile("SKU-1"), hostile("Soup"), hostile("Food"), 500)
    in_file = "external_id,name,preferences\nX1,Imported Person,Tea\n".replace(
        "Imported", hostile("Imported")).replace("Tea", hostile("Tea")).replace("\ud800", "")
    import_customers(db, in_file.encode())  # a file cannot hold a lone surrogate
    assert _scan(db) == []
    assert search_customers(db, "imported person")[0].name == "Imported Person"


def test_staff_names_and_settings_with_control_characters_are_refused(
    fresh_db: Database,
) -> None:
    with pytest.raises(ValidationError) as info:
        insert_staff(fresh_db, "Maria \u202eManager", "manager")
    assert "name" in info.value.fields
    bad = replace(ShopSettings(), shop_name="Café\x00", address="Street 1\u2066")
    assert set(settings_problems(bad)) >= {"shop_name", "address"}
    with pytest.raises(ValidationError):
        save_settings(fresh_db, bad)
    assert settings_problems(replace(ShopSettings(), address="Street 1\nHelsinki")) == {}


def test_search_ignores_zero_width_characters(fresh_db: Database) -> None:
    """Found this way: "anna" did not find "Ann\\u200ba"."""
    anna = create_customer(fresh_db, CustomerInput(name="Ann\u200ba Lind\u2060qvist"))
    for query in ("anna", "an", "lindqvist", "anna lind", "ann\u200ba"):
        assert [h.id for h in search_customers(fresh_db, query)] == [anna.id], query


def test_a_nul_in_a_search_query_finds_no_one(fresh_db: Database) -> None:
    """Found this way: an uncaught OperationalError (unterminated string)."""
    create_customer(fresh_db, CustomerInput(name="Anna"))
    for query in ("ann\x00a", "\x00", "an\x00", "a\x00b", "anna\u202e", "\x1b[2J"):
        assert search_customers(fresh_db, query) == [], repr(query)


def test_customers_indexed_before_zero_width_was_ignored_are_reindexed(
    tmp_path: Path,
) -> None:
    from db.store.connection import open_database
    from db.store.migrations import migrations

    path = tmp_path / "old.sqlite"
    db = open_database(path, migrate=False)
    migrations.apply(db, stop_before="m006_search_ignores_zero_width")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_search_ignores_zero_width'")
    # A customer written by that older version, in its schema (later migrations add
    # columns the data API now needs), indexed with the zero-width space kept: not findable.
    now = "2026-01-05T10:00:00+00:00"
    anna = db.execute(
        "INSERT INTO customers(customer_no, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        ["C-000001", "Ann\u200ba", now, now]).lastrowid
    db.execute("DELETE FROM customer_fts")
    db.execute("DELETE FROM customer_terms")
    db.execute("INSERT INTO customer_fts(rowid, doc) VALUES (?, 'ann\u200ba')", [anna])
    db.conn.commit()
    assert db.execute("SELECT count(*) FROM customer_fts WHERE doc MATCH '\"anna\"'"
                      ).fetchone()[0] == 0
    db.close()
    # Opening migrates: m006 is now empty and m003_search_regulars_first rebuilds every
    # customer's keys through the ranked index with the zero-width rule.
    db = open_database(path)
    assert [h.id for h in search_customers(db, "anna")] == [anna]
    assert [h.id for h in search_customers(db, "ann")] == [anna]
    assert search_customers(db, "ann\u200ba")[0].id == anna
    db.close()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(
    ["\x00", "\r", "\n", "\t", "\u2028", "\u202e", "\u200b", "\x7f"]), max_size=30))
def test_a_row_is_scanned_once_and_cleaned_only_when_cleaning_changes_it(text: str) -> None:
    # The import reader cleans a row's cells only when the whole row needs it.
    assert needs_cleaning(text) == (clean_text(text) != text)
