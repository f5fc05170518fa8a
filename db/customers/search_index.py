"""The customer search index, kept in the order staff want results in: regulars first.

Both index tables are keyed by a *rank key* rather than the customer id:

    rank key = ((MAX_SCORE - search score * 2**20) << 26) | customer id

so the best score is the key's ascending order, and a query asks the index for its matches
in its natural (ascending, the fastest for FTS5) order with a LIMIT: the candidates are
the customers most likely to be at the counter, not the lowest ids. The id is the key's
low 26 bits (customers up to 67,108,863).

The **search score** (``customers.search_score``) is a frecency: every visit counts, and
counts half as much each `HALF_LIFE_DAYS` days later:

    search score = log2(sum over visits of 2 ** (day of the visit / HALF_LIFE_DAYS))

A visit today outweighs one a fortnight ago two to one, so a weekly regular who came three
days ago ranks above a one-off guest who came yesterday, while a regular not seen for
months falls behind anyone who came this week. Because every score ages at the same rate,
the order never changes by itself with time: the score changes only when a visit is
added, so an index keyed by it stays correct without rewriting. A trigger updates the
score and moves a customer's index entries when their visits or last visit change,
whichever code changes them: an added visit counts on the day of the (new) last visit;
visits known only as a count with the last visit (several added at once by an import, a
reset) are taken as weekly visits up to that day (`estimated_score`).

- ``customer_fts`` (FTS5 trigram): name, phone digits in every form (`db.customers.phones`),
  customer number and e-mail; substrings of three characters or more, any script.
- ``customer_terms``: shorter queries and whole words: each Latin word, its first one and
  two letters, and CJK characters and pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date

from sqlite_utils import Database

from db.customers.phones import phone_variants
from db.text import has_cjk, is_cjk, search_document, search_key

ID_BITS = 26
ID_MASK = (1 << ID_BITS) - 1
HALF_LIFE_DAYS = 14
"""A visit counts half as much after this many days (the frecency's half-life)."""
ASSUMED_GAP_DAYS = 7
"""Visits known only as a count are taken as this many days apart (weekly)."""
SCORE_SCALE = 1 << 20  # the score's fractional bits in the key
MAX_SCORE = (1 << (63 - ID_BITS)) - 1  # scores up to 131,071: visits until the year 5000
_EPOCH = date(1970, 1, 1).toordinal()
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _day_sql(timestamp: str) -> str:
    """Half-lives since 1970 of an ISO timestamp's day, as an SQL expression."""
    return (f"((julianday(substr({timestamp}, 1, 10)) - 2440587.5) / {HALF_LIFE_DAYS}.0)")


def _weekly_sql(visits: str) -> str:
    """The weight, relative to one visit on the last day, of `visits` weekly visits."""
    ratio = f"pow(2.0, -{ASSUMED_GAP_DAYS}.0 / {HALF_LIFE_DAYS})"
    return f"((1.0 - pow({ratio}, min({visits}, 1000))) / (1.0 - {ratio}))"


def _estimate_sql(visits: str, day: str) -> str:
    return f"({day} + log2({_weekly_sql(visits)}))"


def score_sql() -> str:
    """The new search score in the trigger (NEW and OLD rows of customers): one added
    visit counts on the day of the last visit, several added at once (an import) as weekly
    visits up to it."""
    day = _day_sql("NEW.last_visit_at")
    old = "OLD.search_score"
    added = _weekly_sql("(NEW.visits - OLD.visits)")
    top = f"max({old}, {day})"
    log_add = f"({top} + log2(pow(2.0, {old} - {top}) + {added} * pow(2.0, {day} - {top})))"
    return (
        f"CASE WHEN NEW.last_visit_at IS NULL OR NEW.visits <= 0 THEN NULL "
        f"WHEN {old} IS NOT NULL AND NEW.visits > OLD.visits THEN {log_add} "
        f"ELSE {_estimate_sql('NEW.visits', day)} END"
    )


def estimate_sql(row: str) -> str:
    """`estimated_score` in SQL for table alias `row`: the score of a customer whose visits
    are known only as a count and the last one (an import's facts)."""
    return (f"CASE WHEN {row}.last_visit_at IS NULL OR {row}.visits <= 0 THEN NULL "
            f"ELSE {_estimate_sql(f'{row}.visits', _day_sql(f'{row}.last_visit_at'))} END")


def rank_sql(row: str) -> str:
    """The rank key of table alias `row` (customers, NEW or OLD) as an SQL expression."""
    return _rank_of(f"{row}.search_score", f"{row}.id")


def _rank_of(score: str, customer_id: str) -> str:
    # a score below 0 (visits before 1970) is taken as 0: the key must stay in 63 bits
    return (f"((({MAX_SCORE} - CAST(coalesce(max({score}, 0), 0) * {SCORE_SCALE} AS INTEGER))"
            f" << {ID_BITS}) | {customer_id})")


def _half_lives(last_visit_at: str) -> float:
    return (date.fromisoformat(last_visit_at[:10]).toordinal() - _EPOCH) / HALF_LIFE_DAYS


def visit_score(visit_days: Iterable[str]) -> float | None:
    """The search score of visits on these days (ISO dates or timestamps); None for none."""
    points = [_half_lives(day) for day in visit_days]
    if not points:
        return None
    top = max(points)
    return top + math.log2(sum(2.0 ** (p - top) for p in points))


def estimated_score(last_visit_at: str | None, visits: int) -> float | None:
    """The score of `visits` visits known only by the last one: taken as weekly up to it."""
    if not last_visit_at or visits <= 0:
        return None
    ratio = 2.0 ** (-ASSUMED_GAP_DAYS / HALF_LIFE_DAYS)
    return _half_lives(last_visit_at) + math.log2(
        (1.0 - ratio ** min(visits, 1000)) / (1.0 - ratio))


def key_for_score(customer_id: int, score: float | None) -> int:
    """The rank key of a customer with this search score (the SQL's arithmetic)."""
    scaled = int(max(score or 0.0, 0.0) * SCORE_SCALE)  # CAST AS INTEGER truncates alike
    return ((MAX_SCORE - scaled) << ID_BITS) | customer_id


def rank_key(customer_id: int, last_visit_at: str | None, visits: int) -> int:
    """The key of a customer whose visits are known only as a count and the last one."""
    return key_for_score(customer_id, estimated_score(last_visit_at, visits))


def customer_id_of(key: int) -> int:
    return key & ID_MASK


def terms(name: str) -> set[str]:
    """Keys for the term table: Latin words with their 1- and 2-letter starts, CJK
    characters and pairs (a two-character Chinese name is found by either character)."""
    return terms_of_key(search_key(name))


def terms_of_key(key: str) -> set[str]:
    """`terms` of a name whose search key is already made (an import makes it once)."""
    found: set[str] = set()
    for word in _WORD.findall(key):
        if not word.isascii() and has_cjk(word):
            chars = [c for c in word if is_cjk(c)]
            found.update(chars)
            found.update(a + b for a, b in zip(chars, chars[1:], strict=False))
            latin = "".join(c for c in word if not is_cjk(c))
            if latin:
                found.update((latin, latin[:1], latin[:2]))
        else:
            found.update((word, word[:1], word[:2]))
    return found


def document(name: str, phone: str, customer_no: str, email: str | None, region: str) -> str:
    """The text the trigram index holds for one customer."""
    return search_document(name, " ".join(phone_variants(phone, region)), customer_no, email)


def index_customer(
    db: Database, key: int, name: str, phone: str, customer_no: str, email: str | None,
    region: str,
) -> None:
    db.execute("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)",
               [key, document(name, phone, customer_no, email, region)])
    db.conn.executemany(
        "INSERT OR IGNORE INTO customer_terms(term, rank_key) VALUES (?, ?)",
        [(t, key) for t in terms(name)],
    )


def unindex_customer(db: Database, key: int) -> None:
    db.execute("DELETE FROM customer_fts WHERE rowid = ?", [key])
    db.execute("DELETE FROM customer_terms WHERE rank_key = ?", [key])


def current_key(db: Database, customer_id: int) -> int | None:
    key = rank_sql("customers")
    if getattr(db, "engine", "sqlite") == "postgresql":  # its CAST rounds: truncate as SQLite
        from db.store.engines.postgres_schema import rank_key_sql

        key = rank_key_sql("customers.search_score", "customers.id")
    row = db.execute(f"SELECT {key} FROM customers WHERE id = ?", [customer_id]).fetchone()
    return int(row[0]) if row else None


_CURRENT = "(SELECT search_score FROM customers WHERE id = NEW.id)"

SCHEMA: tuple[str, ...] = (
    "CREATE TABLE customer_terms (term TEXT NOT NULL, rank_key INTEGER NOT NULL, "
    "PRIMARY KEY (term, rank_key)) WITHOUT ROWID",
    "CREATE INDEX customer_terms_rank ON customer_terms(rank_key)",
    f"""CREATE TRIGGER customers_search_rank AFTER UPDATE OF last_visit_at, visits ON customers
    WHEN OLD.visits IS NOT NEW.visits OR OLD.last_visit_at IS NOT NEW.last_visit_at
    BEGIN
        UPDATE customers SET search_score = {score_sql()} WHERE id = NEW.id;
        UPDATE customer_fts SET rowid = {_rank_of(_CURRENT, 'NEW.id')}
        WHERE rowid = {rank_sql('OLD')};
        UPDATE customer_terms SET rank_key = {_rank_of(_CURRENT, 'NEW.id')}
        WHERE rank_key = {rank_sql('OLD')};
    END""",
)
"""The term table and the trigger, one statement each (a migration runs them in its
transaction; `executescript` would commit it)."""


def rebuild(db: Database, region: str, batch: int = 5_000) -> int:
    """Empty both index tables and index every customer again; returns how many."""
    db.execute("DELETE FROM customer_fts")
    db.execute("DELETE FROM customer_terms")
    scored = any(col[1] == "search_score"
                 for col in db.execute("PRAGMA table_info(customers)").fetchall())
    score = "search_score" if scored else "NULL"
    count = 0
    last_id = 0
    while True:
        rows = db.execute(
            f"SELECT id, name, phone, customer_no, email, last_visit_at, visits, {score} "
            "FROM customers WHERE id > ? ORDER BY id LIMIT ?", [last_id, batch],
        ).fetchall()
        if not rows:
            return count
        fts_rows = []
        term_rows: list[tuple[str, int]] = []
        for cid, name, phone, number, email, last_visit, visits, stored in rows:
            key = (key_for_score(cid, stored) if scored
                   else rank_key(cid, last_visit, visits))
            fts_rows.append((key, document(name, phone, number, email, region)))
            term_rows.extend((t, key) for t in terms(name))
        db.conn.executemany("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)", fts_rows)
        db.conn.executemany(
            "INSERT OR IGNORE INTO customer_terms(term, rank_key) VALUES (?, ?)", term_rows)
        count += len(rows)
        last_id = rows[-1][0]


def score_customers(db: Database) -> int:
    """Set every customer's search score from their purchases (each a visit on its day);
    a customer with visits but no purchases on record gets `estimated_score`. Returns how
    many customers have a score."""
    scores: dict[int, float | None] = {}
    current: int | None = None
    days: list[str] = []
    for customer_id, day in db.execute(
        "SELECT customer_id, substr(purchased_at, 1, 10) FROM purchases "
        "WHERE customer_id IS NOT NULL ORDER BY customer_id"
    ):
        if customer_id != current:
            if current is not None:
                scores[current] = visit_score(days)
            current, days = customer_id, []
        days.append(day)
    if current is not None:
        scores[current] = visit_score(days)
    rows = db.execute("SELECT id, last_visit_at, visits FROM customers WHERE visits > 0")
    updates = [
        (scores[cid] if cid in scores else estimated_score(last_visit, visits), cid)
        for cid, last_visit, visits in rows.fetchall()
    ]
    db.conn.executemany("UPDATE customers SET search_score = ? WHERE id = ?", updates)
    return len(updates)


def optimize(db: Database) -> None:
    """Rewrite the FTS5 index's segments, so erased names' terms leave the file. On
    PostgreSQL the index is a plain table: deleted rows stay in its pages until the server's
    VACUUM (as with PRAGMA secure_delete, see docs/postgresql-plan.md), nothing to do here."""
    if getattr(db, "engine", "sqlite") == "postgresql":
        return
    from db.store.connection import write

    with write(db):
        db.execute("INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")


def rekey(db: Database) -> None:
    """Give both index tables the keys of the customers' current scores, without
    recomputing any document: the trigram index is refilled from its own stored text, in
    key order, and the term table is copied with the new keys. The trigger is made again
    last (renaming the new term table checks the triggers that use it)."""
    if getattr(db, "engine", "sqlite") == "postgresql":
        from db.store.engines.postgres_search import rekey as rekey_postgres

        rekey_postgres(db)
        return
    db.execute("DROP TRIGGER IF EXISTS customers_search_rank")
    db.execute(
        f"CREATE TEMP TABLE rekeyed_docs AS SELECT {rank_sql('c')} AS key, f.c0 AS doc "
        f"FROM customer_fts_content AS f JOIN customers AS c ON c.id = (f.id & {ID_MASK})"
    )
    db.execute("DROP TABLE customer_fts")
    db.execute("CREATE VIRTUAL TABLE customer_fts USING fts5(doc, tokenize = 'trigram')")
    db.execute("INSERT INTO customer_fts(rowid, doc) SELECT key, doc FROM rekeyed_docs "
               "ORDER BY key")
    db.execute("DROP TABLE rekeyed_docs")
    db.execute("INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")
    db.execute(
        "CREATE TABLE customer_terms_rekeyed (term TEXT NOT NULL, rank_key INTEGER NOT NULL, "
        "PRIMARY KEY (term, rank_key)) WITHOUT ROWID"
    )
    db.execute(
        f"INSERT OR IGNORE INTO customer_terms_rekeyed(term, rank_key) "
        f"SELECT t.term, {rank_sql('c')} AS key FROM customer_terms AS t "
        f"JOIN customers AS c ON c.id = (t.rank_key & {ID_MASK}) ORDER BY t.term, key"
    )
    db.execute("DROP TABLE customer_terms")
    db.execute("ALTER TABLE customer_terms_rekeyed RENAME TO customer_terms")
    db.execute(SCHEMA[1])  # its index by key
    db.execute(SCHEMA[2])
