"""Form drafts saved as they are typed; each belongs to the person who typed it.

A draft is keyed by its owner (the staff member signed in while it was typed) and the form,
not by the console: it is offered back to its owner at their next sign-in, on any console,
and nobody else's answer can delete it. The console it was last typed on is kept for the
manager's list. A draft is only JSON in its own table: it never appears in complaints,
reports or letters until the form is saved for real (then the draft is cleared).

Managers see stale drafts (untouched for `STALE_AFTER`, or whose owner is unknown or no
longer active) and can discard them (`discard_draft`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import NotFound, PermissionDenied, ValidationError
from db.i18n import _
from db.models import Staff
from db.service.models import Draft
from db.store.connection import write

MAX_PAYLOAD = 200_000  # characters of JSON; a form is far smaller
STALE_AFTER = timedelta(hours=1)  # a draft being typed is saved every few seconds

_COLUMNS = ("d.id, d.owner_id, coalesce(s.name, ''), d.form, d.console_id, d.payload, "
            "d.updated_at")


def _draft(row: Any) -> Draft | None:
    try:
        payload = json.loads(row[5])
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    return Draft(console_id=str(row[4]), form=str(row[3]), payload=payload,
                 updated_at=from_iso(row[6]) or utcnow(), owner_id=row[1],
                 owner_name=str(row[2]), id=int(row[0]))


def save_draft(
    db: Database, owner_id: int, form: str, payload: Mapping[str, Any], *, console_id: str = ""
) -> None:
    """Store (replace) the owner's draft of this form; one statement, so atomic on its own."""
    text = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str)
    if len(text) > MAX_PAYLOAD:
        raise ValidationError({"draft": _("This form is too large to keep as a draft.")})
    db.execute(
        "INSERT INTO drafts(owner_id, form, console_id, payload, updated_at) "
        "VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(owner_id, form) DO UPDATE SET payload = excluded.payload, "
        "console_id = excluded.console_id, updated_at = excluded.updated_at",
        [owner_id, form, console_id, text, to_iso(utcnow())],
    )


def load_draft(db: Database, owner_id: int, form: str) -> Draft | None:
    """The owner's draft, or None (also when it cannot be read: better lost than a crash)."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM drafts d LEFT JOIN staff s ON s.id = d.owner_id "
        "WHERE d.owner_id = ? AND d.form = ?",
        [owner_id, form],
    ).fetchone()
    return None if row is None else _draft(row)


def clear_draft(db: Database, owner_id: int, form: str) -> None:
    """The owner saved or threw away the form: their draft goes (nobody else's)."""
    db.execute("DELETE FROM drafts WHERE owner_id = ? AND form = ?", [owner_id, form])


def stale_drafts(
    db: Database, *, stale_after: timedelta = STALE_AFTER, now: datetime | None = None
) -> list[Draft]:
    """Drafts a manager should look at, oldest first: untouched for `stale_after`, or with
    no owner (from before drafts had owners), or whose owner is no longer active."""
    cutoff = to_iso((now or utcnow()) - stale_after)
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM drafts d LEFT JOIN staff s ON s.id = d.owner_id "
        "WHERE d.updated_at <= ? OR d.owner_id IS NULL OR coalesce(s.active, 0) = 0 "
        "ORDER BY d.updated_at, d.id",
        [cutoff],
    ).fetchall()
    found: list[Draft] = []
    for row in rows:
        draft = _draft(row)
        if draft is None:  # unreadable: still listed, so a manager can remove it
            draft = Draft(console_id=str(row[4]), form=str(row[3]), payload={},
                          updated_at=from_iso(row[6]) or utcnow(), owner_id=row[1],
                          owner_name=str(row[2]), id=int(row[0]))
        found.append(draft)
    return found


def discard_draft(db: Database, draft_id: int, by: Staff) -> None:
    """A manager (or the draft's owner) throws a draft away for good."""
    with write(db):
        row = db.execute("SELECT owner_id FROM drafts WHERE id = ?", [draft_id]).fetchone()
        if row is None:
            raise NotFound(_("That draft is gone already."))
        if not by.active or (by.role != "manager" and row[0] != by.id):
            raise PermissionDenied(_("Only a manager can discard someone else's draft."))
        db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
