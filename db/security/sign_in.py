"""Signing in at a console: who taps their name and who must type a PIN.

The shop setting `sign_in_pin` chooses: "supervisors" (the default: supervisors and managers
type their PIN, floor staff tap their name) or "everyone". Managers always sign in with a
PIN, whatever the setting, because the manager screens (report, staff, settings) need a
manager who proved who they are. A PIN at sign-in goes through
`staff_admin.authenticate`, so the lockout applies like anywhere else; the PIN is first
checked against the chosen person only, so a PIN that belongs to someone else counts as a
wrong try (it never resets the count), and the message never says whose it is.

The sign-in itself lives in memory (`console.session`); this module holds the rules, so
the window and any other caller apply the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.errors import PermissionDenied
from db.i18n import _
from db.models import ShopSettings, Staff
from db.security.staff import get_staff
from db.settings import load_settings
from db.shops import works_at

SIGN_IN_PURPOSE = "sign_in"


@dataclass(frozen=True)
class SignIn:
    """Who is at the console and whether they proved it with their PIN."""

    staff: Staff
    with_pin: bool


def needs_pin(settings: ShopSettings, staff: Staff) -> bool:
    """True when this person must type their PIN to sign in (managers always do)."""
    if staff.role in ("supervisor", "manager"):
        return True
    return settings.sign_in_pin == "everyone"


def _active(db: Database, staff_id: int) -> Staff:
    staff = get_staff(db, staff_id)
    if not staff.active:
        raise PermissionDenied(_("{name} can no longer sign in. Ask a manager.").format(
            name=staff.name))
    if not works_at(db, staff.id):
        raise PermissionDenied(_("{name} does not work at this shop, so cannot sign in "
                                 "here. Ask a manager.").format(name=staff.name))
    return staff


def sign_in_by_tap(db: Database, staff_id: int) -> SignIn:
    """Sign in by choosing a name; refused for anyone the shop asks for a PIN."""
    staff = _active(db, staff_id)
    if needs_pin(load_settings(db), staff):
        raise PermissionDenied(_("{name} signs in with a PIN.").format(name=staff.name))
    return SignIn(staff=staff, with_pin=False)


def sign_in_with_pin(db: Database, staff_id: int, pin: str, console_id: str) -> SignIn:
    """Sign in as the chosen person with their PIN (checked against the lockout).

    Raises PinLocked while PIN entry is locked, ValidationError for a PIN that is not 4-8
    digits (not counted), WrongPin (counted) for a PIN that is not this person's, and
    PermissionDenied when the person has no PIN yet or is no longer active.
    """
    staff = _active(db, staff_id)
    if not staff.has_pin:
        raise PermissionDenied(_("{name} has no PIN yet. Ask a manager to set one.").format(
            name=staff.name))
    who = _check_own_pin(db, staff, pin, console_id)
    return SignIn(staff=who, with_pin=True)


def _check_own_pin(db: Database, staff: Staff, pin: str, console_id: str) -> Staff:
    """`staff` if this is their own PIN, under the lockout; else WrongPin (counted).

    Someone else's PIN is a wrong try that never resets the count, with the same message.
    """
    from db.security.approvals import check_pin

    return check_pin(db, pin, console_id, SIGN_IN_PURPOSE,
                     lambda who: "" if who.id == staff.id else "not_this_person",
                     first=lambda staff_id, _role: staff_id == staff.id)


def require_manager_with_pin(sign_in: SignIn | None) -> Staff:
    """The manager screens' rule: a manager, signed in with their PIN at this console."""
    if sign_in is None:
        raise PermissionDenied(_("Nobody is signed in. Choose your name on the sign-in "
                                 "screen."))
    if sign_in.staff.role != "manager" or not sign_in.staff.active:
        raise PermissionDenied(_("Only a manager can open this screen."))
    if not sign_in.with_pin:
        raise PermissionDenied(_("This screen needs a manager signed in with their PIN. "
                                 "Sign out and sign in again with your PIN."))
    return sign_in.staff
