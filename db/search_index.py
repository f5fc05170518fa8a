"""The customer search index, kept in the order staff want results in: regulars first.

Both index tables are keyed by a *rank key* rather than the customer id:

    rank key = ((MAX_DAY - day of the last visit) << 46)
             | ((MAX_VISITS - visits) << 26) | customer id

so "most recent visit, then most visits" is the key's ascending order, and a query asks
the index for its matches in its natural (ascending, the fastest for FTS5) order with a
LIMIT: the candidates are the most recent visitors that match, not the lowest ids. The id
is the key's low 26 bits (customers up to 67,108,863). A trigger moves a customer's
entries when their visits or last visit change, whichever code changes them.

- ``customer_fts`` (FTS5 trigram): name, phone digits in every form (`db.phones`),
  customer number and e-mail; substrings of three characters or more, any script.
- ``customer_terms``: shorter queries and whole words: each Latin word, its first one and
  two letters, and CJK characters and pairs.
"""

from __future__ import annotations

import re
from datetime import date

from sqlite_utils import Database

from db.phones import phone_variants
from db.text import has_cjk, is_cjk, search_document, search_key

ID_BITS = 26
VISIT_BITS = 20
ID_MASK = (1 << ID_BITS) - 1
MAX_VISITS = (1 << VISIT_BITS) - 1
DAY_SHIFT = ID_BITS + VISIT_BITS
MAX_DAY = (1 << (63 - DAY_SHIFT)) - 1  # days since 1970: until the year 2328
_EPOCH = date(1970, 1, 1).toordinal()
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def rank_sql(row: str) -> str:
    """The rank key of table alias `row` (customers, NEW or OLD) as an SQL expression."""
    return (
        f"((({MAX_DAY} - CAST(coalesce(julianday(substr({row}.last_visit_at, 1, 10)), "
        f"2440587.5) - 2440587.5 AS INTEGER)) << {DAY_SHIFT}) "
        f"| (({MAX_VISITS} - min({row}.visits, {MAX_VISITS})) << {ID_BITS}) | {row}.id)"
    )


def rank_key(customer_id: int, last_visit_at: str | None, visits: int) -> int:
    """The same key in Python (bulk builds compute it without a round trip)."""
    day = date.fromisoformat(last_visit_at[:10]).toordinal() - _EPOCH if last_visit_at else 0
    return (((MAX_DAY - day) << DAY_SHIFT) | ((MAX_VISITS - min(visits, MAX_VISITS)) << ID_BITS)
            | customer_id)


def customer_id_of(key: int) -> int:
    return key & ID_MASK


def terms(name: str) -> set[str]:
    """Keys for the term table: Latin words with their 1- and 2-letter starts, CJK
    characters and pairs (a two-character Chinese name is found by either character)."""
    found: set[str] = set()
    for word in _WORD.findall(search_key(name)):
        if has_cjk(word):
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
    row = db.execute(
        f"SELECT {rank_sql('customers')} FROM customers WHERE id = ?", [customer_id]
    ).fetchone()
    return int(row[0]) if row else None


SCHEMA: tuple[str, ...] = (
    "CREATE TABLE customer_terms (term TEXT NOT NULL, rank_key INTEGER NOT NULL, "
    "PRIMARY KEY (term, rank_key)) WITHOUT ROWID",
    "CREATE INDEX customer_terms_rank ON customer_terms(rank_key)",
    f"""CREATE TRIGGER customers_search_rank AFTER UPDATE OF last_visit_at, visits ON customers
    WHEN {rank_sql('OLD')} != {rank_sql('NEW')}
    BEGIN
        UPDATE customer_fts SET rowid = {rank_sql('NEW')} WHERE rowid = {rank_sql('OLD')};
        UPDATE customer_terms SET rank_key = {rank_sql('NEW')}
        WHERE rank_key = {rank_sql('OLD')};
    END""",
)
"""The term table and the trigger, one statement each (a migration runs them in its
transaction; `executescript` would commit it)."""


def rebuild(db: Database, region: str, batch: int = 5_000) -> int:
    """Empty both index tables and index every customer again; returns how many."""
    db.execute("DELETE FROM customer_fts")
    db.execute("DELETE FROM customer_terms")
    count = 0
    last_id = 0
    while True:
        rows = db.execute(
            "SELECT id, name, phone, customer_no, email, last_visit_at, visits FROM customers "
            "WHERE id > ? ORDER BY id LIMIT ?", [last_id, batch],
        ).fetchall()
        if not rows:
            return count
        fts_rows = []
        term_rows: list[tuple[str, int]] = []
        for cid, name, phone, number, email, last_visit, visits in rows:
            key = rank_key(cid, last_visit, visits)
            fts_rows.append((key, document(name, phone, number, email, region)))
            term_rows.extend((t, key) for t in terms(name))
        db.conn.executemany("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)", fts_rows)
        db.conn.executemany(
            "INSERT OR IGNORE INTO customer_terms(term, rank_key) VALUES (?, ?)", term_rows)
        count += len(rows)
        last_id = rows[-1][0]
