"""Opening the database: pragmas, migrations and the errors a person can act on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

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
_READ_ONLY = "_counterpart_read_only"  # attribute set on a Database opened read-only


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def code_schema_version() -> int:
    return len(migrations._migrations)


def is_read_only(db: Database) -> bool:
    """True when `open_database` opened the file read-only (it cannot be written)."""
    return bool(getattr(db, _READ_ONLY, False))


def open_database(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at `path`; ':memory:' works too.

    An existing file that cannot be written (permissions, a read-only medium) is opened
    read-only, so `audit verify`, `voucher show` and reports still work on it: no WAL switch,
    no migrations (pending ones raise DatabaseReadOnly), and any write raises
    DatabaseReadOnly with a clear message instead of half-working.
    """
    memory = str(path) == ":memory:"
    read_only = False
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
        else:
            read_only = not os.access(path, os.W_OK)
    try:
        db = _connect(path, memory, read_only)
    except sqlite3.OperationalError as exc:
        if read_only or not _says_read_only(exc):
            raise _translate(exc, path) from exc
        read_only = True  # sqlite refused the WAL switch: the file cannot be written
        try:
            db = _connect(path, memory, read_only)
        except sqlite3.DatabaseError as again:
            raise _translate(again, path) from again
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    if read_only:
        setattr(db, _READ_ONLY, str(path))
    if migrate:
        migrate_database(db, path)
    return db


def _connect(path: str | Path, memory: bool, read_only: bool) -> Database:
    if read_only:
        uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
    try:
        db = Database(conn)
        _apply_pragmas(db, memory or read_only)
        _check_readable(db, path)
    except BaseException:
        conn.close()
        raise
    return db


def _says_read_only(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text


def _apply_pragmas(db: Database, memory_or_read_only: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not memory_or_read_only:
        db.execute("PRAGMA journal_mode = WAL")  # a file that cannot be written raises here
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
    if is_read_only(db):
        raise DatabaseReadOnly(
            _("{path} cannot be written, and this version of Counterpart must update it "
              "first. Open it once where it can be written.").format(path=path)
        )
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
    if is_read_only(db):
        raise DatabaseReadOnly(
            _("{path} is open read-only (the file cannot be written), so nothing was "
              "changed. Check the file's permissions.").format(path=getattr(db, _READ_ONLY))
        )
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
