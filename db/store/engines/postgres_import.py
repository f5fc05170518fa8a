"""The customer import's merge on PostgreSQL (`db.imports.merge` dispatches here).

On SQLite the stage file is attached to the shop database, so a slice of new customers is
copied with one `INSERT ... SELECT FROM stage.new_rows`. A server cannot read the till's
stage file, so each slice's staged rows are first COPYed into a session-local temporary
table of the same shape (`NEW_ROWS`, emptied when the merge transaction ends), and the
shared `INSERT ... SELECT` statements then read that table instead. The rows carry their
search score, computed here as `db.customers.search_index.estimated_score` (PostgreSQL has no
`julianday`), and the rank keys are PostgreSQL's (`rank_key_sql`: truncated, as SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from db.customers.search_index import estimated_score
from db.store.engines.postgres_schema import rank_key_sql

NEW_ROWS = "import_new_rows"
"""The temporary table a slice of staged new customers is copied into."""

_INTEGER = {"n", "line", "birth_month", "birth_day", "birth_year", "consent_contact",
            "visits", "total_spend_minor", "rated", "key_hi"}


def rank_sql(row: str) -> str:
    """The rank key of customers alias `row`, as the PostgreSQL trigger computes it."""
    return rank_key_sql(f"{row}.search_score", f"{row}.id")


def _type(column: str) -> str:
    if column in _INTEGER:
        return "BIGINT"
    if column == "row_hash":
        return "BYTEA"
    return "DOUBLE PRECISION" if column == "search_score" else "TEXT"


def load_new_rows(db: Any, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Put staged `new_rows` (columns `names`, as the stage file has them) into NEW_ROWS,
    with a `search_score` column; inside the caller's write transaction (the table is
    emptied when it ends)."""
    columns = [*names, "search_score"]
    types = ", ".join(f"{c} {_type(c)}" for c in columns)
    conn = db.conn
    conn.raw_execute(f"CREATE TEMP TABLE IF NOT EXISTS {NEW_ROWS} ({types}) "
                     "ON COMMIT DELETE ROWS")
    visits, last = names.index("visits"), names.index("last_visit_at")
    try:
        with conn.raw.cursor() as cur, cur.copy(
                f"COPY {NEW_ROWS} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([*row, estimated_score(row[last], int(row[visits] or 0))])
    except psycopg.Error as exc:
        raise conn._failed(exc) from exc
