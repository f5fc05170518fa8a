"""`counterpart bench --db postgresql://...`: the benchmark shop built on a PostgreSQL server.

The rows are `console.bench.generate`'s, the same shop (same seed) the SQLite build writes,
so the figures of both engines are about the same data. The database must be empty (made
with `createdb`) or an earlier benchmark build (recorded in its `_bench_meta` table); one
that holds a shop's tables is never touched. The build:

1. `db init`'s schema (`db.store.engines.postgres_schema.init_database`);
2. sets aside what would slow a bulk load: the secondary indexes of the big tables, their
   foreign keys (their definitions read from the catalogue first) and their triggers
   (`DISABLE TRIGGER USER`; the favourites' totals are written directly, as on SQLite);
3. loads each chunk of 20,000 customers with `COPY ... FROM STDIN` (psycopg), one
   transaction per chunk;
4. puts the indexes, foreign keys and triggers back from their saved definitions, sets the
   identity sequences past the ids written, and runs `VACUUM (ANALYZE)` so the planner and
   the visibility map see the finished tables (as autovacuum would later).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg import sql

from db.errors import UserError
from db.i18n import _

Progress = Callable[[str], None]

LOADED_TABLES = ("customers", "purchases", "purchase_items", "customer_items",
                 "customer_terms", "customer_fts")
MAINTENANCE_MEMORY = "512MB"


def _connect(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    """An autocommit connection; a server that cannot be reached is the known error."""
    from db.store.engines.postgres import CONNECT_TIMEOUT_S, server_unavailable

    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as exc:
        raise server_unavailable(url) from exc


def _has_table(raw: psycopg.Connection[tuple[Any, ...]], table: str) -> bool:
    return raw.execute("SELECT to_regclass(%s) IS NOT NULL", [table]).fetchone() == (True,)


def server_meta(url: str) -> dict[str, Any] | None:
    """The build record of a benchmark database on a server, or None."""
    with _connect(url) as raw:
        if not _has_table(raw, "_bench_meta"):
            return None
        row = raw.execute("SELECT value FROM _bench_meta WHERE key = 'build'").fetchone()
    return json.loads(row[0]) if row else None


class NotBenchDatabase(UserError):
    """The server database holds a shop's tables, not a benchmark build."""


def needs_server_build(url: str, shown: str, customers: int, purchase_items: int,
                       build_format: int) -> bool:
    """True unless the database at `url` holds a finished build of exactly these sizes.
    A database with Counterpart's tables but no build record is refused (it could be a
    shop's), so is anything else that is not empty."""
    with _connect(url) as raw:
        has_meta = _has_table(raw, "_bench_meta")
        tables = raw.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema()").fetchone()
    if not has_meta:
        if tables and tables[0]:
            raise NotBenchDatabase(_(
                "{url} is not a benchmark database and not empty; give the benchmark an "
                "empty database of its own (createdb NAME).").format(url=shown))
        return True
    meta = server_meta(url) or {}
    return not (
        meta.get("complete")
        and meta.get("customers") == customers
        and meta.get("purchase_items") == purchase_items
        and meta.get("format") == build_format
    )


def ctype_warning(url: str) -> str | None:
    """What to say when the database classifies characters as the C locale does: pg_trgm
    then drops every non-ASCII letter from its trigrams, so a Chinese name's search cannot
    use the trigram index and reads the whole table (about a second for 1,000,000
    customers). None when its LC_CTYPE is a UTF-8 one."""
    with _connect(url) as raw:
        row = raw.execute("SELECT datctype FROM pg_database "
                          "WHERE datname = current_database()").fetchone()
    ctype = str(row[0]) if row else ""
    if "utf" in ctype.lower().replace("-", ""):
        return None
    return _("this database's LC_CTYPE is {ctype}: searches for Chinese names cannot use "
             "the trigram index. Create the database with a UTF-8 character type, e.g. "
             "createdb --template=template0 --lc-collate=C --lc-ctype=C.UTF-8 NAME").format(
                 ctype=ctype or "?")


def _wipe(raw: psycopg.Connection[tuple[Any, ...]]) -> None:
    """Remove an earlier benchmark build (only ever called on one: see the caller)."""
    schema = raw.execute("SELECT current_schema()").fetchone()
    assert schema is not None
    name = sql.Identifier(str(schema[0]))
    raw.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(name))
    raw.execute(sql.SQL("CREATE SCHEMA {}").format(name))


def _set_aside(raw: psycopg.Connection[tuple[Any, ...]]) -> tuple[list[str], list[str]]:
    """Drop the loaded tables' secondary indexes and foreign keys and disable their
    triggers; returns the statements that restore the indexes and the foreign keys."""
    tables = list(LOADED_TABLES)
    indexes = raw.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i "
        "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname "
        "                AND c.connamespace = to_regnamespace(current_schema()))",
        [tables]).fetchall()
    keys = raw.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE contype = 'f' "
        "AND connamespace = to_regnamespace(current_schema()) "
        "AND conrelid::regclass::text = ANY(%s) ORDER BY conrelid::regclass::text, conname",
        [tables]).fetchall()
    for table, name, _definition in keys:
        raw.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
            sql.Identifier(table), sql.Identifier(name)))
    for name, _definition in indexes:
        raw.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    for table in tables:
        raw.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(
            sql.Identifier(table)))
    restore_keys = [
        sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(
            sql.Identifier(table), sql.Identifier(name)).as_string(raw) + str(definition)
        for table, name, definition in keys]
    return [str(definition) for _name, definition in indexes], restore_keys


def _copy(cur: psycopg.Cursor[tuple[Any, ...]], table: str, columns: Sequence[str],
          rows: Sequence[Sequence[Any]]) -> None:
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns))
    with cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def build_server_bench(
    url: str, customers: int, purchase_items: int, *, seed: int, build_format: int,
    progress: Progress | None = None,
) -> None:
    """Write the synthetic shop into the (empty, or earlier benchmark) database at `url`."""
    from console import bench
    from db.demo import PRODUCTS
    from db.store.engines.postgres_schema import init_database, reset_identity_sequences

    say = progress or (lambda _msg: None)
    started = time.perf_counter()

    def elapsed() -> str:
        return f"({time.perf_counter() - started:.0f} s)"

    with _connect(url) as raw:
        if _has_table(raw, "_bench_meta"):
            say("removing the earlier benchmark build")
            _wipe(raw)
    init_database(url)
    with _connect(url) as raw:
        raw.execute("CREATE TABLE _bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        meta: dict[str, Any] = {"customers": customers, "purchase_items": purchase_items,
                                "seed": seed, "format": build_format, "complete": False,
                                "engine": "postgresql"}
        raw.execute("INSERT INTO _bench_meta VALUES ('build', %s)", [json.dumps(meta)])
        index_sql, key_sql = _set_aside(raw)
        product_ids = []
        for sku, name, category, price in PRODUCTS:
            row = raw.execute(
                "INSERT INTO products(sku, name, category, price_minor) "
                "VALUES (%s, %s, %s, %s) RETURNING id", [sku, name, category, price]
            ).fetchone()
            assert row is not None
            product_ids.append((int(row[0]), name, price))

        purchases = items = 0
        for chunk in bench.generate(customers, purchase_items, product_ids, seed=seed):
            with raw.transaction(), raw.cursor() as cur:
                _copy(cur, "customers", bench.CUSTOMER_COLUMNS, chunk.customers)
                _copy(cur, "customer_fts", ("rowid", "doc"), chunk.fts)
                _copy(cur, "customer_terms", ("term", "rank_key"),
                      list(dict.fromkeys(chunk.terms)))  # INSERT OR IGNORE's duplicates
                _copy(cur, "purchases", bench.PURCHASE_COLUMNS, chunk.purchases)
                _copy(cur, "purchase_items", bench.ITEM_COLUMNS, chunk.items)
                _copy(cur, "customer_items", bench.TOTAL_COLUMNS, chunk.totals)
            purchases, items = chunk.purchases_written, chunk.items_written
            say(f"customers {chunk.last:,}/{customers:,}, purchase items "
                f"{items:,}/{purchase_items:,} {elapsed()}")

        raw.execute(f"SET maintenance_work_mem = '{MAINTENANCE_MEMORY}'")
        for statement in index_sql:
            say(f"{statement.split(' ON ')[0].lower()} {elapsed()}")
            raw.execute(statement.encode())
        say(f"foreign keys and triggers {elapsed()}")
        for statement in key_sql:
            raw.execute(statement.encode())
        for table in LOADED_TABLES:
            raw.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(
                sql.Identifier(table)))
        reset_identity_sequences(raw)
        say(f"vacuum and statistics {elapsed()}")
        raw.execute("VACUUM (ANALYZE)")
        distinct = raw.execute("SELECT count(DISTINCT name) FROM customers").fetchone()
        meta |= {"complete": True, "purchases": purchases, "items_written": items,
                 "distinct_names": distinct[0] if distinct else 0,
                 "build_seconds": round(time.perf_counter() - started, 1)}
        raw.execute("UPDATE _bench_meta SET value = %s WHERE key = 'build'",
                    [json.dumps(meta)])
    say(f"built the benchmark shop in {time.perf_counter() - started:.0f} s: "
        f"{customers:,} customers, {purchases:,} purchases, {items:,} purchase items")
