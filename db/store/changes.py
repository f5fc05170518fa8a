"""What changed, for the other tills: one small `changes` row per write, in its transaction.

Each console's data bus (`widgets.data_bus`) tells its own views about its own writes. So
that a complaint or purchase recorded at till 1 shows on till 2 within a second, the data
API also writes one row per touched entity into `changes` (seq, entity, entity_id, at,
origin) inside the same transaction as the write it describes; another till's watcher
(`widgets.change_watcher`) reads the rows after the last one it saw and puts them on its
bus. Nothing is written per imported row: an import finishing is one row with `ANY_ID`.

The SQL here is plain and shared by every engine. Only the wake-up - how a till learns
cheaply that another connection committed something - is engine-specific and lives in one
small module per engine (`db.store.sqlite_change_signal`: `PRAGMA data_version`;
`db.store.engines.pg_change_signal`: `record` also sends `NOTIFY`, delivered on commit, and the
watcher's own connection `LISTEN`s), chosen by `signal_for`.

`origin` is a random token per connection (`origin(db)`): a watcher skips the rows its own
connection wrote, since its own writes were already announced on its bus.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.store.connection import hold_append_lock

# Entity names, shared with the data bus (widgets import them from here).
CUSTOMER = "customer"
PURCHASE = "purchase"
STAFF = "staff"
PRODUCT = "product"
COMPLAINT = "complaint"
FOLLOW_UP = "follow_up"
LETTER = "letter"
SETTINGS = "settings"
VOUCHER = "voucher"

ENTITIES = (CUSTOMER, PURCHASE, STAFF, PRODUCT, COMPLAINT, FOLLOW_UP, LETTER, SETTINGS,
            VOUCHER)

ANY_ID = 0
"""The id recorded when a change touches many rows of an entity (e.g. an import)."""

KEEP_ROWS = 1_000
"""At least this many newest rows are kept, however old."""
KEEP_TIME = timedelta(hours=1)
"""Rows younger than this are kept (a till asleep for longer refreshes everything)."""
MAX_ROWS = 100_000
"""Never more rows than this, however young."""
PRUNE_EVERY = 128
"""`record` prunes when the new row's seq is a multiple of this (a cheap range delete)."""

_ORIGIN = "_counterpart_change_origin"


@dataclass(frozen=True)
class Change:
    seq: int
    entity: str
    entity_id: int
    origin: str


@dataclass(frozen=True)
class ChangeBatch:
    """Rows after a reader's last seq. `missed` is true when rows it never saw were pruned
    (it slept for more than an hour) or there were too many to list: it should then
    refresh everything."""

    changes: tuple[Change, ...]
    last_seq: int
    missed: bool = False


class ChangesBusy(Exception):
    """The database is locked right now: try again at the next check."""


class ChangesOffline(ChangesBusy):
    """The database server cannot be reached since `since` (UTC); the signal keeps trying
    to reconnect without blocking, and reads what was missed once it is back."""

    def __init__(self, message: str, since: datetime) -> None:
        super().__init__(message)
        self.since = since


class ChangesUnavailable(Exception):
    """The database cannot be read any more (gone, damaged, closed): stop watching."""


class ChangeSignal(Protocol):
    """The engine-specific wake-up: `fetch` returns the rows after `after` when another
    connection may have committed since the last call, else None; cheap when nothing did.
    Raises ChangesBusy (try again later) or ChangesUnavailable (stop)."""

    def fetch(self, after: int, skip_origin: str) -> ChangeBatch | None: ...

    def latest(self) -> int: ...

    def close(self) -> None: ...


def origin(db: Database) -> str:
    """This connection's random token (made on first use)."""
    token = getattr(db, _ORIGIN, None)
    if not isinstance(token, str):
        token = secrets.token_hex(8)
        setattr(db, _ORIGIN, token)
    return token


def share_origin(source: Database, helper: Database) -> None:
    """Let `helper` (a connection a job opens for its own thread, e.g. an import's) write
    change rows as `source`: the console that started the job already tells its own views,
    so its watcher must not refresh them a second time."""
    setattr(helper, _ORIGIN, origin(source))


def record(db: Database, entity: str, entity_id: int | None = ANY_ID) -> None:
    """One change row, inside the caller's write transaction (so it exists exactly when the
    write does). `entity_id` None or ANY_ID: several rows of `entity` changed."""
    if not db.conn.in_transaction:
        raise RuntimeError("changes.record must run inside the caller's write transaction")
    hold_append_lock(db)  # numbers committed in order, also by concurrent writes
    cur = db.execute(
        "INSERT INTO changes(entity, entity_id, at, origin) VALUES (?, ?, ?, ?)",
        [entity, entity_id or ANY_ID, to_iso(utcnow()), origin(db)])
    seq = int(cur.lastrowid or 0)
    if _is_postgres(db):
        from db.store.engines.pg_change_signal import announce

        announce(db)
    if seq % PRUNE_EVERY == 0:
        prune(db, seq)


def record_all(db: Database, touched: Iterable[tuple[str, int | None]]) -> None:
    """`record` for each (entity, id) pair, once each."""
    seen: set[tuple[str, int]] = set()
    for entity, entity_id in touched:
        key = (entity, entity_id or ANY_ID)
        if key not in seen:
            seen.add(key)
            record(db, *key)


def record_complaint(db: Database, complaint_id: int) -> None:
    """A complaint changed: the complaint, and its customer's profile (facts, history)."""
    row = db.execute("SELECT customer_id FROM complaints WHERE id = ?",
                     [complaint_id]).fetchone()
    record(db, COMPLAINT, complaint_id)
    if row is not None and row[0] is not None:
        record(db, CUSTOMER, int(row[0]))


def prune(db: Database, newest: int | None = None) -> int:
    """Delete rows older than KEEP_TIME beyond the newest KEEP_ROWS, and any beyond
    MAX_ROWS; a range delete on the primary key. Returns how many went."""
    if newest is None:
        newest = latest(db)
    cutoff = to_iso(utcnow() - KEEP_TIME)
    old = db.execute("DELETE FROM changes WHERE seq <= ? AND at < ?",
                     [newest - KEEP_ROWS, cutoff]).rowcount
    many = db.execute("DELETE FROM changes WHERE seq <= ?", [newest - MAX_ROWS]).rowcount
    return int(old or 0) + int(many or 0)


def latest(db: Database) -> int:
    """The newest seq (0 when there is none): a new reader starts after it."""
    return int(db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])


def read_since(db: Database, after: int, *, skip_origin: str = "",
               limit: int = 1_000) -> ChangeBatch:
    """The rows after seq `after`, oldest first, without those of `skip_origin` (their seq
    still counts as seen). More than `limit` of them: none, `missed` and the newest seq
    (refreshing everything once is cheaper than announcing each)."""
    rows = db.execute(
        "SELECT seq, entity, entity_id, origin FROM changes WHERE seq > ? ORDER BY seq "
        "LIMIT ?", [after, limit + 1]).fetchall()
    if not rows:
        return ChangeBatch((), after)
    if len(rows) > limit:
        return ChangeBatch((), latest(db), missed=True)
    missed = False
    if int(rows[0][0]) > after + 1:
        # a gap: rows between were pruned, or never committed (a rolled-back sequence
        # value on an engine with sequences); only pruning means something was missed
        oldest = int(db.execute("SELECT min(seq) FROM changes").fetchone()[0])
        missed = oldest > after + 1
    found = tuple(Change(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows
                  if r[3] != skip_origin or not skip_origin)
    return ChangeBatch(found, int(rows[-1][0]), missed)


def _is_postgres(db: Database) -> bool:
    """Without importing psycopg on a SQLite till: a PgDatabase exists only once its
    module was imported."""
    engine = sys.modules.get("db.store.engines.postgres")
    return engine is not None and isinstance(db, engine.PgDatabase)


def signal_for(db: Database) -> ChangeSignal:
    """The wake-up for `db`'s engine: `PRAGMA data_version` on SQLite, `LISTEN` on
    PostgreSQL."""
    if _is_postgres(db):
        from db.store.engines.pg_change_signal import PgChangeSignal

        return PgChangeSignal(db)  # type: ignore[arg-type]
    from db.store.sqlite_change_signal import SqliteChangeSignal

    return SqliteChangeSignal(db)

