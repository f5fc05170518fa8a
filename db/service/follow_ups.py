"""Promises made to customers and the follow-up that confirms the fix worked.

A promise has an owner and a due time (default: a call-back within seven days). Open
promises due soon or overdue are listed on the console's home, oldest first. Closing one
records the outcome, satisfaction 1-5, the four service dimensions and the one thing the
customer would change; when a complaint's last open promise is closed, the complaint is.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from db.clock import format_local, from_iso, to_iso, utcnow
from db.errors import NotFound, ValidationError
from db.i18n import _
from db.security import audit
from db.service.models import DEFAULT_PROMISE_DAYS, FollowUp, FollowUpClose, PromiseInput
from db.settings import load_settings
from db.shops import shop_of
from db.store import changes
from db.text import clean_fields
from db.tills import till_of

MAX_TEXT = 2000

_SELECT = (
    "SELECT f.id, f.complaint_id, c.customer_id, coalesce(cu.name, c.walk_in_name), f.promise, "
    "f.due_at, f.owner_id, s.name, f.status, f.closed_at, f.closed_by, f.outcome, "
    "f.satisfaction, f.reliability, f.empathy, f.tangibles, f.responsiveness, f.would_change "
    "FROM follow_ups f JOIN complaints c ON c.id = f.complaint_id "
    "LEFT JOIN customers cu ON cu.id = c.customer_id "
    "JOIN staff s ON s.id = f.owner_id"
)


def _follow_up(r: Any, now: datetime) -> FollowUp:
    due = from_iso(r[5]) or now
    return FollowUp(
        id=r[0], complaint_id=r[1], customer_id=r[2], customer_name=r[3] or "", promise=r[4],
        due_at=due, owner_id=r[6], owner_name=r[7], status=r[8],
        overdue=r[8] == "open" and due < now, closed_at=from_iso(r[9]), closed_by=r[10],
        outcome=r[11], satisfaction=r[12], reliability=r[13], empathy=r[14], tangibles=r[15],
        responsiveness=r[16], would_change=r[17],
    )


def validate_promise(db: Database, promise: PromiseInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    text = promise.promise.strip()
    if not text:
        problems["promise"] = _("Say what was promised.")
    elif len(text) > MAX_TEXT:
        problems["promise"] = _("At most {n} characters.").format(n=MAX_TEXT)
    owner = db.execute("SELECT active FROM staff WHERE id = ?", [promise.owner_id]).fetchone()
    if owner is None or not owner[0]:
        problems["promise_owner"] = _("Choose an active staff member to own the promise.")
    if promise.due_at is not None:
        if promise.due_at.tzinfo is None:
            problems["promise_due"] = _("The due time needs a time zone.")
        elif promise.due_at < utcnow() - timedelta(minutes=1):
            problems["promise_due"] = _("The due time is in the past.")
    return problems


def add_promise(
    db: Database, complaint_id: int, promise: PromiseInput, actor_id: int | None
) -> FollowUp:
    """Record a promise on a complaint (the complaint becomes "promised")."""
    promise = clean_fields(promise)
    problems = validate_promise(db, promise)
    if problems:
        raise ValidationError(problems)
    with audit.immediate(db):
        if db.execute("SELECT 1 FROM complaints WHERE id = ?", [complaint_id]).fetchone() \
                is None:
            raise NotFound(_("There is no complaint with id {id}.").format(id=complaint_id))
        follow_up_id = insert_promise(db, complaint_id, promise)
        db.execute("UPDATE complaints SET status = 'promised', updated_at = ? WHERE id = ?",
                   [to_iso(utcnow()), complaint_id])
        audit.append(db, "promise.made", actor_id, "follow_up", follow_up_id,
                     {"complaint_id": complaint_id, "owner_id": promise.owner_id})
        changes.record(db, changes.FOLLOW_UP, follow_up_id)
        changes.record_complaint(db, complaint_id)
    return get_follow_up(db, follow_up_id)


def insert_promise(db: Database, complaint_id: int, promise: PromiseInput) -> int:
    """Low-level insert inside the caller's transaction (already validated)."""
    due = promise.due_at or utcnow() + timedelta(days=DEFAULT_PROMISE_DAYS)
    cur = db.execute(
        "INSERT INTO follow_ups(complaint_id, promise, due_at, owner_id) VALUES (?, ?, ?, ?)",
        [complaint_id, promise.promise.strip(), to_iso(due), promise.owner_id],
    )
    return int(cur.lastrowid or 0)


def get_follow_up(db: Database, follow_up_id: int) -> FollowUp:
    r = db.execute(_SELECT + " WHERE f.id = ?", [follow_up_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no follow-up with id {id}.").format(id=follow_up_id))
    return _follow_up(r, utcnow())


def follow_ups_for(db: Database, complaint_id: int) -> list[FollowUp]:
    now = utcnow()
    return [_follow_up(r, now) for r in db.execute(
        _SELECT + " WHERE f.complaint_id = ? ORDER BY f.due_at, f.id", [complaint_id])]


def due_follow_ups(
    db: Database, *, within: timedelta = timedelta(days=1), owner_id: int | None = None,
    limit: int = 200,
) -> list[FollowUp]:
    """Open promises of the console's shop (`db.shops.shop_of`) overdue or due within
    `within` from now, oldest (most overdue) first."""
    now = utcnow()
    params: list[Any] = [to_iso(now + within), shop_of(db)]
    owner = ""
    if owner_id is not None:
        owner = " AND f.owner_id = ?"
        params.append(owner_id)
    params.append(limit)
    return [_follow_up(r, now) for r in db.execute(
        _SELECT + " WHERE f.status = 'open' AND f.due_at <= ? AND c.shop_id = ?" + owner +
        " ORDER BY f.due_at, f.id LIMIT ?", params)]


def open_follow_ups(db: Database, *, limit: int = 500) -> list[FollowUp]:
    """Every open promise of the console's shop, oldest due first."""
    now = utcnow()
    return [_follow_up(r, now) for r in db.execute(
        _SELECT + " WHERE f.status = 'open' AND c.shop_id = ? ORDER BY f.due_at, f.id LIMIT ?",
        [shop_of(db), limit])]


def validate_close(data: FollowUpClose) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not data.outcome.strip():
        problems["outcome"] = _("Say what came of the follow-up.")
    elif len(data.outcome) > MAX_TEXT:
        problems["outcome"] = _("At most {n} characters.").format(n=MAX_TEXT)
    scores = {"satisfaction": data.satisfaction, "reliability": data.reliability,
              "empathy": data.empathy, "tangibles": data.tangibles,
              "responsiveness": data.responsiveness}
    for name, value in scores.items():
        missing = value is None and name == "satisfaction"
        bad = value is not None and (not isinstance(value, int) or not 1 <= value <= 5)
        if missing or bad:
            problems[name] = _("Choose a score from 1 to 5.")
    if len(data.would_change) > MAX_TEXT:
        problems["would_change"] = _("At most {n} characters.").format(n=MAX_TEXT)
    return problems


def _already_closed(db: Database, name: str, till: str, at_text: str | None) -> str:
    at = from_iso(at_text)
    if not name or at is None:
        return _("This follow-up is already closed.")
    when = format_local(at, load_settings(db).timezone)
    if till:
        return _("This follow-up is already closed: {name} closed it at till {till} at "
                 "{when}.").format(name=name, till=till, when=when)
    return _("This follow-up is already closed: {name} closed it at {when}.").format(
        name=name, when=when)


def close_follow_up(
    db: Database, follow_up_id: int, data: FollowUpClose, closed_by: int
) -> FollowUp:
    """Record what the customer said; the complaint closes with its last open promise."""
    data = clean_fields(data)
    problems = validate_close(data)
    if problems:
        raise ValidationError(problems)
    with audit.immediate(db):
        row = db.execute(
            "SELECT f.complaint_id, f.status, coalesce(s.name, ''), f.closed_till, "
            "f.closed_at, f.closed_by, f.outcome, f.satisfaction "
            "FROM follow_ups f LEFT JOIN staff s ON s.id = f.closed_by "
            "WHERE f.id = ?", [follow_up_id]).fetchone()
        if row is None:
            raise NotFound(_("There is no follow-up with id {id}.").format(id=follow_up_id))
        if row[1] != "open" and (row[5], row[3] or "", row[6], row[7]) == (
                closed_by, till_of(db) or "", data.outcome.strip(), data.satisfaction):
            # closed by this very close (same person, till, outcome and score): a retry of a
            # save whose answer was lost with the server's connection; nothing written again
            return get_follow_up(db, follow_up_id)
        if row[1] != "open":  # closed meanwhile, e.g. at another till: say who, where, when
            raise ValidationError({"follow_up": _already_closed(db, row[2], row[3], row[4])})
        complaint_id = int(row[0])
        now = to_iso(utcnow())
        db.execute(
            "UPDATE follow_ups SET status = 'closed', closed_at = ?, closed_by = ?, "
            "outcome = ?, satisfaction = ?, reliability = ?, empathy = ?, tangibles = ?, "
            "responsiveness = ?, would_change = ?, closed_till = ? WHERE id = ?",
            [now, closed_by, data.outcome.strip(), data.satisfaction, data.reliability,
             data.empathy, data.tangibles, data.responsiveness, data.would_change.strip(),
             till_of(db), follow_up_id],
        )
        still_open = db.execute(
            "SELECT count(*) FROM follow_ups WHERE complaint_id = ? AND status = 'open'",
            [complaint_id]).fetchone()[0]
        if not still_open:
            db.execute("UPDATE complaints SET status = 'closed', updated_at = ? WHERE id = ?",
                       [now, complaint_id])
        audit.append(db, "follow_up.closed", closed_by, "follow_up", follow_up_id,
                     {"complaint_id": complaint_id, "satisfaction": data.satisfaction})
        changes.record(db, changes.FOLLOW_UP, follow_up_id)
        changes.record_complaint(db, complaint_id)
    return get_follow_up(db, follow_up_id)
