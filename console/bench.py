"""`counterpart bench`: a large synthetic shop and the figures the issue sets targets for.

The database is built straight into the tables with bulk inserts (secondary indexes are
dropped first and rebuilt at the end, the FTS index is filled in big batches and then
merged), in a child process so the memory figure measures searching, not building. A
finished build is recorded in `_bench_meta` and reused by the next run with the same
sizes. Figures are printed on stdout as ``name value unit``; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from console import cmd_bench
from console.bench_names import realistic_name
from db.customers import tiers
from db.customers.allergens import split_allergies
from db.customers.phones import DEFAULT_REGION
from db.customers.search_index import document, key_for_score, terms, visit_score
from db.demo import (
    ALLERGIES,
    PREFERENCES,
    PRODUCTS,
    TAGS,
    random_phone,
)
from db.store.connection import open_database
from db.store.location import ServerUrl, parse_location
from db.text import digits, fold, has_cjk, search_key

Figure = tuple[str, float, str]
Progress = Callable[[str], None]

DEFAULT_CUSTOMERS = cmd_bench.DEFAULT_CUSTOMERS
DEFAULT_PURCHASE_ITEMS = cmd_bench.DEFAULT_PURCHASE_ITEMS
HEAVY_PURCHASES = 10_000
SEARCH_QUERIES = 1_200
WARM_UP_QUERIES = 100
PROFILE_ROUNDS = 60
VISIBLE_ROWS = 20  # history rows visible in the profile panel at 1440x900
STARTUP_ROUNDS = 3
CHUNK = 20_000
BUILD_SEED = 11
BUILD_FORMAT = 5  # raise when the schema or the generator changes: old builds are redone
FIND_SAMPLE = 1_000  # customers who visited in the last 30 days, for the find figures
FIND_TOP = 5
AUTHORISING_TILLS = 8
AUTHORISATIONS_EACH = 20
RECENT_DAYS = 30

EXTRA_FIGURES: list[str] = ["reports.letters_bench", "reports.report_bench",
                             "db.store.durability_bench", "console.backup_bench",
                             "console.import_bench"]
"""Modules exposing `bench_figures(db) -> list[(name, value, unit)]`, used when present."""

_LANGS = ("fi", "en", "zh-TW", "zh-CN")
_LANG_WEIGHTS = (40, 20, 20, 20)


def p95(samples: list[float]) -> float:
    """The 95th percentile (nearest rank): what one staff member in twenty waits for."""
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]


# ------------------------------------------------------------------ the synthetic database


def heavy_customer_id(customers: int) -> int:
    """The customer with 10,000 purchases is the last one."""
    return customers


def bench_meta(db: Database) -> dict[str, Any] | None:
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_bench_meta'"
    ).fetchone()
    if not exists:
        return None
    row = db.execute("SELECT value FROM _bench_meta WHERE key = 'build'").fetchone()
    return json.loads(row[0]) if row else None


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def needs_file_build(path: Path, customers: int, purchase_items: int) -> bool:
    """True unless `path` holds a finished bench build of exactly these sizes.

    A file that is not a bench database is never overwritten: that could be a shop's data.
    """
    if not path.exists() or path.stat().st_size == 0:
        return True
    db = open_database(path, migrate=False)
    try:
        meta = bench_meta(db)
        has_rows = db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'customers'"
        ).fetchone() and db.execute("SELECT 1 FROM customers LIMIT 1").fetchone()
    finally:
        db.close()
    if meta is None:
        if has_rows:
            from db.errors import UserError

            raise UserError(
                f"{path} is not a benchmark database; choose another --db for the benchmark."
            )
        return True
    return not (
        meta.get("complete")
        and meta.get("customers") == customers
        and meta.get("purchase_items") == purchase_items
        and meta.get("format") == BUILD_FORMAT
    )


@dataclass
class Chunk:
    """The rows of up to CHUNK customers, in the columns of the bulk inserts below."""

    last: int
    items_written: int
    purchases_written: int
    customers: list[tuple[Any, ...]] = field(default_factory=list)
    fts: list[tuple[int, str]] = field(default_factory=list)
    terms: list[tuple[str, int]] = field(default_factory=list)
    purchases: list[tuple[Any, ...]] = field(default_factory=list)
    items: list[tuple[Any, ...]] = field(default_factory=list)
    totals: list[tuple[Any, ...]] = field(default_factory=list)


CUSTOMER_COLUMNS = (
    "id", "customer_no", "name", "phone", "phone_digits", "email", "language", "birth_month",
    "birth_day", "birth_year", "allergies", "allergens", "preferences", "tags",
    "consent_contact", "tier", "tier_rated_at", "visits", "total_spend_minor",
    "last_visit_at", "created_at", "updated_at", "search_score")
PURCHASE_COLUMNS = ("id", "customer_id", "purchased_at", "total_minor", "created_at")
ITEM_COLUMNS = ("id", "purchase_id", "customer_id", "product_id", "name", "quantity",
                "unit_price_minor")
TOTAL_COLUMNS = ("customer_id", "item_key", "name", "quantity")


def generate(
    customers: int, purchase_items: int, product_ids: list[tuple[int, str, int]], *,
    seed: int = BUILD_SEED,
) -> Iterator[Chunk]:
    """The synthetic shop, CHUNK customers at a time; the same rows for every engine (the
    same seed gives the same shop on SQLite and on PostgreSQL)."""
    rng = random.Random(seed)
    heavy = heavy_customer_id(customers)
    heavy_purchases = min(HEAVY_PURCHASES, max(1, purchase_items // 4))
    heavy_items = heavy_purchases * 5 // 2
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    days = [(today - timedelta(days=d)).strftime("%Y-%m-%dT") for d in range(730)]
    times = [f"{h:02d}:{m:02d}:00+00:00" for h in range(7, 22) for m in range(60)]
    created = today.isoformat(timespec="seconds")

    purchase_id = 0
    item_id = 0
    items_left = purchase_items
    for first in range(1, customers + 1, CHUNK):
        last = min(customers, first + CHUNK - 1)
        customer_rows: list[tuple[Any, ...]] = []
        fts_rows: list[tuple[int, str]] = []
        term_rows: list[tuple[str, int]] = []
        purchase_rows: list[tuple[Any, ...]] = []
        item_rows: list[tuple[Any, ...]] = []
        total_rows: list[tuple[Any, ...]] = []
        rnd = rng.random
        for cid in range(first, last + 1):
            if cid == heavy:
                n_purchases = min(heavy_purchases, items_left)
                base_items, extra = divmod(items_left, n_purchases) if n_purchases else (0, 0)
            else:
                reserve = heavy_purchases if heavy > cid else 0
                # The mean follows what is left, so the total lands on `purchase_items`
                # and the heavy customer keeps about 2.5 items a purchase.
                mean = (items_left - heavy_items) / max(1, heavy - cid) / 2.5
                n_purchases = int(rng.expovariate(1 / mean) + 0.5) if mean > 0 else 0
                base_items = extra = 0
            language = rng.choices(_LANGS, _LANG_WEIGHTS)[0]
            name = realistic_name(rng, language)
            phone = random_phone(rng, language) if rnd() < 0.85 else ""
            phone_key = digits(phone)
            number = f"C{cid:06d}"
            email = ""
            if rnd() < 0.3:
                local = number.lower() if has_cjk(name) else ".".join(fold(name).split())
                email = f"{local.replace(chr(39), '')}{cid}@example.com"
            spend = 0
            visits = 0
            last_visit = ""
            visit_days: list[str] = []
            bought: dict[int, list[Any]] = {}
            for p in range(n_purchases):
                if cid == heavy:
                    n_lines = base_items + (1 if p < extra else 0)
                else:
                    n_lines = 1 + int(rnd() * 4)
                    if items_left - n_lines < reserve:
                        break
                if n_lines <= 0:
                    break
                purchase_id += 1
                at = days[int(rnd() * 730)] + times[int(rnd() * 900)]
                total = 0
                for _ in range(n_lines):
                    item_id += 1
                    pid, pname, price = product_ids[int(rnd() * len(product_ids))]
                    quantity = 1 if rnd() < 0.8 else 2
                    total += quantity * price
                    item_rows.append((item_id, purchase_id, cid, pid, pname, quantity, price))
                    if pid in bought:
                        bought[pid][1] += quantity
                    else:
                        bought[pid] = [pname, quantity]
                items_left -= n_lines
                purchase_rows.append((purchase_id, cid, at, total, created))
                spend += total
                visits += 1
                visit_days.append(at)
                if at > last_visit:
                    last_visit = at
            month = day = year = None
            if rnd() < 0.8:
                month, day = 1 + int(rnd() * 12), 1 + int(rnd() * 28)
                year = 1940 + int(rnd() * 66) if rnd() < 0.6 else None
            codes, free = (split_allergies([rng.choice(ALLERGIES[language])])
                           if rnd() < 0.2 else ([], []))
            allergens = json.dumps(codes)
            allergies = json.dumps(free, ensure_ascii=False)
            tags = json.dumps([rng.choice(TAGS[language])], ensure_ascii=False) \
                if rnd() < 0.4 else "[]"
            preferences = rng.choice(PREFERENCES[language]) if rnd() < 0.5 else ""
            score = visit_score(visit_days)
            customer_rows.append((
                cid, number, name, phone, phone_key, email, language, month, day, year,
                allergies, allergens, preferences, tags, int(rnd() < 0.7),
                tiers.rate(spend, visits), created, visits, spend, last_visit or None,
                created, created, score,
            ))
            total_rows.extend(sorted((cid, f"p{pid}", pname, quantity)
                                     for pid, (pname, quantity) in bought.items()))
            key = key_for_score(cid, score)
            fts_rows.append((key, document(name, phone, number, email, DEFAULT_REGION)))
            term_rows.extend((t, key) for t in terms(name))
        term_rows.sort()
        yield Chunk(last=last, items_written=item_id, purchases_written=purchase_id,
                    customers=customer_rows, fts=fts_rows, terms=term_rows,
                    purchases=purchase_rows, items=item_rows, totals=total_rows)


def _insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    return (f"{verb} INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _c in columns)})")


def build_bench_db(
    path: Path, customers: int, purchase_items: int, *, seed: int = BUILD_SEED,
    progress: Progress | None = None,
) -> None:
    """Write a fresh synthetic database at `path` as fast as SQLite allows."""
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    _remove_db(path)
    db = open_database(path)
    conn = db.conn
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("CREATE TABLE _bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    meta: dict[str, Any] = {"customers": customers, "purchase_items": purchase_items,
                            "seed": seed, "format": BUILD_FORMAT, "complete": False}
    conn.execute("INSERT INTO _bench_meta VALUES ('build', ?)", [json.dumps(meta)])
    # Secondary indexes and the favourites triggers are set aside during the load and
    # restored from the schema's own SQL afterwards (the totals are written directly).
    indexes = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND sql IS NOT NULL "
        "AND tbl_name IN ('customers', 'purchases', 'purchase_items', 'customer_terms')"
    ).fetchall()
    for kind, name, _sql in indexes:
        conn.execute(f'DROP {kind.upper()} "{name}"')

    conn.execute("BEGIN")
    product_ids = _insert_products(conn)
    conn.execute("COMMIT")

    purchase_id = item_id = 0
    for chunk in generate(customers, purchase_items, product_ids, seed=seed):
        conn.execute("BEGIN")
        conn.executemany(_insert_sql("customers", CUSTOMER_COLUMNS), chunk.customers)
        conn.executemany("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)", chunk.fts)
        conn.executemany(
            "INSERT OR IGNORE INTO customer_terms(term, rank_key) VALUES (?, ?)", chunk.terms
        )
        conn.executemany(_insert_sql("purchases", PURCHASE_COLUMNS), chunk.purchases)
        conn.executemany(_insert_sql("purchase_items", ITEM_COLUMNS), chunk.items)
        conn.executemany(_insert_sql("customer_items", TOTAL_COLUMNS), chunk.totals)
        conn.execute("COMMIT")
        purchase_id, item_id = chunk.purchases_written, chunk.items_written
        say(f"customers {chunk.last:,}/{customers:,}, purchase items "
            f"{item_id:,}/{purchase_items:,} ({time.perf_counter() - started:.0f} s)")

    for _kind, name, sql in indexes:
        say(f"{_kind} {name} ({time.perf_counter() - started:.0f} s)")
        conn.execute(sql)
    say(f"merging the search index ({time.perf_counter() - started:.0f} s)")
    conn.execute("INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")
    say(f"statistics ({time.perf_counter() - started:.0f} s)")
    conn.execute("ANALYZE")
    distinct = conn.execute("SELECT count(DISTINCT name) FROM customers").fetchone()[0]
    meta |= {"complete": True, "purchases": purchase_id, "items_written": item_id,
             "distinct_names": distinct,
             "build_seconds": round(time.perf_counter() - started, 1)}
    conn.execute("UPDATE _bench_meta SET value = ? WHERE key = 'build'", [json.dumps(meta)])
    conn.execute("PRAGMA journal_mode = WAL")
    db.close()
    say(f"built {path} in {time.perf_counter() - started:.0f} s: {customers:,} customers, "
        f"{purchase_id:,} purchases, {item_id:,} purchase items")


def _insert_products(conn: Any) -> list[tuple[int, str, int]]:
    ids = []
    for sku, name, category, price in PRODUCTS:
        cur = conn.execute(
            "INSERT INTO products(sku, name, category, price_minor) VALUES (?, ?, ?, ?)",
            [sku, name, category, price],
        )
        ids.append((int(cur.lastrowid), name, price))
    return ids


# ------------------------------------------------------------------ the queries


def search_queries(db: Database, count: int = SEARCH_QUERIES, seed: int = 5) -> list[str]:
    """What staff type: name prefixes (Finnish without diacritics), CJK substrings of one to
    three characters, phone numbers in pieces, customer numbers, each keystroke a query."""
    rng = random.Random(seed)
    top = db.execute("SELECT max(id) FROM customers").fetchone()[0] or 0
    fits = {
        "latin": lambda name, phone: not has_cjk(name),
        "cjk": lambda name, phone: has_cjk(name),
        "phone": lambda name, phone: bool(phone),
        "number": lambda name, phone: True,
    }
    queries: list[str] = []
    while len(queries) < count and top:
        kind = rng.choices(list(fits), (25, 45, 22, 8))[0]
        for _try in range(50):
            name, phone, number = db.execute(
                "SELECT name, phone, customer_no FROM customers WHERE id = ?",
                [rng.randint(1, top)],
            ).fetchone() or ("", "", "")
            if name and fits[kind](name, phone):
                break
        else:
            continue
        if kind == "latin":
            word = rng.choice(name.split())
            typed = fold(word) if rng.random() < 0.7 else word.lower()  # no diacritics
            queries.extend(typed[:n] for n in range(1, min(len(typed), 6) + 1))
            if rng.random() < 0.3:
                queries.append(fold(name)[: len(name.split()[0]) + 3])
        elif kind == "cjk":
            start = rng.randint(0, len(name) - 1)
            queries.extend(
                name[start : start + n] for n in (1, 2, 3) if start + n <= len(name)
            )
        elif kind == "phone":
            groups = phone.replace("+", "").split()
            piece = rng.choice([g for g in groups if len(g) >= 3] or groups)
            queries.extend(piece[:n] for n in range(3, len(piece) + 1))
            if len(groups) >= 2 and rng.random() < 0.5:
                queries.append(" ".join(groups[-2:]))
        else:
            queries.extend([number, number[-5:]])
    return queries[:count]


# ------------------------------------------------------------------ the figures


_APP: list[Any] = []


def _qt_app() -> Any:
    """One QApplication for the models, kept alive until the process ends."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import widgets  # noqa: F401  (its PySide6 6.12 / Python 3.11 workaround, first)

    app = QApplication.instance() or QApplication([])
    if not _APP:
        _APP.append(app)
    return app


def bench_search(db: Database, queries: list[str]) -> tuple[float, float]:
    """p95 of search plus model update in ms, and peak RSS in MB while doing it."""
    import psutil  # type: ignore[import-untyped]

    from db.customers.records import search_customers
    from widgets.search_results_model import SearchResultsModel

    _qt_app()
    process = psutil.Process()
    model = SearchResultsModel()
    for query in queries[:WARM_UP_QUERIES]:
        model.set_results(search_customers(db, query))
    samples = []
    peak = process.memory_info().rss
    for query in queries:
        start = time.perf_counter()
        hits = search_customers(db, query)
        model.set_results(hits)
        samples.append((time.perf_counter() - start) * 1000)
        peak = max(peak, process.memory_info().rss)
    return p95(samples), peak / (1024 * 1024)


def find_sample(db: Database, count: int = FIND_SAMPLE, seed: int = 7) -> list[
        tuple[int, str, str]]:
    """(id, name, phone) of `count` customers who visited in the last 30 days."""
    since = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
    rows = db.execute(
        "SELECT id, name, phone FROM customers WHERE last_visit_at >= ? ORDER BY id", [since]
    ).fetchall()
    rng = random.Random(seed)
    return [tuple(r) for r in rng.sample(rows, min(count, len(rows)))]


def keystrokes_to_find(db: Database, customer_id: int, name: str,
                       top: int = FIND_TOP) -> float:
    """Letters of the name typed, one at a time, until the customer is in the top `top`;
    infinity when the whole name is not enough."""
    from db.customers.records import search_customers

    for typed in range(1, len(name) + 1):
        if name[typed - 1].isspace():
            continue  # a space alone changes no result: the next letter counts
        hits = search_customers(db, name[:typed], limit=top)
        if any(hit.id == customer_id for hit in hits):
            return float(typed)
    return float("inf")


def found_by_name_and_phone(db: Database, customer_id: int, name: str, phone: str,
                            top: int = FIND_TOP) -> bool:
    """In the top `top` for the full name plus the last four digits of the phone."""
    from db.customers.records import search_customers

    last_four = digits(phone)[-4:]
    query = f"{name} {last_four}" if last_four else name
    return any(hit.id == customer_id for hit in search_customers(db, query, limit=top))


def bench_find(db: Database, count: int = FIND_SAMPLE) -> tuple[float, float, int]:
    """(median keystrokes, % in the top 5 with name and last four phone digits, sample)."""
    sample = find_sample(db, count)
    if not sample:
        return float("nan"), float("nan"), 0
    strokes = [keystrokes_to_find(db, cid, name) for cid, name, _phone in sample]
    found = sum(found_by_name_and_phone(db, cid, name, phone) for cid, name, phone in sample)
    return statistics.median(strokes), 100.0 * found / len(sample), len(sample)


def find_floor(db: Database, sample: list[tuple[int, str, str]], top: int = FIND_TOP,
               within: int = 6) -> tuple[float, float]:
    """What *any* order of the recent visitors can expect on this sample: (median letters,
    % in the top `top` within `within` letters).

    Typing a name from its start, the matches are the names starting with what was typed
    (the exact name, once complete, ahead of longer ones). When n of the recent visitors
    share that prefix, only `top` of them can be shown, so whatever ranks them, a sampled
    customer is there with a chance of top / n; these chances summed over the sample give
    the expected share found after each letter. The measured `find_keystrokes_median` is
    this floor unless the ranking lets customers who did not visit recently ahead.
    """
    if not sample:
        return float("nan"), float("nan")
    since = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
    keys = sorted(search_key(str(name)) for (name,) in db.execute(
        "SELECT name FROM customers WHERE last_visit_at >= ?", [since]))
    exact = collections.Counter(keys)

    def sharing(prefix: str) -> int:
        return bisect.bisect_left(keys, prefix + "\U0010ffff") - bisect.bisect_left(keys, prefix)

    longest = max(len(name) for _cid, name, _phone in sample)
    found = [0.0] * (longest + 1)  # expected customers in the top after each letter
    for _cid, name, _phone in sample:
        chance = 0.0
        for typed in range(1, longest + 1):
            if typed <= len(name) and not name[typed - 1].isspace():
                prefix = search_key(name[:typed])
                shared = exact[prefix] if typed == len(name) else sharing(prefix)
                chance = max(chance, min(1.0, top / max(1, shared)))
            found[typed] += chance
    median = next((float(typed) for typed in range(1, longest + 1)
                   if found[typed] >= len(sample) / 2), float("inf"))
    return median, 100.0 * found[min(within, longest)] / len(sample)


def bench_profile(db: Database, customer_id: int, rounds: int = PROFILE_ROUNDS) -> float:
    """p95 in ms of opening a profile: the facts, the history model loading its first page,
    and the text of every cell in the rows a profile panel shows at once."""
    from PySide6.QtCore import Qt

    from db.customers.records import get_profile
    from widgets.purchase_history_model import PurchaseHistoryModel

    _qt_app()
    model = PurchaseHistoryModel(db)
    samples = []
    for _ in range(rounds + 5):
        start = time.perf_counter()
        get_profile(db, customer_id)
        model.set_customer(customer_id)
        for row in range(min(VISIBLE_ROWS, model.rowCount())):
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        samples.append((time.perf_counter() - start) * 1000)
    return p95(samples[5:])


def bench_startup(path: Path | str, rounds: int = STARTUP_ROUNDS) -> float | None:
    """Median wall time in ms from process start to the main window's `shown` line
    (`path`: a file, or a server's URL with its password)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed console has its bytecode cached; a shell that forbids writing it would
    # make every start recompile the program (hundreds of ms) and measure that instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "console", "--db", str(path), "run", "--quit-when-shown"]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=env, text=True)
        assert proc.stdout is not None
        shown = None
        for line in proc.stdout:
            if line.strip().startswith("shown"):
                shown = (time.perf_counter() - start) * 1000
                break
        proc.stdout.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if shown is None:
            return None
        samples.append(shown)
    return statistics.median(samples)


def extra_figures(db: Database, modules: list[str] | None = None) -> Iterator[Figure]:
    """Figures other parts add (letters, report), from modules that exist yet."""
    for name in EXTRA_FIGURES if modules is None else modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        yield from module.bench_figures(db)


def _target(location: Path | ServerUrl) -> str:
    """What a child process is given: the file's path, or the URL itself (with any
    password: `str(ServerUrl)` hides it)."""
    return location.url if isinstance(location, ServerUrl) else str(location)


def server_figures(target: str, say: Callable[[str], None]) -> Iterator[Figure]:
    """Two tills on one database: a commit at one till until the other's open profile
    shows it, and 8 tills authorising compensation at once (issue 11). They add a few
    staff, one customer with purchases and 160 complaints to the benchmark database."""
    from console.concurrent_authorise_bench import concurrent_authorise_p95_ms
    from console.till_refresh_bench import till_refresh_p95_ms

    _qt_app()
    say("till refresh: purchases committed at one till until another till's profile shows "
        "them")
    yield ("till_refresh_p95_ms", till_refresh_p95_ms(target), "ms")
    say(f"concurrent authorisations: {AUTHORISING_TILLS} tills x {AUTHORISATIONS_EACH}")
    whole, without_pin = concurrent_authorise_p95_ms(target, AUTHORISING_TILLS,
                                                     AUTHORISATIONS_EACH)
    say(f"concurrent authorisations: p95 {without_pin:.1f} ms without the PIN check "
        f"(scrypt, on this machine's shared cores)")
    yield ("concurrent_authorise_p95_ms", whole, "ms")


def run_bench(
    path: Path | ServerUrl | str,
    customers: int = DEFAULT_CUSTOMERS,
    purchase_items: int = DEFAULT_PURCHASE_ITEMS,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    startup: bool = True,
    in_process_build: bool = False,
    extras: bool | None = None,
    tills: bool | None = None,
) -> list[Figure]:
    """Build or reuse the database, then measure; each figure printed as it is known.

    `path` is a SQLite file or a PostgreSQL server (`ServerUrl`, or a URL as text). The
    other parts' figures (`EXTRA_FIGURES`) are measured on SQLite, the two tills' figures
    (`server_figures`) on a server: `extras`/`tills` say otherwise.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    location = parse_location(path)
    server = isinstance(location, ServerUrl)
    extras = not server if extras is None else extras
    tills = server if tills is None else tills

    def say(message: str) -> None:
        print(f"bench: {message}", file=err, flush=True)

    if server:
        from console.bench_server import ctype_warning

        warning = ctype_warning(_target(location))
        if warning:
            say(f"warning: {warning}")
    if needs_build(location, customers, purchase_items):
        say(f"building {location} ({customers:,} customers, {purchase_items:,} purchase "
            f"items)")
        if in_process_build:
            build_any(location, customers, purchase_items, progress=say)
        else:
            _build_in_child(location, customers, purchase_items, err)
    else:
        say(f"reusing {location}")
    figures: list[Figure] = []

    def emit(figure: Figure) -> None:
        figures.append(figure)
        print(f"{figure[0]} {figure[1]:.1f} {figure[2]}", file=out, flush=True)

    db = open_database(location)
    try:
        queries = search_queries(db)
        say(f"searching: {len(queries)} queries after {WARM_UP_QUERIES} to warm up")
        search_ms, rss_mb = bench_search(db, queries)
        emit(("search_p95_ms", search_ms, "ms"))
        say(f"finding {FIND_SAMPLE} recent visitors by typing their names")
        median, top5, sampled = bench_find(db)
        emit(("find_keystrokes_median", median, "letters"))
        emit(("find_top5_pct", top5, "%"))
        floor, within = find_floor(db, find_sample(db))
        say(f"find: {sampled} customers sampled; any order of the recent visitors sharing "
            f"a typed prefix expects a median of {floor:.0f} letters ({within:.1f} % in the "
            f"top {FIND_TOP} within 6)")
        say("opening the profile of the customer with the most purchases")
        emit(("profile_open_p95_ms", bench_profile(db, heavy_customer_id(customers)), "ms"))
        if startup:
            say("starting the console (offscreen) until its window is shown")
            started = bench_startup(_target(location))
            if started is None:
                say("startup: the console did not print 'shown'; no figure")
            else:
                emit(("startup_ms", started, "ms"))
        emit(("peak_rss_mb", rss_mb, "MB"))
        if tills:
            for figure in server_figures(_target(location), say):
                emit(figure)
        if extras:
            for figure in extra_figures(db):
                emit(figure)
    finally:
        db.close()
    return figures


def needs_build(location: Path | ServerUrl, customers: int, purchase_items: int) -> bool:
    """True unless `location` holds a finished bench build of exactly these sizes; a shop's
    database is refused (UserError), never overwritten."""
    if isinstance(location, ServerUrl):
        from console.bench_server import needs_server_build

        return needs_server_build(location.url, str(location), customers, purchase_items,
                                  BUILD_FORMAT)
    return needs_file_build(location, customers, purchase_items)


def build_any(location: Path | ServerUrl, customers: int, purchase_items: int, *,
              progress: Progress | None = None) -> None:
    """`build_bench_db` for a file, `bench_server.build_server_bench` for a server."""
    if isinstance(location, ServerUrl):
        from console.bench_server import build_server_bench

        build_server_bench(location.url, customers, purchase_items, seed=BUILD_SEED,
                           build_format=BUILD_FORMAT, progress=progress)
    else:
        build_bench_db(location, customers, purchase_items, progress=progress)


def _build_in_child(location: Path | ServerUrl, customers: int, purchase_items: int,
                    err: TextIO) -> None:
    """Build in a child process, its progress relayed line by line to `err`."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "console.bench", "build", _target(location), str(customers),
         str(purchase_items)],
        stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        err.write(line)
        err.flush()
    if proc.wait() != 0:
        from db.errors import UserError

        raise UserError(f"building the benchmark database {location} failed")


def _child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m console.bench")
    parser.add_argument("action", choices=["build"])
    parser.add_argument("path", type=parse_location)
    parser.add_argument("customers", type=int)
    parser.add_argument("purchase_items", type=int)
    args = parser.parse_args(argv)
    build_any(
        args.path, args.customers, args.purchase_items,
        progress=lambda m: print(f"bench: {m}", file=sys.stderr, flush=True),
    )
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
