"""Signing in by PIN and managing staff; every change needs a manager's approval.

A PIN is 4-12 digits (at least the shop's minimum for supervisors and managers) and unique
among active staff. Uniqueness cannot be checked with an index (each hash has its own
salt), so a new PIN is verified against every active staff member's hash. PIN checks and
approvals live in `db.security.approvals`; a wrong PIN counts towards the lockout
(`db.security.lockout`).

Each change (add, change role or limit, deactivate, reset a PIN) takes the manager's PIN,
turns it into a single-use approval for that one change (`approvals.grant`) and consumes it
in the transaction that writes the change and its audit entry. The only write without a
manager is the first manager of a database that has none.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.errors import PermissionDenied, ValidationError
from db.i18n import _
from db.models import ROLES, Role, Staff
from db.security import approvals, audit, pin_key
from db.security.approvals import Approval
from db.security.pins import check_pin_format, hash_pin, verify_pin
from db.security.staff import get_staff, validate_staff
from db.settings import load_settings
from db.shops import _join_shop, shop_of
from db.store import changes

STAFF = "staff"  # audit entity


def _pin_in_use(db: Database, pin: str, key: bytes | None,
                exclude_id: int | None = None) -> bool:
    rows = db.execute(
        "SELECT pin_hash FROM staff WHERE active = 1 AND pin_hash IS NOT NULL AND id IS NOT ?",
        [exclude_id]).fetchall()
    return any(verify_pin(pin, str(r[0]), key) for r in rows)


def min_pin_length(db: Database, role: Role) -> int:
    """The shortest PIN the shop allows for this role (settings)."""
    settings = load_settings(db)
    if role == "manager":
        return settings.pin_min_length_manager
    if role == "supervisor":
        return settings.pin_min_length_supervisor
    return 4


def authenticate(
    db: Database, pin: str, console_id: str, purpose: str = "sign_in", *,
    roles: Collection[Role] | None = None,
) -> Staff:
    """The active staff member with this PIN, honouring and updating the lockout.

    With `roles`, a PIN of anyone in another role counts as a wrong try. Raises PinLocked,
    ValidationError (malformed, not counted), PinKeyMissing, WrongPin (counted, audited).
    """
    return approvals.authenticate(db, pin, console_id, purpose, roles=roles)


def _new_pin_hash(db: Database, pin: str, role: Role, exclude_id: int | None = None) -> str:
    """Check a new PIN (length for the role, unique) and hash it with the shop key.

    Inside the write transaction: the shop key is created with the first PIN.
    """
    check_pin_format(pin, min_pin_length(db, role))
    key = pin_key.ensure_shop_key(db)
    if _pin_in_use(db, pin, key, exclude_id):
        raise ValidationError({"pin": _("Another active staff member has this PIN. "
                                        "Choose a different one.")})
    return hash_pin(pin, key)


def _limit_for(role: Role, limit_minor: int) -> int:
    return limit_minor if role == "supervisor" else 0


def _insert(db: Database, name: str, role: Role, limit_minor: int, pin_hash: str | None) -> int:
    cur = db.execute(
        "INSERT INTO staff(name, role, limit_minor, pin_hash, active, created_at) "
        "VALUES (?, ?, ?, ?, 1, ?)",
        [name.strip(), role, limit_minor, pin_hash, to_iso(utcnow())],
    )
    staff_id = int(cur.lastrowid or 0)
    _join_shop(db, staff_id, shop_of(db))  # a new member of staff works at this shop
    return staff_id


# ---------------------------------------------------------------- first run


def needs_first_manager(db: Database) -> bool:
    """True until the database has an active manager with a PIN: ask for one first."""
    row = db.execute(
        "SELECT 1 FROM staff WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL "
        "LIMIT 1"
    ).fetchone()
    return row is None


def create_first_manager(db: Database, name: str, pin: str) -> Staff:
    """The first manager of a new database; refused once a manager exists."""
    validate_staff(name, "manager", 0)
    check_pin_format(pin, min_pin_length(db, "manager"))
    with audit.immediate(db):
        if not needs_first_manager(db):
            raise PermissionDenied(_("This database already has a manager. Ask them to add "
                                     "you."))
        pin_hash = _new_pin_hash(db, pin, "manager")
        staff_id = _insert(db, name, "manager", 0, pin_hash)
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.created", staff_id, STAFF, staff_id,
                     {"name": name.strip(), "role": "manager", "limit_minor": 0,
                      "first_manager": True})
    return get_staff(db, staff_id)


def _seed_staff(
    db: Database, name: str, role: Role, *, limit_minor: int = 0, pin: str | None = None,
    pin_hash: str | None = None,
) -> Staff:
    """Internal: demo data and test fixtures add staff without a manager, still audited.

    Not part of the data API (people add staff with `add_staff`). `pin` is hashed with the
    shop key; `pin_hash` (tests) must already be made with it.
    """
    validate_staff(name, role, limit_minor)
    with audit.immediate(db):
        if pin is not None:
            pin_hash = hash_pin(pin, pin_key.ensure_shop_key(db))
        staff_id = _insert(db, name, role, limit_minor, pin_hash)
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.created", None, STAFF, staff_id,
                     {"name": name.strip(), "role": role, "limit_minor": limit_minor,
                      "seeded": True})
    return get_staff(db, staff_id)


# ---------------------------------------------------------------- managing staff


def _grant(db: Database, manager_pin: str, console_id: str, action: str,
           staff_id: int | str) -> Approval:
    return approvals.grant(db, manager_pin, console_id, action=action,
                           subject=approvals.subject(STAFF, staff_id))


def add_staff(
    db: Database, manager_pin: str, console_id: str, *, name: str, role: Role, pin: str,
    limit_minor: int = 0,
) -> Staff:
    """A manager adds a staff member with their own PIN (and a limit for a supervisor)."""
    validate_staff(name, role, limit_minor)
    check_pin_format(pin, min_pin_length(db, role))
    approval = _grant(db, manager_pin, console_id, "staff.add", "new")
    limit = _limit_for(role, limit_minor)
    with audit.immediate(db):
        manager = approvals.consume(db, approval, action="staff.add",
                                    subject=approvals.subject(STAFF, "new"))
        pin_hash = _new_pin_hash(db, pin, role)
        staff_id = _insert(db, name, role, limit, pin_hash)
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.created", manager.id, STAFF, staff_id,
                     {"name": name.strip(), "role": role, "limit_minor": limit,
                      "approval_id": approval.id})
    return get_staff(db, staff_id)


def change_staff(
    db: Database, manager_pin: str, console_id: str, staff_id: int, *,
    role: Role | None = None, limit_minor: int | None = None,
) -> Staff:
    """A manager changes someone's role and/or limit (a supervisor's limit per complaint)."""
    current = get_staff(db, staff_id)
    new_role: Role = role if role is not None else current.role
    new_limit = limit_minor if limit_minor is not None else current.limit_minor
    if new_role not in ROLES:
        raise ValidationError({"role": _("Role must be staff, supervisor or manager.")})
    validate_staff(current.name, new_role, new_limit)
    approval = _grant(db, manager_pin, console_id, "staff.change", staff_id)
    new_limit = _limit_for(new_role, new_limit)
    with audit.immediate(db):
        manager = approvals.consume(db, approval, action="staff.change",
                                    subject=approvals.subject(STAFF, staff_id))
        current = get_staff(db, staff_id)
        if current.role == "manager" and new_role != "manager":
            _keep_a_manager(db, staff_id)
        db.execute("UPDATE staff SET role = ?, limit_minor = ? WHERE id = ?",
                   [new_role, new_limit, staff_id])
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.changed", manager.id, STAFF, staff_id, {
            "role": [current.role, new_role], "limit_minor": [current.limit_minor, new_limit],
            "approval_id": approval.id,
        })
    return get_staff(db, staff_id)


def deactivate_staff(db: Database, manager_pin: str, console_id: str, staff_id: int) -> Staff:
    """A manager deactivates someone; their PIN stops working, their records stay."""
    get_staff(db, staff_id)
    approval = _grant(db, manager_pin, console_id, "staff.deactivate", staff_id)
    with audit.immediate(db):
        manager = approvals.consume(db, approval, action="staff.deactivate",
                                    subject=approvals.subject(STAFF, staff_id))
        current = get_staff(db, staff_id)
        if current.role == "manager":
            _keep_a_manager(db, staff_id)
        db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.deactivated", manager.id, STAFF, staff_id,
                     {"name": current.name, "approval_id": approval.id})
    return get_staff(db, staff_id)


def reset_pin(
    db: Database, manager_pin: str, console_id: str, staff_id: int, new_pin: str
) -> Staff:
    """A manager sets a new PIN for someone (who forgot theirs). The PIN is not audited."""
    current = get_staff(db, staff_id)
    check_pin_format(new_pin, min_pin_length(db, current.role))
    if not current.active:
        raise ValidationError({"staff": _("{name} is not active.").format(name=current.name)})
    approval = _grant(db, manager_pin, console_id, "staff.reset_pin", staff_id)
    with audit.immediate(db):
        manager = approvals.consume(db, approval, action="staff.reset_pin",
                                    subject=approvals.subject(STAFF, staff_id))
        current = get_staff(db, staff_id)
        pin_hash = _new_pin_hash(db, new_pin, current.role, exclude_id=staff_id)
        db.execute("UPDATE staff SET pin_hash = ? WHERE id = ?", [pin_hash, staff_id])
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.pin_reset", manager.id, STAFF, staff_id,
                     {"name": current.name, "approval_id": approval.id})
    return get_staff(db, staff_id)


def _keep_a_manager(db: Database, leaving_id: int) -> None:
    others = db.execute(
        "SELECT count(*) FROM staff WHERE role = 'manager' AND active = 1 AND id <> ?",
        [leaving_id],
    ).fetchone()[0]
    if not others:
        raise PermissionDenied(_("This is the last active manager. Add another manager "
                                 "first."))
