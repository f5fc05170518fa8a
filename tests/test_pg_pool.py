"""A till's connections to the server come from one psycopg_pool per process
(`db.store.engines.pg_pool`): a closed database's connection serves the next open, each
user gets it as new, a connection the server dropped while idle is never handed out, and
one the code forgot to close still goes back."""

from __future__ import annotations

import gc
import time
from typing import Any

import psycopg
import pytest

from db.store.connection import open_database
from db.store.engines import pg_pool, postgres
from db.store.engines.postgres import PgDatabase

pytest_plugins = ["tests.pg_support"]


def _pid(db: object) -> int:
    assert isinstance(db, PgDatabase)
    row = db.execute("SELECT pg_backend_pid()").fetchone()
    assert row is not None
    return int(row[0])


def _settle(url: str, available: int) -> dict[str, int]:
    """The pool's counters once `available` connections are back in it (a returned
    connection is reset by the pool's worker thread, not at once)."""
    deadline = time.monotonic() + 5
    while True:
        stats = pg_pool.stats(url)
        if stats.get("pool_available", 0) >= available or time.monotonic() > deadline:
            return stats
        time.sleep(0.02)


def _given_back(url: str) -> tuple[Any, int]:
    """A database opened, then closed: its connection waits in the pool. Returns the closed
    database and the server process of its connection."""
    db = open_database(url)
    pid = _pid(db)
    db.close()
    _settle(url, 1)
    return db, pid


def test_a_closed_databases_connection_serves_the_next_open(pg_url: str) -> None:
    first, pid = _given_back(pg_url)
    again = open_database(pg_url)
    try:
        assert _pid(again) == pid
        assert pg_pool.stats(pg_url)["connections_num"] == 1  # made once, used twice
    finally:
        again.close()


def test_the_next_user_gets_no_transaction_or_temporary_table_of_the_last(
        pg_url: str) -> None:
    first = open_database(pg_url)
    pid = _pid(first)
    first.execute("CREATE TEMP TABLE staged (n INTEGER)")
    first.execute("BEGIN")
    first.execute("INSERT INTO settings (key, value) VALUES ('left.open', 'x')")
    first.close()  # the write was never committed
    _settle(pg_url, 1)
    again = open_database(pg_url)
    try:
        assert _pid(again) == pid
        assert not again.conn.in_transaction
        assert again.execute("SELECT value FROM settings WHERE key = 'left.open'"
                             ).fetchone() is None
        assert again.execute("SELECT to_regclass('pg_temp.staged')").fetchone() == (None,)
    finally:
        again.close()


def test_a_connection_the_server_dropped_while_idle_is_not_handed_out(
        pg_url: str, pg_server: tuple[str, str]) -> None:
    first, pid = _given_back(pg_url)
    with psycopg.connect(pg_server[0], autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    again = open_database(pg_url)
    try:
        assert _pid(again) != pid  # checked before it was given, and replaced
        assert again.execute("SELECT count(*) FROM customers").fetchone() == (0,)
    finally:
        again.close()


def test_a_database_dropped_without_close_gives_its_connection_back(pg_url: str) -> None:
    forgotten = open_database(pg_url)
    pid = _pid(forgotten)
    del forgotten
    gc.collect()
    assert _settle(pg_url, 1).get("pool_available") == 1
    again = open_database(pg_url)
    try:
        assert _pid(again) == pid
    finally:
        again.close()


def test_a_till_past_its_pool_still_gets_a_connection_of_its_own(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "FIRST_CONNECT_S", 0.2)
    held = [open_database(pg_url) for _ in range(pg_pool.POOL_MAX)]
    try:
        assert pg_pool.stats(pg_url)["pool_size"] == pg_pool.POOL_MAX
        extra = open_database(pg_url)  # waits a moment, then one outside the pool
        try:
            assert extra.execute("SELECT 1").fetchone() == (1,)
            assert pg_pool.stats(pg_url)["pool_size"] == pg_pool.POOL_MAX
        finally:
            extra.close()
    finally:
        for db in held:
            db.close()


def test_a_wrong_database_name_is_reported_at_once_with_libpqs_reason(
        pg_server: tuple[str, str]) -> None:
    from db.errors import ServerUnavailable

    url = pg_server[0].rsplit("/", 1)[0] + "/no_such_shop"
    started = time.monotonic()
    with pytest.raises(ServerUnavailable, match='database "no_such_shop" does not exist'):
        open_database(url)
    assert time.monotonic() - started < postgres.FIRST_CONNECT_S  # not the whole wait
    pg_pool.close_pools(url)


def test_a_forked_child_neither_uses_nor_closes_its_parents_connections(pg_url: str) -> None:
    import os

    idle, held = open_database(pg_url), open_database(pg_url)
    idle_pid, held_pid = _pid(idle), _pid(held)
    idle.close()
    _settle(pg_url, 1)  # one connection waits in the parent's pool
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # a connection of its own, then its pools closed (as at its exit)
        code = 1
        try:
            own = open_database(pg_url)
            code = 0 if _pid(own) not in (idle_pid, held_pid) else 2
            own.close()
            pg_pool.close_pools()
        finally:
            os.write(writer, bytes([code]))
            os._exit(0)
    os.close(writer)
    answer = os.read(reader, 1)
    os.waitpid(child, 0)
    again = open_database(pg_url)
    try:
        assert answer == b"\x00"
        assert _pid(held) == held_pid
        assert _pid(again) == idle_pid  # the waiting connection was not closed by the child
    finally:
        again.close()
        held.close()


def test_a_server_that_never_answers_is_reported_in_seconds_not_minutes() -> None:
    import socket
    import threading

    from db.errors import ServerUnavailable

    silent = socket.socket()  # accepts the connection (the kernel does) but never speaks
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    url = f"postgresql://till@127.0.0.1:{silent.getsockname()[1]}/shop"
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            open_database(url)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 (reported below)
            outcome.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)
    try:
        assert outcome, "still waiting for a server that never answers after 30 s"
        assert isinstance(outcome[0], ServerUnavailable)
        assert "Cannot connect to the database server" in str(outcome[0])
        assert time.monotonic() - started < 3 * postgres.CONNECT_TIMEOUT_S + 1
    finally:
        silent.close()
        pg_pool.close_pools(url)


def test_a_closed_database_never_runs_a_statement_on_the_next_users_connection(
        pg_url: str) -> None:
    from db.errors import ServerUnavailable

    first, pid = _given_back(pg_url)
    second = open_database(pg_url)
    try:
        assert _pid(second) == pid  # the same connection, now the second user's
        with pytest.raises(ServerUnavailable):
            first.execute("BEGIN")  # a late statement of the first user
        first.conn.interrupt()  # a late cancel button: nothing of the second user's stops
        assert not second.conn.in_transaction
        assert second.execute("SELECT 1").fetchone() == (1,)
    finally:
        second.close()
