"""Opening a database: migrations from empty, a newer file refused, damaged, read-only, busy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from db.errors import DatabaseCorrupt, DatabaseLocked, DatabaseReadOnly, DatabaseTooNew
from db.store.connection import (
    code_schema_version,
    open_database,
    schema_version,
    write,
)

TABLES = {
    "settings", "staff", "customers", "customer_fts", "customer_terms", "products",
    "purchases", "purchase_items", "complaints", "vouchers", "compensations",
    "authorisations", "follow_ups", "letters", "drafts", "pin_failures", "approvals", "pin_key",
    "audit_log",
}


def test_empty_file_is_migrated_to_the_code_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "shop.sqlite"  # the folder is created too
    db = open_database(path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names >= TABLES
    assert schema_version(db) == code_schema_version() >= 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()
    again = open_database(path)  # reopening applies nothing twice
    assert schema_version(again) == code_schema_version()
    again.close()


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('counterpart', 'm999_from_the_future', '2030-01-01')"
    )
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseTooNew) as info:
        open_database(path)
    assert "newer version" in str(info.value)
    assert str(path) in str(info.value)


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    path.write_bytes(b"this is a letter, not a database" * 200)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(path)
    assert "backup" in str(info.value)


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseCorrupt):
        open_database(tmp_path)


def test_a_read_only_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Driven through os.access: this machine runs tests as root, which ignores modes.)"""
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access",
        lambda p, mode: False if Path(p) == folder and mode == os.W_OK else real_access(p, mode),
    )
    with pytest.raises(DatabaseReadOnly) as info:
        open_database(folder / "shop.sqlite")
    assert str(folder) in str(info.value)
    assert not (folder / "shop.sqlite").exists()


def test_a_write_while_another_console_holds_the_lock_says_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another console mid-write
    try:
        db.execute("PRAGMA busy_timeout = 50")  # keep the test quick
        with pytest.raises(DatabaseLocked) as info, write(db):
            db.execute("INSERT INTO settings(key, value) VALUES ('k', '1')")
        assert "busy" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with write(db):  # once the other console is done, the write goes through
        db.execute("INSERT INTO settings(key, value) VALUES ('k', '1')")
    assert db.execute("SELECT value FROM settings WHERE key = 'k'").fetchone()[0] == "1"
    db.close()


def test_a_failed_multi_step_write_leaves_nothing_behind(fresh_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.IntegrityError), write(fresh_db):
        fresh_db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        fresh_db.execute("INSERT INTO settings(key, value) VALUES ('a', '2')")
    assert fresh_db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_writing_a_read_only_database_says_so(fresh_db) -> None:  # type: ignore[no-untyped-def]
    fresh_db.execute("PRAGMA query_only = ON")  # as when the file's permissions forbid writes
    with pytest.raises(DatabaseReadOnly) as info, write(fresh_db):
        fresh_db.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    assert "permissions" in str(info.value)
