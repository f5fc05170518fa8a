"""A database file that cannot be written still answers read-only commands.

Tests run as root, for whom chmod alone does not stop writes (os.access says yes). So the
file is chmod'ed *and* os.access is made to answer as it would for a normal user; the file
is then really opened with SQLite's read-only mode, and its bytes must not change.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from console.cli import main
from db.errors import DatabaseReadOnly
from db.security import audit
from db.security.staff_admin import create_first_manager
from db.service.compensation import authorise
from db.store import connection
from db.store.connection import is_read_only, open_database, write
from db.store.migrations import migrations
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    make_complaint,
    make_team,
    voucher_line,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, str]:
    """A shop database with an approved voucher; returns the path and the voucher's code."""
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    team = make_team(db)
    complaint = make_complaint(db, team, voucher_line(1200))
    authorise(db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    code = str(db.execute("SELECT code FROM vouchers").fetchone()[0])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, code


@pytest.fixture
def read_only(shop: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
              ) -> Iterator[tuple[Path, str]]:
    path, code = shop
    real_access = os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() == path.resolve():
            return False  # what a normal user gets for a 0444 file
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    monkeypatch.setattr(connection.os, "access", access)
    yield path, code
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_commands_work_and_the_file_stays_unchanged(
    read_only: tuple[Path, str], capsys: pytest.CaptureFixture[str],
) -> None:
    path, code = read_only
    before = _digest(path)
    assert main(["audit", "verify", "--db", str(path)]) == 0
    assert "unbroken" in capsys.readouterr().out
    assert main(["voucher", "show", code, "--db", str(path)]) == 0
    assert "not used" in capsys.readouterr().out
    out = path.parent / "report.pdf"
    assert main(["report", "--date", date.today().isoformat(), "--out", str(out),
                 "--db", str(path)]) == 0
    assert out.exists()
    assert _digest(path) == before


def test_writes_on_a_read_only_file_fail_with_a_clear_message(
    read_only: tuple[Path, str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, code = read_only
    before = _digest(path)
    db = open_database(path)
    assert is_read_only(db)
    with pytest.raises(DatabaseReadOnly, match="read-only"), write(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
    with pytest.raises(DatabaseReadOnly):
        create_first_manager(db, "Maria", "4821")
    # even bypassing `write`, SQLite itself refuses: the connection really is read-only
    with pytest.raises(Exception, match="readonly"):
        db.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
    assert audit.verify(db).ok
    db.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert main(["voucher", "redeem", code, "--pin-stdin", "--db", str(path)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert _digest(path) == before


def test_a_read_only_file_that_needs_migrating_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "old.sqlite"
    old = open_database(path, migrate=False)  # an older Counterpart: the last one pending
    migrations.apply(old, stop_before=migrations._migrations[-1].name)
    old.close()
    monkeypatch.setattr(connection.os, "access",
                        lambda target, mode, *a, **k: not mode & os.W_OK)
    with pytest.raises(DatabaseReadOnly, match="update it first"):
        open_database(path)
    monkeypatch.undo()
    assert open_database(path).execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_a_writable_file_is_opened_for_writing(shop: tuple[Path, str]) -> None:
    path, _code = shop
    db = open_database(path)
    assert not is_read_only(db)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with write(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
    db.close()




def test_when_sqlite_refuses_the_wal_switch_the_file_is_opened_read_only(
    shop: tuple[Path, str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """os.access can say yes where SQLite cannot write (a read-only mount, say)."""
    path, _code = shop

    def refuse_wal(db: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(connection, "_enable_wal", refuse_wal)
    before = _digest(path)
    db = open_database(path)
    assert is_read_only(db) and audit.verify(db).ok
    with pytest.raises(DatabaseReadOnly):
        create_first_manager(db, "Maria", "4821")
    db.close()
    assert _digest(path) == before
