"""Backups: consistent while consoles run, checked, private, rotated, sealed; restore refuses
anything it cannot trust and never loses the current database."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db.customers.records import create_customer
from db.models import CustomerInput
from db.security import console_locks
from db.store import backup, backup_crypto
from db.store.connection import open_database

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def shop(tmp_path: Path, customers: int = 3) -> Path:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    for n in range(customers):
        create_customer(db, CustomerInput(name=f"Asiakas {n} Mäkinen", phone=f"04012345{n:02d}"))
    db.close()
    return path


def count(path: Path, table: str = "customers") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


# ------------------------------------------------------------------ making one

def test_a_backup_taken_while_a_console_runs_holds_what_is_still_in_the_wal(
        tmp_path: Path) -> None:
    path = shop(tmp_path, customers=0)
    console = open_database(path)  # a running console: its commits sit in the WAL
    for n in range(50):
        create_customer(console, CustomerInput(name=f"New {n}"))
    assert Path(str(path) + "-wal").stat().st_size > 0
    info = backup.make_backup(path, tmp_path / "out", create_folder=True)
    console.close()
    assert count(info.path) == 50
    assert info.counts["customers"] == 50 and info.verified


def test_a_backup_is_private_named_by_shop_and_time_and_checked(tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True, now=NOW)
    assert info.path.name == "counterpart-cafe-2026-11-23-140000.sqlite"  # Helsinki time
    for made in (info.path, backup.manifest_path(info.path)):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    manifest = json.loads(backup.manifest_path(info.path).read_text(encoding="utf-8"))
    assert manifest["counts"]["customers"] == 3 and manifest["verified"] is True
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []


def test_an_encrypted_backup_gives_nothing_away_and_opens_with_its_passphrase(
        tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "usb", create_folder=True,
                              passphrase="correct horse battery")
    data = info.path.read_bytes()
    assert info.encrypted and info.path.name.endswith(".sqlite.enc")
    assert "Mäkinen".encode() not in data and b"SQLite format 3" not in data
    assert backup.verify_backup(info.path, "correct horse battery").verified
    with pytest.raises(backup_crypto.WrongPassphrase):
        backup.verify_backup(info.path, "wrong horse")


@pytest.mark.parametrize("folder", ["missing", "not-a-folder", "/proc"])
def test_a_folder_that_cannot_take_a_backup_is_refused_and_nothing_is_left(
        tmp_path: Path, folder: str) -> None:
    path = shop(tmp_path)
    target = tmp_path / folder if not folder.startswith("/") else Path(folder)
    if folder == "not-a-folder":
        target.write_text("x", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(backup.BackupFailed) as caught:
        backup.make_backup(path, target)
    assert str(target) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


class _FullDisk:
    """A source connection whose copy runs out of space half-way."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def backup(self, target: sqlite3.Connection, **_kw: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def test_a_full_disk_mid_backup_keeps_nothing_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = shop(tmp_path)
    real = backup._connect_source
    monkeypatch.setattr(backup, "_connect_source", lambda p: _FullDisk(real(p)))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(backup.BackupFailed, match="disk is full"):
        backup.make_backup(path, out)
    assert list(out.iterdir()) == []


# ------------------------------------------------------------------ restoring

def test_restore_puts_the_backup_back_and_keeps_the_current_database_aside(
        tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True)
    db = open_database(path)
    create_customer(db, CustomerInput(name="Added after the backup"))
    db.close()
    aside = backup.restore(info.path, path, now=NOW)
    assert aside is not None and count(aside) == 4  # nothing deleted
    assert count(path) == 3


def test_restore_is_refused_while_a_console_has_the_database_open(tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True)
    lock = console_locks.hold(path, "till-1", "2026-11-23T12:00:00Z")
    assert lock is not None
    before = path.read_bytes()
    with pytest.raises(backup.DatabaseInUse, match="till-1"):
        backup.restore(info.path, path)
    assert path.read_bytes() == before
    lock.release()
    assert backup.restore(info.path, path) is not None


def _tamper(info: backup.BackupInfo) -> None:
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    info.path.write_bytes(bytes(data))


def _truncate(info: backup.BackupInfo) -> None:
    info.path.write_bytes(info.path.read_bytes()[: info.size // 2])


def _newer(info: backup.BackupInfo) -> None:
    conn = sqlite3.connect(info.path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('counterpart', 'm999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    manifest = backup.manifest_path(info.path)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["sha256"] = backup._sha256(info.path)  # a consistent backup from a newer version
    manifest.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(("damage", "message"), [
    (_tamper, "changed or damaged"), (_truncate, "changed or damaged"),
    (_newer, "newer version"),
])
def test_a_damaged_or_newer_backup_is_refused_and_nothing_changes(
        tmp_path: Path, damage: Any, message: str) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True)
    damage(info)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes()
    with pytest.raises(backup.BackupFailed, match=message):
        backup.restore(info.path, path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_sealed_backup_cut_short_or_changed_is_caught_even_without_its_manifest(
        tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True, passphrase="pw")
    backup.manifest_path(info.path).unlink()
    full = info.path.read_bytes()
    info.path.write_bytes(full[:-100])
    with pytest.raises(backup_crypto.WrongPassphrase):
        backup.restore(info.path, path, passphrase="pw")


# ------------------------------------------------------------------ daily backups and rotation

def _fake_daily(folder: Path, when: datetime) -> None:
    path = folder / f"shop-{when:%Y%m%d}-daily.sqlite"
    path.write_bytes(b"x")
    backup.manifest_path(path).write_text(json.dumps({
        "created_at": when.isoformat(), "shop": "S", "kind": "daily", "encrypted": False,
        "schema": 1, "counts": {}, "sha256": "", "verified": True}), encoding="utf-8")


def test_rotation_keeps_seven_daily_four_weekly_and_twelve_monthly(tmp_path: Path) -> None:
    start = datetime(2025, 1, 1, 22, 0, tzinfo=UTC)
    for day in range(500):
        _fake_daily(tmp_path, start + timedelta(days=day))
    backup.rotate(tmp_path)
    kept = sorted(i.created_at.date() for i in backup.list_backups(tmp_path))
    last = (start + timedelta(days=499)).date()
    assert kept[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    months = {(d.year, d.month) for d in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert kept[0] >= last - timedelta(days=366)


def test_the_daily_backup_is_made_once_a_day_into_both_folders(tmp_path: Path) -> None:
    path = shop(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    primary = backup.default_folder(path)
    first = backup.daily_backup(path, primary, usb, now=NOW, is_default_folder=True)
    assert first is not None
    assert backup.daily_backup(path, primary, usb, now=NOW + timedelta(hours=3),
                               is_default_folder=True) is None
    assert [i.kind for i in backup.list_backups(usb)] == ["daily"]
    assert backup.health(path, primary, now=NOW + timedelta(hours=3)).ok


def test_a_failed_or_overdue_backup_shows_until_it_is_fixed(tmp_path: Path) -> None:
    path = shop(tmp_path)
    primary = backup.default_folder(path)
    assert backup.health(path, primary, now=NOW).problem == "none"
    with pytest.raises(backup.BackupFailed):
        backup.daily_backup(path, primary, tmp_path / "unplugged-usb", now=NOW,
                            is_default_folder=True)
    failed = backup.health(path, primary, now=NOW)
    assert failed.problem == "failed" and "unplugged-usb" in failed.detail
    backup.daily_backup(path, primary, None, now=NOW + timedelta(hours=1),
                        is_default_folder=True)
    assert backup.health(path, primary, now=NOW + timedelta(hours=2)).ok
    late = backup.health(path, primary, now=NOW + timedelta(days=2))
    assert late.problem == "overdue" and late.last_backup is not None


# ------------------------------------------------------------------ the commands

def test_the_commands_back_up_list_and_restore(tmp_path: Path) -> None:
    path = shop(tmp_path)
    made = cli("backup", "--db", str(path), "--encrypt", "--passphrase-stdin", stdin="pw\n")
    assert made.returncode == 0, made.stderr
    listed = cli("backups", "--db", str(path))
    assert "3 customers" in listed.stdout and "verified, encrypted" in listed.stdout
    sealed = next(backup.default_folder(path).glob("*.enc"))
    wrong = cli("restore", str(sealed), "--db", str(path), "--passphrase-stdin", stdin="no\n")
    assert wrong.returncode == 2 and "wrong passphrase" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    right = cli("restore", str(sealed), "--db", str(path), "--passphrase-stdin", stdin="pw\n")
    assert right.returncode == 0 and "before-restore" in right.stdout


def test_a_backup_to_a_missing_folder_exits_2_with_one_sentence(tmp_path: Path) -> None:
    path = shop(tmp_path)
    result = cli("backup", "--db", str(path), "--to", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_the_end_of_day_report_makes_the_days_backup(tmp_path: Path) -> None:
    path = shop(tmp_path)
    result = cli("report", "--db", str(path), "--out", str(tmp_path / "day.pdf"))
    assert result.returncode == 0, result.stderr
    assert "backup is made and checked" in result.stdout
    assert [i.kind for i in backup.list_backups(backup.default_folder(path))] == ["daily"]


def test_restore_names_the_running_console_window_that_has_the_database(
        tmp_path: Path) -> None:
    path = shop(tmp_path)
    info = backup.make_backup(path, tmp_path / "out", create_folder=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    window = subprocess.Popen([sys.executable, "-m", "console", "--db", str(path)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        folder = console_locks.lock_dir(path)
        for _ in range(300):
            if console_locks.holders(path):
                break
            window.poll()
            assert window.returncode is None, "the console window ended early"
            import time
            time.sleep(0.05)
        result = cli("restore", str(info.path), "--db", str(path))
        assert result.returncode == 2
        assert "open in a console" in result.stderr and f"pid {window.pid}" in result.stderr
        assert list(folder.glob("*.lock"))
    finally:
        window.kill()
        window.wait(10)
    assert cli("restore", str(info.path), "--db", str(path)).returncode == 0


def test_a_database_whose_audit_log_is_broken_is_still_backed_up_but_restore_asks(
        tmp_path: Path) -> None:
    path = shop(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, details, "
                 "prev_hash, hash) VALUES (99, '2026-01-01', NULL, 'forged', '', NULL, '{}', "
                 "'x', 'y')")
    conn.commit()
    conn.close()
    made = cli("backup", "--db", str(path))
    assert made.returncode == 0 and "does not verify" in made.stderr
    kept = backup.list_backups(backup.default_folder(path))[0]
    assert kept.audit_problem
    refused = cli("restore", str(kept.path), "--db", str(path))
    assert refused.returncode == 2 and "--ignore-audit" in refused.stderr
    assert cli("restore", str(kept.path), "--db", str(path), "--ignore-audit").returncode == 0
