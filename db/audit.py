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
from db.connection import write
from db.i18n import _
from db.service_models import AuditEntry, VerifyResult

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
    entity_id: int | None, details_text: str, prev_hash: str,
) -> str:
    payload = canonical({
        "id": entry_id, "at": at, "actor_id": actor_id, "action": action, "entity": entity,
        "entity_id": entity_id, "details": details_text, "prev_hash": prev_hash,
    })
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: Database, action: str, actor_id: int | None, entity: str = "",
    entity_id: int | None = None, details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry after the current head. Call inside the caller's write transaction.

    Never put a PIN (or anything secret) into `details`.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("audit.append must run inside the caller's write transaction")
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    entry_id = prev_id + 1
    at = to_iso(utcnow())
    details_text = canonical(dict(details or {}))
    digest = entry_hash(entry_id, at, actor_id, action, entity, entity_id, details_text,
                        prev_hash)
    db.execute(
        "INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry_id, at, actor_id, action, entity, entity_id, details_text, prev_hash, digest],
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


def verify(db: Database) -> VerifyResult:
    """Walk the chain from the first entry; name the first entry that does not check out.

    A chain that checks out is then compared with what it records: every decision in
    `authorisations` and every voucher issued or redeemed must have its entry. Entries cut
    from the end (even with the stored head forged back to an earlier entry) or the whole
    log deleted are caught this way whenever the cut removed any of those.
    """
    chain = _verify_chain(db)
    if not chain.ok:
        return chain
    missing = _first_missing_record(db)
    if missing is not None:
        return VerifyResult(False, chain.checked, None,
                            _("Audit log incomplete: {record} has no audit entry; entries "
                              "were deleted.").format(record=missing))
    return chain


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
    for r in db.execute(_SELECT + " ORDER BY id"):
        entry_id, at, actor_id, action, entity, entity_id, details, prev_hash, digest = r
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
                                details, prev_hash)
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
