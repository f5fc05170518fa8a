"""Opening the database: identity, damage, pragmas, migrations and the errors a person can act on.

Order at open, so that a file that is not ours, or is damaged, is left exactly as it was:
connect (reads only) -> is it Counterpart's (`PRAGMA application_id`, or an older Counterpart
file recognised by its schema record) -> a bounded quick check of its pages -> only then
the pragmas that write (WAL, synchronous) and the migrations.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

from sqlite_utils import Database

from db.errors import (
    DatabaseCorrupt,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotCounterpartDatabase,
    SchemaRecordMissing,
)
from db.i18n import _
from db.store.faults import (
    describe_os_error,
    describe_sqlite_error,
    remember_database,
    restore_advice,
)
from db.store.location import POSTGRES_SCHEMES, ServerUrl
from db.store.migrations import APPLICATION_ID, migrations

BUSY_TIMEOUT_MS = 5000
FILE_MODE = 0o600  # the database, its -wal and -shm: the owner only
QUICK_CHECK_MS = 200.0
"""At most this long (wall clock) is spent on the page check at open; see `quick_check`."""
QUICK_CHECK_WHOLE_BYTES = 32 * 1024 * 1024
"""Up to this size the whole file is checked at open; above it, the tables holding money,
authorisations, staff and settings first, then the others while the time budget lasts."""

_READ_ONLY = "_counterpart_read_only"  # attribute set on a Database opened read-only
_PATH = "_counterpart_path"  # the file a Database was opened from
_CORE_TABLES = frozenset({"settings", "staff", "customers", "audit_log"})
# Checked first when the file is too large to check whole: what money and power live in.
_PRIORITY = (
    "_sqlite_migrations", "settings", "staff", "pin_lockouts", "audit_log", "vouchers",
    "authorisations", "compensations", "follow_ups", "complaints", "drafts", "products",
    "letters", "purchases", "customers",
)


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def code_schema_version() -> int:
    return len(migrations._migrations)


def is_read_only(db: Database) -> bool:
    """True when `open_database` opened the file read-only (it cannot be written)."""
    return bool(getattr(db, _READ_ONLY, False))


def database_path(db: Database) -> str:
    """The file `db` was opened from (':memory:' for an in-memory database)."""
    return str(getattr(db, _PATH, ":memory:"))


@contextmanager
def private_files() -> Iterator[None]:
    """Files created inside get mode 0600 (umask 077): use around creating backups."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def open_database(
    path: str | Path | ServerUrl, *, migrate: bool = True,
    quick_check_ms: float | None = QUICK_CHECK_MS, read_only: bool = False,
) -> Database:
    """Open (creating if needed) and migrate the database at `path`; ':memory:' works too.

    - A new path or an empty file becomes a Counterpart database, created with mode 0600.
    - A SQLite file of another program is refused (NotCounterpartDatabase) and left byte
      for byte as it was; so is a damaged one (DatabaseCorrupt, from a quick check bounded
      by `quick_check_ms`; None skips it) and one whose schema record was emptied
      (SchemaRecordMissing).
    - An existing file that cannot be written (permissions, a read-only disk) is opened
      read-only, so `audit verify`, `check`, `voucher show` and reports still work on it:
      no WAL switch, no migrations (pending ones raise DatabaseReadOnly), and any write
      raises DatabaseReadOnly with a clear message instead of half-working.
      `read_only=True` asks for that on any existing file (`counterpart check`).
    """
    if isinstance(path, ServerUrl):
        path = path.url
    if isinstance(path, str) and path.startswith(POSTGRES_SCHEMES):
        from db.store.engines.postgres import open_postgres  # PostgreSQL: the facade (issue 11)

        return cast(Database, open_postgres(path, migrate=migrate))
    memory = str(path) == ":memory:"
    created = False
    if not memory:
        path = Path(path)
        if path.exists() and path.is_dir():
            raise DatabaseCorrupt(_("{path} is a folder, not a database file.").format(path=path))
        if not path.exists():
            created = _create_private(path)
        else:
            read_only = read_only or not os.access(path, os.W_OK)
    else:
        read_only = False
    db = _open_checked(path, memory, read_only, quick_check_ms)
    if not memory and not read_only:
        try:
            _enable_wal(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            if not _says_read_only(exc):
                raise _translate(exc, path) from exc
            read_only = True  # sqlite refused the WAL switch: the file cannot be written
            db = _open_checked(path, memory, read_only, None)  # checked a moment ago
    if read_only:
        setattr(db, _READ_ONLY, str(path))
    setattr(db, _PATH, str(path))
    if not memory:
        remember_database(path)
    if created:
        _make_private(Path(path))
    if migrate:
        try:
            migrate_database(db, path)
        except BaseException:
            db.close()
            raise
    return db


def _create_private(path: Path) -> bool:
    """Create the folder (0700) and an empty file (0600): SQLite then fills it."""
    parent = path.parent
    try:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnly(
            _("Cannot create the folder {folder}: {reason}").format(
                folder=parent, reason=exc.strerror)
        ) from exc
    if not os.access(parent, os.W_OK):
        raise DatabaseReadOnly(
            _("The folder {folder} is read-only; choose another --db path.").format(
                folder=parent)
        )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False  # created by someone else meanwhile: open it like any existing file
    except OSError as exc:
        raise describe_os_error(exc, path) from exc
    os.close(fd)
    return True


def _make_private(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            os.chmod(str(path) + suffix, FILE_MODE)


def _open_checked(
    path: str | Path, memory: bool, read_only: bool, quick_check_ms: float | None
) -> Database:
    """Connect without writing anything, then refuse a foreign or damaged file."""
    try:
        db = _connect(path, memory, read_only)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    try:
        _check_identity(db, path)
        if quick_check_ms is not None and not memory:
            result = quick_check(db, quick_check_ms)
            if not result.ok:
                raise damaged(path, result)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _translate(exc, path) from exc
    except BaseException:
        db.close()
        raise
    return db


def _connect(path: str | Path, memory: bool, read_only: bool) -> Database:
    if read_only:
        conn = _connect_read_only(Path(path))
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
    try:
        db = Database(conn, execute_plugins=False)  # no plugins: skips a 70 ms entry-point scan
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        ensure_math_functions(conn)  # the search score's trigger needs pow and log2
    except BaseException:
        conn.close()
        raise
    return db


def ensure_math_functions(conn: sqlite3.Connection) -> None:
    """The search score's trigger (`db.customers.search_index`) uses SQLite's `pow` and `log2`; an
    SQLite built without its math functions gets the same two from Python here."""
    try:
        conn.execute("SELECT pow(2.0, 1.0), log2(2.0)").fetchone()
    except sqlite3.OperationalError:
        conn.create_function("pow", 2, _pow, deterministic=True)
        conn.create_function("log2", 1, _log2, deterministic=True)


def _pow(base: float | None, exponent: float | None) -> float | None:
    return None if base is None or exponent is None else math.pow(base, exponent)


def _log2(value: float | None) -> float | None:
    return None if value is None or value <= 0 else math.log2(value)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """mode=ro; on a read-only disk, where SQLite cannot make the -shm file a WAL database
    needs, the file is opened as immutable (nobody can change it there) unless a -wal
    with changes not yet in the file exists: those would be missed, so that is refused."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "unable to open" not in str(exc).lower():
            raise
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DatabaseReadOnly(_(
            "{path} is on a read-only disk and its latest changes are still in {wal}, which "
            "cannot be read there. Copy both files to a writable folder and open the copy."
        ).format(path=path, wal=wal))
    return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None, check_same_thread=False)


def _enable_wal(db: Database) -> None:
    """The first pragmas that write. synchronous=FULL: once a write transaction has
    committed (the screen says saved), a power cut cannot take it back."""
    db.execute("PRAGMA journal_mode = WAL")  # a file that cannot be written raises here
    db.execute("PRAGMA synchronous = FULL")


def _says_read_only(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _user_tables(db: Database) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")}


def _check_identity(db: Database, path: str | Path) -> None:
    """Refuse a SQLite database that is not Counterpart's, before anything writes to it."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    not_ours = NotCounterpartDatabase(_(
        "{path} is a database of another program, not Counterpart's; it was left as it "
        "was. Give the console's own database with --db, or a new file name to start a "
        "new one.").format(path=path))
    if app_id != 0:
        raise not_ours
    tables = _user_tables(db)
    if not tables:
        return  # an empty database: it becomes Counterpart's
    if migrations.applied(db) or tables >= _CORE_TABLES:
        return  # written by a Counterpart from before application_id (or its record is
        # missing, which `migrate_database` explains)
    raise not_ours


# ------------------------------------------------------------------ damaged pages


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: tuple[str, ...]
    complete: bool  # every page of the file was checked
    checked: tuple[str, ...]  # tables checked one by one (empty when the whole file was)
    elapsed_ms: float


def quick_check(db: Database, budget_ms: float = QUICK_CHECK_MS) -> CheckResult:
    """A bounded `PRAGMA quick_check`: the whole file when it is at most
    QUICK_CHECK_WHOLE_BYTES, else table by table (money, authorisations, staff, settings
    and the audit log first) until `budget_ms` is spent; a table cut short counts as
    unchecked. `counterpart check` checks everything (`full_check`)."""
    started = time.perf_counter()
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    if pages * page_size <= QUICK_CHECK_WHOLE_BYTES:
        problems = _run_check(db, "quick_check", None)
        if problems is not None:
            return CheckResult(not problems, tuple(problems), True, (), _since(started))
    return _check_tables(db, "quick_check", started, started + budget_ms / 1000)


def full_check(db: Database) -> CheckResult:
    """`PRAGMA integrity_check` of the whole file (every page, index and constraint); when
    the damage stops the check itself, each table is checked on its own to name them."""
    started = time.perf_counter()
    problems = _run_check(db, "integrity_check", None)
    if problems is not None:
        return CheckResult(not problems, tuple(problems), True, (), _since(started))
    return _check_tables(db, "integrity_check", started, None)


def _since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _run_check(db: Database, pragma: str, table: str | None) -> list[str] | None:
    """The problems `PRAGMA pragma(table)` reports; None when damage stopped the check
    (SQLite raises "database disk image is malformed" instead of listing it)."""
    arg = "100" if table is None else '"' + table.replace('"', '""') + '"'
    try:
        return _problems(db.execute(f"PRAGMA {pragma}({arg})").fetchall())
    except sqlite3.DatabaseError as exc:
        if isinstance(describe_sqlite_error(exc, ""), DatabaseCorrupt):
            return None
        raise


def _check_tables(
    db: Database, pragma: str, started: float, deadline: float | None
) -> CheckResult:
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    rank = {name: i for i, name in enumerate(_PRIORITY)}
    tables.sort(key=lambda name: (rank.get(name, len(rank)), name))
    checked: list[str] = []
    problems: list[str] = []

    # One PRAGMA check is a single step for SQLite (a progress handler is never called
    # inside it), so the budget is kept by interrupting the connection at the deadline.
    timer = None
    if deadline is not None:
        timer = threading.Timer(max(0.0, deadline - time.perf_counter()), db.conn.interrupt)
        timer.daemon = True
        timer.start()
    try:
        for table in ["sqlite_master", *tables]:
            if deadline is not None and time.perf_counter() > deadline:
                break
            try:
                found = _run_check(db, pragma, table)
            except sqlite3.OperationalError as exc:
                if "interrupt" in str(exc).lower():
                    break
                raise
            checked.append(table)
            if found is None:
                problems.append(_("table {table}: its pages cannot be read (database disk "
                                  "image is malformed)").format(table=table))
            else:
                problems.extend(found)
            if problems and deadline is not None:
                break  # at open, one damaged table is enough to refuse
    finally:
        if timer is not None:
            timer.cancel()
            timer.join()
    complete = len(checked) == len(tables) + 1
    return CheckResult(not problems, tuple(problems), complete, tuple(checked), _since(started))


def _problems(rows: list[tuple[object, ...]]) -> list[str]:
    return [str(r[0]) for r in rows if str(r[0]) != "ok"]


def damaged(path: str | Path, result: CheckResult) -> DatabaseCorrupt:
    shown = "; ".join(p.replace("\n", " ") for p in result.problems[:3])
    more = len(result.problems) - 3
    if more > 0:
        shown += _(" (and {n} more)").format(n=more)
    return DatabaseCorrupt(_(
        "{path} is damaged ({problems}), so nothing was written to it. {advice}"
    ).format(path=path, problems=shown, advice=restore_advice(path)))


# ------------------------------------------------------------------ schema


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
    record_missing = SchemaRecordMissing(_(
        "{path} holds Counterpart's tables but the record of its schema version (the "
        "table _sqlite_migrations) is empty or missing, so Counterpart cannot tell which "
        "version it is and has not touched it. {advice}"
    ).format(path=path, advice=restore_advice(path)))
    if not applied and _user_tables(db) - {migrations.migrations_table}:
        raise record_missing
    if is_read_only(db):
        raise DatabaseReadOnly(
            _("{path} cannot be written, and this version of Counterpart must update it "
              "first. Open it once where it can be written.").format(path=path)
        )
    try:
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if "already exists" in str(exc):
            raise record_missing from exc
        raise _translate(exc, path) from exc
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc


def _translate(exc: sqlite3.Error, path: str | Path) -> Exception:
    return describe_sqlite_error(exc, path) or exc


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at BEGIN (BEGIN IMMEDIATE).

    A deferred transaction that later upgrades to a write can fail at once with "database
    is locked" when another console writes; IMMEDIATE waits the busy timeout instead.
    Nested use becomes a savepoint of the outer transaction. A full disk, an I/O error or
    a damaged page met inside rolls everything back and is raised as the matching
    `db.errors.DatabaseError`, naming the file.
    """
    with _write(db, lambda conn: conn.execute("BEGIN IMMEDIATE")):
        yield db


@contextmanager
def concurrent_write(db: Database, *keys: str,
                     records_changes: bool = False) -> Iterator[Database]:
    """`write` for a write that other tills may make at the same time, on a server.

    On SQLite it is `write` (one writer per file). On PostgreSQL it waits only for a
    whole-database writer (`write`) and for writers holding one of `keys` (names such as
    ``complaint:12``: everything the write reads and then relies on must be covered by a
    key, or be a single row it updates with a condition). Its appends to the audit chain
    and the change feed wait their turn at the end (`hold_append_lock`, taken by
    `db.security.audit.append` and `db.store.changes.record`), so the chain stays one line and
    changes
    are committed in number order. Nested use becomes a savepoint of the outer
    transaction, under the outer transaction's locks. `records_changes`: it will call
    `db.store.changes.record` (the other tills' wake-up is then sent with its BEGIN, one round
    trip less while it holds the tail lock).
    """
    begin = getattr(db.conn, "begin_concurrent", None)
    if begin is None:
        with write(db):
            yield db
        return
    with _write(db, lambda _conn: begin(keys, announce=records_changes)):
        yield db


def hold_append_lock(db: Database) -> None:
    """Before appending to the audit chain or the change feed inside a write: in a
    `concurrent_write` on a server, wait for the other tills' appends and hold the turn
    until commit; otherwise (SQLite, `write`) the write already holds the database."""
    hold = getattr(db.conn, "hold_tail_lock", None)
    if hold is not None:
        hold()


@contextmanager
def _write(db: Database, begin: Callable[[Any], object]) -> Iterator[Database]:
    if is_read_only(db):
        raise DatabaseReadOnly(
            _("{path} is open read-only (the file cannot be written), so nothing was "
              "changed. Check the file's permissions and that its disk is not read-only.").format(
                path=getattr(db, _READ_ONLY))
        )
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    path = database_path(db)
    try:
        begin(conn)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc
    try:
        yield db
    except sqlite3.DatabaseError as exc:
        _rollback(conn)
        known = describe_sqlite_error(exc, path)
        if known is None:
            raise
        raise known from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        _rollback(conn)
        raise _translate(exc, path) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
