"""SQLite's wake-up for `db.store.changes`: `PRAGMA data_version` on a reading connection of its
own.

`PRAGMA data_version` changes when another connection has committed to the file since the
last time this connection asked, and costs microseconds: a till asks it a few times a
second and reads `changes` only when it moved. The connection is the watcher's own,
read-only and with no busy wait, so a locked database costs nothing (ChangesBusy: try at
the next check) and never touches the console's connection, its transactions or its busy
timeout (other threads may be using it). This module is the only SQLite-specific part of
the path; a PostgreSQL engine puts `LISTEN` in its own module with the same `fetch`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from db.store.changes import ChangeBatch, ChangesBusy, ChangesUnavailable, latest, read_since
from db.store.connection import database_path

_BUSY = ("locked", "busy")


class SqliteChangeSignal:
    """See the module's text. An in-memory database has no other connection: `fetch`
    always returns None there."""

    def __init__(self, db: Database) -> None:
        path = database_path(db)
        self._reader: Database | None = None
        self._version: int | None = None
        self._memory: Database | None = None
        if path == ":memory:":
            self._memory = db
            return
        uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise ChangesUnavailable(str(exc)) from exc
        conn.execute("PRAGMA busy_timeout = 0")
        self._reader = Database(conn, execute_plugins=False)

    def latest(self) -> int:
        """The newest seq now (a new watcher starts after it)."""
        db = self._reader or self._memory
        if db is None:
            raise ChangesUnavailable("closed")
        try:
            return latest(db)
        except sqlite3.Error as exc:
            raise _translate(exc) from exc

    def fetch(self, after: int, skip_origin: str) -> ChangeBatch | None:
        """Rows after `after` when another connection committed since the last call."""
        if self._reader is None:
            if self._memory is None:
                raise ChangesUnavailable("closed")
            return None
        try:
            version = int(self._reader.execute("PRAGMA data_version").fetchone()[0])
            if version == self._version:
                return None
            batch = read_since(self._reader, after, skip_origin=skip_origin)
        except sqlite3.Error as exc:
            raise _translate(exc) from exc
        self._version = version  # only once read: a busy read is tried again
        return batch

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._memory = None


def _translate(exc: sqlite3.Error) -> Exception:
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and any(word in text for word in _BUSY):
        return ChangesBusy(str(exc))
    return ChangesUnavailable(str(exc))
