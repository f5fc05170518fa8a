"""The customer's data rights: everything held about one person, consent history, erasure,
and the customers a retention period says to review.

Erasure removes what identifies or describes the person (name, contact, birthday,
allergies, preferences, family dates, notes, and the free text of their complaints,
follow-ups, letters and drafts) but keeps the rows, so report counts and money stay the
same and the audit log, which holds ids and hashes only, still verifies. The connection
writes with `secure_delete` so the old text is overwritten in the file, the search index is
rebuilt without the person's terms, and the WAL is checkpointed away.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.customers import search_index
from db.errors import NotFound, ValidationError
from db.i18n import N_, _
from db.security import approvals, audit
from db.store import changes
from db.store.connection import write
from db.text import clean_text

CONSENT_KINDS = ("contact", "allergies")
CONSENT_METHODS = ("counter", "import", "form", "erasure")
ERASED_ACTION = "customer.erased"
ERASE_ACTION = "customer.erase"  # the approval a manager's PIN gives
EXPORTED_ACTION = "customer.exported"
REASON_MAX = 500

N_("contact")
N_("allergies")


@dataclass(frozen=True)
class ConsentRecord:
    kind: str
    granted: bool
    recorded_at: datetime
    recorded_by: int | None
    method: str


@dataclass(frozen=True)
class ErasureResult:
    customer_id: int
    customer_no: str
    complaints_cleared: int
    letters_cleared: int
    wal_cleared: bool  # False while another console still reads an older snapshot


@dataclass(frozen=True)
class RetentionCandidate:
    customer_id: int
    customer_no: str
    name: str
    last_activity: datetime | None


# ------------------------------------------------------------------ consent

def log_consents(db: Database, customer_id: int, wanted: Mapping[str, bool], *,
                 by: int | None, method: str) -> None:
    """Record each consent whose value differs from the last one recorded (in the caller's
    transaction, so the consent and the customer change are saved together)."""
    now = to_iso(utcnow())
    for kind, granted in wanted.items():
        if kind not in CONSENT_KINDS:
            raise ValueError(kind)
        last = db.execute(
            "SELECT granted FROM consents WHERE customer_id = ? AND kind = ? "
            "ORDER BY id DESC LIMIT 1", [customer_id, kind]).fetchone()
        if last is None and not granted:
            continue  # never given: nothing to record
        if last is not None and bool(last[0]) == bool(granted):
            continue
        db.execute("INSERT INTO consents (customer_id, kind, granted, recorded_at, "
                   "recorded_by, method) VALUES (?, ?, ?, ?, ?, ?)",
                   [customer_id, kind, int(granted), now, by, method])


def consent_history(db: Database, customer_id: int) -> list[ConsentRecord]:
    rows = db.execute("SELECT kind, granted, recorded_at, recorded_by, method FROM consents "
                      "WHERE customer_id = ? ORDER BY id", [customer_id]).fetchall()
    return [ConsentRecord(r[0], bool(r[1]), from_iso(r[2]) or utcnow(), r[3], r[4])
            for r in rows]


def current_consents(db: Database, customer_id: int) -> dict[str, ConsentRecord]:
    """The latest record of each kind of consent (absent: never given)."""
    latest: dict[str, ConsentRecord] = {}
    for record in consent_history(db, customer_id):
        latest[record.kind] = record
    return latest


def set_consent(db: Database, customer_id: int, kind: str, granted: bool, *, by: int | None,
                method: str = "counter") -> None:
    """Record a consent given or withdrawn at the counter; contact consent also changes the
    customer's flag that birthday letters follow."""
    _require_customer(db, customer_id)
    with write(db):
        if kind == "contact":
            db.execute("UPDATE customers SET consent_contact = ?, updated_at = ? WHERE id = ?",
                       [int(granted), to_iso(utcnow()), customer_id])
        log_consents(db, customer_id, {kind: granted}, by=by, method=method)
        changes.record(db, changes.CUSTOMER, customer_id)


# ------------------------------------------------------------------ export

def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _require_customer(db: Database, customer_id: int) -> dict[str, Any]:
    found = _rows(db, "SELECT * FROM customers WHERE id = ?", [customer_id])
    if not found:
        raise NotFound(_("There is no customer with id {id}.").format(id=customer_id))
    return found[0]


def customer_record(db: Database, customer_id: int) -> dict[str, Any]:
    """Everything held about one customer, as plain JSON-ready data (GDPR art. 15 and 20)."""
    profile = _require_customer(db, customer_id)
    for key in ("allergens", "allergies", "tags", "family_dates"):
        profile[key] = json.loads(profile[key] or "[]")
    profile.pop("phone_digits", None)
    complaints = _rows(db, "SELECT * FROM complaints WHERE customer_id = ? ORDER BY id",
                       [customer_id])
    ids = [c["id"] for c in complaints]
    marks = ",".join("?" * len(ids)) or "NULL"
    for complaint in complaints:
        for key in ("flags", "steps_done"):
            complaint[key] = json.loads(complaint[key] or "[]")
    purchases = _rows(db, "SELECT id, receipt_id, purchased_at, total_minor FROM purchases "
                          "WHERE customer_id = ? ORDER BY purchased_at, id", [customer_id])
    items = _rows(db, "SELECT purchase_id, name, quantity, unit_price_minor FROM purchase_items "
                      "WHERE customer_id = ? ORDER BY purchase_id, id", [customer_id])
    by_purchase: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        by_purchase.setdefault(int(item.pop("purchase_id")), []).append(item)
    for purchase in purchases:
        purchase["items"] = by_purchase.get(int(purchase["id"]), [])
    letters = _rows(db, "SELECT id, kind, complaint_id, language, body, created_at "
                        "FROM letters WHERE customer_id = ? ORDER BY id", [customer_id])
    vouchers = _rows(db, f"SELECT code, value_minor, expires_on, issued_at, redeemed_at "
                         f"FROM vouchers WHERE customer_id = ? OR complaint_id IN ({marks}) "
                         f"ORDER BY id", [customer_id, *ids])
    compensations = _rows(db, f"SELECT complaint_id, kind, description, value_minor, status "
                              f"FROM compensations WHERE complaint_id IN ({marks}) ORDER BY id",
                          ids)
    follow_ups = _rows(db, f"SELECT complaint_id, promise, due_at, status, closed_at, outcome, "
                           f"satisfaction, would_change FROM follow_ups "
                           f"WHERE complaint_id IN ({marks}) ORDER BY id", ids)
    audit_rows = _rows(
        db, f"SELECT id, at, action, entity, entity_id FROM audit_log "
            f"WHERE (entity = 'customer' AND entity_id = ?) "
            f"OR (entity = 'complaint' AND entity_id IN ({marks})) ORDER BY id",
        [customer_id, *ids])
    consents = [{"kind": c.kind, "granted": c.granted, "recorded_at": to_iso(c.recorded_at),
                 "recorded_by": c.recorded_by, "method": c.method}
                for c in consent_history(db, customer_id)]
    return {
        "format": "counterpart-customer-export/1",
        "exported_at": to_iso(utcnow()),
        "customer": profile,
        "consents": consents,
        "purchases": purchases,
        "complaints": complaints,
        "compensations": compensations,
        "follow_ups": follow_ups,
        "vouchers": vouchers,
        "letters": letters,
        "audit_entries": audit_rows,
    }


def record_export(db: Database, customer_id: int, actor_id: int | None) -> None:
    """An export is itself worth knowing about: who gave out a person's data, and when."""
    _require_customer(db, customer_id)
    with write(db):
        audit.append(db, EXPORTED_ACTION, actor_id, "customer", customer_id, {})


# ------------------------------------------------------------------ erasure

def erase_subject(customer_ids: list[int]) -> str:
    return approvals.subject("customers", ",".join(str(i) for i in sorted(customer_ids)))


def erase_customer(db: Database, customer_id: int, *, reason: str, manager_pin: str,
                   console_id: str) -> ErasureResult:
    """Erase one customer's personal data (GDPR art. 17) with a manager's PIN."""
    return erase_customers(db, [customer_id], reason=reason, manager_pin=manager_pin,
                           console_id=console_id)[0]


def erase_customers(db: Database, customer_ids: list[int], *, reason: str, manager_pin: str,
                    console_id: str) -> list[ErasureResult]:
    """Erase several customers (a retention review) with one manager's PIN."""
    rows = _check_erasable(db, customer_ids, reason)
    approval = approvals.grant(db, manager_pin, console_id, action=ERASE_ACTION,
                               subject=erase_subject(customer_ids))
    return erase_with(db, approval, [int(r["id"]) for r in rows], reason=reason)


def _check_erasable(db: Database, customer_ids: list[int], reason: str) -> list[dict[str, Any]]:
    """Everything that can be said before the PIN is asked (a typo costs no PIN try)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the data is erased (e.g. the customer "
                                           "asked on 2026-11-20).")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("At most {n} characters.").format(n=REASON_MAX)})
    if not customer_ids:
        raise ValidationError({"customer": _("Choose at least one customer.")})
    rows = [_require_customer(db, customer_id) for customer_id in customer_ids]
    for row in rows:
        if row.get("erased_at"):
            raise ValidationError({"customer": _("Customer {number} was already erased on "
                                                 "{day}.").format(number=row["customer_no"],
                                                                  day=str(row["erased_at"])[:10])})
    return rows


def erase_with(db: Database, approval: approvals.Approval | None, customer_ids: list[int], *,
               reason: str) -> list[ErasureResult]:
    """Erase, consuming a manager's "customer.erase" approval for exactly these customers;
    every erasure and its audit entry are written in one transaction with it."""
    rows = _check_erasable(db, customer_ids, reason)
    reason = clean_text(reason).strip()
    done: list[tuple[int, str, int, int]] = []
    db.execute("PRAGMA secure_delete = ON")
    try:
        with write(db):
            manager = approvals.consume(db, approval, action=ERASE_ACTION,
                                        subject=erase_subject(customer_ids))
            for row in rows:
                done.append(_erase_one(db, int(row["id"]), str(row["customer_no"]), manager.id,
                                       reason, approval_id=approval.id if approval else 0))
        search_index.optimize(db)  # old index segments still hold the names' terms
    finally:
        db.execute("PRAGMA secure_delete = OFF")
    cleared = _checkpoint(db)
    return [ErasureResult(cid, number, complaints, letters, cleared)
            for cid, number, complaints, letters in done]


def _erase_one(db: Database, customer_id: int, number: str, manager_id: int,
               reason: str, *, approval_id: int) -> tuple[int, str, int, int]:
    now = to_iso(utcnow())
    with write(db):  # a savepoint inside erase_with's transaction
        # An import's hash of the person's row (and the other system's id with it) goes too.
        db.execute("DELETE FROM import_row_hashes WHERE external_id = "
                   "(SELECT external_id FROM customers WHERE id = ?)", [customer_id])
        db.execute("DELETE FROM import_undo WHERE customer_id = ?", [customer_id])
        db.execute(
            "UPDATE customers SET name = customer_no, external_id = NULL, phone = '', "
            "phone_digits = '', email = '', birth_month = NULL, birth_day = NULL, "
            "birth_year = NULL, allergens = '[]', allergies = '[]', preferences = '', tags = '[]', "
            "family_dates = '[]', consent_contact = 0, personality = NULL, "
            "form_of_address = '', "
            "erased_at = ?, updated_at = ? WHERE id = ?", [now, now, customer_id])
        key = search_index.current_key(db, customer_id)
        if key is not None:
            search_index.unindex_customer(db, key)  # before the row changes: same key
        complaints = db.execute(
            "UPDATE complaints SET walk_in_name = '', problem = '', real_cause = NULL, "
            "staff_account = '', customer_request = '', options_offered = '', "
            "option_chosen = '', resolution = '', letter_words = '' WHERE customer_id = ?",
            [customer_id]).rowcount
        db.execute("UPDATE follow_ups SET promise = '', outcome = '', would_change = '' "
                   "WHERE complaint_id IN (SELECT id FROM complaints WHERE customer_id = ?)",
                   [customer_id])
        letters = db.execute("UPDATE letters SET body = '', pdf = NULL WHERE customer_id = ?",
                             [customer_id]).rowcount
        _delete_drafts_about(db, customer_id)
        db.execute("DELETE FROM consents WHERE customer_id = ?", [customer_id])
        db.execute("INSERT INTO erasures (customer_id, erased_at, erased_by, reason) "
                   "VALUES (?, ?, ?, ?)", [customer_id, now, manager_id, reason])
        audit.append(db, ERASED_ACTION, manager_id, "customer", customer_id, {
            "reason_sha256": hashlib.sha256(reason.encode("utf-8")).hexdigest(),
            "approval_id": approval_id})
        changes.record(db, changes.CUSTOMER, customer_id)
    return customer_id, number, int(complaints or 0), int(letters or 0)


def _checkpoint(db: Database) -> bool:
    """Move the WAL into the file and empty it, so the old pages are gone from it too."""
    try:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        return False
    return busy is None or int(busy[0]) == 0


# ------------------------------------------------------------------ retention

def retention_candidates(db: Database, months: int, today: date | None = None,
                         limit: int = 500) -> list[RetentionCandidate]:
    """Customers with no visit, complaint or voucher within `months`: for a manager to review."""
    cutoff_day = (today or utcnow().date()) - timedelta(days=round(months * 30.44))
    cutoff = to_iso(datetime(cutoff_day.year, cutoff_day.month, cutoff_day.day,
                             tzinfo=utcnow().tzinfo))
    rows = db.execute(
        "SELECT c.id, c.customer_no, c.name, max(coalesce(c.last_visit_at, ''), "
        "  coalesce((SELECT max(occurred_at) FROM complaints WHERE customer_id = c.id), ''), "
        "  coalesce((SELECT max(issued_at) FROM vouchers WHERE customer_id = c.id), ''), "
        "  c.created_at) AS last_activity "
        "FROM customers c WHERE c.erased_at IS NULL "
        "AND c.created_at < :cutoff "
        "AND coalesce(c.last_visit_at, '') < :cutoff "
        "AND NOT EXISTS (SELECT 1 FROM complaints WHERE customer_id = c.id "
        "                AND occurred_at >= :cutoff) "
        "AND NOT EXISTS (SELECT 1 FROM vouchers WHERE customer_id = c.id "
        "                AND (issued_at >= :cutoff OR redeemed_at >= :cutoff)) "
        "ORDER BY last_activity, c.id LIMIT :limit",
        {"cutoff": cutoff, "limit": limit}).fetchall()
    return [RetentionCandidate(r[0], r[1], r[2], from_iso(r[3]) if r[3] else None)
            for r in rows]


def _delete_drafts_about(db: Database, customer_id: int) -> None:
    """Delete the drafts (unsaved forms) about the customer. Read in Python rather than
    with SQLite's json_extract, so PostgreSQL runs the same code; drafts are few."""
    doomed = []
    for draft_id, payload in db.execute("SELECT id, payload FROM drafts").fetchall():
        try:
            about = json.loads(payload)
        except (TypeError, ValueError):
            continue
        if isinstance(about, dict) and about.get("customer_id") == customer_id:
            doomed.append((draft_id,))
    if doomed:
        db.conn.executemany("DELETE FROM drafts WHERE id = ?", doomed)
