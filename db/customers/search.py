"""Search as staff type it: names in any order, phone digits in any form, regulars first.

A query is split into words. Typed in order with a short word ("aino k"), it is first one
trigram phrase; otherwise words of three characters or more go to the trigram index
together ("carter" AND "emily"); a query that is only a phone number is one run of digits
(040 123 4567 -> 0401234567, which `db.customers.phones` indexing matches against +358 40 123 4567
too); shorter words use the term table. Both indexes hand back their matches best search
score first (a frecency, `db.customers.search_index`), so the 100 candidates are the regulars, and
every word of the query must match each hit: a short word at the start of a name word, a
digit run in the phone number.

Ranking: the customer number typed; the exact name; names starting with what was typed;
names whose words start with each typed word (any order); the rest. Within each group the
best search score first: every visit counts, halving in weight every 14 days, so a weekly
regular who came this week comes before a one-off guest from yesterday.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from db.customers.phones import query_digits
from db.customers.search_index import ID_BITS, ID_MASK
from db.models import SearchHit
from db.text import digits, has_cjk, has_forbidden, search_key

SEARCH_LIMIT = 50
CANDIDATES = 100  # the best-scored customers that match: enough to rank, cheap to read
EXACT_CANDIDATES = 50  # whole-word matches added to a one-word query's candidates
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


@lru_cache(maxsize=32_768)
def _name_key(name: str) -> tuple[str, tuple[str, ...]]:
    """A name's search key and its words; cached: the same regulars come back with each
    keystroke, and folding a name with diacritics is the costly part of ranking."""
    key = search_key(name)
    return key, tuple(_WORD.findall(key))


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _matches(word: str, name_words: tuple[str, ...], name: str, phone: str) -> bool:
    """Whether a short word (or any word, for candidates not from the trigram index) fits."""
    if word.isdigit():
        return word in digits(phone)
    if has_cjk(word):
        return word in name
    return any(w.startswith(word) for w in name_words)


def search_customers(db: Database, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    if has_forbidden(query):  # a NUL or control character matches no one
        return []
    words = query_words(query)
    if not words:
        return []
    folded = search_key(query.strip())
    number = _NUMBER.match(folded)  # "C123" or "c 000123" names customer C000123
    wanted_id = int(number.group(1)) if number else None
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]
    # Typed in order, the query is one piece of the document ("aino k" of Aino Korhonen,
    # "al.mak@" of an e-mail address): the trigram index finds that piece precisely, and
    # a candidate holding it needs no further check. Only when that finds too few are the
    # words looked up apart, in any order ("korhonen a").
    whole = folded if short_words and len(words) > 1 and len(folded) >= 3 else ""
    fts_sql = (
        "SELECT f.rowid, '', " + _COLUMNS + " FROM (SELECT rowid "
        "FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid LIMIT ?) AS f "
        f"CROSS JOIN customers ON customers.id = (f.rowid & {ID_MASK})"
    )
    rows: dict[int, tuple[Any, ...]] = {}
    checked: dict[int, list[str]] = {}  # the words still to check for each candidate

    def collect(sql: str, params: list[Any], to_check: list[str]) -> None:
        for row in db.execute(sql, params):
            key = int(row[0])
            if key not in rows:
                rows[key] = tuple(row[2:])
                checked[key] = to_check

    # A customer number ("C123", "c 000123") names one customer: read by id, no index.
    if wanted_id is None and whole:
        collect(fts_sql, [_phrase(whole), CANDIDATES], [])
    if wanted_id is None and len(rows) < limit:
        if long_words:
            collect(fts_sql,
                    [" AND ".join(_phrase(w) for w in long_words), CANDIDATES], short_words)
        name_words = [w for w in words if not w.isdigit()]
        exact = max(name_words, key=len) if name_words else None
        if exact is not None and (len(exact) < 3 or len(words) == 1):
            # a short word has no trigram; a whole word also finds the exact name that a
            # crowd of more recent substring matches would push out of the candidates
            collect(
                "SELECT t.rank_key, '', " + _COLUMNS + " FROM (SELECT rank_key "
                "FROM customer_terms WHERE term = ? ORDER BY rank_key LIMIT ?) AS t "
                f"CROSS JOIN customers ON customers.id = (t.rank_key & {ID_MASK})",
                [exact, EXACT_CANDIDATES if long_words else CANDIDATES],
                words,
            )
    if not rows and wanted_id is None:
        return []
    if wanted_id is not None and all(int(r[0]) != wanted_id for r in rows.values()):
        extra = db.execute(
            "SELECT 0, '', " + _COLUMNS + " FROM customers WHERE id = ?", [wanted_id]
        ).fetchone()
        if extra is not None:
            rows[-1] = tuple(extra[2:])
    name_words = [w for w in words if not w.isdigit()]
    name_query = " ".join(name_words)
    scored: list[tuple[int, int, str, tuple[Any, ...]]] = []
    for key, row in rows.items():
        key_name, parts = _name_key(row[2])
        if row[0] == wanted_id or row[1].casefold() == folded:
            tier = 0
        else:
            to_check = checked.get(key, words)
            if to_check and not all(_matches(w, parts, key_name, row[3]) for w in to_check):
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
        # the best search score (the key without the id), then the name
        scored.append((tier, key >> ID_BITS, key_name, row))
    scored.sort(key=lambda item: item[:3])
    return [_hit(item[3]) for item in scored[:limit]]


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
