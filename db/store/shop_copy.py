"""`counterpart db copy SRC DST`: move a shop between SQLite and PostgreSQL, all or nothing.

Every table is copied in foreign-key order (staff before customers before purchases...),
each in primary-key order, in ONE write transaction on the target; before it commits, every
table's row count is compared with the source's and the target's audit log is verified
(`db.security.audit.verify`). Anything wrong rolls the whole copy back; a SQLite file the copy
created is removed again. A target that already holds data is refused and left untouched;
a PostgreSQL target without Counterpart's tables gets them first (as `db init`).

Tables a trigger fills (`customer_items`, from purchase items) are emptied and copied last,
so they hold exactly the source's rows. The search index is copied as it is (rank keys and
text), through `customer_fts(rowid, doc)`, which both engines have.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from db.errors import UserError
from db.i18n import _
from db.store.location import DatabaseLocation, ServerUrl

BATCH = 2000
TRIGGER_FED = ("customer_items",)  # filled by a trigger on purchase_items: copied last
SEED_TABLES = ("shops",)  # a new database holds shop 1 (m019_shops): replaced by the copy
SKIPPED_PREFIXES = ("sqlite_", "customer_fts_", "_sqlite_migrations")


class CopyRefused(UserError):
    """The copy cannot start (non-empty target, same database, other schema)."""


class CopyFailed(UserError):
    """The copy ran but did not check out; the target was left as it was."""


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


@dataclass(frozen=True)
class CopyResult:
    counts: tuple[TableCount, ...]
    audit_ok: bool
    audit_message: str
    sequences_reset: int


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    order_by: tuple[str, ...]


def copy_plan() -> list[_Table]:
    """Every table to copy, parents first, from the schema the code makes (the same on
    both engines: the PostgreSQL schema is generated from it)."""
    from db.store.connection import open_database

    schema = open_database(":memory:")
    try:
        names = [str(r[0]) for r in schema.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        names = [n for n in names if not n.startswith(SKIPPED_PREFIXES)]
        parents: dict[str, set[str]] = {}
        tables: dict[str, _Table] = {}
        for name in names:
            if name == "customer_fts":
                tables[name] = _Table(name, ("rowid", "doc"), ("rowid",))
                parents[name] = set()
                continue
            info = schema.execute(f'PRAGMA table_info("{name}")').fetchall()
            columns = tuple(str(r[1]) for r in info)
            keys = tuple(str(r[1]) for r in sorted(info, key=lambda r: int(r[5])) if r[5])
            tables[name] = _Table(name, columns, keys or columns)
            parents[name] = {str(r[2]) for r in schema.execute(
                f'PRAGMA foreign_key_list("{name}")')} - {name}
    finally:
        schema.close()
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(names):
        ready = sorted(n for n in names if n not in placed and parents[n] <= placed)
        if not ready:
            raise AssertionError(f"foreign keys form a cycle: {sorted(set(names) - placed)}")
        ordered += ready
        placed.update(ready)
    ordered = [n for n in ordered if n not in TRIGGER_FED] + [
        n for n in ordered if n in TRIGGER_FED]
    return [tables[n] for n in ordered]


def _count(db: Database, table: str) -> int:
    return int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _migrations(db: Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT name FROM _sqlite_migrations")}


def _rows(db: Database, table: _Table) -> Iterator[tuple[Any, ...]]:
    columns = ", ".join(table.columns)
    yield from db.execute(f"SELECT {columns} FROM {table.name} "
                          f"ORDER BY {', '.join(table.order_by)}")


def _is_postgres(db: Database) -> bool:
    return getattr(db, "engine", "sqlite") == "postgresql"


def _open_target(location: DatabaseLocation) -> tuple[Database, bool]:
    """The target opened (made Counterpart's if it had no tables); True when this created
    a SQLite file that a failed copy must remove."""
    from db.store.connection import open_database

    if isinstance(location, ServerUrl):
        from db.store.engines.postgres_schema import AlreadyInitialised, init_database

        with contextlib.suppress(AlreadyInitialised):
            init_database(location.url)
        return open_database(location), False
    created = not location.exists() or location.stat().st_size == 0
    return open_database(location), created


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def copy_database(source: DatabaseLocation, target: DatabaseLocation,
                  progress: Callable[[str], None] | None = None, *,
                  require_audit: bool = True) -> CopyResult:
    """Copy the shop at `source` into the empty database at `target` (see the module).
    `require_audit=False` keeps a copy whose audit log does not verify (a backup of a shop
    with that problem: the result says so) instead of refusing it."""
    from db.store.connection import open_database

    if str(source) == str(target) or (
            isinstance(source, Path) and isinstance(target, Path) and target.exists()
            and source.exists() and source.samefile(target)):
        raise CopyRefused(_("The source and the target are the same database."))
    if isinstance(source, Path) and not source.exists():
        raise CopyRefused(_("{path} does not exist.").format(path=source))
    plan = copy_plan()
    src = open_database(source)
    try:
        dst, created = _open_target(target)
        try:
            result = _copy(src, dst, plan, target, progress or (lambda _message: None),
                           require_audit)
        except BaseException:
            dst.close()
            if created and isinstance(target, Path):
                _remove_sqlite(target)
            raise
        dst.close()
    finally:
        src.close()
    return result


def _copy(src: Database, dst: Database, plan: list[_Table], target: DatabaseLocation,
          progress: Callable[[str], None], require_audit: bool = True) -> CopyResult:
    from db.security import audit
    from db.store.connection import write

    if _migrations(src) != _migrations(dst):
        raise CopyRefused(_(
            "{target} has another schema version than the source ({theirs} and {ours} "
            "steps); both must be written by this version of Counterpart.").format(
                target=target, theirs=len(_migrations(dst)), ours=len(_migrations(src))))
    # a new database holds the shop 1 its migrations make (SEED_TABLES): still empty
    full = [t.name for t in plan if _count(dst, t.name) > (t.name in SEED_TABLES)]
    if full:
        raise CopyRefused(_(
            "{target} already holds data (in {tables}); a shop is copied only into an empty "
            "database. Nothing was changed.").format(target=target, tables=", ".join(full[:5])))
    if _is_postgres(src):
        cast(Any, src.conn).raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        src.execute("BEGIN")  # one snapshot of the source while it is read
    try:
        with write(dst):
            for table in plan:
                progress(table.name)
                if table.name in TRIGGER_FED or table.name in SEED_TABLES:
                    dst.execute(f"DELETE FROM {table.name}")
                _copy_table(src, dst, table)
            sequences = 0
            if _is_postgres(dst):
                from db.store.engines.postgres_schema import reset_identity_sequences

                sequences = reset_identity_sequences(cast(Any, dst.conn).raw)
            counts = tuple(TableCount(t.name, _count(src, t.name), _count(dst, t.name))
                           for t in plan)
            wrong = [c.table for c in counts if c.source != c.target]
            if wrong:
                raise CopyFailed(_(
                    "The copy does not match the source (row counts differ in {tables}); "
                    "nothing was kept in {target}.").format(
                        tables=", ".join(wrong), target=target))
            verified = audit.verify(dst)
            if not verified.ok and require_audit:
                raise CopyFailed(_(
                    "The copied audit log does not verify ({message}); nothing was kept in "
                    "{target}.").format(message=verified.message, target=target))
    finally:
        src.execute("ROLLBACK")
    return CopyResult(counts, verified.ok, verified.message, sequences)


def _copy_table(src: Database, dst: Database, table: _Table) -> None:
    marks = ", ".join("?" for _c in table.columns)
    insert = f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})"
    rows = _rows(src, table)
    while batch := list(islice(rows, BATCH)):
        dst.conn.executemany(insert, batch)
