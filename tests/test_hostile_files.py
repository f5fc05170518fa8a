"""Damaged or hostile database files, tried the way they were found.

Another program's SQLite file, a database whose migration table was emptied, damaged pages
in the middle of a file: each is refused with a sentence naming the file and what to do,
and the file is left byte for byte as it was. New databases are the owner's alone (0600)
and commit with synchronous=FULL.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from console.cli import main
from db.errors import DatabaseCorrupt, NotCounterpartDatabase, SchemaRecordMissing
from db.store import connection
from db.store.connection import full_check, open_database, quick_check
from db.store.migrations import APPLICATION_ID, migrations
from tests.hostile_support import damage_middle_pages, digest, make_shop, one_sentence


def _other_program(path: Path, application_id: int = 0) -> Path:
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    raw.execute("INSERT INTO notes(text) VALUES ('mine, not a shop''s')")
    if application_id:
        raw.execute(f"PRAGMA application_id = {application_id}")
    raw.commit()
    raw.close()
    return path


# ------------------------------------------------------------------ another program's file


@pytest.mark.parametrize("application_id", [0, 0x12345678])
def test_another_programs_sqlite_file_is_refused_and_left_unchanged(
    tmp_path: Path, application_id: int
) -> None:
    path = _other_program(tmp_path / "other.db", application_id)
    before = digest(path)
    with pytest.raises(NotCounterpartDatabase) as info:
        open_database(path)
    assert str(path) in str(info.value) and "another program" in str(info.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm


def test_audit_verify_on_another_programs_file_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found this way: `audit verify --db other.db` added the schema and switched to WAL."""
    path = _other_program(tmp_path / "other.db")
    before = digest(path)
    assert main(["audit", "verify", "--db", str(path)]) == 2
    one_sentence(capsys.readouterr().err, path)
    assert digest(path) == before
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in raw.execute("SELECT name FROM sqlite_master")] == ["notes"]
    raw.close()


@pytest.mark.parametrize("make", ["new path", "empty file", "empty database"])
def test_a_new_path_or_an_empty_file_becomes_a_counterpart_database(
    tmp_path: Path, make: str
) -> None:
    path = tmp_path / "shop.sqlite"
    if make == "empty file":
        path.touch()
    elif make == "empty database":
        sqlite3.connect(path).execute("VACUUM").connection.close()
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()
    open_database(path).close()  # and it opens again as Counterpart's


def test_a_counterpart_database_from_before_the_mark_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m005_application_id")
    assert old.execute("PRAGMA application_id").fetchone()[0] == 0
    old.close()
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


# ------------------------------------------------------------------ emptied migration table


@pytest.mark.parametrize("how", ["DELETE FROM _sqlite_migrations",
                                 "DROP TABLE _sqlite_migrations"])
def test_an_emptied_migration_table_is_explained(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found this way: the message was `table settings already exists`."""
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    raw = sqlite3.connect(path)
    raw.execute(how)
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(SchemaRecordMissing) as info:
        open_database(path)
    message = str(info.value)
    assert str(path) in message and "_sqlite_migrations" in message and "backup" in message
    assert "already exists" not in message
    assert main(["staff", "list", "--db", str(path)]) == 2
    assert "_sqlite_migrations" in one_sentence(capsys.readouterr().err, path)
    assert digest(path) == before


# ------------------------------------------------------------------ damaged pages


@pytest.fixture(scope="module")
def damaged_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_shop(tmp_path_factory.mktemp("damaged") / "shop.sqlite")
    damage_middle_pages(path)
    return path


@pytest.fixture
def damaged(damaged_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    path.write_bytes(damaged_template.read_bytes())
    return path


def test_damaged_middle_pages_are_found_at_open_and_nothing_is_written(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(damaged)
    message = str(info.value)
    assert str(damaged) in message and "damaged" in message and "backup" in message
    assert digest(damaged) == before


@pytest.mark.parametrize("command", [
    ["import", "customers", "{csv}"],
    ["letter", "--kind", "birthday", "--customer", "3", "--staff", "1", "--out", "{out}"],
    ["report", "--date", "2026-11-20", "--out", "{out}"],
    ["voucher", "show", "ABCD2345"],
    ["staff", "list"],
])
def test_commands_refuse_a_damaged_file_with_one_sentence(
    damaged: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Found this way: imports and letters kept writing, `report` crashed with a traceback."""
    csv = tmp_path / "in.csv"
    csv.write_text("external_id,name\nX1,Newly Imported\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    args = [a.format(csv=csv, out=out) for a in command]
    before = digest(damaged)
    assert main([*args, "--db", str(damaged)]) == 2
    sentence = one_sentence(capsys.readouterr().err, damaged)
    assert "damaged" in sentence and "backup" in sentence
    assert digest(damaged) == before
    assert not out.exists()


def test_check_command_reads_every_page(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(damaged)
    assert main(["check", "--db", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(damaged) in err and "backup" in err
    assert digest(damaged) == before
    healthy = make_shop(tmp_path / "healthy.sqlite", customers=5)
    assert main(["check", "--db", str(healthy)]) == 0
    assert "no damage" in capsys.readouterr().out


def test_the_check_at_open_is_bounded_and_takes_the_important_tables_first(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above QUICK_CHECK_WHOLE_BYTES the file is checked table by table within the time
    budget: money, authorisations, staff, settings and the audit log first."""
    monkeypatch.setattr(connection, "QUICK_CHECK_WHOLE_BYTES", 0)
    db = open_database(damaged, quick_check_ms=None, migrate=False, read_only=True)
    try:
        none = quick_check(db, budget_ms=0)
        assert none.ok and not none.complete and len(none.checked) <= 1
        everything = quick_check(db, budget_ms=60_000)
        assert not everything.ok
        assert everything.checked[:4] == ("sqlite_master", "_sqlite_migrations", "settings",
                                          "staff")
        assert everything.problems[0].startswith("table ")
        assert not full_check(db).ok
    finally:
        db.close()


# ------------------------------------------------------------------ modes and durability


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_the_owners_alone(tmp_path: Path) -> None:
    path = tmp_path / "new" / "shop.sqlite"
    db = open_database(path)
    db.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    assert wal.exists() and shm.exists()
    assert (_mode(path), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
    assert _mode(path.parent) == 0o700
    db.close()


def test_commits_are_durable_synchronous_full(tmp_path: Path) -> None:
    """Once the screen says saved, a power cut cannot take the write back."""
    db = open_database(tmp_path / "shop.sqlite")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_the_benchmark_measures_the_cost_of_durable_commits(tmp_path: Path) -> None:
    from db.store.durability_bench import bench_figures

    db = open_database(tmp_path / "shop.sqlite")
    try:
        figures = {name: value for name, value, _unit in bench_figures(db)}
        assert set(figures) == {"commit_full_ms", "commit_normal_ms", "open_check_ms"}
        assert all(value > 0 for value in figures.values())
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # left at FULL
        assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    finally:
        db.close()


def test_files_made_inside_private_files_are_the_owners_alone(tmp_path: Path) -> None:
    """For backups and other copies of the database."""
    import os

    from db.store.connection import private_files

    def umask() -> int:
        current = os.umask(0)
        os.umask(current)
        return current

    before = umask()
    with private_files():
        backup = tmp_path / "backup.sqlite"
        backup.write_bytes(b"")
    assert _mode(backup) == 0o600
    assert umask() == before  # restored for everything else
