"""PIN lockout per console, kept in the database so closing the console does not reset it.

After `pin_max_attempts` wrong PINs in a row (settings, default 5) the console's PIN entry
locks for `pin_lockout_minutes` (default 15). Every failed attempt is audited - without the
PIN. A right PIN resets the count.
"""

from __future__ import annotations

import math
from datetime import timedelta

from sqlite_utils import Database

from db import audit
from db.clock import from_iso, to_iso, utcnow
from db.errors import UserError
from db.i18n import ngettext
from db.service_models import LockoutStatus
from db.settings import load_settings


class PinLocked(UserError):
    """PIN entry at this console is locked for a while after too many wrong PINs."""

    def __init__(self, status: LockoutStatus) -> None:
        self.status = status
        minutes = max(1, math.ceil(status.remaining_seconds / 60))
        super().__init__(
            ngettext("Too many wrong PINs at this console. PIN entry is locked for {n} more "
                     "minute.",
                     "Too many wrong PINs at this console. PIN entry is locked for {n} more "
                     "minutes.", minutes).format(n=minutes)
        )


class WrongPin(UserError):
    """The PIN matches no active staff member; `status` says how many attempts are left."""

    def __init__(self, status: LockoutStatus) -> None:
        self.status = status
        if status.locked:
            minutes = max(1, math.ceil(status.remaining_seconds / 60))
            message = ngettext("Wrong PIN. PIN entry is now locked for {n} minute.",
                               "Wrong PIN. PIN entry is now locked for {n} minutes.",
                               minutes).format(n=minutes)
        else:
            message = ngettext("Wrong PIN. {n} attempt left before PIN entry locks.",
                               "Wrong PIN. {n} attempts left before PIN entry locks.",
                               status.attempts_left).format(n=status.attempts_left)
        super().__init__(message)


def status(db: Database, console_id: str) -> LockoutStatus:
    """The console's count of wrong PINs and any lock still running."""
    settings = load_settings(db)
    row = db.execute(
        "SELECT failed_count, locked_until FROM pin_lockouts WHERE console_id = ?", [console_id]
    ).fetchone()
    count, until_text = (int(row[0]), row[1]) if row else (0, None)
    now = utcnow()
    until = from_iso(until_text)
    if until is not None and until <= now:
        until, count = None, 0  # the lock ran out: a fresh start
    remaining = math.ceil((until - now).total_seconds()) if until is not None else 0
    return LockoutStatus(
        console_id=console_id, failed_count=count,
        attempts_left=max(0, settings.pin_max_attempts - count) if until is None else 0,
        locked_until=until, remaining_seconds=remaining,
    )


def check(db: Database, console_id: str) -> LockoutStatus:
    """Raise PinLocked if PIN entry is locked at this console; else return the status."""
    current = status(db, console_id)
    if current.locked:
        raise PinLocked(current)
    return current


def record_failure(db: Database, console_id: str, purpose: str = "") -> LockoutStatus:
    """Count one wrong PIN (own transaction, audited); lock the console at the limit."""
    settings = load_settings(db)
    with audit.immediate(db):
        current = status(db, console_id)
        count = current.failed_count + 1
        locked_until = None
        if count >= settings.pin_max_attempts:
            locked_until = utcnow() + timedelta(minutes=settings.pin_lockout_minutes)
        db.execute(
            "INSERT INTO pin_lockouts(console_id, failed_count, locked_until) VALUES (?, ?, ?) "
            "ON CONFLICT(console_id) DO UPDATE SET failed_count = excluded.failed_count, "
            "locked_until = excluded.locked_until",
            [console_id, count, to_iso(locked_until) if locked_until else None],
        )
        audit.append(db, "pin.failed", None, "console", None, {
            "console_id": console_id, "purpose": purpose, "failed_in_a_row": count,
            "locked_until": to_iso(locked_until) if locked_until else None,
        })
    return status(db, console_id)


def record_success(db: Database, console_id: str) -> None:
    """A right PIN: the count starts again from zero. Call inside or outside a transaction."""
    db.execute(
        "UPDATE pin_lockouts SET failed_count = 0, locked_until = NULL "
        "WHERE console_id = ? AND (failed_count <> 0 OR locked_until IS NOT NULL)",
        [console_id],
    )
