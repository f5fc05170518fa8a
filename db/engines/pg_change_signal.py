"""PostgreSQL's wake-up for `db.changes`: `NOTIFY` in the writer's transaction, `LISTEN` here.

`announce(db)` runs in `db.changes.record`, inside the write's transaction, so PostgreSQL
delivers the notification exactly when (and only if) the write commits; several in one
transaction arrive as one. `PgChangeSignal` is the watcher's side: a dedicated autocommit
connection of its own that `LISTEN`s on `CHANNEL`. `fetch` drains what arrived with
`notifies(timeout=0)` (never waits, so the Qt thread never blocks) and reads the `changes`
rows after the watcher's last seq only when something did, exactly as on SQLite.

A lost connection (the server restarted, the network went) is `ChangesBusy`, not the end:
the next check opens a new connection, `LISTEN`s again and reads the rows after the last
seq once, so nothing committed while it was away is missed. Opening is bounded by a short
`connect_timeout`, so a check while the server is away costs at most that.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

import psycopg

from db.changes import ChangeBatch, ChangesBusy, ChangesUnavailable, latest, read_since
from db.engines.postgres import PgDatabase

CHANNEL = "counterpart_changes"
CONNECT_TIMEOUT_S = 2
"""The longest a check waits to reach a server that is away (libpq's minimum is 2 s)."""


def announce(db: Any) -> None:
    """`NOTIFY` the other tills; inside the caller's write transaction (sent on commit)."""
    db.conn.raw.execute(f"NOTIFY {CHANNEL}")


class PgChangeSignal:
    """See the module's text."""

    def __init__(self, db: PgDatabase) -> None:
        self._url = db.url
        self._reader: PgDatabase | None = None
        self._dirty = True  # read once after (re)connecting: a notification may be missed
        self._closed = False
        self._open()

    def _open(self) -> PgDatabase:
        if self._closed:
            raise ChangesUnavailable("closed")
        if self._reader is not None:
            return self._reader
        try:
            raw = psycopg.connect(self._url, autocommit=True,
                                  connect_timeout=CONNECT_TIMEOUT_S)
            raw.execute(f"LISTEN {CHANNEL}")
            self._reader = PgDatabase(raw, self._url)
        except psycopg.OperationalError as exc:
            raise ChangesBusy(str(exc)) from exc
        except psycopg.Error as exc:
            raise ChangesUnavailable(str(exc)) from exc
        self._dirty = True
        return self._reader

    def _lost(self, exc: BaseException) -> ChangesBusy:
        """The connection broke: drop it; the next check reconnects and reads once."""
        if self._reader is not None:
            with contextlib.suppress(psycopg.Error):
                self._reader.close()
            self._reader = None
        return ChangesBusy(str(exc))

    def latest(self) -> int:
        """The newest seq now (a new watcher starts after it)."""
        reader = self._open()
        try:
            return latest(reader)  # type: ignore[arg-type]
        except (sqlite3.Error, psycopg.Error) as exc:
            raise self._lost(exc) from exc

    def fetch(self, after: int, skip_origin: str) -> ChangeBatch | None:
        """Rows after `after` when a notification arrived (or after reconnecting)."""
        reader = self._open()
        try:
            for _note in reader.conn.raw.notifies(timeout=0):
                self._dirty = True
            if reader.conn.raw.closed or reader.conn.raw.broken:
                raise psycopg.OperationalError("the connection to the server was lost")
            if not self._dirty:
                return None
            batch = read_since(reader, after, skip_origin=skip_origin)  # type: ignore[arg-type]
        except (sqlite3.Error, psycopg.Error) as exc:
            raise self._lost(exc) from exc
        self._dirty = False  # only once read: a failed read is tried again
        return batch

    def close(self) -> None:
        self._closed = True
        if self._reader is not None:
            with contextlib.suppress(psycopg.Error):
                self._reader.close()
            self._reader = None
