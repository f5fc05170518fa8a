"""Merging a staged import into the customer tables, and undoing it, a slice at a time.

Each function here does one slice inside the caller's write transaction and records its
progress in `imports` in that same transaction, so a crash leaves either the slice whole
or not at all. New customers are copied from the stage with ``INSERT ... SELECT``: the
customer row, its search index entries (`db.customers.search_index`: the trigram document with the
customer number, the short terms, both under the rank key), its consent record and the
row's hash, exactly what `db.customers.records.create_customer` writes (plus the imported facts).
Updates go row by row like `db.customers.records.update_customer`, keeping the previous values in
`import_undo` so that an abandoned import can put them back.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from datetime import date
from typing import Any

from sqlite_utils import Database

from db.customers import search_index, tiers
from db.customers.personal_data import log_consents
from db.imports.staging import CONTENT_COLUMNS, update_changes
from db.tills import till_of

_COLS = ", ".join(CONTENT_COLUMNS)


def _on_server(db: Database) -> bool:
    return getattr(db, "engine", "sqlite") == "postgresql"


def _rank(db: Database, row: str) -> str:
    """The rank key of customers alias `row` in this engine's SQL."""
    if _on_server(db):
        from db.store.engines import postgres_import

        return postgres_import.rank_sql(row)
    return search_index.rank_sql(row)


def merge_new(db: Database, stage: sqlite3.Connection, import_id: int, first: int,
              last: int, now: str, *, terms: bool = True) -> int:
    """Add staged new customers n = first..last; returns how many. `stage` holds the stage
    file as `stage` (on SQLite the shop's own connection, where it is attached; for a
    server a connection of the till's own, whose slice is copied to the server first).
    `terms`: their short search terms too (else `merge_terms` adds them later)."""
    conn = db.conn
    base = int(conn.execute("SELECT coalesce(max(id), 0) FROM main.customers").fetchone()[0])
    off = base - first + 1
    args = {"off": off, "a": first, "b": last, "now": now, "id": import_id}
    source, score = "stage.new_rows", search_index.estimate_sql("r")
    if _on_server(db):
        from db.store.engines import postgres_import

        cur = stage.execute("SELECT * FROM stage.new_rows WHERE n BETWEEN ? AND ? ORDER BY n",
                            [first, last])
        postgres_import.load_new_rows(db, [d[0] for d in cur.description], cur.fetchall())
        source, score = postgres_import.NEW_ROWS, "r.search_score"
    where = f"FROM {source} WHERE n BETWEEN :a AND :b"
    cur = conn.execute(
        f"INSERT INTO main.customers (id, customer_no, {_COLS}, visits, total_spend_minor, "
        "first_visit_at, last_visit_at, search_score, tier, tier_rated_at, created_at, "
        f"updated_at) SELECT n + :off, printf('C%06d', n + :off), {_COLS}, visits, "
        f"total_spend_minor, first_visit_at, last_visit_at, {score}, "
        "tier, CASE WHEN rated = 1 THEN :now END, :now, :now "
        f"FROM {source} r WHERE n BETWEEN :a AND :b ORDER BY n", args)
    count = cur.rowcount
    rank = _rank(db, "c")
    conn.execute(
        # The keys from the customer row itself (its search score), exactly as the rank
        # trigger and `search_index.current_key` compute them later.
        f"INSERT INTO main.customer_fts (rowid, doc) SELECT {rank}, "
        f"r.doc_pre || printf('c%06d', r.n + :off) || r.doc_post FROM {source} r "
        "JOIN main.customers c ON c.id = r.n + :off WHERE r.n BETWEEN :a AND :b", args)
    if terms:
        conn.execute(_terms_sql(db, source, "c.id = r.n + :off", ":a", ":b"), args)
    conn.execute(
        "INSERT INTO main.consents (customer_id, kind, granted, recorded_at, recorded_by, "
        f"method) SELECT n + :off, 'contact', 1, :now, NULL, 'import' {where} "
        "AND consent_contact = 1 ORDER BY n", args)
    conn.execute(
        "INSERT OR REPLACE INTO main.import_row_hashes (external_id, hash, import_id) "
        f"SELECT external_id, row_hash, :id {where} ORDER BY n", args)
    conn.execute("INSERT INTO main.import_added VALUES (?, ?, ?)",
                 [import_id, first + off, last + off])
    conn.execute("UPDATE main.imports SET new_done = ?, added = added + ?, "
                 "terms_done = CASE WHEN ? THEN ? ELSE terms_done END WHERE id = ?",
                 [last, count, terms, last, import_id])
    return count


def merge_terms(db: Database, import_id: int, first: int, last: int) -> None:
    """The short search terms of staged new customers n = first..last, added already.

    A file database takes them apart from the customers, for many slices of customers at
    once: the term table is ordered by term, so the terms of a few thousand customers
    touch a page for nearly every term, and each commit wrote those pages again (the terms
    were 40 % of merging 1,000,000 rows). Meanwhile the customers are found by three
    letters or more, not yet by one or two."""
    db.conn.execute(_terms_sql(db, "stage.new_rows", "c.external_id = r.external_id",
                               ":a", ":b"), {"a": first, "b": last})
    db.conn.execute("UPDATE main.imports SET terms_done = ? WHERE id = ?", [last, import_id])


def _terms_sql(db: Database, source: str, join: str, first: str, last: str) -> str:
    """Insert the short terms of staged rows n = first..last from `source`, each under the
    rank key of the customer `join` finds (in index order: fewer pages written)."""
    return ("INSERT OR IGNORE INTO main.customer_terms (term, rank_key) "
            f"SELECT j.value, {_rank(db, 'c')} FROM {source} r JOIN main.customers c "
            f"ON {join}, json_each(r.terms) j WHERE r.n BETWEEN {first} AND {last} "
            "ORDER BY 1, 2")


def merge_updates(db: Database, stage: sqlite3.Connection, import_id: int, first: int,
                  last: int, now: str, region: str, today: date) -> tuple[int, int]:
    """Apply staged updates seq = first..last; returns (updated, unchanged)."""
    conn = db.conn
    cur = stage.execute("SELECT * FROM stage.updates WHERE seq BETWEEN ? AND ? ORDER BY seq",
                       [first, last])
    names = [d[0] for d in cur.description]
    staged = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    updated = unchanged = 0
    for row in staged:
        existing = _customer_row(db, int(row["customer_id"]))
        if existing is None:  # gone since staging (cannot happen while the import runs)
            unchanged += 1
            continue
        diff = update_changes(existing, pickle.loads(row["mapped"]), today)
        old_hash = conn.execute(
            "SELECT hash FROM main.import_row_hashes WHERE external_id = ?",
            [existing["external_id"]]).fetchone()
        if diff:
            conn.execute(
                "INSERT OR IGNORE INTO main.import_undo VALUES (?, ?, ?, ?)",
                [import_id, existing["id"], json.dumps(existing, ensure_ascii=False),
                 old_hash[0] if old_hash else None])
            _apply(db, existing, diff, now, region)
            updated += 1
        else:
            unchanged += 1
        conn.execute("INSERT OR REPLACE INTO main.import_row_hashes (external_id, hash, "
                     "import_id) VALUES (?, ?, ?)",
                     [existing["external_id"], row["row_hash"], import_id])
    conn.execute(
        "UPDATE main.imports SET update_done = ?, updated = updated + ?, "
        "unchanged = unchanged + ? WHERE id = ?", [last, updated, unchanged, import_id])
    return updated, unchanged


def _customer_row(db: Database, customer_id: int) -> dict[str, Any] | None:
    cur = db.conn.execute("SELECT * FROM main.customers WHERE id = ?", [customer_id])
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _apply(db: Database, existing: dict[str, Any], diff: dict[str, Any], now: str,
           region: str) -> None:
    """What update_customer does, for the changed columns only."""
    values = dict(diff)
    if "visits" in diff or "total_spend_minor" in diff:
        values["tier"] = tiers.rate(diff.get("total_spend_minor",
                                             existing["total_spend_minor"]),
                                    diff.get("visits", existing["visits"]))
        values["tier_rated_at"] = now
    # a till's profile opened before the import refuses to save over it (EditConflict)
    values |= {"updated_at": now, "updated_by": None, "updated_till": till_of(db)}
    _write_row(db, int(existing["id"]), values, region)
    if "consent_contact" in diff:
        log_consents(db, int(existing["id"]), {"contact": bool(diff["consent_contact"])},
                     by=None, method="import")


def _write_row(db: Database, customer_id: int, values: dict[str, Any], region: str) -> None:
    """UPDATE the columns and add one to the version, as a profile save does (the rank
    trigger moves the index entries when the facts change), then index the customer
    again under its current key. An undo puts the values back as a new version too: put
    back, an old version number could match a profile opened on the import's values
    after another till saved it, and that save would be lost without a word."""
    values = {k: v for k, v in values.items() if k != "version"}
    sets = ", ".join(f"{k} = ?" for k in values)
    db.conn.execute(f"UPDATE main.customers SET {sets}, version = version + 1 WHERE id = ?",
                    [*values.values(), customer_id])
    row = _customer_row(db, customer_id)
    assert row is not None
    key = search_index.current_key(db, customer_id)
    assert key is not None
    search_index.unindex_customer(db, key)
    search_index.index_customer(db, key, row["name"], row["phone"], row["customer_no"],
                                row["email"], region)


def undo_updates(db: Database, import_id: int, limit: int, region: str) -> int:
    """Put back the previous values of up to `limit` customers the import changed."""
    conn = db.conn
    floor = int(conn.execute("SELECT consent_floor FROM main.imports WHERE id = ?",
                             [import_id]).fetchone()[0])
    rows = conn.execute(
        "SELECT customer_id, old_row, old_hash FROM main.import_undo WHERE import_id = ? "
        "ORDER BY customer_id LIMIT ?", [import_id, limit]).fetchall()
    for customer_id, old_row, old_hash in rows:
        old = json.loads(old_row)
        values = {k: v for k, v in old.items() if k != "id"}
        _write_row(db, int(customer_id), values, region)
        conn.execute("DELETE FROM main.consents WHERE customer_id = ? AND id > ? "
                     "AND method = 'import'", [customer_id, floor])
        conn.execute("DELETE FROM main.import_row_hashes WHERE external_id = ?",
                     [old["external_id"]])
        if old_hash is not None:
            conn.execute("INSERT INTO main.import_row_hashes (external_id, hash, import_id) "
                         "VALUES (?, ?, ?)", [old["external_id"], old_hash, 0])
        conn.execute("DELETE FROM main.import_undo WHERE import_id = ? AND customer_id = ?",
                     [import_id, customer_id])
    return len(rows)


_USED = (
    "SELECT customer_id FROM main.purchases WHERE customer_id BETWEEN :a AND :b "
    "UNION SELECT customer_id FROM main.complaints WHERE customer_id BETWEEN :a AND :b "
    "UNION SELECT customer_id FROM main.vouchers WHERE customer_id BETWEEN :a AND :b "
    "UNION SELECT customer_id FROM main.letters WHERE customer_id BETWEEN :a AND :b "
    "UNION SELECT customer_id FROM main.erasures WHERE customer_id BETWEEN :a AND :b "
    "UNION SELECT customer_id FROM main.consents WHERE customer_id BETWEEN :a AND :b "
    "AND method != 'import'"
)
"""Customers the import added that the counter has used since (a purchase, complaint,
voucher, letter, erasure or consent recorded there): an undo keeps them, with all that is
theirs, instead of deleting what staff recorded."""


def undo_added(db: Database, import_id: int, limit: int) -> tuple[int, int] | None:
    """Remove up to `limit` customers the import added (the newest first), with their
    search entries, consent records and row hashes; returns (removed, kept because the
    counter used them meanwhile), None when nothing is left to remove."""
    conn = db.conn
    found = conn.execute(
        "SELECT first_id, last_id FROM main.import_added WHERE import_id = ? "
        "ORDER BY first_id DESC LIMIT 1", [import_id]).fetchone()
    if found is None:
        return None
    first, last = int(found[0]), int(found[1])
    low = max(first, last - limit + 1)
    args = {"a": low, "b": last}
    kept = int(conn.execute(f"SELECT count(*) FROM ({_USED})", args).fetchone()[0])
    gone = f"id BETWEEN :a AND :b AND id NOT IN ({_USED})"
    keys = f"SELECT {_rank(db, 'customers')} FROM main.customers WHERE {gone}"
    conn.execute(f"DELETE FROM main.customer_fts WHERE rowid IN ({keys})", args)
    conn.execute(f"DELETE FROM main.customer_terms WHERE rank_key IN ({keys})", args)
    conn.execute("DELETE FROM main.consents WHERE customer_id IN "
                 f"(SELECT id FROM main.customers WHERE {gone})", args)
    conn.execute("DELETE FROM main.import_row_hashes WHERE external_id IN "
                 f"(SELECT external_id FROM main.customers WHERE {gone})", args)
    removed = conn.execute(f"DELETE FROM main.customers WHERE {gone}", args).rowcount
    if low == first:
        conn.execute("DELETE FROM main.import_added WHERE import_id = ? AND first_id = ?",
                     [import_id, first])
    else:
        conn.execute("UPDATE main.import_added SET last_id = ? WHERE import_id = ? "
                     "AND first_id = ?", [low - 1, import_id, first])
    return removed, kept


def forget_undo(db: Database, import_id: int, limit: int) -> int:
    """After a finished import: drop up to `limit` of its undo records."""
    conn = db.conn
    cur = conn.execute(
        "DELETE FROM main.import_undo WHERE import_id = ? AND customer_id IN (SELECT "
        "customer_id FROM main.import_undo WHERE import_id = ? LIMIT ?)",
        [import_id, import_id, limit])
    conn.execute("DELETE FROM main.import_added WHERE import_id = ?", [import_id])
    return cur.rowcount
