"""PostgreSQL behind the subset of sqlite-utils' `Database` that db/ uses.

The data layer calls `db.execute(sql, params)`, `db.conn.execute`, `db.conn.executemany`,
`db.conn.in_transaction`, `db.atomic()`, `db.close()`, and reads `fetchone`, `fetchall`,
iteration, `lastrowid` and `rowcount` from the cursor it gets back. `PgDatabase` offers
exactly that over one psycopg connection in autocommit mode (so `BEGIN`/`COMMIT` are
explicit, as with sqlite3's `isolation_level=None`); each statement goes through
`db.store.engines.dialect.translate` first. PostgreSQL's errors are raised as the matching
`sqlite3` exception classes (with the psycopg error as `__cause__`), so the data layer's
`except sqlite3.IntegrityError` keeps working on both engines.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from decimal import Decimal
from typing import Any, cast

import psycopg
from psycopg import pq

from db.store.engines import dialect, pg_pool
from db.store.engines.dialect import Schema

Params = Sequence[Any] | Mapping[str, Any] | None

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(path: object) -> bool:
    return isinstance(path, str) and path.startswith(POSTGRES_SCHEMES)


SQLITE_ERROR, SQLITE_BUSY, SQLITE_CONSTRAINT = 1, 5, 19
BUSY_TIMEOUT_MS = 5000  # as db.store.connection's: a writer waits this long for another's lock
CONNECT_TIMEOUT_S = 2
"""The longest one reconnection attempt waits for a server that is away (libpq's minimum
is 2 s). It runs in a background thread: a statement waits for it at most RECONNECT_WAIT_S."""
RECONNECT_WAIT_S = 0.25
"""The longest a statement (on the window's thread) waits for the reconnection attempt it
started (a statement while one is already under way does not wait): a server that is back
answers a local network in milliseconds; one that is away (a remote host that does not
answer) is reported as away after this, and the attempt goes on in the background, its
connection used by the next statement."""
NETWORK_DEFAULTS = {
    # a server that vanished from the network (not stopped: cut off) is noticed within
    # about 10 s instead of the kernel's minutes of TCP retries; a URL's own values win
    "keepalives": "1", "keepalives_idle": "5", "keepalives_interval": "2",
    "keepalives_count": "3", "tcp_user_timeout": "10000",
}


def _given(url: str) -> dict[str, Any] | None:
    """The URL's own parameters; None when libpq cannot read it."""
    try:
        return dict(psycopg.conninfo.conninfo_to_dict(url))
    except psycopg.ProgrammingError:
        return None


def connect_options(url: str, *, timeout: bool = False) -> dict[str, Any]:
    """NETWORK_DEFAULTS that `url` does not set itself (libpq ignores them on a Unix socket),
    and with `timeout` CONNECT_TIMEOUT_S as its connect_timeout unless it sets one (a host
    that does not answer would otherwise hold a connection attempt for minutes)."""
    given = _given(url)
    if given is None:
        return {}
    options: dict[str, Any] = {k: v for k, v in NETWORK_DEFAULTS.items() if k not in given}
    if timeout and "connect_timeout" not in given:
        options["connect_timeout"] = CONNECT_TIMEOUT_S
    return options


CHANGES_CHANNEL = "counterpart_changes"
"""What `db.store.changes.record` NOTIFYs (`db.store.engines.pg_change_signal` LISTENs to it)."""
TAIL_LOCK_KEY = 0x436F756E75
"""The advisory lock a concurrent write takes before it appends to the audit chain or the
change feed (`PgConnection.hold_tail_lock`), held until it commits."""


def lock_key(name: str) -> int:
    """A signed 64-bit advisory lock key for a name such as ``complaint:12`` (the same in
    every process; two names sharing a key only queue behind each other)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def server_unavailable(url: str) -> Exception:
    """The known error for a server that cannot be reached: nothing was saved, the typed
    text stays, try again when it is back (the window's banner says when)."""
    from db.errors import ServerUnavailable
    from db.i18n import _

    return ServerUnavailable(_(
        "The database server {url} cannot be reached, so nothing was read or saved. What "
        "you typed stays here and in this till's draft; save again when the server is "
        "back.").format(url=safe_url(url)))


def _as_sqlite_error(exc: psycopg.Error) -> sqlite3.Error:
    """The sqlite3 exception class code written for SQLite already catches, with an SQLite
    result code, so `db.store.faults.describe_sqlite_error` reads the code and never guesses from
    PostgreSQL's wording ("malformed array literal" is not a damaged file)."""
    message = str(exc).strip()
    error: sqlite3.Error
    code = SQLITE_ERROR
    if isinstance(exc, psycopg.errors.LockNotAvailable | psycopg.errors.DeadlockDetected):
        error, code = sqlite3.OperationalError(f"database is locked ({message})"), SQLITE_BUSY
    elif isinstance(exc, psycopg.errors.QueryCanceled):  # interrupt(), statement_timeout
        error = sqlite3.OperationalError(f"interrupted ({message})")
    elif isinstance(exc, psycopg.errors.IntegrityError):
        error, code = sqlite3.IntegrityError(message), SQLITE_CONSTRAINT
    elif isinstance(exc, psycopg.errors.OperationalError | psycopg.errors.ProgrammingError):
        error = sqlite3.OperationalError(message)  # sqlite3 reports bad SQL this way too
    elif isinstance(exc, psycopg.errors.DataError):
        error = sqlite3.DataError(message)
    else:
        error = sqlite3.DatabaseError(message)
    error.sqlite_errorcode = code
    return error


class _NumericLoader(psycopg.adapt.Loader):
    """numeric (sum of a BIGINT, a division) as SQLite gives it: int when whole, else float.
    A loader on the connection, so only numeric values pay for it, not every value of
    every row (a search reads 100 rows of 11 columns each keystroke)."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _as_sqlite_reads(raw: psycopg.Connection[tuple[Any, ...]]) -> None:
    raw.adapters.register_loader("numeric", _NumericLoader)


class PgCursor:
    """The results of one statement, read the way sqlite3's cursor is."""

    def __init__(self, rows: list[tuple[Any, ...]], lastrowid: int | None,
                 rowcount: int, names: tuple[str, ...] = ()) -> None:
        self._rows = rows
        self.description: tuple[tuple[str, None, None, None, None, None, None], ...] | None = (
            tuple((n, None, None, None, None, None, None) for n in names) or None)
        self._next = 0
        self.lastrowid = lastrowid
        self.rowcount = rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rest = self._rows[self._next:]
        self._next = len(self._rows)
        return rest

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        part = self._rows[self._next:self._next + size]
        self._next += len(part)
        return part

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row


class _Lease:
    """The connection a `PgConnection` holds and the pool it came from (None: its own),
    kept apart so a PgConnection dropped without `close` still gives it back."""

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]],
                 pool: pg_pool.Pool | None) -> None:
        self.raw, self.pool = raw, pool

    def end(self) -> None:
        if self.pool is None:
            self.raw.close()
        else:
            pg_pool.give_back(self.raw, self.pool)


class _Returned:
    """`PgConnection.raw` after `close`: the connection went back to the pool and may be
    another user's by now, so a late statement (a worker finishing after its window
    closed) fails as on a closed connection instead of running inside someone else's
    transaction."""

    closed = True
    broken = False

    def __getattr__(self, name: str) -> Any:
        raise psycopg.InterfaceError("the connection is closed")


class PgConnection:
    """What db/ reads from `db.conn`: execute, executemany, in_transaction, interrupt."""

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]], schema: Schema,
                 url: str = "", pool: pg_pool.Pool | None = None) -> None:
        _as_sqlite_reads(raw)
        self.raw = raw
        self._lease = _Lease(raw, pool)
        self._ended = weakref.finalize(self, self._lease.end)
        self.schema = schema
        self.url = url
        self._translated: dict[tuple[str, bool], str] = {}
        self._tx_open = False  # a BEGIN not yet ended by COMMIT or ROLLBACK
        self._reconnect_lock = threading.Lock()
        self._attempt: threading.Thread | None = None  # a reconnection in the background
        self._made: _Lease | None = None  # ... and its result
        self._concurrent = False  # the open transaction began with `begin_concurrent`
        self._tail_held = False  # ... and holds the tail lock
        self._tail_pending = False  # ... asked for it: sent with the next statement
        self.announced = False  # NOTIFY sent in the open transaction (one is enough)

    @property
    def lost(self) -> bool:
        """The connection to the server broke (server stopped, network gone)."""
        return bool(self.raw.closed or self.raw.broken)

    @property
    def in_transaction(self) -> bool:
        if self.lost:
            # the server rolled back whatever was open when it went; the transaction's
            # owner still has to end it (ROLLBACK), so nothing runs on a new connection as
            # if it were the rest of the old transaction
            return self._tx_open
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def reconnect(self) -> None:
        """A new connection in place of a broken one; ServerUnavailable when the server is
        still away. The attempt runs in a background thread (one at a time, each bounded by
        CONNECT_TIMEOUT_S); the call that starts it waits for it at most RECONNECT_WAIT_S
        (others not at all), so the window's thread never stalls on a host that does not
        answer: a later statement takes the connection the attempt made meanwhile."""
        started = None
        with self._reconnect_lock:
            running = self._attempt is not None and self._attempt.is_alive()
            if self._made is None and not running:
                started = threading.Thread(target=self._try_connect, daemon=True,
                                           name="counterpart-reconnect")
                self._attempt = started
                started.start()
        if started is not None:
            # only the statement that started the attempt waits for it: several reads in
            # a row (a page being drawn) do not add up while a host stays silent
            started.join(RECONNECT_WAIT_S)
        with self._reconnect_lock:
            made, self._made = self._made, None
        if made is None:
            raise server_unavailable(self.url)
        broken = _Lease(self._lease.raw, self._lease.pool)
        self._lease.raw, self._lease.pool = made.raw, made.pool
        _as_sqlite_reads(made.raw)
        self.raw = made.raw
        with contextlib.suppress(psycopg.Error):
            broken.end()  # the pool drops it

    def _try_connect(self) -> None:
        """One connection attempt (background thread), from the pool; kept for the next
        statement."""
        url = self.url
        try:
            raw, pool = pg_pool.take(url, CONNECT_TIMEOUT_S)
        except pg_pool.NoConnection:
            return
        made = _Lease(raw, pool)
        with self._reconnect_lock:
            if self.url and self._made is None:
                self._made = made
                return
        made.end()  # closed meanwhile, or another attempt got there first

    def _check(self, sql: str) -> bool:
        """Before a statement on a broken connection: False for the ROLLBACK of the
        transaction that died with it (nothing left to undo); ServerUnavailable for any
        other statement of that transaction (never run on a new connection as if it were
        the rest of it); otherwise a new connection replaces the broken one."""
        if not self.lost:
            return True
        verb = _verb(sql)
        if self._tx_open and verb != "BEGIN":
            if verb in ("ROLLBACK", "END"):
                self._tx_open = False
                return False
            if verb == "COMMIT":
                self._tx_open = False  # it ends here, unsaved
            raise server_unavailable(self.url)
        self._tx_open = False
        if not self.url:  # closed on purpose, or a LISTEN connection: not reopened here
            raise server_unavailable(self.url)
        self.reconnect()
        return True

    def _track(self, sql: str) -> None:
        """After a statement that worked: whether a transaction is open now."""
        verb = _verb(sql)
        if verb == "BEGIN":
            self._tx_open = True
        elif verb in ("COMMIT", "ROLLBACK", "END"):
            self._tx_open = False
        if verb in ("BEGIN", "COMMIT", "ROLLBACK", "END"):  # no tail lock held (yet)
            self._concurrent = self._tail_held = self._tail_pending = False
            self.announced = False

    def begin_concurrent(self, keys: Sequence[str] = (), *, announce: bool = False) -> None:
        """BEGIN a write that runs beside other tills' concurrent writes (`db.store.connection.
        concurrent_write`): it shares the write lock (`BEGIN IMMEDIATE` holds it alone, so
        a whole-database writer still has the database to itself) and holds each of `keys`
        (e.g. ``complaint:12``) alone. Appends to the audit chain and the change feed
        take the tail lock first (`hold_tail_lock`). Waits the busy timeout at most; on
        failure no transaction is left open. `announce`: the write will record changes, so
        its NOTIFY (delivered on commit) goes with the BEGIN, not in the tail."""
        statements = ["BEGIN", f"SELECT pg_advisory_xact_lock_shared({dialect.WRITE_LOCK_KEY})"]
        statements += [f"SELECT pg_advisory_xact_lock({lock_key(k)})"
                       for k in sorted(set(keys))]  # one order: no deadlock between keys
        if announce:
            statements.append(f"NOTIFY {CHANGES_CHANNEL}")
        self._check("BEGIN")  # a lost connection outside a transaction: reconnect first
        try:
            self.raw.execute("; ".join(statements))  # no parameters: one round trip
        except psycopg.Error as exc:
            if not self.lost and self.in_transaction:
                with suppress(psycopg.Error):
                    self.raw.execute("ROLLBACK")
            raise self._failed(exc) from exc
        self._track("BEGIN")
        self._concurrent = True
        self.announced = announce

    def hold_tail_lock(self) -> None:
        """In a concurrent write, before appending to the audit chain or the change feed:
        one writer at a time from here to its commit, so the chain is never forked and
        change numbers are committed in order. A no-op in any other transaction (BEGIN
        IMMEDIATE already holds the database alone)."""
        if self._concurrent and not self._tail_held:
            # sent in one pipeline with the statement that follows (the chain head's read,
            # the change row): one round trip less while other tills wait for it
            self._tail_pending = self._tail_held = True

    def _take_tail_lock(self) -> None:
        """Send a pending tail lock on its own (before a statement not pipelined)."""
        if self._tail_pending:
            self._tail_pending = False
            self.raw_execute(f"SELECT pg_advisory_xact_lock({TAIL_LOCK_KEY})")

    def raw_execute(self, sql: str) -> None:
        """A statement the dialect does not translate (SAVEPOINT...), errors mapped."""
        if self.lost:
            raise server_unavailable(self.url)
        try:
            self._take_tail_lock()  # a pending one first (cleared before it recurses)
            self.raw.execute(sql)
        except psycopg.Error as exc:
            raise self._failed(exc) from exc

    def _failed(self, exc: psycopg.Error) -> Exception:
        if self.lost or isinstance(exc, psycopg.OperationalError) and _is_connection_error(exc):
            return server_unavailable(self.url)
        return _as_sqlite_error(exc)

    def translate(self, sql: str, *, returning_id: bool = False) -> str:
        key = (sql, returning_id)
        found = self._translated.get(key)
        if found is None:
            found = dialect.translate(sql, self.schema, returning_id=returning_id)
            self._translated[key] = found
        return found

    def execute(self, sql: str, params: Params = None) -> PgCursor:
        is_insert = sql.lstrip()[:6].upper() in ("INSERT", "REPLAC")
        translated = self.translate(sql, returning_id=is_insert)
        args: Sequence[Any] | Mapping[str, Any] = () if params is None else params
        if "%(_1)s" in translated and not isinstance(args, Mapping):  # ?1, ?2 in the SQL
            args = {f"_{i}": value for i, value in enumerate(args, 1)}
        elif dialect.FTS_CALL in translated and not isinstance(args, Mapping):
            translated, args = dialect.expand_fts(translated, list(args))
        if not self._check(translated):
            return PgCursor([], None, -1)  # ROLLBACK of a transaction the server dropped
        try:
            rows, names, rowcount = self._run(translated, args)
        except psycopg.Error as exc:
            if not (self.lost and self.url and not self._tx_open
                    and _verb(translated) in _SAFE_AGAIN):
                raise self._failed(exc) from exc
            # the connection died while idle (the server restarted since the last
            # statement): nothing of this statement ran; run it once on a new connection
            self.reconnect()
            try:
                rows, names, rowcount = self._run(translated, args)
            except psycopg.Error as again:
                raise self._failed(again) from again
        self._track(translated)
        lastrowid = None
        if is_insert and translated.endswith(" RETURNING id"):
            lastrowid = int(rows[0][0]) if rows else None
            rows, names = [], ()
        return PgCursor(rows, lastrowid, rowcount, names)

    def _run(self, translated: str, args: Sequence[Any] | Mapping[str, Any],
             ) -> tuple[list[tuple[Any, ...]], tuple[str, ...], int]:
        """One statement: its rows, column names and row count (psycopg's errors raised)."""
        try:
            with self.raw.cursor() as cur:
                if not args and ";" in translated:  # BEGIN IMMEDIATE: two statements
                    self._take_tail_lock()
                    for statement in dialect.split_statements(translated):
                        cur.execute(statement.replace("%%", "%"))
                elif self._tail_pending:  # the tail lock, then this: one round trip
                    self._tail_pending = False
                    with self.raw.pipeline():
                        self.raw.execute(f"SELECT pg_advisory_xact_lock({TAIL_LOCK_KEY})")
                        cur.execute(translated, args)
                else:
                    cur.execute(translated, args)
                rows = cur.fetchall() if cur.description else []
                return rows, tuple(c.name for c in cur.description or ()), cur.rowcount
        except psycopg.Error:
            if translated.startswith("BEGIN") and self.in_transaction:
                self.raw.execute("ROLLBACK")  # BEGIN IMMEDIATE failed: none open, as SQLite
            raise

    def executemany(self, sql: str, seq_of_params: Sequence[Params] | Iterator[Params],
                    ) -> PgCursor:
        translated = self.translate(sql)
        batch = [() if p is None else p for p in seq_of_params]
        if not batch:
            return PgCursor([], None, 0)
        self._check(translated)
        try:
            self._take_tail_lock()
            with self.raw.cursor() as cur:
                cur.executemany(translated, batch)
                rowcount = cur.rowcount
        except psycopg.Error as exc:
            raise self._failed(exc) from exc
        return PgCursor([], None, rowcount)

    def executescript(self, script: str) -> None:
        for statement in dialect.split_statements(script):
            self.execute(statement)

    def interrupt(self) -> None:
        """Cancel the running statement (sqlite3's `interrupt`); psycopg 3.1 has `cancel`.
        Nothing runs on a connection that is closed, lost or given back."""
        if self.lost:
            return
        cancel = getattr(self.raw, "cancel_safe", None) or self.raw.cancel
        cancel()

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        """Give the connection back to its pool (or close it, if it is its own)."""
        with self._reconnect_lock:
            self.url = ""  # closed on purpose: never reconnected
            made, self._made = self._made, None
        if made is not None:
            made.end()
        self._ended()
        self.raw = cast(Any, _Returned())

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        """As sqlite3's `with conn:`: commit an open transaction, or roll it back on error."""
        if kind is None:
            self.commit()
        else:
            self.rollback()


class PgDatabase:
    """The sqlite-utils `Database` subset db/ uses, over PostgreSQL."""

    engine = "postgresql"  # what `db.store.engines.engine_of` reads (sqlite-utils has no such)

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]], url: str,
                 pool: pg_pool.Pool | None = None) -> None:
        self.url = url
        self.conn = PgConnection(raw, read_schema(raw), url, pool)
        self._savepoints = 0

    def execute(self, sql: str, params: Params = None) -> PgCursor:
        return self.conn.execute(sql, params)

    def executescript(self, script: str) -> None:
        self.conn.executescript(script)

    @contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction, or a savepoint inside one (as sqlite-utils' `atomic`)."""
        if not self.conn.in_transaction:
            self.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.conn.rollback()
                raise
            self.execute("COMMIT")
            return
        self._savepoints += 1
        name = f"counterpart_sp{self._savepoints}"
        self.conn.raw_execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.raw_execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.announced = False  # a NOTIFY inside it is undone too
            raise
        finally:
            self._savepoints -= 1
        self.conn.raw_execute(f"RELEASE SAVEPOINT {name}")

    def refresh_schema(self) -> None:
        """Read the tables' columns and keys again (after `db init` made them)."""
        self.conn.schema = read_schema(self.conn.raw)
        self.conn._translated.clear()

    def close(self) -> None:
        self.conn.close()


_SAFE_AGAIN = ("BEGIN", "SELECT")
"""Statements run again on a new connection when the old one turns out to have died while
idle: outside a transaction, a BEGIN or a lone SELECT changed nothing before it failed."""


def _verb(sql: str) -> str:
    """BEGIN, COMMIT, ROLLBACK (not ROLLBACK TO a savepoint), END, or another first word."""
    words = sql.split(None, 2)
    verb = words[0].upper().rstrip(";") if words else ""
    if verb == "ROLLBACK" and len(words) > 1 and words[1].upper() == "TO":
        return "ROLLBACK TO"
    return verb


def _is_connection_error(exc: psycopg.Error) -> bool:
    """A lost or refused connection (SQLSTATE class 08, or none at all: libpq's own)."""
    state = getattr(exc, "sqlstate", None)
    return state is None or str(state).startswith("08") or str(state) in (
        "57P01", "57P02", "57P03")  # admin shutdown, crash shutdown, cannot connect now


def read_schema(raw: psycopg.Connection[tuple[Any, ...]]) -> Schema:
    """Every table's columns and primary key, for INSERT OR REPLACE and RETURNING id."""
    columns: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    for table, column in raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
    ).fetchall():
        columns.setdefault(str(table), []).append(str(column))
    for table, column in raw.execute(
        "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
        "JOIN information_schema.key_column_usage kcu "
        "ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema "
        "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
        "ORDER BY tc.table_name, kcu.ordinal_position"
    ).fetchall():
        keys.setdefault(str(table), []).append(str(column))
    return Schema(columns={t: tuple(c) for t, c in columns.items()},
                  keys={t: tuple(c) for t, c in keys.items()})


def safe_url(url: str) -> str:
    """The URL without its password, for messages and `database_path`."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://..."
    host = info.get("host", "")
    port = f":{info['port']}" if info.get("port") else ""
    user = f"{info['user']}@" if info.get("user") else ""
    return f"postgresql://{user}{host}{port}/{info.get('dbname', '')}"


def open_postgres(url: str, *, migrate: bool = True) -> PgDatabase:
    """Open the Counterpart database at `url`: its schema must exist (`counterpart db init
    URL`) and must be the one this code knows."""
    from db.errors import DatabaseTooNew, NotCounterpartDatabase
    from db.i18n import _
    from db.store.migrations import migrations

    shown = safe_url(url)
    db = connect(url)
    setattr(db, "_counterpart_path", shown)  # noqa: B010 (read by db.store.connection)
    if "customers" not in db.conn.schema.columns:
        db.close()
        raise NotCounterpartDatabase(_(
            "{url} holds no Counterpart tables yet. Create them once with: "
            "counterpart db init URL").format(url=shown))
    known = {m.name for m in migrations._migrations}
    applied = {str(r[0]) for r in db.execute("SELECT name FROM _sqlite_migrations")}
    if applied - known:
        db.close()
        raise DatabaseTooNew(_(
            "{url} was written by a newer version of Counterpart (schema {theirs}, this "
            "program knows {ours}). Update Counterpart to open it.").format(
                url=shown, theirs=len(applied), ours=len(known)))
    if migrate and known - applied:
        db.close()
        raise DatabaseTooNew(_(
            "{url} has an older schema ({theirs} of {ours} steps). The database's owner "
            "updates it once for every till with: counterpart db upgrade URL").format(
                url=shown, theirs=len(applied), ours=len(known)))
    return db


FIRST_CONNECT_S = CONNECT_TIMEOUT_S + 0.5
"""How long `connect` waits for the pool before it asks libpq itself why it cannot connect."""


def connect(url: str) -> PgDatabase:
    """A `PgDatabase` on an autocommit connection to `url` (any libpq URL) from this
    process's pool. When the pool cannot make one, one direct attempt gets libpq's own
    reason for the message (a wrong password, no such database); should that attempt
    succeed (the server came back, or this till's connections are all in use), its
    connection is used, outside the pool."""
    try:
        raw, pool = pg_pool.take(url, FIRST_CONNECT_S)
    except pg_pool.NoConnection:
        pass
    else:
        try:
            return PgDatabase(raw, url, pool)
        except psycopg.Error as exc:
            pg_pool.give_back(raw, pool)
            raise _as_sqlite_error(exc) from exc
    try:
        raw = psycopg.connect(url, autocommit=True, **connect_options(url, timeout=True))
        pg_pool.configure(raw)
    except psycopg.OperationalError as exc:
        raise cannot_connect(url, exc) from exc
    except psycopg.ProgrammingError as exc:  # a URL libpq cannot read
        from db.errors import UserError
        from db.i18n import _

        raise UserError(_("{url} is not a PostgreSQL URL libpq can read: {reason}").format(
            url=safe_url(url), reason=str(exc).strip().splitlines()[0])) from exc
    return PgDatabase(raw, url)


def cannot_connect(url: str, exc: psycopg.OperationalError) -> Exception:
    """A known error, one sentence, for a first connection that fails: the server away, a
    wrong password, no such database. libpq's own reason follows (it is the one that says
    which), its first line only; the URL never shows its password."""
    from db.errors import ServerUnavailable
    from db.i18n import _

    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    reason = reason.removeprefix("connection failed: ")
    try:
        password = psycopg.conninfo.conninfo_to_dict(url).get("password")
    except psycopg.ProgrammingError:
        password = None
    if password:
        reason = reason.replace(str(password), "...")
    return ServerUnavailable(_(
        "Cannot connect to the database server {url}: {reason}").format(
            url=safe_url(url), reason=reason))
