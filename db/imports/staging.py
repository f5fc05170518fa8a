"""Staging an import: every row mapped and checked, then written to a private stage file.

The stage is a SQLite file of its own next to the database (``<db>.import-<id>``), attached
to the job's connection as ``stage``: staging never takes the shop database's write lock,
however large the file. For a shop on a PostgreSQL server the stage file is kept in this
till's data folder (`server_stage_folder`) and attached as ``stage`` to a SQLite connection
of its own (`open_stage`), so the same statements write and read it. Rows go to three stage tables:

- ``new_rows``: customers to add, numbered ``n`` = 1, 2, ... in file order, with everything
  the customer row and its search index need already computed (the merge then copies
  them with ``INSERT ... SELECT`` in short transactions);
- ``updates``: rows whose external id is already a customer (merged row by row);
- ``keys``: the external id of every row, to find duplicates in the file.

A row whose raw cells hash to one already imported under the same format and options is
not mapped at all (the re-import fast path); it only counts as unchanged.

Mapping runs in a pool of worker processes for large files (`map_rows` is the work of one
chunk; a worker builds its own mapper from the header and options).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from db.customers import records as customer_api
from db.customers import search_index, tiers
from db.customers.phones import phone_variants
from db.errors import ValidationError
from db.imports import formats as import_formats
from db.imports.formats import ImportOptions, MappedCustomer, RefusedRow, customer_mapper
from db.models import CustomerInput
from db.text import digits, search_key

ENGINE_FORMAT = 1
"""Raise when what a staged row holds, or how a row maps, changes: old row hashes then no
longer match and every row is mapped again."""

CONTENT_COLUMNS: tuple[str, ...] = (
    "name", "phone", "phone_digits", "email", "language", "birth_month", "birth_day",
    "birth_year", "allergies", "allergens", "preferences", "tags", "family_dates",
    "consent_contact", "personality", "external_id", "form_of_address",
)
"""The customer columns a row sets, in the order of `db.customers.records._columns`."""

class Staged(NamedTuple):
    """One mapped row, ready to stage (computed in a worker process)."""

    line: int
    row_hash: bytes
    external_id: str
    columns: tuple[Any, ...]
    """Values of CONTENT_COLUMNS."""
    facts: tuple[int | None, int | None, str | None, str | None]
    """visits, total_spend_minor, first_visit_at, last_visit_at (None: not in the file)."""
    key_hi: int
    """The search rank key without the id (the id is known only at merge)."""
    doc_pre: str
    doc_post: str
    terms: str
    unrecognised: tuple[str, ...]
    sample: MappedCustomer | None
    guessed: bool
    """The mapper guessed the language from the script of the name."""


def fingerprint(header: Sequence[str], options: ImportOptions, format_name: str) -> bytes:
    """What, besides its cells, decides how a row maps: a row hash is keyed by it."""
    text = json.dumps([ENGINE_FORMAT, format_name, list(header), asdict(options)],
                      sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=32).digest()


def row_hash(key: bytes, cells: Sequence[str]) -> bytes:
    return hashlib.blake2b("\x1f".join(cells).encode(), key=key, digest_size=16).digest()


class RowMapper:
    """Maps rows to `Staged` records or `RefusedRow`s; one per process."""

    def __init__(self, header: tuple[str, ...], options: ImportOptions, region: str,
                 today: date) -> None:
        self.mapper = customer_mapper(header, options)
        self.region = region
        self.today = today

    def map_rows(self, rows: Sequence[tuple[int, list[str], bytes]],
                 samples: int = 0) -> list[Staged | RefusedRow]:
        out: list[Staged | RefusedRow] = []
        for line, cells, digest in rows:
            mapped = self.mapper.map_row(line, cells, self.today)
            if isinstance(mapped, RefusedRow):
                out.append(mapped)
                continue
            out.append(self.staged(mapped, digest, mapped if samples > 0 else None))
            samples -= 1
        return out

    def staged(self, mapped: MappedCustomer, digest: bytes,
               sample: MappedCustomer | None) -> Staged:
        data = mapped.data
        facts = mapped.facts
        visits = facts.visits or 0
        name_key, terms = _name_parts(data.name)
        phones = " ".join(phone_variants(data.phone, self.region))
        pre = f"{name_key} {phones}" if name_key and phones else name_key or phones
        email_key = search_key(data.email) if data.email else ""
        return Staged(
            line=mapped.line, row_hash=digest, external_id=data.external_id or "",
            columns=row_columns(data),
            facts=(facts.visits, facts.spend_minor, facts.first_visit_at,
                   facts.last_visit_at),
            key_hi=search_index.rank_key(0, facts.last_visit_at, visits),
            doc_pre=pre + " " if pre else "",
            doc_post=" " + email_key if email_key else "",
            terms=terms,
            unrecognised=tuple(mapped.unrecognised_allergies),
            sample=sample,
            guessed=mapped.language_guessed,
        )


@lru_cache(maxsize=16_384)
def _name_parts(name: str) -> tuple[str, str]:
    """The name's search key and its short terms (names repeat: cached)."""
    key = search_key(name)
    return key, json.dumps(sorted(search_index.terms_of_key(key)), ensure_ascii=False)


def _list(items: Sequence[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False) if items else "[]"


def row_columns(data: CustomerInput) -> tuple[Any, ...]:
    """`db.customers.records._columns(data)` as a tuple in CONTENT_COLUMNS order, without the JSON
    encoder for the usual empty lists (the test compares the two)."""
    return (
        data.name, data.phone, digits(data.phone), data.email, data.language,
        data.birth_month, data.birth_day, data.birth_year, _list(data.allergies),
        json.dumps(list(data.allergens)) if data.allergens else "[]", data.preferences,
        _list(data.tags),
        json.dumps([{"label": f.label, "month": f.month, "day": f.day}
                    for f in data.family_dates], ensure_ascii=False)
        if data.family_dates else "[]",
        int(data.consent_contact), data.personality, data.external_id, data.form_of_address,
    )


_WORKER: list[RowMapper] = []


def init_worker(header: tuple[str, ...], options: ImportOptions, region: str,
                today: date) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle (it cancels and undoes), and a
    worker whose parent was killed (kill -9) exits instead of mapping on for nobody."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER[:] = [RowMapper(header, options, region, today)]
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def map_in_worker(rows: list[tuple[int, list[str], bytes]],
                  samples: int) -> list[Staged | RefusedRow]:
    return _WORKER[0].map_rows(rows, samples)


# ------------------------------------------------------------------ the stage file

_STAGE_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS stage.new_rows (n INTEGER PRIMARY KEY, line INTEGER NOT NULL, "
    "row_hash BLOB NOT NULL, "
    + ", ".join(CONTENT_COLUMNS)
    + ", visits INTEGER NOT NULL, total_spend_minor INTEGER NOT NULL, first_visit_at TEXT, "
    "last_visit_at TEXT, tier TEXT NOT NULL, rated INTEGER NOT NULL, key_hi INTEGER NOT NULL, "
    "doc_pre TEXT NOT NULL, doc_post TEXT NOT NULL, terms TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stage.updates (seq INTEGER PRIMARY KEY, line INTEGER NOT NULL, "
    "row_hash BLOB NOT NULL, customer_id INTEGER NOT NULL, mapped BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stage.keys (external_id TEXT NOT NULL, line INTEGER NOT NULL)",
)

_NEW_INSERT = (
    "INSERT INTO stage.new_rows VALUES (" + ", ".join("?" * (len(CONTENT_COLUMNS) + 13)) + ")"
)
_UPDATE_INSERT = "INSERT INTO stage.updates VALUES (?, ?, ?, ?, ?)"


def attach_stage(conn: sqlite3.Connection, path: str, *, fresh: bool) -> None:
    """Attach the stage file as `stage` (emptied when `fresh`); fast, not durable pragmas:
    a stage is fsynced once it is complete (`seal_stage`), and a stage cut short by a crash
    is made again from the file."""
    if fresh:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                os.unlink(path + suffix)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    conn.execute("ATTACH DATABASE ? AS stage", [path])
    conn.execute("PRAGMA stage.journal_mode = OFF")
    conn.execute("PRAGMA stage.synchronous = OFF")
    if fresh:
        for statement in _STAGE_SCHEMA:
            conn.execute(statement)


def open_stage(path: str, *, fresh: bool) -> sqlite3.Connection:
    """The stage file as `stage` on a connection of its own: for a shop database on a
    server, which cannot attach a file of this till (`db.imports.merge` copies each slice
    to the server instead). The same statements run on it as on an attached stage."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        attach_stage(conn, path, fresh=fresh)
    except BaseException:
        conn.close()
        raise
    return conn


def server_stage_folder() -> Path:
    """Where a till keeps the stage files of imports into a server database (the data
    folder, by the rules of `console.paths.data_dir`): kept across a restart, so an import
    cut short on this till can be resumed here."""
    from db.store.location import local_data_dir

    return local_data_dir() / "imports"


def detach_stage(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    names = {r[1] for r in conn.execute("PRAGMA database_list")}
    if "stage" in names:
        conn.execute("DETACH DATABASE stage")


def seal_stage(path: str) -> None:
    """The stage on disk for good before the merge may start (resume reads it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stage(path: str) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            os.unlink(path + suffix)


class StageWriter:
    """Writes staged rows to the stage (`conn`); counts what the merge will do. `main` reads
    the shop's customers (the stage's own connection unless the shop is on a server)."""

    def __init__(self, conn: sqlite3.Connection, now: str, main: Any = None) -> None:
        self.conn = conn
        self.main = conn if main is None else main
        self.now = now
        self.new = 0
        self.updates = 0
        self.changed = 0
        self.unchanged = 0

    def add_unchanged(self, keys: list[tuple[str, int]]) -> None:
        self.unchanged += len(keys)
        self.conn.executemany("INSERT INTO stage.keys VALUES (?, ?)", keys)

    def add(self, rows: list[Staged], today: date,
            remap: Callable[[int], MappedCustomer]) -> dict[int, tuple[str, ...]]:
        """New rows to `new_rows`, rows of existing customers to `updates` (`remap(line)`
        maps such a row again, here: the workers send no more than a new row needs);
        returns the rows an update cannot take (line -> problems), e.g. a note too long
        to join."""
        if not rows:
            return {}
        existing = self._existing([r.external_id for r in rows])
        new_rows: list[tuple[Any, ...]] = []
        update_rows: list[tuple[Any, ...]] = []
        refused: dict[int, tuple[str, ...]] = {}
        for r in rows:
            found = existing.get(r.external_id)
            visits, spend, first, last = r.facts
            if found is None:
                self.new += 1
                rated = visits is not None or spend is not None
                v, s = visits or 0, spend or 0
                new_rows.append((self.new, r.line, r.row_hash, *r.columns, v, s, first, last,
                                 tiers.rate(s, v) if rated else "new", int(rated), r.key_hi,
                                 r.doc_pre, r.doc_post, r.terms))
                continue
            mapped = remap(r.line)
            try:
                diff = update_changes(found, mapped, today)
            except ValidationError as exc:
                refused[r.line] = tuple(f"{k}: {v}" for k, v in exc.fields.items())
                continue
            self.updates += 1
            if diff:
                self.changed += 1
            else:
                self.unchanged += 1
            update_rows.append((self.updates, r.line, r.row_hash, found["id"],
                                pickle.dumps(mapped, protocol=pickle.HIGHEST_PROTOCOL)))
        if new_rows:
            self.conn.executemany(_NEW_INSERT, new_rows)
        if update_rows:
            self.conn.executemany(_UPDATE_INSERT, update_rows)
        self.conn.executemany("INSERT INTO stage.keys VALUES (?, ?)",
                              [(r.external_id, r.line) for r in rows])
        return refused

    def _existing(self, external_ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(external_ids), 500):
            chunk = external_ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            cur = self.main.execute(
                f"SELECT * FROM main.customers WHERE external_id IN ({marks})", chunk)
            names = [d[0] for d in cur.description]
            for row in cur:
                record = dict(zip(names, row, strict=True))
                found[record["external_id"]] = record
        return found


def duplicates(conn: sqlite3.Connection) -> dict[int, tuple[str, int]]:
    """line -> (external id, the first line with it), for every later repeat of an id."""
    conn.execute("CREATE INDEX IF NOT EXISTS stage.keys_id ON keys(external_id, line)")
    found: dict[int, tuple[str, int]] = {}
    rows = conn.execute(
        "SELECT k.external_id, k.line, f.first FROM stage.keys k JOIN "
        "(SELECT external_id, min(line) AS first FROM stage.keys GROUP BY external_id "
        "HAVING count(*) > 1) f ON f.external_id = k.external_id WHERE k.line > f.first")
    for external_id, line, first in rows:
        found[int(line)] = (str(external_id), int(first))
    return found


def known_hashes(conn: sqlite3.Connection, external_ids: list[str],
                 digests: list[bytes]) -> list[bool]:
    """Per row: imported before exactly as it is now (the hash kept for its external id
    equals its own; the re-import fast path). '' (no id) is never known."""
    kept: dict[str, bytes] = {}
    wanted = sorted({i for i in external_ids if i})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for external_id, digest in conn.execute(
                "SELECT external_id, hash FROM main.import_row_hashes "
                f"WHERE external_id IN ({marks})", chunk):
            kept[str(external_id)] = bytes(digest)
    return [bool(i) and kept.get(i) == d for i, d in zip(external_ids, digests, strict=True)]


_TOGETHER = (frozenset({"birth_month", "birth_day", "birth_year"}),
             frozenset({"allergies", "allergens"}))


def _whole_fields(mapped: MappedCustomer) -> MappedCustomer:
    """A birthday column supplies month, day and year together (an empty one clears all
    three), an allergies column both the codes and the free text."""
    present = set(mapped.present)
    for group in _TOGETHER:
        if present & group:
            present |= group
    if present == set(mapped.present):
        return mapped
    from dataclasses import replace

    return replace(mapped, present=frozenset(present))


def update_changes(existing: dict[str, Any], mapped: MappedCustomer,
                   today: date) -> dict[str, Any]:
    """The columns an update changes (ValidationError when the merged customer is not
    valid): the customer's own columns as `update_customer` would write them, and the
    facts (visits, spend and last visit only grow, the first visit only moves earlier)."""
    stored = customer_api._customer(existing).to_input()
    clean = customer_api.validate(
        import_formats.merged_input(stored, _whole_fields(mapped)), today)
    out = {c: v for c, v in customer_api._columns(clean).items() if existing.get(c) != v}
    facts = mapped.facts
    visits, spend = facts.visits, facts.spend_minor
    first, last = facts.first_visit_at, facts.last_visit_at
    if visits is not None and visits > (existing.get("visits") or 0):
        out["visits"] = visits
    if spend is not None and spend > (existing.get("total_spend_minor") or 0):
        out["total_spend_minor"] = spend
    if first is not None and (existing.get("first_visit_at") is None
                              or first < existing["first_visit_at"]):
        out["first_visit_at"] = first
    if last is not None and (existing.get("last_visit_at") is None
                             or last > existing["last_visit_at"]):
        out["last_visit_at"] = last
    return out
