"""`counterpart check` on a PostgreSQL server: the checks a till can make of a server.

On a SQLite file `check` reads every page (`PRAGMA integrity_check`). A server's pages are
the server's own business (data checksums, `pg_amcheck`, run by whoever looks after the
server), so on a server `check` reads one consistent snapshot and checks what Counterpart
itself relies on: the audit log's chain and the values it records (`db.security.audit.verify`),
the search index (every entry belongs to a customer under that customer's current rank
key, and every customer not erased has an entry), and it reports each table's rows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from db.service.models import VerifyResult
from db.store.backup import COUNTED_TABLES


@dataclass(frozen=True)
class ServerCheck:
    audit: VerifyResult
    stray_index_entries: int
    """Search entries with no customer under their key (left behind, or keyed wrongly)."""
    unindexed_customers: int
    """Customers (not erased) without a search entry: search would not find them."""
    counts: dict[str, int] = field(default_factory=dict)
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.audit.ok and not self.stray_index_entries and not self.unindexed_customers


def check_server(db: Database) -> ServerCheck:
    """Check the shop on a server from one read-only snapshot (see the module)."""
    from db.security import audit
    from db.store.engines.postgres_import import rank_sql

    started = time.perf_counter()
    raw: Any = getattr(db.conn, "raw")  # noqa: B009 (the PostgreSQL connection)
    raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        counts = {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                  for t in COUNTED_TABLES}
        verified = audit.verify(db)
        key = rank_sql("c")
        stray = int(db.execute(
            "SELECT count(*) FROM customer_fts f WHERE NOT EXISTS "
            f"(SELECT 1 FROM customers c WHERE {key} = f.rowid)").fetchone()[0])
        missing = int(db.execute(
            "SELECT count(*) FROM customers c WHERE c.erased_at IS NULL AND NOT EXISTS "
            f"(SELECT 1 FROM customer_fts f WHERE f.rowid = {key})").fetchone()[0])
    finally:
        raw.execute("ROLLBACK")
    return ServerCheck(verified, stray, missing, counts,
                       (time.perf_counter() - started) * 1000)
