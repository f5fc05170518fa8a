"""backup, backups, restore and check with `--db postgresql://...` (issue 11): a server's
backup is a checked SQLite snapshot (sealed and listed like any backup), restored only into
an empty server database; check verifies the audit log and the search index there."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from console.cli import main
from db.customers.records import create_customer, search_customers
from db.models import CustomerInput
from db.store import backup
from db.store.connection import open_database
from db.store.location import ServerUrl, local_data_dir, server_slug

TABLES = ("customers", "purchases", "complaints", "vouchers", "audit_log", "customer_fts")


@pytest.fixture(scope="module")
def demo_url(pg_server: tuple[str, str], pg_template: str) -> Iterator[str]:
    """One small demo shop on the server for this module."""
    from tests.pg_support import _drop, _new_database, database_url

    name = _new_database(pg_server[0], pg_template)
    url = database_url(pg_server[0], name)
    assert main(["demo", "--customers", "5", "--db", url]) == 0
    try:
        yield url
    finally:
        _drop(pg_server[0], name)


def add_customers(location: str | Path, n: int) -> None:
    """A quick shop: `n` customers through the data API (the demo takes seconds)."""
    db = open_database(location)
    try:
        for i in range(n):
            create_customer(db, CustomerInput(name=f"Asiakas {i} Mäkinen",
                                              phone=f"04012345{i:02d}"))
    finally:
        db.close()


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
                for t in TABLES}


def test_a_server_backup_is_a_checked_sqlite_snapshot_listed_with_its_counts(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["backup", "--db", demo_url]) == 0
    assert "Backup checked and kept" in capsys.readouterr().out
    folder = local_data_dir() / "backups" / server_slug(ServerUrl(demo_url))
    [info] = backup.list_backups(folder)  # the default folder: this till's data folder
    assert info.verified and not info.encrypted and not info.audit_problem
    assert info.counts["customers"] == counts(demo_url)["customers"] == 5
    assert info.counts["audit_log"] == counts(demo_url)["audit_log"] > 0
    snapshot = open_database(info.path)  # an ordinary shop file: it opens and searches
    try:
        name = str(snapshot.execute("SELECT name FROM customers WHERE id = 1").fetchone()[0])
        assert [c.id for c in search_customers(snapshot, name)][:1] == [1]
    finally:
        snapshot.close()
    assert main(["backups", "--db", demo_url]) == 0
    listed = capsys.readouterr().out
    assert info.path.name in listed and "5 customers" in listed and "verified" in listed
    assert "secret" not in str(folder)


def test_an_encrypted_server_backup_restores_into_an_empty_server_database(
        demo_url: str, empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kaksi sanaa\n"))
    assert main(["backup", "--encrypt", "--passphrase-stdin", "--to", str(tmp_path),
                 "--db", demo_url]) == 0
    [sealed] = backup.list_backups(tmp_path)
    assert sealed.encrypted and sealed.path.name.endswith(".sqlite.enc")
    assert b"SQLite format" not in sealed.path.read_bytes()[:64]
    monkeypatch.setattr("sys.stdin", io.StringIO("kaksi sanaa\n"))
    assert main(["restore", str(sealed.path), "--passphrase-stdin", "--db", empty_url]) == 0
    assert "Restored" in capsys.readouterr().out
    assert counts(empty_url) == counts(demo_url)
    assert main(["check", "--db", empty_url]) == 0
    assert main(["audit", "verify", "--db", empty_url]) == 0
    restored = open_database(empty_url)
    try:
        name = str(restored.execute("SELECT name FROM customers WHERE id = 2").fetchone()[0])
        assert 2 in [c.id for c in search_customers(restored, name)]
    finally:
        restored.close()


def test_restore_never_overwrites_a_server_database_that_holds_data(
        demo_url: str, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["backup", "--to", str(tmp_path), "--db", demo_url]) == 0
    [made] = backup.list_backups(tmp_path)
    add_customers(pg_url, 2)
    before = counts(pg_url)
    capsys.readouterr()
    assert main(["restore", str(made.path), "--db", pg_url]) == 2
    err = capsys.readouterr().err
    assert "already holds data" in err and "empty database" in err
    assert counts(pg_url) == before  # untouched, nothing half-copied
    assert not list(Path(backup.tempfile.gettempdir()).glob(".restore.*.partial"))


def test_a_sqlite_shops_backup_restores_onto_a_server(
        tmp_path: Path, empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    shop = tmp_path / "shop.sqlite"
    add_customers(shop, 3)
    (tmp_path / "b").mkdir()
    assert main(["backup", "--to", str(tmp_path / "b"), "--db", str(shop)]) == 0
    [made] = backup.list_backups(tmp_path / "b")
    assert main(["restore", str(made.path), "--db", empty_url]) == 0
    assert counts(empty_url)["customers"] == 3
    assert main(["check", "--db", empty_url]) == 0


def test_the_daily_server_backup_is_made_once_a_day(
        demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "daily"
    folder.mkdir()
    assert main(["backup", "--daily", "--to", str(folder), "--db", demo_url]) == 0
    capsys.readouterr()
    assert main(["backup", "--daily", "--to", str(folder), "--db", demo_url]) == 0
    assert "already made" in capsys.readouterr().out
    assert [i.kind for i in backup.list_backups(folder)] == ["daily"]


def test_a_server_backup_that_cannot_be_written_keeps_nothing(
        demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["backup", "--to", str(tmp_path / "missing"), "--db", demo_url]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()


def test_check_on_a_server_verifies_the_audit_log_and_the_search_index(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    add_customers(pg_url, 3)
    capsys.readouterr()
    assert main(["check", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert "customers 3" in out and "audit log" in out and "check out" in out
    assert "pg_amcheck" in out  # says what it leaves to the server
    with psycopg.connect(pg_url) as conn:  # an entry no customer owns, one customer unfound
        conn.execute("INSERT INTO customer_fts (rowid, doc) VALUES (999999, 'ghost')")
        conn.execute("DELETE FROM customer_fts WHERE rowid = (SELECT min(rowid) "
                     "FROM customer_fts WHERE doc <> 'ghost')")
    assert main(["check", "--db", pg_url]) == 1
    err = capsys.readouterr().err
    assert "2 search index entries belong to no customer" not in err
    assert "1 search index entries belong to no customer" in err
    assert "1 customers are missing from the search index" in err


def test_a_tills_login_role_imports_checks_and_backs_up(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a till's own role (`counterpart_till`, as the README sets one up) may do is
    enough: the import's temporary table and writes, the check's snapshot, the backup."""
    import uuid

    role = "till_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN IN ROLE counterpart_till")
    till_url = "postgresql://" + role + "@" + pg_url.split("@", 1)[1]
    try:
        people = tmp_path / "people.csv"
        people.write_text("external_id,name,phone\nT1,Aino Korhonen,040 111 2222\n"
                          "T2,王小明,\n", encoding="utf-8")
        assert main(["import", "customers", str(people), "--db", till_url]) == 0
        assert "2 customers added" in capsys.readouterr().out
        assert main(["check", "--db", till_url]) == 0
        assert main(["backup", "--to", str(tmp_path), "--db", till_url]) == 0
        assert [b.counts["customers"] for b in backup.list_backups(tmp_path)] == [2]
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          f"WHERE usename = '{role}'")
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")
