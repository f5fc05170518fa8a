"""`counterpart db upgrade URL`: a server database made by an earlier Counterpart gets the
schema steps it lacks, once, by its owner; tills refuse the older schema until then."""

from __future__ import annotations

import psycopg
import pytest
from sqlite_utils import Migrations

from console.cli import main
from db.customers.records import create_customer
from db.customers.search import search_customers
from db.errors import DatabaseTooNew
from db.models import CustomerInput
from db.store.connection import open_database
from db.store.engines.postgres_schema import TILL_ROLE
from db.store.engines.postgres_upgrade import upgrade_database


def _as_before_step_20(url: str) -> None:
    """The database as a Counterpart without schema step 20 (customers' client keys) made it."""
    with psycopg.connect(url) as raw:
        raw.execute("DROP INDEX customers_client_key")
        raw.execute("ALTER TABLE customers DROP COLUMN client_key")
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm020_customer_client_keys'")


def test_an_older_server_schema_is_refused_then_upgraded_once(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _as_before_step_20(pg_url)
    with pytest.raises(DatabaseTooNew, match="counterpart db upgrade URL"):
        open_database(pg_url)
    capsys.readouterr()
    assert main(["db", "upgrade", pg_url]) == 0
    assert "m020_customer_client_keys" in capsys.readouterr().out
    db = open_database(pg_url)  # the tills open it again
    try:
        first = create_customer(db, CustomerInput(name="Aino Virtanen"), client_key="k-1")
        again = create_customer(db, CustomerInput(name="Aino Virtanen"), client_key="k-1")
        assert again.id == first.id  # the step's unique index is there: a retry is one customer
    finally:
        db.close()
    with psycopg.connect(pg_url) as raw:  # made by an earlier build: without the new search
        raw.execute("DROP FUNCTION counterpart_fts_top")
        raw.execute("DROP INDEX customer_fts_head")
    assert main(["db", "upgrade", pg_url]) == 0
    assert "nothing to do" in capsys.readouterr().out
    db = open_database(pg_url)
    try:
        assert [h.name for h in search_customers(db, "aino")] == ["Aino Virtanen"]
    finally:
        db.close()


def test_a_step_that_adds_a_table_gives_it_ids_keys_and_the_tills_grants(pg_url: str) -> None:
    steps = Migrations("counterpart")

    @steps()
    def m099_till_notes(db: object) -> None:
        db.execute(  # type: ignore[attr-defined]
            "CREATE TABLE till_notes (id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL "
            "REFERENCES staff(id), note TEXT NOT NULL CHECK (length(note) > 0))")
        db.execute("CREATE INDEX till_notes_staff ON till_notes(staff_id)")  # type: ignore[attr-defined]

    assert upgrade_database(pg_url, steps._migrations) == ["m099_till_notes"]
    with psycopg.connect(pg_url) as raw:
        staff_id = raw.execute("INSERT INTO staff (name, role, created_at) VALUES "
                               "('Aino', 'staff', '2026-11-30') RETURNING id").fetchone()
        assert staff_id is not None
        raw.execute(f"SET ROLE {TILL_ROLE}")
        row = raw.execute("INSERT INTO till_notes (staff_id, note) VALUES (%s, 'hi') "
                          "RETURNING id", [staff_id[0]]).fetchone()
        assert row is not None and row[0] >= 1  # an identity key, as every table has
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            raw.execute("INSERT INTO till_notes (staff_id, note) VALUES (-1, 'x')")


def test_a_step_that_fails_leaves_the_database_as_it_was(pg_url: str) -> None:
    steps = Migrations("counterpart")

    @steps()
    def m098_fine(db: object) -> None:
        db.execute("ALTER TABLE customers ADD COLUMN nickname TEXT")  # type: ignore[attr-defined]

    @steps()
    def m099_broken(db: object) -> None:
        db.execute("UPDATE no_such_table SET x = 1")  # type: ignore[attr-defined]

    with pytest.raises(Exception, match="no_such_table"):
        upgrade_database(pg_url, steps._migrations)
    with psycopg.connect(pg_url) as raw:
        columns = {r[0] for r in raw.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'")}
        names = {r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")}
    assert "nickname" not in columns and not {"m098_fine", "m099_broken"} & names
