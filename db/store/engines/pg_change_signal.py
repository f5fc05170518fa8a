"""PostgreSQL's wake-up for `db.store.changes`: `NOTIFY` in the writer's transaction, `LISTEN` here.

`announce(db)` runs in `db.store.changes.record`, inside the write's transaction, so PostgreSQL
delivers the notification exactly when (and only if) the write commits; several in one
transaction arrive as one. `PgChangeSignal` is the watcher's side: a dedicated autocommit
connection of its own that `LISTEN`s on `CHANNEL`. `fetch` drains what arrived with
`notifies(timeout=0)` (never waits, so the Qt thread never blocks) and reads the `changes`
rows after the watcher's last seq only when something did, exactly as on SQLite.

A lost connection (the server stopped, the network went) raises `ChangesOffline` with the
time it was lost, never blocks: reconnecting runs in a background thread (one attempt at a
time, every `RETRY_S`, each bounded by `connect_timeout`), and each check while it runs
raises `ChangesOffline` again at once. Once connected it `LISTEN`s again and reads the rows
after the last seq once, so nothing committed while it was away is missed.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from datetime import datetime
from typing import Any

import psycopg

from db.clock import utcnow
from db.store.changes import (
    ChangeBatch,
    ChangesOffline,
    ChangesUnavailable,
    latest,
    read_since,
)
from db.store.engines.postgres import (
    CHANGES_CHANNEL,
    PgDatabase,
    connect_options,
)

CHANNEL = CHANGES_CHANNEL
RETRY_S = 1.0
"""Seconds between reconnection attempts while the server is away."""


def announce(db: Any) -> None:
    """`NOTIFY` the other tills; inside the caller's write transaction (sent on commit)."""
    if not db.conn.announced:  # PostgreSQL delivers one per transaction anyway
        db.conn.raw.execute(f"NOTIFY {CHANNEL}")
        db.conn.announced = True


def _listening(url: str) -> PgDatabase:
    raw = psycopg.connect(url, autocommit=True, **connect_options(url, timeout=True))
    raw.execute(f"LISTEN {CHANNEL}")
    db = PgDatabase(raw, url)
    db.conn.url = ""  # never reconnected by the facade (LISTEN would be lost): by this module
    return db


class PgChangeSignal:
    """See the module's text. The first connection is made in the constructor (the
    console starts with the server there); later ones in the background."""

    def __init__(self, db: PgDatabase) -> None:
        self._url = db.url
        self._reader: PgDatabase | None = None
        self._dirty = True  # read once after (re)connecting: a notification may be missed
        self._closed = False
        self._lost_at: datetime | None = None
        self._attempt: threading.Thread | None = None
        self._attempted = 0.0
        self._made: PgDatabase | None = None  # handed over by the background attempt
        try:
            self._reader = _listening(self._url)
        except psycopg.OperationalError as exc:
            self._lost_at = utcnow()
            raise ChangesOffline(str(exc), self._lost_at) from exc
        except psycopg.Error as exc:
            raise ChangesUnavailable(str(exc)) from exc

    @property
    def lost_at(self) -> datetime | None:
        """When the connection was lost (UTC), None while connected."""
        return self._lost_at

    def fileno(self) -> int | None:
        """The LISTEN connection's socket while connected (a watcher may wait on it to
        check as soon as a notification arrives), else None."""
        if self._reader is None or self._reader.conn.lost:
            return None
        return int(self._reader.conn.raw.fileno())

    def _try_connect(self) -> None:
        try:
            made = _listening(self._url)
        except psycopg.Error:
            return
        if self._closed:
            made.close()
        else:
            self._made = made

    def _open(self) -> PgDatabase:
        if self._closed:
            raise ChangesUnavailable("closed")
        if self._reader is not None:
            return self._reader
        if self._made is not None:  # the background attempt got through
            self._reader, self._made = self._made, None
            self._lost_at = None
            self._dirty = True
            return self._reader
        since = self._lost_at or utcnow()
        self._lost_at = since
        busy = self._attempt is not None and self._attempt.is_alive()
        if not busy and time.monotonic() - self._attempted >= RETRY_S:
            self._attempted = time.monotonic()
            self._attempt = threading.Thread(target=self._try_connect, daemon=True,
                                             name="counterpart-listen-reconnect")
            self._attempt.start()
        raise ChangesOffline("the database server cannot be reached", since)

    def _lost(self, exc: BaseException) -> ChangesOffline:
        """The connection broke: drop it; the next checks reconnect in the background."""
        if self._reader is not None:
            with contextlib.suppress(psycopg.Error):
                self._reader.close()
            self._reader = None
        self._lost_at = self._lost_at or utcnow()
        return ChangesOffline(str(exc), self._lost_at)

    def latest(self) -> int:
        """The newest seq now (a new watcher starts after it)."""
        reader = self._open()
        try:
            return latest(reader)  # type: ignore[arg-type]
        except (sqlite3.Error, psycopg.Error, ChangesOffline) as exc:
            raise self._lost(exc) from exc
        except Exception as exc:  # ServerUnavailable from the facade
            if reader.conn.lost:
                raise self._lost(exc) from exc
            raise

    def fetch(self, after: int, skip_origin: str) -> ChangeBatch | None:
        """Rows after `after` when a notification arrived (or after reconnecting)."""
        reader = self._open()
        try:
            for _note in reader.conn.raw.notifies(timeout=0):
                self._dirty = True
            if reader.conn.lost:
                raise psycopg.OperationalError("the connection to the server was lost")
            if not self._dirty:
                return None
            batch = read_since(reader, after, skip_origin=skip_origin)  # type: ignore[arg-type]
        except (sqlite3.Error, psycopg.Error) as exc:
            raise self._lost(exc) from exc
        except Exception as exc:  # ServerUnavailable from the facade
            if reader.conn.lost:
                raise self._lost(exc) from exc
            raise
        self._dirty = False  # only once read: a failed read is tried again
        return batch

    def close(self) -> None:
        self._closed = True
        for db in (self._reader, self._made):
            if db is not None:
                with contextlib.suppress(psycopg.Error):
                    db.close()
        self._reader = self._made = None
