"""The PostgreSQL engine on a real server: the throwaway cluster of scripts/pg-local.sh,
`counterpart db init`, the audit log's append-only privilege, and the customer data API
(db.customers.records, db.customers.search) running unchanged through the PgDatabase facade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from db.customers.records import create_customer, get_customer, get_profile
from db.customers.search import search_customers
from db.errors import NotCounterpartDatabase
from db.models import CustomerInput
from db.store.connection import open_database, write
from db.store.engines.postgres import PgDatabase, safe_url
from db.store.engines.postgres_schema import TILL_ROLE

pytest_plugins = ["tests.pg_support"]  # the server, template and per-test database fixtures

ROOT = Path(__file__).resolve().parent.parent


def _script(command: str, pg_dir: str) -> subprocess.CompletedProcess[str]:
    from tests.pg_support import run_script  # imported by pytest first, as a plugin

    return run_script(command, pg_dir)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[PgDatabase]:
    db = open_database(pg_url)
    assert isinstance(db, PgDatabase)
    try:
        yield db
    finally:
        db.close()


def test_script_is_idempotent_and_reports_status(pg_server: tuple[str, str]) -> None:
    url, pg_dir = pg_server
    again = _script("start", pg_dir)
    assert again.returncode == 0 and again.stdout.strip() == url and again.stderr == ""
    assert _script("url", pg_dir).stdout.strip() == url
    status = _script("status", pg_dir)
    assert (status.returncode, status.stdout.strip()) == (0, "running")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("counterpart",)


def test_script_stop_removes_the_cluster(tmp_path: Path, pg_server: tuple[str, str]) -> None:
    pg_dir = f"/tmp/counterpart-pg-stop-{os.getpid()}"
    script = str(ROOT / "scripts" / "pg-local.sh")
    refused = subprocess.run(["bash", script, "start"], capture_output=True, text=True,
                             env={**os.environ, "PG_DIR": pg_dir, "PG_SHARED_BUFFERS": "lots"},
                             check=False)
    assert refused.returncode == 1 and "PG_SHARED_BUFFERS" in refused.stderr
    assert not Path(pg_dir).exists()  # refused before anything was made
    started = subprocess.run(["bash", script, "start"], capture_output=True, text=True,
                             env={**os.environ, "PG_DIR": pg_dir, "PG_SHARED_BUFFERS": "16MB"},
                             check=False)
    url = started.stdout.strip()
    assert url.startswith("postgresql://") and url != pg_server[0], started.stderr
    with psycopg.connect(url) as conn:  # the bench's server takes more memory this way
        assert conn.execute("SHOW shared_buffers").fetchone() == ("16MB",)
    stopped = _script("stop", pg_dir)
    assert stopped.returncode == 0 and not Path(pg_dir).exists()
    status = _script("status", pg_dir)
    assert (status.returncode, status.stdout.strip()) == (3, "stopped")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


def test_db_init_makes_the_sqlite_tables_and_version(pg_db: PgDatabase) -> None:
    sqlite = open_database(":memory:")
    sqlite_tables = {r[0] for r in sqlite.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE 'customer_fts_%'")}
    pg_tables = {r[0] for r in pg_db.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
    assert pg_tables == sqlite_tables
    for table in ("customers", "audit_log", "complaints"):
        assert [r[1] for r in pg_db.execute(f"PRAGMA table_info({table})")] == [
            r[1] for r in sqlite.execute(f"PRAGMA table_info({table})")]
    count = "SELECT count(*) FROM _sqlite_migrations"
    assert pg_db.execute(count).fetchone() == sqlite.execute(count).fetchone()


def test_an_uninitialised_database_is_refused_with_the_command_to_run(
        empty_url: str) -> None:
    with pytest.raises(NotCounterpartDatabase, match="counterpart db init"):
        open_database(empty_url)


def test_cli_db_init_creates_then_refuses_again(empty_url: str) -> None:
    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "console", "db", "init", empty_url],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = run()
    assert first.returncode == 0, first.stderr
    assert "schema and roles created" in first.stdout
    second = run()
    assert second.returncode == 1 and "already holds" in second.stderr
    open_database(empty_url).close()


def test_db_init_refuses_a_database_whose_characters_are_not_utf8(
        pg_server: tuple[str, str]) -> None:
    """In a C-type database pg_trgm skips Chinese characters, so a search for a Chinese
    name would read the whole table: `db init` says how to create the database instead."""
    from tests.pg_support import _drop, database_url

    name = "t_ctype_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_server[0], autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0")
    try:
        url = database_url(pg_server[0], name)
        done = subprocess.run(
            [sys.executable, "-m", "console", "db", "init", url],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 1
        assert "LC_CTYPE 'C.UTF-8'" in done.stderr and "Nothing was changed" in done.stderr
        with pytest.raises(NotCounterpartDatabase):
            open_database(url)
    finally:
        _drop(pg_server[0], name)


def test_the_test_clusters_databases_search_chinese_through_the_index(pg_url: str) -> None:
    """scripts/pg-local.sh makes its cluster with a UTF-8 character type (as the server
    setup does), so trigrams of Chinese names exist."""
    with psycopg.connect(pg_url) as raw:
        row = raw.execute("SELECT show_trgm('林小美')").fetchone()
    assert row is not None and len(row[0]) >= 3


def test_the_tills_role_may_append_to_the_audit_log_but_never_change_it(
        pg_url: str) -> None:
    login = "till_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_url, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {login} LOGIN IN ROLE {TILL_ROLE}")
    till_url = pg_url.replace("://counterpart-pg@", f"://{login}@").replace(
        f"://{os.environ.get('USER', '')}@", f"://{login}@")
    assert login in till_url
    try:
        with psycopg.connect(till_url, autocommit=True) as till:
            till.execute("INSERT INTO audit_log (at, action, prev_hash, hash) "
                         "VALUES ('2026-11-30T00:00:00Z', 'test', '', 'h1')")
            assert till.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)
            for statement in ("UPDATE audit_log SET action = 'forged'",
                              "DELETE FROM audit_log", "TRUNCATE audit_log"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    till.execute(statement)
            till.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")  # other tables
        with psycopg.connect(pg_url) as owner:
            privileges = owner.execute(
                "SELECT privilege_type FROM information_schema.role_table_grants "
                "WHERE grantee = %s AND table_name = 'audit_log' ORDER BY 1",
                [TILL_ROLE]).fetchall()
        assert [p[0] for p in privileges] == ["INSERT", "SELECT"]  # a GRANT, not a trigger
        with (psycopg.connect(pg_url, autocommit=True) as owner,  # the owner: the trigger
              pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only")):
            owner.execute("DELETE FROM audit_log")
    finally:
        with psycopg.connect(pg_url, autocommit=True) as owner:
            owner.execute(f"DROP OWNED BY {login}")
            owner.execute(f"DROP ROLE {login}")


def _customer(name: str, phone: str = "", language: str = "en") -> CustomerInput:
    return CustomerInput(name=name, phone=phone, language=language)


PEOPLE = [("Aino Korhonen", "040 123 4567", "fi"), ("王小明", "0912 345 678", "zh-TW"),
          ("Emily Carter", "07700 900123", "en"), ("Jääskeläinen Pekka", "", "fi"),
          ("李娜", "", "zh-CN")]
QUERIES = ["aino", "korh", "Aino K", "korhonen a", "0401234567", "040 123", "900123",
           "C000002", "c 3", "王小明", "王小", "小明", "李娜", "娜", "Emily", "carter em",
           "jaaskelainen", "pekka j", "nobody"]


def test_create_and_find_customers_as_on_sqlite(pg_db: PgDatabase) -> None:
    """The same data API calls, unchanged, find the same customers on both engines."""
    sqlite = open_database(":memory:")
    for db in (pg_db, sqlite):
        for name, phone, language in PEOPLE:
            create_customer(db, _customer(name, phone, language))  # type: ignore[arg-type]
    for query in QUERIES:
        on_pg = [h.customer_no for h in search_customers(pg_db, query)]  # type: ignore[arg-type]
        assert on_pg == [h.customer_no for h in search_customers(sqlite, query)], query
    assert [h.name for h in search_customers(pg_db, "王小")] == ["王小明"]  # type: ignore[arg-type]
    assert [h.name for h in search_customers(pg_db, "jaaskel")] == [  # type: ignore[arg-type]
        "Jääskeläinen Pekka"]
    aino = get_customer(pg_db, 1)  # type: ignore[arg-type]
    assert (aino.customer_no, aino.name, aino.language) == ("C000001", "Aino Korhonen", "fi")
    assert get_profile(pg_db, 1).complaints_90d == 0  # type: ignore[arg-type]


def test_a_failed_write_leaves_nothing_and_ids_come_back(pg_db: PgDatabase) -> None:
    with pytest.raises(RuntimeError), write(pg_db):  # type: ignore[arg-type]
        pg_db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise RuntimeError("crash mid-transaction")
    assert pg_db.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    assert not pg_db.conn.in_transaction
    with write(pg_db):  # type: ignore[arg-type]
        cur = pg_db.execute("INSERT INTO staff (name, role, created_at) VALUES (?, ?, ?)",
                            ["Mia", "manager", "2026-11-30T00:00:00Z"])
    assert cur.lastrowid == 1 and cur.rowcount == 1
    assert pg_db.execute("SELECT name FROM staff WHERE id = ?", [1]).fetchone() == ("Mia",)


def test_the_url_shown_never_holds_the_password() -> None:
    assert safe_url("postgresql://till:s3cret@db.example:5433/shop?sslmode=require") == (
        "postgresql://till@db.example:5433/shop")


def test_purchases_move_regulars_up_as_on_sqlite(pg_db: PgDatabase) -> None:
    """Purchases run the PL/pgSQL triggers (favourite items, the search score that re-keys
    the index): the profile and the search order match SQLite's."""
    from datetime import UTC, datetime, timedelta

    from db.customers.purchases import add_product, record_purchase

    sqlite = open_database(":memory:")
    names = ["Anna Virtanen", "Anna Lehto", "Annika Berg"]
    start = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    scores = []
    for db in (pg_db, sqlite):
        for name in names:
            create_customer(db, _customer(name))  # type: ignore[arg-type]
        coffee = add_product(db, "K1", "Coffee", "drinks", 350)  # type: ignore[arg-type]
        bun = add_product(db, "K2", "Bun", "food", 420)  # type: ignore[arg-type]
        for week in range(6):  # Annika comes weekly, Anna Lehto once, lately
            record_purchase(db, 3, [(coffee.id, 1), (bun.id, 2)],  # type: ignore[arg-type]
                            purchased_at=start + timedelta(days=7 * week))
        record_purchase(db, 2, [(bun.id, 1)],  # type: ignore[arg-type]
                        purchased_at=start + timedelta(days=40))
        scores.append(db.execute("SELECT id, search_score FROM customers ORDER BY id"
                                 ).fetchall())
    on_pg, on_sqlite = scores
    assert [r[0] for r in on_pg] == [r[0] for r in on_sqlite]
    for (_id, pg_score), (_id2, sqlite_score) in zip(on_pg, on_sqlite, strict=True):
        assert (pg_score is None) == (sqlite_score is None)
        if pg_score is not None:
            assert abs(pg_score - sqlite_score) < 1e-9
    for query in ("ann", "an", "a", "anna"):
        assert [h.id for h in search_customers(pg_db, query)] == [  # type: ignore[arg-type]
            h.id for h in search_customers(sqlite, query)], query
    assert search_customers(pg_db, "ann")[0].name == "Annika Berg"  # type: ignore[arg-type]
    favourites = get_profile(pg_db, 3).favourites  # type: ignore[arg-type]
    assert [(f.name, f.quantity) for f in favourites] == [("Bun", 12), ("Coffee", 6)]
    assert get_customer(pg_db, 3).visits == 6  # type: ignore[arg-type]


def test_results_read_as_sqlite_gives_them(pg_db: PgDatabase) -> None:
    """Sums of BIGINT come back as int (not Decimal), column names in `description`, and
    `with db.conn:` commits as sqlite3's does."""
    with pg_db.conn:
        pg_db.execute("BEGIN")
        pg_db.execute("INSERT INTO settings (key, value) VALUES ('a', '1'), ('b', '2')")
    cur = pg_db.execute("SELECT sum(length(value)) AS total, avg(length(value)) * 1.5 AS x "
                        "FROM settings")
    assert [d[0] for d in cur.description or ()] == ["total", "x"]
    total, x = cur.fetchone() or (None, None)
    assert (total, type(total), x) == (2, int, 1.5)
    assert [r[0] for r in pg_db.execute("SELECT key FROM settings ORDER BY key COLLATE NOCASE")
            ] == ["a", "b"]


def test_writers_queue_as_on_one_sqlite_file(pg_url: str) -> None:
    """BEGIN IMMEDIATE takes one advisory lock: a second till's write waits for the first
    and, after the busy timeout, fails as SQLite's "busy in another console"."""
    from db.errors import DatabaseLocked

    till1, till2 = open_database(pg_url), open_database(pg_url)
    assert isinstance(till1, PgDatabase) and isinstance(till2, PgDatabase)
    till2.conn.raw.execute("SET lock_timeout = 200")  # the test waits 0.2 s, not 5
    try:
        with write(till1):  # type: ignore[arg-type]
            till1.execute("INSERT INTO settings (key, value) VALUES ('one', '1')")
            with pytest.raises(DatabaseLocked, match="busy in another console"), \
                    write(till2):  # type: ignore[arg-type]
                till2.execute("INSERT INTO settings (key, value) VALUES ('two', '2')")
        assert not till2.conn.in_transaction
        with write(till2):  # type: ignore[arg-type]
            till2.execute("INSERT INTO settings (key, value) VALUES ('two', '2')")
        assert [r[0] for r in till1.execute("SELECT key FROM settings ORDER BY key")] == [
            "one", "two"]
    finally:
        till1.close()
        till2.close()


def test_report_constructs_run_on_the_server(pg_db: PgDatabase) -> None:
    """What the end-of-day report's SQL uses: json_each over possibly invalid JSON,
    json_group_array, sum of a comparison, ?1 placeholders, a subquery without alias."""
    for key, value in (("a", '["listen", "apologise"]'), ("b", "not json"), ("c", '["listen"]')):
        pg_db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])
    steps = pg_db.execute(
        "SELECT j.value, count(*) FROM settings s, json_each(CASE WHEN json_valid(s.value) "
        "THEN s.value ELSE '[]' END) j GROUP BY j.value ORDER BY j.value").fetchall()
    assert steps == [("apologise", 1), ("listen", 2)]
    row = pg_db.execute(
        "SELECT sum(key = ?1), json_group_array(key), (SELECT count(*) FROM "
        "(SELECT key FROM settings WHERE key >= ?2)) FROM settings", ["a", "b"]).fetchone()
    assert row is not None and row[0] == 1 and json.loads(row[1]) == ["a", "b", "c"]
    assert row[2] == 2


def test_tills_appending_at_once_keep_one_audit_chain(pg_url: str) -> None:
    """4 tills (connections) x 25 appends at once: the advisory lock of BEGIN IMMEDIATE
    serialises them, so the chain is unbroken and nothing is missing (a small version of
    issue 11's 8 processes x 100 authorisations)."""
    from concurrent.futures import ThreadPoolExecutor

    from db.security import audit

    def till(number: int) -> None:
        db = open_database(pg_url)
        try:
            for i in range(25):
                with audit.immediate(db):
                    audit.append(db, "test.append", None, "till", number, {"i": i})
        finally:
            db.close()

    with ThreadPoolExecutor(4) as pool:
        for done in [pool.submit(till, n) for n in range(4)]:
            done.result()
    db = open_database(pg_url)
    try:
        assert db.execute("SELECT count(*), max(id) FROM audit_log").fetchone() == (100, 100)
        result = audit.verify(db)
        assert result.ok, result
    finally:
        db.close()


def test_the_best_ranked_matches_come_the_fast_way_with_fts5s_answer(
        pg_db: PgDatabase) -> None:
    """`counterpart_fts_top`: the first LIMIT matches in rank-key order, as FTS5 gives them,
    whether they are among the best-ranked rows (read in order) or rarer (the trigram index,
    then sorted; on the 1M bench database its plan is the GIN index, 7 ms for "louis")."""
    from db.store.engines.postgres_schema import FTS_HEAD_ROWS

    rows = FTS_HEAD_ROWS + 500
    pg_db.conn.raw.execute(  # every row holds "common"; only rows past the head hold "rare"
        "INSERT INTO customer_fts (rowid, doc) SELECT n, 'common ' || "
        "CASE WHEN n > %s AND n %% 7 = 0 THEN 'rare ' ELSE '' END || "
        "CASE WHEN n %% 2 = 0 THEN 'even ' ELSE '' END || n "
        "FROM generate_series(1, %s) AS n", [FTS_HEAD_ROWS, rows])

    def top(query: str, limit: int) -> list[int]:
        return [int(r[0]) for r in pg_db.execute(
            "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid LIMIT ?",
            [query, limit])]

    assert top('"common"', 100) == list(range(1, 101))  # the head holds them
    rare = [n for n in range(FTS_HEAD_ROWS + 1, rows + 1) if n % 7 == 0]
    assert top('"rare"', 20) == rare[:20]  # beyond the head: the index finds them in order
    assert top('"common" AND "rare"', 1000) == rare  # fewer than the limit: all of them
    assert top('"nothing"', 10) == []
    # half the head holds "even": the rest is read on in order, or when the rows after the
    # head hold too few, found by the index; the same answer either way
    evens = list(range(2, rows + 1, 2))
    assert top('"even"', FTS_HEAD_ROWS // 2 + 100) == evens[:FTS_HEAD_ROWS // 2 + 100]
    assert top('"even"', FTS_HEAD_ROWS) == evens
    assert top('"even" AND "rare"', 50) == [n for n in rare if n % 2 == 0][:50]


def test_interrupt_stops_a_running_statement_as_sqlite3_does(pg_db: PgDatabase) -> None:
    import sqlite3
    import threading
    import time

    timer = threading.Timer(0.3, pg_db.conn.interrupt)
    timer.start()
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        pg_db.execute("SELECT pg_sleep(10)")
    timer.join()
    assert time.monotonic() - started < 5
    assert pg_db.execute("SELECT 1").fetchone() == (1,)  # the connection still works
