"""Opening the database: pragmas, migrations and the errors a person can act on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from db.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from db.i18n import _
from db.migrations import migrations

BUSY_TIMEOUT_MS = 5000


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def code_schema_version() -> int:
    return len(migrations._migrations)


def open_database(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at `path`; ':memory:' works too."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if path.exists() and path.is_dir():
            raise DatabaseCorrupt(_("{path} is a folder, not a database file.").format(path=path))
        parent = path.parent
        if not path.exists():
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseReadOnly(
                    _("Cannot create the folder {folder}: {reason}").format(
                        folder=parent, reason=exc.strerror
                    )
                ) from exc
            if not os.access(parent, os.W_OK):
                raise DatabaseReadOnly(
                    _("The folder {folder} is read-only; choose another --db path.").format(
                        folder=parent
                    )
                )
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )
        db = Database(conn)
        _apply_pragmas(db, memory)
        _check_readable(db, path)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    if migrate:
        migrate_database(db, path)
    return db


def _apply_pragmas(db: Database, memory: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not memory:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":  # read-only files stay in their own mode; fine for reading
            pass
        db.execute("PRAGMA synchronous = NORMAL")


def _check_readable(db: Database, path: str | Path) -> None:
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()


def migrate_database(db: Database, path: str | Path = ":memory:") -> None:
    known = {m.name for m in migrations._migrations}
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - known
    if unknown:
        raise DatabaseTooNew(
            _(
                "{path} was written by a newer version of Counterpart (schema {theirs}, "
                "this program knows {ours}). Update Counterpart to open it."
            ).format(path=path, theirs=len(applied), ours=len(known))
        )
    if not migrations.pending(db):
        return
    try:
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc


def _translate(exc: sqlite3.DatabaseError, path: str | Path) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            _("{path} is busy in another console. Try again in a moment.").format(path=path)
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(
            _("{path} cannot be written ({reason}). Check the file's permissions.").format(
                path=path, reason=exc
            )
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            _("{path} is not a Counterpart database or is damaged ({reason}). "
              "Restore it from a backup or choose another file.").format(path=path, reason=exc)
        )
    return exc


def _write_error(exc: sqlite3.OperationalError) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            _("The database is busy in another console. Try again in a moment.")
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(
            _("The database file cannot be written. Check the file's permissions.")
        )
    return exc


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at BEGIN (BEGIN IMMEDIATE).

    A deferred transaction that later upgrades to a write can fail at once with "database
    is locked" when another console writes; IMMEDIATE waits the busy timeout instead.
    Nested use becomes a savepoint of the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _write_error(exc) from exc
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _write_error(exc) from exc
