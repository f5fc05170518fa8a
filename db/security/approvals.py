"""The one authorisation step: a PIN check that yields a single-use approval for one action.

Everything that grants value or power - approving or refusing compensation, issuing or
redeeming a voucher, adding, changing or deactivating staff, setting a PIN, changing a shop
setting - needs an `Approval` from `grant`. It names who (the PIN's owner), what (`action`),
on what (`subject`, e.g. ``complaint:12``), how much (`amount_minor`), where (console) and
when; it is stored in the database and expires after `APPROVAL_MINUTES`. The write it
allows calls `consume` inside its own transaction, together with its audit entry, so an
approval is used at most once and only for what it was given for.

`grant` checks the PIN against the lockout (`db.security.lockout`). A PIN that belongs to someone
without the right for the action (floor staff approving compensation, a supervisor above
their limit, anyone but a manager changing staff or settings) counts as a wrong PIN, never
clears the count, and is answered exactly like a wrong PIN: the message never says whose
PIN it was. The audit log (for managers) records whose it was.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import PermissionDenied, ValidationError
from db.i18n import _
from db.models import Role, Staff
from db.security import audit, lockout, pin_key
from db.security.pins import check_pin_format, hash_pin, is_legacy, verify_pin
from db.security.staff import get_staff
from db.settings import load_settings
from db.shops import shop_of, works_at
from db.store.connection import concurrent_write, is_read_only
from db.tills import till_of

APPROVAL_MINUTES = 5

# action -> roles that may do it
MANAGERS: frozenset[Role] = frozenset({"manager"})
DECIDERS: frozenset[Role] = frozenset({"supervisor", "manager"})
EVERYONE: frozenset[Role] = frozenset({"staff", "supervisor", "manager"})
ACTIONS: dict[str, frozenset[Role]] = {
    "compensation.approve": DECIDERS,
    "compensation.refuse": DECIDERS,
    "voucher.issue": DECIDERS,
    "voucher.redeem": EVERYONE,
    "staff.add": MANAGERS,
    "staff.change": MANAGERS,
    "staff.deactivate": MANAGERS,
    "staff.reset_pin": MANAGERS,
    "settings.change": MANAGERS,
    "customer.erase": MANAGERS,
    "shop.add": MANAGERS,
    "staff.shops": MANAGERS,
}
LIMITED = frozenset({"compensation.approve", "voucher.issue"})  # amount within a limit


class ApprovalRequired(PermissionDenied):
    """A write that grants value or power was called without a valid approval for it."""


@dataclass(frozen=True)
class Approval:
    """A single-use permission for one action; pass it to the write that consumes it."""

    id: int
    token: str = field(repr=False)
    staff: Staff
    action: str
    subject: str
    amount_minor: int
    console_id: str
    expires_at: datetime


def subject(entity: str, entity_id: int | str | None = None) -> str:
    """The canonical subject text: ``complaint:12``, ``staff:new``, ``settings``."""
    return entity if entity_id is None else f"{entity}:{entity_id}"


def limit_for(db: Database, staff: Staff) -> int:
    """What this person may approve per complaint (0 for floor staff)."""
    if staff.role == "manager":
        return load_settings(db).manager_limit_minor
    if staff.role == "supervisor":
        return staff.limit_minor
    return 0


def approved_on(db: Database, complaint_id: int) -> int:
    """Compensation already approved on a complaint (counts toward every limit)."""
    return int(db.execute(
        "SELECT coalesce(sum(value_minor), 0) FROM compensations "
        "WHERE complaint_id = ? AND status = 'approved'", [complaint_id]).fetchone()[0])


def _within_limit(db: Database, staff: Staff, action: str, subject_text: str,
                  amount_minor: int) -> bool:
    total = amount_minor
    if action == "compensation.approve" and subject_text.startswith("complaint:"):
        total += approved_on(db, int(subject_text.split(":", 1)[1]))
    return total <= limit_for(db, staff)


def _rights(db: Database, action: str, subject_text: str,
            amount_minor: int) -> Callable[[Staff], str]:
    """A check returning "" when the staff member may do this, else why not (for audit)."""
    roles = ACTIONS[action]

    def why_not(staff: Staff) -> str:
        if not staff.active or staff.role not in roles:
            return "no_right"
        if action in LIMITED and not _within_limit(db, staff, action, subject_text,
                                                   amount_minor):
            return "over_limit"
        return ""
    return why_not


# ---------------------------------------------------------------- checking a PIN


Candidate = Callable[[int, str], bool]
"""(staff id, role) -> True for whom a PIN check should try first."""
RECENT_APPROVALS = 100


def _match(db: Database, pin: str, key: bytes | None,
           first: Candidate | None = None) -> tuple[Staff, str] | None:
    """The active staff member of the console's shop whose PIN this is (and their stored
    hash), or None: a PIN of someone who works only at another shop is a wrong PIN here.

    Each stored hash costs one scrypt, so the likely owners are tried first: those `first`
    names (the people with the right for the action, or the one signing in), then whoever
    gave the latest approvals, then by id. The answer is the same in any order (PINs are
    unique among active staff); only a right PIN is found sooner, so a shop with 30 staff
    does not pay 30 hashes for its supervisor's PIN.
    """
    rows = db.execute("SELECT id, pin_hash, role FROM staff WHERE active = 1 AND pin_hash "
                      "IS NOT NULL AND id IN (SELECT staff_id FROM staff_shops WHERE "
                      "shop_id = ?) ORDER BY id", [shop_of(db)]).fetchall()
    if len(rows) > 1:
        recent: dict[int, int] = {}
        for rank, (staff_id,) in enumerate(db.execute(
                "SELECT staff_id FROM approvals ORDER BY id DESC LIMIT ?",
                [RECENT_APPROVALS])):
            recent.setdefault(int(staff_id), rank)
        rows.sort(key=lambda r: (first is not None and not first(int(r[0]), str(r[2])),
                                 recent.get(int(r[0]), RECENT_APPROVALS)))
    for staff_id, stored, _role in rows:
        # Stopping at the match leaks only what the answer says anyway; a wrong PIN
        # always costs one check per active staff member.
        if verify_pin(pin, str(stored), key):
            return get_staff(db, int(staff_id)), str(stored)
    return None


def _rehash(db: Database, staff: Staff, pin: str) -> None:
    """Give a pre-key hash the shop key, audited (the PIN hash is a value the log covers)."""
    if is_read_only(db):
        return
    with audit.immediate(db):
        key = pin_key.ensure_shop_key(db)
        db.execute("UPDATE staff SET pin_hash = ? WHERE id = ?", [hash_pin(pin, key), staff.id])
        audit.append(db, "staff.pin_rehashed", staff.id, "staff", staff.id,
                     {"reason": "shop PIN key"})


def check_pin(
    db: Database, pin: str, console_id: str, purpose: str,
    why_not: Callable[[Staff], str] | None = None, *, first: Candidate | None = None,
) -> Staff:
    """The active staff member with this PIN who passes `why_not`, under the lockout.

    Raises PinLocked while locked (this console or shop-wide); ValidationError for a
    malformed PIN (not counted: it cannot match anyone); PinKeyMissing when this console
    lacks the shop's PIN key (not counted); WrongPin, counted and audited, when nobody has
    the PIN or its owner may not do this - the same message either way.
    """
    lockout.check(db, console_id)
    check_pin_format(pin)
    key = pin_key.shop_key(db)
    found = _match(db, pin, key, first)
    if found is None:
        raise lockout.WrongPin(lockout.record_failure(db, console_id, purpose))
    staff, stored = found
    reason = why_not(staff) if why_not is not None else ""
    if reason:
        raise lockout.WrongPin(lockout.record_failure(db, console_id, purpose,
                                                      actor_id=staff.id, why=reason))
    if not is_read_only(db):
        lockout.record_success(db, console_id)
    if is_legacy(stored):
        _rehash(db, staff, pin)
    return staff


def authenticate(
    db: Database, pin: str, console_id: str, purpose: str = "sign_in", *,
    roles: Collection[Role] | None = None,
) -> Staff:
    """Who this PIN belongs to (sign-in). With `roles`, anyone else's PIN is a wrong try."""
    allowed = frozenset(roles) if roles is not None else EVERYONE
    return check_pin(db, pin, console_id, purpose,
                     lambda staff: "" if staff.role in allowed else "no_right",
                     first=lambda _id, role: role in allowed)


# ---------------------------------------------------------------- approvals


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def grant(
    db: Database, pin: str, console_id: str, *, action: str, subject: str = "",
    amount_minor: int = 0,
) -> Approval:
    """Check the PIN for `action` on `subject` (and `amount_minor`); return an approval.

    The approval is stored, single-use and valid for `APPROVAL_MINUTES`. Raises what
    `check_pin` raises; an unknown action is a bug (KeyError).
    """
    if action not in ACTIONS:
        raise KeyError(action)
    if amount_minor < 0:
        raise ValidationError({"amount": _("An amount cannot be negative.")})
    roles = ACTIONS[action]
    staff = check_pin(db, pin, console_id, action,
                      _rights(db, action, subject, amount_minor),
                      first=lambda _id, role: role in roles)
    return _store(db, staff, action, subject, amount_minor, console_id)


def _store(db: Database, staff: Staff, action: str, subject: str, amount_minor: int,
           console_id: str) -> Approval:
    token = secrets.token_urlsafe(24)
    now = utcnow()
    expires = now + timedelta(minutes=APPROVAL_MINUTES)
    with concurrent_write(db):  # one new row: other tills' approvals may be stored meanwhile
        cur = db.execute(
            "INSERT INTO approvals(token_hash, staff_id, action, subject, amount_minor, "
            "console_id, granted_at, expires_at, till) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_token_hash(token), staff.id, action, subject, amount_minor, console_id,
             to_iso(now), to_iso(expires), till_of(db)])
    return Approval(id=int(cur.lastrowid or 0), token=token, staff=staff, action=action,
                    subject=subject, amount_minor=amount_minor, console_id=console_id,
                    expires_at=expires)


def consume(
    db: Database, approval: Approval | None, *, action: str, subject: str,
    amount_minor: int = 0,
) -> Staff:
    """Use `approval` for this write, inside the write's transaction; return who approved.

    Refuses (ApprovalRequired, nothing changed) a missing, forged, used, expired or
    mismatched approval, or one whose owner has since lost the right or does not work at
    the console's shop (`db.shops`).
    """
    if not db.conn.in_transaction:
        raise RuntimeError("approvals.consume must run inside the write's transaction")
    again = _("Enter the PIN again.")
    if not isinstance(approval, Approval):
        raise ApprovalRequired(_("This needs a PIN: a supervisor's or manager's approval "
                                 "for this one action.") + " " + again)
    row = db.execute(
        "SELECT staff_id, action, subject, amount_minor, expires_at, used_at FROM approvals "
        "WHERE id = ? AND token_hash = ?", [approval.id, _token_hash(approval.token)],
    ).fetchone()
    if row is None:
        raise ApprovalRequired(_("This approval is not valid.") + " " + again)
    staff_id, stored_action, stored_subject, stored_amount, expires_text, used = row
    if used is not None:
        raise ApprovalRequired(_("This approval was already used.") + " " + again)
    expires = from_iso(expires_text)
    if expires is None or expires <= utcnow():
        raise ApprovalRequired(_("This approval ran out after {n} minutes.").format(
            n=APPROVAL_MINUTES) + " " + again)
    if (stored_action, stored_subject, int(stored_amount)) != (action, subject, amount_minor):
        raise ApprovalRequired(_("This approval was given for something else.") + " " + again)
    staff = get_staff(db, int(staff_id))
    if not staff.active or staff.role not in ACTIONS[action] or not works_at(db, staff.id):
        raise ApprovalRequired(_("{name} may no longer do this.").format(name=staff.name)
                               + " " + again)
    updated = db.execute("UPDATE approvals SET used_at = ? WHERE id = ? AND used_at IS NULL",
                         [to_iso(utcnow()), approval.id]).rowcount
    if updated != 1:
        raise ApprovalRequired(_("This approval was already used.") + " " + again)
    return staff


def _approval_without_pin(
    db: Database, staff: Staff, *, action: str, subject: str, amount_minor: int = 0,
    console_id: str,
) -> Approval:
    """Internal, for the demo data builder only (a scrypt check per event would make it
    slow): the same approval `grant` gives, for someone who has the right, without a PIN.
    The write still consumes it and writes its audit entry. Not part of the data API."""
    why = _rights(db, action, subject, amount_minor)(get_staff(db, staff.id))
    if why:
        raise PermissionDenied(_("{name} cannot do this ({why}).").format(name=staff.name,
                                                                          why=why))
    return _store(db, staff, action, subject, amount_minor, console_id)
