"""The commands on a PostgreSQL server (issue 11): `--db postgresql://...` and the options
file's `database = postgresql://...` reach the server (never a file named `postgresql:`),
the SQLite-only commands refuse a URL with a clear message, and demo, audit, voucher,
staff, settings, customer, report and letter work there end to end."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from console.cli import main
from console.paths import config_dir
from db.store.connection import open_database
from db.store.location import ServerUrl, parse_location

MANAGER_PIN = "9999"  # the demo's manager (console.cmd_demo prints the demo staff)


@pytest.fixture(scope="module")
def demo_url(pg_server: tuple[str, str], pg_template: str) -> Iterator[str]:
    """One demo shop on the server for this module (the demo takes seconds there)."""
    from tests.pg_support import _drop, _new_database, database_url

    name = _new_database(pg_server[0], pg_template)
    url = database_url(pg_server[0], name)
    assert main(["demo", "--customers", "6", "--db", url]) == 0
    _PIN_KEYS.update({k.name: k.read_bytes() for k in config_dir().glob("pin-key-*")})
    try:
        yield url
    finally:
        _drop(pg_server[0], name)


_PIN_KEYS: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def _demo_pin_keys() -> None:
    """The demo shop's PIN key, as a till that has it (each test has its own config)."""
    config_dir().mkdir(parents=True, exist_ok=True)
    for name, data in _PIN_KEYS.items():
        (config_dir() / name).write_bytes(data)


def _one(url: str, sql: str) -> object:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()
        assert row is not None
        return row[0]


def test_a_url_stays_a_url_and_a_path_a_path(tmp_path: Path) -> None:
    url = "postgresql://till1:secret@server/counterpart?sslmode=verify-full"
    assert parse_location(url) == ServerUrl(url)
    assert "secret" not in str(parse_location(url))
    assert parse_location(str(tmp_path / "a.sqlite")) == tmp_path / "a.sqlite"
    assert parse_location("~/shop.sqlite") == Path.home() / "shop.sqlite"


def test_demo_fills_an_empty_server_database_and_refuses_a_full_one(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _one(demo_url, "SELECT count(*) FROM customers") == 6
    assert int(str(_one(demo_url, "SELECT count(*) FROM customer_fts"))) >= 6
    # the index was re-keyed from the scores: every key's customer part is a customer
    assert _one(demo_url, "SELECT count(*) FROM customer_fts f LEFT JOIN customers c "
                          "ON c.id = (f.rowid & 67108863) WHERE c.id IS NULL") == 0
    capsys.readouterr()
    assert main(["demo", "--customers", "2", "--force", "--db", demo_url]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert _one(demo_url, "SELECT count(*) FROM customers") == 6
    assert not Path("postgresql:").exists()


def test_audit_verify_and_list_on_the_server(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", demo_url]) == 0
    assert "unbroken" in capsys.readouterr().out
    assert main(["audit", "list", "--db", demo_url]) == 0
    assert "complaint" in capsys.readouterr().out


def test_staff_and_settings_on_the_server(
        demo_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["staff", "list", "--db", demo_url]) == 0
    assert "Maria Manager" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["settings", "set", "shop_name", "Kahvila PG", "--pin-stdin",
                 "--db", demo_url]) == 0
    capsys.readouterr()
    assert main(["settings", "show", "--db", demo_url]) == 0
    assert "Kahvila PG" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", demo_url]) == 0


def test_a_voucher_is_shown_and_redeemed_once_on_the_server(
        demo_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code = str(_one(demo_url, "SELECT code FROM vouchers WHERE redeemed_at IS NULL "
                              "AND expires_on >= '2099-01-01' IS NOT TRUE ORDER BY id LIMIT 1"))
    assert main(["voucher", "show", code, "--db", demo_url]) == 0
    assert code in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["voucher", "redeem", code, "--pin-stdin", "--db", demo_url]) == 0
    assert _one(demo_url, f"SELECT redeemed_at IS NOT NULL FROM vouchers WHERE code = '{code}'")
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["voucher", "redeem", code, "--pin-stdin", "--db", demo_url]) == 2


def test_customer_export_report_and_letter_on_the_server(
        demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customer", "export", "1", "--out", str(tmp_path / "c1"),
                 "--db", demo_url]) == 0
    assert (tmp_path / "c1.json").stat().st_size > 0 and (tmp_path / "c1.pdf").exists()
    assert main(["customer", "retention", "--db", demo_url]) == 0
    day = str(_one(demo_url, "SELECT max(local_date) FROM complaints"))
    assert main(["report", "--date", day, "--out", str(tmp_path / "day.pdf"),
                 "--csv", str(tmp_path / "day.csv"), "--db", demo_url]) == 0
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    assert ";Complaint;" in (tmp_path / "day.csv").read_text(encoding="utf-8")
    from db.store import backup  # the day's report makes the day's backup, of a server too

    daily = backup.list_backups(backup.default_folder(ServerUrl(demo_url)))
    assert [b.kind for b in daily] == ["daily"] and daily[0].verified
    letters = int(str(_one(demo_url, "SELECT count(*) FROM letters")))
    assert main(["letter", "--kind", "thank-you", "--customer", "1", "--reason", "loyal",
                 "--signer", "1", "--out", str(tmp_path / "thanks.pdf"), "--db", demo_url]) == 0
    assert (tmp_path / "thanks.pdf").read_bytes().startswith(b"%PDF")
    assert _one(demo_url, "SELECT count(*) FROM letters") == letters + 1


def test_the_options_file_can_name_a_server(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "options.ini").write_text(f"[options]\ndatabase = {demo_url}\n",
                                               encoding="utf-8")
    assert main(["staff", "list"]) == 0
    assert "Maria Manager" in capsys.readouterr().out


def test_a_server_database_opens_through_a_location(demo_url: str) -> None:
    db = open_database(ServerUrl(demo_url))
    try:
        assert db.execute("SELECT count(*) FROM staff").fetchone()[0] >= 5
    finally:
        db.close()


def test_a_customer_is_erased_on_the_server_and_the_audit_log_still_verifies(
        demo_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    customer = int(str(_one(demo_url, "SELECT max(id) FROM customers")))
    with psycopg.connect(demo_url) as conn:  # an unsaved form about them, and one not
        conn.execute("INSERT INTO drafts (form, payload, updated_at) VALUES "
                     "('complaint', %s, '2026-11-23'), ('profile', %s, '2026-11-23')",
                     [f'{{"customer_id": {customer}}}', '{"customer_id": 1}'])
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["customer", "erase", str(customer), "--reason", "asked at the counter",
                 "--pin-stdin", "--db", demo_url]) == 0
    assert _one(demo_url, f"SELECT count(*) FROM erasures WHERE customer_id = {customer}") == 1
    assert _one(demo_url, "SELECT count(*) FROM drafts") == 1
    assert main(["audit", "verify", "--db", demo_url]) == 0


def test_a_server_that_cannot_be_reached_or_has_no_such_database_is_one_sentence(
        pg_server: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Any command pointed at a server it cannot use says so in one sentence (no traceback),
    naming the server without its password and libpq's reason."""
    from tests.pg_support import database_url

    capsys.readouterr()
    assert main(["staff", "list", "--db", "postgresql://till1:sekret@127.0.0.1:1/shop"]) == 2
    err = capsys.readouterr().err
    assert "Cannot connect to the database server postgresql://till1@127.0.0.1:1/shop" in err
    assert "refused" in err and "sekret" not in err and "Traceback" not in err
    missing_db = database_url(pg_server[0], "no_such_shop")
    assert main(["audit", "verify", "--db", missing_db]) == 2
    err = capsys.readouterr().err
    assert 'database "no_such_shop" does not exist' in err and "Traceback" not in err
