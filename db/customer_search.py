"""Search as staff type it: names in any order, phone digits in any form, regulars first.

A query is split into words. Words of three characters or more go to the trigram index
together ("carter" AND "emily"); a query that is only a phone number is one run of digits
(040 123 4567 -> 0401234567, which `db.phones` indexing matches against +358 40 123 4567
too); shorter words use the term table. Both indexes hand back their matches most recent
visitor first (`db.search_index`), so the 200 candidates are the regulars, and every word
of the query must match each hit: a short word at the start of a name word, a digit run in
the phone number.

Ranking: the customer number typed; the exact name; names starting with what was typed;
names whose words start with each typed word (any order); the rest. Within each group the
most recent visit first, then the most visits.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlite_utils import Database

from db.models import SearchHit
from db.phones import query_digits
from db.search_index import ID_BITS, ID_MASK
from db.text import digits, has_cjk, search_key

SEARCH_LIMIT = 50
CANDIDATES = 200
_NUMBER = re.compile(r"^c\s*0*(\d{1,9})$")
_PHONE_ONLY = re.compile(r"^[\d\s+\-().]+$")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_COLUMNS = (
    "customers.id, customer_no, name, phone, tier, allergens, allergies, last_visit_at, visits"
)


def query_words(text: str) -> list[str]:
    """The words of a query, folded; neighbouring digit groups joined ("040 123" is one)."""
    typed = text.strip()
    if _PHONE_ONLY.match(typed):
        key = query_digits(typed)
        return [key] if key else []
    words: list[str] = []
    for word in _WORD.findall(search_key(typed)):
        if word.isdigit() and words and words[-1].isdigit():
            words[-1] += word
        else:
            words.append(word)
    return words


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _matches(word: str, name_words: list[str], name: str, phone: str) -> bool:
    """Whether a short word (or any word, for candidates not from the trigram index) fits."""
    if word.isdigit():
        return word in digits(phone)
    if has_cjk(word):
        return word in name
    return any(w.startswith(word) for w in name_words)


def search_customers(db: Database, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    words = query_words(query)
    if not words:
        return []
    folded = search_key(query.strip())
    number = _NUMBER.match(folded)  # "C123" or "c 000123" names customer C000123
    wanted_id = int(number.group(1)) if number else None
    long_words = [w for w in words if len(w) >= 3]
    # The query as one piece too ("al.mak@" is a piece of an e-mail address, "anna l" of
    # a name): a candidate whose document holds it needs no further check.
    # (with a long word the index is asked for the long words only: every document holding
    # the whole query holds them too)
    whole = folded if len(words) > 1 and len(folded) >= 3 else ""
    if long_words:
        fts_terms = [" AND ".join(_phrase(w) for w in long_words)]
    else:
        fts_terms = [_phrase(whole)] if whole else []
    sources: list[tuple[str, list[Any]]] = []
    if fts_terms:
        sources.append((
            # the index drives the loop, newest rank key first; each hit one primary-key read
            "SELECT f.rowid, f.doc, " + _COLUMNS + " FROM (SELECT rowid, doc FROM customer_fts "
            "WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS f "
            f"CROSS JOIN customers ON customers.id = (f.rowid & {ID_MASK})",
            [fts_terms[0], CANDIDATES],
        ))
    name_words = [w for w in words if not w.isdigit()]
    exact = max(name_words, key=len) if name_words else None
    if exact is not None and (len(exact) < 3 or len(words) == 1):
        # a short word has no trigram; a whole word also finds the exact name that a
        # crowd of more recent substring matches would push out of the candidates
        sources.append((
            "SELECT t.rank_key, '', " + _COLUMNS + " FROM (SELECT rank_key FROM customer_terms "
            "WHERE term = ? ORDER BY rank_key DESC LIMIT ?) AS t "
            f"CROSS JOIN customers ON customers.id = (t.rank_key & {ID_MASK})",
            [exact, CANDIDATES],
        ))
    elif not fts_terms:
        return _number_only(db, wanted_id)
    rows: dict[int, tuple[Any, ...]] = {}
    verified: set[int] = set()  # long words known to match
    whole_match: set[int] = set()  # the whole query is in the document
    for position, (sql, params) in enumerate(sources):
        for row in db.execute(sql, params):
            key = int(row[0])
            if key not in rows:
                rows[key] = tuple(row[2:])
                if position == 0 and fts_terms:
                    if whole and whole in str(row[1]):
                        whole_match.add(key)
                    else:
                        verified.add(key)
    if wanted_id is not None and all(int(r[0]) != wanted_id for r in rows.values()):
        extra = db.execute(
            "SELECT 0, '', " + _COLUMNS + " FROM customers WHERE id = ?", [wanted_id]
        ).fetchone()
        if extra is not None:
            rows[-1] = tuple(extra[2:])
    short_words = [w for w in words if len(w) < 3]
    name_query = " ".join(name_words)
    scored: list[tuple[int, int, str, tuple[Any, ...]]] = []
    for key, row in rows.items():
        customer_id, customer_no, name, phone = (
            int(row[0]), str(row[1]), str(row[2]), str(row[3]))
        key_name = search_key(name)
        parts = _WORD.findall(key_name)
        if customer_id == wanted_id or customer_no.casefold() == folded:
            tier = 0
        else:
            check = [] if key in whole_match else short_words if key in verified else words
            if not all(_matches(w, parts, key_name, phone) for w in check):
                continue
            if not name_words:
                tier = 4
            elif key_name == name_query:
                tier = 1
            elif key_name.startswith(name_query):
                tier = 2
            elif all(any(p.startswith(w) for p in parts) for w in name_words):
                tier = 3
            else:
                tier = 4
        # most recent visit, then most visits (the key without the id), then the name
        scored.append((tier, -(key >> ID_BITS), key_name, row))
    scored.sort(key=lambda item: item[:3])
    return [_hit(item[3]) for item in scored[:limit]]


def _number_only(db: Database, wanted_id: int | None) -> list[SearchHit]:
    if wanted_id is None:
        return []
    row = db.execute(
        "SELECT " + _COLUMNS + " FROM customers WHERE id = ?", [wanted_id]
    ).fetchone()
    return [_hit(tuple(row))] if row else []


def _hit(row: tuple[Any, ...]) -> SearchHit:
    cid, number, name, phone, tier, allergens, allergies, last_visit, visits = row
    return SearchHit(
        id=int(cid),
        customer_no=str(number), name=str(name), phone=str(phone), tier=str(tier),
        allergens=tuple(json.loads(str(allergens))) if allergens != "[]" else (),
        allergies=tuple(json.loads(str(allergies))) if allergies not in ("[]", "") else (),
        last_visit_at=str(last_visit) if last_visit else None,
        visits=int(visits),
    )
