"""The import's row hashes keyed by the customer's external id (m021): a database imported
before the change still re-imports its unchanged file without mapping a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from db.imports.formats import ImportOptions
from db.imports.job import import_customers_file
from db.store.connection import open_database
from db.store.migrations import migrations
from tests.import_support import count_mapped

FILE = "external_id,name,phone\nA1,Päivi Järvinen,040 123 4567\nA2,陳美玲,\n"


def _old_database(path: Path) -> Database:
    db = Database(path)
    migrations.apply(db, stop_before="m021_import_hashes_by_customer")
    return db


def test_hashes_kept_by_an_earlier_version_still_make_a_reimport_fast(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "customers.csv"
    source.write_text(FILE, encoding="utf-8")
    db_file = tmp_path / "shop.sqlite"
    # Imported by the current code, then the hashes put back as the earlier version kept
    # them (keyed by the hash, the external id beside it) and the step run again.
    db = open_database(db_file)
    assert import_customers_file(db, source, ImportOptions()).added == 2
    kept = db.execute("SELECT external_id, hash, import_id FROM import_row_hashes "
                      "ORDER BY external_id").fetchall()
    db.close()
    old = _old_database(tmp_path / "old.sqlite")
    old_schema = old.execute("SELECT sql FROM sqlite_master WHERE name = "
                             "'import_row_hashes'").fetchone()[0]
    old.close()
    db = Database(db_file)
    db.execute("DROP TABLE import_row_hashes")
    db.execute(old_schema)
    for external_id, digest, import_id in kept:
        db.execute("INSERT INTO import_row_hashes (hash, external_id, import_id) "
                   "VALUES (?, ?, ?)", [digest, external_id, import_id])
    # an earlier row of A1's (from an older file) that a crash left behind
    db.execute("INSERT INTO import_row_hashes (hash, external_id, import_id) VALUES (?, ?, ?)",
               [b"\x00" * 16, "A1", 1])
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm021_import_hashes_by_customer'")
    db.conn.commit()
    db.close()

    db = open_database(db_file)  # runs m021 again
    assert db.execute("SELECT external_id, hash, import_id FROM import_row_hashes "
                      "ORDER BY external_id").fetchall() == kept
    mapped = count_mapped(monkeypatch)
    report = import_customers_file(db, source, ImportOptions())
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    assert sum(mapped) == 0
    db.close()


def test_a_changed_row_is_mapped_again_and_updated(tmp_path: Path) -> None:
    source = tmp_path / "customers.csv"
    source.write_text(FILE, encoding="utf-8")
    db = open_database(tmp_path / "shop.sqlite")
    import_customers_file(db, source, ImportOptions())
    source.write_text(FILE.replace("040 123 4567", "040 765 4321"), encoding="utf-8")
    report = import_customers_file(db, source, ImportOptions())
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert db.execute("SELECT phone FROM customers WHERE external_id = 'A1'"
                      ).fetchone()[0] == "+358 40 7654321"
    assert db.execute("SELECT count(*) FROM import_row_hashes").fetchone()[0] == 2
    db.close()
