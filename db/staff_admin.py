"""Signing in by PIN and managing staff; every change needs a manager's PIN, checked here.

A PIN is 4-8 digits and unique among active staff. Uniqueness cannot be checked with an
index (each hash has its own salt), so a new PIN is verified against every active staff
member's hash. A wrong PIN counts towards the console's lockout (`db.lockout`).
"""

from __future__ import annotations

from sqlite_utils import Database

from db import audit, lockout
from db.errors import PermissionDenied, ValidationError
from db.i18n import _
from db.models import ROLES, Role, Staff
from db.pins import check_pin_format, hash_pin, verify_pin
from db.staff import get_staff, validate_staff


def _active_hashes(db: Database, exclude_id: int | None = None) -> list[tuple[int, str]]:
    return [
        (int(r[0]), str(r[1]))
        for r in db.execute(
            "SELECT id, pin_hash FROM staff WHERE active = 1 AND pin_hash IS NOT NULL "
            "AND id IS NOT ? ORDER BY id",
            [exclude_id],
        )
    ]


def find_by_pin(db: Database, pin: str) -> Staff | None:
    """The active staff member whose PIN this is, or None. Does not touch the lockout."""
    check_pin_format(pin)
    # Stopping at the match leaks nothing the answer does not tell anyway (who it is);
    # a wrong PIN always costs one check per active staff member.
    for staff_id, stored in _active_hashes(db):
        if verify_pin(pin, stored):
            return get_staff(db, staff_id)
    return None


def pin_in_use(db: Database, pin: str, exclude_id: int | None = None) -> bool:
    """True if an active staff member (other than `exclude_id`) already has this PIN."""
    return any(verify_pin(pin, stored) for _id, stored in _active_hashes(db, exclude_id))


def authenticate(db: Database, pin: str, console_id: str, purpose: str = "sign_in") -> Staff:
    """The active staff member with this PIN, honouring and updating the console's lockout.

    Raises PinLocked while locked, ValidationError for a malformed PIN (not counted: it
    cannot match anyone), WrongPin (counted and audited) when nobody has it.
    """
    lockout.check(db, console_id)
    check_pin_format(pin)
    staff = find_by_pin(db, pin)
    if staff is None:
        raise lockout.WrongPin(lockout.record_failure(db, console_id, purpose))
    lockout.record_success(db, console_id)
    return staff


def _manager(db: Database, manager_pin: str, console_id: str, purpose: str) -> Staff:
    manager = authenticate(db, manager_pin, console_id, purpose)
    if manager.role != "manager":
        raise PermissionDenied(_("Only a manager can change staff. {name} is a {role}.").format(
            name=manager.name, role=_(manager.role)))
    return manager


def _validate_new_pin(db: Database, pin: str, exclude_id: int | None = None) -> None:
    check_pin_format(pin)
    if pin_in_use(db, pin, exclude_id):
        raise ValidationError({"pin": _("Another active staff member has this PIN. "
                                        "Choose a different one.")})


def _limit_for(role: Role, limit_minor: int) -> int:
    return limit_minor if role == "supervisor" else 0


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
    check_pin_format(pin)
    pin_hash = hash_pin(pin)
    with audit.immediate(db):
        if not needs_first_manager(db):
            raise PermissionDenied(_("This database already has a manager. Ask them to add "
                                     "you."))
        if pin_in_use(db, pin):
            raise ValidationError({"pin": _("Another active staff member has this PIN. "
                                            "Choose a different one.")})
        staff_id = _insert(db, name, "manager", 0, pin_hash)
        audit.append(db, "staff.created", staff_id, "staff", staff_id,
                     {"name": name.strip(), "role": "manager", "first_manager": True})
    return get_staff(db, staff_id)


def _insert(db: Database, name: str, role: Role, limit_minor: int, pin_hash: str) -> int:
    from db.clock import to_iso, utcnow

    cur = db.execute(
        "INSERT INTO staff(name, role, limit_minor, pin_hash, active, created_at) "
        "VALUES (?, ?, ?, ?, 1, ?)",
        [name.strip(), role, limit_minor, pin_hash, to_iso(utcnow())],
    )
    return int(cur.lastrowid or 0)


# ---------------------------------------------------------------- managing staff


def add_staff(
    db: Database, manager_pin: str, console_id: str, *, name: str, role: Role, pin: str,
    limit_minor: int = 0,
) -> Staff:
    """A manager adds a staff member with their own PIN (and a limit for a supervisor)."""
    validate_staff(name, role, limit_minor)
    check_pin_format(pin)
    manager = _manager(db, manager_pin, console_id, "staff.add")
    _validate_new_pin(db, pin)
    pin_hash = hash_pin(pin)
    limit = _limit_for(role, limit_minor)
    with audit.immediate(db):
        staff_id = _insert(db, name, role, limit, pin_hash)
        audit.append(db, "staff.created", manager.id, "staff", staff_id,
                     {"name": name.strip(), "role": role, "limit_minor": limit})
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
    manager = _manager(db, manager_pin, console_id, "staff.change")
    new_limit = _limit_for(new_role, new_limit)
    with audit.immediate(db):
        if current.role == "manager" and new_role != "manager":
            _keep_a_manager(db, staff_id)
        db.execute("UPDATE staff SET role = ?, limit_minor = ? WHERE id = ?",
                   [new_role, new_limit, staff_id])
        audit.append(db, "staff.changed", manager.id, "staff", staff_id, {
            "role": [current.role, new_role], "limit_minor": [current.limit_minor, new_limit],
        })
    return get_staff(db, staff_id)


def deactivate_staff(db: Database, manager_pin: str, console_id: str, staff_id: int) -> Staff:
    """A manager deactivates someone; their PIN stops working, their records stay."""
    current = get_staff(db, staff_id)
    manager = _manager(db, manager_pin, console_id, "staff.deactivate")
    with audit.immediate(db):
        if current.role == "manager":
            _keep_a_manager(db, staff_id)
        db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])
        audit.append(db, "staff.deactivated", manager.id, "staff", staff_id,
                     {"name": current.name})
    return get_staff(db, staff_id)


def reset_pin(
    db: Database, manager_pin: str, console_id: str, staff_id: int, new_pin: str
) -> Staff:
    """A manager sets a new PIN for someone (who forgot theirs). The PIN is not audited."""
    current = get_staff(db, staff_id)
    check_pin_format(new_pin)
    manager = _manager(db, manager_pin, console_id, "staff.reset_pin")
    if not current.active:
        raise ValidationError({"staff": _("{name} is not active.").format(name=current.name)})
    _validate_new_pin(db, new_pin, exclude_id=staff_id)
    pin_hash = hash_pin(new_pin)
    with audit.immediate(db):
        db.execute("UPDATE staff SET pin_hash = ? WHERE id = ?", [pin_hash, staff_id])
        audit.append(db, "staff.pin_reset", manager.id, "staff", staff_id,
                     {"name": current.name})
    return get_staff(db, staff_id)


def _keep_a_manager(db: Database, leaving_id: int) -> None:
    others = db.execute(
        "SELECT count(*) FROM staff WHERE role = 'manager' AND active = 1 AND id <> ?",
        [leaving_id],
    ).fetchone()[0]
    if not others:
        raise PermissionDenied(_("This is the last active manager. Add another manager "
                                 "first."))
