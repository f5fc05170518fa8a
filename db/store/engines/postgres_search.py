"""The search index's engine-specific work on PostgreSQL (`db.customers.search_index` dispatches
here).

On SQLite `rekey` rebuilds the FTS5 table and the WITHOUT ROWID term table; on PostgreSQL
both are plain tables (`customer_fts(rowid, doc)` with a pg_trgm index, `customer_terms`), so
re-keying is: compute each entry's key from its customer's current score, empty the table
and insert the re-keyed rows (a key is a primary key: updating in place could collide).
"""

from __future__ import annotations

from typing import Any

from db.customers.search_index import ID_MASK
from db.store.engines.postgres_schema import rank_key_sql


def rekey(db: Any) -> None:
    """Give both index tables the keys of the customers' current scores (as SQLite's
    `search_index.rekey`: no document is recomputed; entries of a customer that no longer
    exists are dropped)."""
    raw = db.conn.raw  # PostgreSQL's own SQL: nothing here for the translator
    key = rank_key_sql("c.search_score", "c.id")
    with db.atomic():
        raw.execute(
            f"CREATE TEMP TABLE counterpart_rekeyed_docs AS SELECT {key} AS key, f.doc "
            f"FROM customer_fts AS f JOIN customers AS c ON c.id = (f.rowid & {ID_MASK})")
        raw.execute("DELETE FROM customer_fts")
        raw.execute("INSERT INTO customer_fts(rowid, doc) SELECT key, doc "
                    "FROM counterpart_rekeyed_docs ORDER BY key")
        raw.execute("DROP TABLE counterpart_rekeyed_docs")
        raw.execute(
            f"CREATE TEMP TABLE counterpart_rekeyed_terms AS SELECT DISTINCT t.term, "
            f"{key} AS rank_key FROM customer_terms AS t "
            f"JOIN customers AS c ON c.id = (t.rank_key & {ID_MASK})")
        raw.execute("DELETE FROM customer_terms")
        raw.execute("INSERT INTO customer_terms(term, rank_key) SELECT term, rank_key "
                    "FROM counterpart_rekeyed_terms ORDER BY term, rank_key")
        raw.execute("DROP TABLE counterpart_rekeyed_terms")
