"""A till's PostgreSQL connections: one psycopg_pool per server and process.

Why a pool: a till opens a connection for each piece of background work (a report, a
birthday batch, an import) and again after every outage; over a shop's network with TLS a
new connection costs tens of milliseconds and one of the server's slots. The pool keeps a
returned connection open for the next user, checks an idle one before handing it out (the
server may have restarted meanwhile), caps how many one till holds, and hands each one out
as new: no open transaction, no temporary table. `PgChangeSignal`'s LISTEN connection stays
its own: it lives as long as the window and must never be handed to anyone else.

The pool's own reconnection gives up quickly (`RETRY_S`): while the server is away,
`PgConnection.reconnect` and the window's banner decide how often to try again.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from time import monotonic
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

POOL_MAX = 8
"""Connections one till process may hold on one server: the window's, the change
watcher's reconnections and a few background jobs at once. A ninth waits for one to come
back (`take`'s timeout), so a runaway loop cannot fill the server's slots."""
IDLE_S = 120.0
"""A connection unused this long is closed (the pool keeps none when idle: `min_size` 0)."""
RETRY_S = 0.05
"""How long the pool itself retries a connection that failed (psycopg_pool tries twice at
least): a retry of its own would wait a second or more (its backoff) after a server came
back, while the till's next statement asks for a fresh attempt at once."""
POLL_S = 0.05
"""`take` looks this often whether the pool's attempt has failed, so a refused connection
or a wrong password is reported at once instead of after the whole timeout."""

Raw = psycopg.Connection[tuple[Any, ...]]

_pools: dict[tuple[int, str], ConnectionPool[Raw]] = {}
_lock = threading.Lock()

# psycopg_pool logs each failed attempt as a warning; with no handler Python would print
# them on the till's terminal during an outage, which the window's banner already reports
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())


class NoConnection(Exception):
    """The pool gave no connection in time: the server is away, refuses this URL, or every
    connection of this till is in use."""


def configure(raw: Raw) -> None:
    """What every connection of a till sets first (pooled or not)."""
    from db.store.engines.postgres import BUSY_TIMEOUT_MS

    raw.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")


def _reset(raw: Raw) -> None:
    # the next user gets no temporary table of this one's (an import's staged rows)
    raw.execute("DISCARD TEMP")


def _pool(url: str) -> ConnectionPool[Raw]:
    """This process's pool for `url` (a forked child never uses its parent's: their
    threads did not come along)."""
    from db.store.engines.postgres import CONNECT_TIMEOUT_S, connect_options

    key = (os.getpid(), url)
    with _lock:
        pool = _pools.get(key)
        if pool is not None and not pool.closed:
            return pool
        pool = ConnectionPool(
            url, kwargs={"autocommit": True, **connect_options(url, timeout=True)},
            min_size=0, max_size=POOL_MAX, open=True, configure=configure, reset=_reset,
            check=ConnectionPool.check_connection, name="counterpart",
            timeout=CONNECT_TIMEOUT_S, max_idle=IDLE_S, reconnect_timeout=RETRY_S,
            num_workers=2)
        _pools[key] = pool
        return pool


Pool = ConnectionPool[Raw]


def take(url: str, timeout: float) -> tuple[Raw, Pool]:
    """A connection to `url` from this process's pool, and the pool to give it back to;
    `NoConnection` when none came within `timeout` or the pool's attempt to make one
    failed meanwhile."""
    pool = _pool(url)
    errors = pool.get_stats().get("connections_errors", 0)
    deadline = monotonic() + timeout
    while True:
        left = deadline - monotonic()
        try:
            return pool.getconn(timeout=max(min(POLL_S, left), 0.001)), pool
        except PoolClosed as exc:  # closed by another thread (the end of the process)
            raise NoConnection(str(exc)) from exc
        except PoolTimeout as exc:
            failed = pool.get_stats().get("connections_errors", 0) > errors
            if failed or left <= POLL_S:
                raise NoConnection(str(exc)) from exc


def give_back(raw: Raw, pool: Pool) -> None:
    """Return a connection `take` gave (the pool drops a broken one, and closes any
    connection once it is closed itself)."""
    if not raw.broken and not raw.closed and raw.info.transaction_status in (
            psycopg.pq.TransactionStatus.INTRANS, psycopg.pq.TransactionStatus.INERROR):
        try:  # ended here, quietly: the pool would log a warning for it
            raw.rollback()
        except psycopg.Error:
            raw.close()
    pool.putconn(raw)


def stats(url: str) -> dict[str, int]:
    """The pool's counters (psycopg_pool's `get_stats`), for tests and diagnostics."""
    with _lock:
        pool = _pools.get((os.getpid(), url))
    return {} if pool is None else pool.get_stats()


def close_pools(url: str | None = None) -> None:
    """Close this process's pools (of `url` only, when given): idle connections are
    closed now, those in use when they come back."""
    me = os.getpid()
    with _lock:
        # a forked child forgets its parent's pools: closing them would close the
        # parent's connections, whose sockets the child shares
        for key in [k for k in _pools if k[0] != me]:
            del _pools[key]
        keys = [k for k in _pools if url is None or k[1] == url]
        closing = [_pools.pop(k) for k in keys]
    for pool in closing:
        pool.close(timeout=1.0)


atexit.register(close_pools)
