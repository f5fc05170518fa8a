"""Append-only, hash-chained audit log.

Each entry's hash is sha256 over the canonical JSON of its own fields (id, time, actor,
action, entity, details) and the previous entry's hash. Editing a row breaks its hash,
deleting or inserting one breaks the link of the row after it, and the chain head (last id
and hash) kept in the settings table catches rows deleted from, or forged onto, the end.

Triggers in the schema refuse UPDATE and DELETE on audit_log outright. Someone who drops
them first is still caught by `verify`: the chain and head catch edits, deletions and
insertions, and every row of `authorisations` and every voucher issued or redeemed must
have its entry, so cutting the tail (even with the head forged back) or deleting the whole
log is named too.

Each entry also records a hash of the rows it is about (`row_hash`: per row, a short hash of
the columns that matter: amounts, values, status, expiry, role, limit, PIN hash, setting
values; never names or free text, so erasure keeps the log verifiable). `verify` compares the
latest entry per entity with the rows now, so a value changed with plain SQL behind the
application's back is named; a legitimate later change goes through a new entry. Entries
written before row hashes existed (no `row_hash`) are checked by their chain only.

The head of the log (entry number and hash, `head`/`head_label`) is printed on every
end-of-day report; `verify(db, head=...)` checks that the log still passes through it, so a
log re-chained from the start is caught against the paper.

`append` is called inside the caller's write transaction, so an entry exists exactly when
the change it records does. Use `immediate(db)` for such writes: it takes the write lock
before reading the chain head, so two consoles cannot both extend the same head.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.i18n import N_, _
from db.service.models import AuditEntry, VerifyResult
from db.store.connection import hold_append_lock, write
from db.tills import till_of

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


def immediate(db: Database) -> AbstractContextManager[Database]:
    """One write transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE).

    Read-check-write sequences (chain head, "already authorised?", "already redeemed?")
    are then safe between consoles: the second waits for the first (busy timeout) and
    then sees its result. Nested use becomes a savepoint of the outer transaction.
    """
    return write(db)


def canonical(details: Mapping[str, Any]) -> str:
    """Stable JSON text: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def entry_hash(
    entry_id: int, at: str, actor_id: int | None, action: str, entity: str,
    entity_id: int | None, details_text: str, prev_hash: str, row_hash: str | None = None,
) -> str:
    fields: dict[str, Any] = {
        "id": entry_id, "at": at, "actor_id": actor_id, "action": action, "entity": entity,
        "entity_id": entity_id, "details": details_text, "prev_hash": prev_hash,
    }
    if row_hash is not None:  # entries from before row hashes keep their original hash
        fields["row_hash"] = row_hash
    return hashlib.sha256(canonical(fields).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the rows an entry is about

# Per table, the columns whose values an audit entry vouches for. Names, reasons, descriptions
# and customer links stay out: they are personal data or free text that erasure may change.
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "vouchers": ("id", "code", "value_minor", "expires_on", "complaint_id", "issued_at",
                 "issued_by", "redeemed_at", "redeemed_by"),
    "compensations": ("id", "complaint_id", "kind", "amount_minor", "bill_minor", "percent",
                      "product_id", "unit_price_minor", "expires_on", "value_minor",
                      "voucher_id", "status", "authorisation_id"),
    "authorisations": ("id", "complaint_id", "decided_by", "decision", "total_minor",
                       "console_id", "decided_at"),
    "staff": ("id", "role", "limit_minor", "pin_hash", "active"),
}
ROW_DIGEST_CHARS = 32  # 128 bits of sha256 per row


def _table_rows(db: Database, table: str, where: str, params: list[Any]) -> dict[str, Any]:
    """{"table/id": {column: value}} for the rows of `table` matching `where`."""
    cur = db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
    names = [d[0] for d in cur.description]
    wanted = ROW_COLUMNS[table]
    out: dict[str, Any] = {}
    for r in cur.fetchall():
        row = dict(zip(names, r, strict=True))
        out[f"{table}/{row['id']}"] = {c: row[c] for c in wanted if c in row}
    return out


def rows_about(db: Database, entity: str, entity_id: int | None) -> dict[str, Any] | None:
    """The rows an entry about `entity`/`entity_id` vouches for, or None (nothing of value).

    A complaint: its decided compensation lines (approved or refused) and its
    authorisations; a voucher, staff member, authorisation or compensation line: that row
    (an authorisation with its lines); a shop's settings (id None: shop 1): every stored
    setting of that shop; the company settings: every stored company setting.
    """
    if entity == "settings":
        from db.settings import shop_settings_rows

        return shop_settings_rows(db, 1 if entity_id is None else entity_id)
    if entity == "company":
        from db.shops import company_rows

        return company_rows(db)
    if entity_id is None:
        return None
    if entity == "complaint":
        return {**_table_rows(db, "authorisations", "complaint_id = ?", [entity_id]),
                **_table_rows(db, "compensations",
                              "complaint_id = ? AND status <> 'proposed'", [entity_id])}
    if entity == "authorisation":
        return {**_table_rows(db, "authorisations", "id = ?", [entity_id]),
                **_table_rows(db, "compensations", "authorisation_id = ?", [entity_id])}
    table = {"voucher": "vouchers", "staff": "staff", "compensation": "compensations"}.get(
        entity)
    if table is None:
        return None
    return _table_rows(db, table, "id = ?", [entity_id])


def _row_digests(rows: Mapping[str, Any]) -> dict[str, str]:
    return {key: hashlib.sha256(canonical({"row": key, "values": values}).encode("utf-8"))
            .hexdigest()[:ROW_DIGEST_CHARS] for key, values in rows.items()}


def row_hash(db: Database, entity: str, entity_id: int | None) -> str | None:
    """The `row_hash` text for an entry about `entity`/`entity_id` as the rows are now."""
    rows = rows_about(db, entity, entity_id)
    return None if rows is None else canonical(_row_digests(rows))


def append(
    db: Database, action: str, actor_id: int | None, entity: str = "",
    entity_id: int | None = None, details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry after the current head. Call inside the caller's write transaction,
    after writing the rows it is about: their hash (`row_hash`) is taken now.

    Never put a PIN (or anything secret) into `details`. The till the entry was written
    at (`db.tills.till_of`) goes into `details` as "till" when known, so it is hashed with
    the entry: the chain format stays the same for old and new entries.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("audit.append must run inside the caller's write transaction")
    till = till_of(db)
    if till and "till" not in (details or {}):
        details = {**(details or {}), "till": till}
    details_text = canonical(dict(details or {}))
    rows = row_hash(db, entity, entity_id)
    hold_append_lock(db)  # a concurrent write on a server: one append at a time from here
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    entry_id = prev_id + 1
    at = to_iso(utcnow())
    digest = entry_hash(entry_id, at, actor_id, action, entity, entity_id, details_text,
                        prev_hash, rows)
    db.execute(
        "INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
        "prev_hash, hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry_id, at, actor_id, action, entity, entity_id, details_text, prev_hash, digest,
         rows],
    )
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [HEAD_KEY, json.dumps({"id": entry_id, "hash": digest})],
    )
    return AuditEntry(id=entry_id, at=from_iso(at) or utcnow(), actor_id=actor_id,
                      action=action, entity=entity, entity_id=entity_id,
                      details=json.loads(details_text), prev_hash=prev_hash, hash=digest)


def _entry(r: Any) -> AuditEntry:
    try:
        details = json.loads(r[6])
    except (TypeError, ValueError):
        details = {"unreadable": str(r[6])}
    return AuditEntry(id=r[0], at=from_iso(r[1]) or utcnow(), actor_id=r[2], action=r[3],
                      entity=r[4], entity_id=r[5], details=details, prev_hash=r[7], hash=r[8])


_SELECT = ("SELECT id, at, actor_id, action, entity, entity_id, details, prev_hash, hash "
           "FROM audit_log")


def entries(
    db: Database, *, entity: str | None = None, entity_id: int | None = None,
    action_prefix: str | None = None, limit: int = 200,
) -> list[AuditEntry]:
    """Newest first, optionally for one entity or one family of actions ("pin.")."""
    where: list[str] = []
    params: list[Any] = []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    if action_prefix is not None:
        where.append("substr(action, 1, ?) = ?")
        params += [len(action_prefix), action_prefix]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    params.append(limit)
    return [_entry(r) for r in db.execute(f"{_SELECT} {clause} ORDER BY id DESC LIMIT ?",
                                          params)]


def verify(db: Database, *, head: str | None = None) -> VerifyResult:
    """Walk the chain from the first entry; name the first entry that does not check out.

    A chain that checks out is then compared with what it records: every decision in
    `authorisations` and every voucher issued or redeemed must have its entry. Entries cut
    from the end (even with the stored head forged back to an earlier entry) or the whole
    log deleted are caught this way whenever the cut removed any of those. Then the rows
    themselves: the latest entry about each voucher, complaint, staff member or the
    settings must match their values now (`row_hash`). With `head` (as printed on a
    report, see `head_label`), the log must still pass through that entry.
    """
    chain = _verify_chain(db)
    if not chain.ok:
        return chain
    missing = _first_missing_record(db)
    if missing is not None:
        return VerifyResult(False, chain.checked, None,
                            _("Audit log incomplete: {record} has no audit entry; entries "
                              "were deleted.").format(record=missing))
    changed = _first_changed_row(db)
    if changed is not None:
        bad_id, message = changed
        return VerifyResult(False, chain.checked, bad_id, message)
    if head is not None:
        problem = _head_problem(db, head)
        if problem is not None:
            return VerifyResult(False, chain.checked, None, problem)
        return VerifyResult(True, chain.checked, None, chain.message + " " + _(
            "It still passes through {head}, the head printed on the report.").format(
                head=head.strip()))
    return chain


# ---------------------------------------------------------------- values behind the log's back

_WHAT = {
    "vouchers": (N_("voucher {id}"), N_("value, expiry or redemption")),
    "compensations": (N_("compensation line {id}"), N_("kind, amount, value, status or "
                                                       "voucher")),
    "authorisations": (N_("authorisation {id}"), N_("decision, total, who or when")),
    "staff": (N_("staff member {id}"), N_("role, limit, PIN or whether active")),
    "settings": (N_("the shop setting {id}"), N_("value")),
}


def _describe_row(key: str, entity: str, entity_id: int | None) -> tuple[str, str]:
    """("compensation line 3 of complaint 12", "kind, amount, ...") for a row hash key."""
    table, _sep, ident = key.partition("/")
    if table not in _WHAT:
        return key, _("values")
    what, columns = _WHAT[table]
    text = _(what).format(id=ident)
    if entity == "complaint":
        text = _("{row} of complaint {complaint}").format(row=text, complaint=entity_id)
    return text, _(columns)


def _first_changed_row(db: Database) -> tuple[int, str] | None:
    """(entry id, message) for the first row whose values differ from its latest entry."""
    latest = db.execute(
        "SELECT a.id, a.at, a.action, a.entity, a.entity_id, a.row_hash FROM audit_log a "
        "JOIN (SELECT max(id) AS id FROM audit_log WHERE row_hash IS NOT NULL "
        "      GROUP BY entity, coalesce(entity_id, -1)) l ON a.id = l.id ORDER BY a.id"
    ).fetchall()
    for entry_id, at, action, entity, entity_id, recorded_text in latest:
        try:
            recorded = json.loads(recorded_text)
            if not isinstance(recorded, dict):
                raise ValueError(recorded_text)
        except ValueError:
            return entry_id, _("Audit log broken at entry {id}: its record of the rows it is "
                               "about is unreadable.").format(id=entry_id)
        rows = rows_about(db, entity, entity_id)
        now = _row_digests(rows or {})
        if now == recorded:
            continue
        entry = _("audit entry {id} ({action} at {at})").format(id=entry_id, action=action,
                                                              at=at)
        for key in sorted(set(recorded) | set(now)):
            if recorded.get(key) == now.get(key):
                continue
            what, columns = _describe_row(key, entity, entity_id)
            if key not in now:
                why = _("{what} was deleted after {entry} recorded it").format(
                    what=what, entry=entry)
            elif key not in recorded:
                why = _("{what} was added after {entry} without an audit entry of its "
                        "own").format(what=what, entry=entry)
            else:
                why = _("{what} was changed after {entry} recorded it: its {columns} no "
                        "longer match").format(what=what, entry=entry, columns=columns)
            return entry_id, _("Audit log does not match the data: {why}. It was changed "
                               "outside Counterpart; restore it from a backup or find out "
                               "who changed it.").format(why=why)
    return None


# ---------------------------------------------------------------- the head printed on paper

HEAD_CHARS = 16  # hex characters of the head's hash printed on a report


def head(db: Database) -> tuple[int, str] | None:
    """(entry number, hash) of the last entry, or None for an empty log."""
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def head_label(entry_id: int, digest: str) -> str:
    """The head as printed on a report and given to `audit verify --head`: ``1234:3fa9…``."""
    return f"{entry_id}:{digest[:HEAD_CHARS]}"


def parse_head(text: str) -> tuple[int | None, str]:
    """(entry number or None, hash prefix) from ``1234:3fa9c2d1e0b79a41`` or ``3fa9c2d1…``.

    Raises ValueError with a message for the person when it is not such a text.
    """
    cleaned = text.strip().lstrip("#").replace(" ", ":")
    number_text, sep, digest = cleaned.rpartition(":")
    if not sep:
        number_text, digest = "", cleaned
    digest = digest.lower()
    if (len(digest) < 8 or any(c not in "0123456789abcdef" for c in digest)
            or (number_text and not number_text.isdigit())):
        raise ValueError(_("{text!r} is not an audit log head; copy it from the report's "
                           "footer, e.g. 1234:3fa9c2d1e0b79a41.").format(text=text))
    return (int(number_text) if number_text else None), digest


def _head_problem(db: Database, text: str) -> str | None:
    try:
        number, prefix = parse_head(text)
    except ValueError as exc:
        return str(exc)
    if number is not None:
        row = db.execute("SELECT hash FROM audit_log WHERE id = ?", [number]).fetchone()
        if row is None:
            return _("The audit log does not pass through {head}, the head printed on the "
                     "report: it has no entry {n} any more. The log was cut or rewritten "
                     "after the report was printed.").format(head=text.strip(), n=number)
        if not str(row[0]).startswith(prefix):
            return _("The audit log does not pass through {head}, the head printed on the "
                     "report: entry {n} is now {now}. The log was rewritten after the "
                     "report was printed.").format(
                         head=text.strip(), n=number, now=head_label(number, str(row[0])))
        return None
    found = db.execute("SELECT 1 FROM audit_log WHERE substr(hash, 1, ?) = ? LIMIT 1",
                       [len(prefix), prefix]).fetchone()
    if found is None:
        return _("The audit log does not pass through {head}, the head printed on the "
                 "report: no entry has that hash. The log was rewritten after the report was "
                 "printed.").format(head=text.strip())
    return None


def _first_missing_record(db: Database) -> str | None:
    """The first authorisation or voucher event without its entry, described, or None."""
    decided: set[tuple[int | None, str, int | None]] = set()
    issued: set[int | None] = set()
    redeemed: set[int | None] = set()
    for action, entity, entity_id, details in db.execute(
        "SELECT action, entity, entity_id, details FROM audit_log WHERE action IN "
        "('authorisation.approved', 'authorisation.refused', 'voucher.issued', "
        "'voucher.redeemed')"
    ):
        if action.startswith("authorisation.") and entity == "complaint":
            try:
                auth_id = json.loads(details).get("authorisation_id")
            except (TypeError, ValueError, AttributeError):
                continue
            decided.add((entity_id, action.split(".", 1)[1], auth_id))
        elif action == "voucher.issued" and entity == "voucher":
            issued.add(entity_id)
        elif action == "voucher.redeemed" and entity == "voucher":
            redeemed.add(entity_id)
    for auth_id, complaint_id, decision, at in db.execute(
        "SELECT id, complaint_id, decision, decided_at FROM authorisations ORDER BY id"
    ):
        if (complaint_id, decision, auth_id) not in decided:
            return _("authorisation {id} ({decision}, complaint {complaint}, {at})").format(
                id=auth_id, decision=decision, complaint=complaint_id, at=at)
    for voucher_id, code, issued_at, redeemed_at in db.execute(
        "SELECT id, code, issued_at, redeemed_at FROM vouchers ORDER BY id"
    ):
        if voucher_id not in issued:
            return _("voucher {code} (issued {at})").format(code=code, at=issued_at)
        if redeemed_at is not None and voucher_id not in redeemed:
            return _("the redemption of voucher {code} ({at})").format(code=code,
                                                                      at=redeemed_at)
    return None


def _verify_chain(db: Database) -> VerifyResult:
    """The hash chain and the stored head alone."""
    expected_prev = GENESIS
    expected_id = 1
    checked = 0
    last_id = 0
    for r in db.execute(_SELECT.replace(" FROM", ", row_hash FROM") + " ORDER BY id"):
        (entry_id, at, actor_id, action, entity, entity_id, details, prev_hash, digest,
         rows) = r
        where = _("entry {id} ({action} at {at})").format(id=entry_id, action=action, at=at)
        if entry_id != expected_id or prev_hash != expected_prev:
            if entry_id != expected_id:
                why = _("the entry before it is missing or an entry was inserted "
                        "(expected number {n})").format(n=expected_id)
            else:
                why = _("it does not link to the entry before it: an entry was deleted, "
                        "inserted or changed")
            return VerifyResult(False, checked, entry_id,
                                _("Audit log broken at {where}: {why}.").format(
                                    where=where, why=why))
        recomputed = entry_hash(entry_id, at, actor_id, action, entity, entity_id,
                                details, prev_hash, rows)
        if recomputed != digest:
            return VerifyResult(False, checked, entry_id,
                                _("Audit log broken at {where}: its contents were changed "
                                  "after it was written.").format(where=where))
        checked += 1
        expected_prev = digest
        expected_id = entry_id + 1
        last_id = entry_id
    head_row = db.execute("SELECT value FROM settings WHERE key = ?", [HEAD_KEY]).fetchone()
    if head_row is None:
        if checked:
            return VerifyResult(False, checked, last_id,
                                _("Audit log broken: the record of its last entry is "
                                  "missing."))
        return VerifyResult(True, 0, None, _("The audit log is empty."))
    try:
        head = json.loads(head_row[0])
        head_id, head_hash = int(head["id"]), str(head["hash"])
    except (TypeError, ValueError, KeyError):
        return VerifyResult(False, checked, last_id,
                            _("Audit log broken: the record of its last entry is unreadable."))
    if head_id > last_id:
        return VerifyResult(False, checked, last_id + 1,
                            _("Audit log broken: entries {first} to {last} were deleted from "
                              "the end.").format(first=last_id + 1, last=head_id))
    if head_id < last_id or head_hash != expected_prev:
        bad = head_id + 1 if head_id < last_id else last_id
        return VerifyResult(False, checked, bad,
                            _("Audit log broken at entry {id}: it was not written by "
                              "Counterpart (the last entry written was {head}).").format(
                                id=bad, head=head_id))
    return VerifyResult(True, checked, None,
                        _("The audit log verifies: {n} entries, unbroken.").format(n=checked))
