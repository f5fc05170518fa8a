"""PIN lockout across all tills of the shop, kept in the database so nothing resets it.

Every wrong PIN - and every PIN of someone without the right for what was asked - is a row
in `pin_failures`, with the console (till) it was typed at. Within any window of
`pin_lockout_minutes` (settings, default 15):

- `pin_max_attempts` (default 5) wrong PINs at any of the shop's tills together lock PIN
  entry at every till: walking to till 2 after being locked out at till 1 gives no more
  tries, and neither does a new console id (a fresh config folder, a deleted
  ``console-id`` file, another id passed to the API);
- a right PIN from someone with the right clears the wrong PINs typed at its own till
  (a supervisor's typos there), never those of other tills;
- `pin_shop_max_attempts` (default 15) wrong PINs in the window, cleared or not, lock PIN
  entry at every till whatever right PINs came between, so right and wrong PINs in turn
  buy no more tries than that.

A lock lasts until the window has passed since the wrong PIN that set it. Every wrong PIN
is audited with its till (never the PIN itself). Each shop of the company (`db.shops`)
counts its own tills' wrong PINs, under its own settings.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import UserError
from db.i18n import ngettext
from db.security import audit
from db.service.models import LockoutStatus
from db.settings import load_settings
from db.shops import shop_of

KEEP = timedelta(days=2)  # longer than the longest lock time (24 hours)


def _minutes(status: LockoutStatus) -> int:
    return max(1, math.ceil(status.remaining_seconds / 60))


class PinLocked(UserError):
    """PIN entry is locked for a while after too many wrong PINs (this console or shop)."""

    def __init__(self, status: LockoutStatus) -> None:
        self.status = status
        minutes = _minutes(status)
        if status.shop_wide:
            message = ngettext(
                "Too many wrong PINs at this shop's consoles. PIN entry is locked at every "
                "console for {n} more minute.",
                "Too many wrong PINs at this shop's consoles. PIN entry is locked at every "
                "console for {n} more minutes.", minutes)
        else:
            message = ngettext(
                "Too many wrong PINs at this shop's tills. PIN entry is locked at every till "
                "for {n} more minute.",
                "Too many wrong PINs at this shop's tills. PIN entry is locked at every till "
                "for {n} more minutes.", minutes)
        super().__init__(message.format(n=minutes))


class WrongPin(UserError):
    """The PIN was wrong, or belongs to someone who may not do this: one message for both,
    so it never tells a guesser that a PIN belongs to somebody. `status` says what is left."""

    def __init__(self, status: LockoutStatus) -> None:
        self.status = status
        if status.locked:
            minutes = _minutes(status)
            message = ngettext(
                "Wrong PIN, or a PIN that may not do this. PIN entry is now locked for {n} "
                "minute.",
                "Wrong PIN, or a PIN that may not do this. PIN entry is now locked for {n} "
                "minutes.", minutes).format(n=minutes)
        else:
            message = ngettext(
                "Wrong PIN, or a PIN that may not do this. {n} attempt left before PIN entry "
                "locks.",
                "Wrong PIN, or a PIN that may not do this. {n} attempts left before PIN entry "
                "locks.", status.attempts_left).format(n=status.attempts_left)
        super().__init__(message)


def _times(db: Database, since: datetime, *, uncleared: bool) -> list[datetime]:
    """Failure times after `since` at every till, newest first (the uncleared ones, or
    all of them)."""
    rows = db.execute(
        "SELECT at FROM pin_failures WHERE shop_id = ? AND at > ? AND (cleared = 0 OR ? = 1) "
        "ORDER BY at DESC",  # `? = 1`: a boolean on PostgreSQL too
        [shop_of(db), to_iso(since), 0 if uncleared else 1])
    return [moment for moment in (from_iso(r[0]) for r in rows) if moment is not None]


def status(db: Database, console_id: str) -> LockoutStatus:
    """Wrong PINs counted at all the shop's tills, and any lock still running; the same at
    every till (`console_id` only names the till asking)."""
    settings = load_settings(db)
    window = timedelta(minutes=settings.pin_lockout_minutes)
    now = utcnow()
    counted = _times(db, now - window, uncleared=True)
    shop = _times(db, now - window, uncleared=False)
    till_lock = counted[0] + window if len(counted) >= settings.pin_max_attempts else None
    shop_lock = shop[0] + window if len(shop) >= settings.pin_shop_max_attempts else None
    locks = [lock for lock in (till_lock, shop_lock) if lock is not None and lock > now]
    until = max(locks) if locks else None
    left_tills = settings.pin_max_attempts - len(counted)
    left_shop = settings.pin_shop_max_attempts - len(shop)
    shop_wide = (until is not None and until == shop_lock) or (
        until is None and left_shop < left_tills)
    return LockoutStatus(
        console_id=console_id, failed_count=len(counted),
        attempts_left=0 if until is not None else max(0, min(left_tills, left_shop)),
        locked_until=until,
        remaining_seconds=math.ceil((until - now).total_seconds()) if until else 0,
        shop_wide=shop_wide,
    )


def check(db: Database, console_id: str) -> LockoutStatus:
    """Raise PinLocked if PIN entry is locked (at every till of the shop)."""
    current = status(db, console_id)
    if current.locked:
        raise PinLocked(current)
    return current


def record_failure(
    db: Database, console_id: str, purpose: str = "", *, actor_id: int | None = None,
    why: str = "wrong_pin",
) -> LockoutStatus:
    """Count one wrong PIN (own transaction, audited, never the PIN itself).

    `actor_id`/`why` say, for the audit log only, whose PIN it was when it belonged to
    someone without the right ("no_right", "over_limit"); the person at the console is
    told nothing more than for a wrong PIN.
    """
    now = utcnow()
    with audit.immediate(db):
        # older rows can no longer count (the window is at most a day); the log keeps them
        db.execute("DELETE FROM pin_failures WHERE at < ?", [to_iso(now - KEEP)])
        db.execute("INSERT INTO pin_failures(console_id, at, shop_id) VALUES (?, ?, ?)",
                   [console_id, to_iso(now), shop_of(db)])
        after = status(db, console_id)
        tills = db.execute(
            "SELECT count(DISTINCT console_id) FROM pin_failures WHERE cleared = 0 AND at > ? "
            "AND shop_id = ?",
            [to_iso(now - timedelta(minutes=load_settings(db).pin_lockout_minutes)),
             shop_of(db)],
        ).fetchone()[0]
        audit.append(db, "pin.failed", actor_id, "console", None, {
            "console_id": console_id, "purpose": purpose, "why": why,
            "failed_in_window": after.failed_count, "tills_in_window": int(tills),
            "shop_wide_lock": after.shop_wide,
            "locked_until": to_iso(after.locked_until) if after.locked_until else None,
        })
    return after


def record_success(db: Database, console_id: str) -> None:
    """A right PIN from someone with the right: the wrong PINs typed at this till no
    longer count (those of other tills still do).

    The shop-wide cap (`pin_shop_max_attempts`) counts them still (it only runs out with
    time), so no PIN - right or wrong, at any till - buys more tries than the shop allows.
    Caller's transaction or its own.
    """
    db.execute("UPDATE pin_failures SET cleared = 1 WHERE console_id = ? AND cleared = 0",
               [console_id])
